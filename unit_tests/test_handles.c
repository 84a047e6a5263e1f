/* Handle lifecycle under races: a fresh socket is never taken over by a
 * call on its number, a descriptor wscompat does not own never fails
 * because of one it does, a fork child's close leaves the parent's
 * connection alone, descriptors of one socket share its state, and a
 * timeout ends a blocking call however many signals arrive.
 *
 * Written once against the Winsock API and built three ways: with
 * wscompat's headers (the source API), and with a port's POSIX names
 * (compat_tests/port/winsock2.h) run under wscompat-run and linked with
 * --wrap.  HANDLES_ITERATIONS scales the races (make stress: 10^6). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <check.h>
#include "testutil.h"

#ifdef CT_PORT
typedef int nbio_t;
#else
typedef u_long nbio_t;
#endif
#ifndef WAY
#define WAY "source API"
#endif

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static long iterations(long dflt)
{
    const char *v = getenv("HANDLES_ITERATIONS");

    return v && atol(v) > 0 ? atol(v) : dflt;
}

/* 1 when the thread is asleep inside system call nr (/proc tells). */
static int in_syscall(pid_t tid, long nr)
{
    return proc_thread_syscall(tid) == nr;
}

/* ---- 1: a call on a stale number never takes over a fresh socket ------ */

static atomic_int stop_probing;

/* Loops getsockopt(SO_TYPE) on the handle numbers socket() hands out
 * next, as a thread still holding a closed handle would. */
static void *probe_main(void *arg)
{
    SOCKET base = *(SOCKET *)arg;
    int type, k;

    while (!atomic_load(&stop_probing))
        for (k = 0; k < 4; k++) {
            int len = sizeof(type);
            getsockopt(base + (SOCKET)k, SOL_SOCKET, SO_TYPE, (char *)&type,
                       (void *)&len);
        }
    return NULL;
}

/* One fresh socket used the way a program does; 0 if every call
 * worked. */
static int use_fresh_socket(SOCKET s)
{
    int type = 0, len = sizeof(type);
    nbio_t on = 1;

    if (s == INVALID_SOCKET)
        return 1;
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, (void *)&len) ||
        type != SOCK_STREAM)
        return 1;
    if (ioctlsocket(s, FIONBIO, &on))
        return 1;
    return closesocket(s) ? 1 : 0;
}

/* Runs round(i, arg) n times while three threads probe the numbers the
 * next sockets get; fails on a broken socket or a leaked descriptor. */
static void race_probes(const char *what, long n,
                        int (*round)(long i, void *arg), void *arg)
{
    long i, broken = 0;
    pthread_t th[3];
    SOCKET base;
    int fds, k;

    base = socket(AF_INET, SOCK_STREAM, 0);
    closesocket(base);
    fds = open_fds();
    atomic_store(&stop_probing, 0);
    for (k = 0; k < 3; k++)
        ck_assert_int_eq(pthread_create(&th[k], NULL, probe_main, &base), 0);
    for (i = 0; i < n; i++)
        broken += round(i, arg);
    atomic_store(&stop_probing, 1);
    for (k = 0; k < 3; k++)
        pthread_join(th[k], NULL);
    printf("%s: %ld %s, %ld broken, %d descriptors leaked\n", WAY, n, what,
           broken, open_fds() - fds);
    ck_assert_int_eq(broken, 0);
    ck_assert_int_eq(open_fds(), fds);
}

static int fresh_round(long i, void *arg)
{
    (void)i, (void)arg;
    return use_fresh_socket(socket(AF_INET, SOCK_STREAM, 0));
}

START_TEST(fresh_socket_not_taken_over)
{
    startup();
    race_probes("fresh sockets", iterations(20000), fresh_round, NULL);
}
END_TEST

struct target {
    SOCKET l;
    struct sockaddr_in a;
};

/* A connection to the listener; its accepted side is the fresh socket. */
static int accepted_round(long i, void *arg)
{
    struct target *t = arg;
    struct linger lg = { 1, 0 }; /* no TIME_WAIT pile-up */
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    int broken;

    (void)i;
    if (connect(c, (struct sockaddr *)&t->a, sizeof(t->a))) {
        closesocket(c);
        return 1;
    }
    broken = use_fresh_socket(accept(t->l, NULL, NULL));
    setsockopt(c, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
    return broken + (closesocket(c) ? 1 : 0);
}

/* The same with connected sockets: accept registers the server side
 * while the probes run. */
START_TEST(accepted_socket_not_taken_over)
{
    struct target t;
    unsigned short port;

    startup();
    t.l = listener(&port);
    memset(&t.a, 0, sizeof(t.a));
    t.a.sin_family = AF_INET;
    t.a.sin_port = htons(port);
    t.a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    race_probes("accepted sockets", iterations(20000) / 10, accepted_round,
                &t);
    closesocket(t.l);
}
END_TEST

/* ---- 2: descriptors wscompat does not own ------------------------------ */

static atomic_int stop_churn;

static void *socket_churn_main(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop_churn))
        closesocket(socket(AF_INET, SOCK_STREAM, 0));
    return NULL;
}

START_TEST(foreign_files_unharmed)
{
    long i, n = iterations(20000) * 5, failed = 0;
    pthread_t th;
    char buf[16];
    int fds;

    startup();
    fds = open_fds();
    atomic_store(&stop_churn, 0);
    ck_assert_int_eq(pthread_create(&th, NULL, socket_churn_main, NULL), 0);
    for (i = 0; i < n; i++) {
        int f = open("/dev/zero", O_RDONLY);
        if (f < 0 || read(f, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
            failed++;
        if (f >= 0 && close(f) != 0)
            failed++;
    }
    atomic_store(&stop_churn, 1);
    pthread_join(th, NULL);
    printf("%s: %ld rounds on /dev/zero, %ld failed, %d descriptors "
           "leaked\n", WAY, n, failed, open_fds() - fds);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_eq(open_fds(), fds);
}
END_TEST

/* ---- 3: a fork child's close --------------------------------------------- */

struct receiver {
    SOCKET s;
    pthread_t th;
    atomic_int tid;
    int rc, err;
    char buf[16];
};

static void *receiver_main(void *p)
{
    struct receiver *r = p;

    atomic_store(&r->tid, (int)syscall(SYS_gettid));
    r->rc = recv(r->s, r->buf, sizeof(r->buf), 0);
    r->err = WSAGetLastError();
    return NULL;
}

/* Starts a recv on another thread; returns once it sleeps in the
 * kernel (2 s at most). */
static void start_receiver(struct receiver *r, SOCKET s)
{
    long long deadline = now_ms() + 2000;

    memset(r, 0, sizeof(*r));
    r->s = s;
    ck_assert_int_eq(pthread_create(&r->th, NULL, receiver_main, r), 0);
    while (!(atomic_load(&r->tid) &&
             in_syscall(atomic_load(&r->tid), SYS_recvfrom)))
        ck_assert_msg(now_ms() < deadline, "recv never blocked");
}

/* A connected pair, a receive on s asleep in the kernel, and a fork
 * child that runs child_main on the inherited copies; the child's exit
 * status must be 0. */
static void fork_during_recv(struct receiver *r, SOCKET *c, SOCKET *s,
                             int (*child_main)(SOCKET c, SOCKET s))
{
    int status;
    pid_t pid;

    startup();
    pair(c, s);
    start_receiver(r, *s);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0)
        _exit(child_main(*c, *s));
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "the child: status %d", status);
}

/* Closes the inherited copy of s and checks that it is gone. */
static int child_closes(SOCKET c, SOCKET s)
{
    (void)c;
    if (closesocket(s) != 0)
        return 1;
    return fcntl((int)s, F_GETFD) == -1 && errno == EBADF ? 0 : 2;
}

START_TEST(fork_child_close_leaves_parent)
{
    struct receiver r;
    SOCKET c, s;
    char buf[16];

    fork_during_recv(&r, &c, &s, child_closes);
    /* The parent's receive is still waiting and gets the peer's data. */
    ck_assert_int_eq(send(c, "hello", 5, 0), 5);
    pthread_join(r.th, NULL);
    ck_assert_int_eq(r.rc, 5);
    ck_assert_int_eq(memcmp(r.buf, "hello", 5), 0);
    /* Both ways still work, and the parent's close is graceful. */
    ck_assert_int_eq(send(s, "back", 4, 0), 4);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 4);
    ck_assert_int_eq(closesocket(s), 0);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 0);
    closesocket(c);
}
END_TEST

/* Closes everything inherited, as a child does before exec. */
static int child_cleans_up(SOCKET c, SOCKET s)
{
#ifdef CT_PORT
    return close(c) == 0 && close(s) == 0 ? 0 : 1;
#else
    (void)s;
    return WSACleanup() == 0 && closesocket(c) == SOCKET_ERROR ? 0 : 1;
#endif
}

START_TEST(fork_child_cleanup_leaves_parent)
{
    struct receiver r;
    SOCKET c, s;

    fork_during_recv(&r, &c, &s, child_cleans_up);
    ck_assert_int_eq(send(c, "x", 1, 0), 1);
    pthread_join(r.th, NULL);
    ck_assert_int_eq(r.rc, 1);
    closesocket(s);
    closesocket(c);
}
END_TEST

/* ---- 4: descriptors of one socket share its state (POSIX dup) ------------ */

#ifdef CT_PORT
static void expect_shutdown_error(int fd, const char *how)
{
    errno = 0;
    ck_assert_msg(send(fd, "x", 1, 0) == -1 && errno == ESHUTDOWN,
                  "send on a %s copy after SHUT_WR: errno %d", how, errno);
}

START_TEST(dup_shares_state)
{
    SOCKET c, s;
    int d1, d2, d3, d4;
    char buf[8];

    pair(&c, &s);
    ck_assert_int_eq(shutdown(c, SHUT_WR), 0);
    d1 = dup(c);
    d2 = fcntl(c, F_DUPFD, 100);
    d3 = fcntl(c, F_DUPFD_CLOEXEC, 200);
    d4 = dup2(c, 300);
    ck_assert_int_eq(d4, 300);
    expect_shutdown_error(d1, "dup");
    expect_shutdown_error(d2, "F_DUPFD");
    expect_shutdown_error(d3, "F_DUPFD_CLOEXEC");
    expect_shutdown_error(d4, "dup2");
    ck_assert_int_eq(dup3(c, 301, O_CLOEXEC), 301);
    expect_shutdown_error(301, "dup3");
    /* Closing the original leaves the copies working. */
    ck_assert_int_eq(close(c), 0);
    ck_assert_int_eq(send(s, "y", 1, 0), 1);
    ck_assert_int_eq(recv(d1, buf, sizeof(buf), 0), 1);
    close(d2), close(d3), close(d4), close(301);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 0); /* the FIN */
    ck_assert_int_eq(close(d1), 0);
    close(s);
}
END_TEST

/* dup2 onto a number that holds another engine socket: that socket is
 * closed, and the number becomes a copy like any other. */
START_TEST(dup2_over_socket_shares_state)
{
    SOCKET c, s, c2, s2;
    char buf[8];

    pair(&c, &s);
    pair(&c2, &s2);
    ck_assert_int_eq(shutdown(c, SHUT_WR), 0);
    ck_assert_int_eq(dup2(c, c2), c2);
    expect_shutdown_error(c2, "dup2 over a socket");
    ck_assert_int_eq(recv(s2, buf, sizeof(buf), 0), 0); /* c2's old peer */
    ck_assert_int_eq(send(s, "z", 1, 0), 1);
    ck_assert_int_eq(recv(c2, buf, sizeof(buf), 0), 1);
    ck_assert_int_eq(close(c2), 0);
    ck_assert_int_eq(send(s, "w", 1, 0), 1);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 1);
    ck_assert_int_eq(close(c), 0);
    errno = 0;
    ck_assert_int_eq(fcntl(c2, F_GETFD), -1);
    ck_assert_int_eq(errno, EBADF);
    close(s), close(s2);
}
END_TEST

START_TEST(shutdown_through_copy_reaches_original)
{
    SOCKET c, s;
    int d;

    pair(&c, &s);
    d = dup(c);
    ck_assert_int_eq(shutdown(d, SHUT_WR), 0);
    expect_shutdown_error(c, "original");
    close(d), close(c), close(s);
}
END_TEST
#endif

/* ---- 5: timeouts that signals interrupt ---------------------------------- */

static void on_signal(int sig)
{
    (void)sig;
}

/* The SIGUSR1 handler, with or without SA_RESTART; with it, every other
 * installed handler (the test framework's) gets SA_RESTART too, as the
 * interposer restarts a call only when all of them have it. */
static void set_handler(int restart)
{
    struct sigaction sa;
    int sig;

    for (sig = 1; restart && sig < NSIG; sig++)
        if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL &&
            sa.sa_handler != SIG_IGN) {
            sa.sa_flags |= SA_RESTART;
            sigaction(sig, &sa, NULL);
        }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGUSR1, &sa, NULL);
}

/* A timer that signals the calling thread every 100 ms. */
static timer_t signal_me_every_100ms(void)
{
    struct sigevent sev;
    struct itimerspec its;
    timer_t t;

    memset(&sev, 0, sizeof(sev));
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = SIGUSR1;
    sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    ck_assert_int_eq(timer_create(CLOCK_MONOTONIC, &sev, &t), 0);
    memset(&its, 0, sizeof(its));
    its.it_value.tv_nsec = 100000000;
    its.it_interval.tv_nsec = 100000000;
    ck_assert_int_eq(timer_settime(t, 0, &its, NULL), 0);
    return t;
}

enum timed_op { TIMED_RECV, TIMED_SEND, TIMED_UDP_RECV };

/* The call under a 300 ms timeout, with a signal every 100 ms; returns
 * how long it took and sets *rc, *err. */
static long long timed_call(enum timed_op op, SOCKET s, int *rc, int *err)
{
    static char buf[1 << 16];
    DWORD ms = 300;
    long long t0;
    timer_t t;

    setsockopt(s, SOL_SOCKET, op == TIMED_SEND ? SO_SNDTIMEO : SO_RCVTIMEO,
               (char *)&ms, sizeof(ms));
    t = signal_me_every_100ms();
    t0 = now_ms();
    if (op == TIMED_SEND)
        *rc = send(s, buf, sizeof(buf), 0);
    else
        *rc = recv(s, buf, sizeof(buf), 0);
    *err = WSAGetLastError();
    t0 = now_ms() - t0;
    timer_delete(t);
    return t0;
}

/* Fill the send buffer of s (non-blocking for the fill only). */
static void fill(SOCKET s)
{
    static char buf[1 << 16];
    nbio_t on = 1, off = 0;

    ioctlsocket(s, FIONBIO, &on);
    while (send(s, buf, sizeof(buf), 0) > 0)
        ;
    ioctlsocket(s, FIONBIO, &off);
}

static void check_timeout(enum timed_op op, int restart)
{
    SOCKET c, s;
    long long took;
    int rc, err;

    startup();
    set_handler(restart);
    if (op == TIMED_UDP_RECV) {
        struct sockaddr_in a;
        memset(&a, 0, sizeof(a));
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        c = socket(AF_INET, SOCK_DGRAM, 0);
        ck_assert_int_eq(bind(c, (struct sockaddr *)&a, sizeof(a)), 0);
        s = INVALID_SOCKET;
    } else {
        pair(&c, &s);
    }
    if (op == TIMED_SEND) {
        int small = 4096; /* fixed sizes: no autotuning makes room */
        setsockopt(c, SOL_SOCKET, SO_SNDBUF, (char *)&small, sizeof(small));
        setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&small, sizeof(small));
        fill(c);
    }
    took = timed_call(op, c, &rc, &err);
#ifdef CT_PORT
    if (!restart) {
        /* POSIX: a handler without SA_RESTART interrupts the call. */
        ck_assert_int_eq(rc, -1);
        ck_assert_int_eq(err, EINTR);
        ck_assert_int_lt(took, 250);
        goto out;
    }
#endif
    ck_assert_int_eq(rc, SOCKET_ERROR);
    ck_assert_int_eq(err, WSAETIMEDOUT);
    ck_assert_msg(took >= 295 && took <= 350, "timed out after %lld ms", took);
#ifdef CT_PORT
out:
#endif
    closesocket(c);
    if (s != INVALID_SOCKET)
        closesocket(s);
}

START_TEST(recv_timeout_with_signals)
{
    check_timeout(TIMED_RECV, _i);
}
END_TEST

START_TEST(send_timeout_with_signals)
{
    check_timeout(TIMED_SEND, _i);
}
END_TEST

START_TEST(udp_recv_timeout_with_signals)
{
    check_timeout(TIMED_UDP_RECV, _i);
}
END_TEST

#ifndef CT_PORT
/* Windows times receives, not accept: a listener's SO_RCVTIMEO leaves a
 * blocking accept waiting for its connection. */
struct acceptor {
    SOCKET l, got;
};

static void *accept_main(void *p)
{
    struct acceptor *a = p;

    a->got = accept(a->l, NULL, NULL);
    return NULL;
}

START_TEST(accept_ignores_rcvtimeo)
{
    struct acceptor ac = { INVALID_SOCKET, INVALID_SOCKET };
    struct sockaddr_in a;
    struct timespec until;
    unsigned short port;
    DWORD ms = 100;
    pthread_t th;
    SOCKET c;

    startup();
    ac.l = listener(&port);
    setsockopt(ac.l, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof(ms));
    ck_assert_int_eq(pthread_create(&th, NULL, accept_main, &ac), 0);
    /* Two and a half timeouts pass, and accept is still waiting. */
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 250000000;
    if (until.tv_nsec >= 1000000000)
        until.tv_sec++, until.tv_nsec -= 1000000000;
    ck_assert_int_eq(pthread_timedjoin_np(th, NULL, &until), ETIMEDOUT);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    c = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_eq(connect(c, (struct sockaddr *)&a, sizeof(a)), 0);
    pthread_join(th, NULL);
    ck_assert(ac.got != INVALID_SOCKET);
    closesocket(ac.got);
    closesocket(c);
    closesocket(ac.l);
}
END_TEST
#endif

/* ---- 6: ppoll's mask ------------------------------------------------------ */

#ifdef CT_PORT
static atomic_int usr2_seen;

static void on_usr2(int sig)
{
    (void)sig;
    atomic_store(&usr2_seen, 1);
}

START_TEST(ppoll_mask_lets_pending_signal_in)
{
    struct pollfd p;
    struct timespec tmo = { 2, 0 };
    struct sigaction sa;
    sigset_t block, during;
    SOCKET c, s;
    long long t0;
    int r;

    pair(&c, &s);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &block, &during);
    sigdelset(&during, SIGUSR2);
    raise(SIGUSR2); /* pending, blocked */
    p.fd = c;
    p.events = POLLIN;
    p.revents = 0;
    t0 = now_ms();
    r = ppoll(&p, 1, &tmo, &during);
    ck_assert_int_eq(r, -1);
    ck_assert_int_eq(errno, EINTR);
    ck_assert_int_lt(now_ms() - t0, 500);
    ck_assert_int_eq(atomic_load(&usr2_seen), 1);
    pthread_sigmask(SIG_UNBLOCK, &block, NULL);
    close(c), close(s);
}
END_TEST
#endif

static Suite *handles_suite(void)
{
    Suite *su = suite_create("handles");
    TCase *tc = tcase_create("handles");

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, fresh_socket_not_taken_over);
    tcase_add_test(tc, accepted_socket_not_taken_over);
    tcase_add_test(tc, foreign_files_unharmed);
    tcase_add_test(tc, fork_child_close_leaves_parent);
    tcase_add_test(tc, fork_child_cleanup_leaves_parent);
    tcase_add_loop_test(tc, recv_timeout_with_signals, 0, 2);
    tcase_add_loop_test(tc, send_timeout_with_signals, 0, 2);
    tcase_add_loop_test(tc, udp_recv_timeout_with_signals, 0, 2);
#ifdef CT_PORT
    tcase_add_test(tc, dup_shares_state);
    tcase_add_test(tc, dup2_over_socket_shares_state);
    tcase_add_test(tc, shutdown_through_copy_reaches_original);
    tcase_add_test(tc, ppoll_mask_lets_pending_signal_in);
#else
    tcase_add_test(tc, accept_ignores_rcvtimeo);
#endif
    suite_add_tcase(su, tc);
    return su;
}

int main(void)
{
    return run_suite(handles_suite());
}
