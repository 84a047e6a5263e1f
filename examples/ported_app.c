/* A program ported from Windows to POSIX names, as such ports look:
 * closesocket became close, WSAGetLastError() became errno.  It prints
 * what it observes, one "key=value" line each.  The demo and
 * unit_tests/ported_app.sh run it plain, under wscompat-run and linked
 * with wscompat-wrap.  Built with -D_FORTIFY_SOURCE=2 -O2, so its recv and
 * read are glibc's checking __recv_chk and __read_chk. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "../unit_tests/proc_self.h"

static const char *err_name(int err)
{
    switch (err) {
    case ECONNABORTED: return "ECONNABORTED";
    case ECONNRESET: return "ECONNRESET";
    case ESHUTDOWN: return "ESHUTDOWN";
    case EPIPE: return "EPIPE";
    case EBADF: return "EBADF";
    default: return strerror(err);
    }
}

/* Print a call's result; errno is read here, after the call returned. */
static void show(const char *key, long r)
{
    if (r < 0)
        printf("%s=%s\n", key, err_name(errno));
    else
        printf("%s=%ld\n", key, r);
    fflush(stdout);
}

/* Lengths the compiler cannot see, so that _FORTIFY_SOURCE makes recv
 * and read the checking __recv_chk and __read_chk. */
static volatile size_t runtime_len = 64;

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void die(const char *what)
{
    perror(what);
    exit(2);
}

/* A connected loopback pair: *a the client, *b the accepted side. */
static void tcp_pair(int *a, int *b)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int l = socket(AF_INET, SOCK_STREAM, 0);

    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l < 0 || bind(l, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(l, 1) < 0 || getsockname(l, (struct sockaddr *)&sa, &len) < 0)
        die("listener");
    *a = socket(AF_INET, SOCK_STREAM, 0);
    if (*a < 0 || connect(*a, (struct sockaddr *)&sa, sizeof(sa)) < 0)
        die("connect");
    *b = accept(l, NULL, NULL);
    if (*b < 0)
        die("accept");
    close(l);
}

/* What the peer's next recv says, waiting at most 2 s. */
static void peer_recv(const char *key, int fd)
{
    struct pollfd p = { fd, POLLIN, 0 };
    char buf[64];

    if (poll(&p, 1, 2000) == 0) {
        printf("%s=nothing\n", key);
        return;
    }
    show(key, recv(fd, buf, runtime_len, 0));
}

struct blocked {
    int fd;
    long r;
    int err;
    pid_t tid;
    volatile int done;
};

static void *recv_thread(void *arg)
{
    struct blocked *b = arg;
    char buf[64];

    __atomic_store_n(&b->tid, (pid_t)syscall(SYS_gettid), __ATOMIC_RELEASE);
    b->r = recv(b->fd, buf, runtime_len, 0);
    b->err = errno;
    __atomic_store_n(&b->done, 1, __ATOMIC_RELEASE);
    return NULL;
}


static void close_during_recv(void)
{
    /* Static: on plain Linux the thread outlives this function (it is
     * left blocked, and returns when the peer closes). */
    static struct blocked b;
    pthread_t th;
    long long t0, deadline;
    int peer;

    tcp_pair(&b.fd, &peer);
    pthread_create(&th, NULL, recv_thread, &b);
    deadline = now_ms() + 2000;
    while (!(__atomic_load_n(&b.tid, __ATOMIC_ACQUIRE) && proc_thread_state(b.tid) == 'S'))
        if (now_ms() > deadline)
            die("recv thread never blocked");
    t0 = now_ms();
    close(b.fd);
    while (!__atomic_load_n(&b.done, __ATOMIC_ACQUIRE) && now_ms() - t0 < 1000)
        sched_yield();
    if (__atomic_load_n(&b.done, __ATOMIC_ACQUIRE)) {
        errno = b.err;
        show("close_during_recv", b.r);
        printf("woken_within_100ms=%s\n", now_ms() - t0 < 100 ? "yes" : "no");
        pthread_join(th, NULL);
    } else {
        printf("close_during_recv=still-blocked\n");
        pthread_detach(th);
    }
    peer_recv("peer_after_close", peer);
    close(peer);
}

static void shutdown_rd_then_data(void)
{
    char buf[64];
    int a, peer;

    tcp_pair(&a, &peer);
    show("shutdown_rd", shutdown(a, SHUT_RD));
    show("peer_send", send(peer, "data", 4, 0));
    peer_recv("peer_after_shutdown_rd", peer);
    show("read_after_shutdown_rd", read(a, buf, runtime_len));
    close(a);
    close(peer);
}

static void send_after_shutdown_wr(void)
{
    int a, peer;

    tcp_pair(&a, &peer);
    show("shutdown_wr", shutdown(a, SHUT_WR));
    show("send_after_shutdown_wr", send(a, "x", 1, 0));
    close(a);
    close(peer);
}

int main(void)
{
    close_during_recv();
    shutdown_rd_then_data();
    send_after_shutdown_wr();
    printf("end=reached\n");
    return 0;
}
