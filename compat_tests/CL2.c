/* CL2: closesocket while another thread is blocked in recv: RST, the
 * blocked recv fails WSAECONNABORTED at once, the handle is gone. */
#include "harness.h"

void sc_CL2(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    ct_async *a;
    SOCKET s, c, srv;
    long long t0, ms;
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
    a = ct_async_start(t, CT_RECV, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "blocked_recv", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs_rc(t, "later_send", send(s, "x", 1, 0));
    ct_obs_rc(t, "later_recv", recv(s, buf, sizeof(buf), 0));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));

    /* The same with a wscompat peer. */
    ct_tcp_pair(t, &c, &srv);
    a = ct_async_start(t, CT_RECV, c);
    t0 = ct_now_ms();
    closesocket(c);
    ct_async_finish(t, a, "blocked_recv2", t0);
    {
        fd_set r;
        struct timeval tv = { 2, 0 };
        FD_ZERO(&r);
        FD_SET(srv, &r);
        select(0, &r, NULL, NULL, &tv);
    }
    ct_obs_rc(t, "peer_recv", recv(srv, buf, sizeof(buf), 0));
    ct_obs_rc(t, "peer_send", send(srv, "x", 1, 0));
    closesocket(srv);
    ct_peer_close(p);
    ct_peer_close(l);
}
