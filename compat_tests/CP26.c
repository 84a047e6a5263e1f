/* CP26: closing a port while a thread waits on it: the wait fails with
 * ERROR_ABANDONED_WAIT_0 (735) and a NULL OVERLAPPED. */
#include "harness_ov.h"

struct cp26 {
    HANDLE port;
    BOOL ok;
    DWORD err;
    OVERLAPPED *ov;
};

static void waiter(void *arg)
{
    struct cp26 *w = arg;
    DWORD n;
    ULONG_PTR k;

    w->ov = (OVERLAPPED *)1;
    w->ok = GetQueuedCompletionStatus(w->port, &n, &k, &w->ov, 5000);
    w->err = GetLastError();
}

void sc_CP26(ct *t)
{
    static struct cp26 w;
    ct_thread *th;

    ct_startup(t);
    w.port = ct_port(t);
    th = ct_thread_start(t, waiter, &w);
    ct_require(t, ct_thread_blocked(th, 2000) == 0, "waiter blocked");
    ct_obs_bool(t, "close", CloseHandle(w.port));
    ct_require(t, ct_thread_join(th, 6000) == 0, "waiter returns");
    ct_obs(t, "wait", "%s/%lu ov %s", w.ok ? "TRUE" : "FALSE",
           (unsigned long)w.err, w.ov ? "set" : "NULL");
}
