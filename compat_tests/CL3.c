/* CL3: closesocket while another thread is blocked in send on a full
 * connection: RST, the send fails WSAECONNABORTED. */
#include "harness.h"

void sc_CL3(ct *t)
{
    ct_peer *p;
    ct_async *a;
    SOCKET s;
    long long t0, ms;

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_fill(t, s);
    a = ct_async_start(t, CT_SEND_BIG, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "blocked_send", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs_rc(t, "later_send", send(s, "x", 1, 0));
    ct_obs(t, "plain_peer_end", "%s", ct_peer_drain(p, 5000));
    ct_peer_close(p);
}
