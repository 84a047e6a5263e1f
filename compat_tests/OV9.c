/* OV9: blocking calls wait alertably: an APC queued to a thread runs
 * while it waits in recv or select (which go on waiting); a call that
 * completes at once does not run it. */
#include <stdio.h>
#include "harness_ov.h"

static HANDLE ran;
static int count;

static void CALLBACK apc(ULONG_PTR arg)
{
    (void)arg;
    count++;
    SetEvent(ran);
}

struct ov9 {
    SOCKET s;
    int rc, use_select;
};

static void blocker(void *arg)
{
    struct ov9 *b = arg;
    char buf[16];
    fd_set set;

    QueueUserAPC(apc, GetCurrentThread(), 0);
    if (b->use_select) {
        FD_ZERO(&set);
        FD_SET(b->s, &set);
        b->rc = select(0, &set, NULL, NULL, NULL);
    } else {
        b->rc = recv(b->s, buf, sizeof(buf), 0);
    }
}

static void one(ct *t, const char *what, int use_select)
{
    static struct ov9 b;
    char k[32], buf[16];
    SOCKET c, s;
    ct_thread *th;

    ct_tcp_pair(t, &c, &s);
    b.s = s, b.rc = -2, b.use_select = use_select;
    ResetEvent(ran);
    th = ct_thread_start(t, blocker, &b);
    snprintf(k, sizeof(k), "%s_apc_ran", what);
    ct_obs_wait(t, k, WaitForSingleObject(ran, 2000));
    send(c, "hello", 5, 0);
    ct_require(t, ct_thread_join(th, 2000) == 0, "blocked call returns");
    snprintf(k, sizeof(k), "%s_result", what);
    ct_obs_rc(t, k, b.rc);
    recv(s, buf, sizeof(buf), 0);
    closesocket(c);
    closesocket(s);
}

void sc_OV9(ct *t)
{
    SOCKET c, s;
    char buf[16];

    ct_startup(t);
    ran = CreateEventA(NULL, TRUE, FALSE, NULL);
    one(t, "recv", 0);
    one(t, "select", 1);

    /* Completing at once: the APC stays queued. */
    ct_tcp_pair(t, &c, &s);
    send(c, "hello", 5, 0);
    ct_wait_readable(s, 2000);
    count = 0;
    QueueUserAPC(apc, GetCurrentThread(), 0);
    ct_obs_rc(t, "immediate_recv", recv(s, buf, sizeof(buf), 0));
    ct_obs(t, "immediate_count", "%d", count);
    ct_obs_wait(t, "sleepex", SleepEx(0, TRUE));
    ct_obs(t, "count_after", "%d", count);
    closesocket(c);
    closesocket(s);
    CloseHandle(ran);
}
