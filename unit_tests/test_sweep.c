/* The bad-input sweep: every public Winsock function called with what a
 * caller gets wrong (invalid handles, NULL and short buffers, negative
 * lengths, absurd counts), once alone, once after WSACleanup, and from
 * many threads at once while other threads open and close sockets.  Each
 * call returns the Windows code; afterwards no descriptor, no socket
 * table entry and no memory is left behind. */
#include <check.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "ws.h"
#include "testutil.h"

/* What the calls are aimed at: sockets of the calling thread's own. */
struct fx {
    SOCKET tcp, peer, udp, closed, pipe_fd;
};

/* A big fd_set of invalid handles, shared (read-only) by every thread. */
enum { BIG = 10000 };
static wsc_fd_set *big_set;

#define H(x) ((SOCKET)(x))
static char buf[64];
static const char one_byte_addr[1] = { AF_INET };

/* X(name, Windows code, the call's failure test, also after cleanup) */
#define SWEEP_ROWS(X)                                                          \
    X(socket_bad_af, WSAEAFNOSUPPORT, socket(12345, SOCK_STREAM, 0) == INVALID_SOCKET, 1) \
    X(socket_bad_type, WSAESOCKTNOSUPPORT, socket(AF_INET, 0xdead, 0) == INVALID_SOCKET, 1) \
    X(socket_bad_proto, WSAEPROTONOSUPPORT, socket(AF_INET, SOCK_STREAM, IPPROTO_UDP) == INVALID_SOCKET, 1) \
    X(socket_no_family, WSAEINVAL, socket(AF_UNSPEC, SOCK_STREAM, 0) == INVALID_SOCKET, 1) \
    X(bind_invalid, WSAENOTSOCK, bind(INVALID_SOCKET, NULL, 0) == SOCKET_ERROR, 1) \
    X(bind_null, WSAEFAULT, bind(f->udp, NULL, 16) == SOCKET_ERROR, 1)        \
    X(bind_short, WSAEFAULT, bind(f->udp, (struct sockaddr *)one_byte_addr, 1) == SOCKET_ERROR, 1) \
    X(listen_closed, WSAENOTSOCK, listen(f->closed, 5) == SOCKET_ERROR, 1)    \
    X(accept_pipe, WSAENOTSOCK, accept(f->pipe_fd, NULL, NULL) == INVALID_SOCKET, 1) \
    X(accept_short_len, WSAEFAULT, accept_short(f) == INVALID_SOCKET, 1)      \
    X(connect_huge, WSAENOTSOCK, connect(H(1) << 40, NULL, 0) == SOCKET_ERROR, 1) \
    X(connect_null, WSAEFAULT, connect(f->udp, NULL, 16) == SOCKET_ERROR, 1)  \
    X(send_null, WSAEFAULT, send(f->tcp, NULL, 5, 0) == SOCKET_ERROR, 1)      \
    X(send_negative, WSAEFAULT, send(f->tcp, buf, -1, 0) == SOCKET_ERROR, 1)  \
    X(send_bad_flags, WSAEOPNOTSUPP, send(f->tcp, buf, 1, 0x4000) == SOCKET_ERROR, 1) \
    X(recv_null, WSAEFAULT, recv(f->tcp, NULL, 10, 0) == SOCKET_ERROR, 1)     \
    X(recv_negative, WSAEFAULT, recv(f->tcp, buf, INT32_MIN, 0) == SOCKET_ERROR, 1) \
    X(recv_bad_flags, WSAEINVAL, recv(f->tcp, buf, 1, 0x4000) == SOCKET_ERROR, 1) \
    X(sendto_short, WSAEFAULT, sendto(f->udp, buf, 1, 0, (struct sockaddr *)one_byte_addr, 1) == SOCKET_ERROR, 1) \
    X(recvfrom_short, WSAEFAULT, recvfrom_short(f) == SOCKET_ERROR, 1)        \
    X(wsasend_no_array, WSAEFAULT, WSASend(f->tcp, NULL, 0x7fffffff, NULL, 0, NULL, NULL) == SOCKET_ERROR, 1) \
    X(wsasend_no_buffers, WSAEINVAL, WSASend(f->tcp, NULL, 0, NULL, 0, NULL, NULL) == SOCKET_ERROR, 1) \
    X(wsasend_null_buf, WSAEFAULT, wsabuf_null(f, 1) == SOCKET_ERROR, 1)      \
    X(wsarecv_null_buf, WSAEFAULT, wsabuf_null(f, 0) == SOCKET_ERROR, 1)      \
    X(wsarecv_null_flags, WSAEFAULT, wsarecv_null_flags(f) == SOCKET_ERROR, 1) \
    X(closesocket_closed, WSAENOTSOCK, closesocket(f->closed) == SOCKET_ERROR, 1) \
    X(closesocket_invalid, WSAENOTSOCK, closesocket(INVALID_SOCKET) == SOCKET_ERROR, 1) \
    X(shutdown_bad_how, WSAEINVAL, shutdown(f->tcp, 7) == SOCKET_ERROR, 1)    \
    X(shutdown_negative, WSAEINVAL, shutdown(f->tcp, -1) == SOCKET_ERROR, 1)  \
    X(select_no_sets, WSAEINVAL, select(0, NULL, NULL, NULL, NULL) == SOCKET_ERROR, 1) \
    X(select_big_invalid, WSAENOTSOCK, select(0, big_set, NULL, NULL, NULL) == SOCKET_ERROR, 1) \
    X(select_bad_timeout, WSAEINVAL, select_bad_timeout(f) == SOCKET_ERROR, 1) \
    X(poll_none, WSAEINVAL, WSAPoll(NULL, 0, 0) == SOCKET_ERROR, 1)           \
    X(poll_null, WSAEFAULT, WSAPoll(NULL, 1u << 30, 0) == SOCKET_ERROR, 1)    \
    X(poll_bad_events, WSAEINVAL, poll_bad_events(f) == SOCKET_ERROR, 1)      \
    X(poll_all_invalid, WSAENOTSOCK, poll_invalid(f) == SOCKET_ERROR, 1)      \
    X(ioctl_unknown, WSAEOPNOTSUPP, ioctlsocket(f->tcp, (LONG)0xdeadbeef, (u_long *)buf) == SOCKET_ERROR, 1) \
    X(ioctl_null, WSAEFAULT, ioctlsocket(f->tcp, FIONREAD, NULL) == SOCKET_ERROR, 1) \
    X(ioctl_invalid, WSAENOTSOCK, ioctlsocket(INVALID_SOCKET, FIONBIO, (u_long *)buf) == SOCKET_ERROR, 1) \
    X(setopt_negative, WSAENOBUFS, setsockopt(f->tcp, SOL_SOCKET, SO_KEEPALIVE, buf, -4) == SOCKET_ERROR, 1) \
    X(setopt_null, WSAEFAULT, setsockopt(f->tcp, SOL_SOCKET, SO_RCVTIMEO, NULL, 4) == SOCKET_ERROR, 1) \
    X(setopt_short_linger, WSAEFAULT, setsockopt(f->tcp, SOL_SOCKET, SO_LINGER, buf, 3) == SOCKET_ERROR, 1) \
    X(setopt_level, WSAEINVAL, setsockopt(f->tcp, 0x4444, SO_KEEPALIVE, buf, 4) == SOCKET_ERROR, 1) \
    X(setopt_name, WSAENOPROTOOPT, setsockopt(f->tcp, SOL_SOCKET, 0x7777, buf, 4) == SOCKET_ERROR, 1) \
    X(getopt_null_len, WSAEFAULT, getsockopt(f->tcp, SOL_SOCKET, SO_ERROR, buf, NULL) == SOCKET_ERROR, 1) \
    X(getopt_short, WSAEFAULT, getopt_short(f) == SOCKET_ERROR, 1)            \
    X(getsockname_short, WSAEFAULT, name_short(f, 0) == SOCKET_ERROR, 1)      \
    X(getpeername_short, WSAEFAULT, name_short(f, 1) == SOCKET_ERROR, 1)      \
    X(getpeername_null, WSAEFAULT, getpeername(f->tcp, NULL, NULL) == SOCKET_ERROR, 1) \
    X(gethostname_zero, WSAEFAULT, gethostname(buf, 0) == SOCKET_ERROR, 1)    \
    X(gethostname_null, WSAEFAULT, gethostname(NULL, 64) == SOCKET_ERROR, 1)  \
    X(gethostbyname_null, WSAEFAULT, gethostbyname(NULL) == NULL, 1)          \
    X(getaddrinfo_nothing, WSAHOST_NOT_FOUND, getaddrinfo(NULL, NULL, NULL, NULL) != 0, 1) \
    X(getaddrinfo_flags, WSAEINVAL, getaddrinfo_bad_flags(f) != 0, 1) \
    X(getnameinfo_null, WSAEFAULT, getnameinfo(NULL, 16, buf, 64, NULL, 0, 0) != 0, 1) \
    X(inet_pton_null, WSAEFAULT, inet_pton(AF_INET, NULL, buf) == -1, 0)      \
    X(inet_pton_family, WSAEAFNOSUPPORT, inet_pton(12345, "1.2.3.4", buf) == -1, 0) \
    X(inet_ntop_null, WSAEINVAL, inet_ntop(AF_INET, buf, NULL, 16) == NULL, 0) \
    X(inet_ntop_short, WSAEINVAL, inet_ntop(AF_INET, buf, buf + 16, 2) == NULL, 0) \
    X(startup_null, WSAEFAULT, returned(WSAStartup(MAKEWORD(2, 2), NULL)), 0) \
    X(startup_version, WSAVERNOTSUPPORTED, returned(startup_v0()), 0)

/* WSAStartup returns its error instead of setting the last error. */
static int returned(int code)
{
    WSASetLastError(code);
    return code != 0;
}

static SOCKET accept_short(struct fx *f)
{
    int len = 1;
    return accept(f->udp, (struct sockaddr *)buf, &len);
}

static int recvfrom_short(struct fx *f)
{
    int len = 3;
    return recvfrom(f->udp, buf, 1, 0, (struct sockaddr *)(buf + 8), &len);
}

static int wsabuf_null(struct fx *f, int sending)
{
    WSABUF b[2] = { { 4, buf }, { 8, NULL } };
    DWORD n = 0, flags = 0;

    if (sending)
        return WSASend(f->tcp, b, 2, &n, 0, NULL, NULL);
    return WSARecv(f->tcp, b, 2, &n, &flags, NULL, NULL);
}

static int wsarecv_null_flags(struct fx *f)
{
    WSABUF b = { 4, buf };
    DWORD n = 0;
    return WSARecv(f->tcp, &b, 1, &n, NULL, NULL, NULL);
}

static int select_bad_timeout(struct fx *f)
{
    wsc_fd_set s;
    struct timeval tv = { -1, 0 };

    s.fd_count = 1;
    s.fd_array[0] = f->tcp;
    return select(0, &s, NULL, NULL, &tv);
}

static int poll_bad_events(struct fx *f)
{
    WSAPOLLFD p = { f->tcp, POLLERR, 0 };
    return WSAPoll(&p, 1, 0);
}

static int poll_invalid(struct fx *f)
{
    WSAPOLLFD p[2] = { { f->closed, POLLRDNORM, 0 }, { INVALID_SOCKET, POLLRDNORM, 0 } };
    int r = WSAPoll(p, 2, 0);

    if (WSAGetLastError() == WSAENOTSOCK) {
        ck_assert_int_eq(p[0].revents, POLLNVAL);
        ck_assert_int_eq(p[1].revents, POLLNVAL);
    }
    return r;
}

static int getopt_short(struct fx *f)
{
    int len = 2;
    return getsockopt(f->tcp, SOL_SOCKET, SO_ERROR, buf, &len);
}

static int name_short(struct fx *f, int peer)
{
    int len = 4;
    return peer ? getpeername(f->tcp, (struct sockaddr *)buf, &len)
                : getsockname(f->tcp, (struct sockaddr *)buf, &len);
}

static int getaddrinfo_bad_flags(struct fx *f)
{
    struct addrinfo hints, *ai = NULL;

    memset(&hints, 0, sizeof(hints));
    hints.ai_flags = 0x40000000;
    return getaddrinfo("127.0.0.1", NULL, &hints, &ai);
}

static int startup_v0(void)
{
    WSADATA d;
    return WSAStartup(0, &d);
}

#define DEFINE_ROW(name, code, failed, after)                          \
    static int row_##name(struct fx *f)                               \
    {                                                                  \
        (void)f;                                                       \
        return failed;                                                 \
    }
SWEEP_ROWS(DEFINE_ROW)

struct row {
    const char *name;
    int code, after_cleanup;
    int (*failed)(struct fx *f);
};
#define LIST_ROW(name, code, failed, after) { #name, code, after, row_##name },
static const struct row rows[] = { SWEEP_ROWS(LIST_ROW) };
#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* closed_for_real: a handle of a socket closed here; otherwise one that
 * can never be a socket (past any descriptor limit), for the threaded
 * run, where a closed handle may be reused by another thread's socket. */
static void fx_open(struct fx *f, int closed_for_real)
{
    struct sockaddr_in a;
    int p[2];

    pair(&f->tcp, &f->peer);
    f->udp = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(f->udp, (struct sockaddr *)&a, sizeof(a)), 0);
    if (closed_for_real) {
        f->closed = socket(AF_INET, SOCK_STREAM, 0);
        ck_assert_int_eq(closesocket(f->closed), 0);
    } else {
        f->closed = H(900000000);
    }
    ck_assert_int_eq(pipe(p), 0);
    close(p[1]);
    f->pipe_fd = (SOCKET)p[0];
}

static void fx_close(struct fx *f)
{
    ck_assert_int_eq(closesocket(f->tcp), 0);
    ck_assert_int_eq(closesocket(f->peer), 0);
    ck_assert_int_eq(closesocket(f->udp), 0);
    close((int)f->pipe_fd);
}

/* Every row once; the number that did not give their Windows code (the
 * first is reported). */
static atomic_int reported;

static void report(const char *name, int got, int want)
{
    if (atomic_fetch_add(&reported, 1) == 0)
        fprintf(stderr, "sweep: %s: %d, expected %d\n", name, got, want);
}

static int sweep(struct fx *f, int after_cleanup)
{
    size_t i;
    int bad = 0, want, got;

    for (i = 0; i < NROWS; i++) {
        if (after_cleanup && !rows[i].after_cleanup)
            continue;
        want = after_cleanup ? WSANOTINITIALISED : rows[i].code;
        WSASetLastError(0);
        if (!rows[i].failed(f)) {
            report(rows[i].name, 0, want);
            bad++;
            continue;
        }
        got = WSAGetLastError();
        if (got != want) {
            report(rows[i].name, got, want);
            bad++;
        }
    }
    return bad;
}

static void make_big_set(void)
{
    u_int i;

    big_set = malloc(sizeof(*big_set) + BIG * sizeof(SOCKET));
    big_set->fd_count = BIG;
    for (i = 0; i < BIG; i++)
        big_set->fd_array[i] = INVALID_SOCKET - 1 - i;
}

START_TEST(every_function_alone)
{
    struct fx f;
    int fds, entries;

    startup();
    make_big_set();
    fds = open_fds();
    entries = wsc_open_count();
    fx_open(&f, 1);
    ck_assert_int_eq(sweep(&f, 0), 0);
    {
        /* Type 0 follows from the protocol, as on Windows. */
        SOCKET t = WSASocketA(AF_INET, 0, IPPROTO_UDP, NULL, 0, 0);
        int type = 0, len = sizeof(type);
        ck_assert(t != INVALID_SOCKET);
        ck_assert_int_eq(getsockopt(t, SOL_SOCKET, SO_TYPE, (char *)&type, &len), 0);
        ck_assert_int_eq(type, SOCK_DGRAM);
        ck_assert_int_eq(closesocket(t), 0);
    }
    /* The sockets still work after all that. */
    ck_assert_int_eq(send(f.tcp, "ok", 2, 0), 2);
    ck_assert_int_eq(recv(f.peer, buf, sizeof(buf), 0), 2);
    ck_assert_int_eq(memcmp(buf, "ok", 2), 0);
    fx_close(&f);
    ck_assert_int_eq(open_fds(), fds);
    ck_assert_int_eq(wsc_open_count(), entries);
}
END_TEST

START_TEST(every_function_after_cleanup)
{
    struct fx f;

    startup();
    make_big_set();
    fx_open(&f, 1);
    ck_assert_int_eq(WSACleanup(), 0);
    ck_assert_int_eq(sweep(&f, 1), 0);
    ck_assert_int_eq(WSACleanup(), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSANOTINITIALISED);
}
END_TEST

/* ---- many threads at once --------------------------------------------- */

enum { SWEEPERS = 8, CHURNERS = 2, ROUNDS = 60 };
static pthread_barrier_t go;
static atomic_int stop;

static void *sweeper(void *arg)
{
    struct fx f;
    int i, bad = 0;

    (void)arg;
    fx_open(&f, 0);
    pthread_barrier_wait(&go);
    for (i = 0; i < ROUNDS; i++)
        bad += sweep(&f, 0);
    fx_close(&f);
    return (void *)(intptr_t)bad;
}

/* Sockets appearing and disappearing beside the sweep, taking and
 * freeing descriptor numbers and table entries. */
static void *churner(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&go);
    while (!atomic_load(&stop)) {
        SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
        ck_assert(s != INVALID_SOCKET);
        ck_assert_int_eq(closesocket(s), 0);
    }
    return NULL;
}

static long run_threads(void)
{
    pthread_t t[SWEEPERS + CHURNERS];
    long bad = 0;
    void *r;
    int i;

    pthread_barrier_init(&go, NULL, SWEEPERS + CHURNERS);
    atomic_store(&stop, 0);
    for (i = 0; i < SWEEPERS + CHURNERS; i++)
        pthread_create(&t[i], NULL, i < SWEEPERS ? sweeper : churner, NULL);
    for (i = 0; i < SWEEPERS; i++) {
        pthread_join(t[i], &r);
        bad += (intptr_t)r;
    }
    atomic_store(&stop, 1);
    for (; i < SWEEPERS + CHURNERS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&go);
    return bad;
}

START_TEST(every_function_many_threads)
{
    int fds, entries;
    size_t heap;

    startup();
    make_big_set();
    ck_assert_int_eq(run_threads(), 0); /* warms the arenas up */
    fds = open_fds();
    entries = wsc_open_count();
    heap = mallinfo2().uordblks;
    ck_assert_int_eq(run_threads(), 0);
    ck_assert_int_eq(open_fds(), fds);
    ck_assert_int_eq(wsc_open_count(), entries);
    /* Nothing kept per call: what a second run adds is noise, not
     * ROUNDS * rows * threads allocations. */
    ck_assert_uint_le(mallinfo2().uordblks, heap + 16384);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("sweep");
    TCase *tc = tcase_create("sweep");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_function_alone);
    tcase_add_test(tc, every_function_after_cleanup);
    tcase_add_test(tc, every_function_many_threads);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
