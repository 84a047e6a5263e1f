/* WA3: CF_REJECT: INVALID_SOCKET, WSAECONNREFUSED; the rejected
 * connection is gone: the next WSAAccept's condition function sees the
 * next client and accepts it. */
#include "wa.h"

void sc_WA3(ct *t)
{
    unsigned short port;
    SOCKET l, c1, c2, a;
    struct sockaddr_in ca1, ca2;
    struct wa_cond cond;

    l = wa_setup(t, &port, &c1, &ca1, &cond, CF_REJECT);
    ct_obs_sock(t, "reject",
                WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond));
    ct_obs(t, "reject_caller", "%s",
           wa_same(&cond.caller, &ca1) ? "first" : "other");
    c2 = wa_client(t, port, &ca2);
    cond.verdict = CF_ACCEPT;
    a = WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond);
    ct_obs_sock(t, "next", a);
    ct_obs(t, "next_caller", "%s",
           wa_same(&cond.caller, &ca2) ? "second" : "other");
    ct_obs(t, "calls", "%d", cond.calls);
    closesocket(a);
    closesocket(c1);
    closesocket(c2);
    closesocket(l);
}
