/* MX14: ConnectEx needs a bound socket: unbound WSAEINVAL, invalid
 * WSAENOTSOCK, listening WSAEINVAL, no OVERLAPPED ERROR_INVALID_PARAMETER
 * (row MX14). */
#include "mx.h"

void sc_MX14(ct *t)
{
    unsigned short port, port2;
    SOCKET l, l2, s, b;
    LPFN_CONNECTEX ConnectEx_;
    OVERLAPPED ov;
    DWORD n = 0;
    struct sockaddr_in to;

    ct_startup(t);
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    s = mx_tcp(t);
    ConnectEx_ = mx_connectex(t, s);
    mx_ov(&ov);
    mx_obs_bool(t, "unbound", ConnectEx_(s, (struct sockaddr *)&to,
                                         sizeof(to), NULL, 0, &n, &ov));
    mx_obs_bool(t, "invalid", ConnectEx_(INVALID_SOCKET, (struct sockaddr *)&to,
                                         sizeof(to), NULL, 0, &n, &ov));
    l2 = ct_listener(t, &port2);
    mx_obs_bool(t, "listening", ConnectEx_(l2, (struct sockaddr *)&to,
                                           sizeof(to), NULL, 0, &n, &ov));
    b = mx_bound(t);
    mx_obs_bool(t, "null_overlapped", ConnectEx_(b, (struct sockaddr *)&to,
                                                 sizeof(to), NULL, 0, &n,
                                                 NULL));
    closesocket(b);
    closesocket(s);
    closesocket(l2);
    closesocket(l);
    CloseHandle(ov.hEvent);
}
