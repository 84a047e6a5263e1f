/* Resource limits: descriptors running out (WSAEMFILE, and the table
 * unharmed), sockets at numbers far above 1024 and 65536, and the
 * SD_RECEIVE watcher thread that cannot be created (a clear error, never
 * an SD_RECEIVE without its reset).  pthread_create is wrapped
 * (-Wl,--wrap) so that a test can make it fail. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "ws.h"
#include "testutil.h"

static int fail_threads;

int __real_pthread_create(pthread_t *t, const pthread_attr_t *a,
                          void *(*fn)(void *), void *arg);
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
                          void *(*fn)(void *), void *arg)
{
    if (fail_threads)
        return EAGAIN;
    return __real_pthread_create(t, a, fn, arg);
}

static void set_nofile(rlim_t soft)
{
    struct rlimit rl;

    ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
    rl.rlim_cur = soft;
    ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
}

/* Raise both limits to want; 0 if this process may not. */
static int raise_nofile(rlim_t want)
{
    struct rlimit rl;

    ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
    if (rl.rlim_cur >= want)
        return 1;
    rl.rlim_cur = want;
    if (rl.rlim_max < want)
        rl.rlim_max = want;
    return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

/* The highest descriptor number open now. */
static int highest_fd(void)
{
    int fd, high = 2;

    for (fd = 3; fd < 4096; fd++)
        if (fcntl(fd, F_GETFD) >= 0)
            high = fd;
    return high;
}

enum { ROOM = 16, MAX_TAKEN = 4200 };

/* Lower the limit to ROOM numbers above those in use and take every
 * free number with a socket (the holes below the highest too); returns
 * how many it took. */
static int fill_descriptors(SOCKET *s, int max)
{
    int n;

    set_nofile((rlim_t)highest_fd() + 1 + ROOM);
    for (n = 0; n < max; n++) {
        s[n] = socket(AF_INET, SOCK_STREAM, 0);
        if (s[n] == INVALID_SOCKET)
            break;
    }
    ck_assert_int_lt(n, max);
    ck_assert_int_eq(WSAGetLastError(), WSAEMFILE);
    return n;
}

START_TEST(out_of_descriptors)
{
    static SOCKET s[MAX_TAKEN];
    SOCKET l, c, a;
    unsigned short port;
    struct sockaddr_in sa;
    int n, i;

    startup();
    l = listener(&port);
    n = fill_descriptors(s, MAX_TAKEN);
    ck_assert_int_ge(n, ROOM);
    /* A connection waits in the queue; accept has no number to give it.
     * (The connect may take a number for the thread's wake eventfd.) */
    closesocket(s[--n]);
    closesocket(s[--n]);
    c = s[--n];
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(port);
    ck_assert_int_eq(connect(c, (struct sockaddr *)&sa, sizeof(sa)), 0);
    while (n < MAX_TAKEN &&
           (s[n] = socket(AF_INET, SOCK_DGRAM, 0)) != INVALID_SOCKET)
        n++;
    ck_assert_int_eq(WSAGetLastError(), WSAEMFILE);
    ck_assert(accept(l, NULL, NULL) == INVALID_SOCKET);
    ck_assert_int_eq(WSAGetLastError(), WSAEMFILE);
    /* One number back: the same connection is accepted and works. */
    closesocket(s[--n]);
    a = accept(l, NULL, NULL);
    ck_assert(a != INVALID_SOCKET);
    ck_assert_int_eq(send(c, "ok", 2, 0), 2);
    {
        char buf[4];
        ck_assert_int_eq(recv(a, buf, sizeof(buf), 0), 2);
        ck_assert_int_eq(memcmp(buf, "ok", 2), 0);
    }
    for (i = 0; i < n; i++)
        ck_assert_int_eq(closesocket(s[i]), 0);
    ck_assert_int_eq(closesocket(a), 0);
    ck_assert_int_eq(closesocket(c), 0);
    ck_assert_int_eq(closesocket(l), 0);
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* Everything a socket at number fd must do: send and receive, select
 * and WSAPoll (the Windows fd_set has no 1024 limit), and closesocket
 * waking a receive blocked on another thread. */
static void exercise_at(int fd)
{
    SOCKET c, s, h = (SOCKET)fd;
    wsc_fd_set r;
    WSAPOLLFD p;
    struct timeval tv = { 5, 0 };
    struct blocked b;
    char buf[8];

    pair(&c, &s);
    ck_assert_int_eq(fcntl((int)c, F_DUPFD_CLOEXEC, fd), fd);
    ck_assert_int_eq(closesocket(c), 0);
    ck_assert_int_eq(send(s, "high", 4, 0), 4);
    r.fd_count = 1;
    r.fd_array[0] = h;
    ck_assert_int_eq(select(0, &r, NULL, NULL, &tv), 1);
    ck_assert(r.fd_array[0] == h);
    p.fd = h;
    p.events = POLLRDNORM;
    ck_assert_int_eq(WSAPoll(&p, 1, 5000), 1);
    ck_assert_int_eq(p.revents, POLLRDNORM);
    ck_assert_int_eq(recv(h, buf, sizeof(buf), 0), 4);
    ck_assert_int_eq(memcmp(buf, "high", 4), 0);
    start_recv(&b, h);
    ck_assert_int_eq(closesocket(h), 0);
    pthread_join(b.th, NULL);
    ck_assert_int_eq(b.rc, SOCKET_ERROR);
    ck_assert_int_eq(b.err, WSAECONNABORTED);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
    ck_assert_int_eq(closesocket(s), 0);
}

/* As high as the machine lets this process go: raising the hard limit
 * needs CAP_SYS_RESOURCE; without it, the highest number below the hard
 * limit is tried instead, and the numbers beyond are reported skipped. */
START_TEST(sockets_above_65536)
{
    static const int numbers[] = { 1500, 65536, 70000, 1000000 };
    struct rlimit rl;
    size_t i;

    startup();
    for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
        if (raise_nofile((rlim_t)numbers[i] + 1)) {
            exercise_at(numbers[i]);
            continue;
        }
        ck_assert_int_gt(i, 0); /* 1500 is always possible */
        getrlimit(RLIMIT_NOFILE, &rl);
        if (rl.rlim_max - 1 > (rlim_t)numbers[i - 1]) {
            raise_nofile(rl.rlim_max);
            exercise_at((int)rl.rlim_max - 1);
        }
        fprintf(stderr, "sockets_above_65536: hard RLIMIT_NOFILE %lu and "
                "no CAP_SYS_RESOURCE: tried up to %lu, not %d and above\n",
                (unsigned long)rl.rlim_max, (unsigned long)rl.rlim_max - 1,
                numbers[i]);
        break;
    }
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* SD_RECEIVE, then data from the peer: the peer sees a reset. */
static void shutdown_receive_resets(SOCKET c, SOCKET s)
{
    char buf[8];
    WSAPOLLFD p = { s, POLLRDNORM, 0 };

    ck_assert_int_eq(shutdown(c, SD_RECEIVE), 0);
    ck_assert_int_eq(send(s, "data", 4, 0), 4);
    ck_assert_int_eq(WSAPoll(&p, 1, 5000), 1);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
}

START_TEST(watcher_thread_refused)
{
    SOCKET c, s;
    char buf[8];

    startup();
    pair(&c, &s);
    fail_threads = 1;
    ck_assert_int_eq(shutdown(c, SD_RECEIVE), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOBUFS);
    /* SD_BOTH fails whole: the sending side is not shut either. */
    ck_assert_int_eq(shutdown(c, SD_BOTH), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOBUFS);
    ck_assert_int_eq(send(c, "up", 2, 0), 2);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 2);
    /* Not half done: the socket still receives. */
    ck_assert_int_eq(send(s, "data", 4, 0), 4);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 4);
    ck_assert_int_eq(memcmp(buf, "data", 4), 0);
    /* Once a thread can be made, SD_RECEIVE works in full. */
    fail_threads = 0;
    shutdown_receive_resets(c, s);
    closesocket(c);
    closesocket(s);
}
END_TEST

START_TEST(watcher_without_descriptors)
{
    static SOCKET taken[MAX_TAKEN];
    SOCKET c, s;
    char buf[8];
    int n, i;

    startup();
    pair(&c, &s);
    n = fill_descriptors(taken, MAX_TAKEN); /* nothing left for epoll */
    ck_assert_int_eq(shutdown(c, SD_RECEIVE), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOBUFS);
    ck_assert_int_eq(send(s, "data", 4, 0), 4);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), 4);
    for (i = 0; i < n; i++) /* room for the watcher's epoll descriptor */
        closesocket(taken[i]);
    shutdown_receive_resets(c, s);
    closesocket(c);
    closesocket(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("limits");
    TCase *tc = tcase_create("limits");

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, out_of_descriptors);
    tcase_add_test(tc, sockets_above_65536);
    tcase_add_test(tc, watcher_thread_refused);
    tcase_add_test(tc, watcher_without_descriptors);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
