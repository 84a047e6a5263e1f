/* UD1: UDP without a peer: send unconnected, recv unbound, a non-blocking
 * recv with nothing queued, sends to a port nobody listens on, connect
 * to AF_UNSPEC; recvfrom with a short fromlen; sendto and recvfrom on
 * TCP (rows 9u, 9y, 9x, 9w). */
#include "harness.h"

void sc_UD1(ct *t)
{
    unsigned short port, port2, dead;
    struct sockaddr_in a, from, unspec;
    SOCKET u, v, d, c, s;
    u_long on = 1;
    int i, ok = 0, len;
    char buf[16];

    ct_startup(t);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_require(t, u != INVALID_SOCKET, "socket");
    ct_obs_rc(t, "send_unconnected", send(u, "x", 1, 0));
    ct_require(t, ioctlsocket(u, FIONBIO, &on) == 0, "FIONBIO");
    ct_obs_rc(t, "recv_unbound", recv(u, buf, sizeof(buf), 0));
    closesocket(u);

    v = ct_udp(t, &port);
    ct_require(t, ioctlsocket(v, FIONBIO, &on) == 0, "FIONBIO");
    ct_obs_rc(t, "recv_nothing", recv(v, buf, sizeof(buf), 0));

    /* Ten sends to a port with nobody behind it: ICMP comes back, and
     * Windows keeps sending.  Then connect(AF_UNSPEC) dissolves the
     * association.  (A socket of its own: Windows reports the ICMP to a
     * later recvfrom, which is not what this row is about.) */
    d = ct_udp(t, &dead);
    closesocket(d);
    u = ct_udp(t, &port2);
    a = ct_loopback(dead);
    ct_require(t, connect(u, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    for (i = 0; i < 10; i++)
        ok += send(u, "ping", 4, 0) == 4;
    ct_obs(t, "sends_to_nobody", "%d", ok);
    memset(&unspec, 0, sizeof(unspec));
    unspec.sin_family = AF_UNSPEC;
    ct_obs_rc(t, "connect_unspec", connect(u, (struct sockaddr *)&unspec,
                                           sizeof(unspec)));
    len = sizeof(from);
    ct_obs_rc(t, "getpeername_dissolved",
              getpeername(u, (struct sockaddr *)&from, &len));
    closesocket(u);

    /* A datagram waiting; fromlen too short for the address. */
    u = ct_udp(t, &dead);
    a = ct_loopback(port);
    ct_require(t, sendto(u, "dgram", 5, 0, (struct sockaddr *)&a,
                         sizeof(a)) == 5, "sendto");
    ct_require(t, ct_wait_readable(v, 2000) == 1, "datagram arrives");
    memset(&from, 0x55, sizeof(from));
    len = 1;
    ct_obs_rc(t, "recvfrom_short_fromlen",
              recvfrom(v, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
    ct_obs(t, "from_untouched", "%d", from.sin_family == 0x5555);
    len = sizeof(from);
    ct_obs_rc(t, "recvfrom_after", recvfrom(v, buf, sizeof(buf), 0,
                                            (struct sockaddr *)&from, &len));
    closesocket(u);
    closesocket(v);

    /* TCP: sendto's address is ignored, recvfrom leaves from alone. */
    ct_tcp_pair(t, &c, &s);
    a = ct_loopback(1);
    ct_obs_rc(t, "tcp_sendto", sendto(c, "abc", 3, 0, (struct sockaddr *)&a,
                                      sizeof(a)));
    ct_require(t, ct_wait_readable(s, 2000) == 1, "data arrives");
    memset(&from, 0x55, sizeof(from));
    len = 7;
    ct_obs_rc(t, "tcp_recvfrom", recvfrom(s, buf, sizeof(buf), 0,
                                          (struct sockaddr *)&from, &len));
    ct_obs(t, "tcp_from_untouched", "%d,%d", from.sin_family == 0x5555, len);
    closesocket(c);
    closesocket(s);
}
