/* The asynchronous GetAddrInfoExW where a local lookup is too quick to
 * see: this program's own getaddrinfo (which the library's objects, linked
 * in, call instead of libc's) holds a lookup of "slow.test" until the test
 * lets it go, so that cancels and timeouts meet a lookup that is surely
 * pending, and the lookup threads' ends can be waited for (leaks, writes
 * after the end). */
#include <check.h>
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>
#include "lookup.h"
#include "testutil.h"

#undef getaddrinfo
#undef freeaddrinfo

#define SLOW "slow.test"
#define BOUND_MS 2000

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static int arrived, open_gate;

typedef int (*gai_fn)(const char *, const char *, const struct addrinfo *,
                      struct addrinfo **);

/* SLOW waits at the gate, then resolves as 127.0.0.1 would (a list the
 * lookup thread must free when nobody takes it); the rest is libc's. */
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res)
{
    gai_fn real = (gai_fn)dlsym(RTLD_NEXT, "getaddrinfo");

    if (node && !strcmp(node, SLOW)) {
        pthread_mutex_lock(&gate_lock);
        arrived++;
        pthread_cond_broadcast(&gate_cv);
        while (!open_gate)
            pthread_cond_wait(&gate_cv, &gate_lock);
        pthread_mutex_unlock(&gate_lock);
        node = "127.0.0.1";
    }
    return real(node, service, hints, res);
}

static void deadline_in(struct timespec *ts, int ms)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Until n lookups wait at the gate (bounded). */
static void await_arrivals(int n)
{
    struct timespec ts;

    deadline_in(&ts, BOUND_MS);
    pthread_mutex_lock(&gate_lock);
    while (arrived < n &&
           pthread_cond_timedwait(&gate_cv, &gate_lock, &ts) == 0)
        ;
    ck_assert_int_eq(arrived, n);
    pthread_mutex_unlock(&gate_lock);
}

static void release(void)
{
    pthread_mutex_lock(&gate_lock);
    open_gate = 1;
    pthread_cond_broadcast(&gate_cv);
    pthread_mutex_unlock(&gate_lock);
}

/* Until every lookup thread has ended (bounded). */
static void await_threads_done(void)
{
    int i;

    for (i = 0; i < BOUND_MS && wsc_gaiex_threads(); i++)
        usleep(1000);
    ck_assert_int_eq(wsc_gaiex_threads(), 0);
}

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct {
    int calls;
    DWORD error, bytes;
    LPWSAOVERLAPPED ov;
    pthread_t thread;
} seen;

static void CALLBACK routine(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov)
{
    seen.calls++;
    seen.error = error;
    seen.bytes = bytes;
    seen.ov = ov;
    seen.thread = pthread_self();
}

START_TEST(cancel_ends_a_pending_lookup_at_once)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), h = NULL;
    PADDRINFOEXW res = (PADDRINFOEXW)&h;
    OVERLAPPED ov;

    startup();
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = ev;
    ck_assert_int_eq(GetAddrInfoExW(L"" SLOW, L"80", NS_ALL, NULL, NULL, &res,
                                    NULL, &ov, NULL, &h), WSA_IO_PENDING);
    ck_assert_int_eq(WSAGetLastError(), WSA_IO_PENDING);
    ck_assert_ptr_null(res);
    ck_assert_ptr_nonnull(h);
    await_arrivals(1);
    ck_assert_int_eq(GetAddrInfoExOverlappedResult(&ov), WSAEINPROGRESS);
    ck_assert_int_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(GetAddrInfoExCancel(&h), 0);
    /* The end came inside the cancel. */
    ck_assert_int_eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0);
    ck_assert_int_eq(GetAddrInfoExOverlappedResult(&ov), WSA_E_CANCELLED);
    ck_assert_ptr_eq(ov.Pointer, &res);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(GetAddrInfoExCancel(&h), WSA_INVALID_HANDLE);
    /* The resolution ends later and writes nothing (its list is freed:
     * LeakSanitizer would say otherwise). */
    ResetEvent(ev);
    ov.Pointer = NULL;
    release();
    await_threads_done();
    ck_assert_ptr_null(res);
    ck_assert_ptr_null(ov.Pointer);
    ck_assert_int_eq(ov.Internal, WSA_E_CANCELLED);
    ck_assert_int_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    CloseHandle(ev);
}
END_TEST

START_TEST(cancel_calls_the_routine_once)
{
    HANDLE h = NULL;
    PADDRINFOEXW res = NULL;
    OVERLAPPED ov;

    startup();
    memset(&ov, 0, sizeof(ov));
    ck_assert_int_eq(GetAddrInfoExW(L"" SLOW, NULL, NS_DNS, NULL, NULL, &res,
                                    NULL, &ov, routine, &h), WSA_IO_PENDING);
    await_arrivals(1);
    ck_assert_int_eq(seen.calls, 0);
    ck_assert_int_eq(GetAddrInfoExCancel(&h), 0);
    ck_assert_int_eq(seen.calls, 1);
    ck_assert_uint_eq(seen.error, WSA_E_CANCELLED);
    ck_assert_uint_eq(seen.bytes, 0);
    ck_assert_ptr_eq(seen.ov, &ov);
    release();
    await_threads_done();
    ck_assert_int_eq(seen.calls, 1);
    ck_assert_ptr_null(res);
}
END_TEST

/* The routine of a lookup that ends by itself runs on the lookup's
 * thread, with the caller in a wait that is not alertable. */
START_TEST(routine_runs_on_the_lookup_thread)
{
    PADDRINFOEXW res = NULL;
    OVERLAPPED ov;

    startup();
    memset(&ov, 0, sizeof(ov));
    ck_assert_int_eq(GetAddrInfoExW(L"" SLOW, NULL, NS_DNS, NULL, NULL, &res,
                                    NULL, &ov, routine, NULL), WSA_IO_PENDING);
    await_arrivals(1);
    release();
    await_threads_done();
    ck_assert_int_eq(seen.calls, 1);
    ck_assert_uint_eq(seen.error, 0);
    ck_assert(!pthread_equal(seen.thread, pthread_self()));
    ck_assert_int_eq(GetAddrInfoExOverlappedResult(&ov), 0);
    ck_assert_ptr_nonnull(res);
    ck_assert_int_eq(res->ai_family, AF_INET);
    FreeAddrInfoExW(res);
    ck_assert_uint_eq(SleepEx(0, TRUE), 0);
}
END_TEST

START_TEST(timeout_ends_an_overlapped_lookup)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), h = NULL;
    struct timeval tv = { 0, 100000 };
    PADDRINFOEXW res = NULL;
    OVERLAPPED ov;
    long long start;

    startup();
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = ev;
    start = now_ms();
    ck_assert_int_eq(GetAddrInfoExW(L"" SLOW, NULL, NS_ALL, NULL, NULL, &res,
                                    &tv, &ov, NULL, &h), WSA_IO_PENDING);
    ck_assert_int_eq(WaitForSingleObject(ev, BOUND_MS), WAIT_OBJECT_0);
    ck_assert_int_ge(now_ms() - start, 95);
    ck_assert_int_eq(GetAddrInfoExOverlappedResult(&ov), WSAETIMEDOUT);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(GetAddrInfoExCancel(&h), WSA_INVALID_HANDLE);
    release();
    await_threads_done();
    ck_assert_int_eq(ov.Internal, WSAETIMEDOUT);
    ck_assert_ptr_null(res);
    CloseHandle(ev);
}
END_TEST

START_TEST(timeout_ends_a_synchronous_lookup)
{
    struct timeval tv = { 0, 100000 }, long_tv = { 5, 0 };
    PADDRINFOEXW res = (PADDRINFOEXW)&tv;
    long long start = now_ms();

    startup();
    ck_assert_int_eq(GetAddrInfoExW(L"" SLOW, NULL, NS_ALL, NULL, NULL, &res,
                                    &tv, NULL, NULL, NULL), WSAETIMEDOUT);
    ck_assert_int_eq(WSAGetLastError(), WSAETIMEDOUT);
    ck_assert_int_ge(now_ms() - start, 95);
    ck_assert_ptr_null(res);
    release();
    await_threads_done();
    ck_assert_ptr_null(res);
    /* In time: the result as without a timeout. */
    ck_assert_int_eq(GetAddrInfoExW(L"127.0.0.1", L"80", NS_ALL, NULL, NULL,
                                    &res, &long_tv, NULL, NULL, NULL), 0);
    ck_assert_ptr_nonnull(res);
    FreeAddrInfoExW(res);
    await_threads_done();
}
END_TEST

/* A completion routine needs an OVERLAPPED; the ANSI form takes none of
 * the asynchronous parameters. */
START_TEST(parameters_refused)
{
    struct timeval tv = { 1, 0 };
    PADDRINFOEXW res = NULL;
    PADDRINFOEXA ares = NULL;
    OVERLAPPED ov;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);

    startup();
    memset(&ov, 0, sizeof(ov));
    ck_assert_int_eq(GetAddrInfoExW(L"127.0.0.1", NULL, NS_ALL, NULL, NULL,
                                    &res, NULL, NULL, routine, NULL),
                     WSAEINVAL);
    ov.hEvent = ev;
    ck_assert_int_eq(GetAddrInfoExW(L"127.0.0.1", NULL, NS_ALL, NULL, NULL,
                                    &res, NULL, &ov, routine, NULL),
                     WSAEINVAL);
    ck_assert_int_eq(GetAddrInfoExA("127.0.0.1", NULL, NS_ALL, NULL, NULL,
                                    &ares, &tv, NULL, NULL, NULL), WSAEINVAL);
    ck_assert_int_eq(GetAddrInfoExA("127.0.0.1", NULL, NS_ALL, NULL, NULL,
                                    &ares, NULL, &ov, NULL, NULL), WSAEINVAL);
    ck_assert_int_eq(GetAddrInfoExOverlappedResult(NULL), WSAEINVAL);
    ck_assert_int_eq(GetAddrInfoExCancel(NULL), WSA_INVALID_HANDLE);
    ck_assert_int_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    CloseHandle(ev);
}
END_TEST

/* Many at once, each with its event: every one ends once, with its own
 * list. */
#define MANY 32
START_TEST(many_lookups_at_once)
{
    HANDLE ev[MANY];
    OVERLAPPED ov[MANY];
    PADDRINFOEXW res[MANY];
    wchar_t port[8];
    int i;

    startup();
    for (i = 0; i < MANY; i++) {
        ev[i] = CreateEventA(NULL, TRUE, FALSE, NULL);
        memset(&ov[i], 0, sizeof(ov[i]));
        ov[i].hEvent = ev[i];
        swprintf(port, 8, L"%d", 1000 + i);
        ck_assert_int_eq(GetAddrInfoExW(i % 2 ? L"localhost" : L"127.0.0.1",
                                        port, NS_ALL, NULL, NULL, &res[i],
                                        NULL, &ov[i], NULL, NULL),
                         WSA_IO_PENDING);
    }
    for (i = 0; i < MANY; i++) {
        ck_assert_int_eq(WaitForSingleObject(ev[i], BOUND_MS), WAIT_OBJECT_0);
        ck_assert_int_eq(GetAddrInfoExOverlappedResult(&ov[i]), 0);
        ck_assert_ptr_nonnull(res[i]);
        ck_assert_int_eq(ntohs(((struct sockaddr_in *)res[i]->ai_addr)->sin_port),
                         1000 + i);
        FreeAddrInfoExW(res[i]);
        CloseHandle(ev[i]);
    }
    await_threads_done();
}
END_TEST

/* ---- Windows' answers to odd arguments (Wine's protocol.c) ---------- */

/* test_inet_addr: NULL is INADDR_NONE with WSAEFAULT; " " alone is 0;
 * white space ends an address, anything else after it fails it. */
START_TEST(inet_addr_as_windows)
{
    static const struct {
        const char *in;
        u_long want;
    } t[] = {
        { " ", 0 }, { "", 0xffffffff }, { "  ", 0xffffffff },
        { "\t", 0xffffffff }, { " 3.4.5.6", 0xffffffff },
        { "1.2.3.4", 0x04030201 }, { "1 2 3 4", 0x01000000 },
        { "1.2.3. 4", 0xffffffff }, { "1.2.3 \xfe\xff", 0x03000201 },
        { "3.4.5.6.7", 0xffffffff }, { "3.4.5.6\t7", 0x06050403 },
        { "1.2.3x", 0xffffffff }, { "1.2.3\xa0", 0xffffffff },
        { "127.127.127.255:123", 0xffffffff }, { "1.2.3.0xaA", 0xaa030201 },
        { "1.1.1.0x", 0xffffffff }, { "1.2.3.010", 0x08030201 },
        { "1.2.3.0a", 0xffffffff }, { "1.2", 0x02000001 },
        { "0777", 0xff010000 }, { "017700000001", 0x0100007f },
        { "[0.1.2.3]", 0xffffffff }, { "::1", 0xffffffff },
        { "127.127.127.256", 0xffffffff },
    };
    char longer[200];
    size_t i;

    WSASetLastError(0xdead);
    ck_assert_uint_eq(inet_addr(NULL), 0xffffffff);
    ck_assert_int_eq(WSAGetLastError(), WSAEFAULT);
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        WSASetLastError(0xdead);
        ck_assert_msg(inet_addr(t[i].in) == t[i].want, "%s: %#x", t[i].in,
                      (unsigned)inet_addr(t[i].in));
        ck_assert_int_eq(WSAGetLastError(), 0xdead);
    }
    memset(longer, 'x', sizeof(longer));
    memcpy(longer, "10.0.0.1 ", 9);
    longer[sizeof(longer) - 1] = 0;
    ck_assert_uint_eq(inet_addr(longer), htonl(0x0a000001));
}
END_TEST

/* test_startup: the version answered for each asked, WSADATA filled
 * even on failure, lpVendorInfo left alone, 1.x's limits, and NULL. */
START_TEST(startup_versions_as_windows)
{
    static const struct {
        WORD ask, got;
    } t[] = {
        { MAKEWORD(0, 0), MAKEWORD(2, 2) }, { MAKEWORD(0, 1), MAKEWORD(2, 2) },
        { MAKEWORD(1, 0), MAKEWORD(1, 0) }, { MAKEWORD(1, 1), MAKEWORD(1, 1) },
        { MAKEWORD(1, 2), MAKEWORD(1, 1) }, { MAKEWORD(1, 255), MAKEWORD(1, 1) },
        { MAKEWORD(2, 0), MAKEWORD(2, 0) }, { MAKEWORD(2, 1), MAKEWORD(2, 1) },
        { MAKEWORD(2, 2), MAKEWORD(2, 2) }, { MAKEWORD(2, 3), MAKEWORD(2, 2) },
        { MAKEWORD(2, 255), MAKEWORD(2, 2) }, { MAKEWORD(3, 0), MAKEWORD(2, 2) },
        { MAKEWORD(255, 0), MAKEWORD(2, 2) },
    };
    size_t i;
    WSADATA d;
    int major;

    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        major = LOBYTE(t[i].ask);
        memset(&d, 0xcc, sizeof(d));
        d.lpVendorInfo = (char *)0xdeadbeef;
        ck_assert_int_eq(WSAStartup(t[i].ask, &d),
                         major ? 0 : WSAVERNOTSUPPORTED);
        ck_assert_uint_eq(d.wVersion, t[i].got);
        ck_assert_uint_eq(d.wHighVersion, 0x202);
        ck_assert_ptr_eq(d.lpVendorInfo, (char *)0xdeadbeef);
        ck_assert_uint_eq(d.iMaxSockets, major == 1 ? 32767 : 0);
        ck_assert_uint_eq(d.iMaxUdpDg, major == 1 ? 65467 : 0);
        ck_assert_str_eq(d.szDescription, "WinSock 2.0");
        ck_assert_str_eq(d.szSystemStatus, "Running");
        if (major)
            ck_assert_int_eq(WSACleanup(), 0);
        ck_assert_int_eq(WSACleanup(), SOCKET_ERROR);
        ck_assert_int_eq(WSAStartup(t[i].ask, NULL),
                         major ? WSAEFAULT : WSAVERNOTSUPPORTED);
    }
}
END_TEST

/* test_inet_pton, test_addr_to_print: the dotted quad ending an IPv6
 * address takes up to three digits a part; InetPtonW's "not an address"
 * is WSAEINVAL (inet_pton's sets nothing); a NULL destination of
 * inet_ntop and InetNtopW is WSAEINVAL. */
START_TEST(address_text_as_windows)
{
    static const struct {
        const char *in;
        int ret;
    } t6[] = {
        { "1::001.2.3.4", 1 }, { "1::1.002.3.4", 1 }, { "1::1.2.3.4", 1 },
        { "1::0001.2.3.4", 0 }, { "1::1.0002.3.4", 0 }, { "1::1.2.3.256", 0 },
        { "1::1.2.3.4::1", 0 }, { "1::1.2.3", 0 }, { "1::1a.2.3.4", 0 },
    };
    static const unsigned char want[16] = { 0, 1, [12] = 1, 2, 3, 4 };
    unsigned char a6[16];
    struct in_addr in;
    wchar_t wdst[32];
    char dst[32];
    DWORD a4;
    size_t i;

    startup();
    for (i = 0; i < sizeof(t6) / sizeof(t6[0]); i++) {
        memset(a6, 0xab, sizeof(a6));
        WSASetLastError(0xdead);
        ck_assert_msg(inet_pton(AF_INET6, t6[i].in, a6) == t6[i].ret, "%s",
                      t6[i].in);
        ck_assert_int_eq(WSAGetLastError(), 0xdead);
        if (t6[i].ret)
            ck_assert_mem_eq(a6, want, 16);
    }
    ck_assert_int_eq(InetPtonW(AF_INET6, L"1::001.2.3.4", a6), 1);
    ck_assert_mem_eq(a6, want, 16);
    WSASetLastError(0xdead);
    ck_assert_int_eq(inet_pton(AF_INET, "a", &a4), 0);
    ck_assert_int_eq(WSAGetLastError(), 0xdead);
    ck_assert_int_eq(InetPtonW(AF_INET, L"a", &a4), 0);
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    WSASetLastError(0xdead);
    ck_assert_int_eq(InetPtonW(AF_INET, L"1.2.3.4", &a4), 1);
    ck_assert_int_eq(WSAGetLastError(), 0xdead);
    in.s_addr = htonl(0x01020304);
    WSASetLastError(0);
    ck_assert_ptr_null(inet_ntop(AF_INET, &in, NULL, sizeof(dst)));
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    WSASetLastError(0);
    ck_assert_ptr_null(inet_ntop(AF_INET6, want, NULL, sizeof(dst)));
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    WSASetLastError(0);
    ck_assert_ptr_null(inet_ntop(AF_INET, &in, dst, 0));
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    WSASetLastError(0);
    ck_assert_ptr_null(inet_ntop(AF_INET, &in, (char *)16, sizeof(dst)));
    ck_assert_int_eq(WSAGetLastError(), WSAEFAULT);
    ck_assert_ptr_eq(inet_ntop(AF_INET, &in, dst, sizeof(dst)), dst);
    ck_assert_str_eq(dst, "1.2.3.4");
    WSASetLastError(0);
    ck_assert_ptr_null(InetNtopW(AF_INET, &in, NULL, 32));
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    ck_assert_ptr_eq(InetNtopW(AF_INET, &in, wdst, 32), wdst);
}
END_TEST

static LRESULT CALLBACK plain_proc(HWND h, UINT m, WPARAM w, LPARAM l)
{
    return DefWindowProcA(h, m, w, l);
}

/* The reply to task h (its message within BOUND_MS), or -1 for none. */
static long reply_of(HWND hwnd, HANDLE h)
{
    long long deadline = now_ms() + BOUND_MS, left;
    MSG m;

    for (;;) {
        if (PeekMessageA(&m, hwnd, WM_USER + 7, WM_USER + 7, PM_REMOVE))
            return m.wParam == (WPARAM)h ? (long)m.lParam : -1;
        left = deadline - now_ms();
        if (left <= 0)
            return -1;
        MsgWaitForMultipleObjects(0, NULL, FALSE, (DWORD)left,
                                  QS_POSTMESSAGE);
    }
}

/* test_WSAAsyncGetServByPort/ByName: the window, the buffer and its
 * length are not checked when a task starts; the reply says what came
 * of it (no room: WSAENOBUFS, with the size needed). */
START_TEST(async_db_takes_any_buffer)
{
    char host[MAXGETHOSTSTRUCT];
    WNDCLASSA wc;
    HWND hwnd;
    HANDLE h;
    long r;

    startup();
    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = plain_proc;
    wc.lpszClassName = "gaiex async";
    ck_assert(RegisterClassA(&wc));
    hwnd = CreateWindowExA(0, wc.lpszClassName, "", 0, 0, 0, 0, 0,
                           HWND_MESSAGE, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(hwnd);
    WSASetLastError(0xdead);
    ck_assert_ptr_nonnull(WSAAsyncGetServByPort(NULL, 0, 0, NULL, NULL, 0));
    ck_assert_ptr_nonnull(WSAAsyncGetServByName(NULL, 0, "", NULL, NULL, 0));
    h = WSAAsyncGetProtoByNumber(hwnd, WM_USER + 7, 6, NULL, 0);
    ck_assert_ptr_nonnull(h);
    r = reply_of(hwnd, h);
    ck_assert_int_eq(WSAGETASYNCERROR(r), WSAENOBUFS);
    ck_assert_int_gt(WSAGETASYNCBUFLEN(r), 0);
    h = WSAAsyncGetProtoByName(hwnd, WM_USER + 7, "tcp", NULL, -5);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(WSAGETASYNCERROR(reply_of(hwnd, h)), WSAENOBUFS);
    h = WSAAsyncGetHostByName(hwnd, WM_USER + 7, "127.0.0.1", NULL, 4096);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(WSAGETASYNCERROR(reply_of(hwnd, h)), WSAEFAULT);
    h = WSAAsyncGetServByPort(hwnd, WM_USER + 7, 0, NULL, NULL, 0);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_ne(reply_of(hwnd, h), -1);
    /* The empty name is this host, as gethostbyname's. */
    h = WSAAsyncGetHostByName(hwnd, WM_USER + 7, "", host, sizeof(host));
    ck_assert_ptr_nonnull(h);
    r = reply_of(hwnd, h);
    ck_assert_int_eq(WSAGETASYNCERROR(r), 0);
    ck_assert_int_gt(((struct hostent *)host)->h_length, 0);
    DestroyWindow(hwnd);
}
END_TEST

/* One lookup through getaddrinfo (form 0), GetAddrInfoW (1) or the
 * synchronous GetAddrInfoExW (2), hints given as their first four fields
 * (flags -1: no hints): the code; the results' count in *n, each with
 * the hints' socktype and protocol (or 0 and 0) and an address of
 * family want_family (when not AF_UNSPEC), whose first is put in *first. */
static int lookup_in(int form, const char *node, int flags, int family,
                     int socktype, int protocol, int *n,
                     struct sockaddr_in6 *first)
{
    wchar_t wnode[64];
    struct addrinfo h, *a = NULL, *p;
    ADDRINFOW hw, *aw = NULL, *pw;
    ADDRINFOEXW hx, *ax = NULL, *px;
    int code, st = flags < 0 ? 0 : socktype, pr = flags < 0 ? 0 : protocol;
    size_t i;

    for (i = 0; (wnode[i] = (unsigned char)node[i]); i++)
        ;
    memset(&h, 0, sizeof(h));
    memset(&hw, 0, sizeof(hw));
    memset(&hx, 0, sizeof(hx));
    h.ai_flags = hw.ai_flags = hx.ai_flags = flags;
    h.ai_family = hw.ai_family = hx.ai_family = family;
    h.ai_socktype = hw.ai_socktype = hx.ai_socktype = socktype;
    h.ai_protocol = hw.ai_protocol = hx.ai_protocol = protocol;
    *n = 0;
#define CHECK_NODE(q)                                                      \
    do {                                                                   \
        ck_assert_int_eq((q)->ai_socktype, st);                            \
        ck_assert_int_eq((q)->ai_protocol, pr);                            \
        if (family != AF_UNSPEC && flags >= 0)                             \
            ck_assert_int_eq((q)->ai_family, family);                      \
        if (!(*n)++ && first)                                              \
            memcpy(first, (q)->ai_addr,                                    \
                   (q)->ai_addrlen < sizeof(*first) ? (q)->ai_addrlen      \
                                                    : sizeof(*first));     \
    } while (0)
    if (form == 0) {
        /* (getaddrinfo is this program's, above) */
        code = wsc_getaddrinfo(node, NULL, flags < 0 ? NULL : &h, &a);
        for (p = a; p; p = p->ai_next)
            CHECK_NODE(p);
        wsc_freeaddrinfo(a);
    } else if (form == 1) {
        code = GetAddrInfoW(wnode, NULL, flags < 0 ? NULL : &hw, &aw);
        for (pw = aw; pw; pw = pw->ai_next)
            CHECK_NODE(pw);
        FreeAddrInfoW(aw);
    } else {
        code = GetAddrInfoExW(wnode, NULL, NS_ALL, NULL,
                              flags < 0 ? NULL : &hx, &ax, NULL, NULL, NULL,
                              NULL);
        for (px = ax; px; px = px->ai_next)
            CHECK_NODE(px);
        FreeAddrInfoExW(ax);
    }
#undef CHECK_NODE
    ck_assert_int_eq(WSAGetLastError(), code);
    return code;
}

/* test_getaddrinfo, test_GetAddrInfoW: the hints' socktype and protocol
 * come back as given, whatever the pair, one result an address; the
 * empty name is this host; "[v6]" and "[v6]:port" are the literal (port
 * 0); AI_DISABLE_IDN_ENCODING is a flag; gethostbyname("") is this
 * host. */
START_TEST(resolver_as_windows)
{
    static const int pairs[][3] = {
        { AF_UNSPEC, SOCK_STREAM, IPPROTO_UDP }, { AF_INET, SOCK_STREAM, IPPROTO_IPV6 },
        { AF_INET, SOCK_DGRAM, IPPROTO_TCP }, { AF_INET, 0, IPPROTO_TCP },
        { AF_INET, 0, IPPROTO_UDP }, { AF_UNSPEC, 0, IPPROTO_IPV6 },
        { AF_INET, SOCK_STREAM, 0 }, { AF_INET, SOCK_DGRAM, 0 },
        { AF_INET, SOCK_DGRAM, 999 }, { AF_INET, 0, 0 },
    };
    static const unsigned char beef[16] = { 0xbe, 0xef, [14] = 0xca, 0xfe };
    struct sockaddr_in6 a;
    struct sockaddr_in *a4 = (struct sockaddr_in *)&a;
    size_t i;
    int form, n;

    startup();
    for (form = 0; form < 3; form++) {
        for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
            ck_assert_msg(lookup_in(form, "127.0.0.1", 0, pairs[i][0],
                                    pairs[i][1], pairs[i][2], &n, NULL) == 0,
                          "form %d pair %zu", form, i);
            ck_assert_int_eq(n, 1);
            ck_assert_int_eq(lookup_in(form, "localhost", 0, pairs[i][0],
                                       pairs[i][1], pairs[i][2], &n, NULL), 0);
        }
        ck_assert_int_eq(lookup_in(form, "127.0.0.1", 0, AF_INET, 999,
                                   IPPROTO_TCP, &n, NULL), WSAESOCKTNOSUPPORT);
        ck_assert_int_eq(lookup_in(form, "127.0.0.1", -1, 0, 0, 0, &n, &a), 0);
        ck_assert_int_eq(n, 1);
        ck_assert_int_eq(lookup_in(form, "", -1, 0, 0, 0, &n, NULL), 0);
        ck_assert_int_gt(n, 0);
        ck_assert_int_eq(lookup_in(form, "", 0, AF_INET, 0, 0, &n, &a), 0);
        ck_assert_int_eq(a4->sin_family, AF_INET);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe]", -1, 0, 0, 0, &n, &a), 0);
        ck_assert_int_eq(a.sin6_family, AF_INET6);
        ck_assert_mem_eq(&a.sin6_addr, beef, 16);
        ck_assert_int_eq(a.sin6_port, 0);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe]:10239", -1, 0, 0, 0, &n,
                                   &a), 0);
        ck_assert_mem_eq(&a.sin6_addr, beef, 16);
        ck_assert_int_eq(a.sin6_port, 0);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe]", AI_NUMERICHOST,
                                   AF_INET6, 0, 0, &n, &a), 0);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe]", AI_NUMERICHOST,
                                   AF_INET, 0, 0, &n, NULL), WSAHOST_NOT_FOUND);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe", AI_NUMERICHOST,
                                   AF_INET6, 0, 0, &n, NULL), WSAHOST_NOT_FOUND);
        ck_assert_int_eq(lookup_in(form, "beef::cafe]", AI_NUMERICHOST,
                                   AF_INET6, 0, 0, &n, NULL), WSAHOST_NOT_FOUND);
        ck_assert_int_eq(lookup_in(form, "[beef::cafe]:x", AI_NUMERICHOST,
                                   AF_INET6, 0, 0, &n, NULL), WSAHOST_NOT_FOUND);
        ck_assert_int_eq(lookup_in(form, "localhost", AI_DISABLE_IDN_ENCODING,
                                   AF_INET, 0, 0, &n, NULL), 0);
    }
    ck_assert_ptr_nonnull(gethostbyname(""));
    ck_assert_int_eq(WSAGetLastError(), 0);
}
END_TEST

/* test_inet_pton, test_WSAStringToAddress: what an IPv4 text that is no
 * address leaves in the caller's memory: inet_pton (and InetPtonW) the
 * strict dotted quad it starts with, if one; WSAStringToAddress the
 * address read before the text went wrong, with no family or port. */
START_TEST(partial_ipv4_as_windows)
{
    static const struct {
        const char *in;
        int ret;
        DWORD addr;
    } p4[] = {
        { "", 0, 0xdeadbeef }, { "1.1.1.1", 1, 0x01010101 },
        { "127.127.127.255:123", 0, 0xff7f7f7f }, { "1.1.1.0a", 0, 0x00010101 },
        { "1.1.1.0o10", 0, 0x00010101 }, { "3.4.5.6 ", 0, 0x06050403 },
        { "3.4.5.6.7", 0, 0xdeadbeef }, { "1.1.1.0x", 0, 0xdeadbeef },
        { "1.1.1.0xaA", 0, 0xdeadbeef }, { "1.1.1.010", 0, 0xdeadbeef },
        { "1.1.1.00", 0, 0xdeadbeef }, { "127.127.127.256", 0, 0xdeadbeef },
        { "1.1.1.-2", 0, 0xdeadbeef }, { "1.2.3", 0, 0xdeadbeef },
        { " 3.4.5.6", 0, 0xdeadbeef }, { "3. 4.5.6", 0, 0xdeadbeef },
    };
    static const struct {
        const char *in;
        uint32_t addr; /* host order */
        int port, error;
    } s4[] = {
        { "127.127.127.127:123", 0x7f7f7f7f, 123, 0 },
        { "127.127.127.127:0", 0x7f7f7f7f, 0, WSAEINVAL },
        { "127.127.127.127:65537", 0x7f7f7f7f, 0, WSAEINVAL },
        { "3.4.5.6 ", 0x03040506, 0, WSAEINVAL },
        { "3.4.5.6: 7", 0x03040506, 0, WSAEINVAL },
        { "1.1.1.0a", 0x01010100, 0, WSAEINVAL },
        { "2001::1", 0x000007d1, 0, WSAEINVAL },
        { "1234BEEF", 0x000004d2, 0, WSAEINVAL },
        { "0x00010Q03", 0x00000010, 0, WSAEINVAL },
        { "1.2.3.", 0, 0, WSAEINVAL }, { "3.4.756.1", 0, 0, WSAEINVAL },
        { "255.255.255.256", 0, 0, WSAEINVAL }, { "", 0, 0, WSAEINVAL },
    };
    wchar_t w[32];
    struct sockaddr_in sin;
    DWORD a4;
    size_t i, k;
    int len;

    startup();
    for (i = 0; i < sizeof(p4) / sizeof(p4[0]); i++) {
        a4 = 0xdeadbeef;
        WSASetLastError(0xdead);
        ck_assert_msg(inet_pton(AF_INET, p4[i].in, &a4) == p4[i].ret, "%s",
                      p4[i].in);
        ck_assert_msg(a4 == p4[i].addr, "%s: %#x", p4[i].in, (unsigned)a4);
        ck_assert_int_eq(WSAGetLastError(), 0xdead);
        for (k = 0; (w[k] = (unsigned char)p4[i].in[k]); k++)
            ;
        a4 = 0xdeadbeef;
        ck_assert_int_eq(InetPtonW(AF_INET, w, &a4), p4[i].ret);
        ck_assert_uint_eq(a4, p4[i].addr);
        ck_assert_int_eq(WSAGetLastError(), p4[i].ret ? 0xdead : WSAEINVAL);
    }
    for (i = 0; i < sizeof(s4) / sizeof(s4[0]); i++) {
        memset(&sin, 0xab, sizeof(sin));
        len = sizeof(sin) + 10;
        WSASetLastError(0);
        ck_assert_int_eq(WSAStringToAddressA((char *)s4[i].in, AF_INET, NULL,
                                             (struct sockaddr *)&sin, &len),
                         s4[i].error ? SOCKET_ERROR : 0);
        ck_assert_int_eq(WSAGetLastError(), s4[i].error);
        ck_assert_int_eq(sin.sin_family, s4[i].error ? 0 : AF_INET);
        ck_assert_msg(sin.sin_addr.s_addr == htonl(s4[i].addr), "%s: %#x",
                      s4[i].in, (unsigned)ntohl(sin.sin_addr.s_addr));
        ck_assert_int_eq(ntohs(sin.sin_port), s4[i].port);
        ck_assert_int_eq(len, s4[i].error ? (int)sizeof(sin) + 10
                                          : (int)sizeof(sin));
    }
}
END_TEST

int main(void)
{
    Suite *su = suite_create("gaiex");
    TCase *tc = tcase_create("gaiex");

    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, cancel_ends_a_pending_lookup_at_once);
    tcase_add_test(tc, cancel_calls_the_routine_once);
    tcase_add_test(tc, routine_runs_on_the_lookup_thread);
    tcase_add_test(tc, timeout_ends_an_overlapped_lookup);
    tcase_add_test(tc, timeout_ends_a_synchronous_lookup);
    tcase_add_test(tc, parameters_refused);
    tcase_add_test(tc, many_lookups_at_once);
    tcase_add_test(tc, inet_addr_as_windows);
    tcase_add_test(tc, startup_versions_as_windows);
    tcase_add_test(tc, address_text_as_windows);
    tcase_add_test(tc, async_db_takes_any_buffer);
    tcase_add_test(tc, resolver_as_windows);
    tcase_add_test(tc, partial_ipv4_as_windows);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
