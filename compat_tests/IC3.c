/* IC3: a UDP socket whose datagram drew a port unreachable, connected
 * or not: the next receive fails WSAECONNRESET, once; after
 * SIO_UDP_CONNRESET FALSE the unreachable is not reported (a
 * non-blocking recv would block); a short BOOL WSAEFAULT. */
#include "harness.h"
#include <mstcpip.h>
#include <mswsock.h>

void sc_IC3(ct *t)
{
    unsigned short pa, dead;
    SOCKET a, u;
    struct sockaddr_in to;
    BOOL off = FALSE;
    u_long nb = 1;
    DWORD n = 0;
    char buf[16];

    ct_startup(t);
    u = ct_udp(t, &dead);
    closesocket(u);
    a = ct_udp(t, &pa);
    to = ct_loopback(dead);
    ct_require(t, connect(a, (struct sockaddr *)&to, sizeof(to)) == 0,
               "connect");
    ioctlsocket(a, FIONBIO, &nb);
    send(a, "x", 1, 0);
    ct_obs(t, "readable", "%d", ct_wait_readable(a, 2000));
    ct_obs_rc(t, "reported", recv(a, buf, sizeof(buf), 0));

    ct_obs_rc(t, "connreset_off", WSAIoctl(a, SIO_UDP_CONNRESET, &off,
                                           sizeof(off), NULL, 0, &n, NULL,
                                           NULL));
    send(a, "x", 1, 0);
    ct_wait_readable(a, 500);
    ct_obs_rc(t, "ignored", recv(a, buf, sizeof(buf), 0));
    ct_obs_rc(t, "short_input", WSAIoctl(a, SIO_UDP_CONNRESET, &off, 2, NULL,
                                         0, &n, NULL, NULL));
    closesocket(a);

    a = ct_udp(t, &pa);
    ioctlsocket(a, FIONBIO, &nb);
    sendto(a, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
    ct_obs(t, "unconnected_readable", "%d", ct_wait_readable(a, 2000));
    ct_obs_rc(t, "unconnected_reported", recv(a, buf, sizeof(buf), 0));
    ct_obs_rc(t, "unconnected_once", recv(a, buf, sizeof(buf), 0));
    WSAIoctl(a, SIO_UDP_CONNRESET, &off, sizeof(off), NULL, 0, &n, NULL,
             NULL);
    sendto(a, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
    ct_wait_readable(a, 500);
    ct_obs_rc(t, "unconnected_ignored", recv(a, buf, sizeof(buf), 0));
    closesocket(a);
}
