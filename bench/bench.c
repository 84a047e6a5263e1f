/* The benchmark: one Winsock program, built four ways and run side by
 * side by bench/run.sh: with wscompat's headers (the source API), with a
 * port's POSIX names (compat_tests/port/winsock2.h: plain Linux is the
 * floor; the same binary under wscompat-run; and linked with --wrap), and
 * with mingw-w64 for Wine.  Each test prints "name value unit".
 *
 * Usage: bench [quick] [TEST...]  (quick: fewer iterations, for CI;
 * TEST: memory pingpong bulk churn udp readiness closewake, default all) */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_os.h"
#ifdef BENCH_PORT
#include <sys/epoll.h>
#endif

static int quick;

static void die(const char *what)
{
    fprintf(stderr, "bench: %s failed (%d)\n", what, WSAGetLastError());
    exit(1);
}

/* Every loop stops at its count or once it has run this long (and
 * at least 5 rounds), so a slow column (Wine) cannot stretch the run. */
static double budget_ns(void)
{
    return quick ? 5e8 : 2e9;
}

static int over_budget(int done, double t0)
{
    return done >= 5 && now_ns() - t0 > budget_ns();
}

/* The six readiness measurements get half as long each. */
static int over_half_budget(int done, double t0)
{
    return done >= 5 && now_ns() - t0 > budget_ns() / 2;
}

static unsigned short port_of(SOCKET s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    if (getsockname(s, (struct sockaddr *)&a, &len) != 0)
        die("getsockname");
    return ntohs(a.sin_port);
}

static SOCKET listener(unsigned short *port)
{
    struct sockaddr_in a = loopback(0);
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    if (l == INVALID_SOCKET || bind(l, (struct sockaddr *)&a, sizeof(a)) ||
        listen(l, 128))
        die("listener");
    *port = port_of(l);
    return l;
}

static void tcp_pair(SOCKET *c, SOCKET *s)
{
    unsigned short port;
    SOCKET l = listener(&port);
    struct sockaddr_in a = loopback(port);
    int one = 1;

    *c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (connect(*c, (struct sockaddr *)&a, sizeof(a)))
        die("connect");
    *s = accept(l, NULL, NULL);
    if (*s == INVALID_SOCKET)
        die("accept");
    setsockopt(*c, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof(one));
    setsockopt(*s, IPPROTO_TCP, TCP_NODELAY, (char *)&one, sizeof(one));
    closesocket(l);
}

static int recv_all(SOCKET s, char *buf, int len)
{
    int got = 0, n;

    while (got < len) {
        n = recv(s, buf + got, len - got, 0);
        if (n <= 0)
            return -1;
        got += n;
    }
    return got;
}

/* ---- ping-pong ---------------------------------------------------------- */

struct echo {
    SOCKET s;
    int n, len;
};

static void echo_main(void *arg)
{
    struct echo *e = arg;
    char buf[64];
    int i;

    for (i = 0; i < e->n; i++)
        if (recv_all(e->s, buf, e->len) < 0 || send(e->s, buf, e->len, 0) != e->len)
            break;
}

static void pingpong(void)
{
    struct echo e;
    SOCKET c, s;
    bench_thread th;
    char buf[64];
    double t0, t1;
    int i, n = quick ? 20000 : 200000;

    memset(buf, 'p', sizeof(buf));
    tcp_pair(&c, &s);
    e.s = s;
    e.n = n;
    e.len = 64;
    th = thread_start(echo_main, &e);
    t0 = now_ns();
    for (i = 0; i < n && !over_budget(i, t0); i++)
        if (send(c, buf, 64, 0) != 64 || recv_all(c, buf, 64) < 0)
            die("ping-pong");
    t1 = now_ns();
    n = i;
    shutdown(c, SD_SEND); /* ends the echo thread if it expects more */
    thread_join(th);
    printf("tcp_pingpong_64B %.0f ns/round-trip\n", (t1 - t0) / n);
    closesocket(c);
    closesocket(s);
}

/* ---- bulk stream ------------------------------------------------------- */

struct drain {
    SOCKET s;
    long long total;
};

static void drain_main(void *arg)
{
    struct drain *d = arg;
    static char buf[65536];
    int n;

    while ((n = recv(d->s, buf, sizeof(buf), 0)) > 0)
        d->total += n;
}

static void bulk(void)
{
    static char buf[65536];
    struct drain d = { 0, 0 };
    SOCKET c, s;
    bench_thread th;
    double t0, t1;
    long long i, writes = (quick ? 64 : 512) * 16;
    double mib;

    tcp_pair(&c, &s);
    d.s = s;
    th = thread_start(drain_main, &d);
    t0 = now_ns();
    for (i = 0; i < writes && !over_budget((int)i, t0); i++)
        if (send(c, buf, sizeof(buf), 0) != (int)sizeof(buf))
            die("bulk send");
    writes = i;
    mib = writes / 16.0;
    shutdown(c, SD_SEND);
    thread_join(th);
    t1 = now_ns();
    if (d.total != writes * 65536)
        die("bulk: bytes lost");
    printf("tcp_bulk_64KiB %.0f MiB/s\n", mib / ((t1 - t0) / 1e9));
    closesocket(c);
    closesocket(s);
}

/* ---- connect/accept/close churn ---------------------------------------- */

static void churn(void)
{
    unsigned short port;
    SOCKET l = listener(&port), c, s;
    struct sockaddr_in a = loopback(port);
    double t0, t1;
    int i, n = quick ? 1000 : 10000;

    t0 = now_ns();
    for (i = 0; i < n && !over_budget(i, t0); i++) {
        c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (connect(c, (struct sockaddr *)&a, sizeof(a)))
            die("churn connect");
        s = accept(l, NULL, NULL);
        if (s == INVALID_SOCKET)
            die("churn accept");
        closesocket(c);
        closesocket(s);
    }
    t1 = now_ns();
    printf("tcp_churn %.0f ns/connection\n", (t1 - t0) / i);
    closesocket(l);
}

/* ---- UDP request/response ---------------------------------------------- */

static SOCKET udp_bound(void)
{
    struct sockaddr_in a = loopback(0);
    SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);

    if (u == INVALID_SOCKET || bind(u, (struct sockaddr *)&a, sizeof(a)))
        die("udp socket");
    return u;
}

static void udp_echo_main(void *arg)
{
    struct echo *e = arg;
    struct sockaddr_in from;
    char buf[64];
    int i, len;

    for (i = 0; i < e->n; i++) {
        len = sizeof(from);
        if (recvfrom(e->s, buf, sizeof(buf), 0, (struct sockaddr *)&from,
                     &len) != 64 ||
            sendto(e->s, buf, 64, 0, (struct sockaddr *)&from, len) != 64)
            break;
    }
}

static void udp(void)
{
    SOCKET c = udp_bound(), s = udp_bound();
    struct sockaddr_in a = loopback(port_of(s));
    struct echo e;
    bench_thread th;
    char buf[64];
    double t0, t1;
    int i, n = quick ? 20000 : 200000;

    memset(buf, 'u', sizeof(buf));
    if (connect(c, (struct sockaddr *)&a, sizeof(a)))
        die("udp connect");
    e.s = s;
    e.n = n;
    th = thread_start(udp_echo_main, &e);
    t0 = now_ns();
    for (i = 0; i < n && !over_budget(i, t0); i++)
        if (send(c, buf, 64, 0) != 64 || recv(c, buf, 64, 0) != 64)
            die("udp round trip");
    t1 = now_ns();
    n = i;
    send(c, "!", 1, 0); /* a short datagram ends the echo thread */
    thread_join(th);
    printf("udp_request_response_64B %.0f ns/round-trip\n", (t1 - t0) / n);
    closesocket(c);
    closesocket(s);
}

/* ---- readiness over many sockets, one active --------------------------- */

/* n bound UDP sockets; the last has a datagram waiting for good. */
static SOCKET *many_sockets(int n)
{
    SOCKET *v = malloc(sizeof(SOCKET) * (size_t)n), tx;
    struct sockaddr_in a;
    int i;

    for (i = 0; i < n; i++)
        v[i] = udp_bound();
    tx = udp_bound();
    a = loopback(port_of(v[n - 1]));
    sendto(tx, "x", 1, 0, (struct sockaddr *)&a, sizeof(a));
    closesocket(tx);
    return v;
}

static void free_sockets(SOCKET *v, int n)
{
    int i;

    for (i = 0; i < n; i++)
        closesocket(v[i]);
    free(v);
}

static int iterations_for(int n)
{
    int it = (quick ? 2000000 : 20000000) / n;

    return it < 20 ? 20 : it > 100000 ? 100000 : it;
}



/* WSAPoll over n sockets; zero_first: what the engine does, done by hand
 * (BENCH_PORT's raw column): a poll with a zero timeout first, which the
 * kernel serves without putting the caller on every socket's wait queue,
 * and the waiting poll only if nothing is ready.  The honest floor for
 * wscompat's select and WSAPoll. */
static void poll_many(int n, int zero_first)
{
    SOCKET *v = many_sockets(n);
    WSAPOLLFD *p = calloc((size_t)n, sizeof(*p));
    double t0, t1;
    int i, it = iterations_for(n);

    for (i = 0; i < n; i++) {
        p[i].fd = v[i];
        p[i].events = POLLRDNORM;
    }
    t0 = now_ns();
    for (i = 0; i < it && !over_half_budget(i, t0); i++)
        if ((!zero_first || WSAPoll(p, n, 0) != 1) && WSAPoll(p, n, 1000) != 1)
            die("WSAPoll");
    it = i;
    t1 = now_ns();
    printf("%s_%d %.0f ns/call\n", zero_first ? "poll0" : "wsapoll", n,
           (t1 - t0) / it);
    free(p);
    free_sockets(v, n);
}

/* ---- memory: resident size of 10 000 open sockets ----------------------- */

static void memory(void)
{
    long before = rss_kib(), after;
    SOCKET *v = many_sockets(10000);

    after = rss_kib();
    if (before && after)
        printf("rss_10000_sockets %ld KiB\n", after - before);
    free_sockets(v, 10000);
}

#ifndef BENCH_PORT
/* Windows select: an fd_set of any size is a count and an array. */
static void select_many(int n)
{
    SOCKET *v = many_sockets(n);
    size_t size = sizeof(fd_set) + sizeof(SOCKET) * (size_t)n;
    fd_set *set = malloc(size), *work = malloc(size);
    struct timeval tv = { 1, 0 };
    double t0, t1;
    int i, it = iterations_for(n);

    set->fd_count = 0;
    for (i = 0; i < n; i++)
        set->fd_array[set->fd_count++] = v[i];
    t0 = now_ns();
    for (i = 0; i < it && !over_half_budget(i, t0); i++) {
        memcpy(work, set, size);
        if (select(0, work, NULL, NULL, &tv) != 1)
            die("select");
    }
    it = i;
    t1 = now_ns();
    printf("select_%d %.0f ns/call\n", n, (t1 - t0) / it);
    free(set);
    free(work);
    free_sockets(v, n);
}
#else
/* The POSIX floor for the same job: epoll, registered once. */
static void epoll_many(int n)
{
    SOCKET *v = many_sockets(n);
    struct epoll_event ev, out[8];
    double t0, t1;
    int i, ep = epoll_create1(0), it = iterations_for(n) * 10;

    for (i = 0; i < n; i++) {
        ev.events = EPOLLIN;
        ev.data.fd = v[i];
        epoll_ctl(ep, EPOLL_CTL_ADD, v[i], &ev);
    }
    t0 = now_ns();
    for (i = 0; i < it && !over_half_budget(i, t0); i++)
        if (epoll_wait(ep, out, 8, 1000) != 1)
            die("epoll_wait");
    it = i;
    t1 = now_ns();
    printf("epoll_%d %.0f ns/call\n", n, (t1 - t0) / it);
    close(ep);
    free_sockets(v, n);
}
#endif

/* ---- closesocket waking a blocked recv --------------------------------- */

struct waker {
    SOCKET s;
    volatile long tid;
    double returned;
};

static void blocked_recv_main(void *arg)
{
    struct waker *w = arg;
    char c;

    w->tid = my_tid();
    recv(w->s, &c, 1, 0);
    w->returned = now_ns();
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Close from another thread (or, on plain POSIX, which close does not
 * wake, shutdown: the floor) and time the blocked recv's return. */
static void close_wake(void)
{
    int i, n = quick ? 200 : 3000;
    double *lat = malloc(sizeof(double) * (size_t)n), t0, start = now_ns();
    struct waker w;
    bench_thread th;
    SOCKET c, s;

    for (i = 0; i < n && !over_budget(i, start); i++) {
        tcp_pair(&c, &s);
        memset(&w, 0, sizeof(w));
        w.s = c;
        th = thread_start(blocked_recv_main, &w);
        wait_blocked(&w.tid);
        t0 = now_ns();
#ifdef BENCH_SHUTDOWN_WAKES
        shutdown(c, SD_BOTH);
#else
        closesocket(c);
#endif
        thread_join(th);
        lat[i] = w.returned - t0;
#ifdef BENCH_SHUTDOWN_WAKES
        closesocket(c);
#endif
        closesocket(s);
    }
    n = i;
    qsort(lat, (size_t)n, sizeof(double), by_value);
    printf("close_wake_median %.0f ns\n", lat[n / 2]);
    printf("close_wake_p99 %.0f ns\n", lat[n * 99 / 100]);
    printf("close_wake_max %.0f ns\n", lat[n - 1]);
    free(lat);
}

static void readiness(void)
{
    static const int counts[] = { 10, 1000, 10000 };
    size_t i;

    for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        poll_many(counts[i], 0);
#ifndef BENCH_PORT
        select_many(counts[i]);
#else
        epoll_many(counts[i]);
        poll_many(counts[i], 1);
#endif
    }
}

static const struct {
    const char *name;
    void (*fn)(void);
} tests[] = {
    /* memory first: the table's chunks, once allocated, stay. */
    { "memory", memory },
    { "pingpong", pingpong }, { "bulk", bulk }, { "churn", churn },
    { "udp", udp }, { "readiness", readiness }, { "closewake", close_wake },
};

/* 1 when the test was asked for, or no test was named. */
static int wanted(const char *name, int argc, char **argv, int first)
{
    int i;

    if (first >= argc)
        return 1;
    for (i = first; i < argc; i++)
        if (!strcmp(argv[i], name))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    WSADATA d;
    size_t i;
    int first = 1;

    quick = argc > 1 && !strcmp(argv[1], "quick");
    first += quick;
    raise_fd_limit();
    if (WSAStartup(MAKEWORD(2, 2), &d))
        die("WSAStartup");
    for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        if (wanted(tests[i].name, argc, argv, first))
            tests[i].fn();
    WSACleanup();
    return 0;
}
