/* Pointers to unsigned long and long where the API takes a pointer to a
 * 32-bit DWORD, ULONG, u_long or LONG, as Windows code passes them (the
 * same type there).  Built as C11 and (ptr32_cxx.cpp) C++11 and C++98
 * with -Wall -Wextra -pedantic -Werror: in C++ an unsigned long * where
 * the API says LPDWORD does not compile without wscompat's overloads.
 * Each variable starts with garbage in its upper half; each result is
 * checked whole, so a 32-bit store into an 8-byte variable fails. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;
#define CHECK(c)                                                            \
    do {                                                                    \
        if (!(c)) {                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);             \
            failures++;                                                     \
        }                                                                   \
    } while (0)

/* What an 8-byte variable holds before the call: garbage above bit 31. */
#define DIRTY 0xa5a5a5a500000000UL
#define DIRTY_L ((long)0x5a5a5a5a00000000L)

static SOCKET listener, client, server;

static void pair(void)
{
    struct sockaddr_in a;
    int len = sizeof a;

    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(bind(listener, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(listen(listener, 4) == 0);
    CHECK(getsockname(listener, (struct sockaddr *)&a, &len) == 0);
    client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(connect(client, (struct sockaddr *)&a, sizeof a) == 0);
    server = accept(listener, NULL, NULL);
    CHECK(server != INVALID_SOCKET);
}

/* WSASend and WSARecv, blocking, their counts and flags unsigned long;
 * the flags go in (0 in the low half) and come back 0. */
static void send_recv(void)
{
    char out[] = "hello", in[16];
    WSABUF ob, ib;
    unsigned long sent = DIRTY, got = DIRTY, flags = DIRTY;
    DWORD dflags = 0;
    int evaluated = 0;

    ob.buf = out;
    ob.len = 5;
    ib.buf = in;
    ib.len = sizeof in;
    CHECK(WSASend(client, &ob, 1, &sent, 0, NULL, NULL) == 0);
    CHECK(sent == 5);
    CHECK(WSARecv(server, &ib, 1, &got, &flags, NULL, NULL) == 0);
    CHECK(got == 5 && flags == 0 && memcmp(in, "hello", 5) == 0);
    /* A DWORD beside an unsigned long, and an argument evaluated once. */
    sent = DIRTY;
    CHECK(WSASend(client, &ob, 1, (evaluated++, &sent), 0, NULL, NULL) == 0);
    CHECK(evaluated == 1 && sent == 5);
    got = DIRTY;
    CHECK(WSARecv(server, &ib, 1, &got, &dflags, NULL, NULL) == 0);
    CHECK(got == 5 && dflags == 0);
}

/* Overlapped with an event: a pending WSARecv, then
 * WSAGetOverlappedResult's bytes and flags as unsigned long, and a NULL
 * count beside an unsigned long flags word. */
static void overlapped(void)
{
    char in[16], out[] = "abcdefg";
    WSABUF ib;
    WSAOVERLAPPED ov;
    unsigned long flags = 0, bytes = DIRTY, oflags = DIRTY;

    memset(&ov, 0, sizeof ov);
    ov.hEvent = WSACreateEvent();
    ib.buf = in;
    ib.len = sizeof in;
    CHECK(WSARecv(server, &ib, 1, NULL, &flags, &ov, NULL) == SOCKET_ERROR &&
          WSAGetLastError() == WSA_IO_PENDING);
    CHECK(send(client, out, 7, 0) == 7);
    CHECK(WSAWaitForMultipleEvents(1, &ov.hEvent, TRUE, 5000, FALSE) == WSA_WAIT_EVENT_0);
    CHECK(WSAGetOverlappedResult(server, &ov, &bytes, FALSE, &oflags));
    CHECK(bytes == 7 && oflags == 0 && memcmp(in, "abcdefg", 7) == 0);
    bytes = DIRTY;
    CHECK(GetOverlappedResult((HANDLE)server, &ov, &bytes, FALSE));
    CHECK(bytes == 7);
    /* A literal 0 for the count, done at once; its bytes as unsigned long. */
    {
        WSABUF ob;
        WSAOVERLAPPED sov;

        ob.buf = out;
        ob.len = 3;
        memset(&sov, 0, sizeof sov);
        sov.hEvent = WSACreateEvent();
        CHECK(WSASend(client, &ob, 1, 0, 0, &sov, 0) == 0);
        bytes = DIRTY;
        CHECK(WSAGetOverlappedResult(client, &sov, &bytes, TRUE, &oflags) && bytes == 3);
        CHECK(recv(server, in, 3, 0) == 3 && memcmp(in, "abc", 3) == 0);
        WSACloseEvent(sov.hEvent);
    }
    WSACloseEvent(ov.hEvent);
}

/* A completion port: the packet's byte count into an unsigned long. */
static void completion_port(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    OVERLAPPED ov, *got = NULL;
    ULONG_PTR key = 0;
    unsigned long bytes = DIRTY, removed = DIRTY;
    OVERLAPPED_ENTRY entries[2];

    memset(&ov, 0, sizeof ov);
    CHECK(port != NULL);
    CHECK(PostQueuedCompletionStatus(port, 1234, 7, &ov));
    CHECK(GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000));
    CHECK(bytes == 1234 && key == 7 && got == &ov);
    CHECK(PostQueuedCompletionStatus(port, 9, 8, &ov));
    CHECK(GetQueuedCompletionStatusEx(port, entries, 2, &removed, 5000, FALSE));
    CHECK(removed == 1 && entries[0].dwNumberOfBytesTransferred == 9);
    CloseHandle(port);
}

/* WSAIoctl's byte count, AcceptEx's, and the extension's pointer. */
static void ioctl_and_acceptex(void)
{
    GUID g = WSAID_ACCEPTEX;
    LPFN_ACCEPTEX fn = NULL;
    unsigned long returned = DIRTY, avail = DIRTY, received = DIRTY;
    u_long n = 0;
    char buf[2 * (sizeof(struct sockaddr_in) + 16)];
    OVERLAPPED ov;
    SOCKET a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    CHECK(WSAIoctl(listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &g, sizeof g,
                   &fn, sizeof fn, &returned, NULL, NULL) == 0);
    CHECK(returned == sizeof fn && fn != NULL);
    CHECK(send(client, "xyz", 3, 0) == 3);
    {
        fd_set rs;
        struct timeval tv = {5, 0};

        FD_ZERO(&rs);
        FD_SET(server, &rs);
        CHECK(select(0, &rs, NULL, NULL, &tv) == 1);
    }
    returned = DIRTY;
    CHECK(WSAIoctl(server, FIONREAD, NULL, 0, &n, sizeof n, &returned, NULL, NULL) == 0);
    CHECK(n == 3 && returned == sizeof(u_long));
    CHECK(ioctlsocket(server, FIONREAD, &avail) == 0 && avail == 3);
    recv(server, buf, 3, 0);
    /* AcceptEx by name, no receive buffer, the count unsigned long. */
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    {
        BOOL ok = AcceptEx(listener, a, buf, 0, sizeof(struct sockaddr_in) + 16,
                           sizeof(struct sockaddr_in) + 16, &received, &ov);
        CHECK(!ok && WSAGetLastError() == ERROR_IO_PENDING);
    }
    {
        struct sockaddr_in to;
        int len = sizeof to;
        SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

        getsockname(listener, (struct sockaddr *)&to, &len);
        CHECK(connect(c, (struct sockaddr *)&to, sizeof to) == 0);
        CHECK(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0);
        received = DIRTY;
        CHECK(GetOverlappedResult((HANDLE)listener, &ov, &received, FALSE) && received == 0);
        closesocket(c);
    }
    CloseHandle(ov.hEvent);
    closesocket(a);
}

/* Lengths that go in and come out: WSAAddressToStringA, WSAEnumProtocols,
 * GetComputerNameA. */
static void in_out_lengths(void)
{
    struct sockaddr_in a;
    char text[64], name[256];
    unsigned long len = DIRTY | sizeof text, size = DIRTY | sizeof name;
    unsigned long small = DIRTY | 3;
    unsigned long plen = 0;

    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(80);
    a.sin_addr.s_addr = htonl(0x7f000001);
    CHECK(WSAAddressToStringA((struct sockaddr *)&a, sizeof a, NULL, text, &len) == 0);
    CHECK(strcmp(text, "127.0.0.1:80") == 0 && len == strlen("127.0.0.1:80") + 1);
    CHECK(WSAAddressToStringA((struct sockaddr *)&a, sizeof a, NULL, text, &small) == SOCKET_ERROR);
    CHECK(WSAGetLastError() == WSAEFAULT && small == strlen("127.0.0.1:80") + 1);
    CHECK(GetComputerNameA(name, &size));
    CHECK(size == strlen(name) && size > 0);
    CHECK(WSAEnumProtocolsA(NULL, NULL, &plen) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS);
    CHECK(plen > 0 && plen < 0x100000);
}

/* WSAHtonl and WSANtohl into a u_long as the code declares it:
 * unsigned long. */
static void byte_order(void)
{
    unsigned long net = DIRTY, host = DIRTY;

    CHECK(WSAHtonl(client, 0x01020304, &net) == 0 && net == htonl(0x01020304));
    CHECK(WSANtohl(client, htonl(0x0a0b0c0d), &host) == 0 && host == 0x0a0b0c0d);
}

/* Files, threads, semaphores: a count into an unsigned long, a previous
 * count into a long. */
static DWORD WINAPI exit_with_7(LPVOID p)
{
    (void)p;
    return 7;
}

static void files_threads(void)
{
    char path[] = "/tmp/wsc_ptr32_XXXXXX", back[8];
    unsigned long done = DIRTY, code = DIRTY, tid = DIRTY, high = DIRTY;
    long previous = DIRTY_L, hi = 0;
    HANDLE f, t, sem;
    int fd = mkstemp(path);

    CHECK(fd >= 0);
    close(fd);
    f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                    FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(f != INVALID_HANDLE_VALUE);
    CHECK(WriteFile(f, "abc", 3, &done, NULL) && done == 3);
    CHECK(GetFileSize(f, &high) == 3 && high == 0);
    CHECK(SetFilePointer(f, 0, &hi, FILE_BEGIN) == 0 && hi == 0);
    done = DIRTY;
    CHECK(ReadFile(f, back, sizeof back, &done, NULL) && done == 3);
    CHECK(memcmp(back, "abc", 3) == 0);
    CloseHandle(f);
    DeleteFileA(path);

    t = CreateThread(NULL, 0, exit_with_7, NULL, 0, &tid);
    CHECK(t != NULL && tid != 0 && (tid >> 32) == 0);
    CHECK(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0);
    CHECK(GetExitCodeThread(t, &code) && code == 7);
    CloseHandle(t);

    sem = CreateSemaphoreA(NULL, 2, 10, NULL);
    CHECK(ReleaseSemaphore(sem, 3, &previous) && previous == 2);
    CloseHandle(sem);
}

/* The Interlocked family on a long counter, and on a LONG as before. */
static void interlocked(void)
{
    volatile long n = 41;
    long plain = 5;
    LONG l = 1;

    CHECK(InterlockedIncrement(&n) == 42 && n == 42);
    CHECK(InterlockedDecrement(&n) == 41 && n == 41);
    CHECK(InterlockedExchangeAdd(&n, 9) == 41 && n == 50);
    CHECK(InterlockedAdd(&n, 2) == 52);
    CHECK(InterlockedExchange(&n, 7) == 52 && n == 7);
    CHECK(InterlockedCompareExchange(&n, 8, 7) == 7 && n == 8);
    CHECK(InterlockedCompareExchange(&n, 9, 7) == 8 && n == 8);
    CHECK(InterlockedOr(&n, 1) == 8 && InterlockedAnd(&n, 1) == 9 &&
          InterlockedXor(&n, 3) == 1 && n == 2);
    CHECK(InterlockedIncrement(&plain) == 6 && plain == 6);
    CHECK(InterlockedIncrement(&l) == 2 && l == 2);
}

/* The names still stand for functions, as a pointer's target. */
typedef int(WSAAPI *recv_fn)(SOCKET, LPWSABUF, DWORD, LPDWORD, LPDWORD,
                             LPWSAOVERLAPPED, LPWSAOVERLAPPED_COMPLETION_ROUTINE);

int main(void)
{
    WSADATA d;
    recv_fn f = WSARecv;

    alarm(60);
    CHECK(f != NULL);
    CHECK(WSAStartup(MAKEWORD(2, 2), &d) == 0);
    pair();
    send_recv();
    overlapped();
    completion_port();
    ioctl_and_acceptex();
    in_out_lengths();
    byte_order();
    files_threads();
    interlocked();
    closesocket(client);
    closesocket(server);
    closesocket(listener);
    WSACleanup();
    if (failures)
        return 1;
    printf("ptr32: all passed\n");
    return 0;
}
