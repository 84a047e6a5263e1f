/* CL10: SO_LINGER {1,n}: a blocking socket's close waits for the data to
 * go; a non-blocking one that cannot finish at once fails WSAEWOULDBLOCK
 * and keeps its handle. */
#include "harness.h"

void sc_CL10(ct *t)
{
    static char data[65536];
    ct_peer *p;
    SOCKET s;
    struct linger lg;
    u_long on = 1;

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    lg.l_onoff = 1;
    lg.l_linger = 5;
    setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
    ct_obs_rc(t, "send", send(s, data, sizeof(data), 0));
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "peer_end", "%s", ct_peer_drain(p, 5000));
    ct_obs(t, "peer_bytes", "%lld", ct_peer_drained(p));
    ct_peer_close(p);

    /* Non-blocking, peer not reading: the close cannot complete. */
    s = ct_plain_pair(t, &p);
    ct_fill(t, s);
    setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
    ioctlsocket(s, FIONBIO, &on);
    ct_obs_rc(t, "nb_close", closesocket(s));
    ct_obs_rc(t, "nb_handle_valid", send(s, data, 1, 0));
    lg.l_onoff = 0;
    setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
    ct_obs_rc(t, "nb_close2", closesocket(s));
    ct_peer_close(p);
}
