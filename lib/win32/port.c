/* I/O completion ports: CreateIoCompletionPort, GetQueuedCompletionStatus
 * (and Ex), PostQueuedCompletionStatus, and wsc_w32_port_post, through
 * which the asynchronous engine completes an operation.
 *
 * A port is a FIFO of packets under a mutex of its own; the process-wide
 * handle lock is taken only to find the port behind its handle.  Packets
 * come from a free list the port keeps (malloc only while the list is
 * growing to the port's busiest depth, up to FREE_MAX nodes kept).  A
 * thread that finds the queue empty sleeps on a condition variable of its
 * own, pushed on the port's stack of waiters; a post pops the most recent
 * waiter and wakes it alone (Windows releases waiters last in, first out,
 * so the hottest thread runs).  A woken waiter that finds the queue empty
 * again (another thread took the packet first) sleeps again.
 *
 * A completion a thread the port released posts while it runs (its send
 * done at once, typically) does not wake another waiter: the thread takes
 * it itself when it comes back, which spares each message a thread switch,
 * as Windows spares it while the port's concurrency is in use.  The wait
 * is bounded: while such a post may happen (a release in the last RUN_MS),
 * the port's waiters sleep TICK_MS at a time and look; a post while one
 * sleeps without a bound wakes it as any other.
 *
 * NumberOfConcurrentThreads is accepted and otherwise ignored: Windows
 * holds back a waiter while that many threads the port released are still
 * running; here a waiter is released as packets come.  The difference is
 * one of scheduling only: no packet is lost or reordered by it. */
#include <stdlib.h>
#include <time.h>
#include "handle.h"
#include "w32async.h"

#define FREE_MAX 4096 /* packet nodes a port keeps for reuse */
#define PREALLOC 64   /* ... and has from the start */
#define TICK_MS 1     /* a waiter's look while posts may be held back */
#define RUN_MS 50     /* a release this old no longer holds posts back */

struct pkt {
    struct pkt *next;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    DWORD bytes, status;
};

struct waiter {
    struct waiter *prev, *next; /* on the stack while asleep */
    pthread_cond_t *c;
    int queued;
};

struct w32_port {
    pthread_mutex_t m;
    struct pkt *head, *tail;
    struct pkt *free;
    unsigned nfree;
    struct waiter *top; /* the most recent sleeper */
    int closed;
    int polling;        /* a waiter does the sockets' work (port_poll) */
    unsigned unbounded; /* waiters asleep with no TICK_MS bound */
    uint64_t released;  /* when a waiter last left with a packet */
    DWORD concurrency;
};

/* The port the calling thread waits on while it does the sockets' work:
 * a packet it posts there itself it will find, without a wake-up. */
static __thread struct w32_port *my_poll_port;
/* The port that last released the calling thread, and when, until the
 * thread waits on a port again. */
static __thread struct w32_port *my_run_port;
static __thread uint64_t my_run_since;

/* Each thread sleeps on a condition variable of its own (on
 * CLOCK_MONOTONIC, as wsc_w32_now_ms is). */
static pthread_condattr_t mono_attr;
static pthread_once_t mono_once = PTHREAD_ONCE_INIT;
static __thread pthread_cond_t my_cond;
static __thread int my_cond_ready;

static void mono_init(void)
{
    pthread_condattr_init(&mono_attr);
    pthread_condattr_setclock(&mono_attr, CLOCK_MONOTONIC);
}

static pthread_cond_t *cond_mine(void)
{
    if (!my_cond_ready) {
        pthread_once(&mono_once, mono_init);
        pthread_cond_init(&my_cond, &mono_attr);
        my_cond_ready = 1;
    }
    return &my_cond;
}

/* ---- the port's state ------------------------------------------------- */
DWORD wsc_w32_port_init(struct w32_obj *o, DWORD concurrency)
{
    struct w32_port *p = calloc(1, sizeof(*p));
    struct pkt *k;
    int i;

    if (!p)
        return ERROR_NOT_ENOUGH_MEMORY;
    pthread_mutex_init(&p->m, NULL);
    p->concurrency = concurrency;
    for (i = 0; i < PREALLOC && (k = malloc(sizeof(*k))); i++) {
        k->next = p->free;
        p->free = k;
        p->nfree++;
    }
    o->u.port = p;
    return 0;
}

static void pkts_free(struct pkt *k)
{
    struct pkt *next;

    for (; k; k = next) {
        next = k->next;
        free(k);
    }
}

/* Under p->m: wakes the most recent sleeper; 0 if there is none. */
static int wake_top(struct w32_port *p)
{
    struct waiter *w = p->top;

    if (!w)
        return 0;
    p->top = w->next;
    if (p->top)
        p->top->prev = NULL;
    w->queued = 0;
    pthread_cond_signal(w->c);
    return 1;
}

/* Under p->m: the poller's wait ends early (port_poll). */
static void kick_poller(struct w32_port *p)
{
    const struct wsc_w32_sockops *ops = wsc_w32_get_sockops();

    if (p->polling && my_poll_port != p && ops)
        ops->poll_kick();
}

/* Under p->m, packet k just queued: someone to take it.  The poller that
 * queued it itself takes its first packet when its look is over; a
 * thread the port released takes its own posts when it comes back, while
 * every waiter looks on its own. */
static void wake_for(struct w32_port *p, struct pkt *k, int may_hold)
{
    if (my_poll_port == p && (p->head == k || !p->unbounded))
        return;
    if (may_hold && my_run_port == p && !p->unbounded &&
        wsc_w32_coarse_ms() - my_run_since < RUN_MS)
        return;
    if (!wake_top(p))
        kick_poller(p);
}

/* Under p->m: until when a waiter may sleep (deadline, or sooner while a
 * post may be held back); *unbounded set when it is the deadline. */
static uint64_t sleep_end(struct w32_port *p, uint64_t deadline,
                          int *unbounded)
{
    uint64_t now;

    *unbounded = wsc_w32_coarse_ms() - p->released >= RUN_MS;
    if (*unbounded)
        return deadline;
    now = wsc_w32_now_ms();
    return deadline - now <= TICK_MS ? deadline : now + TICK_MS;
}

void wsc_w32_port_close(struct w32_obj *o)
{
    struct w32_port *p = o->u.port;
    struct pkt *queued;

    pthread_mutex_lock(&p->m);
    p->closed = 1;
    queued = p->head;
    p->head = p->tail = NULL;
    while (wake_top(p))
        ;
    kick_poller(p);
    pthread_mutex_unlock(&p->m);
    pkts_free(queued);
}

void wsc_w32_port_free(struct w32_obj *o)
{
    struct w32_port *p = o->u.port;

    if (!p)
        return;
    pkts_free(p->head);
    pkts_free(p->free);
    pthread_mutex_destroy(&p->m);
    free(p);
}

/* ---- posting ----------------------------------------------------------- */
struct w32_obj *wsc_w32_port_get(HANDLE h)
{
    return wsc_w32_get(h, W32_PORT);
}

/* The port a thread waited on last, with a reference of the thread's:
 * the next wait on the same handle takes it without the handle table's
 * lock while no handle has been closed since.  Given back when the
 * thread waits on another port, finds a handle closed, or exits. */
struct last_port {
    HANDLE h;
    struct w32_obj *o;
    unsigned closed;
};
static __thread struct last_port last_port;
static pthread_key_t last_port_key;
static pthread_once_t last_port_once = PTHREAD_ONCE_INIT;

static void last_port_drop(void *unused)
{
    (void)unused;
    if (last_port.o)
        wsc_w32_put(last_port.o);
    last_port.o = NULL;
}

static void last_port_key_make(void)
{
    pthread_key_create(&last_port_key, last_port_drop);
}

/* The port behind h for a wait, or NULL (the error set); not to be put:
 * the thread's last_port holds the reference. */
static struct w32_obj *waited_port(HANDLE h)
{
    unsigned closed = atomic_load_explicit(&wsc_w32_handles_closed,
                                           memory_order_acquire);
    struct w32_obj *o;

    if (last_port.o) {
        if (last_port.h == h && last_port.closed == closed)
            return last_port.o;
        last_port_drop(NULL);
    }
    if (!(o = wsc_w32_port_get(h)))
        return NULL;
    /* (The key's value only makes its destructor run at exit.) */
    pthread_once(&last_port_once, last_port_key_make);
    pthread_setspecific(last_port_key, &last_port);
    last_port.h = h;
    last_port.o = o;
    last_port.closed = closed;
    return o;
}

static BOOL post(struct w32_obj *port, DWORD bytes, ULONG_PTR key,
                 LPOVERLAPPED ov, DWORD status, int may_hold)
{
    struct w32_port *p = port->u.port;
    struct pkt *k;

    pthread_mutex_lock(&p->m);
    if (p->closed) {
        pthread_mutex_unlock(&p->m);
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    }
    if ((k = p->free)) {
        p->free = k->next;
        p->nfree--;
    } else if (!(k = malloc(sizeof(*k)))) {
        pthread_mutex_unlock(&p->m);
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    }
    k->next = NULL;
    k->key = key;
    k->ov = ov;
    k->bytes = bytes;
    k->status = status;
    if (p->tail)
        p->tail->next = k;
    else
        p->head = k;
    p->tail = k;
    wake_for(p, k, may_hold);
    pthread_mutex_unlock(&p->m);
    return TRUE;
}

BOOL wsc_w32_port_post(struct w32_obj *port, DWORD bytes, ULONG_PTR key,
                       LPOVERLAPPED ov, DWORD status)
{
    return post(port, bytes, key, ov, status, 1);
}

BOOL wsc_PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key,
                                    LPOVERLAPPED ov)
{
    struct w32_obj *o = wsc_w32_port_get(port);
    BOOL ok;

    if (!o)
        return FALSE;
    /* (Always a wake-up: a program signals its workers this way.) */
    ok = post(o, bytes, key, ov, WSC_STATUS_SUCCESS, 0);
    wsc_w32_put(o);
    return ok;
}

/* ---- dequeueing -------------------------------------------------------- */
/* Under p->m: moves up to n packets into e (returns how many), their nodes
 * back to the free list. */
static ULONG take(struct w32_port *p, OVERLAPPED_ENTRY *e, ULONG n)
{
    ULONG i;
    struct pkt *k;

    for (i = 0; i < n && (k = p->head); i++) {
        e[i].lpCompletionKey = k->key;
        e[i].lpOverlapped = k->ov;
        e[i].Internal = k->status;
        e[i].dwNumberOfBytesTransferred = k->bytes;
        if (!(p->head = k->next))
            p->tail = NULL;
        if (p->nfree < FREE_MAX) {
            k->next = p->free;
            p->free = k;
            p->nfree++;
        } else
            free(k);
    }
    return i;
}

static void unlink_waiter(struct w32_port *p, struct waiter *w)
{
    if (!w->queued)
        return;
    if (w->prev)
        w->prev->next = w->next;
    else
        p->top = w->next;
    if (w->next)
        w->next->prev = w->prev;
    w->queued = 0;
}

/* The results of one dequeue: the number taken, or one of these. */
#define GOT_TIMEOUT (-1)
#define GOT_CLOSED (-2)
#define GOT_APC (-3)

/* Under p->m, the queue empty: does the sockets' asynchronous work until
 * a packet comes, the port closes or the deadline (UINT64_MAX: none)
 * passes, if the thread may (no other does it).  1 if it did (p->m held again,
 * *timed_out set if the time is up), 0 to sleep instead.  The thread that
 * waits for a completion performs the operation itself: no thread switch
 * between the reactor and the waiter. */
static int port_poll(struct w32_port *p, uint64_t deadline, int *timed_out)
{
    const struct wsc_w32_sockops *ops = wsc_w32_get_sockops();
    int unbounded, lend;
    uint64_t end;

    if (!ops || !ops->poll_begin)
        return 0;
    wsc_w32_ports_poll();
    if (!ops->poll_begin())
        return 0;
    p->polling = 1;
    my_poll_port = p;
    while (!p->head && !p->closed) {
        if (!wsc_w32_ms_until(deadline)) {
            *timed_out = 1;
            break;
        }
        end = sleep_end(p, deadline, &unbounded);
        p->unbounded += unbounded;
        pthread_mutex_unlock(&p->m);
        ops->poll(wsc_w32_ms_until(end));
        pthread_mutex_lock(&p->m);
        p->unbounded -= unbounded;
    }
    p->polling = 0;
    my_poll_port = NULL;
    lend = p->head && !p->closed; /* (it takes a packet now) */
    pthread_mutex_unlock(&p->m);
    ops->poll_end(lend);
    pthread_mutex_lock(&p->m);
    return 1;
}

/* Takes up to n packets from the port, waiting up to ms for the first;
 * an alertable wait also ends when an APC is queued to the thread. */
static long dequeue(struct w32_obj *o, OVERLAPPED_ENTRY *e, ULONG n, DWORD ms,
                    BOOL alertable)
{
    struct w32_port *p = o->u.port;
    struct waiter w;
    struct w32_wake wake;
    struct w32_apc_target *t = NULL;
    uint64_t deadline = UINT64_MAX, end;
    long got = 0;
    int registered = 0, timed_out = 0, unbounded;

    my_run_port = NULL; /* (back: its own posts are for whoever waits) */
    pthread_mutex_lock(&p->m);
    for (;;) {
        if (p->closed) {
            got = GOT_CLOSED;
            break;
        }
        if ((got = (long)take(p, e, n))) {
            my_run_port = p;
            my_run_since = p->released = wsc_w32_coarse_ms();
            break;
        }
        if (alertable) {
            if (!registered) {
                if (!(t = wsc_w32_apc_mine()))
                    alertable = FALSE;
                else {
                    w.c = cond_mine();
                    wake.m = &p->m;
                    wake.c = w.c;
                    registered = 1;
                    if (wsc_w32_alert_begin(t, &wake)) {
                        got = GOT_APC;
                        break;
                    }
                }
            } else if (wsc_w32_apc_pending(t)) {
                got = GOT_APC;
                break;
            }
        }
        if (ms == 0 || timed_out) {
            got = GOT_TIMEOUT;
            break;
        }
        if (deadline == UINT64_MAX && ms != INFINITE)
            deadline = wsc_w32_now_ms() + ms;
        if (!alertable && port_poll(p, deadline, &timed_out))
            continue;
        wsc_w32_poll_return();
        w.c = cond_mine();
        w.prev = NULL;
        w.next = p->top;
        if (p->top)
            p->top->prev = &w;
        p->top = &w;
        w.queued = 1;
        end = sleep_end(p, deadline, &unbounded);
        p->unbounded += unbounded;
        if (wsc_w32_cond_until(w.c, &p->m, end))
            timed_out = wsc_w32_now_ms() >= deadline;
        p->unbounded -= unbounded;
        unlink_waiter(p, &w);
    }
    pthread_mutex_unlock(&p->m);
    if (registered)
        wsc_w32_alert_end(t, &wake);
    return got;
}

BOOL wsc_GetQueuedCompletionStatus(HANDLE port, LPDWORD bytes,
                                   PULONG_PTR key, LPOVERLAPPED *ov, DWORD ms)
{
    struct w32_obj *o;
    OVERLAPPED_ENTRY e;
    long got;

    if (!ov)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (!(o = waited_port(port))) {
        *ov = NULL;
        return FALSE;
    }
    got = dequeue(o, &e, 1, ms, FALSE);
    if (got <= 0) {
        *ov = NULL;
        return wsc_w32_fail(got == GOT_CLOSED ? ERROR_ABANDONED_WAIT_0
                                              : WAIT_TIMEOUT);
    }
    if (bytes)
        *bytes = e.dwNumberOfBytesTransferred;
    if (key)
        *key = e.lpCompletionKey;
    *ov = e.lpOverlapped;
    if ((int32_t)e.Internal < 0)
        return wsc_w32_fail((int)wsc_w32_status_error((DWORD)e.Internal));
    return TRUE;
}

BOOL wsc_GetQueuedCompletionStatusEx(HANDLE port, LPOVERLAPPED_ENTRY entries,
                                     ULONG count, PULONG removed, DWORD ms,
                                     BOOL alertable)
{
    struct w32_obj *o;
    long got;

    if (!entries || !count || !removed)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    *removed = 0;
    if (!(o = waited_port(port)))
        return FALSE;
    got = dequeue(o, entries, count, ms, alertable);
    if (got > 0) {
        *removed = (ULONG)got;
        return TRUE;
    }
    if (got == GOT_APC) {
        wsc_w32_apc_run();
        return wsc_w32_fail(WAIT_IO_COMPLETION);
    }
    return wsc_w32_fail(got == GOT_CLOSED ? ERROR_ABANDONED_WAIT_0
                                          : WAIT_TIMEOUT);
}

/* ---- creating and associating ------------------------------------------ */
static HANDLE port_new(DWORD concurrency)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_PORT);
    DWORD err;

    if (!o)
        return NULL;
    if ((err = wsc_w32_port_init(o, concurrency))) {
        wsc_w32_put(o);
        wsc_w32_set_error((int)err);
        return NULL;
    }
    return wsc_w32_handle_new(o);
}

/* A port for INVALID_HANDLE_VALUE; a socket associated with a port (a new
 * one when existing is NULL) otherwise.  Only sockets are associated:
 * this layer's files are synchronous. */
HANDLE wsc_CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key,
                                  DWORD concurrency)
{
    const struct wsc_w32_sockops *ops;
    struct w32_obj *o;
    HANDLE port;
    DWORD err;

    if (file == INVALID_HANDLE_VALUE) {
        if (existing) {
            wsc_w32_set_error(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        return port_new(concurrency);
    }
    if (!wsc_w32_is_socket(file)) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(ops = wsc_w32_get_sockops()) || !ops->associate) {
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (!(port = existing) && !(port = port_new(concurrency)))
        return NULL;
    if (!(o = wsc_w32_port_get(port))) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    err = ops->associate(file, o, key);
    wsc_w32_put(o);
    if (err) {
        if (!existing)
            wsc_CloseHandle(port);
        wsc_w32_set_error((int)err);
        return NULL;
    }
    return port;
}
