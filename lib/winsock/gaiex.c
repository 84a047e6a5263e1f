/* The asynchronous GetAddrInfoExW, GetAddrInfoExOverlappedResult and
 * GetAddrInfoExCancel.
 *
 * What Windows does (Wine's test_GetAddrInfoExW in
 * dlls/ws2_32/tests/protocol.c, Microsoft's pages for the three
 * functions): with an OVERLAPPED the call clears *ppResult, puts
 * WSAEINPROGRESS in Internal and returns WSA_IO_PENDING (the last error
 * too).  At the end *ppResult holds the list, Pointer holds ppResult,
 * Internal the result code, and then either the completion routine runs
 * -- on a thread of the system's, not as an APC: the issuing thread may
 * be in a wait that is not alertable -- with (code, 0, lpOverlapped), or
 * the event is set.  An event and a routine together are WSAEINVAL.  The
 * cancel handle is valid until the end; GetAddrInfoExCancel ends a
 * pending lookup at once with WSA_E_CANCELLED and no results, and answers
 * WSA_INVALID_HANDLE for one that has ended or was never a handle.
 *
 * Here each lookup resolves on a thread of its own (the resolution is
 * the synchronous one, names.c).  Whoever ends the lookup first claims
 * it under one lock -- that thread with its result, GetAddrInfoExCancel,
 * or the timeout -- and only the claimer touches the caller's memory;
 * the resolver thread of a lookup that was cancelled or timed out frees
 * its result when it is done.  A timeout is waited out by the calling
 * thread (no OVERLAPPED) or by a second thread; when it passes first the
 * lookup ends with WSAETIMEDOUT (INFERRED: Microsoft's page names no
 * code). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "lookup.h"

/* How the caller learns of a lookup's end.  ov NULL: a synchronous call
 * with a timeout, which takes the code and the list from its gai_req. */
struct gai_end {
    LPOVERLAPPED ov;
    LPLOOKUPSERVICE_COMPLETION_ROUTINE cr;
    HANDLE event;
    PADDRINFOEXW *res;
};

struct gai_req {
    struct gai_req *next;       /* in the pending list (if it has a handle) */
    int refs;                   /* threads and waiters; under gai_lock */
    int done;                   /* claimed; under gai_lock */
    HANDLE handle;              /* for GetAddrInfoExCancel, or NULL */
    pthread_cond_t cv;          /* done changed (the timeout's waiter) */
    struct timespec deadline;   /* CLOCK_MONOTONIC (with a timeout) */
    struct gai_end to;          /* copied out by the claimer */
    int code;                   /* the synchronous call's end */
    PADDRINFOEXW list;
    struct wsc_lookup q;
};

static pthread_mutex_t gai_lock = PTHREAD_MUTEX_INITIALIZER;
static struct gai_req *pending; /* the lookups that have a handle */
static uintptr_t handles;       /* handles given out */
static int threads;             /* lookup threads running */

/* A fork child has none of the lookup threads: nothing it has pending
 * will end, and the lock may have been held. */
static void atfork_child(void)
{
    pthread_mutex_init(&gai_lock, NULL);
    pending = NULL;
    threads = 0;
}

static void register_atfork(void)
{
    pthread_atfork(NULL, NULL, atfork_child);
}

int wsc_gaiex_threads(void)
{
    int n;

    pthread_mutex_lock(&gai_lock);
    n = threads;
    pthread_mutex_unlock(&gai_lock);
    return n;
}

static struct gai_req *req_new(void)
{
    struct gai_req *r = calloc(1, sizeof(*r));
    pthread_condattr_t a;

    if (!r)
        return NULL;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&r->cv, &a);
    pthread_condattr_destroy(&a);
    return r;
}

/* Drops a reference; the last one frees (and the result nobody took). */
static void req_put(struct gai_req *r)
{
    int last;

    pthread_mutex_lock(&gai_lock);
    last = --r->refs == 0;
    pthread_mutex_unlock(&gai_lock);
    if (!last)
        return;
    wsc_FreeAddrInfoExW(r->list);
    pthread_cond_destroy(&r->cv);
    free(r);
}

/* Under gai_lock: ends r if nobody has, with its caller's parts in *e. */
static int claim_locked(struct gai_req *r, struct gai_end *e)
{
    struct gai_req **p;

    if (r->done)
        return 0;
    r->done = 1;
    for (p = &pending; *p; p = &(*p)->next)
        if (*p == r) {
            *p = r->next;
            break;
        }
    pthread_cond_broadcast(&r->cv);
    *e = r->to;
    return 1;
}

/* The end, told the caller's way: the list out, then the OVERLAPPED,
 * then the routine or the event.  Takes list. */
static void report(const struct gai_end *e, int code, PADDRINFOEXW list)
{
    LPOVERLAPPED ov = e->ov;

    if (!code && wsc_copy_out(e->res, &list, sizeof(list)))
        code = WSAEFAULT;
    if (code)
        wsc_FreeAddrInfoExW(list);
    ov->Pointer = e->res;
    __atomic_store_n(&ov->Internal, (ULONG_PTR)code, __ATOMIC_RELEASE);
    if (e->cr)
        e->cr((DWORD)code, 0, ov);
    else if (e->event)
        wsc_SetEvent(e->event);
}

/* Ends r with code and list, unless it has ended: a synchronous caller
 * finds them in r, an asynchronous one is told.  Takes list. */
static void finish(struct gai_req *r, int code, PADDRINFOEXW list)
{
    struct gai_end e;
    int mine;

    pthread_mutex_lock(&gai_lock);
    mine = claim_locked(r, &e);
    if (mine && !r->to.ov) {
        r->code = code;
        r->list = list;
        list = NULL;
    }
    pthread_mutex_unlock(&gai_lock);
    if (mine && e.ov)
        report(&e, code, list);
    else
        wsc_FreeAddrInfoExW(list);
}

/* Waits until r has ended or its deadline has passed (then ends it with
 * WSAETIMEDOUT): 1 when the deadline ended it. */
static int await_deadline(struct gai_req *r, struct gai_end *e)
{
    int timed_out = 0;

    pthread_mutex_lock(&gai_lock);
    while (!r->done &&
           pthread_cond_timedwait(&r->cv, &gai_lock, &r->deadline) !=
               ETIMEDOUT)
        ;
    if (!r->done)
        timed_out = claim_locked(r, e);
    pthread_mutex_unlock(&gai_lock);
    return timed_out;
}

static void thread_exit(struct gai_req *r)
{
    req_put(r);
    pthread_mutex_lock(&gai_lock);
    threads--;
    pthread_mutex_unlock(&gai_lock);
}

static void *resolve_main(void *arg)
{
    struct gai_req *r = arg;
    PADDRINFOEXW list;
    int code = wsc_lookup_run_w(&r->q, &list);

    finish(r, code, list);
    thread_exit(r);
    return NULL;
}

/* Starts fn(r) on a thread of its own, which holds a reference: 0, or
 * WSA_NOT_ENOUGH_MEMORY (no reference taken). */
static int start_thread(void *(*fn)(void *), struct gai_req *r)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_attr_t attr;
    pthread_t th;
    int err;

    pthread_once(&once, register_atfork);
    pthread_mutex_lock(&gai_lock);
    r->refs++;
    threads++;
    pthread_mutex_unlock(&gai_lock);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    err = pthread_create(&th, &attr, fn, r);
    pthread_attr_destroy(&attr);
    if (!err)
        return 0;
    pthread_mutex_lock(&gai_lock);
    r->refs--;
    threads--;
    pthread_mutex_unlock(&gai_lock);
    return WSA_NOT_ENOUGH_MEMORY;
}

/* An asynchronous lookup with a timeout: this thread waits it out. */
static void *timeout_main(void *arg)
{
    struct gai_req *r = arg;
    struct gai_end e;

    if (start_thread(resolve_main, r))
        finish(r, WSA_NOT_ENOUGH_MEMORY, NULL);
    else if (await_deadline(r, &e))
        report(&e, WSAETIMEDOUT, NULL);
    thread_exit(r);
    return NULL;
}

/* The timeout as an absolute CLOCK_MONOTONIC time: 0 or WSAEFAULT. */
static int read_deadline(struct timespec *d, const struct timeval *timeout)
{
    struct timeval tv;
    long long ms;

    if (wsc_bad_ptr(timeout) || wsc_copy_in(&tv, timeout, sizeof(tv)))
        return WSAEFAULT;
    ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
    if (ms < 0)
        ms = 0;
    clock_gettime(CLOCK_MONOTONIC, d);
    d->tv_sec += (time_t)(ms / 1000);
    d->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (d->tv_nsec >= 1000000000L) {
        d->tv_sec++;
        d->tv_nsec -= 1000000000L;
    }
    return 0;
}

/* Without an OVERLAPPED, with a timeout: resolve on another thread, wait
 * here. */
static int lookup_timed(struct gai_req *r)
{
    struct gai_end e;
    int code;

    r->refs = 1;
    if ((code = start_thread(resolve_main, r))) {
        req_put(r);
        return code;
    }
    if (await_deadline(r, &e)) {
        code = WSAETIMEDOUT;
    } else {
        code = r->code;
        if (!code && wsc_copy_out(r->to.res, &r->list, sizeof(r->list)))
            code = WSAEFAULT;
        if (!code)
            r->list = NULL; /* the caller's now */
    }
    req_put(r);
    return code;
}

/* The caller's OVERLAPPED: its event (low bit masked, as for I/O), and
 * whether the call may go on with it. */
static int read_overlapped(struct gai_req *r, LPOVERLAPPED ov,
                           LPLOOKUPSERVICE_COMPLETION_ROUTINE cr)
{
    OVERLAPPED c;

    if (wsc_bad_ptr(ov) || !wsc_user_writable(ov, sizeof(*ov)) ||
        wsc_copy_in(&c, ov, sizeof(c)))
        return WSAEFAULT;
    r->to.event = (HANDLE)((uintptr_t)c.hEvent & ~(uintptr_t)1);
    if (r->to.event && cr)
        return WSAEINVAL; /* Wine's test_GetAddrInfoExW */
    r->to.ov = ov;
    r->to.cr = cr;
    return 0;
}

/* Registers r under a new handle and hands the handle out. */
static int give_handle(struct gai_req *r, LPHANDLE handle)
{
    pthread_mutex_lock(&gai_lock);
    /* Never a socket number (below 2^31) nor a handle of the Win32
     * table (a multiple of 4): counting down from the top, 3 modulo 4. */
    r->handle = (HANDLE)(UINTPTR_MAX - 4 * ++handles);
    r->next = pending;
    pending = r;
    pthread_mutex_unlock(&gai_lock);
    if (handle && wsc_copy_out(handle, &r->handle, sizeof(r->handle)))
        return WSAEFAULT;
    return 0;
}

int wsc_gaiex_start(const wchar_t *node, const wchar_t *service,
                    const ADDRINFOEXW *hints, PADDRINFOEXW *res,
                    struct timeval *timeout, LPOVERLAPPED ov,
                    LPLOOKUPSERVICE_COMPLETION_ROUTINE cr, LPHANDLE handle)
{
    struct gai_req *r = req_new();
    struct gai_end e;
    int code;

    if (!r)
        return WSA_NOT_ENOUGH_MEMORY;
    code = wsc_lookup_prepare_w(&r->q, node, service, hints, res);
    r->to.res = res;
    if (!code && timeout)
        code = read_deadline(&r->deadline, timeout);
    if (!code && !ov)
        return lookup_timed(r);
    if (!code)
        code = read_overlapped(r, ov, cr);
    if (!code && handle && !wsc_user_writable(handle, sizeof(*handle)))
        code = WSAEFAULT;
    if (code) {
        pthread_cond_destroy(&r->cv);
        free(r);
        return code;
    }
    ov->Internal = WSAEINPROGRESS;
    code = give_handle(r, handle);
    if (!code)
        code = start_thread(timeout ? timeout_main : resolve_main, r);
    if (code) {
        /* Nothing has started: the lookup ends here, at once. */
        pthread_mutex_lock(&gai_lock);
        claim_locked(r, &e);
        pthread_mutex_unlock(&gai_lock);
        ov->Internal = (ULONG_PTR)code;
        pthread_cond_destroy(&r->cv);
        free(r);
        return code;
    }
    return WSA_IO_PENDING;
}

/* WSAEINVAL for no OVERLAPPED (Microsoft's page: the only way to tell
 * that answer from a lookup's is the NULL). */
int ws_GetAddrInfoExOverlappedResult(LPOVERLAPPED ov)
{
    if (wsc_bad_ptr(ov) || !wsc_user_readable(&ov->Internal,
                                              sizeof(ov->Internal)))
        return WSAEINVAL;
    return (int)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
}

/* Microsoft's page: the completion (event or routine) comes at once, with
 * WSA_E_CANCELLED and no results -- here before the call returns; a
 * lookup that has ended, or a handle that never was one, is
 * WSA_INVALID_HANDLE.  The resolution itself runs on to its end. */
int ws_GetAddrInfoExCancel(LPHANDLE handle)
{
    struct gai_end e;
    struct gai_req *r;
    HANDLE h;
    int mine = 0;

    if (wsc_bad_ptr(handle) || wsc_copy_in(&h, handle, sizeof(h)))
        return WSA_INVALID_HANDLE;
    pthread_mutex_lock(&gai_lock);
    for (r = pending; r && r->handle != h; r = r->next)
        ;
    if (r)
        mine = claim_locked(r, &e);
    pthread_mutex_unlock(&gai_lock);
    if (!mine)
        return WSA_INVALID_HANDLE;
    report(&e, WSA_E_CANCELLED, NULL);
    return 0;
}
