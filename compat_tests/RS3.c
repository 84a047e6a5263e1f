/* RS3: the peer closed; our send succeeds but draws the peer's RST; the
 * next recv fails WSAECONNABORTED and the EOF is gone (row 7c). */
#include "harness.h"

void sc_RS3(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s;
    char buf[8];
    fd_set r;
    struct timeval tv = { 2, 0 };

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in sa = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    ct_peer_close(p);
    FD_ZERO(&r);
    FD_SET(s, &r);
    ct_obs_rc(t, "select_fin", select(0, &r, NULL, NULL, &tv));
    ct_obs_rc(t, "send", send(s, "hello", 5, 0));
    ct_settle(100); /* the peer's RST crosses loopback */
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    closesocket(s);
    ct_peer_close(l);
}
