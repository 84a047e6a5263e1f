/* CL3: closesocket while another thread is blocked in send on a full
 * connection: RST, the send fails WSAECONNABORTED. */
#include "harness.h"

void sc_CL3(ct *t)
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
    ct_fill(t, s);
    a = ct_async_start(t, CT_SEND_BIG, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "blocked_send", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs_rc(t, "later_send", send(s, "x", 1, 0));
    ct_obs(t, "plain_peer_end", "%s", ct_peer_drain(p, 5000));
    ct_peer_close(p);
    ct_peer_close(l);
}
