/* NM9: GetAddrInfoExCancel (Microsoft's page).  A lookup of localhost
 * cancelled right after the call: the cancel 0 while it was pending
 * (GetAddrInfoExOverlappedResult WSAEINPROGRESS just before); its end
 * comes at once with WSA_E_CANCELLED (Internal and
 * GetAddrInfoExOverlappedResult), no results (*ppResult NULL), the handle
 * spent (a second cancel WSA_INVALID_HANDLE); the same end through a
 * completion routine, called once.  A local lookup may end before the
 * cancel: then the cancel is WSA_INVALID_HANDLE and the lookup's own
 * result stands, and the scenario tries again (at most GAI_TRIES times).
 * The handle of a lookup that has ended, a NULL one and one that never
 * was: WSA_INVALID_HANDLE. */
#include "gaiex.h"

#define GAI_TRIES 50

static struct {
    HANDLE done;
    volatile LONG calls;
    DWORD error;
} rt;

static void CALLBACK routine(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov)
{
    (void)bytes, (void)ov;
    rt.error = error;
    InterlockedIncrement(&rt.calls);
    SetEvent(rt.done);
}

struct attempt {
    HANDLE h;
    int call, pending, cancel, result, again;
    DWORD wait;
    unsigned long internal;
};

/* One lookup cancelled at once, through its event ev or (ev NULL) the
 * routine: 1 when the cancel came first.  A lookup that ended first is
 * checked (*lost_ok cleared if it is not as Windows ends one) and freed. */
static int try_cancel(OVERLAPPED *ov, HANDLE ev, PADDRINFOEXW *res,
                      struct attempt *a, int *lost_ok)
{
    HANDLE done = ev ? ev : rt.done;

    gai_ov(ov, ev);
    ResetEvent(done);
    rt.calls = 0;
    rt.error = CT_SENTINEL;
    *res = GAI_UNSET;
    a->h = NULL;
    a->call = GetAddrInfoExW(L"localhost", NULL, NS_ALL, NULL, NULL, res,
                             NULL, ov,
                             ev ? NULL
                                : (LPLOOKUPSERVICE_COMPLETION_ROUTINE)routine,
                             &a->h);
    if (a->call != WSA_IO_PENDING)
        return 0;
    a->pending = GetAddrInfoExOverlappedResult(ov);
    a->cancel = GetAddrInfoExCancel(&a->h);
    a->wait = WaitForSingleObject(done, GAI_WAIT_MS);
    a->result = GetAddrInfoExOverlappedResult(ov);
    a->internal = ct_ov_internal(ov);
    a->again = GetAddrInfoExCancel(&a->h);
    if (a->cancel == 0)
        return 1;
    if (a->cancel != WSA_INVALID_HANDLE || a->wait != WAIT_OBJECT_0 ||
        a->result != 0 || !*res || *res == GAI_UNSET)
        *lost_ok = 0;
    if (*res && *res != GAI_UNSET)
        FreeAddrInfoExW(*res);
    return 0;
}

static void cancel_rows(ct *t, const char *p, OVERLAPPED *ov, HANDLE ev,
                        PADDRINFOEXW *res)
{
    struct attempt a;
    char key[48];
    int i, won = 0, lost_ok = 1;

    memset(&a, 0, sizeof(a));
    for (i = 0; i < GAI_TRIES && !won; i++) {
        won = try_cancel(ov, ev, res, &a, &lost_ok);
        if (!won && a.call != WSA_IO_PENDING)
            break;
    }
#define KEY(name) (snprintf(key, sizeof(key), "%s_%s", p, name), key)
    gai_obs_code(t, KEY("call"), a.call);
    ct_obs(t, KEY("handle"), "%s", a.h ? "set" : "NULL");
    gai_obs_code(t, KEY("cancel"), a.call == WSA_IO_PENDING ? a.cancel : -1);
    if (won)
        gai_obs_code(t, KEY("pending_before"), a.pending);
    else
        ct_obs(t, KEY("pending_before"), "-");
    ct_obs_wait(t, KEY("wait"), a.wait);
    gai_obs_code(t, KEY("result"), a.result);
    ct_obs(t, KEY("internal"), "%lu", a.internal);
    ct_obs(t, KEY("res"), "%s", !won ? "-" : *res == GAI_UNSET ? "unset"
                                : *res ? "set" : "NULL");
    gai_obs_code(t, KEY("again"), a.again);
    ct_obs(t, KEY("lost_races"), "%s", lost_ok ? "as ended" : "other");
    if (!ev) {
        ct_obs(t, KEY("routine_calls"), "%ld", (long)rt.calls);
        gai_obs_code(t, KEY("routine_error"), (int)rt.error);
    }
#undef KEY
}

void sc_NM9(ct *t)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE h = NULL, bogus = (HANDLE)(ULONG_PTR)0x12345678;
    /* The cancelled lookups' OVERLAPPEDs and results, kept to the end. */
    OVERLAPPED ov_ev, ov_cr, ov;
    PADDRINFOEXW res_ev, res_cr, res;
    int rc;

    rt.done = CreateEventA(NULL, TRUE, FALSE, NULL);
    ct_require(t, ev != NULL && rt.done != NULL, "CreateEvent");
    ct_startup(t);
    gai_obs_code(t, "never_a_handle", GetAddrInfoExCancel(&bogus));
    gai_obs_code(t, "null_handle", GetAddrInfoExCancel(&h));

    cancel_rows(t, "event", &ov_ev, ev, &res_ev);
    cancel_rows(t, "routine", &ov_cr, NULL, &res_cr);

    /* A lookup that has ended: its handle is spent. */
    res = GAI_UNSET;
    gai_ov(&ov, ev);
    ResetEvent(ev);
    h = NULL;
    rc = GetAddrInfoExW(L"127.0.0.1", NULL, NS_ALL, NULL, NULL, &res, NULL,
                        &ov, NULL, &h);
    gai_obs_code(t, "ended_call", rc);
    ct_obs_wait(t, "ended_wait", WaitForSingleObject(ev, GAI_WAIT_MS));
    gai_obs_code(t, "ended_result", GetAddrInfoExOverlappedResult(&ov));
    gai_obs_code(t, "ended_cancel", GetAddrInfoExCancel(&h));
    if (res != GAI_UNSET && res)
        FreeAddrInfoExW(res);

    /* The cancelled lookups' resolutions have had the time of a whole
     * lookup to end: they wrote nothing. */
    ct_obs(t, "cancelled_untouched", "%s",
           ct_ov_internal(&ov_ev) == WSA_E_CANCELLED && !res_ev
                   ? "yes" : "no");
    CloseHandle(ev);
    CloseHandle(rt.done);
}
