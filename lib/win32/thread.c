/* CreateThread and _beginthreadex, thread exit codes, thread ids, Sleep.
 * A thread object has two references while its thread runs: its handle's
 * and the thread's own, so closing the handle early is harmless.  Its APC
 * queue is made with it, so that QueueUserAPC works before the thread has
 * started; APCs queued by then run first thing, as on Windows. */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include "handle.h"
#include "w32async.h"

static _Atomic uint32_t last_tid;
static __thread DWORD my_tid;
static __thread struct w32_obj *my_thread;

/* Windows' thread ids are multiples of 4; never 0. */
static DWORD new_tid(void)
{
    return atomic_fetch_add(&last_tid, 4) + 4;
}

DWORD wsc_w32_tid(void)
{
    if (!my_tid)
        my_tid = new_tid();
    return my_tid;
}

DWORD wsc_GetCurrentThreadId(void)
{
    return wsc_w32_tid();
}

/* The thread's end: its windows and message queue gone and its mutexes
 * abandoned, then its object signalled. */
static void finish(DWORD code)
{
    struct w32_obj *o = my_thread;

    wsc_w32_queue_exit();
    wsc_w32_apc_exit();
    wsc_w32_lock();
    wsc_w32_abandon_owned(wsc_w32_tid());
    o->u.thread.done = 1;
    o->u.thread.code = code;
    wsc_w32_changed();
    wsc_w32_unlock();
    my_thread = NULL;
    wsc_w32_put(o);
}

static void *trampoline(void *arg)
{
    struct w32_obj *o = arg;

    my_thread = o;
    my_tid = o->u.thread.id;
    wsc_w32_apc_adopt(o->u.thread.apc);
    wsc_w32_lock();
    while (o->u.thread.suspended)
        wsc_w32_sleep_until(UINT64_MAX);
    wsc_w32_unlock();
    wsc_w32_apc_run();
    finish(o->u.thread.fn(o->u.thread.arg));
    return NULL;
}

static int start(struct w32_obj *o, SIZE_T stack)
{
    pthread_attr_t a;
    pthread_t t;
    long page = sysconf(_SC_PAGESIZE);
    int r;

    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    if (stack) {
        stack = (stack + (SIZE_T)page - 1) & ~((SIZE_T)page - 1);
        pthread_attr_setstacksize(&a, stack < (SIZE_T)PTHREAD_STACK_MIN ? (SIZE_T)PTHREAD_STACK_MIN : stack);
    }
    r = pthread_create(&t, &a, trampoline, o);
    pthread_attr_destroy(&a);
    return r;
}

HANDLE wsc_CreateThread(LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
                        LPTHREAD_START_ROUTINE fn, LPVOID param, DWORD flags,
                        LPDWORD id)
{
    struct w32_obj *o;
    HANDLE h;

    (void)sa;
    if (!fn) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(o = wsc_w32_obj_new(W32_THREAD)))
        return NULL;
    if (!(o->u.thread.apc = wsc_w32_apc_new())) {
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    o->u.thread.id = new_tid();
    o->u.thread.fn = fn;
    o->u.thread.arg = param;
    o->u.thread.suspended = (flags & CREATE_SUSPENDED) != 0;
    o->refs = 2;
    if (!(h = wsc_w32_handle_new(o))) {
        wsc_w32_put(o);
        return NULL;
    }
    if (start(o, (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) ? 0 : stack)) {
        wsc_CloseHandle(h);
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (id)
        *id = o->u.thread.id;
    return h;
}

/* unsigned and DWORD are one type here, so the start routines are too. */
uintptr_t wsc__beginthreadex(void *security, unsigned stack,
                             _beginthreadex_proc_type start_fn, void *arg,
                             unsigned flags, unsigned *id)
{
    HANDLE h;
    DWORD tid;

    (void)security;
    if (!start_fn) {
        errno = EINVAL;
        return 0;
    }
    h = wsc_CreateThread(NULL, stack, (LPTHREAD_START_ROUTINE)start_fn, arg,
                         flags, &tid);
    if (!h) {
        errno = EAGAIN;
        return 0;
    }
    if (id)
        *id = tid;
    return (uintptr_t)h;
}

/* _beginthread: the thread closes its own handle when it ends, by
 * returning or by _endthread; the handle is set before the thread runs
 * (it starts suspended).  Failure is (uintptr_t)-1 with errno. */
struct auto_start {
    _beginthread_proc_type start;
    void *arg;
    HANDLE self;
};
static __thread HANDLE auto_handle;

static DWORD WINAPI auto_main(LPVOID p)
{
    struct auto_start a = *(struct auto_start *)p;

    free(p);
    auto_handle = a.self;
    a.start(a.arg);
    wsc__endthread();
    return 0;
}

uintptr_t wsc__beginthread(_beginthread_proc_type start_fn, unsigned stack,
                           void *arg)
{
    struct auto_start *a;
    HANDLE h;

    if (!start_fn) {
        errno = EINVAL;
        return (uintptr_t)-1;
    }
    if (!(a = malloc(sizeof(*a)))) {
        errno = EAGAIN;
        return (uintptr_t)-1;
    }
    a->start = start_fn;
    a->arg = arg;
    h = wsc_CreateThread(NULL, stack, auto_main, a, CREATE_SUSPENDED, NULL);
    if (!h) {
        free(a);
        errno = EAGAIN;
        return (uintptr_t)-1;
    }
    a->self = h;
    wsc_ResumeThread(h);
    return (uintptr_t)h;
}

void wsc__endthread(void)
{
    HANDLE h = auto_handle;

    auto_handle = NULL;
    if (h)
        wsc_CloseHandle(h);
    wsc_ExitThread(0);
}

void wsc_ExitThread(DWORD code)
{
    if (my_thread)
        finish(code);
    pthread_exit(NULL);
}

void wsc__endthreadex(unsigned code)
{
    wsc_ExitThread(code);
}

BOOL wsc_GetExitCodeThread(HANDLE thread, LPDWORD code)
{
    struct w32_obj *o;

    if (!code)
        return wsc_w32_fail(ERROR_NOACCESS);
    if (thread == wsc_GetCurrentThread()) {
        *code = STILL_ACTIVE;
        return TRUE;
    }
    wsc_w32_lock();
    if ((o = wsc_w32_find(thread, W32_THREAD)))
        *code = o->u.thread.done ? o->u.thread.code : STILL_ACTIVE;
    wsc_w32_unlock();
    return o ? TRUE : wsc_w32_fail(ERROR_INVALID_HANDLE);
}

DWORD wsc_ResumeThread(HANDLE thread)
{
    struct w32_obj *o;
    DWORD was = (DWORD)-1;

    wsc_w32_lock();
    if ((o = wsc_w32_find(thread, W32_THREAD))) {
        was = (DWORD)o->u.thread.suspended;
        if (o->u.thread.suspended > 0 && !--o->u.thread.suspended)
            wsc_w32_changed();
    }
    wsc_w32_unlock();
    if (!o)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return was;
}

/* A thread suspends itself (its own handle or GetCurrentThread()) as on
 * Windows: it sleeps until ResumeThread brings its count back to 0; the
 * main thread, which no handle names, sleeps for good (the servers that
 * park it so).  Stopping another thread wherever it stands would take a
 * signal into code that does not expect one: (DWORD)-1,
 * ERROR_NOT_SUPPORTED. */
DWORD wsc_SuspendThread(HANDLE thread)
{
    struct w32_obj *o = my_thread;
    DWORD was;

    if (thread != wsc_GetCurrentThread()) {
        struct w32_obj *t;

        wsc_w32_lock();
        t = wsc_w32_find(thread, W32_THREAD);
        wsc_w32_unlock();
        if (!t) {
            wsc_w32_set_error(ERROR_INVALID_HANDLE);
            return (DWORD)-1;
        }
        if (t != o) {
            wsc_w32_set_error(ERROR_NOT_SUPPORTED);
            return (DWORD)-1;
        }
    }
    if (!o)
        for (;;)
            pause();
    wsc_w32_lock();
    was = (DWORD)o->u.thread.suspended++;
    while (o->u.thread.suspended)
        wsc_w32_sleep_until(UINT64_MAX);
    wsc_w32_unlock();
    return was;
}

DWORD wsc_GetThreadId(HANDLE thread)
{
    struct w32_obj *o;
    DWORD id = 0;

    if (thread == wsc_GetCurrentThread())
        return wsc_w32_tid();
    wsc_w32_lock();
    if ((o = wsc_w32_find(thread, W32_THREAD)))
        id = o->u.thread.id;
    wsc_w32_unlock();
    if (!o)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return id;
}

void wsc_Sleep(DWORD ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};

    if (ms == INFINITE)
        for (;;)
            pause();
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

/* SleepEx: apc.c. */

BOOL wsc_SwitchToThread(void)
{
    sched_yield();
    return TRUE;
}

int wsc_w32_helper_thread(void *(*fn)(void *), void *arg)
{
    pthread_attr_t a;
    pthread_t t;
    sigset_t all, old;
    int r;

    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, 64 * 1024);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* signals are not its to take */
    r = pthread_create(&t, &a, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&a);
    return r;
}
