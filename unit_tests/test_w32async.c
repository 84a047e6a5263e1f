/* The Win32 half of asynchronous I/O (lib/win32/port.c, apc.c,
 * overlapped.c): completion ports, APCs and alertable waits, overlapped
 * results, and sockets taking part through fake sockops this test
 * installs.  Exact results and last-error codes; every wait bounded; a
 * thread is known to be asleep from /proc (proc_self.h), never by sleeping.
 *   test_w32async          the check suite
 *   test_w32async bench    packets per second through one port */
#include <check.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <windows.h>
#include "handle.h"
#include "w32async.h"
#include "proc_self.h"

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

static ULONGLONG elapsed_since(ULONGLONG t0)
{
    return GetTickCount64() - t0;
}

static pid_t my_tid(void)
{
    return (pid_t)syscall(SYS_gettid);
}

/* Waits (bounded) until the thread is asleep in futex (which every wait
 * of the layer ends in), or in poll. */
static int asleep_in(pid_t tid, int poll)
{
    long nr;

    if (proc_thread_state(tid) != 'S')
        return 0;
    nr = proc_thread_syscall(tid);
    if (poll)
        return nr == SYS_ppoll
#ifdef SYS_poll
               || nr == SYS_poll
#endif
            ;
    return nr == SYS_futex;
}

static void wait_asleep_in(pid_t tid, int poll)
{
    ULONGLONG t0 = GetTickCount64();

    while (!asleep_in(tid, poll)) {
        ck_assert_msg(elapsed_since(t0) < 10000, "thread %d never slept",
                      (int)tid);
        sched_yield();
    }
}

static void wait_asleep(pid_t tid)
{
    wait_asleep_in(tid, 0);
}

static HANDLE new_port(void)
{
    HANDLE p = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);

    ck_assert_ptr_nonnull(p);
    return p;
}

/* ---- completion ports --------------------------------------------------- */
START_TEST(port_fifo)
{
    HANDLE p = new_port();
    OVERLAPPED ov[3];
    LPOVERLAPPED got;
    DWORD bytes, i;
    ULONG_PTR key;

    ck_assert_int_eq(PostQueuedCompletionStatus(p, 10, 100, &ov[0]), TRUE);
    ck_assert_int_eq(PostQueuedCompletionStatus(p, 11, 101, &ov[1]), TRUE);
    ck_assert_int_eq(PostQueuedCompletionStatus(p, 12, 102, &ov[2]), TRUE);
    ck_assert_int_eq(PostQueuedCompletionStatus(p, 0, 0, NULL), TRUE); /* CP24 */
    for (i = 0; i < 3; i++) {
        SetLastError(0xdeadu); /* CP2: a success leaves it */
        ck_assert_int_eq(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), TRUE);
        ck_assert_uint_eq(GetLastError(), 0xdeadu);
        ck_assert_uint_eq(bytes, 10 + i);
        ck_assert_uint_eq(key, 100 + i);
        ck_assert_ptr_eq(got, &ov[i]);
    }
    got = &ov[0];
    ck_assert_int_eq(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(bytes, 0);
    ck_assert_uint_eq(key, 0);
    ck_assert_ptr_null(got);
    ck_assert_int_eq(CloseHandle(p), TRUE);
}
END_TEST

START_TEST(port_timeouts)
{
    HANDLE p = new_port();
    LPOVERLAPPED got = (LPOVERLAPPED)1;
    DWORD bytes = 77;
    ULONG_PTR key = 88;
    OVERLAPPED_ENTRY e[2];
    ULONG n = 5;
    ULONGLONG t0;

    /* CP4: FALSE, WAIT_TIMEOUT, *lpOverlapped NULL, key and bytes kept. */
    ERR(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), FALSE, WAIT_TIMEOUT);
    ck_assert_ptr_null(got);
    ck_assert_uint_eq(bytes, 77);
    ck_assert_uint_eq(key, 88);
    t0 = GetTickCount64();
    got = (LPOVERLAPPED)1;
    ERR(GetQueuedCompletionStatus(p, &bytes, &key, &got, 100), FALSE, WAIT_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 100);
    ck_assert_uint_lt(elapsed_since(t0), 3000);
    ck_assert_ptr_null(got);
    ck_assert_uint_eq(bytes, 77);
    t0 = GetTickCount64();
    ERR(GetQueuedCompletionStatusEx(p, e, 2, &n, 50, FALSE), FALSE, WAIT_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 50);
    ck_assert_uint_eq(n, 0);
    n = 5;
    ERR(GetQueuedCompletionStatusEx(p, e, 2, &n, 0, TRUE), FALSE, WAIT_TIMEOUT);
    ck_assert_uint_eq(n, 0);
    CloseHandle(p);
}
END_TEST

START_TEST(port_ex_several)
{
    HANDLE p = new_port();
    OVERLAPPED ov[5];
    OVERLAPPED_ENTRY e[8];
    ULONG n, i;

    for (i = 0; i < 5; i++)
        ck_assert_int_eq(PostQueuedCompletionStatus(p, i * 10, i + 1, &ov[i]), TRUE);
    SetLastError(0xdeadu);
    ck_assert_int_eq(GetQueuedCompletionStatusEx(p, e, 3, &n, 0, FALSE), TRUE);
    ck_assert_uint_eq(GetLastError(), 0xdeadu);
    ck_assert_uint_eq(n, 3);
    for (i = 0; i < 3; i++) {
        ck_assert_uint_eq(e[i].lpCompletionKey, i + 1);
        ck_assert_ptr_eq(e[i].lpOverlapped, &ov[i]);
        ck_assert_uint_eq(e[i].dwNumberOfBytesTransferred, i * 10);
        ck_assert_uint_eq(e[i].Internal, 0);
    }
    ck_assert_int_eq(GetQueuedCompletionStatusEx(p, e, 8, &n, INFINITE, TRUE), TRUE);
    ck_assert_uint_eq(n, 2);
    ck_assert_ptr_eq(e[0].lpOverlapped, &ov[3]);
    ck_assert_ptr_eq(e[1].lpOverlapped, &ov[4]);
    ERR(GetQueuedCompletionStatusEx(p, e, 0, &n, 0, FALSE), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GetQueuedCompletionStatusEx(p, NULL, 1, &n, 0, FALSE), FALSE, ERROR_INVALID_PARAMETER);
    CloseHandle(p);
}
END_TEST

/* CP3: a failed operation's packet: FALSE, its Win32 error, and the
 * packet's contents; GQCSEx gives the NTSTATUS. */
START_TEST(port_failed_packets)
{
    HANDLE p = new_port();
    struct w32_obj *o = wsc_w32_port_get(p);
    OVERLAPPED ov;
    LPOVERLAPPED got;
    OVERLAPPED_ENTRY e;
    DWORD bytes = 99;
    ULONG_PTR key = 0;
    ULONG n;

    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(wsc_w32_port_post(o, 0, 5, &ov, WSC_STATUS_CONNECTION_RESET), TRUE);
    ck_assert_int_eq(wsc_w32_port_post(o, 3, 6, &ov, WSC_STATUS_CANCELLED), TRUE);
    ck_assert_int_eq(wsc_w32_port_post(o, 4, 7, &ov, WSC_STATUS_BUFFER_OVERFLOW), TRUE);
    ERR(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), FALSE, ERROR_NETNAME_DELETED);
    ck_assert_uint_eq(bytes, 0);
    ck_assert_uint_eq(key, 5);
    ck_assert_ptr_eq(got, &ov);
    ck_assert_int_eq(GetQueuedCompletionStatusEx(p, &e, 1, &n, 0, FALSE), TRUE);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(e.Internal, WSC_STATUS_CANCELLED);
    ck_assert_uint_eq(e.dwNumberOfBytesTransferred, 3);
    ERR(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), FALSE, ERROR_MORE_DATA);
    ck_assert_uint_eq(bytes, 4);
    wsc_w32_put(o);
    CloseHandle(p);
}
END_TEST

START_TEST(port_bad_handles)
{
    HANDLE p = new_port(), ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    LPOVERLAPPED got = (LPOVERLAPPED)1;
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED_ENTRY e;
    ULONG n;

    ERR(GetQueuedCompletionStatus(ev, &bytes, &key, &got, 0), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(got);
    ERR(GetQueuedCompletionStatus(NULL, &bytes, &key, &got, 0), FALSE, ERROR_INVALID_HANDLE);
    ERR(GetQueuedCompletionStatusEx(ev, &e, 1, &n, 0, FALSE), FALSE, ERROR_INVALID_HANDLE);
    ERR(PostQueuedCompletionStatus(ev, 0, 0, NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(PostQueuedCompletionStatus(INVALID_HANDLE_VALUE, 0, 0, NULL), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(wsc_w32_port_get(ev));
    ERR(CreateIoCompletionPort(INVALID_HANDLE_VALUE, p, 0, 0), NULL, ERROR_INVALID_PARAMETER);
    /* Not a socket (a table handle): only sockets are associated. */
    ERR(CreateIoCompletionPort(ev, p, 0, 0), NULL, ERROR_INVALID_PARAMETER);
    /* A socket value before the Winsock layer installs its hooks. */
    ERR(CreateIoCompletionPort((HANDLE)5, p, 0, 0), NULL, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(CloseHandle(p), TRUE);
    ERR(PostQueuedCompletionStatus(p, 0, 0, NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(CloseHandle(p), FALSE, ERROR_INVALID_HANDLE);
    CloseHandle(ev);
}
END_TEST

struct gqcs_result {
    HANDLE port;
    BOOL ex;
    pid_t tid;
    BOOL ok;
    DWORD err;
    LPOVERLAPPED got;
    ULONG n;
};

static DWORD WINAPI gqcs_thread(LPVOID arg)
{
    struct gqcs_result *r = arg;
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED_ENTRY e;

    r->got = (LPOVERLAPPED)1;
    r->n = 9;
    __atomic_store_n(&r->tid, my_tid(), __ATOMIC_RELEASE);
    SetLastError(0);
    if (r->ex) {
        r->ok = GetQueuedCompletionStatusEx(r->port, &e, 1, &r->n, INFINITE, FALSE);
        r->got = r->n ? e.lpOverlapped : NULL;
    } else
        r->ok = GetQueuedCompletionStatus(r->port, &bytes, &key, &r->got, INFINITE);
    r->err = GetLastError();
    return 0;
}

static HANDLE start_gqcs(struct gqcs_result *r)
{
    HANDLE t = CreateThread(NULL, 0, gqcs_thread, r, 0, NULL);

    ck_assert_ptr_nonnull(t);
    while (!__atomic_load_n(&r->tid, __ATOMIC_ACQUIRE))
        sched_yield();
    wait_asleep(r->tid);
    return t;
}

/* CP26: closing the port wakes its waiters, FALSE ERROR_ABANDONED_WAIT_0;
 * queued packets go with it; its handle is then invalid. */
START_TEST(port_close_wakes_waiters)
{
    HANDLE p = new_port(), t[2];
    struct gqcs_result r[2];
    struct w32_obj *o;
    int i;

    memset(r, 0, sizeof(r));
    for (i = 0; i < 2; i++) {
        r[i].port = p;
        r[i].ex = i == 1;
        t[i] = start_gqcs(&r[i]);
    }
    o = wsc_w32_port_get(p);
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(CloseHandle(p), TRUE);
    ck_assert_uint_eq(WaitForMultipleObjects(2, t, TRUE, 10000), WAIT_OBJECT_0);
    for (i = 0; i < 2; i++) {
        ck_assert_int_eq(r[i].ok, FALSE);
        ck_assert_uint_eq(r[i].err, ERROR_ABANDONED_WAIT_0);
        ck_assert_uint_eq(r[i].err, 735);
        ck_assert_ptr_null(r[i].got);
        CloseHandle(t[i]);
    }
    ck_assert_uint_eq(r[1].n, 0);
    /* The object lives on for whoever holds it, closed. */
    ERR(wsc_w32_port_post(o, 1, 2, NULL, 0), FALSE, ERROR_INVALID_HANDLE);
    wsc_w32_put(o);
    ERR(GetQueuedCompletionStatus(p, NULL, NULL, &r[0].got, 0), FALSE, ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(port_close_frees_packets)
{
    HANDLE p = new_port(), dup;
    int i;

    for (i = 0; i < 1000; i++)
        ck_assert_int_eq(PostQueuedCompletionStatus(p, i, i, NULL), TRUE);
    /* A second handle keeps the port open. */
    ck_assert_int_eq(DuplicateHandle(GetCurrentProcess(), p, GetCurrentProcess(),
                                     &dup, 0, FALSE, DUPLICATE_SAME_ACCESS), TRUE);
    ck_assert_int_eq(CloseHandle(p), TRUE);
    ck_assert_int_eq(PostQueuedCompletionStatus(dup, 0, 0, NULL), TRUE);
    ck_assert_int_eq(CloseHandle(dup), TRUE); /* leak check: under ASan */
}
END_TEST

/* A thread's wait keeps the port it waited on last (no table lock): a
 * handle closed since, that one or any other, makes the next wait look
 * it up again, so a closed port's handle is refused, and a new port
 * (perhaps on the freed slot) is its own. */
START_TEST(port_last_waited_is_looked_up_again)
{
    HANDLE a = new_port(), b, ev;
    LPOVERLAPPED got;
    ULONG_PTR key = 0;
    DWORD bytes;

    ck_assert_int_eq(PostQueuedCompletionStatus(a, 1, 11, NULL), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(a, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(key, 11);
    ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    ck_assert_int_eq(CloseHandle(ev), TRUE);
    ck_assert_int_eq(PostQueuedCompletionStatus(a, 2, 22, NULL), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(a, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(key, 22);
    ck_assert_int_eq(CloseHandle(a), TRUE);
    ERR(GetQueuedCompletionStatus(a, &bytes, &key, &got, 0), FALSE,
        ERROR_INVALID_HANDLE);
    b = new_port();
    ck_assert_ptr_ne(b, a);
    ck_assert_int_eq(PostQueuedCompletionStatus(b, 3, 33, NULL), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(b, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(key, 33);
    ERR(GetQueuedCompletionStatus(a, &bytes, &key, &got, 0), FALSE,
        ERROR_INVALID_HANDLE);
    ck_assert_int_eq(CloseHandle(b), TRUE);
}
END_TEST

/* The post wakes a waiter that is already asleep (the wake-one path). */
START_TEST(port_post_wakes_sleeper)
{
    HANDLE p = new_port(), t;
    struct gqcs_result r;
    OVERLAPPED ov;

    memset(&r, 0, sizeof(r));
    r.port = p;
    t = start_gqcs(&r);
    ck_assert_int_eq(PostQueuedCompletionStatus(p, 1, 2, &ov), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(t, 10000), WAIT_OBJECT_0);
    ck_assert_int_eq(r.ok, TRUE);
    ck_assert_uint_eq(r.err, 0);
    ck_assert_ptr_eq(r.got, &ov);
    CloseHandle(t);
    CloseHandle(p);
}
END_TEST

/* ---- many threads through one port ------------------------------------ */
#define PRODUCERS 4
#define CONSUMERS 2
#define PER_PRODUCER 100000
#define STOP_KEY 0xffffu

static HANDLE stress_port;
static unsigned char seen[PRODUCERS][PER_PRODUCER];
static long consumed[CONSUMERS];
static int order_ok[CONSUMERS];

static DWORD WINAPI producer(LPVOID arg)
{
    ULONG_PTR id = (ULONG_PTR)arg;
    DWORD i;

    for (i = 0; i < PER_PRODUCER; i++)
        if (!PostQueuedCompletionStatus(stress_port, i, id, (LPOVERLAPPED)(uintptr_t)(i + 1)))
            return 1;
    return 0;
}

static void note(int c, ULONG_PTR key, DWORD bytes, DWORD last[PRODUCERS])
{
    if (key >= PRODUCERS || bytes >= PER_PRODUCER)
        return;
    seen[key][bytes]++;
    consumed[c]++;
    /* FIFO: one consumer sees each producer's packets in order. */
    if (last[key] != (DWORD)-1 && bytes <= last[key])
        order_ok[c] = 0;
    last[key] = bytes;
}

/* Consumer 0 dequeues one at a time, consumer 1 in batches. */
static DWORD WINAPI consumer(LPVOID arg)
{
    int c = (int)(uintptr_t)arg, stop = 0, i;
    DWORD last[PRODUCERS], bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    OVERLAPPED_ENTRY e[16];
    ULONG n, j;

    for (i = 0; i < PRODUCERS; i++)
        last[i] = (DWORD)-1;
    order_ok[c] = 1;
    while (!stop) {
        if (c == 0) {
            if (!GetQueuedCompletionStatus(stress_port, &bytes, &key, &ov, 30000))
                return 2;
            if (key == STOP_KEY)
                stop = 1;
            else if (ov != (LPOVERLAPPED)(uintptr_t)(bytes + 1))
                return 3;
            else
                note(c, key, bytes, last);
        } else {
            if (!GetQueuedCompletionStatusEx(stress_port, e, 16, &n, 30000, FALSE))
                return 2;
            for (j = 0; j < n; j++) {
                /* A batch may hold the stop packet and more: one stop
                 * each, the other's goes back. */
                if (e[j].lpCompletionKey == STOP_KEY) {
                    if (stop)
                        PostQueuedCompletionStatus(stress_port, 0, STOP_KEY, NULL);
                    stop = 1;
                } else
                    note(c, e[j].lpCompletionKey, e[j].dwNumberOfBytesTransferred, last);
            }
        }
    }
    return 0;
}

START_TEST(port_stress)
{
    HANDLE prod[PRODUCERS], cons[CONSUMERS];
    DWORD code;
    int i, k;
    long total;
    ULONGLONG t0 = GetTickCount64();

    stress_port = new_port();
    for (i = 0; i < CONSUMERS; i++)
        ck_assert_ptr_nonnull(cons[i] = CreateThread(NULL, 0, consumer, (LPVOID)(uintptr_t)i, 0, NULL));
    for (i = 0; i < PRODUCERS; i++)
        ck_assert_ptr_nonnull(prod[i] = CreateThread(NULL, 0, producer, (LPVOID)(uintptr_t)i, 0, NULL));
    ck_assert_uint_eq(WaitForMultipleObjects(PRODUCERS, prod, TRUE, 60000), WAIT_OBJECT_0);
    for (i = 0; i < PRODUCERS; i++) {
        ck_assert_int_eq(GetExitCodeThread(prod[i], &code), TRUE);
        ck_assert_uint_eq(code, 0);
        CloseHandle(prod[i]);
    }
    for (i = 0; i < CONSUMERS; i++)
        ck_assert_int_eq(PostQueuedCompletionStatus(stress_port, 0, STOP_KEY, NULL), TRUE);
    ck_assert_uint_eq(WaitForMultipleObjects(CONSUMERS, cons, TRUE, 60000), WAIT_OBJECT_0);
    for (i = 0, total = 0; i < CONSUMERS; i++) {
        ck_assert_int_eq(GetExitCodeThread(cons[i], &code), TRUE);
        ck_assert_uint_eq(code, 0);
        ck_assert_int_eq(order_ok[i], 1);
        total += consumed[i];
        CloseHandle(cons[i]);
    }
    ck_assert_int_eq(total, (long)PRODUCERS * PER_PRODUCER);
    for (i = 0; i < PRODUCERS; i++)
        for (k = 0; k < PER_PRODUCER; k++)
            if (seen[i][k] != 1)
                ck_abort_msg("packet %d/%d seen %d times", i, k, seen[i][k]);
    ck_assert_uint_lt(elapsed_since(t0), 60000);
    CloseHandle(stress_port);
}
END_TEST

/* ---- APCs --------------------------------------------------------------- */
static int apc_runs;
static ULONG_PTR apc_arg;
static DWORD apc_tid;

static void WINAPI on_apc(ULONG_PTR arg)
{
    __atomic_add_fetch(&apc_runs, 1, __ATOMIC_SEQ_CST);
    apc_arg = arg;
    apc_tid = GetCurrentThreadId();
}

static int runs(void)
{
    return __atomic_load_n(&apc_runs, __ATOMIC_SEQ_CST);
}

START_TEST(apc_to_self)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);

    ck_assert_uint_ne(QueueUserAPC(on_apc, GetCurrentThread(), 7), 0);
    /* Non-alertable waits never run it. */
    ck_assert_uint_eq(SleepEx(0, FALSE), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, 10), WAIT_TIMEOUT);
    ck_assert_uint_eq(WaitForSingleObjectEx(ev, 0, FALSE), WAIT_TIMEOUT);
    ck_assert_int_eq(runs(), 0);
    ck_assert_uint_eq(SleepEx(0, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(runs(), 1);
    ck_assert_uint_eq(apc_arg, 7);
    ck_assert_uint_eq(apc_tid, GetCurrentThreadId());
    ck_assert_uint_eq(SleepEx(0, TRUE), 0); /* ran once */
    ck_assert_int_eq(runs(), 1);
    /* Several, in order, by one alertable wait. */
    ck_assert_uint_ne(QueueUserAPC(on_apc, GetCurrentThread(), 8), 0);
    ck_assert_uint_ne(QueueUserAPC(on_apc, GetCurrentThread(), 9), 0);
    ck_assert_uint_eq(WaitForSingleObjectEx(ev, 0, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(runs(), 3);
    ck_assert_uint_eq(apc_arg, 9);
    /* A signalled object wins over a queued APC, which waits. */
    SetEvent(ev);
    ck_assert_uint_ne(QueueUserAPC(on_apc, GetCurrentThread(), 10), 0);
    ck_assert_uint_eq(WaitForMultipleObjectsEx(1, &ev, FALSE, INFINITE, TRUE), WAIT_OBJECT_0);
    ck_assert_int_eq(runs(), 3);
    ck_assert_uint_eq(SleepEx(INFINITE, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(runs(), 4);
    ERR(QueueUserAPC(NULL, GetCurrentThread(), 0), 0, ERROR_INVALID_PARAMETER);
    ERR(QueueUserAPC(on_apc, ev, 0), 0, ERROR_INVALID_HANDLE);
    CloseHandle(ev);
}
END_TEST

/* The kinds of alertable sleep a thread can be in when an APC comes. */
enum sleep_kind { IN_SLEEPEX, IN_WAIT, IN_WAIT_MULTIPLE, IN_GQCSEX, IN_GOREX };

struct sleeper {
    enum sleep_kind kind;
    HANDLE ev, ev2, port;
    pid_t tid;
    DWORD result, err;
    int runs_before;
};

static DWORD WINAPI alertable_sleeper(LPVOID arg)
{
    struct sleeper *s = arg;
    OVERLAPPED_ENTRY e;
    OVERLAPPED ov;
    HANDLE both[2];
    ULONG n;
    DWORD bytes;

    s->runs_before = runs();
    __atomic_store_n(&s->tid, my_tid(), __ATOMIC_RELEASE);
    SetLastError(0);
    switch (s->kind) {
    case IN_SLEEPEX: s->result = SleepEx(INFINITE, TRUE); break;
    case IN_WAIT: s->result = WaitForSingleObjectEx(s->ev, INFINITE, TRUE); break;
    case IN_WAIT_MULTIPLE:
        both[0] = s->ev;
        both[1] = s->ev2;
        s->result = WaitForMultipleObjectsEx(2, both, TRUE, 60000, TRUE);
        break;
    case IN_GQCSEX:
        s->result = GetQueuedCompletionStatusEx(s->port, &e, 1, &n, INFINITE, TRUE);
        break;
    case IN_GOREX:
        memset(&ov, 0, sizeof(ov));
        ov.Internal = STATUS_PENDING;
        ov.hEvent = s->ev;
        s->result = GetOverlappedResultEx(s->ev, &ov, &bytes, INFINITE, TRUE);
        break;
    }
    s->err = GetLastError();
    return 0;
}

/* An APC queued from another thread while the target sleeps alertable,
 * with no timeout, wakes it: WAIT_IO_COMPLETION, the APC run by it. */
static void wakes_sleeper(enum sleep_kind kind)
{
    struct sleeper s;
    HANDLE t;

    memset(&s, 0, sizeof(s));
    s.kind = kind;
    s.ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    s.ev2 = CreateEventA(NULL, TRUE, FALSE, NULL);
    s.port = new_port();
    t = CreateThread(NULL, 0, alertable_sleeper, &s, 0, NULL);
    ck_assert_ptr_nonnull(t);
    while (!__atomic_load_n(&s.tid, __ATOMIC_ACQUIRE))
        sched_yield();
    wait_asleep(s.tid);
    ck_assert_int_eq(runs(), 0);
    ck_assert_uint_ne(QueueUserAPC(on_apc, t, 42), 0);
    ck_assert_uint_eq(WaitForSingleObject(t, 10000), WAIT_OBJECT_0);
    ck_assert_int_eq(runs(), 1);
    ck_assert_uint_eq(apc_arg, 42);
    ck_assert_uint_eq(apc_tid, GetThreadId(t));
    if (kind == IN_GQCSEX || kind == IN_GOREX) {
        ck_assert_uint_eq(s.result, FALSE);
        ck_assert_uint_eq(s.err, WAIT_IO_COMPLETION);
    } else
        ck_assert_uint_eq(s.result, WAIT_IO_COMPLETION);
    CloseHandle(t);
    CloseHandle(s.ev);
    CloseHandle(s.ev2);
    CloseHandle(s.port);
}

START_TEST(apc_wakes_sleepex) { wakes_sleeper(IN_SLEEPEX); }
END_TEST
START_TEST(apc_wakes_wait) { wakes_sleeper(IN_WAIT); }
END_TEST
START_TEST(apc_wakes_wait_multiple) { wakes_sleeper(IN_WAIT_MULTIPLE); }
END_TEST
START_TEST(apc_wakes_gqcsex) { wakes_sleeper(IN_GQCSEX); }
END_TEST
START_TEST(apc_wakes_goverlappedex) { wakes_sleeper(IN_GOREX); }
END_TEST

/* The main thread (not made by CreateThread) as the target, queued to
 * through wsc_w32_apc_queue from a plain pthread. */
static void engine_apc(void *arg)
{
    ++*(int *)arg;
}

struct queuer {
    struct w32_apc_target *t;
    pid_t target;
    int *count;
    BOOL ok;
};

static void *queue_when_asleep(void *arg)
{
    struct queuer *q = arg;

    wait_asleep(q->target);
    q->ok = wsc_w32_apc_queue(q->t, engine_apc, q->count);
    return NULL;
}

START_TEST(apc_main_thread_from_pthread)
{
    struct queuer q;
    pthread_t th;
    int count = 0;

    q.t = wsc_w32_apc_self();
    ck_assert_ptr_nonnull(q.t);
    q.target = my_tid();
    q.count = &count;
    ck_assert_int_eq(pthread_create(&th, NULL, queue_when_asleep, &q), 0);
    ck_assert_uint_eq(SleepEx(60000, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(q.ok, TRUE);
    ck_assert_int_eq(count, 1);
    /* wsc_w32_apc_run: the engine's alertable socket calls. */
    ck_assert_int_eq(wsc_w32_apc_queue(q.t, engine_apc, &count), TRUE);
    ck_assert_int_eq(wsc_w32_apc_queue(q.t, engine_apc, &count), TRUE);
    ck_assert_int_eq(wsc_w32_apc_run(), 2);
    ck_assert_int_eq(wsc_w32_apc_run(), 0);
    ck_assert_int_eq(count, 3);
    wsc_w32_apc_put(q.t);
}
END_TEST

/* OV9: a wait outside the layer (the engine's poll) is woken through
 * wsc_w32_apc_watch. */
struct poller {
    int fds[2];
    struct w32_apc_target *t;
    pid_t tid;
    int watched_first, polled, ran, watched_queued, self_count;
};

static void wake_poller(void *arg)
{
    struct poller *p = arg;

    if (write(p->fds[1], "x", 1) != 1)
        abort();
}

static void *alertable_poll(void *arg)
{
    struct poller *p = arg;
    struct pollfd pfd = {p->fds[0], POLLIN, 0};

    p->t = wsc_w32_apc_self();
    p->watched_first = wsc_w32_apc_watch(wake_poller, p);
    __atomic_store_n(&p->tid, my_tid(), __ATOMIC_RELEASE);
    p->polled = poll(&pfd, 1, 60000);
    wsc_w32_apc_unwatch();
    p->ran = wsc_w32_apc_run();
    /* Queued before the watch: it says so, and no wake is needed. */
    wsc_w32_apc_queue(p->t, engine_apc, &p->self_count);
    p->watched_queued = wsc_w32_apc_watch(wake_poller, p);
    wsc_w32_apc_unwatch();
    wsc_w32_apc_run();
    wsc_w32_apc_put(p->t);
    return NULL;
}

START_TEST(apc_wakes_outside_wait)
{
    struct poller p;
    pthread_t th;
    int count = 0;

    memset(&p, 0, sizeof(p));
    ck_assert_int_eq(pipe(p.fds), 0);
    ck_assert_int_eq(pthread_create(&th, NULL, alertable_poll, &p), 0);
    while (!__atomic_load_n(&p.tid, __ATOMIC_ACQUIRE))
        sched_yield();
    wait_asleep_in(p.tid, 1);
    ck_assert_int_eq(wsc_w32_apc_queue(p.t, engine_apc, &count), TRUE);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(p.watched_first, 0);
    ck_assert_int_eq(p.polled, 1);
    ck_assert_int_eq(p.ran, 1);
    ck_assert_int_eq(count, 1);
    ck_assert_int_eq(p.watched_queued, 1);
    ck_assert_int_eq(p.self_count, 1);
    close(p.fds[0]);
    close(p.fds[1]);
}
END_TEST

static void *take_self(void *arg)
{
    *(struct w32_apc_target **)arg = wsc_w32_apc_self();
    return NULL;
}

static DWORD WINAPI return_at_once(LPVOID arg)
{
    (void)arg;
    return 0;
}

/* A target outlives its thread; what is queued after the exit is refused
 * (the caller keeps arg). */
START_TEST(apc_thread_exited)
{
    struct w32_apc_target *t = NULL;
    pthread_t th;
    HANDLE h;
    int count = 0;

    ck_assert_int_eq(pthread_create(&th, NULL, take_self, &t), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_ptr_nonnull(t);
    ERR(wsc_w32_apc_queue(t, engine_apc, &count), FALSE, ERROR_GEN_FAILURE);
    wsc_w32_apc_put(t);
    ck_assert_int_eq(count, 0);
    h = CreateThread(NULL, 0, return_at_once, NULL, 0, NULL);
    ck_assert_uint_eq(WaitForSingleObject(h, 10000), WAIT_OBJECT_0);
    ERR(QueueUserAPC(on_apc, h, 1), 0, ERROR_GEN_FAILURE);
    ck_assert_int_eq(runs(), 0);
    CloseHandle(h);
}
END_TEST

static DWORD WINAPI report_runs(LPVOID arg)
{
    (void)arg;
    return (DWORD)runs();
}

/* APCs queued before a thread starts run before its start routine. */
START_TEST(apc_before_start)
{
    HANDLE h = CreateThread(NULL, 0, report_runs, NULL, CREATE_SUSPENDED, NULL);
    DWORD code;

    ck_assert_ptr_nonnull(h);
    ck_assert_uint_ne(QueueUserAPC(on_apc, h, 3), 0);
    ck_assert_uint_ne(QueueUserAPC(on_apc, h, 4), 0);
    ck_assert_uint_eq(ResumeThread(h), 1);
    ck_assert_uint_eq(WaitForSingleObject(h, 10000), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeThread(h, &code), TRUE);
    ck_assert_uint_eq(code, 2);
    ck_assert_uint_eq(apc_arg, 4);
    CloseHandle(h);
}
END_TEST

/* ---- overlapped results ------------------------------------------------- */
static const struct {
    DWORD status, error;
} statuses[] = {
    {WSC_STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA},
    {WSC_STATUS_NOT_SUPPORTED, ERROR_NOT_SUPPORTED},
    {WSC_STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER},
    {WSC_STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER},
    {WSC_STATUS_CANCELLED, ERROR_OPERATION_ABORTED},
    {WSC_STATUS_LOCAL_DISCONNECT, ERROR_NETNAME_DELETED},
    {WSC_STATUS_REMOTE_DISCONNECT, ERROR_NETNAME_DELETED},
    {WSC_STATUS_CONNECTION_REFUSED, ERROR_CONNECTION_REFUSED},
    {WSC_STATUS_GRACEFUL_DISCONNECT, ERROR_GRACEFUL_DISCONNECT},
    {WSC_STATUS_CONNECTION_RESET, ERROR_NETNAME_DELETED},
    {WSC_STATUS_CONNECTION_ABORTED, ERROR_CONNECTION_ABORTED},
    {WSC_STATUS_NETWORK_UNREACHABLE, ERROR_NETWORK_UNREACHABLE},
    {WSC_STATUS_HOST_UNREACHABLE, ERROR_HOST_UNREACHABLE},
    {WSC_STATUS_IO_TIMEOUT, ERROR_SEM_TIMEOUT},
    {WSC_STATUS_INVALID_CONNECTION, ERROR_UNEXP_NET_ERR},
    {WSC_STATUS_ADDRESS_ALREADY_EXISTS, ERROR_DUP_NAME},
    {WSC_STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED},
    {WSC_STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY},
};

START_TEST(status_errors)
{
    size_t i;

    /* The numbers, as Windows' winerror.h has them. */
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_CONNECTION_RESET), 64);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_CONNECTION_ABORTED), 1236);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_CANCELLED), 995);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_CONNECTION_REFUSED), 1225);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_BUFFER_OVERFLOW), 234);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_BUFFER_TOO_SMALL), 122);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_NOT_SUPPORTED), 50);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_GRACEFUL_DISCONNECT), 1226);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_NETWORK_UNREACHABLE), 1231);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_HOST_UNREACHABLE), 1232);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_IO_TIMEOUT), 121);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_INVALID_CONNECTION), 59);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_ADDRESS_ALREADY_EXISTS), 52);
    ck_assert_uint_eq(wsc_w32_status_error(WSC_STATUS_SUCCESS), 0);
    ck_assert_uint_eq(wsc_w32_status_error(STATUS_PENDING), ERROR_IO_PENDING);
    ck_assert_uint_eq(wsc_w32_status_error(STATUS_TIMEOUT), ERROR_TIMEOUT);
    /* RtlNtStatusToDosError's rules: 0xD... as 0xC..., wrapped Win32
     * codes, customer codes as they are, the rest 317. */
    ck_assert_uint_eq(wsc_w32_status_error(0xD0000120u), 995);
    ck_assert_uint_eq(wsc_w32_status_error(0xC0010005u), 5);
    ck_assert_uint_eq(wsc_w32_status_error(0x80070057u), 87);
    ck_assert_uint_eq(wsc_w32_status_error(0xE0001234u), 0xE0001234u);
    ck_assert_uint_eq(wsc_w32_status_error(0xC0FFEE00u), ERROR_MR_MID_NOT_FOUND);
    for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
        ck_assert_uint_eq(wsc_w32_status_error(statuses[i].status), statuses[i].error);
}
END_TEST

/* OV22/OV23: GetOverlappedResult's FALSE and Win32 code for each status,
 * with the byte count reported either way. */
START_TEST(overlapped_result_statuses)
{
    OVERLAPPED ov;
    DWORD bytes;
    size_t i;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);

    for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
        memset(&ov, 0, sizeof(ov));
        ov.Internal = statuses[i].status;
        ov.InternalHigh = 5;
        bytes = 0;
        ERR(GetOverlappedResult(ev, &ov, &bytes, FALSE), FALSE, statuses[i].error);
        ck_assert_uint_eq(bytes, 5);
        ERR(GetOverlappedResult(ev, &ov, &bytes, TRUE), FALSE, statuses[i].error);
        ERR(GetOverlappedResultEx(ev, &ov, &bytes, 0, TRUE), FALSE, statuses[i].error);
    }
    memset(&ov, 0, sizeof(ov));
    ov.InternalHigh = 12;
    SetLastError(0xdeadu);
    ck_assert_int_eq(GetOverlappedResult(ev, &ov, &bytes, FALSE), TRUE);
    ck_assert_uint_eq(GetLastError(), 0xdeadu);
    ck_assert_uint_eq(bytes, 12);
    /* Pending: ERROR_IO_INCOMPLETE without waiting, WAIT_TIMEOUT after. */
    ov.Internal = STATUS_PENDING;
    ov.hEvent = ev;
    ERR(GetOverlappedResult(ev, &ov, &bytes, FALSE), FALSE, ERROR_IO_INCOMPLETE);
    ERR(GetOverlappedResult(ev, &ov, &bytes, FALSE), FALSE, 996);
    ERR(GetOverlappedResultEx(ev, &ov, &bytes, 20, FALSE), FALSE, WAIT_TIMEOUT);
    ERR(GetOverlappedResult(ev, NULL, &bytes, FALSE), FALSE, ERROR_INVALID_PARAMETER);
    CloseHandle(ev);
}
END_TEST

struct completer {
    OVERLAPPED *ov;
    HANDLE ev, signal;
    pid_t waiter;
};

/* Completes *ov once the waiter sleeps: Internal, InternalHigh, then the
 * event, as the engine does. */
static void *complete_when_asleep(void *arg)
{
    struct completer *c = arg;

    wait_asleep(c->waiter);
    __atomic_store_n(&c->ov->InternalHigh, 9, __ATOMIC_RELAXED);
    __atomic_store_n(&c->ov->Internal, WSC_STATUS_SUCCESS, __ATOMIC_RELEASE);
    SetEvent(c->signal);
    return NULL;
}

static void wait_completion(HANDLE h, OVERLAPPED *ov, HANDLE signal)
{
    struct completer c = {ov, NULL, signal, my_tid()};
    pthread_t th;
    DWORD bytes = 0;

    ov->Internal = STATUS_PENDING;
    ck_assert_int_eq(pthread_create(&th, NULL, complete_when_asleep, &c), 0);
    SetLastError(0xdeadu);
    ck_assert_int_eq(GetOverlappedResult(h, ov, &bytes, TRUE), TRUE);
    ck_assert_uint_eq(GetLastError(), 0xdeadu);
    ck_assert_uint_eq(bytes, 9);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
}

/* OV25: the wait on hEvent (low bit cleared) is not alertable. */
START_TEST(overlapped_result_waits)
{
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL), other = CreateEventA(NULL, TRUE, FALSE, NULL);
    OVERLAPPED ov;

    memset(&ov, 0, sizeof(ov));
    ov.hEvent = ev;
    ck_assert_uint_ne(QueueUserAPC(on_apc, GetCurrentThread(), 1), 0);
    wait_completion(other, &ov, ev);
    ck_assert_int_eq(runs(), 0);
    ov.hEvent = (HANDLE)((uintptr_t)ev | 1);
    wait_completion(other, &ov, ev);
    ck_assert_int_eq(runs(), 0);
    ck_assert_uint_eq(SleepEx(0, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(runs(), 1);
    CloseHandle(ev);
    CloseHandle(other);
}
END_TEST

/* ---- sockets, through fake hooks ---------------------------------------- */
#define SOCK ((HANDLE)(uintptr_t)5)
#define BAD_SOCK ((HANDLE)(uintptr_t)6)

static struct {
    HANDLE h, wait_event;
    struct w32_obj *port;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    BOOL any_thread;
    UCHAR flags;
    int associates, cancels, closes, modes;
    DWORD cancel_result;
} fake;

static DWORD fake_associate(HANDLE h, struct w32_obj *port, ULONG_PTR key)
{
    if (h != SOCK)
        return ERROR_INVALID_HANDLE;
    if (fake.port)
        return ERROR_INVALID_PARAMETER; /* a socket has one port */
    fake.associates++;
    fake.port = wsc_w32_ref(port);
    fake.key = key;
    return 0;
}

static DWORD fake_cancel(HANDLE h, LPOVERLAPPED ov, BOOL any_thread)
{
    if (h != SOCK)
        return ERROR_INVALID_HANDLE;
    fake.cancels++;
    fake.ov = ov;
    fake.any_thread = any_thread;
    return fake.cancel_result;
}

static DWORD fake_set_modes(HANDLE h, UCHAR flags)
{
    if (h != SOCK)
        return ERROR_INVALID_HANDLE;
    fake.modes++;
    fake.flags = flags;
    return 0;
}

static DWORD fake_close(HANDLE h)
{
    if (h != SOCK)
        return ERROR_INVALID_HANDLE;
    fake.closes++;
    return 0;
}

static HANDLE fake_wait_handle(HANDLE h)
{
    return h == SOCK ? fake.wait_event : NULL;
}

/* (No poll hooks: the port's waiters just sleep.) */
static const struct wsc_w32_sockops fake_ops = {
    .associate = fake_associate,
    .cancel = fake_cancel,
    .set_modes = fake_set_modes,
    .close = fake_close,
    .wait_handle = fake_wait_handle,
};

static void install_fake(void)
{
    memset(&fake, 0, sizeof(fake));
    fake.wait_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    wsc_w32_set_sockops(&fake_ops);
}

static void remove_fake(void)
{
    if (fake.port)
        wsc_w32_put(fake.port);
    CloseHandle(fake.wait_event);
    wsc_w32_set_sockops(NULL);
}

/* CP1: associating returns the port; completions the engine posts on the
 * port it was given come out of the handle. */
START_TEST(socket_associate)
{
    HANDLE p, q;
    OVERLAPPED ov;
    LPOVERLAPPED got;
    DWORD bytes;
    ULONG_PTR key;

    install_fake();
    p = new_port();
    ck_assert_ptr_eq(CreateIoCompletionPort(SOCK, p, 77, 0), p);
    ck_assert_int_eq(fake.associates, 1);
    ck_assert_uint_eq(fake.key, 77);
    ck_assert_int_eq(wsc_w32_port_post(fake.port, 4, fake.key, &ov, 0), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(p, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(bytes, 4);
    ck_assert_uint_eq(key, 77);
    ck_assert_ptr_eq(got, &ov);
    /* The callee's error, and no new port left behind. */
    ERR(CreateIoCompletionPort(SOCK, NULL, 1, 0), NULL, ERROR_INVALID_PARAMETER);
    ERR(CreateIoCompletionPort(BAD_SOCK, p, 1, 0), NULL, ERROR_INVALID_HANDLE);
    /* Associating with something that is not a port. */
    ERR(CreateIoCompletionPort(SOCK, fake.wait_event, 1, 0), NULL, ERROR_INVALID_PARAMETER);
    ERR(CreateIoCompletionPort(SOCK, (HANDLE)(uintptr_t)0x123456789ull, 1, 0), NULL,
        ERROR_INVALID_PARAMETER);
    /* The reference the socket keeps outlives the handle. */
    ck_assert_int_eq(CloseHandle(p), TRUE);
    ERR(wsc_w32_port_post(fake.port, 0, 0, NULL, 0), FALSE, ERROR_INVALID_HANDLE);
    wsc_w32_put(fake.port);
    fake.port = NULL;
    /* ExistingPort NULL: a new port, associated. */
    q = CreateIoCompletionPort(SOCK, NULL, 9, 0);
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(fake.associates, 2);
    ck_assert_int_eq(PostQueuedCompletionStatus(q, 0, 0, NULL), TRUE);
    ck_assert_int_eq(wsc_w32_port_post(fake.port, 1, 9, NULL, 0), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(q, &bytes, &key, &got, 0), TRUE);
    ck_assert_int_eq(GetQueuedCompletionStatus(q, &bytes, &key, &got, 0), TRUE);
    ck_assert_uint_eq(key, 9);
    CloseHandle(q);
    remove_fake();
}
END_TEST

/* CP21: CancelIoEx with nothing to cancel fails ERROR_NOT_FOUND, CancelIo
 * succeeds; both reach the socket's hook. */
START_TEST(socket_cancel_modes_close)
{
    OVERLAPPED ov;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);

    install_fake();
    fake.cancel_result = ERROR_NOT_FOUND;
    ck_assert_int_eq(CancelIo(SOCK), TRUE);
    ck_assert_ptr_null(fake.ov);
    ck_assert_int_eq(fake.any_thread, FALSE);
    ERR(CancelIoEx(SOCK, NULL), FALSE, ERROR_NOT_FOUND);
    ck_assert_int_eq(fake.any_thread, TRUE);
    fake.cancel_result = 0;
    ck_assert_int_eq(CancelIoEx(SOCK, &ov), TRUE);
    ck_assert_ptr_eq(fake.ov, &ov);
    ck_assert_int_eq(fake.cancels, 3);
    ERR(CancelIoEx(BAD_SOCK, &ov), FALSE, ERROR_INVALID_HANDLE);
    ERR(CancelIo(ev), FALSE, ERROR_INVALID_HANDLE);
    ERR(CancelIoEx(NULL, NULL), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(SetFileCompletionNotificationModes(
                         SOCK, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE),
                     TRUE);
    ck_assert_int_eq(fake.modes, 1);
    ck_assert_uint_eq(fake.flags, 3);
    ERR(SetFileCompletionNotificationModes(ev, 1), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(CloseHandle(SOCK), TRUE);
    ck_assert_int_eq(fake.closes, 1);
    ERR(CloseHandle(BAD_SOCK), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(fake.closes, 1);
    CloseHandle(ev);
    remove_fake();
}
END_TEST

/* OV4: a wait on a socket is a wait on the event its completions signal;
 * GetOverlappedResult with hEvent NULL waits there too. */
START_TEST(socket_waits)
{
    HANDLE two[2];
    OVERLAPPED ov;

    install_fake();
    two[0] = CreateEventA(NULL, TRUE, FALSE, NULL);
    two[1] = SOCK;
    ck_assert_uint_eq(WaitForSingleObject(SOCK, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(WaitForMultipleObjects(2, two, FALSE, 0), WAIT_TIMEOUT);
    SetEvent(fake.wait_event);
    ck_assert_uint_eq(WaitForSingleObject(SOCK, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForMultipleObjects(2, two, FALSE, 0), WAIT_OBJECT_0 + 1);
    ERR(WaitForSingleObject(BAD_SOCK, 0), WAIT_FAILED, ERROR_INVALID_HANDLE);
    ResetEvent(fake.wait_event);
    memset(&ov, 0, sizeof(ov));
    wait_completion(SOCK, &ov, fake.wait_event);
    memset(&ov, 0, sizeof(ov));
    ov.Internal = STATUS_PENDING;
    ERR(GetOverlappedResult(BAD_SOCK, &ov, NULL, TRUE), FALSE, ERROR_INVALID_HANDLE);
    CloseHandle(two[0]);
    remove_fake();
}
END_TEST

/* Before the Winsock layer installs its hooks a socket value is no
 * handle. */
START_TEST(socket_without_hooks)
{
    OVERLAPPED ov;

    memset(&ov, 0, sizeof(ov));
    ov.Internal = STATUS_PENDING;
    ERR(CloseHandle(SOCK), FALSE, ERROR_INVALID_HANDLE);
    ERR(CancelIo(SOCK), FALSE, ERROR_INVALID_HANDLE);
    ERR(CancelIoEx(SOCK, NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(SetFileCompletionNotificationModes(SOCK, 1), FALSE, ERROR_INVALID_HANDLE);
    ERR(WaitForSingleObject(SOCK, 0), WAIT_FAILED, ERROR_INVALID_HANDLE);
    ERR(GetOverlappedResult(SOCK, &ov, NULL, TRUE), FALSE, ERROR_INVALID_HANDLE);
}
END_TEST

/* ---- packets per second (test_w32async bench) --------------------------- */
struct bench_arg {
    HANDLE port;
    long n;
};

static DWORD WINAPI bench_producer(LPVOID arg)
{
    struct bench_arg *b = arg;
    long i;

    for (i = 0; i < b->n; i++)
        PostQueuedCompletionStatus(b->port, 1, 1, NULL);
    return 0;
}

/* Consumers run until a stop packet each (one taken in a batch with
 * another goes back). */
static DWORD WINAPI bench_consumer(LPVOID arg)
{
    struct bench_arg *b = arg;
    DWORD bytes;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov;

    while (key != STOP_KEY)
        if (!GetQueuedCompletionStatus(b->port, &bytes, &key, &ov, 30000))
            return 1;
    return 0;
}

static DWORD WINAPI bench_consumer_ex(LPVOID arg)
{
    struct bench_arg *b = arg;
    OVERLAPPED_ENTRY e[64];
    ULONG n, i;
    int stop = 0;

    while (!stop) {
        if (!GetQueuedCompletionStatusEx(b->port, e, 64, &n, 30000, FALSE))
            return 1;
        for (i = 0; i < n; i++)
            if (e[i].lpCompletionKey == STOP_KEY) {
                if (stop)
                    PostQueuedCompletionStatus(b->port, 0, STOP_KEY, NULL);
                stop = 1;
            }
    }
    return 0;
}

static void bench(int pairs, int ex, long per_thread)
{
    HANDLE t[16];
    struct bench_arg b;
    ULONGLONG t0, ms;
    LARGE_INTEGER q0, q1, f;
    int i;

    b.port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    b.n = per_thread;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&q0);
    t0 = GetTickCount64();
    for (i = 0; i < pairs; i++) {
        t[i] = CreateThread(NULL, 0, ex ? bench_consumer_ex : bench_consumer, &b, 0, NULL);
        t[pairs + i] = CreateThread(NULL, 0, bench_producer, &b, 0, NULL);
    }
    WaitForMultipleObjects((DWORD)pairs, t + pairs, TRUE, INFINITE);
    for (i = 0; i < pairs; i++)
        PostQueuedCompletionStatus(b.port, 0, STOP_KEY, NULL);
    WaitForMultipleObjects((DWORD)pairs, t, TRUE, INFINITE);
    QueryPerformanceCounter(&q1);
    ms = GetTickCount64() - t0;
    for (i = 0; i < 2 * pairs; i++)
        CloseHandle(t[i]);
    CloseHandle(b.port);
    printf("%d producer(s) / %d consumer(s)%s: %ld packets in %llu ms: %.2f M packets/s\n",
           pairs, pairs, ex ? " (GQCSEx, 64)" : " (GQCS)", per_thread * pairs,
           (unsigned long long)ms,
           (double)per_thread * pairs /
               ((double)(q1.QuadPart - q0.QuadPart) / (double)f.QuadPart) / 1e6);
}

/* Ping-pong between two threads through two ports: every packet finds
 * its consumer asleep, so this is the cost of a wake-up; beside it the
 * same over a bare mutex and condition variable pair. */
static HANDLE ping_port[2];

static DWORD WINAPI pong(LPVOID arg)
{
    long n = (long)(intptr_t)arg, i;
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;

    for (i = 0; i < n; i++) {
        if (!GetQueuedCompletionStatus(ping_port[0], &bytes, &key, &ov, 30000))
            return 1;
        PostQueuedCompletionStatus(ping_port[1], 0, 0, NULL);
    }
    return 0;
}

static struct {
    pthread_mutex_t m;
    pthread_cond_t c[2];
    int turn;
} raw = {PTHREAD_MUTEX_INITIALIZER, {PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER}, 0};

static void raw_pass(int to)
{
    pthread_mutex_lock(&raw.m);
    raw.turn = to;
    pthread_cond_signal(&raw.c[to]);
    while (raw.turn == to)
        pthread_cond_wait(&raw.c[1 - to], &raw.m);
    pthread_mutex_unlock(&raw.m);
}

static void *raw_pong(void *arg)
{
    long n = (long)(intptr_t)arg, i;

    pthread_mutex_lock(&raw.m);
    for (i = 0; i < n; i++) {
        while (raw.turn != 1)
            pthread_cond_wait(&raw.c[1], &raw.m);
        raw.turn = 0;
        pthread_cond_signal(&raw.c[0]);
    }
    pthread_mutex_unlock(&raw.m);
    return NULL;
}

static double seconds(LARGE_INTEGER a, LARGE_INTEGER b)
{
    LARGE_INTEGER f;

    QueryPerformanceFrequency(&f);
    return (double)(b.QuadPart - a.QuadPart) / (double)f.QuadPart;
}

static void bench_ping_pong(long n)
{
    LARGE_INTEGER q0, q1;
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    HANDLE t;
    pthread_t th;
    long i;

    ping_port[0] = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    ping_port[1] = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    t = CreateThread(NULL, 0, pong, (LPVOID)(intptr_t)n, 0, NULL);
    QueryPerformanceCounter(&q0);
    for (i = 0; i < n; i++) {
        PostQueuedCompletionStatus(ping_port[0], 0, 0, NULL);
        GetQueuedCompletionStatus(ping_port[1], &bytes, &key, &ov, 30000);
    }
    QueryPerformanceCounter(&q1);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CloseHandle(ping_port[0]);
    CloseHandle(ping_port[1]);
    printf("ping-pong through two ports: %.0f round trips/s\n", (double)n / seconds(q0, q1));
    pthread_create(&th, NULL, raw_pong, (void *)(intptr_t)n);
    QueryPerformanceCounter(&q0);
    for (i = 0; i < n; i++)
        raw_pass(1);
    QueryPerformanceCounter(&q1);
    pthread_join(th, NULL);
    printf("ping-pong, bare mutex and condition variables: %.0f round trips/s\n",
           (double)n / seconds(q0, q1));
}

int main(int argc, char **argv)
{
    Suite *su = suite_create("w32async");
    TCase *tc = tcase_create("w32async");
    SRunner *sr;
    int failed, r;

    if (argc > 1 && !strcmp(argv[1], "bench")) {
        for (r = 0; r < 3; r++) {
            bench(1, 0, 2000000);
            bench(2, 0, 1000000);
            bench(1, 1, 2000000);
            bench(2, 1, 1000000);
        }
        for (r = 0; r < 3; r++)
            bench_ping_pong(200000);
        return 0;
    }
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, port_fifo);
    tcase_add_test(tc, port_timeouts);
    tcase_add_test(tc, port_ex_several);
    tcase_add_test(tc, port_failed_packets);
    tcase_add_test(tc, port_bad_handles);
    tcase_add_test(tc, port_close_wakes_waiters);
    tcase_add_test(tc, port_close_frees_packets);
    tcase_add_test(tc, port_last_waited_is_looked_up_again);
    tcase_add_test(tc, port_post_wakes_sleeper);
    tcase_add_test(tc, port_stress);
    tcase_add_test(tc, apc_to_self);
    tcase_add_test(tc, apc_wakes_sleepex);
    tcase_add_test(tc, apc_wakes_wait);
    tcase_add_test(tc, apc_wakes_wait_multiple);
    tcase_add_test(tc, apc_wakes_gqcsex);
    tcase_add_test(tc, apc_wakes_goverlappedex);
    tcase_add_test(tc, apc_main_thread_from_pthread);
    tcase_add_test(tc, apc_wakes_outside_wait);
    tcase_add_test(tc, apc_thread_exited);
    tcase_add_test(tc, apc_before_start);
    tcase_add_test(tc, status_errors);
    tcase_add_test(tc, overlapped_result_statuses);
    tcase_add_test(tc, overlapped_result_waits);
    tcase_add_test(tc, socket_associate);
    tcase_add_test(tc, socket_cancel_modes_close);
    tcase_add_test(tc, socket_waits);
    tcase_add_test(tc, socket_without_hooks);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
