/* RS1: the peer resets: recv and send fail WSAECONNRESET, and keep
 * failing; SO_ERROR stays 0 (reference rows 7h-7j). */
#include "harness.h"

void sc_RS1(ct *t)
{
    ct_peer *p;
    SOCKET s;
    char buf[8];
    int err = -1, len = sizeof(err);
    fd_set r;
    struct timeval tv = { 2, 0 };

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_peer_abort(p);
    FD_ZERO(&r);
    FD_SET(s, &r);
    ct_obs_rc(t, "select", select(0, &r, NULL, NULL, &tv));
    ct_obs_rc(t, "so_error_rc", getsockopt(s, SOL_SOCKET, SO_ERROR,
                                           (char *)&err, &len));
    ct_obs(t, "so_error", "%d", err);
    ct_obs_rc(t, "recv1", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "recv2", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "send1", send(s, "x", 1, 0));
    ct_obs_rc(t, "send2", send(s, "x", 1, 0));
    ct_obs_rc(t, "recv3", recv(s, buf, sizeof(buf), 0));
    closesocket(s);
}
