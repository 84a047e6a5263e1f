/* ER6: listen unbound -> WSAEINVAL (no auto-bind); listen on UDP ->
 * WSAEOPNOTSUPP; getsockname unbound -> WSAEINVAL; recv with len < 0 ->
 * WSAEFAULT (rows 6y, 6z, 8f, 9h); a datagram to port 0 is sent (wine's
 * test_UDP). */
#include "harness.h"

void sc_ER6(ct *t)
{
    SOCKET s, u, c, srv;
    struct sockaddr_in a;
    int len = sizeof(a);
    char buf[4];

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "listen_unbound", listen(s, SOMAXCONN));
    ct_obs_rc(t, "getsockname_unbound", getsockname(s, (struct sockaddr *)&a,
                                                    &len));
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    a = ct_loopback(0);
    bind(u, (struct sockaddr *)&a, sizeof(a));
    ct_obs_rc(t, "listen_udp", listen(u, 1));
    /* A datagram to port 0 goes (Linux refuses it: EINVAL). */
    a = ct_loopback(0);
    ct_obs_rc(t, "sendto_port_0", sendto(u, "test", 4, 0,
                                         (struct sockaddr *)&a, sizeof(a)));
    ct_tcp_pair(t, &c, &srv);
    ct_obs_rc(t, "recv_negative", recv(c, buf, -1, 0));
    ct_obs_rc(t, "recv_zero", recv(c, NULL, 0, 0));
    len = 1;
    ct_obs_rc(t, "getsockname_short", getsockname(c, (struct sockaddr *)&a,
                                                  &len));
    closesocket(s);
    closesocket(u);
    closesocket(c);
    closesocket(srv);
}
