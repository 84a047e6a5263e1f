/* SH5: shutdown on an unconnected or listening socket: WSAENOTCONN; a bad
 * `how`: WSAEINVAL.  An unconnected UDP socket may be shut down. */
#include "harness.h"

void sc_SH5(ct *t)
{
    unsigned short port;
    SOCKET s, l, c, srv, u;
    char buf[4];
    struct sockaddr_in to;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "unconnected_send", shutdown(s, SD_SEND));
    ct_obs_rc(t, "unconnected_receive", shutdown(s, SD_RECEIVE));
    l = ct_listener(t, &port);
    ct_obs_rc(t, "listening", shutdown(l, SD_SEND));
    ct_tcp_pair(t, &c, &srv);
    ct_obs_rc(t, "bad_how", shutdown(c, 0xdeadbeef));
    u = ct_udp(t, &port);
    ct_obs_rc(t, "udp_receive", shutdown(u, SD_RECEIVE));
    ct_obs_rc(t, "udp_recvfrom", recvfrom(u, buf, sizeof(buf), 0, NULL, NULL));
    ct_obs_rc(t, "udp_send", shutdown(u, SD_SEND));
    to = ct_loopback(port);
    ct_obs_rc(t, "udp_sendto", sendto(u, "x", 1, 0, (struct sockaddr *)&to,
                                      sizeof(to)));
    closesocket(s);
    closesocket(l);
    closesocket(c);
    closesocket(srv);
    closesocket(u);
}
