/* CL7: closesocket while another thread waits in WSAPoll on it. */
#include "harness.h"

void sc_CL7(ct *t)
{
    ct_peer *p;
    ct_async *a;
    SOCKET s;
    long long t0, ms;

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    a = ct_async_start(t, CT_WSAPOLL, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "wsapoll", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs(t, "revents_pollnval", "%d", ct_async_flag(a) == POLLNVAL);
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
}
