/* Descriptor lifecycle under concurrency: fork with a call blocked on
 * another thread, fork with a thread holding a socket's own locks, exec
 * (an inherited socket is adopted on first use), WSACleanup while a call
 * is blocked, closesocket ending a blocking connect asleep in the kernel
 * (or about to be), and the abort fallback that resets a connection
 * without giving up the descriptor number. */
#include <check.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "ws.h"
#include "testutil.h"



START_TEST(fork_with_blocked_recv)
{
    struct blocked b;
    SOCKET c, s, c2, s2;
    pid_t pid;
    int status;
    char buf[8];

    startup();
    pair(&c, &s);
    start_recv(&b, c);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        /* No lock left held by a thread the child does not have: new
         * sockets, blocking waits and closes all work. */
        SOCKET x, y;
        pair(&x, &y);
        if (send(x, "child", 5, 0) != 5 || recv(y, buf, sizeof(buf), 0) != 5)
            _exit(1);
        closesocket(x);
        closesocket(y);
        _exit(0);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_int_eq(closesocket(c), 0);
    pthread_join(b.th, NULL);
    ck_assert_int_eq(b.rc, SOCKET_ERROR);
    ck_assert_int_eq(b.err, WSAECONNABORTED);
    /* The parent goes on as before. */
    pair(&c2, &s2);
    ck_assert_int_eq(send(c2, "ok", 2, 0), 2);
    ck_assert_int_eq(recv(s2, buf, sizeof(buf), 0), 2);
    closesocket(c2);
    closesocket(s2);
    closesocket(s);
}
END_TEST

/* A thread inside a socket's own locks at the fork (its slot's, which
 * closing takes, and its waiter list's, which a blocking wait takes):
 * the child, which does not have that thread, takes both afresh. */
struct holder {
    struct wsc_sock *e;
    pthread_mutex_t m;
    pthread_cond_t cv;
    int state; /* 1: holding, 2: let go */
};

static void *hold_socket_locks(void *p)
{
    struct holder *h = p;

    wsc_lock_counted(&h->e->lock, &h->e->holders);
    wsc_ksock_lock(h->e->s);
    pthread_mutex_lock(&h->m);
    h->state = 1;
    pthread_cond_broadcast(&h->cv);
    while (h->state != 2)
        pthread_cond_wait(&h->cv, &h->m);
    pthread_mutex_unlock(&h->m);
    wsc_ksock_unlock(h->e->s);
    wsc_unlock_counted(&h->e->lock, &h->e->holders);
    return NULL;
}

START_TEST(fork_with_socket_locks_held)
{
    struct holder h = { NULL, PTHREAD_MUTEX_INITIALIZER,
                        PTHREAD_COND_INITIALIZER, 0 };
    DWORD ms = 50;
    SOCKET c, s;
    pthread_t th;
    pid_t pid;
    int status;
    char b;

    startup();
    pair(&c, &s);
    h.e = wsc_entry((int)c);
    ck_assert_ptr_nonnull(h.e);
    ck_assert_int_eq(pthread_create(&th, NULL, hold_socket_locks, &h), 0);
    pthread_mutex_lock(&h.m);
    while (h.state != 1)
        pthread_cond_wait(&h.cv, &h.m);
    pthread_mutex_unlock(&h.m);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct timeval tv = { 0, 50000 };
        fd_set rd;

        signal(SIGALRM, SIG_DFL); /* (not check's timeout handler) */
        alarm(2); /* a deadlock ends the child by SIGALRM */
        FD_ZERO(&rd);
        FD_SET(c, &rd);
        if (select(0, &rd, NULL, NULL, &tv) != 0) /* waits on c's list */
            _exit(1);
        if (setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof(ms)))
            _exit(2);
        if (recv(c, &b, 1, 0) != SOCKET_ERROR ||
            WSAGetLastError() != WSAETIMEDOUT)
            _exit(3);
        _exit(closesocket(c) == 0 ? 0 : 4);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status), "child killed by signal %d",
                  WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    pthread_mutex_lock(&h.m);
    h.state = 2;
    pthread_cond_broadcast(&h.cv);
    pthread_mutex_unlock(&h.m);
    pthread_join(th, NULL);
    /* The parent's socket is unharmed by the child's close. */
    ck_assert_int_eq(send(s, "z", 1, 0), 1);
    ck_assert_int_eq(recv(c, &b, 1, 0), 1);
    ck_assert_int_eq(b, 'z');
    closesocket(c);
    closesocket(s);
}
END_TEST

static const char *self_path;

START_TEST(exec_adopts_inherited_socket)
{
    SOCKET c, s;
    char arg[16], buf[16];
    pid_t pid;
    int status;

    startup();
    pair(&c, &s);
    snprintf(arg, sizeof(arg), "%d", (int)c);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        execl(self_path, self_path, "--adopt", arg, (char *)NULL);
        _exit(127);
    }
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 7);
    ck_assert_int_eq(memcmp(buf, "adopted", 7), 0);
    ck_assert_int_eq(send(s, "back", 4, 0), 4);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    closesocket(c);
    closesocket(s);
}
END_TEST

/* The exec'd child: a socket it never created through the library. */
static int adopt_child(int fd)
{
    WSADATA d;
    char buf[8];
    u_long nb = 0;

    if (WSAStartup(MAKEWORD(2, 2), &d))
        return 2;
    if (send((SOCKET)fd, "adopted", 7, 0) != 7)
        return 3;
    /* Blocking, as the application sees it, though the kernel socket was
     * switched to non-blocking: the recv waits for the reply. */
    if (ioctlsocket((SOCKET)fd, FIONREAD, &nb) != 0)
        return 4;
    if (recv((SOCKET)fd, buf, sizeof(buf), 0) != 4)
        return 5;
    return closesocket((SOCKET)fd) == 0 ? 0 : 6;
}

START_TEST(cleanup_with_blocked_recv)
{
    struct blocked b;
    SOCKET c, s;
    char buf[4];

    startup();
    pair(&c, &s);
    start_recv(&b, c);
    ck_assert_int_eq(WSACleanup(), 0);
    pthread_join(b.th, NULL);
    ck_assert_int_eq(b.rc, SOCKET_ERROR);
    ck_assert_int_eq(b.err, WSAECONNABORTED);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSANOTINITIALISED);
    startup();
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOTSOCK);
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* A blocking connect on a thread of its own, and what it returned. */
struct connecting {
    SOCKET s;
    struct sockaddr_in to;
    _Atomic pid_t tid;
    int rc, err;
    pthread_t th;
};

static void *connect_main(void *p)
{
    struct connecting *c = p;

    atomic_store(&c->tid, (pid_t)syscall(SYS_gettid));
    c->rc = connect(c->s, (struct sockaddr *)&c->to, sizeof(c->to));
    c->err = WSAGetLastError();
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A listener whose accept queue is full: Linux drops the SYN of the next
 * connection, and its blocking connect sleeps in the kernel. */
static SOCKET full_listener(struct sockaddr_in *to, SOCKET *queued)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    int len = sizeof(*to);

    memset(to, 0, sizeof(*to));
    to->sin_family = AF_INET;
    to->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(l, (struct sockaddr *)to, sizeof(*to)), 0);
    ck_assert_int_eq(listen(l, 0), 0);
    ck_assert_int_eq(getsockname(l, (struct sockaddr *)to, &len), 0);
    *queued = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_eq(connect(*queued, (struct sockaddr *)to, sizeof(*to)), 0);
    return l;
}

START_TEST(close_ends_blocked_connect)
{
    struct connecting c;
    SOCKET l, queued;
    double t0;
    int i;

    startup();
    l = full_listener(&c.to, &queued);
    /* Asleep in the kernel: closesocket ends the connect at once. */
    c.s = socket(AF_INET, SOCK_STREAM, 0);
    atomic_store(&c.tid, 0);
    ck_assert_int_eq(pthread_create(&c.th, NULL, connect_main, &c), 0);
    t0 = now_s();
    while (!atomic_load(&c.tid) ||
           proc_thread_syscall(atomic_load(&c.tid)) != SYS_connect ||
           proc_thread_state(atomic_load(&c.tid)) != 'S')
        ck_assert_msg(now_s() - t0 < 5, "connect did not block");
    t0 = now_s();
    ck_assert_int_eq(closesocket(c.s), 0);
    pthread_join(c.th, NULL);
    ck_assert_int_eq(c.rc, SOCKET_ERROR);
    ck_assert_int_eq(c.err, WSAEINTR);
    ck_assert_msg(now_s() - t0 < 0.9, "closesocket took %.3f s to end the "
                  "connect (the SYN is retried after 1 s)", now_s() - t0);
    /* Closed while the connect may not have reached the kernel: it ends
     * within a tick either way, never at the SYN's retry. */
    for (i = 0; i < 20; i++) {
        c.s = socket(AF_INET, SOCK_STREAM, 0);
        atomic_store(&c.tid, 0);
        ck_assert_int_eq(pthread_create(&c.th, NULL, connect_main, &c), 0);
        while (!atomic_load(&c.tid))
            ;
        t0 = now_s();
        ck_assert_int_eq(closesocket(c.s), 0);
        pthread_join(c.th, NULL);
        ck_assert_int_eq(c.rc, SOCKET_ERROR);
        ck_assert_msg(c.err == WSAEINTR || c.err == WSAENOTSOCK,
                      "round %d: error %d", i, c.err);
        ck_assert_msg(now_s() - t0 < 0.9, "round %d: %.3f s", i,
                      now_s() - t0);
    }
    closesocket(queued);
    closesocket(l);
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* SD_RECEIVE then data: with connect(AF_UNSPEC) refused, the engine
 * resets through a placeholder socket and keeps the handle. */
static void sd_receive_reset(int fallback)
{
    SOCKET c, s;
    char buf[8];
    int type = 0, len = sizeof(type);
    fd_set r;
    struct timeval tv = { 2, 0 };

    startup();
    wsc_abort_force_fallback = fallback;
    pair(&c, &s);
    ck_assert_int_eq(shutdown(c, SD_RECEIVE), 0);
    ck_assert_int_eq(send(s, "data", 4, 0), 4);
    FD_ZERO(&r);
    FD_SET(s, &r);
    ck_assert_int_eq(select(0, &r, NULL, NULL, &tv), 1);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
    ck_assert_int_eq(send(c, "x", 1, 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNABORTED);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNABORTED);
    /* The handle is still a valid socket. */
    ck_assert_int_eq(getsockopt(c, SOL_SOCKET, SO_TYPE, (char *)&type, &len),
                     0);
    ck_assert_int_eq(type, SOCK_STREAM);
    ck_assert_int_eq(closesocket(c), 0);
    ck_assert_int_eq(closesocket(s), 0);
    ck_assert_int_eq(wsc_open_count(), 0);
    wsc_abort_force_fallback = 0;
}

START_TEST(abort_in_place)
{
    sd_receive_reset(0);
}
END_TEST

START_TEST(abort_fallback)
{
    sd_receive_reset(1);
}
END_TEST

int main(int argc, char **argv)
{
    Suite *su;
    TCase *tc;

    /* The exec'd child first: it must not allocate a suite it never
     * runs (LeakSanitizer fails it for that). */
    if (argc == 3 && !strcmp(argv[1], "--adopt"))
        return adopt_child(atoi(argv[2]));
    su = suite_create("lifecycle");
    tc = tcase_create("lifecycle");
    self_path = "/proc/self/exe";
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, fork_with_blocked_recv);
    tcase_add_test(tc, fork_with_socket_locks_held);
    tcase_add_test(tc, exec_adopts_inherited_socket);
    tcase_add_test(tc, cleanup_with_blocked_recv);
    tcase_add_test(tc, close_ends_blocked_connect);
    tcase_add_test(tc, abort_in_place);
    tcase_add_test(tc, abort_fallback);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
