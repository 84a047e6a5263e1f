/* CL7: closesocket while another thread waits in WSAPoll on it. */
#include "harness.h"

void sc_CL7(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    ct_async *a;
    SOCKET s;
    long long t0, ms;

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in sa = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    a = ct_async_start(t, CT_WSAPOLL, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "wsapoll", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs(t, "revents_pollnval", "%d", ct_async_flag(a) == POLLNVAL);
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
    ct_peer_close(l);
}
