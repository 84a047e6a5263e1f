/* RS3: the peer closed; our send succeeds but draws the peer's RST; the
 * next recv fails WSAECONNABORTED and the EOF is gone (row 7c). */
#include "harness.h"

void sc_RS3(ct *t)
{
    ct_peer *p;
    SOCKET s;
    char buf[8];
    fd_set r;
    struct timeval tv = { 2, 0 };

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_peer_close(p);
    FD_ZERO(&r);
    FD_SET(s, &r);
    ct_obs_rc(t, "select_fin", select(0, &r, NULL, NULL, &tv));
    ct_obs_rc(t, "send", send(s, "hello", 5, 0));
    ct_wait_reset(s, 1000); /* the peer's RST crosses loopback */
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    closesocket(s);
}
