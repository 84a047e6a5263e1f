/* CL8: SO_LINGER {1,0} then closesocket: an abortive close (RST). */
#include "harness.h"

void sc_CL8(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s;
    struct linger lg;

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in sa = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    lg.l_onoff = 1;
    lg.l_linger = 0;
    ct_obs_rc(t, "setsockopt", setsockopt(s, SOL_SOCKET, SO_LINGER,
                                          (char *)&lg, sizeof(lg)));
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
    ct_peer_close(l);
}
