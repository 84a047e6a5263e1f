/* APCs: a queue per thread (made on first use, for any thread), which the
 * thread's alertable waits run: SleepEx, WaitFor*ObjectsEx,
 * GetQueuedCompletionStatusEx, GetOverlappedResultEx, and the engine's
 * alertable socket calls through wsc_w32_apc_run.  QueueUserAPC, and
 * wsc_w32_apc_queue for the engine's completion routines.
 *
 * A target is reference counted: the thread holds one, a thread object
 * another, and each queuer one while it queues, so a target outlives its
 * thread; once the thread has exited, queueing fails and what was still
 * queued is dropped without running.
 *
 * Waking a sleeper: a thread about to sleep in an alertable wait holds
 * that wait's mutex m and registers (m, c) in its target (alert_begin),
 * checking for queued APCs at the same time.  A queuer appends under the
 * target's lock, notes the registration and a use of it, and only then,
 * with the target's lock released, takes m and broadcasts c: the sleeper
 * holds m from its last check until it sleeps, so the broadcast cannot
 * fall between the two.  The sleeper unregisters with m released
 * (alert_end) and waits for the uses to end, so m and c stay valid while a
 * queuer still needs them.  Lock order: a wait's m, then a target's lock;
 * no one holds a target's lock while taking an m.  SleepEx sleeps on the
 * target's own condition variable, under the target's lock. */
#include <stdlib.h>
#include <time.h>
#include "handle.h"
#include "w32async.h"

struct apc {
    struct apc *next;
    void (*fn)(void *arg);
    void *arg;
    PAPCFUNC user_fn; /* QueueUserAPC's, called with user_arg */
    ULONG_PTR user_arg;
};

struct w32_apc_target {
    atomic_int refs;
    atomic_int pending; /* APCs are queued (read under a wait's m) */
    pthread_mutex_t m;
    pthread_cond_t cv; /* the thread's: SleepEx, alert_end */
    struct apc *head, *tail;
    int exited;
    struct w32_wake *waiting; /* the alertable wait the thread is in */
};

static __thread struct w32_apc_target *mine;
static pthread_key_t exit_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void on_exit_key(void *t)
{
    (void)t;
    wsc_w32_apc_exit();
}

static void key_init(void)
{
    pthread_key_create(&exit_key, on_exit_key);
}

struct w32_apc_target *wsc_w32_apc_new(void)
{
    struct w32_apc_target *t = calloc(1, sizeof(*t));
    pthread_condattr_t a;

    if (!t)
        return NULL;
    atomic_init(&t->refs, 1);
    atomic_init(&t->pending, 0);
    pthread_mutex_init(&t->m, NULL);
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&t->cv, &a);
    pthread_condattr_destroy(&a);
    return t;
}

static void apcs_free(struct apc *a)
{
    struct apc *next;

    for (; a; a = next) {
        next = a->next;
        free(a);
    }
}

void wsc_w32_apc_put(struct w32_apc_target *t)
{
    if (!t || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1)
        return;
    apcs_free(t->head);
    pthread_cond_destroy(&t->cv);
    pthread_mutex_destroy(&t->m);
    free(t);
}

void wsc_w32_apc_adopt(struct w32_apc_target *t)
{
    pthread_once(&key_once, key_init);
    atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
    mine = t;
    pthread_setspecific(exit_key, t);
}

struct w32_apc_target *wsc_w32_apc_mine(void)
{
    struct w32_apc_target *t;

    if (!mine && (t = wsc_w32_apc_new())) {
        wsc_w32_apc_adopt(t);
        wsc_w32_apc_put(t); /* the thread's reference is the one left */
    }
    return mine;
}

struct w32_apc_target *wsc_w32_apc_self(void)
{
    struct w32_apc_target *t = wsc_w32_apc_mine();

    if (t)
        atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
    return t;
}

void wsc_w32_apc_exit(void)
{
    struct w32_apc_target *t = mine;
    struct apc *dropped;

    if (!t)
        return;
    pthread_mutex_lock(&t->m);
    t->exited = 1;
    dropped = t->head;
    t->head = t->tail = NULL;
    atomic_store(&t->pending, 0);
    pthread_mutex_unlock(&t->m);
    apcs_free(dropped);
    mine = NULL;
    pthread_setspecific(exit_key, NULL);
    wsc_w32_apc_put(t);
}

/* Appends a and wakes the thread; FALSE (a freed) once it has exited. */
static BOOL put_apc(struct w32_apc_target *t, struct apc *a)
{
    struct w32_wake *w;

    a->next = NULL;
    pthread_mutex_lock(&t->m);
    if (t->exited) {
        pthread_mutex_unlock(&t->m);
        free(a);
        return FALSE;
    }
    if (t->tail)
        t->tail->next = a;
    else
        t->head = a;
    t->tail = a;
    atomic_store(&t->pending, 1);
    if ((w = t->waiting))
        w->users++;
    pthread_cond_broadcast(&t->cv);
    pthread_mutex_unlock(&t->m);
    if (w) {
        if (w->m) {
            pthread_mutex_lock(w->m);
            pthread_cond_broadcast(w->c);
            pthread_mutex_unlock(w->m);
        } else
            w->fn(w->arg);
        pthread_mutex_lock(&t->m);
        if (--w->users == 0)
            pthread_cond_broadcast(&t->cv);
        pthread_mutex_unlock(&t->m);
    }
    return TRUE;
}

BOOL wsc_w32_apc_queue(struct w32_apc_target *t, void (*fn)(void *arg),
                       void *arg)
{
    struct apc *a;

    if (!t || !fn)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    /* (Not calloc, which takes the arena's lock: one per completion.) */
    if (!(a = malloc(sizeof(*a))))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    *a = (struct apc){ .fn = fn, .arg = arg };
    return put_apc(t, a) ? TRUE : wsc_w32_fail(ERROR_GEN_FAILURE);
}

int wsc_w32_apc_run(void)
{
    struct w32_apc_target *t = mine;
    struct apc *a, *next;
    int n = 0;

    if (!t || !atomic_load(&t->pending))
        return 0;
    for (;;) {
        pthread_mutex_lock(&t->m);
        a = t->head;
        t->head = t->tail = NULL;
        atomic_store(&t->pending, 0);
        pthread_mutex_unlock(&t->m);
        if (!a)
            return n;
        for (; a; a = next) {
            next = a->next;
            if (a->user_fn)
                a->user_fn(a->user_arg);
            else
                a->fn(a->arg);
            free(a);
            n++;
        }
    }
}

/* ---- alertable waits ---------------------------------------------------- */
int wsc_w32_alert_begin(struct w32_apc_target *t, struct w32_wake *w)
{
    int queued;

    w->users = 0;
    pthread_mutex_lock(&t->m);
    t->waiting = w;
    queued = t->head != NULL;
    pthread_mutex_unlock(&t->m);
    return queued;
}

int wsc_w32_apc_pending(struct w32_apc_target *t)
{
    return atomic_load(&t->pending);
}

void wsc_w32_alert_end(struct w32_apc_target *t, struct w32_wake *w)
{
    pthread_mutex_lock(&t->m);
    t->waiting = NULL;
    while (w->users)
        pthread_cond_wait(&t->cv, &t->m);
    pthread_mutex_unlock(&t->m);
}

/* A wait outside this layer: the engine's blocking socket calls. */
static __thread struct w32_wake watch;
static __thread int watching;

int wsc_w32_apc_watch(void (*wake)(void *arg), void *arg)
{
    /* A thread without a target has no handle an APC could be queued
     * to: nothing to watch (and the engine's wait stays cheap). */
    struct w32_apc_target *t = mine;

    if (!t || watching)
        return 0;
    watch.m = NULL;
    watch.c = NULL;
    watch.fn = wake;
    watch.arg = arg;
    watching = 1;
    return wsc_w32_alert_begin(t, &watch);
}

int wsc_w32_apc_possible(void)
{
    return mine != NULL;
}

void wsc_w32_apc_unwatch(void)
{
    if (!watching)
        return;
    watching = 0;
    wsc_w32_alert_end(mine, &watch);
}

/* SleepEx(ms, TRUE): until an APC is queued or ms have passed. */
DWORD wsc_SleepEx(DWORD ms, BOOL alertable)
{
    struct w32_apc_target *t;
    uint64_t deadline;
    int queued;

    if (!alertable || !(t = wsc_w32_apc_mine())) {
        wsc_Sleep(ms);
        return 0;
    }
    deadline = ms == INFINITE ? UINT64_MAX : wsc_w32_now_ms() + ms;
    pthread_mutex_lock(&t->m);
    while (!(queued = t->head != NULL)) {
        if (wsc_w32_now_ms() >= deadline ||
            (wsc_w32_cond_until(&t->cv, &t->m, deadline) &&
             wsc_w32_now_ms() >= deadline)) {
            queued = t->head != NULL;
            break;
        }
    }
    pthread_mutex_unlock(&t->m);
    if (!queued)
        return 0;
    wsc_w32_apc_run();
    return WAIT_IO_COMPLETION;
}

/* ---- QueueUserAPC ------------------------------------------------------- */
struct w32_apc_target *wsc_w32_thread_apc(HANDLE thread)
{
    struct w32_obj *o;
    struct w32_apc_target *t = NULL;

    if (thread == wsc_GetCurrentThread()) {
        if (!(t = wsc_w32_apc_self()))
            wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return t;
    }
    wsc_w32_lock();
    if ((o = wsc_w32_find(thread, W32_THREAD)) && (t = o->u.thread.apc))
        atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
    wsc_w32_unlock();
    if (!o)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    else if (!t)
        wsc_w32_set_error(ERROR_GEN_FAILURE);
    return t;
}

/* An APC for a thread that has exited is refused: FALSE with
 * ERROR_GEN_FAILURE (Windows' NtQueueApcThread fails; its status's code,
 * inferred, to check on Windows). */
DWORD wsc_QueueUserAPC(PAPCFUNC fn, HANDLE thread, ULONG_PTR data)
{
    struct w32_apc_target *t;
    struct apc *a;
    BOOL ok;

    if (!fn)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (!(t = wsc_w32_thread_apc(thread)))
        return FALSE;
    if (!(a = calloc(1, sizeof(*a)))) {
        wsc_w32_apc_put(t);
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    }
    a->user_fn = fn;
    a->user_arg = data;
    ok = put_apc(t, a);
    wsc_w32_apc_put(t);
    return ok ? TRUE : wsc_w32_fail(ERROR_GEN_FAILURE);
}
