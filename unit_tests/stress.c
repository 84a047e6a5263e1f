/* Race stress: closesocket on one thread while another is in recv, send
 * or accept, at a random moment after the call entered the engine (before
 * it blocks, or while it waits).  Checks that every call returns (bounded)
 * with its Windows code, that no call in flight ever reads the socket that
 * reused the closed one's number, and that no descriptor leaks.  Prints
 * the wake-up latency from closesocket to the call's return.
 *   stress [ITERATIONS]   (default 300)
 * A call that starts after closesocket returned may meet a reused number,
 * on Windows too (handles are reused at once): the test does not do that. */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "ws.h"
#include "testutil.h"

enum op { OP_RECV, OP_SEND, OP_ACCEPT };

struct call {
    enum op op;
    SOCKET s;
    int rc, err;
    struct timespec returned;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int done;
};

static double now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double ts_us(const struct timespec *ts)
{
    return ts->tv_sec * 1e6 + ts->tv_nsec / 1e3;
}


static void *call_main(void *p)
{
    static __thread char buf[1 << 20];
    struct call *c = p;

    switch (c->op) {
    case OP_RECV:
        c->rc = recv(c->s, buf, 4096, 0);
        break;
    case OP_SEND:
        c->rc = send(c->s, buf, sizeof(buf), 0);
        break;
    case OP_ACCEPT: {
        SOCKET a = accept(c->s, NULL, NULL);
        c->rc = a == INVALID_SOCKET ? SOCKET_ERROR : 0;
        if (a != INVALID_SOCKET)
            closesocket(a);
        break;
    }
    }
    c->err = WSAGetLastError();
    clock_gettime(CLOCK_MONOTONIC, &c->returned);
    pthread_mutex_lock(&c->lock);
    c->done = 1;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
    return NULL;
}



static void fill(SOCKET s)
{
    static char chunk[65536];
    u_long on = 1, off = 0;

    ioctlsocket(s, FIONBIO, &on);
    while (send(s, chunk, sizeof(chunk), 0) > 0)
        ;
    ioctlsocket(s, FIONBIO, &off);
}

static void spin_us(int us)
{
    double end = now_us() + us;

    while (now_us() < end)
        ;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int iterations = argc > 1 ? atoi(argv[1]) : 300;
    double *lat = malloc(sizeof(double) * (size_t)iterations);
    int i, nlat = 0, failures = 0, before, after, counts[3] = { 0 };
    WSADATA d;

    WSAStartup(MAKEWORD(2, 2), &d);
    srand((unsigned)time(NULL));
    before = open_fds();
    for (i = 0; i < iterations; i++) {
        struct call c;
        SOCKET peer = INVALID_SOCKET, p1, p2;
        pthread_t th;
        struct timespec limit;
        double closed_at;
        unsigned short port;
        char poison[16];

        memset(&c, 0, sizeof(c));
        pthread_mutex_init(&c.lock, NULL);
        pthread_cond_init(&c.cond, NULL);
        c.op = (enum op)(rand() % 3);
        if (c.op == OP_ACCEPT) {
            c.s = listener(&port);
        } else {
            pair(&c.s, &peer);
            if (c.op == OP_SEND)
                fill(c.s);
        }
        pthread_create(&th, NULL, call_main, &c);
        /* The call holds a reference once it is inside the engine. */
        while (WSC_REFS(atomic_load(&wsc_entry((int)c.s)->state)) < 2)
            ;
        spin_us(rand() % 200);
        closed_at = now_us();
        closesocket(c.s);
        /* The number is free now: a new connection may take it, and its
         * peer writes poison that the old call must never read. */
        pair(&p1, &p2);
        send(p2, "POISON", 6, 0);
        clock_gettime(CLOCK_REALTIME, &limit);
        limit.tv_sec += 5;
        pthread_mutex_lock(&c.lock);
        while (!c.done &&
               pthread_cond_timedwait(&c.cond, &c.lock, &limit) == 0)
            ;
        pthread_mutex_unlock(&c.lock);
        if (!c.done) {
            fprintf(stderr, "iteration %d: op %d hung\n", i, c.op);
            return 1;
        }
        pthread_join(th, NULL);
        if (c.op == OP_SEND && c.rc == 1 << 20) {
            /* It finished before the close: loopback buffers grow. */
        } else if (c.rc != SOCKET_ERROR ||
                   c.err != (c.op == OP_ACCEPT ? WSAEINTR : WSAECONNABORTED)) {
            fprintf(stderr, "iteration %d: op %d returned %d, error %d\n",
                    i, c.op, c.rc, c.err);
            failures++;
        }
        if (c.rc == SOCKET_ERROR) {
            lat[nlat++] = ts_us(&c.returned) - closed_at;
            counts[c.op]++;
        }
        if (recv(p1, poison, sizeof(poison), MSG_PEEK) != 6) {
            fprintf(stderr, "iteration %d: the new socket lost its data\n", i);
            failures++;
        }
        closesocket(p1);
        closesocket(p2);
        if (peer != INVALID_SOCKET)
            closesocket(peer);
        pthread_mutex_destroy(&c.lock);
        pthread_cond_destroy(&c.cond);
    }
    after = open_fds();
    qsort(lat, (size_t)nlat, sizeof(double), cmp_double);
    printf("iterations %d, woken while blocked %d (recv %d, send %d, "
           "accept %d)\n", iterations, nlat, counts[0], counts[1], counts[2]);
    if (nlat)
        printf("wake-up latency: median %.1f us, p99 %.1f us, max %.1f us\n",
               lat[nlat / 2], lat[(nlat * 99) / 100], lat[nlat - 1]);
    printf("descriptors before %d, after %d\n", before, after);
    if (after != before) {
        fprintf(stderr, "descriptor leak: %d -> %d\n", before, after);
        failures++;
    }
    WSACleanup();
    free(lat);
    printf("%d passed, %d failed\n", iterations - failures, failures);
    return failures ? 1 : 0;
}
