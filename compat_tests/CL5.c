/* CL5: closesocket of a UDP socket with a thread blocked in recvfrom. */
#include "harness.h"

void sc_CL5(ct *t)
{
    unsigned short port;
    ct_async *a;
    SOCKET u;
    long long t0, ms;

    ct_startup(t);
    u = ct_udp(t, &port);
    a = ct_async_start(t, CT_RECVFROM, u);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(u));
    ms = ct_async_finish(t, a, "blocked_recvfrom", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
}
