/* CL8: SO_LINGER {1,0} then closesocket: an abortive close (RST). */
#include "harness.h"

void sc_CL8(ct *t)
{
    ct_peer *p;
    SOCKET s;
    struct linger lg;

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    lg.l_onoff = 1;
    lg.l_linger = 0;
    ct_obs_rc(t, "setsockopt", setsockopt(s, SOL_SOCKET, SO_LINGER,
                                          (char *)&lg, sizeof(lg)));
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
}
