/* CL4: closesocket of a listener while a thread is blocked in accept:
 * accept fails WSAEINTR; connections still queued are reset. */
#include "harness.h"

void sc_CL4(ct *t)
{
    unsigned short port;
    ct_async *a;
    ct_peer *p;
    SOCKET l;
    long long t0, ms;

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_async_start(t, CT_ACCEPT, l);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(l));
    ms = ct_async_finish(t, a, "blocked_accept", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");

    /* A connection queued but never accepted. */
    l = ct_listener(t, &port);
    p = ct_peer_connect(t, port);
    ct_obs_rc(t, "close_queued", closesocket(l));
    ct_obs(t, "queued_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
}
