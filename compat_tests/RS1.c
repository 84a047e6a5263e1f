/* RS1: the peer resets: recv and send fail WSAECONNRESET, and keep
 * failing; SO_ERROR stays 0 (reference rows 7h-7j). */
#include "harness.h"

void sc_RS1(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s;
    char buf[8];
    int err = -1, len = sizeof(err);
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
    ct_peer_close(l);
}
