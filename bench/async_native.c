/* The asynchronous benchmark's Linux side: an epoll echo server (worker
 * threads with an epoll set each), a poll echo server (one thread), and
 * the client that drives every server alike, all in plain POSIX.  main
 * runs rounds of each pair (the IOCP server against epoll, the
 * WSAEventSelect server against poll), in alternating order, and prints
 * each pair's median ratio over the rounds with its range.
 *   async_bench [quick]
 *   async_bench only iocp|evsel|epoll|poll THREADS CONNS SECONDS
 * The second form runs one server alone and prints its messages per
 * second (for strace, perf and the like). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "async_bench.h"

enum { NATIVE_EPOLL = 10, NATIVE_POLL };
#define MAXCONN 64

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- the native servers ---------------------------------------------------- */
static int n_listener;
static volatile int n_stop;
static pthread_t n_threads[8];
static int n_nthreads, n_eps[8];

static int listen_any(unsigned short *port)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) ||
        listen(s, SOMAXCONN) || getsockname(s, (struct sockaddr *)&a, &len))
        return -1;
    *port = ntohs(a.sin_port);
    return s;
}

/* One echo: 1 while the connection lasts. */
static int echo(int fd)
{
    char buf[4096];
    ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);

    if (n > 0)
        return send(fd, buf, (size_t)n, MSG_NOSIGNAL) == n;
    return n < 0 && errno == EAGAIN;
}

static void *epoll_worker(void *arg)
{
    int ep = *(int *)arg, i, n, next = 0;
    struct epoll_event evs[64], ev;

    while (!n_stop) {
        n = epoll_wait(ep, evs, 64, 100);
        for (i = 0; i < n; i++) {
            int fd = evs[i].data.fd;

            if (fd == n_listener) {
                int c;

                while ((c = accept4(n_listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    /* The connections go round the workers. */
                    ev.events = EPOLLIN;
                    ev.data.fd = c;
                    epoll_ctl(n_eps[next++ % n_nthreads], EPOLL_CTL_ADD, c, &ev);
                }
            } else if (!echo(fd)) {
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                close(fd);
            }
        }
    }
    return NULL;
}

static void *poll_worker(void *arg)
{
    struct pollfd p[MAXCONN + 1];
    int n = 1, i, c;

    (void)arg;
    p[0].fd = n_listener;
    p[0].events = POLLIN;
    while (!n_stop) {
        if (poll(p, (nfds_t)n, 100) <= 0)
            continue;
        /* In the order the WSAEventSelect server goes, lowest first: a
         * client waits for its first connection's echo first, so the
         * order decides how often it wakes before the rest are in. */
        for (i = 1; i < n; i++) {
            if (p[i].revents && !echo(p[i].fd)) {
                close(p[i].fd);
                p[i--] = p[--n]; /* (the moved one is looked at next) */
            }
        }
        if ((p[0].revents & POLLIN) && n <= MAXCONN &&
            (c = accept4(n_listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
            p[n].fd = c;
            p[n].events = POLLIN;
            p[n++].revents = 0;
        }
    }
    for (i = 1; i < n; i++)
        close(p[i].fd);
    return NULL;
}

static int native_start(int kind, int threads, unsigned short *port)
{
    struct epoll_event ev;
    int i;

    n_stop = 0;
    if ((n_listener = listen_any(port)) < 0)
        return -1;
    n_nthreads = kind == NATIVE_POLL ? 1 : threads;
    for (i = 0; i < n_nthreads; i++) {
        if (kind == NATIVE_EPOLL) {
            n_eps[i] = epoll_create1(0);
            if (i == 0) {
                ev.events = EPOLLIN;
                ev.data.fd = n_listener;
                epoll_ctl(n_eps[0], EPOLL_CTL_ADD, n_listener, &ev);
            }
        }
    }
    for (i = 0; i < n_nthreads; i++)
        pthread_create(&n_threads[i], NULL,
                       kind == NATIVE_POLL ? poll_worker : epoll_worker,
                       &n_eps[i]);
    return 0;
}

static void native_stop(int kind)
{
    int i;

    n_stop = 1;
    for (i = 0; i < n_nthreads; i++) {
        pthread_join(n_threads[i], NULL);
        if (kind == NATIVE_EPOLL)
            close(n_eps[i]);
    }
    close(n_listener);
}

/* ---- the client: ping-pong of 64-byte messages ------------------------------ */
struct client {
    unsigned short port;
    int conns;
    double seconds;
    long long msgs;
    int failed;
};

static void *client_main(void *arg)
{
    struct client *c = arg;
    struct sockaddr_in a;
    int s[16], i;
    char buf[64] = { 0 };
    double end;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(c->port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (i = 0; i < c->conns; i++) {
        s[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(s[i], (struct sockaddr *)&a, sizeof(a))) {
            c->failed = 1;
            return NULL;
        }
    }
    end = now_s() + c->seconds;
    while (now_s() < end) {
        for (i = 0; i < c->conns; i++)
            send(s[i], buf, sizeof(buf), MSG_NOSIGNAL);
        for (i = 0; i < c->conns; i++) {
            size_t k = 0;

            while (k < sizeof(buf)) {
                ssize_t n = recv(s[i], buf + k, sizeof(buf) - k, 0);

                if (n <= 0) {
                    c->failed = 1;
                    return NULL;
                }
                k += (size_t)n;
            }
        }
        c->msgs += c->conns;
    }
    for (i = 0; i < c->conns; i++)
        close(s[i]);
    return NULL;
}

/* Messages per second through a server of the kind. */
static double run(int kind, int threads, int conns, double seconds)
{
    struct client c[8];
    pthread_t th[8];
    unsigned short port;
    long long total = 0;
    int i, r;

    r = kind >= NATIVE_EPOLL ? native_start(kind, 2, &port)
                             : win_server_start(kind, 2, &port);
    if (r)
        return -1;
    for (i = 0; i < threads; i++) {
        memset(&c[i], 0, sizeof(c[i]));
        c[i].port = port;
        c[i].conns = conns;
        c[i].seconds = seconds;
        pthread_create(&th[i], NULL, client_main, &c[i]);
    }
    for (i = 0; i < threads; i++) {
        pthread_join(th[i], NULL);
        total += c[i].msgs;
        if (c[i].failed)
            return -1;
    }
    if (kind >= NATIVE_EPOLL)
        native_stop(kind);
    else
        win_server_stop(kind);
    return (double)total / seconds;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* async_bench only KIND THREADS CONNS SECONDS */
static int run_only(char **arg)
{
    static const char *const names[] = { "iocp", "evsel", "epoll", "poll" };
    static const int kinds[] = { BENCH_IOCP, BENCH_EVSEL, NATIVE_EPOLL,
                                 NATIVE_POLL };
    int k, threads = atoi(arg[1]), conns = atoi(arg[2]);
    double secs = atof(arg[3]), r;

    for (k = 0; k < 4 && strcmp(arg[0], names[k]); k++)
        ;
    if (k == 4 || threads < 1 || threads > 8 || conns < 1 || conns > 16 ||
        secs <= 0) {
        fprintf(stderr, "async_bench: only iocp|evsel|epoll|poll THREADS "
                        "(1-8) CONNS (1-16) SECONDS\n");
        return 2;
    }
    if ((r = run(kinds[k], threads, conns, secs)) <= 0)
        return 1;
    printf("%s %dx%d %.0f msg/s\n", arg[0], threads, conns, r);
    return 0;
}

struct pair {
    const char *name;
    int win, native, threads, conns;
    const char *target;
};

int main(int argc, char **argv)
{
    static const struct pair pairs[] = {
        { "iocp_echo_4x4", BENCH_IOCP, NATIVE_EPOLL, 4, 4, ">= 0.9" },
        { "iocp_latency_1x1", BENCH_IOCP, NATIVE_EPOLL, 1, 1, ">= 0.77" },
        { "evsel_echo_4x4", BENCH_EVSEL, NATIVE_POLL, 4, 4, ">= 0.91" },
    };
    int quick = argc > 1 && !strcmp(argv[1], "quick");
    int rounds = quick ? 3 : 7, p, i;
    double secs = quick ? 0.3 : 1.0;

    if (argc == 6 && !strcmp(argv[1], "only"))
        return run_only(argv + 2);

    for (p = 0; p < (int)(sizeof(pairs) / sizeof(pairs[0])); p++) {
        double ratio[16], w = 0, n = 0;

        for (i = 0; i < rounds; i++) {
            /* Alternate which goes first, so drift falls on both. */
            if (i % 2) {
                n = run(pairs[p].native, pairs[p].threads, pairs[p].conns, secs);
                w = run(pairs[p].win, pairs[p].threads, pairs[p].conns, secs);
            } else {
                w = run(pairs[p].win, pairs[p].threads, pairs[p].conns, secs);
                n = run(pairs[p].native, pairs[p].threads, pairs[p].conns, secs);
            }
            if (w <= 0 || n <= 0) {
                fprintf(stderr, "async_bench: %s failed\n", pairs[p].name);
                return 1;
            }
            ratio[i] = w / n;
        }
        qsort(ratio, (size_t)rounds, sizeof(ratio[0]), cmp);
        printf("%-18s wscompat %9.0f msg/s  native %9.0f msg/s  ratio median "
               "%.3f (range %.3f-%.3f, %d rounds)  target %s\n",
               pairs[p].name, w, n, ratio[rounds / 2], ratio[0],
               ratio[rounds - 1], rounds, pairs[p].target);
    }
    return 0;
}
