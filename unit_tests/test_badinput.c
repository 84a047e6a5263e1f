/* Bad input gets the Windows error, never a crash, a hang, a leak or a
 * corrupted socket table: absurd handles, NULL and bad pointers, negative
 * and absurd lengths, unknown options and ioctls, fd numbers above 1024,
 * fd_sets of thousands of sockets. */
#include <check.h>
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#include "ws.h"
#include "mswsock.h"
#include "ws2ipdef.h"
#include "mstcpip.h"
#include "testutil.h"




#define EXPECT_FAIL(call, code)                                        \
    do {                                                               \
        ck_assert_int_eq((call), SOCKET_ERROR);                        \
        ck_assert_int_eq(WSAGetLastError(), (code));                   \
    } while (0)

START_TEST(absurd_handles)
{
    static const SOCKET bad[] = { 0, 1, 2, (SOCKET)-2, (SOCKET)1 << 40,
                                  (SOCKET)INT32_MAX, 999999 };
    char buf[4];
    size_t i;
    int before;

    startup();
    before = wsc_open_count();
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        EXPECT_FAIL(recv(bad[i], buf, sizeof(buf), 0), WSAENOTSOCK);
        EXPECT_FAIL(closesocket(bad[i]), WSAENOTSOCK);
        EXPECT_FAIL(shutdown(bad[i], SD_BOTH), WSAENOTSOCK);
    }
    ck_assert_int_eq(wsc_open_count(), before);
}
END_TEST

START_TEST(bad_pointers_and_lengths)
{
    SOCKET c, s;
    int v = 1, len;
    char buf[8];
    int fds;

    startup();
    fds = open_fds();
    pair(&c, &s);
    EXPECT_FAIL(recv(c, NULL, 10, 0), WSAEFAULT);
    EXPECT_FAIL(recv(c, buf, -5, 0), WSAEFAULT);
    EXPECT_FAIL(send(c, (char *)1, 5, 0), WSAEFAULT);
    EXPECT_FAIL(send(c, buf, INT32_MIN, 0), WSAEFAULT);
    /* A negative length: a SOL_SOCKET DWORD reads its 4 bytes (Windows 10
     * 21H1 on, test_optsize[]); a one-byte option fails WSAENOBUFS. */
    ck_assert_int_eq(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, (char *)&v, -1),
                     0);
    EXPECT_FAIL(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, (char *)&v, -1),
                WSAENOBUFS);
    EXPECT_FAIL(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, NULL, 4), WSAEFAULT);
    EXPECT_FAIL(setsockopt(c, SOL_SOCKET, SO_LINGER, (char *)&v, 2),
                WSAEFAULT);
    /* A generous optlen is read as Windows reads it: the first 4 bytes. */
    ck_assert_int_eq(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, (char *)&v,
                                1 << 30), 0);
    EXPECT_FAIL(getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&v, NULL),
                WSAEFAULT);
    len = 1;
    EXPECT_FAIL(getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&v, &len),
                WSAEFAULT);
    len = 4;
    EXPECT_FAIL(getsockopt(c, SOL_SOCKET, 0x7777, (char *)&v, &len),
                WSAENOPROTOOPT);
    EXPECT_FAIL(setsockopt(c, (int)0xffffffff, SO_KEEPALIVE, (char *)&v, 4),
                WSAEINVAL);
    EXPECT_FAIL(setsockopt(c, 0x8000, SO_KEEPALIVE, (char *)&v, 4),
                WSAEINVAL);
    EXPECT_FAIL(setsockopt(c, SOL_SOCKET, SO_ACCEPTCONN, (char *)&v, 4),
                WSAENOPROTOOPT);
    EXPECT_FAIL(ioctlsocket(c, (LONG)0x667e, (u_long *)&v), WSAEOPNOTSUPP);
    EXPECT_FAIL(ioctlsocket(c, FIONBIO, NULL), WSAEFAULT);
    EXPECT_FAIL(bind(c, NULL, 16), WSAEFAULT);
    {
        /* Found by fuzzing: the family was read from a 1-byte address. */
        SOCKET u = socket(AF_INET, SOCK_DGRAM, 0);
        char one = AF_INET;
        EXPECT_FAIL(sendto(u, "x", 1, 0, (struct sockaddr *)&one, 1),
                    WSAEFAULT);
        closesocket(u);
    }
    EXPECT_FAIL(connect(c, NULL, 16), WSAEFAULT);
    EXPECT_FAIL(WSAPoll(NULL, 0, 0), WSAEINVAL);
    EXPECT_FAIL(WSAPoll(NULL, 1, 0), WSAEFAULT);
    ck_assert_int_eq(gethostname(buf, 1), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAEFAULT);
    /* The sockets still work after all that. */
    ck_assert_int_eq(send(c, "ok", 2, 0), 2);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 2);
    closesocket(c);
    closesocket(s);
    ck_assert_int_eq(open_fds(), fds);
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* The copies that need no probe (the main program's segments, the heap
 * below the break) still refuse what they must: a write into read-only
 * data, memory just unmapped; and they do copy what is there. */
static const char ro_text[] = "read-only";
static char rw_data[16];

START_TEST(memory_without_a_probe)
{
    char out[16], *heap = malloc(64), *gone;
    long page = sysconf(_SC_PAGESIZE);

    ck_assert_ptr_nonnull(heap);
    ck_assert_int_eq(wsc_copy_out((void *)ro_text, "x", 1), -WSAEFAULT);
    ck_assert_str_eq(ro_text, "read-only");
    ck_assert_int_eq(wsc_copy_in(out, ro_text, sizeof(ro_text)), 0);
    ck_assert_str_eq(out, "read-only");
    ck_assert_int_eq(wsc_copy_out(rw_data, "data", 5), 0);
    ck_assert_str_eq(rw_data, "data");
    ck_assert_int_eq(wsc_copy_out(heap, "heap", 5), 0);
    ck_assert_int_eq(wsc_copy_in(out, heap, 5), 0);
    ck_assert_str_eq(out, "heap");
    gone = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert_ptr_ne(gone, MAP_FAILED);
    ck_assert_int_eq(wsc_copy_out(gone, "map", 4), 0);
    ck_assert_int_eq(munmap(gone, (size_t)page), 0);
    ck_assert_int_eq(wsc_copy_in(out, gone, 4), -WSAEFAULT);
    ck_assert_int_eq(wsc_copy_out(gone, "map", 4), -WSAEFAULT);
    free(heap);
}
END_TEST

/* Memory another thread allocated (malloc's arena of that thread, above
 * the break) is copied once the kernel has seen its heap, and what lies
 * past the heap's used part (its unmapped reserve) is still refused. */
static void *alloc_in_thread(void *arg)
{
    (void)arg;
    return malloc(256);
}

START_TEST(memory_of_another_threads_arena)
{
    const uintptr_t heap_max = 2 * 4 * 1024 * 1024 * sizeof(long);
    pthread_t th;
    void *got;
    char *blk, *reserve, out[8];

    ck_assert_int_eq(pthread_create(&th, NULL, alloc_in_thread, NULL), 0);
    ck_assert_int_eq(pthread_join(th, &got), 0);
    blk = got;
    ck_assert_ptr_nonnull(blk);
    ck_assert((uintptr_t)blk > (uintptr_t)sbrk(0));
    ck_assert_int_eq(wsc_copy_out(blk, "arena", 6), 0);
    ck_assert_int_eq(wsc_copy_in(out, blk, 6), 0);
    ck_assert_str_eq(out, "arena");
    ck_assert_int_eq(wsc_copy_out(blk + 100, "again", 6), 0);
    ck_assert_str_eq(blk + 100, "again");
    reserve = (char *)(((uintptr_t)blk & ~(heap_max - 1)) + heap_max - 64);
    ck_assert_int_eq(wsc_copy_in(out, reserve, 8), -WSAEFAULT);
    ck_assert_int_eq(wsc_copy_out(reserve, "x", 1), -WSAEFAULT);
    free(blk);
}
END_TEST

static int raise_nofile(rlim_t want)
{
    struct rlimit rl;

    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur >= want)
        return 1;
    if (rl.rlim_max < want)
        return 0;
    rl.rlim_cur = want;
    return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

START_TEST(fd_above_1024)
{
    SOCKET c, s;
    char buf[8];
    int high = 3000;

    if (!raise_nofile(4096))
        return; /* the machine forbids it: nothing to test */
    startup();
    pair(&c, &s);
    /* A socket this library did not create, at a high number, is adopted. */
    ck_assert_int_eq(dup2((int)c, high), high);
    ck_assert_int_eq(send((SOCKET)high, "high", 4, 0), 4);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 4);
    ck_assert_int_eq(closesocket((SOCKET)high), 0);
    EXPECT_FAIL(send((SOCKET)high, "x", 1, 0), WSAENOTSOCK);
    closesocket(c);
    closesocket(s);
}
END_TEST

START_TEST(select_thousands)
{
    enum { N = 3000 };
    fd_set *set;
    SOCKET *socks;
    struct timeval tv = { 1, 0 };
    int i, before;

    if (!raise_nofile(N + 200))
        return;
    startup();
    before = open_fds();
    set = malloc(sizeof(fd_set) + N * sizeof(SOCKET));
    socks = malloc(N * sizeof(SOCKET));
    set->fd_count = 0;
    for (i = 0; i < N; i++) {
        socks[i] = socket(AF_INET, SOCK_DGRAM, 0);
        ck_assert(socks[i] != INVALID_SOCKET);
        set->fd_array[set->fd_count++] = socks[i];
    }
    ck_assert_int_eq(select(0, NULL, set, NULL, &tv), N);
    ck_assert_uint_eq(set->fd_count, N);
    /* One closed handle among thousands: WSAENOTSOCK, set untouched. */
    closesocket(socks[N / 2]);
    EXPECT_FAIL(select(0, NULL, set, NULL, &tv), WSAENOTSOCK);
    ck_assert_uint_eq(set->fd_count, N);
    for (i = 0; i < N; i++)
        if (i != N / 2)
            closesocket(socks[i]);
    ck_assert_int_eq(open_fds(), before);
    free(set);
    free(socks);
}
END_TEST

/* wine's test_WSASocket, its whole table: the error for each triple, the
 * kind of socket for the ones that work; and test_WSADuplicateSocket's. */
START_TEST(wsasocket_triples)
{
    static const struct {
        int af, type, protocol, err, rtype, rprotocol;
    } t[] = {
        { 0xdead, SOCK_STREAM, IPPROTO_TCP, WSAEAFNOSUPPORT, 0, 0 },
        { -1, SOCK_STREAM, IPPROTO_TCP, WSAEAFNOSUPPORT, 0, 0 },
        { AF_INET, 0xdead, IPPROTO_TCP, WSAESOCKTNOSUPPORT, 0, 0 },
        { AF_INET, -1, IPPROTO_TCP, WSAESOCKTNOSUPPORT, 0, 0 },
        { AF_INET, SOCK_STREAM, 0xdead, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_INET, SOCK_STREAM, -1, WSAEPROTONOSUPPORT, 0, 0 },
        { 0xdead, 0xdead, IPPROTO_TCP, WSAESOCKTNOSUPPORT, 0, 0 },
        { 0xdead, SOCK_STREAM, 0xdead, WSAEAFNOSUPPORT, 0, 0 },
        { AF_INET, 0xdead, 0xdead, WSAESOCKTNOSUPPORT, 0, 0 },
        { 0xdead, SOCK_STREAM, IPPROTO_UDP, WSAEAFNOSUPPORT, 0, 0 },
        { AF_INET, SOCK_STREAM, 0, 0, SOCK_STREAM, IPPROTO_TCP },
        { AF_INET, SOCK_DGRAM, 0, 0, SOCK_DGRAM, IPPROTO_UDP },
        { AF_INET, 0xdead, 0, WSAESOCKTNOSUPPORT, 0, 0 },
        { AF_INET, 0, IPPROTO_TCP, 0, SOCK_STREAM, IPPROTO_TCP },
        { AF_INET, 0, IPPROTO_UDP, 0, SOCK_DGRAM, IPPROTO_UDP },
        { AF_INET, 0, 0xdead, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_INET, 0, 0, 0, SOCK_STREAM, IPPROTO_TCP },
        { AF_INET, SOCK_STREAM, IPPROTO_UDP, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_INET, SOCK_DGRAM, IPPROTO_TCP, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_UNSPEC, SOCK_STREAM, IPPROTO_TCP, 0, SOCK_STREAM, IPPROTO_TCP },
        { AF_UNSPEC, SOCK_STREAM, 0xdead, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_UNSPEC, 0xdead, IPPROTO_UDP, WSAESOCKTNOSUPPORT, 0, 0 },
        { AF_UNSPEC, SOCK_STREAM, 0, WSAEINVAL, 0, 0 },
        { AF_UNSPEC, SOCK_DGRAM, 0, WSAEINVAL, 0, 0 },
        { AF_UNSPEC, 0xdead, 0, WSAEINVAL, 0, 0 },
        { AF_UNSPEC, 0, IPPROTO_TCP, 0, SOCK_STREAM, IPPROTO_TCP },
        { AF_UNSPEC, 0, IPPROTO_UDP, 0, SOCK_DGRAM, IPPROTO_UDP },
        { AF_UNSPEC, 0, 0xdead, WSAEPROTONOSUPPORT, 0, 0 },
        { AF_UNSPEC, 0, 0, WSAEINVAL, 0, 0 },
    };
    WSAPROTOCOL_INFOA info;
    size_t i;
    int len;
    SOCKET s;

    startup();
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        WSASetLastError(0xdead);
        s = WSASocketA(t[i].af, t[i].type, t[i].protocol, NULL, 0, 0);
        ck_assert_msg(WSAGetLastError() == t[i].err,
                      "case %zu: error %d, want %d", i, WSAGetLastError(),
                      t[i].err);
        if (t[i].err) {
            ck_assert(s == INVALID_SOCKET);
            continue;
        }
        ck_assert(s != INVALID_SOCKET);
        len = sizeof(info);
        ck_assert_int_eq(getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                    (char *)&info, &len), 0);
        ck_assert_int_eq(info.iSocketType, t[i].rtype);
        ck_assert_int_eq(info.iProtocol, t[i].rprotocol);
        closesocket(s);
    }
    /* The entry's provider looks at its family first. */
    s = socket(AF_INET, SOCK_DGRAM, 0);
    len = sizeof(info);
    ck_assert_int_eq(getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                (char *)&info, &len), 0);
    closesocket(s);
    info.iAddressFamily = info.iSocketType = info.iProtocol = -1;
    ck_assert(WSASocketA(0, 0, IPPROTO_UDP, &info, 0, 0) == INVALID_SOCKET);
    ck_assert_int_eq(WSAGetLastError(), WSAEAFNOSUPPORT);
    /* test_WSADuplicateSocket: no process is looked at before the buffer. */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    EXPECT_FAIL(WSADuplicateSocketA(s, 0, NULL), WSAEINVAL);
    EXPECT_FAIL(WSADuplicateSocketA(s, (DWORD)getpid(), NULL),
                WSAEFAULT);
    closesocket(s);
}
END_TEST

static void *ext_fn(SOCKET s, GUID g)
{
    void *f = NULL;
    DWORD n;

    ck_assert_int_eq(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g,
                              sizeof(g), &f, sizeof(f), &n, NULL, NULL), 0);
    return f;
}

static SOCKET udp_bound(int family, struct sockaddr_storage *ss, int *len)
{
    SOCKET s = socket(family, SOCK_DGRAM, IPPROTO_UDP);

    memset(ss, 0, sizeof(*ss));
    ss->ss_family = (ADDRESS_FAMILY)family;
    if (family == AF_INET)
        ((struct sockaddr_in *)ss)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else
        ((struct sockaddr_in6 *)ss)->sin6_addr.s6_addr[15] = 1;
    *len = family == AF_INET ? (int)sizeof(struct sockaddr_in)
                             : (int)sizeof(struct sockaddr_in6);
    ck_assert_int_eq(bind(s, (struct sockaddr *)ss, *len), 0);
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)ss, len), 0);
    return s;
}

/* wine's test_WSASendMsg, test_address_list_query, test_sioRoutingInterfaceQuery,
 * test_circular_queueing and test_connect. */
START_TEST(misc_error_codes)
{
    LPFN_WSASENDMSG send_msg;
    LPFN_CONNECTEX connect_ex;
    LPFN_ACCEPTEX accept_ex;
    struct sockaddr_in in, out, b;
    struct sockaddr_storage to;
    WSABUF wb = { 4, (char *)"test" };
    WSAMSG msg;
    WSAOVERLAPPED ov;
    SOCKET s, r, l;
    DWORD n, flags;
    char buf[64];
    unsigned short port;
    int len;

    startup();
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    n = 0xdeadbeef;
    EXPECT_FAIL(WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, buf, 1, &n,
                         NULL, NULL), WSAEINVAL);
    ck_assert_uint_eq(n, 0);
    n = 0xdeadbeef;
    EXPECT_FAIL(WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, buf, 0, &n,
                         NULL, NULL), WSAEFAULT);
    ck_assert_uint_ne(n, 0xdeadbeef); /* the size needed */
    closesocket(s);

    /* No count and no OVERLAPPED: WSAEFAULT, and nothing sent. */
    r = udp_bound(AF_INET, &to, &len);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    send_msg = (LPFN_WSASENDMSG)ext_fn(s, (GUID)WSAID_WSASENDMSG);
    memset(&msg, 0, sizeof(msg));
    msg.name = (struct sockaddr *)&to;
    msg.namelen = len;
    msg.lpBuffers = &wb;
    msg.dwBufferCount = 1;
    EXPECT_FAIL(send_msg(s, &msg, 0, NULL, NULL, NULL), WSAEFAULT);
    ck_assert_int_eq(send_msg(s, &msg, 0, &n, NULL, NULL), 0);
    ck_assert_int_eq(recv(r, buf, sizeof(buf), 0), 4); /* the second only */
    n = 1;
    ck_assert_int_eq(ioctlsocket(r, FIONBIO, (u_long *)&n), 0);
    EXPECT_FAIL(recv(r, buf, sizeof(buf), 0), WSAEWOULDBLOCK);
    closesocket(r);

    memset(&in, 0, sizeof(in));
    n = 0xdeadbeef;
    EXPECT_FAIL(WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in),
                         &out, sizeof(out), &n, NULL, NULL), WSAEAFNOSUPPORT);
    ck_assert_uint_eq(n, 0xdeadbeef);
    EXPECT_FAIL(WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in) - 1,
                         &out, sizeof(out), &n, NULL, NULL), WSAEINVAL);
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_FAIL(WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in),
                         NULL, sizeof(out), &n, NULL, NULL), WSAEFAULT);
    ck_assert_uint_eq(n, 0xdeadbeef);
    EXPECT_FAIL(WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in),
                         &out, sizeof(out) - 1, &n, NULL, NULL), WSAEFAULT);
    ck_assert_uint_eq(n, sizeof(out));
    ck_assert_int_eq(WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &in, sizeof(in),
                              &out, sizeof(out), &n, NULL, NULL), 0);
    ck_assert_uint_eq(n, sizeof(out));
    ck_assert_int_eq(WSAIoctl(s, SIO_ENABLE_CIRCULAR_QUEUEING, NULL, 0, NULL,
                              0, &n, NULL, NULL), 0);
    closesocket(s);

    /* A second ConnectEx, the first done: WSAEISCONN, Internal pending. */
    l = listener(&port);
    s = WSASocketA(AF_INET, SOCK_STREAM, 0, NULL, 0, WSA_FLAG_OVERLAPPED);
    connect_ex = (LPFN_CONNECTEX)ext_fn(s, (GUID)WSAID_CONNECTEX);
    memset(&b, 0, sizeof(b));
    b.sin_family = AF_INET;
    b.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&b, sizeof(b)), 0);
    b.sin_port = htons(port);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    if (!connect_ex(s, (struct sockaddr *)&b, sizeof(b), NULL, 0, &n, &ov)) {
        ck_assert_int_eq(WSAGetLastError(), WSA_IO_PENDING);
        ck_assert_uint_eq(WSAWaitForMultipleEvents(1, &ov.hEvent, TRUE, 5000,
                                                   FALSE), WSA_WAIT_EVENT_0);
    }
    ck_assert(WSAGetOverlappedResult(s, &ov, &n, FALSE, &flags));
    ov.Internal = 0xdeadbeef;
    ck_assert(!connect_ex(s, (struct sockaddr *)&b, sizeof(b), NULL, 0, &n,
                          &ov));
    ck_assert_int_eq(WSAGetLastError(), WSAEISCONN);
    ck_assert_uint_eq(ov.Internal, STATUS_PENDING);
    WSACloseEvent(ov.hEvent);
    closesocket(s);

    /* AcceptEx marks the OVERLAPPED pending before it looks at the
     * listener (test_AcceptEx). */
    s = socket(AF_INET, SOCK_STREAM, 0);
    accept_ex = (LPFN_ACCEPTEX)ext_fn(s, (GUID)WSAID_ACCEPTEX);
    ov.Internal = 0xdeadbeef;
    ck_assert(!accept_ex(INVALID_SOCKET, s, buf, 0, 32, 32, &n, &ov));
    ck_assert_int_eq(WSAGetLastError(), WSAENOTSOCK);
    ck_assert_uint_eq(ov.Internal, STATUS_PENDING);

    /* SIO_IDEAL_SEND_BACKLOG_CHANGE without an OVERLAPPED on a
     * non-blocking socket: the value never changes here, it would block. */
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    b.sin_port = htons(port);
    ck_assert_int_eq(connect(s, (struct sockaddr *)&b, sizeof(b)), 0);
    n = 1;
    ck_assert_int_eq(ioctlsocket(s, FIONBIO, (u_long *)&n), 0);
    EXPECT_FAIL(WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_CHANGE, NULL, 0, NULL, 0,
                         &n, NULL, NULL), WSAEWOULDBLOCK);
    closesocket(s);
    closesocket(l);
}
END_TEST

/* test_sockopt_validity's rows without todo_wine, and IP_MTU_DISCOVER's. */
START_TEST(ip_option_validity)
{
    static const struct {
        int family, level, name;
    } not_tcp[] = {
        { AF_INET, IPPROTO_IP, IP_MULTICAST_IF },
        { AF_INET, IPPROTO_IP, IP_MULTICAST_TTL },
        { AF_INET, IPPROTO_IP, IP_MULTICAST_LOOP },
        { AF_INET, IPPROTO_IP, IP_PKTINFO },
        { AF_INET, IPPROTO_IP, IP_RECVTTL },
        { AF_INET, IPPROTO_IP, IP_RECVTOS },
        { AF_INET6, IPPROTO_IPV6, IPV6_MULTICAST_IF },
        { AF_INET6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS },
        { AF_INET6, IPPROTO_IPV6, IPV6_MULTICAST_LOOP },
        { AF_INET6, IPPROTO_IPV6, IPV6_PKTINFO },
        { AF_INET6, IPPROTO_IPV6, IPV6_HOPLIMIT },
        { AF_INET6, IPPROTO_IPV6, IPV6_RECVTCLASS },
    };
    char v[256];
    size_t i;
    int len, type;
    SOCKET s;

    startup();
    for (i = 0; i < sizeof(not_tcp) / sizeof(not_tcp[0]); i++) {
        for (type = SOCK_STREAM; type <= SOCK_DGRAM; type++) {
            s = socket(not_tcp[i].family, type, 0);
            memset(v, 0, sizeof(v));
            len = sizeof(v);
            WSASetLastError(0);
            ck_assert_msg(getsockopt(s, not_tcp[i].level, not_tcp[i].name, v,
                                     &len) == (type == SOCK_STREAM ? -1 : 0),
                          "option %d type %d", not_tcp[i].name, type);
            ck_assert_int_eq(WSAGetLastError(),
                             type == SOCK_STREAM ? WSAEINVAL : 0);
            closesocket(s);
        }
    }
    for (type = SOCK_STREAM; type <= SOCK_DGRAM; type++) {
        s = socket(AF_INET, type, 0);
        memset(v, 0, sizeof(v));
        len = sizeof(v);
        ck_assert_int_eq(getsockopt(s, IPPROTO_IP, IP_OPTIONS, v, &len), 0);
        ck_assert_int_eq(len, 0);
        ck_assert_int_eq(setsockopt(s, IPPROTO_IP, IP_OPTIONS, v, sizeof(v)),
                         0);
        /* What a get answers, PMTUD_NOT_SET, is not a state to set. */
        len = sizeof(v);
        ck_assert_int_eq(getsockopt(s, IPPROTO_IP, IP_MTU_DISCOVER, v, &len),
                         0);
        ck_assert_int_eq(len, 4);
        ck_assert_int_eq(*(int *)v, 0);
        EXPECT_FAIL(setsockopt(s, IPPROTO_IP, IP_MTU_DISCOVER, v, len),
                    WSAEINVAL);
        *(int *)v = IP_PMTUDISC_DO;
        ck_assert_int_eq(setsockopt(s, IPPROTO_IP, IP_MTU_DISCOVER, v, 4), 0);
        closesocket(s);
    }
}
END_TEST

/* test_set_getsockopt's test_optsize[]: a SOL_SOCKET BOOL set with 2
 * bytes and read with 2 writes both and answers 1. */
START_TEST(short_bool_read)
{
    SOCKET s;
    DWORD v;
    int len;

    startup();
    s = socket(AF_INET, SOCK_STREAM, 0);
    v = 1;
    ck_assert_int_eq(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&v, 2),
                     0);
    v = 0xdeadbeef;
    len = 2;
    ck_assert_int_eq(getsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&v,
                                &len), 0);
    ck_assert_uint_eq(v, 0xdead0001);
    ck_assert_int_eq(len, 1);
    v = 0xdeadbeef;
    len = 1;
    ck_assert_int_eq(getsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&v,
                                &len), 0);
    ck_assert_uint_eq(v, 0xdeadbe01);
    ck_assert_int_eq(len, 1);
    closesocket(s);
}
END_TEST

/* The ioctls' tests: a failure leaves *lpcbBytesReturned alone. */
START_TEST(ioctl_failure_sizes)
{
    GUID bogus = { 0xdeadbeef, 0, 0, { 0 } };
    SOCKET s;
    DWORD n;
    void *f;
    int val;

    startup();
    s = socket(AF_INET, SOCK_STREAM, 0);
    n = 0xdeadbeef;
    EXPECT_FAIL(WSAIoctl(s, FIONREAD, NULL, 0, &val, sizeof(val) - 1, &n,
                         NULL, NULL), WSAEFAULT);
    ck_assert_uint_eq(n, 0xdeadbeef);
    EXPECT_FAIL(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &bogus,
                         sizeof(bogus), &f, sizeof(f), &n, NULL, NULL),
                WSAEINVAL);
    ck_assert_uint_eq(n, 0xdeadbeef);
    EXPECT_FAIL(WSAIoctl(s, SIO_KEEPALIVE_VALS, &val, sizeof(val), NULL, 0,
                         &n, NULL, NULL), WSAEFAULT);
    ck_assert_uint_eq(n, 0xdeadbeef);
    /* SIO_GET_INTERFACE_LIST's failure does say 0. */
    EXPECT_FAIL(WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, &val, 1, &n,
                         NULL, NULL), WSAEFAULT);
    ck_assert_uint_eq(n, 0);
    closesocket(s);
}
END_TEST

/* test_ipv4_cmsg, test_ipv6_cmsg: IP_TTL, IP_TOS and IPV6_TCLASS come
 * as an INT each. */
static void one_cmsg(int family, int level, int opt, int type)
{
    LPFN_WSARECVMSG recv_msg;
    struct sockaddr_storage ss;
    char payload[] = "HELLO", control[100];
    WSABUF pb = { sizeof(payload), payload };
    WSAMSG msg;
    WSACMSGHDR *h = (WSACMSGHDR *)control;
    DWORD on = 1, count, state = 0;
    SOCKET r, c;
    int len;

    r = udp_bound(family, &ss, &len);
    c = socket(family, SOCK_DGRAM, IPPROTO_UDP);
    ck_assert_int_eq(connect(c, (struct sockaddr *)&ss, len), 0);
    recv_msg = (LPFN_WSARECVMSG)ext_fn(r, (GUID)WSAID_WSARECVMSG);
    ck_assert_int_eq(setsockopt(r, level, opt, (char *)&on, sizeof(on)), 0);
    len = sizeof(state);
    ck_assert_int_eq(getsockopt(r, level, opt, (char *)&state, &len), 0);
    ck_assert_uint_eq(state, 1);
    ck_assert_int_eq(send(c, payload, sizeof(payload), 0), sizeof(payload));
    memset(control, 0, sizeof(control));
    memset(&msg, 0, sizeof(msg));
    msg.lpBuffers = &pb;
    msg.dwBufferCount = 1;
    msg.Control.buf = control;
    msg.Control.len = sizeof(control);
    ck_assert_int_eq(recv_msg(r, &msg, &count, NULL, NULL), 0);
    ck_assert_uint_eq(count, sizeof(payload));
    ck_assert_uint_eq(msg.Control.len, WSA_CMSG_SPACE(sizeof(INT)));
    ck_assert_int_eq(h->cmsg_level, level);
    ck_assert_int_eq(h->cmsg_type, type);
    ck_assert_uint_eq(h->cmsg_len, WSA_CMSG_LEN(sizeof(INT)));
    if (type == IP_TTL)
        ck_assert_int_ge(*(INT *)WSA_CMSG_DATA(h), 32);
    else
        ck_assert_int_eq(*(INT *)WSA_CMSG_DATA(h), 0);
    closesocket(c);
    closesocket(r);
}

START_TEST(recvmsg_ttl_tos_tclass)
{
    startup();
    one_cmsg(AF_INET, IPPROTO_IP, IP_RECVTTL, IP_TTL);
    one_cmsg(AF_INET, IPPROTO_IP, IP_RECVTOS, IP_TOS);
    one_cmsg(AF_INET6, IPPROTO_IPV6, IPV6_RECVTCLASS, IPV6_TCLASS);
}
END_TEST

/* SIO_ADDRESS_LIST_SORT succeeds, the list's addresses all there. */
START_TEST(address_list_sort)
{
    struct {
        SOCKET_ADDRESS_LIST l;
        SOCKET_ADDRESS more;
    } buf, out;
    struct sockaddr_in6 a[2];
    DWORD n = 0;
    SOCKET s;

    startup();
    s = socket(AF_INET6, SOCK_STREAM, 0);
    memset(a, 0, sizeof(a));
    a[0].sin6_family = a[1].sin6_family = AF_INET6;
    a[0].sin6_addr.s6_addr[15] = 1;
    a[1].sin6_addr.s6_addr[10] = a[1].sin6_addr.s6_addr[11] = 0xff;
    a[1].sin6_addr.s6_addr[12] = 127;
    a[1].sin6_addr.s6_addr[15] = 1;
    buf.l.iAddressCount = 2;
    buf.l.Address[0].lpSockaddr = (LPSOCKADDR)&a[0];
    buf.l.Address[0].iSockaddrLength = sizeof(a[0]);
    buf.more.lpSockaddr = (LPSOCKADDR)&a[1];
    buf.more.iSockaddrLength = sizeof(a[1]);
    ck_assert_int_eq(WSAIoctl(s, SIO_ADDRESS_LIST_SORT, &buf, sizeof(buf),
                              &buf, sizeof(buf), &n, NULL, NULL), 0);
    ck_assert_int_eq(buf.l.iAddressCount, 2);
    ck_assert(buf.l.Address[0].lpSockaddr != buf.more.lpSockaddr);
    ck_assert_int_eq(WSAIoctl(s, SIO_ADDRESS_LIST_SORT, &buf, sizeof(buf),
                              &out, sizeof(out), &n, NULL, NULL), 0);
    ck_assert_int_eq(out.l.iAddressCount, 2);
    buf.l.iAddressCount = 3; /* more than the buffer holds */
    EXPECT_FAIL(WSAIoctl(s, SIO_ADDRESS_LIST_SORT, &buf, sizeof(buf), &buf,
                         sizeof(buf), &n, NULL, NULL), WSAEINVAL);
    closesocket(s);
}
END_TEST

/* A raw socket binds once (its kernel "port" is its protocol, there
 * before any bind); the second bind is WSAEINVAL.  Raw sockets need
 * CAP_NET_RAW: without it socket() is refused and there is nothing to
 * check. */
START_TEST(raw_socket_binds)
{
    struct sockaddr_in a;
    SOCKET s;

    startup();
    s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (s == INVALID_SOCKET) {
        ck_assert_int_eq(WSAGetLastError(), WSAEACCES);
        return;
    }
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
    EXPECT_FAIL(bind(s, (struct sockaddr *)&a, sizeof(a)), WSAEINVAL);
    closesocket(s);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("badinput");
    TCase *tc = tcase_create("badinput");

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, absurd_handles);
    tcase_add_test(tc, bad_pointers_and_lengths);
    tcase_add_test(tc, memory_without_a_probe);
    tcase_add_test(tc, memory_of_another_threads_arena);
    tcase_add_test(tc, fd_above_1024);
    tcase_add_test(tc, select_thousands);
    tcase_add_test(tc, wsasocket_triples);
    tcase_add_test(tc, misc_error_codes);
    tcase_add_test(tc, ioctl_failure_sizes);
    tcase_add_test(tc, address_list_sort);
    tcase_add_test(tc, ip_option_validity);
    tcase_add_test(tc, short_bool_read);
    tcase_add_test(tc, recvmsg_ttl_tos_tclass);
    tcase_add_test(tc, raw_socket_binds);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
