/* CL2: closesocket while another thread is blocked in recv: RST, the
 * blocked recv fails WSAECONNABORTED at once, the handle is gone. */
#include "harness.h"

void sc_CL2(ct *t)
{
    ct_peer *p;
    ct_async *a;
    SOCKET s, c, srv;
    long long t0, ms;
    char buf[8];

    ct_startup(t);
    s = ct_plain_pair(t, &p);
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
    ct_wait_readable(srv, 2000);
    ct_obs_rc(t, "peer_recv", recv(srv, buf, sizeof(buf), 0));
    ct_obs_rc(t, "peer_send", send(srv, "x", 1, 0));
    closesocket(srv);
    ct_peer_close(p);
}
