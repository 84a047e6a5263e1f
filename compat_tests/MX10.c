/* MX10: a connection WSAAccept deferred (CF_DEFER) is the one the next
 * AcceptEx receives. */
#include "mx.h"
#include "wa.h"

#define AL (sizeof(struct sockaddr_in) + 16)

void sc_MX10(ct *t)
{
    unsigned short port;
    SOCKET l, c, acc;
    struct sockaddr_in ca;
    struct wa_cond cond;
    LPFN_ACCEPTEX AcceptEx_;
    char buf[2 * AL];
    DWORD n = 0;
    OVERLAPPED ov;

    l = wa_setup(t, &port, &c, &ca, &cond, CF_DEFER);
    AcceptEx_ = mx_acceptex(t, l);
    ct_obs_sock(t, "defer",
                WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond));
    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    mx_obs_result(t, "result", l, &ov, 2000);
    setsockopt(acc, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&l,
               sizeof(l));
    ct_obs(t, "peer", "%s", wa_peer_is(acc, &ca));
    closesocket(acc);
    closesocket(c);
    closesocket(l);
    CloseHandle(ov.hEvent);
}
