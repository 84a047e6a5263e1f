/* MX9: a socket that a pending AcceptEx accepts into cannot connect:
 * connect and ConnectEx fail WSAEINVAL (row MX9). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

void sc_MX9(ct *t)
{
    unsigned short port, port2;
    SOCKET l, l2, acc;
    char buf[2 * AL];
    DWORD n = 0;
    OVERLAPPED ov, ov2;
    struct sockaddr_in to;

    ct_startup(t);
    l = ct_listener(t, &port);
    l2 = ct_listener(t, &port2);
    to = ct_loopback(port2);
    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_ov(&ov2);
    mx_obs_bool(t, "acceptex",
                mx_acceptex(t, l)(l, acc, buf, 0, AL, AL, &n, &ov));
    ct_obs_rc(t, "connect", connect(acc, (struct sockaddr *)&to, sizeof(to)));
    mx_obs_bool(t, "connectex",
                mx_connectex(t, acc)(acc, (struct sockaddr *)&to, sizeof(to),
                                     NULL, 0, &n, &ov2));
    closesocket(acc);
    mx_obs_result(t, "acceptex_result", l, &ov, 2000);
    closesocket(l2);
    closesocket(l);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
