/* OV21: a thread fills the connection with non-blocking sends and exits;
 * shutdown(SD_BOTH) and closesocket after it still deliver every queued
 * byte, then the peer reads the end. */
#include "harness_ov.h"

struct ov21 {
    SOCKET s;
    long long total;
};

static void sender(void *arg)
{
    static char chunk[65536];
    struct ov21 *w = arg;
    u_long on = 1;
    int n;

    ioctlsocket(w->s, FIONBIO, &on);
    while (w->total < 64LL * 1024 * 1024 &&
           (n = send(w->s, chunk, sizeof(chunk), 0)) > 0)
        w->total += n;
}

void sc_OV21(ct *t)
{
    static struct ov21 w;
    ct_peer *p;

    ct_startup(t);
    w.s = ct_plain_pair(t, &p);
    ct_require(t, ct_thread_join(ct_thread_start(t, sender, &w), 5000) == 0,
               "sender exits");
    ct_obs(t, "sent_some", "%s", w.total > 0 ? "yes" : "no");
    ct_obs_rc(t, "shutdown", shutdown(w.s, SD_BOTH));
    ct_obs_rc(t, "close", closesocket(w.s));
    ct_obs(t, "peer_end", "%s", ct_peer_drain(p, 5000));
    ct_obs(t, "peer_got_all", "%s",
           ct_peer_drained(p) == w.total ? "yes" : "no");
    ct_peer_close(p);
}
