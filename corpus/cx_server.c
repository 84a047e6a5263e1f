/* Single-threaded completion-port echo server for cx_client: AcceptEx and
 * GetAcceptExSockaddrs are looked up with
 * WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_ACCEPTEX ...), as the
 * documentation recommends; each AcceptEx has a receive buffer, so it
 * completes with the data the client's ConnectEx sent.  Completions are
 * dequeued in batches with GetQueuedCompletionStatusEx.  Accepted sockets
 * use SetFileCompletionNotificationModes(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS):
 * a WSARecv/WSASend that succeeds at once queues no packet and is handled
 * in line.  Stops after <count> connections (default 6).
 * Usage: cx_server <port> [count] */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <mswsock.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <tchar.h>
#include <stdio.h>

#pragma comment(lib, "ws2_32.lib")

#define BUFSIZE 8192
#define ADDRSIZE (sizeof(SOCKADDR_STORAGE) + 16)
#define PENDING_ACCEPTS 3
#define MAX_ENTRIES 16

typedef enum { OP_ACCEPT, OP_RECV, OP_SEND } OPKIND;

typedef struct _CONNECTION {
    OVERLAPPED ov;          /* first: the OVERLAPPED is the context */
    OPKIND op;
    SOCKET sock;
    WSABUF wsaBuf;
    DWORD cbData, cbSent;
    ULONGLONG total;
    char buf[BUFSIZE];
} CONNECTION, *PCONNECTION;

static LPFN_ACCEPTEX pfnAcceptEx;
static LPFN_GETACCEPTEXSOCKADDRS pfnGetAcceptExSockaddrs;
static SOCKET g_listen = INVALID_SOCKET;
static HANDLE g_port;
static int g_closed, g_errors, g_accepted, g_inline;

static BOOL GetExtension(SOCKET s, GUID *guid, void *pfn, DWORD cb)
{
    DWORD dwBytes = 0;

    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, guid, sizeof(*guid),
                 pfn, cb, &dwBytes, NULL, NULL) == SOCKET_ERROR) {
        _tprintf(_T("WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) failed: %d\n"),
                 WSAGetLastError());
        return FALSE;
    }
    return TRUE;
}

static BOOL PostAccept(PCONNECTION c)
{
    DWORD dwBytes = 0;

    ZeroMemory(&c->ov, sizeof(c->ov));
    c->op = OP_ACCEPT;
    c->total = 0;
    c->sock = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                        WSA_FLAG_OVERLAPPED);
    if (c->sock == INVALID_SOCKET) {
        _tprintf(_T("WSASocket failed: %d\n"), WSAGetLastError());
        return FALSE;
    }
    if (!pfnAcceptEx(g_listen, c->sock, c->buf, BUFSIZE - 2 * ADDRSIZE,
                     ADDRSIZE, ADDRSIZE, &dwBytes, &c->ov)) {
        if (WSAGetLastError() != ERROR_IO_PENDING) {
            _tprintf(_T("AcceptEx failed: %d\n"), WSAGetLastError());
            return FALSE;
        }
    }
    return TRUE;
}

/* Every context ever made, freed at the end. */
static PCONNECTION g_all[1024];
static int g_nall;

static PCONNECTION NewConnection(void)
{
    PCONNECTION c;

    if (g_nall == (int)(sizeof(g_all) / sizeof(g_all[0])))
        return NULL;
    c = (PCONNECTION)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                               sizeof(CONNECTION));
    if (c != NULL) {
        c->sock = INVALID_SOCKET;
        g_all[g_nall++] = c;
    }
    return c;
}

static void FreeConnections(void)
{
    int i;

    for (i = 0; i < g_nall; i++) {
        if (g_all[i]->sock != INVALID_SOCKET)
            closesocket(g_all[i]->sock);
        HeapFree(GetProcessHeap(), 0, g_all[i]);
    }
    g_nall = 0;
}

static void CloseConnection(PCONNECTION c, BOOL rearm)
{
    closesocket(c->sock);
    c->sock = INVALID_SOCKET;
    g_closed++;
    _tprintf(_T("connection done, %I64u bytes echoed\n"), c->total);
    if (rearm && !PostAccept(c))
        g_errors++;
}

/* Handle one finished operation and start the next; with
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS an operation that finishes at once
 * is handled here in the loop, not by a packet. */
static void Drive(PCONNECTION c, BOOL ok, DWORD bytes)
{
    DWORD flags, n;
    int r;

    for (;;) {
        if (!ok) {
            _tprintf(_T("operation %d failed: %lu\n"), c->op, GetLastError());
            g_errors++;
            CloseConnection(c, FALSE);
            return;
        }
        if (c->op == OP_RECV || c->op == OP_ACCEPT) {
            if (bytes == 0) {
                /* the client's DisconnectEx: end of stream */
                CloseConnection(c, FALSE);
                return;
            }
            c->cbData = bytes;
            c->cbSent = 0;
            c->total += bytes;
        } else {
            c->cbSent += bytes;
        }

        ZeroMemory(&c->ov, sizeof(c->ov));
        n = 0;
        if (c->cbSent < c->cbData) {
            c->op = OP_SEND;
            c->wsaBuf.buf = c->buf + c->cbSent;
            c->wsaBuf.len = c->cbData - c->cbSent;
            r = WSASend(c->sock, &c->wsaBuf, 1, &n, 0, &c->ov, NULL);
        } else {
            c->op = OP_RECV;
            c->wsaBuf.buf = c->buf;
            c->wsaBuf.len = BUFSIZE;
            flags = 0;
            r = WSARecv(c->sock, &c->wsaBuf, 1, &n, &flags, &c->ov, NULL);
        }
        if (r == SOCKET_ERROR) {
            if (WSAGetLastError() == WSA_IO_PENDING)
                return; /* a packet will come */
            ok = FALSE;
            SetLastError(WSAGetLastError());
            continue;
        }
        /* done at once: no packet (FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) */
        g_inline++;
        ok = TRUE;
        bytes = n;
    }
}

static void OnAccept(PCONNECTION c, BOOL ok, DWORD bytes)
{
    SOCKADDR *local = NULL, *remote = NULL;
    int cbLocal = 0, cbRemote = 0;
    char host[INET_ADDRSTRLEN] = "?";

    if (!ok) {
        _tprintf(_T("AcceptEx completed with %lu\n"), GetLastError());
        g_errors++;
        closesocket(c->sock);
        c->sock = INVALID_SOCKET;
        return;
    }
    g_accepted++;
    if (setsockopt(c->sock, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT,
                   (char *)&g_listen, sizeof(g_listen)) == SOCKET_ERROR) {
        _tprintf(_T("SO_UPDATE_ACCEPT_CONTEXT failed: %d\n"), WSAGetLastError());
        g_errors++;
    }
    pfnGetAcceptExSockaddrs(c->buf, BUFSIZE - 2 * ADDRSIZE, ADDRSIZE, ADDRSIZE,
                            &local, &cbLocal, &remote, &cbRemote);
    if (remote && remote->sa_family == AF_INET)
        inet_ntop(AF_INET, &((SOCKADDR_IN *)remote)->sin_addr, host, sizeof(host));
    _tprintf(_T("accepted from %hs:%u with %lu bytes of ConnectEx data\n"), host,
             remote ? ntohs(((SOCKADDR_IN *)remote)->sin_port) : 0, bytes);
    if (CreateIoCompletionPort((HANDLE)c->sock, g_port, (ULONG_PTR)c, 0) == NULL ||
        !SetFileCompletionNotificationModes((HANDLE)c->sock,
                                            FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)) {
        _tprintf(_T("associating the accepted socket failed: %lu\n"), GetLastError());
        g_errors++;
        CloseConnection(c, FALSE);
        return;
    }
    Drive(c, TRUE, bytes);
}

int _tmain(int argc, _TCHAR *argv[])
{
    WSADATA wsd;
    GUID guidAcceptEx = WSAID_ACCEPTEX;
    GUID guidGetAddrs = WSAID_GETACCEPTEXSOCKADDRS;
    SOCKADDR_IN sin;
    PCONNECTION accepts[PENDING_ACCEPTS];
    OVERLAPPED_ENTRY entries[MAX_ENTRIES];
    ULONG nEntries, i;
    int count = 6, k, batches = 0, maxBatch = 0;

    if (argc < 2) {
        _tprintf(_T("usage: %s <port> [count]\n"), argv[0]);
        return 1;
    }
    if (argc > 2)
        count = _ttoi(argv[2]);
    if (WSAStartup(MAKEWORD(2, 2), &wsd) != 0)
        return 1;

    g_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    g_listen = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    if (g_port == NULL || g_listen == INVALID_SOCKET) {
        _tprintf(_T("setup failed: %lu\n"), GetLastError());
        return 1;
    }
    if (!GetExtension(g_listen, &guidAcceptEx, &pfnAcceptEx, sizeof(pfnAcceptEx)) ||
        !GetExtension(g_listen, &guidGetAddrs, &pfnGetAcceptExSockaddrs,
                      sizeof(pfnGetAcceptExSockaddrs)))
        return 1;

    ZeroMemory(&sin, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_port = htons((u_short)_ttoi(argv[1]));
    InetPton(AF_INET, _T("127.0.0.1"), &sin.sin_addr);
    if (bind(g_listen, (SOCKADDR *)&sin, sizeof(sin)) == SOCKET_ERROR ||
        listen(g_listen, SOMAXCONN) == SOCKET_ERROR) {
        _tprintf(_T("bind/listen failed: %d\n"), WSAGetLastError());
        return 1;
    }
    /* the accept completions come with the listener's key (0 here) */
    if (CreateIoCompletionPort((HANDLE)g_listen, g_port, 0, 0) == NULL) {
        _tprintf(_T("CreateIoCompletionPort(listener) failed: %lu\n"), GetLastError());
        return 1;
    }
    for (k = 0; k < PENDING_ACCEPTS; k++) {
        accepts[k] = NewConnection();
        if (accepts[k] == NULL || !PostAccept(accepts[k]))
            return 1;
    }
    _tprintf(_T("listening on port %s, %d AcceptEx pending\n"), argv[1], PENDING_ACCEPTS);
    fflush(stdout);

    while (g_closed < count) {
        if (!GetQueuedCompletionStatusEx(g_port, entries, MAX_ENTRIES, &nEntries,
                                         20000, FALSE)) {
            _tprintf(_T("GetQueuedCompletionStatusEx failed: %lu (%d of %d done)\n"),
                     GetLastError(), g_closed, count);
            return 1;
        }
        batches++;
        if ((int)nEntries > maxBatch)
            maxBatch = (int)nEntries;
        for (i = 0; i < nEntries; i++) {
            PCONNECTION c = (PCONNECTION)entries[i].lpOverlapped;
            /* GQCSEx reports no per-entry error: ask the OVERLAPPED */
            DWORD bytes = 0;
            BOOL ok = GetOverlappedResult((HANDLE)c->sock, &c->ov, &bytes, FALSE);

            if (bytes != entries[i].dwNumberOfBytesTransferred) {
                _tprintf(_T("entry says %lu bytes, GetOverlappedResult %lu\n"),
                         entries[i].dwNumberOfBytesTransferred, bytes);
                g_errors++;
            }
            if (c->op == OP_ACCEPT) {
                OnAccept(c, ok, bytes);
                /* keep PENDING_ACCEPTS in flight with a fresh context */
                if (g_accepted + PENDING_ACCEPTS <= count) {
                    for (k = 0; k < PENDING_ACCEPTS; k++)
                        if (accepts[k] == c)
                            break;
                    if (k < PENDING_ACCEPTS) {
                        accepts[k] = NewConnection();
                        if (accepts[k] == NULL || !PostAccept(accepts[k]))
                            g_errors++;
                    }
                }
            } else {
                Drive(c, ok, bytes);
            }
        }
    }
    _tprintf(_T("%d accepted, %d closed, %d completions handled in line, %d batches "
                "(largest %d), %d errors\n"),
             g_accepted, g_closed, g_inline, batches, maxBatch, g_errors);
    /* The AcceptEx still pending end with ERROR_OPERATION_ABORTED when
     * the listener goes; take their packets, then free every context. */
    closesocket(g_listen);
    while (GetQueuedCompletionStatusEx(g_port, entries, MAX_ENTRIES, &nEntries,
                                       200, FALSE))
        ;
    FreeConnections();
    CloseHandle(g_port);
    WSACleanup();
    return g_errors == 0 ? 0 : 1;
}
