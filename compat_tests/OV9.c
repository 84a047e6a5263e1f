/* OV9: a blocking select and WSAPoll wait alertably: an APC queued to
 * the thread runs during the wait, which goes on to its timeout; a call
 * that completes at once runs none (row OV9; a blocking recv or accept,
 * asleep in the kernel, does not run them: README's limits). */
#include "harness.h"

static volatile LONG apcs;

static void WINAPI count_apc(ULONG_PTR arg)
{
    (void)arg;
    InterlockedIncrement(&apcs);
}

/* One APC queued to the calling thread, the count cleared. */
static void queue_one(ct *t)
{
    SleepEx(0, TRUE); /* (runs what an earlier step left) */
    apcs = 0;
    ct_require(t, QueueUserAPC(count_apc, GetCurrentThread(), 0) != 0,
               "QueueUserAPC");
}

void sc_OV9(ct *t)
{
    SOCKET c, s;
    fd_set r;
    struct timeval tv = { 0, 200000 };
    WSAPOLLFD p;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    queue_one(t);
    FD_ZERO(&r);
    FD_SET(c, &r);
    ct_obs_rc(t, "select_times_out", select(0, &r, NULL, NULL, &tv));
    ct_obs(t, "select_ran_apc", "%ld", (long)apcs);

    queue_one(t);
    p.fd = c;
    p.events = POLLRDNORM;
    p.revents = 0;
    ct_obs_rc(t, "wsapoll_times_out", WSAPoll(&p, 1, 200));
    ct_obs(t, "wsapoll_ran_apc", "%ld", (long)apcs);

    /* Readable already: no wait, no APC. */
    queue_one(t);
    send(s, "y", 1, 0);
    FD_ZERO(&r);
    FD_SET(c, &r);
    tv.tv_sec = 2;
    tv.tv_usec = 0;
    ct_obs_rc(t, "select_at_once", select(0, &r, NULL, NULL, &tv));
    ct_obs(t, "select_at_once_ran_apc", "%ld", (long)apcs);
    SleepEx(0, TRUE);
    closesocket(c);
    closesocket(s);
}
