/* Caller memory the library reads or writes itself, placed so that its
 * stated length runs into a page the process may not touch: every
 * Winsock function that takes such memory fails WSAEFAULT, as on
 * Windows, instead of crashing, and the sockets are unharmed.  Each probe
 * runs in a child of its own; the run prints how many crashed. */
#include <check.h>
#include <pthread.h>
#include "ws.h"
#include "testutil.h"
#include "guard.h"
#include "os.h"

/* The sockets of one probe: a connected TCP pair and a bound UDP socket
 * with a datagram waiting, and where it came from. */
static SOCKET tcp, peer, udp;
static struct sockaddr_in udp_addr;
static int base_entries;

static void fixture(void)
{
    int len = sizeof(udp_addr);
    u_long on = 1;

    startup();
    base_entries = wsc_open_count();
    pair(&tcp, &peer);
    udp = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&udp_addr, 0, sizeof(udp_addr));
    udp_addr.sin_family = AF_INET;
    udp_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(udp, (struct sockaddr *)&udp_addr, sizeof(udp_addr)) ||
        getsockname(udp, (struct sockaddr *)&udp_addr, &len) ||
        ioctlsocket(udp, FIONBIO, &on) ||
        sendto(udp, "dgram", 5, 0, (struct sockaddr *)&udp_addr, len) != 5 ||
        send(peer, "data", 4, 0) != 4)
        abort();
}

/* The table and the sockets after a probe. */
static const char *unharmed(void)
{
    char b[8];

    if (wsc_open_count() != base_entries + 3)
        return failf("%d table entries, expected %d", wsc_open_count(),
                     base_entries + 3);
    if (send(tcp, "ok", 2, 0) != 2 || recv(peer, b, 2, MSG_PEEK) != 2)
        return failf("the TCP pair no longer works");
    if (closesocket(tcp) || closesocket(peer) || closesocket(udp))
        return failf("closesocket failed");
    if (wsc_open_count() != base_entries)
        return failf("%d table entries left", wsc_open_count());
    return NULL;
}

/* A failed call: r is what it returned, bad the failure value. */
static const char *want_fault(const char *call, long r, long bad)
{
    if (r != bad)
        return failf("%s returned %ld, expected %ld", call, r, bad);
    if (WSAGetLastError() != WSAEFAULT)
        return failf("%s: error %d, expected WSAEFAULT", call,
                     WSAGetLastError());
    return NULL;
}
#define FAULTS(call, bad) want_fault(#call, (long)(call), (long)(bad))

static const int i16 = 16, i4 = 4;
static const DWORD zero_dword;

static const char *p_wsastartup(size_t k)
{
    WSADATA d;
    int r = WSAStartup(MAKEWORD(2, 2), at_guard(&d, sizeof(d), k));

    if (r != WSAEFAULT)
        return failf("WSAStartup returned %d, expected WSAEFAULT", r);
    if (wsc_started())
        return failf("WSAStartup counted a failed call");
    fixture();
    return NULL;
}

static const char *p_bind(size_t k)
{
    SOCKET s;
    struct sockaddr_in a = udp_addr;
    const char *m;

    fixture();
    s = socket(AF_INET, SOCK_DGRAM, 0);
    a.sin_port = 0;
    m = FAULTS(bind(s, at_guard(&a, sizeof(a), k), sizeof(a)), SOCKET_ERROR);
    closesocket(s);
    return m;
}

static const char *p_connect(size_t k)
{
    SOCKET s;
    const char *m;

    fixture();
    s = socket(AF_INET, SOCK_DGRAM, 0);
    m = FAULTS(connect(s, at_guard(&udp_addr, sizeof(udp_addr), k),
                       sizeof(udp_addr)), SOCKET_ERROR);
    closesocket(s);
    return m;
}

/* accept with a connection waiting, which a bad buffer must not lose. */
static const char *accept_probe(struct sockaddr *addr, int *len, SOCKET l)
{
    const char *m = FAULTS(accept(l, addr, len), INVALID_SOCKET);
    SOCKET s;

    if (m)
        return m;
    s = accept(l, NULL, NULL);
    if (s == INVALID_SOCKET)
        return failf("the waiting connection was lost");
    closesocket(s);
    return NULL;
}

static SOCKET pending_connection(SOCKET *c)
{
    unsigned short port;
    SOCKET l = listener(&port);
    struct sockaddr_in a;
    u_long on = 1;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    *c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(*c, (struct sockaddr *)&a, sizeof(a)) ||
        ioctlsocket(l, FIONBIO, &on))
        abort();
    return l;
}

static const char *p_accept_len(size_t k)
{
    struct sockaddr_in a;
    SOCKET c, l;
    const char *m;

    fixture();
    l = pending_connection(&c);
    m = accept_probe((struct sockaddr *)&a, at_guard(&i16, 4, k), l);
    closesocket(l), closesocket(c);
    return m;
}

static const char *p_accept_addr(size_t k)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET c, l;
    const char *m;

    fixture();
    l = pending_connection(&c);
    m = accept_probe(at_guard(&a, sizeof(a), k), &len, l);
    closesocket(l), closesocket(c);
    return m;
}

static const char *p_sendto(size_t k)
{
    fixture();
    return FAULTS(sendto(udp, "x", 1, 0,
                         at_guard(&udp_addr, sizeof(udp_addr), k),
                         sizeof(udp_addr)), SOCKET_ERROR);
}

static const char *p_recvfrom_from(size_t k)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    char b[8];

    fixture();
    return FAULTS(recvfrom(udp, b, sizeof(b), 0, at_guard(&a, sizeof(a), k),
                           &len), SOCKET_ERROR);
}

static const char *p_recvfrom_len(size_t k)
{
    struct sockaddr_in a;
    char b[8];

    fixture();
    return FAULTS(recvfrom(udp, b, sizeof(b), 0, (struct sockaddr *)&a,
                           at_guard(&i16, 4, k)), SOCKET_ERROR);
}

/* The data buffers themselves are the kernel's to check. */
static const char *p_send_data(size_t k)
{
    fixture();
    (void)k;
    return FAULTS(send(tcp, guard_page, 100, 0), SOCKET_ERROR);
}

static const char *p_recv_data(size_t k)
{
    fixture();
    (void)k;
    return FAULTS(recv(tcp, guard_page, 100, 0), SOCKET_ERROR);
}

/* Two WSABUFs, the count saying three. */
static WSABUF two_bufs[3];
static char wsabuf_data[8];

static LPWSABUF bufs_at_guard(size_t k)
{
    two_bufs[0].len = two_bufs[1].len = 4;
    two_bufs[0].buf = wsabuf_data;
    two_bufs[1].buf = wsabuf_data + 4;
    return at_guard(two_bufs, 2 * sizeof(WSABUF), k);
}

static const char *p_wsasend_count(size_t k)
{
    DWORD n;

    fixture();
    return FAULTS(WSASend(tcp, bufs_at_guard(k), 3, &n, 0, NULL, NULL),
                  SOCKET_ERROR);
}

static const char *p_wsarecv_count(size_t k)
{
    DWORD n, fl = 0;

    fixture();
    return FAULTS(WSARecv(tcp, bufs_at_guard(k), 3, &n, &fl, NULL, NULL),
                  SOCKET_ERROR);
}

static const char *p_wsasend_sent(size_t k)
{
    WSABUF b = { 2, (char *)"ab" };

    fixture();
    return FAULTS(WSASend(tcp, &b, 1, at_guard(&zero_dword, 4, k), 0, NULL,
                          NULL), SOCKET_ERROR);
}

static const char *p_wsarecv_received(size_t k)
{
    WSABUF b = { 4, wsabuf_data };
    DWORD fl = 0;

    fixture();
    return FAULTS(WSARecv(tcp, &b, 1, at_guard(&zero_dword, 4, k), &fl, NULL,
                          NULL), SOCKET_ERROR);
}

static const char *p_wsarecv_flags(size_t k)
{
    WSABUF b = { 4, wsabuf_data };
    DWORD n;

    fixture();
    return FAULTS(WSARecv(tcp, &b, 1, &n, at_guard(&zero_dword, 4, k), NULL,
                          NULL), SOCKET_ERROR);
}

/* A 64-entry set whose count says more. */
static wsc_fd_set *set_at_guard(u_int count, size_t k)
{
    static wsc_fd_set s;
    u_int i;

    s.fd_count = count;
    for (i = 0; i < 64; i++)
        s.fd_array[i] = i % 2 ? tcp : udp;
    return at_guard(&s, sizeof(s), k);
}

#define SET_BYTES(n) (offsetof(wsc_fd_set, fd_array) + (n) * sizeof(SOCKET))

static const char *p_select_read(size_t k)
{
    struct timeval tv = { 0, 0 };

    fixture();
    return FAULTS(select(0, set_at_guard(65, k), NULL, NULL, &tv),
                  SOCKET_ERROR);
}

static const char *p_select_except(size_t k)
{
    struct timeval tv = { 0, 0 };

    fixture();
    return FAULTS(select(0, NULL, NULL, set_at_guard(65, k), &tv),
                  SOCKET_ERROR);
}

static const char *p_select_huge(size_t k)
{
    struct timeval tv = { 0, 0 };

    fixture();
    return FAULTS(select(0, NULL, set_at_guard(1u << 24, k), NULL, &tv),
                  SOCKET_ERROR);
}

static const char *p_select_timeout(size_t k)
{
    struct timeval tv = { 0, 0 };
    wsc_fd_set s;

    fixture();
    s.fd_count = 1;
    s.fd_array[0] = tcp;
    return FAULTS(select(0, &s, NULL, NULL, at_guard(&tv, sizeof(tv), k)),
                  SOCKET_ERROR);
}

static const char *p_fdisset(size_t k)
{
    wsc_fd_set *s;

    fixture();
    s = set_at_guard(65, k);
    /* No error channel: not found, and no crash. */
    if (__WSAFDIsSet(INVALID_SOCKET, s))
        return failf("__WSAFDIsSet found a socket that is not there");
    return NULL;
}

static const char *p_wsapoll(size_t k)
{
    WSAPOLLFD p[2] = { { tcp, POLLRDNORM, 0 }, { udp, POLLRDNORM, 0 } };

    fixture();
    p[0].fd = tcp;
    p[1].fd = udp;
    return FAULTS(WSAPoll(at_guard(p, sizeof(p), k), 3, 0), SOCKET_ERROR);
}

static const char *p_ioctl_fionread(size_t k)
{
    fixture();
    return FAULTS(ioctlsocket(tcp, FIONREAD, at_guard(&zero_dword, 4, k)),
                  SOCKET_ERROR);
}

static const char *p_ioctl_fionbio(size_t k)
{
    fixture();
    return FAULTS(ioctlsocket(tcp, FIONBIO, at_guard(&zero_dword, 4, k)),
                  SOCKET_ERROR);
}

static const char *p_ioctl_atmark(size_t k)
{
    fixture();
    return FAULTS(ioctlsocket(tcp, SIOCATMARK, at_guard(&zero_dword, 4, k)),
                  SOCKET_ERROR);
}

static const char *p_setsockopt_dword(size_t k)
{
    DWORD ms = 1000;

    fixture();
    return FAULTS(setsockopt(tcp, SOL_SOCKET, SO_RCVTIMEO,
                             at_guard(&ms, 4, k), 4), SOCKET_ERROR);
}

static const char *p_setsockopt_linger(size_t k)
{
    struct linger lg = { 1, 5 };

    fixture();
    return FAULTS(setsockopt(tcp, SOL_SOCKET, SO_LINGER,
                             at_guard(&lg, sizeof(lg), k), sizeof(lg)),
                  SOCKET_ERROR);
}

static const char *p_getsockopt_value(size_t k)
{
    int len = 4;

    fixture();
    return FAULTS(getsockopt(tcp, SOL_SOCKET, SO_RCVBUF,
                             at_guard(&zero_dword, 4, k), &len), SOCKET_ERROR);
}

static const char *p_getsockopt_linger(size_t k)
{
    struct linger lg;
    int len = sizeof(lg);

    fixture();
    return FAULTS(getsockopt(tcp, SOL_SOCKET, SO_LINGER,
                             at_guard(&lg, sizeof(lg), k), &len), SOCKET_ERROR);
}

static const char *p_getsockopt_len(size_t k)
{
    DWORD v;

    fixture();
    return FAULTS(getsockopt(tcp, SOL_SOCKET, SO_RCVBUF, (char *)&v,
                             at_guard(&i4, 4, k)), SOCKET_ERROR);
}

static const char *name_probe(int peer_name, int from_len, size_t k)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    struct sockaddr *name = (struct sockaddr *)&a;
    int *lp = &len;

    fixture();
    if (from_len)
        lp = at_guard(&i16, 4, k);
    else
        name = at_guard(&a, sizeof(a), k);
    if (peer_name)
        return FAULTS(getpeername(tcp, name, lp), SOCKET_ERROR);
    return FAULTS(getsockname(tcp, name, lp), SOCKET_ERROR);
}

static const char *p_getsockname(size_t k) { return name_probe(0, 0, k); }
static const char *p_getsockname_len(size_t k) { return name_probe(0, 1, k); }
static const char *p_getpeername(size_t k) { return name_probe(1, 0, k); }
static const char *p_getpeername_len(size_t k) { return name_probe(1, 1, k); }

/* The name and its NUL, all but the last byte mapped (or none). */
static const char *p_gethostname(size_t k)
{
    char h[256];
    size_t len;

    fixture();
    if (gethostname(h, sizeof(h)))
        return failf("gethostname failed");
    len = strlen(h) + 1;
    return FAULTS(gethostname(at_guard(h, len, k ? len - 1 : 0), (int)len),
                  SOCKET_ERROR);
}

static const char *p_gethostbyname(size_t k)
{
    static const char name[] = "localhost";

    fixture();
    return FAULTS(gethostbyname(at_guard(name, sizeof(name), k)), NULL);
}

static const char *p_gethostbyaddr(size_t k)
{
    static const unsigned char lo[4] = { 127, 0, 0, 1 };

    fixture();
    return FAULTS(gethostbyaddr(at_guard(lo, sizeof(lo), k), 4, AF_INET),
                  NULL);
}

static const char *p_getservbyname(size_t k)
{
    static const char name[] = "telnet";

    fixture();
    return FAULTS(getservbyname(at_guard(name, sizeof(name), k), "tcp"),
                  NULL);
}

static const char *p_getservbyname_proto(size_t k)
{
    static const char proto[] = "tcp";

    fixture();
    return FAULTS(getservbyname("telnet", at_guard(proto, sizeof(proto), k)),
                  NULL);
}

static const char *p_getprotobyname(size_t k)
{
    static const char name[] = "tcp";

    fixture();
    return FAULTS(getprotobyname(at_guard(name, sizeof(name), k)), NULL);
}

static const char *p_gethostname_w(size_t k)
{
    wchar_t h[256];
    size_t len;

    fixture();
    if (GetHostNameW(h, 256))
        return failf("GetHostNameW failed");
    len = (wcslen(h) + 1) * sizeof(wchar_t);
    return FAULTS(GetHostNameW(at_guard(h, len, k ? len - 1 : 0),
                               (int)(len / sizeof(wchar_t))),
                  SOCKET_ERROR);
}

static const char *gai_fault(const char *call, int r)
{
    if (r != WSAEFAULT || WSAGetLastError() != WSAEFAULT)
        return failf("%s returned %d (last error %d), expected WSAEFAULT",
                     call, r, WSAGetLastError());
    return NULL;
}

static const char *p_getaddrinfo_node(size_t k)
{
    static const char node[] = "127.0.0.1";
    struct addrinfo *ai = NULL;

    fixture();
    return gai_fault("getaddrinfo", getaddrinfo(at_guard(node, sizeof(node), k),
                                                "80", NULL, &ai));
}

static const char *p_getaddrinfo_service(size_t k)
{
    static const char serv[] = "8080";
    struct addrinfo *ai = NULL;

    fixture();
    return gai_fault("getaddrinfo", getaddrinfo("127.0.0.1",
                                                at_guard(serv, sizeof(serv), k),
                                                NULL, &ai));
}

static const char *p_getaddrinfo_hints(size_t k)
{
    struct addrinfo h, *ai = NULL;

    fixture();
    memset(&h, 0, sizeof(h));
    h.ai_family = AF_INET;
    return gai_fault("getaddrinfo", getaddrinfo("127.0.0.1", "80",
                                                at_guard(&h, sizeof(h), k),
                                                &ai));
}

static const char *p_getaddrinfo_res(size_t k)
{
    struct addrinfo *ai = NULL;

    fixture();
    return gai_fault("getaddrinfo",
                     getaddrinfo("127.0.0.1", "80", NULL,
                                 at_guard(&ai, sizeof(ai), k)));
}

static const char *p_getnameinfo_sa(size_t k)
{
    char host[64];

    fixture();
    return gai_fault("getnameinfo",
                     getnameinfo(at_guard(&udp_addr, sizeof(udp_addr), k),
                                 sizeof(udp_addr), host, sizeof(host), NULL, 0,
                                 NI_NUMERICHOST));
}

/* "127.0.0.1" and its NUL: 10 bytes, the stated length. */
static const char *p_getnameinfo_host(size_t k)
{
    char host[10];

    fixture();
    return gai_fault("getnameinfo",
                     getnameinfo((struct sockaddr *)&udp_addr, sizeof(udp_addr),
                                 at_guard(host, sizeof(host), k), sizeof(host),
                                 NULL, 0, NI_NUMERICHOST));
}

static const char *p_getnameinfo_serv(size_t k)
{
    char serv[6];
    struct sockaddr_in a;

    fixture();
    a = udp_addr;
    a.sin_port = htons(54321);
    return gai_fault("getnameinfo",
                     getnameinfo((struct sockaddr *)&a, sizeof(a), NULL, 0,
                                 at_guard(serv, sizeof(serv), k), sizeof(serv),
                                 NI_NUMERICSERV));
}

static const char *p_inet_pton_src(size_t k)
{
    static const char src[] = "255.255.255.255";
    struct in_addr a;

    fixture();
    return FAULTS(inet_pton(AF_INET, at_guard(src, sizeof(src), k), &a), -1);
}

static const char *p_inet_pton_dst(size_t k)
{
    struct in6_addr a;

    fixture();
    return FAULTS(inet_pton(AF_INET6, "::1", at_guard(&a, sizeof(a), k)), -1);
}

static const char *p_inet_ntop_src(size_t k)
{
    struct in6_addr a;
    char out[64];

    fixture();
    memset(&a, 0xff, sizeof(a));
    return FAULTS(inet_ntop(AF_INET6, at_guard(&a, sizeof(a), k), out,
                            sizeof(out)), NULL);
}

/* "255.255.255.255" and its NUL fill the 16 bytes stated. */
static const char *p_inet_ntop_dst(size_t k)
{
    struct in_addr a;
    char out[16];

    fixture();
    a.s_addr = 0xffffffff;
    return FAULTS(inet_ntop(AF_INET, &a, at_guard(out, sizeof(out), k),
                            sizeof(out)), NULL);
}

#define P(name, len) { #name, p_##name, len, 0, 0 }
#define PW(name, len) { #name, p_##name, len, 0, 1 }
static const struct probe probes[] = {
    PW(wsastartup, sizeof(WSADATA)),
    P(bind, sizeof(struct sockaddr_in)),
    P(connect, sizeof(struct sockaddr_in)),
    PW(accept_len, sizeof(int)),
    PW(accept_addr, sizeof(struct sockaddr_in)),
    P(sendto, sizeof(struct sockaddr_in)),
    PW(recvfrom_from, sizeof(struct sockaddr_in)),
    PW(recvfrom_len, sizeof(int)),
    { "send_data", p_send_data, 100, 1, 0 },
    { "recv_data", p_recv_data, 100, 1, 0 },
    P(wsasend_count, 3 * sizeof(WSABUF)),
    P(wsarecv_count, 3 * sizeof(WSABUF)),
    PW(wsasend_sent, sizeof(DWORD)),
    PW(wsarecv_received, sizeof(DWORD)),
    PW(wsarecv_flags, sizeof(DWORD)),
    PW(select_read, SET_BYTES(65)),
    PW(select_except, SET_BYTES(65)),
    { "select_huge", p_select_huge, SET_BYTES(1u << 24), SET_BYTES(64), 1 },
    P(select_timeout, sizeof(struct timeval)),
    P(fdisset, SET_BYTES(65)),
    PW(wsapoll, 3 * sizeof(WSAPOLLFD)),
    PW(ioctl_fionread, sizeof(u_long)),
    P(ioctl_fionbio, sizeof(u_long)),
    PW(ioctl_atmark, sizeof(u_long)),
    P(setsockopt_dword, sizeof(DWORD)),
    P(setsockopt_linger, sizeof(struct linger)),
    PW(getsockopt_value, sizeof(DWORD)),
    PW(getsockopt_linger, sizeof(struct linger)),
    PW(getsockopt_len, sizeof(int)),
    PW(getsockname, sizeof(struct sockaddr_in)),
    PW(getsockname_len, sizeof(int)),
    PW(getpeername, sizeof(struct sockaddr_in)),
    PW(getpeername_len, sizeof(int)),
    PW(gethostname, 2),
    P(gethostbyname, sizeof("localhost")),
    P(gethostbyaddr, 4),
    P(getservbyname, sizeof("telnet")),
    P(getservbyname_proto, sizeof("tcp")),
    P(getprotobyname, sizeof("tcp")),
    PW(gethostname_w, 2 * sizeof(wchar_t)),
    P(getaddrinfo_node, sizeof("127.0.0.1")),
    P(getaddrinfo_service, sizeof("8080")),
    P(getaddrinfo_hints, sizeof(struct addrinfo)),
    PW(getaddrinfo_res, sizeof(struct addrinfo *)),
    P(getnameinfo_sa, sizeof(struct sockaddr_in)),
    PW(getnameinfo_host, sizeof("127.0.0.1")),
    PW(getnameinfo_serv, sizeof("54321")),
    P(inet_pton_src, sizeof("255.255.255.255")),
    PW(inet_pton_dst, sizeof(struct in6_addr)),
    P(inet_ntop_src, sizeof(struct in6_addr)),
    PW(inet_ntop_dst, sizeof("255.255.255.255")),
};

START_TEST(every_buffer_at_a_guard_page)
{
    struct guard_count c = guard_run("guard (Winsock)", probes,
                                     sizeof(probes) / sizeof(probes[0]),
                                     unharmed);

    ck_assert_int_eq(c.crashes, 0);
    ck_assert_int_eq(c.failures, 0);
}
END_TEST

static ssize_t no_vm(pid_t pid, const struct iovec *l, unsigned long nl,
                     const struct iovec *r, unsigned long nr,
                     unsigned long flags)
{
    errno = ENOSYS;
    return -1;
}

/* Without process_vm_readv/writev (a seccomp filter), good memory still
 * works, by plain access. */
START_TEST(without_process_vm_calls)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    u_long n = 7;

    wsc_os.process_vm_readv = no_vm;
    wsc_os.process_vm_writev = no_vm;
    fixture();
    ck_assert_int_eq(getsockname(udp, (struct sockaddr *)&a, &len), 0);
    ck_assert_int_eq(a.sin_port, udp_addr.sin_port);
    ck_assert_int_eq(ioctlsocket(tcp, FIONREAD, &n), 0);
    ck_assert_uint_eq(n, 4);
    ck_assert_ptr_null(unharmed());
}
END_TEST

/* A page mapped before a thread starts lies above that thread's stack
 * (mappings grow down): it is not the thread's live stack, and a call on
 * the thread with a pointer into it gets WSAEFAULT, not SIGSEGV. */
struct above_stack {
    long rc_string, err_string, rc_opt, err_opt;
};

static void *call_above_stack(void *p)
{
    struct above_stack *r = p;
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);

    r->rc_string = WSAStringToAddressA(guard_page, AF_INET, NULL,
                                       (struct sockaddr *)&a, &len);
    r->err_string = WSAGetLastError();
    r->rc_opt = setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, guard_page, 4);
    r->err_opt = WSAGetLastError();
    closesocket(s);
    return NULL;
}

START_TEST(memory_above_the_thread_stack)
{
    struct above_stack r;
    pthread_t th;
    WSADATA d;

    WSAStartup(MAKEWORD(2, 2), &d);
    guard_init(PROT_NONE);
    ck_assert_int_eq(pthread_create(&th, NULL, call_above_stack, &r), 0);
    pthread_join(th, NULL);
    ck_assert_int_eq(r.rc_string, SOCKET_ERROR);
    ck_assert_int_eq(r.err_string, WSAEFAULT);
    ck_assert_int_eq(r.rc_opt, SOCKET_ERROR);
    ck_assert_int_eq(r.err_opt, WSAEFAULT);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("guard");
    TCase *tc = tcase_create("guard");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_buffer_at_a_guard_page);
    tcase_add_test(tc, without_process_vm_calls);
    tcase_add_test(tc, memory_above_the_thread_stack);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
