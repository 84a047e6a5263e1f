/* The POSIX interposer, descriptor by descriptor: what passes straight
 * through, and what the engine does with every call that changes a
 * descriptor's life (dup, dup2, dup3, fcntl, ioctl, close, close_range,
 * fork, SCM_RIGHTS), with signals, and with poll/select.  Plain POSIX
 * code: run under wscompat-run (test-interpose-preload.sh) and linked
 * with wscompat-wrap (test_interpose_wrap). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/close_range.h>
#include "proc_self.h"

/* ---- helpers --------------------------------------------------------- */

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* How long a call may take to return: 2 s, times CK_TIMEOUT_MULTIPLIER
 * (check-valgrind sets 4: a loaded machine under valgrind is slow). */
static long long wait_ms(void)
{
    const char *m = getenv("CK_TIMEOUT_MULTIPLIER");

    return 2000LL * (m && atoi(m) > 0 ? atoi(m) : 1);
}

/* Open descriptors, less the engine's own. */
static int open_fds(void)
{
    int n = proc_open_fds();

    ck_assert_int_ge(n, 0);
    return n;
}

static void tcp_pair(int *a, int *b)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int l = socket(AF_INET, SOCK_STREAM, 0);

    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_ge(l, 0);
    ck_assert_int_eq(bind(l, (struct sockaddr *)&sa, sizeof(sa)), 0);
    ck_assert_int_eq(listen(l, 4), 0);
    ck_assert_int_eq(getsockname(l, (struct sockaddr *)&sa, &len), 0);
    *a = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_eq(connect(*a, (struct sockaddr *)&sa, sizeof(sa)), 0);
    *b = accept(l, NULL, NULL);
    ck_assert_int_ge(*b, 0);
    close(l);
}

/* The kernel's own file status flags, past any interposer. */
static int kernel_flags(int fd)
{
    return (int)syscall(SYS_fcntl, fd, F_GETFL, 0);
}

/* A receive on another thread, and when it is asleep inside. */
struct blocked {
    int fd;
    pthread_t th;
    _Atomic pid_t tid;
    _Atomic int done;
    long r;
    int err;
};

static void *recv_main(void *arg)
{
    struct blocked *b = arg;
    char buf[16];

    b->tid = (pid_t)syscall(SYS_gettid);
    b->r = recv(b->fd, buf, sizeof(buf), 0);
    b->err = errno;
    b->done = 1;
    return NULL;
}

static int thread_sleeping(pid_t tid)
{
    return proc_thread_state(tid) == 'S';
}

static void start_blocked(struct blocked *b, int fd)
{
    long long deadline = now_ms() + wait_ms();

    memset(b, 0, sizeof(*b));
    b->fd = fd;
    ck_assert_int_eq(pthread_create(&b->th, NULL, recv_main, b), 0);
    while (!(b->tid && thread_sleeping(b->tid)))
        ck_assert_msg(now_ms() < deadline, "receive never blocked");
}

/* Wait (2 s at most) for the receive to return; its errno, or -1. */
static int finish_blocked(struct blocked *b)
{
    long long deadline = now_ms() + wait_ms();

    while (!b->done)
        if (now_ms() > deadline)
            return -1;
    pthread_join(b->th, NULL);
    ck_assert_int_eq(b->r, -1);
    return b->err;
}

/* What the peer's next recv says within 2 s: bytes, 0, or -errno. */
static long peer_recv(int fd)
{
    struct pollfd p = { fd, POLLIN, 0 };
    char buf[64];
    long r;

    if (poll(&p, 1, 2000) != 1)
        return -ETIMEDOUT;
    r = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
    return r < 0 ? -errno : r;
}

/* ---- descriptors that are not ours pass straight through -------------- */

START_TEST(test_pipe_and_file_pass_through)
{
    int p[2], before = open_fds();
    char buf[8];

    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(write(p[1], "abc", 3), 3);
    ck_assert_int_eq(read(p[0], buf, sizeof(buf)), 3);
    ck_assert_int_eq(kernel_flags(p[0]) & O_NONBLOCK, 0);
    ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    ck_assert_int_eq(read(p[0], buf, sizeof(buf)), -1);
    ck_assert_int_eq(errno, EAGAIN);
    close(p[1]);
    ck_assert_int_eq(read(p[0], buf, sizeof(buf)), 0);
    close(p[0]);
    ck_assert_int_eq(open_fds(), before);
}
END_TEST

START_TEST(test_unix_socket_keeps_linux_semantics)
{
    int sv[2];
    char buf[4];

    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    ck_assert_int_eq(kernel_flags(sv[0]) & O_NONBLOCK, 0);
    ck_assert_int_eq(shutdown(sv[0], SHUT_WR), 0);
    /* Linux says EPIPE; the engine would have said ESHUTDOWN. */
    ck_assert_int_eq(send(sv[0], "x", 1, MSG_NOSIGNAL), -1);
    ck_assert_int_eq(errno, EPIPE);
    ck_assert_int_eq(recv(sv[1], buf, sizeof(buf), 0), 0);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

START_TEST(test_closed_descriptor_is_ebadf)
{
    int a, b;
    char c;

    tcp_pair(&a, &b);
    close(a);
    ck_assert_int_eq(recv(a, &c, 1, 0), -1);
    ck_assert_int_eq(errno, EBADF);
    ck_assert_int_eq(close(a), -1);
    ck_assert_int_eq(errno, EBADF);
    close(b);
}
END_TEST

/* ---- blocking mode: the application's view ---------------------------- */

START_TEST(test_blocking_mode_is_the_applications)
{
    int a, b, on = 1, off = 0;
    char c;

    tcp_pair(&a, &b);
    /* The kernel socket is in the application's mode, so a library that
     * reads the descriptor itself sees what the application set. */
    ck_assert_int_eq(kernel_flags(a) & O_NONBLOCK, 0);
    ck_assert_int_eq(fcntl(a, F_GETFL) & O_NONBLOCK, 0);
    ck_assert_int_eq(fcntl(a, F_SETFL, fcntl(a, F_GETFL) | O_NONBLOCK), 0);
    ck_assert_int_ne(fcntl(a, F_GETFL) & O_NONBLOCK, 0);
    ck_assert_int_ne(kernel_flags(a) & O_NONBLOCK, 0);
    ck_assert_int_eq(recv(a, &c, 1, 0), -1);
    ck_assert_int_eq(errno, EAGAIN);
    ck_assert_int_eq(ioctl(a, FIONBIO, &off), 0);
    ck_assert_int_eq(fcntl(a, F_GETFL) & O_NONBLOCK, 0);
    ck_assert_int_eq(ioctl(a, FIONBIO, &on), 0);
    ck_assert_int_ne(fcntl(a, F_GETFL) & O_NONBLOCK, 0);
    /* MSG_DONTWAIT on a blocking socket is one call's mode. */
    ck_assert_int_eq(ioctl(a, FIONBIO, &off), 0);
    ck_assert_int_eq(recv(a, &c, 1, MSG_DONTWAIT), -1);
    ck_assert_int_eq(errno, EAGAIN);
    close(a);
    close(b);
}
END_TEST

START_TEST(test_accept4_flags_and_no_inheritance)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), c, s;

    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(l, (struct sockaddr *)&sa, sizeof(sa)), 0);
    ck_assert_int_eq(listen(l, 2), 0);
    getsockname(l, (struct sockaddr *)&sa, &len);
    ck_assert_int_ne(fcntl(l, F_GETFL) & O_NONBLOCK, 0);
    ck_assert_int_eq(accept(l, NULL, NULL), -1);
    ck_assert_int_eq(errno, EAGAIN);
    c = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_eq(connect(c, (struct sockaddr *)&sa, sizeof(sa)), 0);
    struct pollfd p = { l, POLLIN, 0 };
    ck_assert_int_eq(poll(&p, 1, 2000), 1);
    s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
    ck_assert_int_ge(s, 0);
    ck_assert_int_eq(fcntl(s, F_GETFL) & O_NONBLOCK, 0); /* not inherited */
    ck_assert_int_eq(fcntl(s, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    close(s);
    close(c);
    close(l);
}
END_TEST

/* ---- duplicates -------------------------------------------------------- */

START_TEST(test_dup_shares_the_connection)
{
    int a, b, d, before;

    tcp_pair(&a, &b);
    before = open_fds();
    d = dup(a);
    ck_assert_int_ge(d, 0);
    ck_assert_int_eq(fcntl(d, F_GETFL) & O_NONBLOCK, 0);
    close(a);
    ck_assert_int_eq(send(d, "hi", 2, 0), 2);
    ck_assert_int_eq(peer_recv(b), 2);
    close(d);
    ck_assert_int_eq(peer_recv(b), 0);
    ck_assert_int_eq(open_fds(), before - 1);
    close(b);
}
END_TEST

START_TEST(test_fcntl_dupfd_cloexec)
{
    int a, b, d;

    tcp_pair(&a, &b);
    d = fcntl(a, F_DUPFD_CLOEXEC, 100);
    ck_assert_int_ge(d, 100);
    ck_assert_int_eq(fcntl(d, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    close(a);
    ck_assert_int_eq(send(d, "x", 1, 0), 1);
    ck_assert_int_eq(peer_recv(b), 1);
    close(d);
    close(b);
}
END_TEST

START_TEST(test_dup2_over_a_blocked_socket)
{
    struct blocked r;
    int a, b, p[2];
    long long t0;

    tcp_pair(&a, &b);
    ck_assert_int_eq(pipe(p), 0);
    start_blocked(&r, a);
    t0 = now_ms();
    ck_assert_int_eq(dup2(p[1], a), a);
    ck_assert_int_eq(finish_blocked(&r), ECONNABORTED);
    ck_assert_int_lt(now_ms() - t0, 1000);
    ck_assert_int_eq(peer_recv(b), -ECONNRESET);
    /* The number now names the pipe. */
    ck_assert_int_eq(write(a, "z", 1), 1);
    {
        char c;
        ck_assert_int_eq(read(p[0], &c, 1), 1);
        ck_assert_int_eq(c, 'z');
    }
    close(a);
    close(p[0]);
    close(p[1]);
    close(b);
}
END_TEST

START_TEST(test_dup3_socket_onto_socket)
{
    int a, b, c, d;

    tcp_pair(&a, &b);
    tcp_pair(&c, &d);
    ck_assert_int_eq(dup3(a, c, O_CLOEXEC), c);
    ck_assert_int_eq(fcntl(c, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    ck_assert_int_eq(peer_recv(d), 0); /* c's old connection: FIN */
    ck_assert_int_eq(send(c, "abc", 3, 0), 3);
    ck_assert_int_eq(peer_recv(b), 3);
    ck_assert_int_eq(dup3(a, a, 0), -1);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(dup2(a, a), a);
    close(a);
    close(b);
    close(c);
    close(d);
}
END_TEST

/* ---- close and close_range --------------------------------------------- */

START_TEST(test_close_wakes_and_resets)
{
    struct blocked r;
    int a, b;

    tcp_pair(&a, &b);
    start_blocked(&r, a);
    ck_assert_int_eq(close(a), 0);
    ck_assert_int_eq(finish_blocked(&r), ECONNABORTED);
    ck_assert_int_eq(peer_recv(b), -ECONNRESET);
    close(b);
}
END_TEST

/* Move a descriptor to the first free number at or above min. */
static int move_up(int fd, int min)
{
    int n = fcntl(fd, F_DUPFD, min);

    ck_assert_int_ge(n, min);
    close(fd);
    return n;
}

/* close_range over two engine sockets (one with a receive blocked in it)
 * and a pipe; the peers, below the range, see RST and FIN. */
static void close_range_case(unsigned int first, unsigned int last)
{
    struct blocked r;
    int a, b, c, d, p[2], before = open_fds();

    tcp_pair(&a, &b);
    tcp_pair(&c, &d);
    ck_assert_int_eq(pipe(p), 0);
    a = move_up(a, (int)first);
    c = move_up(c, (int)first);
    p[0] = move_up(p[0], (int)first);
    p[1] = move_up(p[1], (int)first);
    start_blocked(&r, a);
    ck_assert_int_eq(close_range(first, last, 0), 0);
    ck_assert_int_eq(finish_blocked(&r), ECONNABORTED);
    ck_assert_int_eq(peer_recv(b), -ECONNRESET);
    ck_assert_int_eq(peer_recv(d), 0);
    ck_assert_int_eq(fcntl(a, F_GETFD), -1);
    ck_assert_int_eq(fcntl(c, F_GETFD), -1);
    ck_assert_int_eq(fcntl(p[0], F_GETFD), -1);
    ck_assert_int_eq(fcntl(p[1], F_GETFD), -1);
    close(b);
    close(d);
    ck_assert_int_eq(open_fds(), before);
}

START_TEST(test_close_range_closes_ours_and_the_rest)
{
    close_range_case(500, 600);
}
END_TEST

START_TEST(test_close_range_to_the_end)
{
    close_range_case(700, ~0U);
}
END_TEST

/* ---- fork and descriptor passing -------------------------------------- */

START_TEST(test_fork_child_close_keeps_parent_socket)
{
    int a, b, status;
    pid_t pid;

    tcp_pair(&a, &b);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char c;
        /* The child uses the socket, then closes its copy. */
        if (send(a, "c", 1, 0) != 1 || recv(a, &c, 1, 0) != 1 || c != 'p')
            _exit(1);
        _exit(close(a) == 0 ? 0 : 2);
    }
    ck_assert_int_eq(peer_recv(b), 1);
    ck_assert_int_eq(send(b, "p", 1, 0), 1);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_int_eq(send(a, "after", 5, 0), 5);
    ck_assert_int_eq(peer_recv(b), 5);
    close(a);
    close(b);
}
END_TEST

static void send_fd(int via, int fd)
{
    char cbuf[CMSG_SPACE(sizeof(int))], byte = 'f';
    struct iovec iov = { &byte, 1 };
    struct msghdr m;
    struct cmsghdr *c;

    memset(&m, 0, sizeof(m));
    memset(cbuf, 0, sizeof(cbuf)); /* the padding after the descriptor */
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof(cbuf);
    c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    ck_assert_int_eq(sendmsg(via, &m, 0), 1);
}

static int recv_fd(int via)
{
    char cbuf[CMSG_SPACE(sizeof(int))], byte;
    struct iovec iov = { &byte, 1 };
    struct msghdr m;
    int fd;

    memset(&m, 0, sizeof(m));
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof(cbuf);
    ck_assert_int_eq(recvmsg(via, &m, 0), 1);
    memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&m)), sizeof(int));
    return fd;
}

START_TEST(test_passed_socket_is_adopted)
{
    struct blocked r;
    int sv[2], a, b, got;

    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    tcp_pair(&a, &b);
    send_fd(sv[0], a);
    close(a); /* the number is free: the passed socket may land on it */
    got = recv_fd(sv[1]);
    ck_assert_int_eq(fcntl(got, F_GETFL) & O_NONBLOCK, 0);
    start_blocked(&r, got);
    ck_assert_int_eq(close(got), 0);
    ck_assert_int_eq(finish_blocked(&r), ECONNABORTED);
    ck_assert_int_eq(peer_recv(b), -ECONNRESET);
    close(b);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

/* ---- signals ------------------------------------------------------------ */

static _Atomic int usr1_count;

static void on_usr1(int sig)
{
    (void)sig;
    usr1_count++;
}

START_TEST(test_signal_interrupts_without_sa_restart)
{
    struct sigaction sa;
    struct blocked r;
    int a, b;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    tcp_pair(&a, &b);
    start_blocked(&r, a);
    pthread_kill(r.th, SIGUSR1);
    ck_assert_int_eq(finish_blocked(&r), EINTR);
    close(a);
    close(b);
}
END_TEST

/* The engine cannot tell which signal interrupted its wait; it restarts
 * the call when every installed handler has SA_RESTART.  Check's own
 * handlers in this process have not, so they go first. */
static void only_restarting_handlers(void)
{
    struct sigaction sa;
    int sig;

    for (sig = 1; sig < NSIG; sig++) {
        if (sigaction(sig, NULL, &sa) < 0 || sa.sa_handler == SIG_DFL ||
            sa.sa_handler == SIG_IGN || (sa.sa_flags & SA_RESTART))
            continue;
        signal(sig, SIG_DFL);
    }
}

START_TEST(test_signal_restarts_with_sa_restart)
{
    struct sigaction sa;
    struct blocked r;
    int a, b;
    long long deadline;

    /* ThreadSanitizer runs a handler only once the interrupted call has
     * returned, so "the handler ran while the receive slept" cannot be
     * seen under it. */
    if (getenv("WSC_SANITIZER") && !strcmp(getenv("WSC_SANITIZER"), "thread"))
        return;
    only_restarting_handlers();
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    tcp_pair(&a, &b);
    start_blocked(&r, a);
    pthread_kill(r.th, SIGUSR1);
    /* The handler ran, the receive is asleep again, and data ends it. */
    deadline = now_ms() + wait_ms();
    while (usr1_count == 0 || !thread_sleeping(r.tid))
        ck_assert_msg(now_ms() < deadline && !r.done, "not restarted");
    ck_assert_int_eq(r.done, 0);
    ck_assert_int_eq(send(b, "d", 1, 0), 1);
    deadline = now_ms() + wait_ms();
    while (!r.done)
        ck_assert_int_lt(now_ms(), deadline);
    pthread_join(r.th, NULL);
    ck_assert_int_eq(r.r, 1);
    close(a);
    close(b);
}
END_TEST

/* ---- poll, select, timeouts -------------------------------------------- */

struct poller {
    int fd, use_select, r, err, flag;
    _Atomic pid_t tid;
    _Atomic int done;
};

static void *poll_main(void *arg)
{
    struct poller *p = arg;

    p->tid = (pid_t)syscall(SYS_gettid);
    if (p->use_select) {
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(p->fd, &rd);
        p->r = select(p->fd + 1, &rd, NULL, NULL, NULL);
        p->flag = FD_ISSET(p->fd, &rd);
    } else {
        struct pollfd pf = { p->fd, POLLIN, 0 };
        p->r = poll(&pf, 1, -1);
        p->flag = pf.revents;
    }
    p->err = errno;
    p->done = 1;
    return NULL;
}

static void close_during_wait(int use_select, int want_flag)
{
    struct poller p;
    pthread_t th;
    long long deadline;
    int a, b;

    tcp_pair(&a, &b);
    memset(&p, 0, sizeof(p));
    p.fd = a;
    p.use_select = use_select;
    pthread_create(&th, NULL, poll_main, &p);
    deadline = now_ms() + wait_ms();
    while (!(p.tid && thread_sleeping(p.tid)))
        ck_assert_int_lt(now_ms(), deadline);
    close(a);
    deadline = now_ms() + wait_ms();
    while (!p.done)
        ck_assert_msg(now_ms() < deadline, "wait not woken by close");
    pthread_join(th, NULL);
    ck_assert_int_eq(p.r, 1);
    ck_assert_int_eq(p.flag, want_flag);
    ck_assert_int_eq(peer_recv(b), -ECONNRESET);
    close(b);
}

START_TEST(test_close_during_poll_is_pollnval)
{
    close_during_wait(0, POLLNVAL);
}
END_TEST

START_TEST(test_close_during_select_is_readable)
{
    close_during_wait(1, 1);
}
END_TEST

START_TEST(test_poll_mixed_with_pipe)
{
    int a, b, p[2];
    struct pollfd pf[2];

    tcp_pair(&a, &b);
    ck_assert_int_eq(pipe(p), 0);
    pf[0] = (struct pollfd){ p[0], POLLIN, 0 };
    pf[1] = (struct pollfd){ a, POLLIN, 0 };
    ck_assert_int_eq(poll(pf, 2, 0), 0);
    ck_assert_int_eq(write(p[1], "x", 1), 1);
    ck_assert_int_eq(send(b, "y", 1, 0), 1);
    ck_assert_int_eq(poll(pf, 2, 2000) >= 1, 1);
    ck_assert_int_eq(pf[0].revents, POLLIN);
    close(a);
    close(b);
    close(p[0]);
    close(p[1]);
}
END_TEST

START_TEST(test_rcvtimeo_ends_with_etimedout)
{
    struct timeval tv = { 0, 150000 };
    int a, b;
    char c;
    long long t0;

    tcp_pair(&a, &b);
    ck_assert_int_eq(setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0);
    t0 = now_ms();
    ck_assert_int_eq(recv(a, &c, 1, 0), -1);
    ck_assert_int_eq(errno, ETIMEDOUT);
    ck_assert_int_ge(now_ms() - t0, 140);
    memset(&tv, 0, sizeof(tv));
    socklen_t len = sizeof(tv);
    ck_assert_int_eq(getsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, &len), 0);
    /* The kernel keeps it in jiffies: 150 ms, rounded up to a tick. */
    ck_assert_int_eq(tv.tv_sec, 0);
    ck_assert_int_ge(tv.tv_usec, 150000);
    ck_assert_int_lt(tv.tv_usec, 160000);
    close(a);
    close(b);
}
END_TEST

START_TEST(test_no_sigpipe_after_reset)
{
    struct linger lg = { 1, 0 };
    int a, b, i, r = 0;

    tcp_pair(&a, &b);
    setsockopt(b, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
    close(b);
    /* The RST may take a moment: until then the sends succeed. */
    for (i = 0; i < 1000 && (r = (int)send(a, "x", 1, 0)) == 1; i++)
        ;
    ck_assert_int_eq(r, -1);
    ck_assert_int_eq(errno, ECONNRESET);
    ck_assert_int_eq(send(a, "x", 1, 0), -1);
    ck_assert_int_eq(errno, ECONNRESET); /* sticky, as on Windows */
    close(a);
}
END_TEST

/* A UDP socket bound to 127.0.0.1 and its address. */
static int udp_bound(struct sockaddr_in *a)
{
    socklen_t len = sizeof(*a);
    int u = socket(AF_INET, SOCK_DGRAM, 0);

    ck_assert_int_ge(u, 0);
    memset(a, 0, sizeof(*a));
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(u, (struct sockaddr *)a, sizeof(*a)), 0);
    ck_assert_int_eq(getsockname(u, (struct sockaddr *)a, &len), 0);
    return u;
}

/* recvfrom and sendto with addresses keep Linux's results: a datagram
 * cut short returns the part copied, the sender's address and length
 * written; a datagram of no bytes returns 0; a bad address pointer
 * EFAULT. */
START_TEST(test_udp_with_addresses_keeps_linux_results)
{
    struct sockaddr_in a, b, from;
    socklen_t len;
    char buf[16];
    int u = udp_bound(&a), v = udp_bound(&b), i;

    for (i = 0; i < 2; i++) /* the first send is the general path's */
        ck_assert_int_eq(sendto(u, "0123456789", 10, 0,
                                (struct sockaddr *)&b, sizeof(b)), 10);
    ck_assert_int_eq(sendto(u, "", 0, 0, (struct sockaddr *)&b, sizeof(b)),
                     0);
    ck_assert_int_eq(sendto(u, "x", 1, 0, (struct sockaddr *)16, sizeof(b)),
                     -1);
    ck_assert_int_eq(errno, EFAULT);
    for (i = 0; i < 2; i++) {
        memset(&from, 0, sizeof(from));
        len = sizeof(from);
        ck_assert_int_eq(recvfrom(v, buf, 4, 0, (struct sockaddr *)&from,
                                  &len), 4);
        ck_assert_int_eq(memcmp(buf, "0123", 4), 0);
        ck_assert_uint_eq(len, sizeof(from));
        ck_assert_uint_eq(from.sin_port, a.sin_port);
    }
    len = sizeof(from);
    ck_assert_int_eq(recvfrom(v, buf, sizeof(buf), 0,
                              (struct sockaddr *)&from, &len), 0);
    ck_assert_uint_eq(from.sin_port, a.sin_port);
    close(u);
    close(v);
}
END_TEST

/* recv, read and recvfrom without an address on a connected UDP socket
 * keep Linux's results too: the part copied of a datagram cut short, 0
 * for an empty one, EAGAIN when non-blocking and nothing waits, EFAULT
 * for a bad buffer, and a buffer too short does not keep the rest for
 * the next call; after a port unreachable, ECONNRESET (Windows'
 * WSAECONNRESET, where Linux says ECONNREFUSED). */
START_TEST(test_udp_connected_receive_keeps_linux_results)
{
    struct sockaddr_in a, b;
    struct pollfd p;
    char buf[16];
    int u = udp_bound(&a), v = udp_bound(&b), w, i;

    ck_assert_int_eq(connect(u, (struct sockaddr *)&b, sizeof(b)), 0);
    ck_assert_int_eq(connect(v, (struct sockaddr *)&a, sizeof(a)), 0);
    for (i = 0; i < 3; i++)
        ck_assert_int_eq(send(v, "0123456789", 10, 0), 10);
    ck_assert_int_eq(send(v, "", 0, 0), 0);
    ck_assert_int_eq(send(v, "ab", 2, 0), 2);
    memset(buf, 0, sizeof(buf));
    ck_assert_int_eq(recv(u, buf, 4, 0), 4);
    ck_assert_int_eq(memcmp(buf, "0123\0", 5), 0);
    ck_assert_int_eq(read(u, buf, 6), 6);
    ck_assert_int_eq(memcmp(buf, "012345", 6), 0);
    ck_assert_int_eq(recvfrom(u, buf, sizeof(buf), 0, NULL, NULL), 10);
    ck_assert_int_eq(memcmp(buf, "0123456789", 10), 0);
    ck_assert_int_eq(recv(u, buf, sizeof(buf), 0), 0);
    ck_assert_int_eq(recv(u, (void *)16, sizeof(buf), 0), -1);
    ck_assert_int_eq(errno, EFAULT);
    /* (Linux drops the datagram the bad buffer could not take.) */
    ck_assert_int_eq(recv(u, buf, sizeof(buf), MSG_DONTWAIT), -1);
    ck_assert_int_eq(errno, EAGAIN);
    ck_assert_int_eq(fcntl(u, F_SETFL, O_NONBLOCK), 0);
    ck_assert_int_eq(recv(u, buf, sizeof(buf), 0), -1);
    ck_assert_int_eq(errno, EAGAIN);
    /* A port nobody has: the ICMP error comes back to the next call. */
    w = udp_bound(&b);
    close(w);
    ck_assert_int_eq(connect(v, (struct sockaddr *)&b, sizeof(b)), 0);
    ck_assert_int_eq(send(v, "x", 1, 0), 1);
    p.fd = v;
    p.events = POLLIN;
    ck_assert_int_eq(poll(&p, 1, (int)wait_ms()), 1);
    ck_assert_int_eq(recv(v, buf, sizeof(buf), 0), -1);
    ck_assert_int_eq(errno, ECONNRESET);
    close(u);
    close(v);
}
END_TEST

/* A stream send from memory the process may not touch fails as Linux's
 * does, on the first send (the general path) and after it (the direct
 * one), whatever the length: one of SIZE_MAX, whose low bits equal the
 * kernel's -1, is no success either. */
START_TEST(test_stream_send_keeps_linux_results)
{
    const size_t lens[] = { 1, 4096, (size_t)SSIZE_MAX, SIZE_MAX };
    char buf[8];
    size_t i;
    int a, b, round;

    tcp_pair(&a, &b);
    for (round = 0; round < 2; round++) {
        for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
            errno = 0;
            ck_assert_int_eq(send(a, (void *)16, lens[i], 0), -1);
            ck_assert_int_eq(errno, EFAULT);
        }
        ck_assert_int_eq(send(a, "abc", 3, 0), 3);
    }
    ck_assert_int_eq(recv(b, buf, 6, MSG_WAITALL), 6);
    ck_assert_int_eq(memcmp(buf, "abcabc", 6), 0);
    close(a);
    close(b);
}
END_TEST

/* A number gets a new socket while its old socket lives on in a dup:
 * two sockets, each with its own state (the old one's shutdown is not the
 * new one's), and once the dup is closed too the number's next socket
 * works as the first did. */
START_TEST(test_number_reused_while_its_dup_lives)
{
    int a, b, d, n, p, q, round, k, fill[16], fds = open_fds();
    char buf[4];

    tcp_pair(&a, &b);
    d = dup(a);
    ck_assert_int_ge(d, 0);
    ck_assert_int_eq(close(a), 0);
    ck_assert_int_eq(shutdown(d, SHUT_WR), 0);
    for (round = 0; round < 2; round++) {
        /* Every lower number taken, so that tcp_pair's listener gets a's. */
        for (k = 0; k < 16 && (fill[k] = socket(AF_INET, SOCK_STREAM, 0)) < a;
             k++)
            ;
        ck_assert_int_lt(k, 16);
        ck_assert_int_eq(fill[k], a);
        close(fill[k]);
        tcp_pair(&p, &q);
        while (k-- > 0)
            close(fill[k]);
        ck_assert_int_eq(send(p, "new", 3, 0), 3);
        ck_assert_int_eq(recv(q, buf, 3, MSG_WAITALL), 3);
        ck_assert_int_eq(memcmp(buf, "new", 3), 0);
        close(p);
        close(q);
        if (round == 0) {
            /* The old socket still is: shut for sending, its peer at EOF;
             * then it goes too. */
            ck_assert_int_eq(send(d, "x", 1, 0), -1);
            ck_assert_int_eq(errno, ESHUTDOWN); /* WSAESHUTDOWN's name */
            ck_assert_int_eq(recv(b, buf, 1, 0), 0);
            ck_assert_int_eq(close(d), 0);
            ck_assert_int_eq(close(b), 0);
        }
    }
    n = open_fds();
    ck_assert_int_eq(n, fds);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("interpose");
    TCase *tc = tcase_create("all");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, test_pipe_and_file_pass_through);
    tcase_add_test(tc, test_unix_socket_keeps_linux_semantics);
    tcase_add_test(tc, test_closed_descriptor_is_ebadf);
    tcase_add_test(tc, test_blocking_mode_is_the_applications);
    tcase_add_test(tc, test_accept4_flags_and_no_inheritance);
    tcase_add_test(tc, test_dup_shares_the_connection);
    tcase_add_test(tc, test_fcntl_dupfd_cloexec);
    tcase_add_test(tc, test_dup2_over_a_blocked_socket);
    tcase_add_test(tc, test_dup3_socket_onto_socket);
    tcase_add_test(tc, test_close_wakes_and_resets);
    tcase_add_test(tc, test_close_range_closes_ours_and_the_rest);
    tcase_add_test(tc, test_close_range_to_the_end);
    tcase_add_test(tc, test_fork_child_close_keeps_parent_socket);
    tcase_add_test(tc, test_passed_socket_is_adopted);
    tcase_add_test(tc, test_signal_interrupts_without_sa_restart);
    tcase_add_test(tc, test_signal_restarts_with_sa_restart);
    tcase_add_test(tc, test_close_during_poll_is_pollnval);
    tcase_add_test(tc, test_close_during_select_is_readable);
    tcase_add_test(tc, test_poll_mixed_with_pipe);
    tcase_add_test(tc, test_rcvtimeo_ends_with_etimedout);
    tcase_add_test(tc, test_no_sigpipe_after_reset);
    tcase_add_test(tc, test_udp_with_addresses_keeps_linux_results);
    tcase_add_test(tc, test_udp_connected_receive_keeps_linux_results);
    tcase_add_test(tc, test_stream_send_keeps_linux_results);
    tcase_add_test(tc, test_number_reused_while_its_dup_lives);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
