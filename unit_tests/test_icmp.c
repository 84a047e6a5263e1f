/* ICMP echo through the IP Helper (lib/winsock/icmp.c, lib/engine/ping.c):
 * the codes Windows gives for bad handles, addresses and buffers (Wine's
 * iphlpapi tests, the checks Windows passes), the reply as Windows lays it
 * out (data right after the structure, Data pointing at it), IcmpSendEcho2
 * finishing through an event and through an APC, IcmpParseReplies,
 * GetIpErrorString, echoes in flight at once on one handle, IPv6, and a
 * timeout.  The echo tests run twice, over Linux's ping sockets and over
 * a raw socket (each in a network namespace of its own when the process
 * may make one, where net.ipv4.ping_group_range picks the kind and
 * icmp_echo_ignore_all makes a host that never answers). */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* Writes a sysctl of this network namespace; 0 on success. */
static int write_sysctl(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC), ok;

    if (fd < 0)
        return -1;
    ok = write(fd, value, strlen(value)) == (ssize_t)strlen(value);
    close(fd);
    return ok ? 0 : -1;
}

/* Moves the calling (test) process to a new network namespace with its
 * loopback up; ping sockets allowed for root or not.  0 when it could not
 * (not privileged): the test runs where it is. */
static int own_netns(int ping_sockets)
{
    struct ifreq ifr;
    int s;

    if (unshare(CLONE_NEWNET) < 0)
        return 0;
    s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
        abort();
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
        abort();
    close(s);
    if (write_sysctl("/proc/sys/net/ipv4/ping_group_range",
                     ping_sockets ? "0 2147483647" : "1 0"))
        abort();
    return 1;
}

/* 1 when this process may open a ping socket (not a raw one). */
static int ping_sockets_allowed(void)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMP);

    if (s < 0)
        return 0;
    close(s);
    return 1;
}

#include <check.h>
#include <pthread.h>
#include "ws.h"
#include "winternl.h"
#include "icmpapi.h"
#include "testutil.h"

#define PAYLOAD 32

/* A call that fails: it returns 0 and leaves the code as last error. */
#define EXPECT_FAIL(call, code)                                               \
    do {                                                                      \
        ck_assert_uint_eq((call), 0);                                         \
        ck_assert_uint_eq(GetLastError(), (code));                            \
    } while (0)

/* The kind of socket the tests of a run ask for (0 raw, 1 ping). */
static int want_ping;
/* Whether this test runs in a namespace of its own. */
static int isolated;

static void setup_kind(void)
{
    isolated = own_netns(want_ping);
    if (!isolated)
        fprintf(stderr, "test_icmp: no network namespace (not privileged); "
                        "echoes use what this process may open\n");
    else
        ck_assert_int_eq(ping_sockets_allowed(), want_ping);
}

static HANDLE icmp4(void)
{
    HANDLE h = IcmpCreateFile();

    ck_assert_msg(h != INVALID_HANDLE_VALUE, "IcmpCreateFile: %lu",
                  (unsigned long)GetLastError());
    return h;
}

static IPAddr loopback(int last)
{
    return htonl(0x7f000000u | (unsigned)last);
}

static void fill(char *b, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (char)(i * 7 + (size_t)seed);
}

START_TEST(bad_input)
{
    char data[PAYLOAD] = { 0 };
    char reply[sizeof(ICMP_ECHO_REPLY) + PAYLOAD + 8];
    HANDLE h, ev;

    setup_kind();
    SetLastError(0xdeadbeef);
    EXPECT_FAIL(IcmpSendEcho(INVALID_HANDLE_VALUE, loopback(1), data, PAYLOAD,
                             NULL, reply, sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    SetLastError(0xdeadbeef);
    EXPECT_FAIL(IcmpSendEcho2(INVALID_HANDLE_VALUE, NULL, NULL, NULL,
                              loopback(1), data, PAYLOAD, NULL, reply,
                              sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    /* A handle, but not an ICMP one. */
    ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    EXPECT_FAIL(IcmpSendEcho(ev, loopback(1), data, PAYLOAD, NULL, reply,
                             sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(IcmpCloseHandle(ev), FALSE);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_int_eq(IcmpCloseHandle(INVALID_HANDLE_VALUE), FALSE);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);

    h = icmp4();
    EXPECT_FAIL(
        IcmpSendEcho(h, 0, data, PAYLOAD, NULL, reply, sizeof reply, 1000),
        ERROR_INVALID_NETNAME);
    /* An asynchronous one fails the same, at once, its event untouched. */
    EXPECT_FAIL(IcmpSendEcho2(h, ev, NULL, NULL, 0, data, PAYLOAD, NULL, reply,
                              sizeof reply, 1000),
                ERROR_INVALID_NETNAME);
    EXPECT_FAIL(IcmpSendEcho2(h, ev, NULL, NULL, loopback(1), data, PAYLOAD,
                              NULL, NULL, sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, NULL,
                             sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    EXPECT_FAIL(
        IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply, 0, 1000),
        ERROR_INVALID_PARAMETER);
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), NULL, PAYLOAD, NULL, reply,
                             sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    /* The reply must hold the structure and the data. */
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply,
                             sizeof(ICMP_ECHO_REPLY) + PAYLOAD - 1, 1000),
                IP_GENERAL_FAILURE);
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), data, 8, NULL, reply,
                             sizeof(ICMP_ECHO_REPLY) + 7, 1000),
                IP_GENERAL_FAILURE);
    /* An IPv4 handle does not do IPv6, nor the reverse. */
    {
        struct sockaddr_in6 d = { 0 };

        d.sin6_family = AF_INET6;
        d.sin6_addr.s6_addr[15] = 1;
        EXPECT_FAIL(Icmp6SendEcho2(h, NULL, NULL, NULL, NULL, &d, data,
                                   PAYLOAD, NULL, reply, sizeof reply, 1000),
                    ERROR_INVALID_PARAMETER);
    }
    ck_assert_int_eq(IcmpCloseHandle(h), TRUE);
    /* A closed handle is no handle. */
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply,
                             sizeof reply, 1000),
                ERROR_INVALID_PARAMETER);
    CloseHandle(ev);
}
END_TEST

START_TEST(echo_reply_layout)
{
    char data[PAYLOAD];
    /* Exactly what Windows' sample allocates: the structure and the data. */
    char reply[sizeof(ICMP_ECHO_REPLY) + PAYLOAD];
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;
    HANDLE h;
    int before;

    setup_kind();
    before = open_fds();
    h = icmp4();
    fill(data, sizeof data, 3);
    SetLastError(0xdeadbeef);
    ck_assert_uint_eq(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply,
                                   sizeof reply, 5000),
                      1);
    ck_assert_uint_eq(GetLastError(), NO_ERROR);
    ck_assert_uint_eq(ntohl(r->Address), INADDR_LOOPBACK);
    ck_assert_uint_eq(r->Status, IP_SUCCESS);
    ck_assert_uint_eq(r->DataSize, PAYLOAD);
    ck_assert_ptr_eq(r->Data, r + 1);
    ck_assert_mem_eq(r->Data, data, PAYLOAD);
    ck_assert_uint_gt(r->Options.Ttl, 0);
    ck_assert_uint_lt(r->RoundTripTime, 5000);
    ck_assert_uint_eq(r->Reserved, 0);

    /* Another loopback address answers as itself; no data at all works. */
    ck_assert_uint_eq(IcmpSendEcho(h, loopback(9), NULL, 0, NULL, reply,
                                   sizeof(ICMP_ECHO_REPLY), 5000),
                      1);
    ck_assert_uint_eq(ntohl(r->Address), 0x7f000009u);
    ck_assert_uint_eq(r->Status, IP_SUCCESS);
    ck_assert_uint_eq(r->DataSize, 0);

    /* Request options: a TTL of our own, and don't fragment. */
    {
        IP_OPTION_INFORMATION o = { 0 };

        o.Ttl = 7;
        o.Flags = IP_FLAG_DF;
        fill(data, sizeof data, 11);
        ck_assert_uint_eq(IcmpSendEcho(h, loopback(1), data, PAYLOAD, &o,
                                       reply, sizeof reply, 5000),
                          1);
        ck_assert_uint_eq(r->Status, IP_SUCCESS);
        ck_assert_mem_eq(r->Data, data, PAYLOAD);
        /* The reply comes back with the replier's TTL (loopback's reply
         * is not the request's). */
        ck_assert_uint_gt(r->Options.Ttl, 0);
    }
    /* CloseHandle closes an ICMP handle too, and nothing is left open. */
    ck_assert_int_eq(CloseHandle(h), TRUE);
    ck_assert_int_eq(open_fds(), before);
}
END_TEST

START_TEST(echo2_event)
{
    char data[PAYLOAD];
    char reply[sizeof(ICMP_ECHO_REPLY) + PAYLOAD + sizeof(IO_STATUS_BLOCK)];
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;
    HANDLE h, ev;

    setup_kind();
    h = icmp4();
    ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    fill(data, sizeof data, 5);
    memset(reply, 0xcc, sizeof reply);
    SetLastError(0xdeadbeef);
    EXPECT_FAIL(IcmpSendEcho2(h, ev, NULL, NULL, loopback(1), data, PAYLOAD,
                              NULL, reply, sizeof reply, 5000),
                ERROR_IO_PENDING);
    /* The request was copied: changing it now changes nothing. */
    memset(data, 0, sizeof data);
    ck_assert_uint_eq(WaitForSingleObject(ev, 10000), WAIT_OBJECT_0);
    fill(data, sizeof data, 5);
    ck_assert_uint_eq(ntohl(r->Address), INADDR_LOOPBACK);
    ck_assert_uint_eq(r->Status, IP_SUCCESS);
    ck_assert_uint_eq(r->DataSize, PAYLOAD);
    ck_assert_mem_eq(r + 1, data, PAYLOAD);
    /* The count is the reply's to tell, once. */
    SetLastError(0xdeadbeef);
    ck_assert_uint_eq(IcmpParseReplies(reply, sizeof reply), 1);
    ck_assert_uint_eq(GetLastError(), 0xdeadbeef);
    ck_assert_uint_eq(r->Reserved, 0);
    EXPECT_FAIL(IcmpParseReplies(reply, sizeof reply), IP_SUCCESS);
    r->Status = 12345;
    EXPECT_FAIL(IcmpParseReplies(reply, sizeof reply), 12345);
    r->Reserved = 3;
    ck_assert_uint_eq(IcmpParseReplies(reply, sizeof reply), 3);
    CloseHandle(ev);
    IcmpCloseHandle(h);
}
END_TEST

static int apc_runs;
static void *apc_context;
static IO_STATUS_BLOCK apc_iosb;
static DWORD apc_thread;

static void NTAPI echo_apc(PVOID context, PIO_STATUS_BLOCK iosb,
                           ULONG reserved)
{
    apc_runs++;
    apc_context = context;
    apc_iosb = *iosb;
    apc_thread = GetCurrentThreadId();
}

START_TEST(echo2_apc)
{
    char data[PAYLOAD];
    char reply[sizeof(ICMP_ECHO_REPLY) + PAYLOAD + sizeof(IO_STATUS_BLOCK) +
               10];
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;
    HANDLE h;
    DWORD w = 0;

    setup_kind();
    h = icmp4();
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)~i;
    EXPECT_FAIL(IcmpSendEcho2(h, NULL, echo_apc, (void *)0xdeadc0de,
                              loopback(1), data, PAYLOAD, NULL, reply,
                              sizeof reply, 5000),
                ERROR_IO_PENDING);
    /* Only an alertable wait of this thread runs it. */
    ck_assert_int_eq(apc_runs, 0);
    for (int i = 0; i < 100 && w != WAIT_IO_COMPLETION; i++)
        w = SleepEx(100, TRUE);
    ck_assert_uint_eq(w, WAIT_IO_COMPLETION);
    ck_assert_int_eq(apc_runs, 1);
    ck_assert_ptr_eq(apc_context, (void *)0xdeadc0de);
    ck_assert_uint_eq(apc_thread, GetCurrentThreadId());
    ck_assert_int_eq(apc_iosb.Status, 0);
    ck_assert_uint_eq(apc_iosb.Information, sizeof(ICMP_ECHO_REPLY) + PAYLOAD);
    ck_assert_uint_eq(ntohl(r->Address), INADDR_LOOPBACK);
    ck_assert_uint_eq(r->Status, IP_SUCCESS);
    ck_assert_uint_eq(r->DataSize, PAYLOAD);
    ck_assert_mem_eq(r + 1, data, PAYLOAD);
    ck_assert_uint_eq(IcmpParseReplies(reply, sizeof reply), 1);
    IcmpCloseHandle(h);
}
END_TEST

/* Echoes in flight at once on one handle each get their own reply. */
#define THREADS 6
#define ROUNDS 20
static HANDLE shared_handle;

static void *echo_many(void *arg)
{
    int seed = (int)(intptr_t)arg;
    char data[48], reply[sizeof(ICMP_ECHO_REPLY) + 48];
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;

    for (int i = 0; i < ROUNDS; i++) {
        fill(data, sizeof data, seed * 100 + i);
        if (IcmpSendEcho(shared_handle, loopback(1), data, sizeof data, NULL,
                         reply, sizeof reply, 5000) != 1 ||
            r->Status != IP_SUCCESS || r->DataSize != sizeof data ||
            memcmp(r->Data, data, sizeof data))
            return (void *)1;
    }
    return NULL;
}

START_TEST(echoes_at_once)
{
    pthread_t t[THREADS];
    void *res;

    setup_kind();
    shared_handle = icmp4();
    for (intptr_t i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, echo_many, (void *)i), 0);
    for (int i = 0; i < THREADS; i++) {
        ck_assert_int_eq(pthread_join(t[i], &res), 0);
        ck_assert_ptr_null(res);
    }
    IcmpCloseHandle(shared_handle);
}
END_TEST

START_TEST(echo6)
{
    char data[PAYLOAD];
    char reply[sizeof(ICMPV6_ECHO_REPLY) + PAYLOAD + 8];
    ICMPV6_ECHO_REPLY *r = (ICMPV6_ECHO_REPLY *)reply;
    struct sockaddr_in6 src = { 0 }, dst = { 0 };
    HANDLE h;

    setup_kind();
    h = Icmp6CreateFile();
    ck_assert_msg(h != INVALID_HANDLE_VALUE, "Icmp6CreateFile: %lu",
                  (unsigned long)GetLastError());
    src.sin6_family = dst.sin6_family = AF_INET6;
    dst.sin6_addr.s6_addr[15] = 1;
    fill(data, sizeof data, 9);
    ck_assert_uint_eq(Icmp6SendEcho2(h, NULL, NULL, NULL, &src, &dst, data,
                                     PAYLOAD, NULL, reply, sizeof reply, 5000),
                      1);
    ck_assert_uint_eq(GetLastError(), NO_ERROR);
    ck_assert_uint_eq(r->Status, IP_SUCCESS);
    ck_assert_mem_eq(r->Address.sin6_addr, &dst.sin6_addr, 16);
    ck_assert_mem_eq(r + 1, data, PAYLOAD);
    ck_assert_uint_eq(Icmp6ParseReplies(reply, sizeof reply), 1);
    /* An unspecified destination, and an IPv4 handle's calls on it. */
    memset(&dst.sin6_addr, 0, 16);
    EXPECT_FAIL(Icmp6SendEcho2(h, NULL, NULL, NULL, &src, &dst, data, PAYLOAD,
                               NULL, reply, sizeof reply, 5000),
                ERROR_INVALID_NETNAME);
    EXPECT_FAIL(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply,
                             sizeof reply, 5000),
                ERROR_INVALID_PARAMETER);
    IcmpCloseHandle(h);
}
END_TEST

/* A host that never answers: 0, IP_REQ_TIMED_OUT, after the timeout. */
START_TEST(echo_timeout)
{
    char data[PAYLOAD] = "ping";
    char reply[sizeof(ICMP_ECHO_REPLY) + PAYLOAD];
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;
    ULONGLONG t0, took;
    HANDLE h;

    setup_kind();
    if (!isolated ||
        write_sysctl("/proc/sys/net/ipv4/icmp_echo_ignore_all", "1")) {
        fprintf(stderr, "test_icmp: echo_timeout needs a network namespace "
                        "of its own; not run\n");
        return;
    }
    h = icmp4();
    t0 = GetTickCount64();
    ck_assert_uint_eq(IcmpSendEcho(h, loopback(1), data, PAYLOAD, NULL, reply,
                                   sizeof reply, 300),
                      0);
    took = GetTickCount64() - t0;
    ck_assert_uint_eq(GetLastError(), IP_REQ_TIMED_OUT);
    ck_assert_uint_eq(r->Status, IP_REQ_TIMED_OUT);
    ck_assert_uint_ge(took, 290);
    ck_assert_uint_lt(took, 5000);
    /* No route at all: the request cannot go. */
    EXPECT_FAIL(IcmpSendEcho(h, htonl(0x0a090909), data, PAYLOAD, NULL, reply,
                             sizeof reply, 300),
                IP_GENERAL_FAILURE);
    IcmpCloseHandle(h);
}
END_TEST

/* Neither a ping socket nor a raw one: a clear error, no handle. */
START_TEST(no_icmp_allowed)
{
    setup_kind();
    if (want_ping)
        return; /* (nobody may open ping sockets then) */
    if (!isolated || setgid(65534) || setuid(65534)) {
        fprintf(stderr, "test_icmp: no_icmp_allowed needs root and a "
                        "network namespace; not run\n");
        return;
    }
    ck_assert_ptr_eq(IcmpCreateFile(), INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(GetLastError(), ERROR_ACCESS_DENIED);
}
END_TEST

START_TEST(ip_error_strings)
{
    WCHAR buf[64];
    DWORD size = 0;

    ck_assert_uint_eq(GetIpErrorString(IP_REQ_TIMED_OUT, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIpErrorString(IP_REQ_TIMED_OUT, NULL, &size),
                      ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(size, wcslen(L"Request timed out.") + 1);
    size = 5;
    ck_assert_uint_eq(GetIpErrorString(IP_REQ_TIMED_OUT, buf, &size),
                      ERROR_INSUFFICIENT_BUFFER);
    size = sizeof buf / sizeof buf[0];
    ck_assert_uint_eq(GetIpErrorString(IP_REQ_TIMED_OUT, buf, &size),
                      NO_ERROR);
    ck_assert(!wcscmp(buf, L"Request timed out."));
    size = sizeof buf / sizeof buf[0];
    ck_assert_uint_eq(GetIpErrorString(IP_DEST_HOST_UNREACHABLE, buf, &size),
                      NO_ERROR);
    ck_assert(!wcscmp(buf, L"Destination host unreachable."));
    /* A Win32 code takes the system's message. */
    size = sizeof buf / sizeof buf[0];
    ck_assert_uint_eq(GetIpErrorString(ERROR_ACCESS_DENIED, buf, &size),
                      NO_ERROR);
    ck_assert(!wcsncmp(buf, L"Access is denied.", 17));
}
END_TEST

static Suite *suite(const char *name, int ping)
{
    Suite *s = suite_create(name);
    TCase *tc = tcase_create(ping ? "ping" : "raw");

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, echo_reply_layout);
    tcase_add_test(tc, echo2_event);
    tcase_add_test(tc, echo2_apc);
    tcase_add_test(tc, echoes_at_once);
    tcase_add_test(tc, echo6);
    tcase_add_test(tc, echo_timeout);
    tcase_add_test(tc, no_icmp_allowed);
    if (!ping)
        tcase_add_test(tc, ip_error_strings);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int failed = 0;

    for (want_ping = 0; want_ping <= 1; want_ping++) {
        SRunner *sr = srunner_create(suite("icmp", want_ping));

        srunner_run_all(sr, CK_NORMAL);
        failed += srunner_ntests_failed(sr);
        srunner_free(sr);
    }
    return failed ? 1 : 0;
}
