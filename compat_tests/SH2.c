/* SH2: shutdown(SD_RECEIVE) puts nothing on the wire; recv fails
 * WSAESHUTDOWN from then on; send still works. */
#include "harness.h"

void sc_SH2(ct *t)
{
    ct_peer *p;
    SOCKET s;
    char buf[8];

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_obs_rc(t, "shutdown", shutdown(s, SD_RECEIVE));
    ct_obs(t, "plain_peer_sees", "%s", ct_peer_recv(p, 200));
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "recv_again", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "send", send(s, "x", 1, 0));
    ct_obs(t, "plain_peer_gets", "%s", ct_peer_recv(p, 2000));
    closesocket(s);
    ct_peer_close(p);
}
