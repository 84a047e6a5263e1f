/* SH2: shutdown(SD_RECEIVE) puts nothing on the wire; recv fails
 * WSAESHUTDOWN from then on; send still works. */
#include "harness.h"

void sc_SH2(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s;
    char buf[8];

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in sa = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    ct_obs_rc(t, "shutdown", shutdown(s, SD_RECEIVE));
    ct_obs(t, "plain_peer_sees", "%s", ct_peer_recv(p, 200));
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "recv_again", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "send", send(s, "x", 1, 0));
    ct_obs(t, "plain_peer_gets", "%s", ct_peer_recv(p, 2000));
    closesocket(s);
    ct_peer_close(p);
    ct_peer_close(l);
}
