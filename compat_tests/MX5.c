/* MX5: AcceptEx with a receive length: not complete when the client has
 * connected, only when its first data arrives (bytes = that data); a
 * client that connects and closes gracefully completes it with 0 bytes
 * (row MX5). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

void sc_MX5(ct *t)
{
    unsigned short port;
    SOCKET l, acc, cl;
    LPFN_ACCEPTEX AcceptEx_;
    char buf[16 + 2 * AL];
    DWORD n = 0;
    OVERLAPPED ov;
    struct sockaddr_in to;

    ct_startup(t);
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    AcceptEx_ = mx_acceptex(t, l);

    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex", AcceptEx_(l, acc, buf, 16, AL, AL, &n, &ov));
    cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "client_connect",
              connect(cl, (struct sockaddr *)&to, sizeof(to)));
    /* Bounded look for a completion that must not come. */
    ct_obs(t, "after_connect", "%s", mx_state(&ov, 300));
    ct_obs_rc(t, "client_send", send(cl, "hello", 5, 0));
    mx_obs_result(t, "after_data", l, &ov, 2000);
    ct_obs(t, "data", "%.5s", buf);
    closesocket(cl);
    closesocket(acc);
    CloseHandle(ov.hEvent);

    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex2", AcceptEx_(l, acc, buf, 16, AL, AL, &n, &ov));
    cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "client2_connect",
              connect(cl, (struct sockaddr *)&to, sizeof(to)));
    ct_obs_rc(t, "client2_close", closesocket(cl));
    mx_obs_result(t, "after_graceful_close", l, &ov, 2000);
    closesocket(acc);
    CloseHandle(ov.hEvent);
    closesocket(l);
}
