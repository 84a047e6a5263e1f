/* Events, mutexes, semaphores, and the waits on any waitable handle.  A
 * wait checks its objects under the process-wide lock and sleeps on the
 * shared condition variable until some state changes or its deadline
 * passes; wait-all takes every object in one step under the lock.  An
 * alertable wait also ends, WAIT_IO_COMPLETION, when an APC is queued to
 * its thread and nothing it waits for is signalled (apc.c).  A socket is
 * waited on through the event its completions signal (OV4). */
#include <stdlib.h>
#include "handle.h"
#include "w32async.h"

/* A wait's view of its objects: PulseEvent releases the waiters that were
 * already waiting, which is what pulses0 records. */
struct waitset {
    DWORD n;
    int shared; /* some object's state is shared with other processes */
    struct w32_obj *o[MAXIMUM_WAIT_OBJECTS];
    unsigned pulses0[MAXIMUM_WAIT_OBJECTS];
};

static int pulsed(const struct w32_event_state *e, unsigned pulses0)
{
    return e->pulses != pulses0 && (e->manual || e->tokens > 0);
}

static int signalled(struct w32_obj *o, unsigned pulses0, DWORD tid)
{
    struct w32_event_state *e;

    switch (o->type) {
    case W32_EVENT:
        e = wsc_w32_event(o);
        return e->set || pulsed(e, pulses0);
    case W32_MUTEX: return o->u.mutex.owner == 0 || o->u.mutex.owner == tid;
    case W32_SEMAPHORE: return wsc_w32_sem(o)->count > 0;
    case W32_THREAD: return o->u.thread.done;
    case W32_PROCESS: return o->u.process.done;
    default: return 1;
    }
}

/* Takes a signalled object as a satisfied wait does; 1 if it was an
 * abandoned mutex. */
static int consume(struct w32_obj *o, unsigned pulses0, DWORD tid)
{
    struct w32_event_state *e;
    int abandoned = 0;

    switch (o->type) {
    case W32_EVENT:
        e = wsc_w32_event(o);
        if (!e->manual && e->set)
            e->set = 0;
        else if (!e->manual && pulsed(e, pulses0))
            e->tokens--;
        break;
    case W32_MUTEX:
        o->u.mutex.owner = tid;
        o->u.mutex.count++;
        abandoned = o->u.mutex.abandoned;
        o->u.mutex.abandoned = 0;
        wsc_w32_note_owner();
        break;
    case W32_SEMAPHORE: wsc_w32_sem(o)->count--; break;
    default: break;
    }
    return abandoned;
}

/* Under the lock: the wait's result now, or WAIT_TIMEOUT. */
static DWORD try_any(struct waitset *w, DWORD tid)
{
    DWORD i;

    for (i = 0; i < w->n; i++)
        if (signalled(w->o[i], w->pulses0[i], tid))
            return (consume(w->o[i], w->pulses0[i], tid) ? WAIT_ABANDONED_0
                                                        : WAIT_OBJECT_0) + i;
    return WAIT_TIMEOUT;
}

static DWORD try_all(struct waitset *w, DWORD tid)
{
    DWORD i, abandoned = 0;

    for (i = 0; i < w->n; i++)
        if (!signalled(w->o[i], w->pulses0[i], tid))
            return WAIT_TIMEOUT;
    for (i = 0; i < w->n; i++)
        abandoned |= (DWORD)consume(w->o[i], w->pulses0[i], tid);
    return abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0;
}

/* Under the lock: try_any or try_all, under the shared lock too when an
 * object's state is another process's as well. */
static DWORD try_now(struct waitset *w, BOOL all, DWORD tid)
{
    DWORD r;

    if (w->shared)
        wsc_w32_shared_lock();
    r = all ? try_all(w, tid) : try_any(w, tid);
    if (w->shared)
        wsc_w32_shared_unlock();
    return r;
}

static void release_all(struct waitset *w)
{
    DWORD i;

    for (i = 0; i < w->n; i++)
        wsc_w32_put(w->o[i]);
}

/* The handle a wait on h waits on: for a socket, the Winsock layer's
 * event for it. */
static HANDLE waitable(HANDLE h)
{
    const struct wsc_w32_sockops *ops;

    if (!wsc_w32_is_socket(h))
        return h;
    ops = wsc_w32_get_sockops();
    return ops && ops->wait_handle ? ops->wait_handle(h) : NULL;
}

/* References to every object, taken in one hold of the lock, which is
 * kept on success: 0, or the Win32 code of the failure.  max: how many
 * handles the wait takes; with an extra condition, none is enough. */
static DWORD take_all_locked(struct waitset *w, DWORD count,
                             const HANDLE *handles, BOOL all, DWORD max,
                             int extra)
{
    HANDLE h[MAXIMUM_WAIT_OBJECTS];
    DWORD i, j, err = 0;

    w->n = 0;
    w->shared = 0;
    if ((count == 0 && !extra) || count > max)
        return ERROR_INVALID_PARAMETER;
    if (!handles && count)
        return ERROR_NOACCESS;
    /* (A socket's event may be made now: before the lock.) */
    for (i = 0; i < count; i++)
        h[i] = waitable(handles[i]);
    wsc_w32_lock();
    for (i = 0; i < count && !err; i++) {
        if (!(w->o[i] = wsc_w32_find(h[i], W32_ANY))) {
            err = ERROR_INVALID_HANDLE;
            break;
        }
        wsc_w32_ref(w->o[i]);
        w->n++;
        w->shared |= w->o[i]->shared != NULL;
        for (j = 0; all && j < i; j++)
            if (w->o[j] == w->o[i])
                err = ERROR_INVALID_PARAMETER;
    }
    if (err)
        wsc_w32_unlock();
    return err;
}

static void note_pulses(struct waitset *w)
{
    DWORD i;

    if (w->shared)
        wsc_w32_shared_lock();
    for (i = 0; i < w->n; i++)
        w->pulses0[i] = w->o[i]->type == W32_EVENT ? wsc_w32_event(w->o[i])->pulses : 0;
    if (w->shared)
        wsc_w32_shared_unlock();
}

/* Under the lock: the wait counts on its objects (event_apply). */
static void waiters_add(struct waitset *w, int d)
{
    DWORD i;

    for (i = 0; i < w->n; i++)
        w->o[i]->waiters += d;
}

/* Under the lock, for an alertable wait: 1 when queued APCs end it; the
 * first call registers the thread's wake-up (apc.c). */
static int alerted(struct w32_apc_target *t, struct w32_wake *wake,
                   int *registered)
{
    if (*registered)
        return wsc_w32_apc_pending(t);
    *registered = 1;
    wsc_w32_wake_global(wake);
    return wsc_w32_alert_begin(t, wake);
}

/* Under the lock: the result of a wait on the objects and the extra
 * condition (index w->n) now, or WAIT_TIMEOUT. */
static DWORD try_wait(struct waitset *w, BOOL all, DWORD tid,
                      const struct wsc_w32_extra *x)
{
    DWORD r;

    if (!all) {
        r = try_now(w, FALSE, tid);
        if (r == WAIT_TIMEOUT && x && x->ready(x->arg))
            r = WAIT_OBJECT_0 + w->n;
        return r;
    }
    if (x && !x->ready(x->arg))
        return WAIT_TIMEOUT;
    return w->n ? try_now(w, TRUE, tid) : WAIT_OBJECT_0;
}

/* A zero-timeout look at one manual-reset event of the process's own,
 * how a program looks at its sockets' events one by one, takes no lock
 * and reads no clock: the thread keeps the events it looked at, with a
 * reference each, until a handle is closed anywhere (or it exits). */
#define PEEK_SLOTS 64
struct peeked {
    HANDLE h;
    struct w32_obj *o;
};
static __thread struct peeked peeked[PEEK_SLOTS];
static __thread unsigned peeked_closed, peeked_n;
static pthread_key_t peeked_key;
static pthread_once_t peeked_once = PTHREAD_ONCE_INIT;

static void peeked_drop(void *unused)
{
    unsigned i;

    (void)unused;
    for (i = 0; peeked_n && i < PEEK_SLOTS; i++) {
        if (peeked[i].o) {
            wsc_w32_put(peeked[i].o);
            peeked[i].o = NULL;
            peeked_n--;
        }
    }
}

static void peeked_key_make(void)
{
    pthread_key_create(&peeked_key, peeked_drop);
}

/* The object behind h if it is an event this thread may peek at. */
static struct w32_obj *peekable(HANDLE h)
{
    unsigned closed = atomic_load_explicit(&wsc_w32_handles_closed,
                                           memory_order_acquire);
    struct peeked *p = &peeked[((uintptr_t)h >> 2) % PEEK_SLOTS];
    struct w32_obj *o;

    if (closed != peeked_closed) {
        peeked_drop(NULL);
        peeked_closed = closed;
    }
    if (p->o && p->h == h)
        return p->o;
    if (wsc_w32_is_socket(h))
        return NULL;
    wsc_w32_lock();
    if ((o = wsc_w32_find(h, W32_EVENT)) && !o->shared && o->u.event.manual)
        wsc_w32_ref(o);
    else
        o = NULL;
    wsc_w32_unlock();
    if (!o)
        return NULL;
    pthread_once(&peeked_once, peeked_key_make);
    pthread_setspecific(peeked_key, peeked);
    if (p->o)
        wsc_w32_put(p->o);
    else
        peeked_n++;
    p->h = h;
    p->o = o;
    return o;
}

static DWORD wait_with(DWORD count, const HANDLE *handles, BOOL all,
                       DWORD ms, BOOL alertable, const struct wsc_w32_extra *x)
{
    struct waitset w;
    struct w32_wake wake;
    struct w32_apc_target *t = alertable ? wsc_w32_apc_mine() : NULL;
    DWORD r, err, tid = wsc_w32_tid();
    uint64_t deadline = ms == INFINITE ? UINT64_MAX : wsc_w32_now_ms() + ms;
    uint64_t until;
    int registered = 0;

    if ((err = take_all_locked(&w, count, handles, all,
                               MAXIMUM_WAIT_OBJECTS - (x != NULL),
                               x != NULL))) {
        release_all(&w);
        wsc_w32_set_error((int)err);
        return WAIT_FAILED;
    }
    note_pulses(&w);
    waiters_add(&w, 1);
    for (;;) {
        r = try_wait(&w, all, tid, x);
        if (r != WAIT_TIMEOUT)
            break;
        if (t && alerted(t, &wake, &registered)) {
            r = WAIT_IO_COMPLETION;
            break;
        }
        if (ms == 0)
            break;
        until = x && x->wake ? x->wake(x->arg) : UINT64_MAX;
        if (until >= deadline)
            until = deadline;
        if ((t ? wsc_w32_sleep_until(until) : wsc_w32_wait_until(until)) &&
            until == deadline) {
            r = try_wait(&w, all, tid, x);
            if (r == WAIT_TIMEOUT && t && alerted(t, &wake, &registered))
                r = WAIT_IO_COMPLETION;
            break;
        }
    }
    waiters_add(&w, -1);
    wsc_w32_unlock();
    if (registered)
        wsc_w32_alert_end(t, &wake);
    release_all(&w);
    if (r == WAIT_IO_COMPLETION)
        wsc_w32_apc_run();
    return r;
}

DWORD wsc_w32_wait_with(DWORD count, const HANDLE *handles, BOOL all,
                        DWORD ms, BOOL alertable,
                        const struct wsc_w32_extra *x)
{
    struct w32_obj *o;

    if (count == 1 && ms == 0 && !alertable && !x && handles &&
        (o = peekable(handles[0])))
        return atomic_load(&o->u.event.set) ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
    return wait_with(count, handles, all, ms, alertable, x);
}

DWORD wsc_WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles,
                                   BOOL all, DWORD ms, BOOL alertable)
{
    return wsc_w32_wait_with(count, handles, all, ms, alertable, NULL);
}

DWORD wsc_WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all,
                                 DWORD ms)
{
    return wsc_WaitForMultipleObjectsEx(count, handles, all, ms, FALSE);
}

DWORD wsc_WaitForSingleObjectEx(HANDLE h, DWORD ms, BOOL alertable)
{
    return wsc_WaitForMultipleObjectsEx(1, &h, FALSE, ms, alertable);
}

DWORD wsc_WaitForSingleObject(HANDLE h, DWORD ms)
{
    return wsc_WaitForMultipleObjectsEx(1, &h, FALSE, ms, FALSE);
}

/* Signals an event, mutex (released) or semaphore (one count), then
 * waits on the other handle as WaitForSingleObjectEx.  Both handles are
 * checked first: a bad one fails (ERROR_INVALID_HANDLE, also for a
 * signal handle of another type) with nothing signalled; so does a
 * release that fails (ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS, access). */
DWORD wsc_SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD ms,
                              BOOL alertable)
{
    struct w32_obj *o = wsc_w32_get(signal, W32_ANY), *w;
    enum w32_type type;
    BOOL ok;

    if (!o)
        return WAIT_FAILED;
    type = o->type;
    wsc_w32_put(o);
    if (!(w = wsc_w32_get(waitable(wait), W32_ANY)))
        return WAIT_FAILED;
    wsc_w32_put(w);
    switch (type) {
    case W32_EVENT: ok = wsc_SetEvent(signal); break;
    case W32_MUTEX: ok = wsc_ReleaseMutex(signal); break;
    case W32_SEMAPHORE: ok = wsc_ReleaseSemaphore(signal, 1, NULL); break;
    default: ok = wsc_w32_fail(ERROR_INVALID_HANDLE); break;
    }
    return ok ? wsc_WaitForSingleObjectEx(wait, ms, alertable) : WAIT_FAILED;
}

/* ---- names: events, mutexes and semaphores by name ------------------------
 * One namespace for the process (handle.c); another process does not see
 * them.  Creating a name that exists opens the object it names, last error
 * ERROR_ALREADY_EXISTS (the other arguments unused), or fails
 * ERROR_INVALID_HANDLE when it names another kind of object; a new name
 * leaves last error 0. */

/* Drops o (if any) and fails with code. */
static HANDLE put_fail(struct w32_obj *o, DWORD code)
{
    if (o)
        wsc_w32_put(o);
    wsc_w32_set_error(code);
    return NULL;
}

/* A handle for o, last error code. */
static HANDLE handle_saying(struct w32_obj *o, DWORD code)
{
    HANDLE h = wsc_w32_handle_new(o);

    if (h)
        wsc_w32_set_error(code);
    return h;
}

/* A named event's or semaphore's shared state starts as its own. */
static void state_init(void *state, void *arg)
{
    struct w32_obj *o = arg;

    if (o->type == W32_EVENT)
        *(struct w32_event_state *)state = o->u.event;
    else
        *(struct w32_sem_state *)state = o->u.sem;
}

/* Events and semaphores are seen by name in the user's other processes;
 * mutexes, whose owner is a thread, are the process's own. */
static int shareable(enum w32_type type)
{
    return type == W32_EVENT || type == W32_SEMAPHORE;
}

/* Binds an event or semaphore to the state other processes share under
 * its name (made if create and none has it): 0 or a Win32 code; *existed
 * if another process has it.  Without /dev/shm the name is the
 * process's. */
static DWORD share_object(struct w32_obj *o, const char *name, int create,
                          int *existed)
{
    DWORD err;

    *existed = 0;
    o->shared = wsc_w32_shared_attach(name, o->type, create, 0, state_init,
                                      o, existed, &err);
    if (!o->shared && err == ERROR_NOT_SUPPORTED)
        return create ? 0 : ERROR_FILE_NOT_FOUND;
    if (!o->shared)
        return err;
    if (wsc_w32_shared_listen(o->shared) == 0)
        return 0;
    wsc_w32_shared_detach(o->shared);
    o->shared = NULL;
    return ERROR_NOT_ENOUGH_MEMORY;
}

/* A handle for fresh (NULL: its creation failed), named name if not NULL.
 * A named event or semaphore is seen by the user's other processes too. */
static HANDLE named_handle(struct w32_obj *fresh, const char *name)
{
    enum w32_type type;
    struct w32_obj *o;
    int err, existed = 0;
    DWORD code;

    if (!fresh || !name)
        return fresh ? wsc_w32_handle_new(fresh) : NULL;
    type = fresh->type;
    if (shareable(type) && (code = share_object(fresh, name, 1, &existed)))
        return put_fail(fresh, code);
    if (!(o = wsc_w32_name_claim(name, fresh, &err)))
        return err ? put_fail(fresh, ERROR_NOT_ENOUGH_MEMORY)
                   : handle_saying(fresh, existed ? ERROR_ALREADY_EXISTS
                                                  : ERROR_SUCCESS);
    wsc_w32_put(fresh);
    if (o->type != type)
        return put_fail(o, ERROR_INVALID_HANDLE);
    return handle_saying(o, ERROR_ALREADY_EXISTS);
}

/* A wide name in UTF-8 (free it), NULL for none; *nomem when it could
 * not be made. */
static char *utf8_name(LPCWSTR name, int *nomem)
{
    char *u = NULL;
    int bad;

    *nomem = name && !(u = wsc_w32_utf8(name, &bad));
    return u;
}

/* The event or semaphore another process named name, as an object of
 * this process (registered under the name), or NULL with the last error
 * set. */
static struct w32_obj *open_shared(const char *name, enum w32_type type)
{
    struct w32_obj *o = wsc_w32_obj_new(type), *had;
    DWORD code;
    int err, existed;

    if (!o)
        return NULL;
    if ((code = share_object(o, name, 0, &existed))) {
        put_fail(o, code);
        return NULL;
    }
    if ((had = wsc_w32_name_claim(name, o, &err)) || err) {
        wsc_w32_put(o); /* this process named it meanwhile */
        if (!had)
            wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return had;
    }
    return o;
}

/* OpenEvent, OpenMutex, OpenSemaphore: a handle with the access asked. */
static HANDLE open_named(const char *name, enum w32_type type, DWORD access)
{
    struct w32_obj *o;

    if (!name)
        return put_fail(NULL, ERROR_INVALID_PARAMETER);
    if (!(o = wsc_w32_name_find(name)) &&
        !(shareable(type) && (o = open_shared(name, type))))
        return shareable(type) ? NULL : put_fail(NULL, ERROR_FILE_NOT_FOUND);
    if (o->type != type)
        return put_fail(o, ERROR_INVALID_HANDLE);
    return wsc_w32_handle_new_access(o, access);
}

/* named_handle (open 0) or open_named (open 1) with a wide name. */
static HANDLE wide_named(LPCWSTR name, int open, struct w32_obj *fresh,
                         enum w32_type type, DWORD access)
{
    int nomem;
    char *u = utf8_name(name, &nomem);
    HANDLE h = nomem  ? put_fail(fresh, ERROR_NOT_ENOUGH_MEMORY)
               : open ? open_named(u, type, access)
                      : named_handle(fresh, u);

    free(u);
    return h;
}

static HANDLE named_handle_w(struct w32_obj *fresh, LPCWSTR name)
{
    return wide_named(name, 0, fresh, W32_EVENT, 0);
}

static HANDLE open_named_w(LPCWSTR name, enum w32_type type, DWORD access)
{
    return wide_named(name, 1, NULL, type, access);
}

/* OpenEventA/W, OpenMutexA/W, OpenSemaphoreA/W (the handle has the access
 * asked for; there is no inheritance). */
#define DEFINE_OPEN(kind, type)                                             \
    HANDLE wsc_Open##kind##A(DWORD access, BOOL inherit, LPCSTR name)       \
    {                                                                       \
        (void)inherit;                                                      \
        return open_named(name, type, access);                              \
    }                                                                       \
    HANDLE wsc_Open##kind##W(DWORD access, BOOL inherit, LPCWSTR name)      \
    {                                                                       \
        (void)inherit;                                                      \
        return open_named_w(name, type, access);                            \
    }
DEFINE_OPEN(Event, W32_EVENT)
DEFINE_OPEN(Mutex, W32_MUTEX)
DEFINE_OPEN(Semaphore, W32_SEMAPHORE)

/* ---- events ------------------------------------------------------------ */
static struct w32_obj *event_new(BOOL manual, BOOL initial)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_EVENT);

    if (!o)
        return NULL;
    o->u.event.manual = manual != 0;
    o->u.event.set = initial != 0;
    return o;
}

HANDLE wsc_CreateEventA(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial,
                        LPCSTR name)
{
    (void)sa;
    return named_handle(event_new(manual, initial), name);
}

HANDLE wsc_CreateEventW(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial,
                        LPCWSTR name)
{
    (void)sa;
    return named_handle_w(event_new(manual, initial), name);
}

/* Under the locks, applies the change and wakes the waiters, in other
 * processes too for a shared event. */
static void event_apply(struct w32_obj *o, void (*change)(struct w32_event_state *e))
{
    if (o->shared)
        wsc_w32_shared_lock();
    change(wsc_w32_event(o));
    if (o->shared) {
        wsc_w32_shared_changed(o->shared);
        wsc_w32_shared_unlock();
    }
    /* (A socket's own event changes with every operation: with nobody
     * waiting on it, no waiter is woken to look.) */
    if (o->waiters || o->shared)
        wsc_w32_changed();
}

/* For an event handle with EVENT_MODIFY_STATE access (one OpenEvent gave
 * only SYNCHRONIZE is ERROR_ACCESS_DENIED, as on Windows). */
static BOOL event_change(HANDLE h, void (*change)(struct w32_event_state *e))
{
    struct w32_obj *o;
    DWORD access = 0, err = 0;

    wsc_w32_lock();
    if (!(o = wsc_w32_find_access(h, W32_EVENT, &access)))
        err = ERROR_INVALID_HANDLE;
    else if (!(access & EVENT_MODIFY_STATE))
        err = ERROR_ACCESS_DENIED;
    else
        event_apply(o, change);
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}

static void event_set(struct w32_event_state *e)
{
    e->set = 1;
}

static void event_reset(struct w32_event_state *e)
{
    e->set = 0;
}

static void event_pulse(struct w32_event_state *e)
{
    e->pulses++;
    e->tokens = 1;
    e->set = 0;
}

BOOL wsc_SetEvent(HANDLE event)
{
    return event_change(event, event_set);
}

BOOL wsc_ResetEvent(HANDLE event)
{
    return event_change(event, event_reset);
}

BOOL wsc_PulseEvent(HANDLE event)
{
    return event_change(event, event_pulse);
}

/* ---- mutexes ----------------------------------------------------------- */
static struct w32_obj *mutex_new(BOOL owned)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_MUTEX);

    if (!o)
        return NULL;
    if (owned) {
        o->u.mutex.owner = wsc_w32_tid();
        o->u.mutex.count = 1;
        wsc_w32_note_owner();
    }
    return o;
}

HANDLE wsc_CreateMutexA(LPSECURITY_ATTRIBUTES sa, BOOL owned, LPCSTR name)
{
    (void)sa;
    return named_handle(mutex_new(owned), name);
}

HANDLE wsc_CreateMutexW(LPSECURITY_ATTRIBUTES sa, BOOL owned, LPCWSTR name)
{
    (void)sa;
    return named_handle_w(mutex_new(owned), name);
}

BOOL wsc_ReleaseMutex(HANDLE mutex)
{
    struct w32_obj *o;
    DWORD err = 0;

    wsc_w32_lock();
    if (!(o = wsc_w32_find(mutex, W32_MUTEX)))
        err = ERROR_INVALID_HANDLE;
    else if (o->u.mutex.owner != wsc_w32_tid())
        err = ERROR_NOT_OWNER;
    else if (--o->u.mutex.count == 0) {
        o->u.mutex.owner = 0;
        wsc_w32_changed();
    }
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}

static void abandon(struct w32_obj *o, void *arg)
{
    if (o->type == W32_MUTEX && o->u.mutex.owner == (DWORD)(uintptr_t)arg) {
        o->u.mutex.owner = 0;
        o->u.mutex.count = 0;
        o->u.mutex.abandoned = 1;
    }
}

/* A thread that ever owned a mutex abandons what it still owns at exit. */
static pthread_key_t owner_key;
static pthread_once_t owner_once = PTHREAD_ONCE_INIT;

void wsc_w32_abandon_owned(DWORD tid)
{
    wsc_w32_each(abandon, (void *)(uintptr_t)tid);
}

static void owner_exit(void *tid)
{
    wsc_w32_lock();
    wsc_w32_abandon_owned((DWORD)(uintptr_t)tid);
    wsc_w32_changed();
    wsc_w32_unlock();
}

static void owner_init(void)
{
    pthread_key_create(&owner_key, owner_exit);
}

void wsc_w32_note_owner(void)
{
    pthread_once(&owner_once, owner_init);
    if (!pthread_getspecific(owner_key))
        pthread_setspecific(owner_key, (void *)(uintptr_t)wsc_w32_tid());
}

/* ---- semaphores -------------------------------------------------------- */
static struct w32_obj *semaphore_new(LONG initial, LONG maximum)
{
    struct w32_obj *o;

    if (maximum <= 0 || initial < 0 || initial > maximum) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(o = wsc_w32_obj_new(W32_SEMAPHORE)))
        return NULL;
    o->u.sem.count = initial;
    o->u.sem.max = maximum;
    return o;
}

HANDLE wsc_CreateSemaphoreA(LPSECURITY_ATTRIBUTES sa, LONG initial,
                            LONG maximum, LPCSTR name)
{
    (void)sa;
    return named_handle(semaphore_new(initial, maximum), name);
}

HANDLE wsc_CreateSemaphoreW(LPSECURITY_ATTRIBUTES sa, LONG initial,
                            LONG maximum, LPCWSTR name)
{
    (void)sa;
    return named_handle_w(semaphore_new(initial, maximum), name);
}

/* Under the locks: the release, 0 or its Win32 code. */
static DWORD sem_release(struct w32_sem_state *st, LONG count, LPLONG previous)
{
    if (count <= 0)
        return ERROR_INVALID_PARAMETER;
    if (count > st->max - st->count)
        return ERROR_TOO_MANY_POSTS;
    if (previous)
        *previous = st->count;
    st->count += count;
    return 0;
}

/* For a handle with SEMAPHORE_MODIFY_STATE access; a shared semaphore's
 * release wakes the other processes' waiters too. */
BOOL wsc_ReleaseSemaphore(HANDLE semaphore, LONG count, LPLONG previous)
{
    struct w32_obj *o;
    DWORD access = 0, err;

    wsc_w32_lock();
    if (!(o = wsc_w32_find_access(semaphore, W32_SEMAPHORE, &access)))
        err = ERROR_INVALID_HANDLE;
    else if (!(access & SEMAPHORE_MODIFY_STATE))
        err = ERROR_ACCESS_DENIED;
    else {
        if (o->shared)
            wsc_w32_shared_lock();
        err = sem_release(wsc_w32_sem(o), count, previous);
        if (o->shared) {
            if (!err)
                wsc_w32_shared_changed(o->shared);
            wsc_w32_shared_unlock();
        }
        if (!err)
            wsc_w32_changed();
    }
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}
