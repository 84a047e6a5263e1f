/* The asynchronous engine under races: closesocket, CancelIoEx and the
 * peer's data, FIN and RST racing pending overlapped operations on a
 * completion port.  Every operation must complete exactly once, with a
 * status Windows gives for its cause, in bounded time, and nothing may
 * leak; a graceful close meeting the reactor's look is no reset.  A
 * worker's own completion, held for it while it runs, and the poll role
 * lent to it, reach others when it blocks elsewhere.
 * ASYNC_ITERATIONS scales the races (default 10 000). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <time.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <check.h>
#include "proc_self.h"

#define MAXOPS 6

static SOCKET listener;
static struct sockaddr_in where;

static long iterations(long dflt)
{
    const char *v = getenv("ASYNC_ITERATIONS");

    return v && atol(v) > 0 ? atol(v) : dflt;
}

static int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;

    while (d && readdir(d))
        n++;
    if (d)
        closedir(d);
    return n;
}

/* The sockets among them. */
static int open_sockets(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    char path[300], link[64];
    ssize_t n;
    int count = 0;

    while (d && (de = readdir(d))) {
        snprintf(path, sizeof(path), "/proc/self/fd/%s", de->d_name);
        n = readlink(path, link, sizeof(link) - 1);
        if (n > 0 && (link[n] = 0, !strncmp(link, "socket:", 7)))
            count++;
    }
    if (d)
        closedir(d);
    return count;
}

static void setup(void)
{
    WSADATA wd;
    int len = sizeof(where);

    ck_assert_int_eq(WSAStartup(MAKEWORD(2, 2), &wd), 0);
    listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&where, 0, sizeof(where));
    where.sin_family = AF_INET;
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(listener, (struct sockaddr *)&where, sizeof(where)), 0);
    ck_assert_int_eq(listen(listener, 64), 0);
    ck_assert_int_eq(getsockname(listener, (struct sockaddr *)&where, &len), 0);
}

static void pair(SOCKET *c, SOCKET *s)
{
    *c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ck_assert_int_eq(connect(*c, (struct sockaddr *)&where, sizeof(where)), 0);
    *s = accept(listener, NULL, NULL);
    ck_assert(*s != INVALID_SOCKET);
}

enum action { A_CLOSE, A_CANCEL_ALL, A_CANCEL_ONE, A_PEER_DATA, A_PEER_FIN,
              A_PEER_RST, A_NONE, A_COUNT };

struct race {
    SOCKET s, c;
    WSAOVERLAPPED *ov;
    int nops;
    enum action act[2];
    atomic_int c_closed;
    pthread_barrier_t go;
};

static void act(struct race *r, enum action a, int which)
{
    struct linger lg = { 1, 0 };

    switch (a) {
    case A_CLOSE: closesocket(r->s); break;
    case A_CANCEL_ALL: CancelIoEx((HANDLE)r->s, NULL); break;
    case A_CANCEL_ONE: CancelIoEx((HANDLE)r->s, &r->ov[which % r->nops]); break;
    case A_PEER_DATA: send(r->c, "0123456789", 10, 0); break;
    case A_PEER_FIN: shutdown(r->c, SD_SEND); break;
    case A_PEER_RST:
        if (atomic_exchange(&r->c_closed, 1))
            break;
        setsockopt(r->c, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
        closesocket(r->c);
        break;
    default: break;
    }
}

static void *other_side(void *arg)
{
    struct race *r = arg;

    pthread_barrier_wait(&r->go);
    act(r, r->act[1], 1);
    return NULL;
}

/* A status Windows gives a pending receive or send for these causes. */
static int plausible(BOOL ok, DWORD err)
{
    return ok || err == ERROR_OPERATION_ABORTED ||
           err == ERROR_CONNECTION_ABORTED || err == ERROR_NETNAME_DELETED;
}

START_TEST(races_complete_each_operation_once)
{
    long n = iterations(10000), i;
    int fds0 = -1, j, lost = 0, dup = 0, odd = 0;
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    unsigned seed = 12345;

    ck_assert(port != NULL);
    for (i = 0; i < n; i++) {
        struct race r;
        WSAOVERLAPPED ov[MAXOPS];
        char bufs[MAXOPS][16];
        int seen[MAXOPS] = { 0 }, pending = 0;
        pthread_t th;
        DWORD bytes, fl;
        ULONG_PTR key;
        LPOVERLAPPED got;

        memset(&r, 0, sizeof(r));
        memset(ov, 0, sizeof(ov));
        pair(&r.c, &r.s);
        ck_assert(CreateIoCompletionPort((HANDLE)r.s, port, (ULONG_PTR)i, 0) == port);
        r.ov = ov;
        r.nops = 1 + (int)(rand_r(&seed) % MAXOPS);
        for (j = 0; j < r.nops; j++) {
            WSABUF b = { sizeof(bufs[j]), bufs[j] };
            int rc;

            fl = 0;
            if (rand_r(&seed) % 4 == 0)
                rc = WSASend(r.s, &b, 1, &bytes, 0, &ov[j], NULL);
            else
                rc = WSARecv(r.s, &b, 1, &bytes, &fl, &ov[j], NULL);
            ck_assert_msg(rc == 0 || WSAGetLastError() == WSA_IO_PENDING,
                          "issue: %d %d", rc, WSAGetLastError());
            pending++;
        }
        r.act[0] = (enum action)(rand_r(&seed) % A_COUNT);
        r.act[1] = (enum action)(rand_r(&seed) % A_COUNT);
        pthread_barrier_init(&r.go, NULL, 2);
        pthread_create(&th, NULL, other_side, &r);
        pthread_barrier_wait(&r.go);
        act(&r, r.act[0], 0);
        pthread_join(th, NULL);
        pthread_barrier_destroy(&r.go);
        /* Whatever is still pending ends with the close. */
        closesocket(r.s);
        while (pending > 0) {
            BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
            DWORD err = ok ? 0 : GetLastError();

            if (!ok && !got) {
                lost += pending;
                break;
            }
            j = (int)(got - (LPOVERLAPPED)ov);
            ck_assert_msg(j >= 0 && j < r.nops && key == (ULONG_PTR)i,
                          "a packet of another round (key %lu, round %ld)",
                          (unsigned long)key, i);
            if (seen[j]++)
                dup++;
            if (!plausible(ok, err))
                odd++;
            pending--;
        }
        ck_assert(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 0));
        ck_assert_int_eq(GetLastError(), WAIT_TIMEOUT);
        if (!atomic_load(&r.c_closed))
            closesocket(r.c);
        if (i == 0)
            fds0 = open_fds();
        ck_assert_msg(!lost && !dup && !odd,
                      "round %ld (%d, %d): lost %d, duplicated %d, odd %d",
                      i, r.act[0], r.act[1], lost, dup, odd);
    }
    /* The reactor may still hold the last socket for a moment (its
     * descriptor closes when it lets go): look again until a deadline. */
    for (j = 0; j < 2000 && open_fds() != fds0; j++)
        sched_yield();
    ck_assert_int_eq(open_fds(), fds0);
    CloseHandle(port);
}
END_TEST

/* A pending receive survives the thread that issued it (row OV20) and a
 * closesocket with nothing pending queues nothing (CP14). */
static SOCKET issue_s;
static WSAOVERLAPPED issue_ov;
static char issue_buf[8];

static void *issue_and_exit(void *arg)
{
    WSABUF b = { sizeof(issue_buf), issue_buf };
    DWORD fl = 0, n;

    (void)arg;
    if (WSARecv(issue_s, &b, 1, &n, &fl, &issue_ov, NULL) == 0 ||
        WSAGetLastError() != WSA_IO_PENDING)
        return (void *)1;
    return NULL;
}

START_TEST(thread_exit_keeps_the_operation)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    SOCKET c;
    pthread_t th;
    void *res;
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED got;

    pair(&c, &issue_s);
    CreateIoCompletionPort((HANDLE)issue_s, port, 9, 0);
    memset(&issue_ov, 0, sizeof(issue_ov));
    pthread_create(&th, NULL, issue_and_exit, NULL);
    pthread_join(th, &res);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(send(c, "late", 4, 0), 4);
    ck_assert(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000));
    ck_assert_int_eq(bytes, 4);
    ck_assert_int_eq(key, 9);
    ck_assert(got == &issue_ov);
    ck_assert_int_eq(memcmp(issue_buf, "late", 4), 0);
    ck_assert_int_eq(closesocket(issue_s), 0);
    ck_assert(!GetQueuedCompletionStatus(port, &bytes, &key, &got, 50));
    ck_assert_int_eq(GetLastError(), WAIT_TIMEOUT);
    closesocket(c);
    CloseHandle(port);
}
END_TEST

/* The peer's FIN racing a graceful closesocket of a socket the reactor
 * watches (WSAEventSelect): the reactor's look at the FIN is no call in
 * flight, so the close is a FIN too, never a reset. */
struct fin_race {
    SOCKET c;
    pthread_barrier_t go;
};

static void *peer_fin(void *arg)
{
    struct fin_race *r = arg;

    pthread_barrier_wait(&r->go);
    shutdown(r->c, SD_SEND);
    return NULL;
}

START_TEST(graceful_close_meeting_the_reactor_is_a_fin)
{
    long i, n = iterations(10000) / 5;
    WSAEVENT ev = WSACreateEvent();
    struct fin_race r;
    fd_set rd;
    struct timeval tv;
    pthread_t th;
    SOCKET s;
    char b[4];
    int socks = open_sockets(), got;

    for (i = 0; i < n; i++) {
        pair(&r.c, &s);
        ck_assert_int_eq(WSAEventSelect(s, ev, FD_READ | FD_CLOSE), 0);
        pthread_barrier_init(&r.go, NULL, 2);
        pthread_create(&th, NULL, peer_fin, &r);
        pthread_barrier_wait(&r.go);
        ck_assert_int_eq(closesocket(s), 0);
        pthread_join(th, NULL);
        pthread_barrier_destroy(&r.go);
        FD_ZERO(&rd);
        FD_SET(r.c, &rd);
        tv.tv_sec = 5;
        tv.tv_usec = 0;
        ck_assert_int_eq(select(0, &rd, NULL, NULL, &tv), 1);
        got = recv(r.c, b, sizeof(b), 0);
        if (got != 0)
            ck_abort_msg("iteration %ld: the peer's recv %d, error %d", i,
                         got, WSAGetLastError());
        closesocket(r.c);
        WSAResetEvent(ev);
    }
    WSACloseEvent(ev);
    /* (The last reference, the reactor's, may close the descriptor a
     * moment after closesocket returned.) */
    for (i = 0; i < 200 && open_sockets() != socks; i++)
        Sleep(10);
    ck_assert_int_eq(open_sockets(), socks);
}
END_TEST

/* 1 when sem is posted within five seconds. */
static int posted(sem_t *sem)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 5;
    return sem_timedwait(sem, &ts) == 0;
}

/* A worker's completion held back for it (its send, done at once) goes to
 * the other worker when it blocks outside the port instead of coming
 * back: the other one takes it, and the worker's wait ends.  (A datagram:
 * no acknowledgement comes to wake the other worker by chance.) */
static void udp_pair(SOCKET *r, SOCKET *s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    *r = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    *s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(*r, (struct sockaddr *)&a, sizeof(a)), 0);
    ck_assert_int_eq(getsockname(*r, (struct sockaddr *)&a, &len), 0);
    ck_assert_int_eq(connect(*s, (struct sockaddr *)&a, sizeof(a)), 0);
}

enum { K_START = 1, K_SOCKET, K_STOP };
static HANDLE held_port;
static SOCKET held_s;
static sem_t held_done, held_over;
static _Atomic int held_ok;
static _Atomic unsigned long start_tid, send_tid;
static WSAOVERLAPPED held_ov;

static void *held_worker(void *arg)
{
    DWORD bytes, n;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    WSABUF b = { 4, "held" };

    (void)arg;
    for (;;) {
        if (!GetQueuedCompletionStatus(held_port, &bytes, &key, &ov, 10000))
            return (void *)1;
        if (key == K_STOP)
            return NULL;
        if (key == K_START) {
            start_tid = (unsigned long)pthread_self();
            memset(&held_ov, 0, sizeof(held_ov));
            if (WSASend(held_s, &b, 1, &n, 0, &held_ov, NULL) != 0)
                return (void *)2;
            held_ok = posted(&held_done);
            sem_post(&held_over);
        } else if (key == K_SOCKET && ov == &held_ov && bytes == 4) {
            send_tid = (unsigned long)pthread_self();
            sem_post(&held_done);
        }
    }
}

START_TEST(held_completion_reaches_the_other_worker)
{
    pthread_t th[2];
    void *res;
    SOCKET c;
    char buf[8];
    int i;

    held_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    udp_pair(&c, &held_s);
    CreateIoCompletionPort((HANDLE)held_s, held_port, K_SOCKET, 0);
    sem_init(&held_done, 0, 0);
    sem_init(&held_over, 0, 0);
    held_ok = 0;
    for (i = 0; i < 2; i++)
        pthread_create(&th[i], NULL, held_worker, NULL);
    ck_assert(PostQueuedCompletionStatus(held_port, 0, K_START, NULL));
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 4);
    ck_assert(posted(&held_over));
    for (i = 0; i < 2; i++)
        ck_assert(PostQueuedCompletionStatus(held_port, 0, K_STOP, NULL));
    for (i = 0; i < 2; i++) {
        pthread_join(th[i], &res);
        ck_assert_ptr_null(res);
    }
    ck_assert_int_eq(held_ok, 1);
    ck_assert(send_tid != 0 && send_tid != start_tid);
    closesocket(c);
    closesocket(held_s);
    CloseHandle(held_port);
    sem_destroy(&held_done);
    sem_destroy(&held_over);
}
END_TEST

/* The only worker leaves the port with a packet, holding the poll role
 * lent to it, and blocks until another thread's overlapped receive with
 * an event completes: the reactor thread takes the role from the lease
 * and completes it. */
static SOCKET lent_s2;
static sem_t lent_got, lent_done;
static _Atomic int lent_ok;

static void *lent_worker(void *arg)
{
    HANDLE port = arg;
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;

    /* (A first wait makes the reactor thread leave the role to ports.) */
    if (GetQueuedCompletionStatus(port, &bytes, &key, &ov, 100) ||
        GetLastError() != WAIT_TIMEOUT)
        return (void *)3;
    sem_post(&lent_got);
    if (!GetQueuedCompletionStatus(port, &bytes, &key, &ov, 10000) ||
        bytes != 1)
        return (void *)1;
    sem_post(&lent_got);
    lent_ok = posted(&lent_done);
    return NULL;
}

static void *event_waiter(void *arg)
{
    WSAOVERLAPPED ov;
    WSABUF b;
    char buf[4];
    DWORD fl = 0, n;

    (void)arg;
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    b.len = sizeof(buf);
    b.buf = buf;
    if (WSARecv(lent_s2, &b, 1, &n, &fl, &ov, NULL) == 0 ||
        WSAGetLastError() != WSA_IO_PENDING)
        return (void *)1;
    sem_post(&lent_got);
    if (WaitForSingleObject(ov.hEvent, 5000) != WAIT_OBJECT_0 ||
        !WSAGetOverlappedResult(lent_s2, &ov, &n, FALSE, &fl) || n != 1)
        return (void *)2;
    WSACloseEvent(ov.hEvent);
    sem_post(&lent_done);
    return NULL;
}

START_TEST(lent_poll_role_is_taken_back_from_a_blocked_worker)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    WSAOVERLAPPED ov;
    WSABUF b;
    char buf[4];
    DWORD fl = 0, n;
    SOCKET c1, s1, c2;
    pthread_t w, t;
    void *res;

    pair(&c1, &s1);
    pair(&c2, &lent_s2);
    CreateIoCompletionPort((HANDLE)s1, port, 1, 0);
    sem_init(&lent_got, 0, 0);
    sem_init(&lent_done, 0, 0);
    lent_ok = 0;
    memset(&ov, 0, sizeof(ov));
    b.len = sizeof(buf);
    b.buf = buf;
    ck_assert(WSARecv(s1, &b, 1, &n, &fl, &ov, NULL) == SOCKET_ERROR &&
              WSAGetLastError() == WSA_IO_PENDING);
    pthread_create(&t, NULL, event_waiter, NULL);
    ck_assert(posted(&lent_got));
    pthread_create(&w, NULL, lent_worker, port);
    ck_assert(posted(&lent_got));
    ck_assert_int_eq(send(c1, "x", 1, 0), 1);
    ck_assert(posted(&lent_got));
    ck_assert_int_eq(send(c2, "y", 1, 0), 1);
    pthread_join(w, &res);
    ck_assert_ptr_null(res);
    pthread_join(t, &res);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(lent_ok, 1);
    closesocket(c1);
    closesocket(s1);
    closesocket(c2);
    closesocket(lent_s2);
    CloseHandle(port);
    sem_destroy(&lent_got);
    sem_destroy(&lent_done);
}
END_TEST

static void wait_readable(SOCKET s)
{
    struct timeval tv = { 5, 0 };
    fd_set rd;

    FD_ZERO(&rd);
    FD_SET(s, &rd);
    ck_assert_int_eq(select(0, &rd, NULL, NULL, &tv), 1);
}

/* An overlapped receive (hEvent NULL) that takes the peer's "abc" at
 * once; *ov for its result. */
static void recv_at_once(SOCKET c, SOCKET s, WSAOVERLAPPED *ov)
{
    char buf[8];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ck_assert_int_eq(send(c, "abc", 3, 0), 3);
    wait_readable(s);
    memset(ov, 0, sizeof(*ov));
    ck_assert_int_eq(WSARecv(s, &b, 1, &n, &fl, ov, NULL), 0);
    ck_assert_uint_eq(n, 3);
}

/* A connection whose last operation without an event took data at once,
 * then reset by the peer: the accepted side, its RST arrived. */
static SOCKET taken_then_reset(void)
{
    struct linger lg = { 1, 0 };
    WSAOVERLAPPED ov;
    SOCKET c, s;

    pair(&c, &s);
    recv_at_once(c, s, &ov);
    ck_assert_int_eq(setsockopt(c, SOL_SOCKET, SO_LINGER, (char *)&lg,
                                sizeof(lg)), 0);
    ck_assert_int_eq(closesocket(c), 0);
    wait_readable(s);
    return s;
}

/* The socket's own event is made when something first waits on the
 * socket; made after an operation that failed at once (the peer's reset)
 * it is not signalled, as Windows' is not: it was reset when that
 * operation started and nothing set it.  A completion then sets it. */
START_TEST(own_event_made_after_a_failure_is_not_signalled)
{
    WSAOVERLAPPED ov;
    char buf[8];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;
    SOCKET c, s = taken_then_reset();

    memset(&ov, 0, sizeof(ov));
    ck_assert_int_eq(WSARecv(s, &b, 1, &n, &fl, &ov, NULL), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
    /* The process's first wait on a socket: the event is made now. */
    ck_assert_uint_eq(WaitForSingleObject((HANDLE)s, 0), WAIT_TIMEOUT);
    closesocket(s);
    /* A socket whose last operation completed shows it signalled. */
    pair(&c, &s);
    recv_at_once(c, s, &ov);
    ck_assert_uint_eq(WaitForSingleObject((HANDLE)s, 0), WAIT_OBJECT_0);
    closesocket(c);
    closesocket(s);
}
END_TEST

/* An operation with an event of its own does not touch the socket's: a
 * failure of one, before anything waited on the socket, leaves the event
 * made later as the last operation without an event of its own left it
 * (as when the event was there from the start). */
START_TEST(own_event_made_late_ignores_operations_with_their_event)
{
    WSAOVERLAPPED ov;
    char buf[8];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;
    SOCKET s = taken_then_reset();

    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    ck_assert_int_eq(WSARecv(s, &b, 1, &n, &fl, &ov, NULL), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
    ck_assert_uint_eq(WaitForSingleObject(ov.hEvent, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(WaitForSingleObject((HANDLE)s, 0), WAIT_OBJECT_0);
    WSACloseEvent(ov.hEvent);
    closesocket(s);
}
END_TEST

/* SIO_IDEAL_SEND_BACKLOG_CHANGE overlapped waits for a change (none
 * comes here): pending and unsignalled, until CancelIoEx or closesocket
 * end it with ERROR_OPERATION_ABORTED. */
static void backlog_change_post(SOCKET s, WSAOVERLAPPED *ov)
{
    DWORD n = 0;

    memset(ov, 0, sizeof(*ov));
    ov->hEvent = WSACreateEvent();
    ck_assert_int_eq(WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_CHANGE, NULL, 0,
                              NULL, 0, &n, ov, NULL), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSA_IO_PENDING);
    ck_assert_uint_eq(WaitForSingleObject(ov->hEvent, 0), WAIT_TIMEOUT);
}

/* Ended (bounded), cancelled. */
static void backlog_change_aborted(WSAOVERLAPPED *ov)
{
    ck_assert_uint_eq(WaitForSingleObject(ov->hEvent, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(ov->Internal, 0xC0000120u); /* STATUS_CANCELLED */
}

START_TEST(backlog_change_waits_for_cancel_or_close)
{
    WSAOVERLAPPED ov;
    SOCKET c, s;
    DWORD n = 1, fl = 0;

    pair(&c, &s);
    backlog_change_post(c, &ov);
    ck_assert(CancelIoEx((HANDLE)c, &ov));
    backlog_change_aborted(&ov);
    ck_assert(!WSAGetOverlappedResult(c, &ov, &n, FALSE, &fl));
    ck_assert_int_eq(WSAGetLastError(), WSA_OPERATION_ABORTED);
    WSACloseEvent(ov.hEvent);
    backlog_change_post(c, &ov);
    closesocket(c);
    backlog_change_aborted(&ov);
    WSACloseEvent(ov.hEvent);
    closesocket(s);
}
END_TEST

/* TransmitFile of a file larger than the socket's buffers to a peer that
 * reads only once the sender waits for room: every byte arrives, in
 * order (a piece the kernel took in parts was counted twice, and the
 * next send's length wrapped: WSAEFAULT after 3.9 of 5 MB). */
#define TF_SIZE (3 * 1024 * 1024 + 123)

struct tf_sender {
    SOCKET s;
    HANDLE f;
    atomic_int tid;
    BOOL ok;
    int err;
};

static unsigned char tf_byte(long i)
{
    return (unsigned char)(i * 7 + (i >> 16));
}

static void *tf_send_main(void *arg)
{
    struct tf_sender *t = arg;

    atomic_store(&t->tid, (int)gettid());
    t->ok = TransmitFile(t->s, t->f, 0, 0, NULL, NULL, 0);
    t->err = t->ok ? 0 : WSAGetLastError();
    shutdown(t->s, SD_SEND); /* (the reader stops here either way) */
    return NULL;
}

START_TEST(transmit_file_larger_than_the_buffers)
{
    static unsigned char data[TF_SIZE], got[65536];
    char path[] = "/tmp/wsc-tf-XXXXXX";
    struct tf_sender t = { .ok = FALSE };
    struct timespec until;
    pthread_t th;
    SOCKET c, s;
    DWORD w = 0;
    int fd, small = 65536, n, bad = -1;
    long i, total = 0;

    for (i = 0; i < TF_SIZE; i++)
        data[i] = tf_byte(i);
    ck_assert_int_ge(fd = mkstemp(path), 0);
    close(fd);
    t.f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ck_assert(t.f != INVALID_HANDLE_VALUE);
    ck_assert(WriteFile(t.f, data, TF_SIZE, &w, NULL) && w == TF_SIZE);
    CloseHandle(t.f);
    t.f = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL,
                      OPEN_EXISTING, 0, NULL);
    ck_assert(t.f != INVALID_HANDLE_VALUE);
    pair(&c, &s);
    setsockopt(c, SOL_SOCKET, SO_SNDBUF, (char *)&small, sizeof(small));
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&small, sizeof(small));
    t.s = c;
    ck_assert_int_eq(pthread_create(&th, NULL, tf_send_main, &t), 0);
    /* The sender fills the buffers and waits in the kernel for room. */
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += 10;
    for (;;) {
        struct timespec now;
        int tid = atomic_load(&t.tid);

        if (tid && proc_thread_syscall(tid) >= 0)
            break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        ck_assert_msg(now.tv_sec < until.tv_sec, "the sender never waited");
        sched_yield();
    }
    while ((n = recv(s, (char *)got, sizeof(got), 0)) > 0) {
        for (i = 0; i < n && total + i < TF_SIZE; i++)
            if (bad < 0 && got[i] != tf_byte(total + i))
                bad = (int)(total + i);
        total += n;
    }
    pthread_join(th, NULL);
    ck_assert_msg(t.ok, "TransmitFile failed %d", t.err);
    ck_assert_int_eq(total, TF_SIZE);
    ck_assert_int_eq(bad, -1);
    CloseHandle(t.f);
    unlink(path);
    closesocket(c);
    closesocket(s);
}
END_TEST

/* What accept hands on (not async, but this file has the listener): the
 * options wscompat keeps itself, set on the listener, and only those; an
 * option set on a socket accepted before is not the next one's. */
START_TEST(accepted_socket_inherits_kept_options)
{
    SOCKET c1, s1, c2, s2;
    int v = 7, got = -1, len = sizeof(got);

    pair(&c1, &s1);
    ck_assert_int_eq(setsockopt(s1, SOL_SOCKET, SO_GROUP_PRIORITY,
                                (char *)&v, sizeof(v)), 0);
    v = 5;
    ck_assert_int_eq(setsockopt(listener, SOL_SOCKET, SO_GROUP_PRIORITY,
                                (char *)&v, sizeof(v)), 0);
    pair(&c2, &s2);
    ck_assert_int_eq(getsockopt(s2, SOL_SOCKET, SO_GROUP_PRIORITY,
                                (char *)&got, &len), 0);
    ck_assert_int_eq(got, 5);
    ck_assert_int_eq(getsockopt(s1, SOL_SOCKET, SO_GROUP_PRIORITY,
                                (char *)&got, &len), 0);
    ck_assert_int_eq(got, 7);
    ck_assert_int_eq(getsockopt(c2, SOL_SOCKET, SO_GROUP_PRIORITY,
                                (char *)&got, &len), 0);
    ck_assert_int_eq(got, 0);
    closesocket(c1);
    closesocket(s1);
    closesocket(c2);
    closesocket(s2);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("async");
    TCase *tc = tcase_create("races");
    SRunner *sr;
    int failed;

    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, accepted_socket_inherits_kept_options);
    tcase_add_test(tc, races_complete_each_operation_once);
    tcase_add_test(tc, thread_exit_keeps_the_operation);
    tcase_add_test(tc, graceful_close_meeting_the_reactor_is_a_fin);
    tcase_add_test(tc, held_completion_reaches_the_other_worker);
    tcase_add_test(tc, lent_poll_role_is_taken_back_from_a_blocked_worker);
    tcase_add_test(tc, own_event_made_after_a_failure_is_not_signalled);
    tcase_add_test(tc, own_event_made_late_ignores_operations_with_their_event);
    tcase_add_test(tc, backlog_change_waits_for_cancel_or_close);
    tcase_add_test(tc, transmit_file_larger_than_the_buffers);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
