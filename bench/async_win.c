/* The asynchronous benchmark's Windows side: an IOCP echo server
 * (AcceptEx, overlapped WSARecv/WSASend, worker threads on one completion
 * port) and a WSAEventSelect echo server (one thread,
 * WSAWaitForMultipleEvents), written as Windows servers are.  On Linux
 * it is built against wscompat and driven by async_native.c's client,
 * beside the same servers written natively (epoll, poll); with mingw-w64
 * (-DBENCH_WIN_MAIN) it is a whole program, with a Winsock client, for
 * Wine. */
#include <winsock2.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "async_bench.h"

#define BUFSZ 4096
#define ADDRLEN (sizeof(struct sockaddr_in) + 16)

enum io_kind { IO_ACCEPT, IO_RECV, IO_SEND };

typedef struct {
    OVERLAPPED ov;
    enum io_kind kind;
    SOCKET s;
    WSABUF wb;
    DWORD sent, len;
    char buf[BUFSZ];
} IO_CONTEXT;

static HANDLE g_port;
static SOCKET g_listener;
static LPFN_ACCEPTEX g_AcceptEx;
static HANDLE g_workers[8];
static int g_nworkers;
static volatile LONG g_stop;

static BOOL post_accept(IO_CONTEXT *io)
{
    DWORD n = 0;

    ZeroMemory(&io->ov, sizeof(io->ov));
    io->kind = IO_ACCEPT;
    io->s = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                      WSA_FLAG_OVERLAPPED);
    if (io->s == INVALID_SOCKET)
        return FALSE;
    if (!g_AcceptEx(g_listener, io->s, io->buf, 0, ADDRLEN, ADDRLEN, &n,
                    &io->ov) && WSAGetLastError() != ERROR_IO_PENDING)
        return FALSE;
    return TRUE;
}

static BOOL post_recv(IO_CONTEXT *io)
{
    DWORD n = 0, flags = 0;

    ZeroMemory(&io->ov, sizeof(io->ov));
    io->kind = IO_RECV;
    io->wb.buf = io->buf;
    io->wb.len = BUFSZ;
    return WSARecv(io->s, &io->wb, 1, &n, &flags, &io->ov, NULL) == 0 ||
           WSAGetLastError() == WSA_IO_PENDING;
}

static BOOL post_send(IO_CONTEXT *io)
{
    DWORD n = 0;

    ZeroMemory(&io->ov, sizeof(io->ov));
    io->kind = IO_SEND;
    io->wb.buf = io->buf + io->sent;
    io->wb.len = io->len - io->sent;
    return WSASend(io->s, &io->wb, 1, &n, 0, &io->ov, NULL) == 0 ||
           WSAGetLastError() == WSA_IO_PENDING;
}

static void drop(IO_CONTEXT *io)
{
    closesocket(io->s);
    HeapFree(GetProcessHeap(), 0, io);
}

static DWORD WINAPI worker(LPVOID arg)
{
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    IO_CONTEXT *io;

    (void)arg;
    for (;;) {
        BOOL ok = GetQueuedCompletionStatus(g_port, &bytes, &key, &ov,
                                            INFINITE);

        if (!ov)
            break; /* PostQueuedCompletionStatus(0, 0, NULL): stop */
        io = CONTAINING_RECORD(ov, IO_CONTEXT, ov);
        if (io->kind == IO_ACCEPT) {
            IO_CONTEXT *next;

            if (g_stop || !ok) {
                drop(io);
                continue;
            }
            setsockopt(io->s, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT,
                       (char *)&g_listener, sizeof(g_listener));
            CreateIoCompletionPort((HANDLE)io->s, g_port, 0, 0);
            next = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*next));
            if (next && !post_accept(next))
                HeapFree(GetProcessHeap(), 0, next);
            if (!post_recv(io))
                drop(io);
            continue;
        }
        if (!ok || (io->kind == IO_RECV && bytes == 0)) {
            drop(io);
            continue;
        }
        if (io->kind == IO_RECV) {
            io->len = bytes;
            io->sent = 0;
            if (!post_send(io))
                drop(io);
        } else {
            io->sent += bytes;
            if (!(io->sent < io->len ? post_send(io) : post_recv(io)))
                drop(io);
        }
    }
    return 0;
}

static SOCKET listen_any(unsigned short *port)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET s = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                         WSA_FLAG_OVERLAPPED);

    ZeroMemory(&a, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)&a, sizeof(a)) ||
        listen(s, SOMAXCONN) || getsockname(s, (struct sockaddr *)&a, &len))
        return INVALID_SOCKET;
    *port = ntohs(a.sin_port);
    return s;
}

static int iocp_start(int threads, unsigned short *port)
{
    GUID guid = WSAID_ACCEPTEX;
    DWORD n;
    int i;

    g_stop = 0;
    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (!g_port || (g_listener = listen_any(port)) == INVALID_SOCKET)
        return -1;
    if (WSAIoctl(g_listener, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid,
                 sizeof(guid), &g_AcceptEx, sizeof(g_AcceptEx), &n, NULL,
                 NULL))
        return -1;
    CreateIoCompletionPort((HANDLE)g_listener, g_port, 0, 0);
    for (i = 0; i < 4; i++) {
        IO_CONTEXT *io = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                   sizeof(*io));

        if (!io || !post_accept(io))
            return -1;
    }
    g_nworkers = threads > 8 ? 8 : threads;
    for (i = 0; i < g_nworkers; i++)
        g_workers[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    return 0;
}

static void iocp_stop(void)
{
    int i;

    g_stop = 1;
    closesocket(g_listener); /* the pending AcceptEx end with 995 */
    for (i = 0; i < g_nworkers; i++)
        PostQueuedCompletionStatus(g_port, 0, 0, NULL);
    for (i = 0; i < g_nworkers; i++) {
        WaitForSingleObject(g_workers[i], INFINITE);
        CloseHandle(g_workers[i]);
    }
    CloseHandle(g_port);
}

/* ---- the WSAEventSelect server ---------------------------------------- */

static SOCKET g_socks[WSA_MAXIMUM_WAIT_EVENTS];
static WSAEVENT g_events[WSA_MAXIMUM_WAIT_EVENTS];
static DWORD g_count;
static HANDLE g_evthread;

static void ev_remove(DWORD i)
{
    closesocket(g_socks[i]);
    WSACloseEvent(g_events[i]);
    g_count--;
    g_socks[i] = g_socks[g_count];
    g_events[i] = g_events[g_count];
}

static void ev_echo(DWORD i)
{
    char buf[BUFSZ];
    int n = recv(g_socks[i], buf, sizeof(buf), 0);

    if (n > 0)
        send(g_socks[i], buf, n, 0);
}

static DWORD WINAPI ev_main(LPVOID arg)
{
    WSANETWORKEVENTS ne;
    DWORD r, i;

    (void)arg;
    while (!g_stop) {
        r = WSAWaitForMultipleEvents(g_count, g_events, FALSE, 200, FALSE);
        if (r == WSA_WAIT_TIMEOUT)
            continue;
        if (r == WSA_WAIT_FAILED)
            break;
        /* As Microsoft's samples do: each event from the first signalled
         * on is looked at without waiting, and only a signalled one's
         * socket enumerated. */
        for (i = r - WSA_WAIT_EVENT_0; i < g_count; i++) {
            if (WSAWaitForMultipleEvents(1, &g_events[i], TRUE, 0, FALSE) !=
                    WSA_WAIT_EVENT_0 ||
                WSAEnumNetworkEvents(g_socks[i], g_events[i], &ne))
                continue;
            if ((ne.lNetworkEvents & FD_ACCEPT) &&
                g_count < WSA_MAXIMUM_WAIT_EVENTS) {
                SOCKET c = accept(g_socks[i], NULL, NULL);

                if (c != INVALID_SOCKET) {
                    g_events[g_count] = WSACreateEvent();
                    g_socks[g_count] = c;
                    WSAEventSelect(c, g_events[g_count], FD_READ | FD_CLOSE);
                    g_count++;
                }
            }
            if (ne.lNetworkEvents & FD_READ)
                ev_echo(i);
            if (ne.lNetworkEvents & FD_CLOSE)
                ev_remove(i--);
        }
    }
    while (g_count)
        ev_remove(g_count - 1);
    return 0;
}

static int evsel_start(unsigned short *port)
{
    g_stop = 0;
    if ((g_socks[0] = listen_any(port)) == INVALID_SOCKET)
        return -1;
    g_events[0] = WSACreateEvent();
    WSAEventSelect(g_socks[0], g_events[0], FD_ACCEPT);
    g_count = 1;
    g_evthread = CreateThread(NULL, 0, ev_main, NULL, 0, NULL);
    return g_evthread ? 0 : -1;
}

int win_server_start(int kind, int threads, unsigned short *port)
{
    static int started;
    WSADATA wd;

    if (!started++ && WSAStartup(MAKEWORD(2, 2), &wd))
        return -1;
    return kind == BENCH_IOCP ? iocp_start(threads, port) : evsel_start(port);
}

void win_server_stop(int kind)
{
    if (kind == BENCH_IOCP) {
        iocp_stop();
    } else {
        g_stop = 1;
        WaitForSingleObject(g_evthread, INFINITE);
        CloseHandle(g_evthread);
    }
}

#ifdef BENCH_WIN_MAIN
/* ---- the Winsock client, for the mingw-w64 build under Wine ----------- */
struct client {
    unsigned short port;
    int conns;
    double seconds;
    long long msgs;
};

static DWORD WINAPI client_main(LPVOID arg)
{
    struct client *c = arg;
    struct sockaddr_in a;
    SOCKET s[16];
    char buf[64] = { 0 };
    double end;
    int i, k;

    ZeroMemory(&a, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(c->port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (i = 0; i < c->conns; i++) {
        s[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (connect(s[i], (struct sockaddr *)&a, sizeof(a)))
            return 1;
    }
    end = GetTickCount() + c->seconds * 1000;
    while (GetTickCount() < end) {
        for (i = 0; i < c->conns; i++)
            send(s[i], buf, sizeof(buf), 0);
        for (i = 0; i < c->conns; i++)
            for (k = 0; k < (int)sizeof(buf);) {
                int n = recv(s[i], buf + k, sizeof(buf) - k, 0);
                if (n <= 0)
                    return 1;
                k += n;
            }
        c->msgs += c->conns;
    }
    for (i = 0; i < c->conns; i++)
        closesocket(s[i]);
    return 0;
}

static double run(int kind, int threads, int conns)
{
    struct client c[4];
    HANDLE th[4];
    unsigned short port;
    long long total = 0;
    int i;

    if (win_server_start(kind, 2, &port))
        return -1;
    for (i = 0; i < threads; i++) {
        c[i].port = port;
        c[i].conns = conns;
        c[i].seconds = 2;
        c[i].msgs = 0;
        th[i] = CreateThread(NULL, 0, client_main, &c[i], 0, NULL);
    }
    for (i = 0; i < threads; i++) {
        WaitForSingleObject(th[i], INFINITE);
        total += c[i].msgs;
    }
    win_server_stop(kind);
    return (double)total / 2;
}

int main(void)
{
    printf("async_iocp_msgs_per_s %.0f\n", run(BENCH_IOCP, 4, 4));
    printf("async_iocp_rtt_msgs_per_s %.0f\n", run(BENCH_IOCP, 1, 1));
    printf("async_evsel_msgs_per_s %.0f\n", run(BENCH_EVSEL, 4, 4));
    return 0;
}
#endif
