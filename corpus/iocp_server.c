/* I/O completion port echo server in the style of the SDK's "iocp" sample.
 * The listener is associated with the port; POST_ACCEPTS AcceptEx calls are
 * kept pending, half with a receive buffer (the accept completes with the
 * first bytes) and half without.  Each accepted socket gets
 * SO_UPDATE_ACCEPT_CONTEXT, is associated with the port and is echoed with
 * overlapped WSARecv/WSASend.  Two worker threads loop on
 * GetQueuedCompletionStatus; after <count> connections have closed the main
 * thread posts one PostQueuedCompletionStatus(0, NULL) per worker to stop
 * them.  Per-I/O contexts come from HeapAlloc and are found from the
 * OVERLAPPED with CONTAINING_RECORD.
 * Usage: iocp_server <port> [count]   (count defaults to 8) */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")
#pragma comment(lib, "mswsock.lib")

#define WORKER_THREADS 2
#define POST_ACCEPTS 4
#define DATA_BUFSIZE 4096
#define ADDRLEN (sizeof(SOCKADDR_IN) + 16)
#define DEFAULT_COUNT 8

typedef enum _IO_OPERATION {
    ClientIoAccept,
    ClientIoRead,
    ClientIoWrite
} IO_OPERATION;

typedef struct _PER_IO_CONTEXT {
    WSAOVERLAPPED Overlapped;
    char Buffer[DATA_BUFSIZE];
    WSABUF wsabuf;
    DWORD nTotalBytes;
    DWORD nSentBytes;
    IO_OPERATION IOOperation;
    SOCKET SocketAccept;
    BOOL bWithData;
} PER_IO_CONTEXT, *PPER_IO_CONTEXT;

typedef struct _PER_SOCKET_CONTEXT {
    SOCKET Socket;
    PPER_IO_CONTEXT pIOContext;
    LONG lBytes;
} PER_SOCKET_CONTEXT, *PPER_SOCKET_CONTEXT;

static HANDLE g_hIOCP = INVALID_HANDLE_VALUE;
static SOCKET g_sdListen = INVALID_SOCKET;
static PER_SOCKET_CONTEXT g_ListenContext;
static volatile LONG g_lClosed = 0;
static volatile LONG g_lAccepted = 0;
static volatile LONG g_lErrors = 0;
static volatile LONG g_lTotalBytes = 0;
static volatile LONG g_lStopping = 0;
static LONG g_lCount = DEFAULT_COUNT;
static HANDLE g_hDoneEvent = NULL;
static CRITICAL_SECTION g_CriticalSection;

static PPER_IO_CONTEXT AllocIoContext(IO_OPERATION op)
{
    PPER_IO_CONTEXT p = (PPER_IO_CONTEXT)HeapAlloc(GetProcessHeap(),
                                                   HEAP_ZERO_MEMORY,
                                                   sizeof(PER_IO_CONTEXT));
    if (p == NULL) {
        printf("HeapAlloc() failed: %lu\n", GetLastError());
        return NULL;
    }
    p->IOOperation = op;
    p->SocketAccept = INVALID_SOCKET;
    p->wsabuf.buf = p->Buffer;
    p->wsabuf.len = sizeof(p->Buffer);
    return p;
}

static void CloseClient(PPER_SOCKET_CONTEXT lpPerSocketContext)
{
    EnterCriticalSection(&g_CriticalSection);
    if (lpPerSocketContext->Socket != INVALID_SOCKET) {
        closesocket(lpPerSocketContext->Socket);
        lpPerSocketContext->Socket = INVALID_SOCKET;
    }
    LeaveCriticalSection(&g_CriticalSection);
    if (lpPerSocketContext->pIOContext)
        HeapFree(GetProcessHeap(), 0, lpPerSocketContext->pIOContext);
    printf("connection closed after %ld bytes\n", lpPerSocketContext->lBytes);
    HeapFree(GetProcessHeap(), 0, lpPerSocketContext);
    if (InterlockedIncrement(&g_lClosed) == g_lCount)
        SetEvent(g_hDoneEvent);
}

/* Post one AcceptEx; bWithData chooses whether it waits for the first
 * bytes. */
static BOOL CreateAcceptSocket(PPER_IO_CONTEXT pAcceptContext, BOOL bWithData)
{
    DWORD dwRecvNumBytes = 0;
    DWORD dwRecvLen;
    int nRet;

    pAcceptContext->SocketAccept = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP,
                                             NULL, 0, WSA_FLAG_OVERLAPPED);
    if (pAcceptContext->SocketAccept == INVALID_SOCKET) {
        printf("failed to create new accept socket: %d\n", WSAGetLastError());
        return FALSE;
    }
    pAcceptContext->bWithData = bWithData;
    dwRecvLen = bWithData ? DATA_BUFSIZE - (2 * ADDRLEN) : 0;
    ZeroMemory(&pAcceptContext->Overlapped, sizeof(pAcceptContext->Overlapped));
    nRet = AcceptEx(g_sdListen, pAcceptContext->SocketAccept,
                    (LPVOID)(pAcceptContext->Buffer), dwRecvLen,
                    ADDRLEN, ADDRLEN, &dwRecvNumBytes,
                    (LPOVERLAPPED)&pAcceptContext->Overlapped);
    if (nRet == FALSE && WSAGetLastError() != ERROR_IO_PENDING) {
        printf("AcceptEx() failed: %d\n", WSAGetLastError());
        return FALSE;
    }
    return TRUE;
}

static BOOL PostRead(PPER_SOCKET_CONTEXT ctx)
{
    PPER_IO_CONTEXT io = ctx->pIOContext;
    DWORD dwFlags = 0;
    DWORD dwRecvNumBytes = 0;
    int nRet;

    io->IOOperation = ClientIoRead;
    io->wsabuf.buf = io->Buffer;
    io->wsabuf.len = DATA_BUFSIZE;
    ZeroMemory(&io->Overlapped, sizeof(io->Overlapped));
    nRet = WSARecv(ctx->Socket, &io->wsabuf, 1, &dwRecvNumBytes, &dwFlags,
                   &io->Overlapped, NULL);
    if (nRet == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING) {
        printf("WSARecv() failed: %d\n", WSAGetLastError());
        return FALSE;
    }
    return TRUE;
}

static BOOL PostWrite(PPER_SOCKET_CONTEXT ctx)
{
    PPER_IO_CONTEXT io = ctx->pIOContext;
    DWORD dwSendNumBytes = 0;
    int nRet;

    io->IOOperation = ClientIoWrite;
    io->wsabuf.buf = io->Buffer + io->nSentBytes;
    io->wsabuf.len = io->nTotalBytes - io->nSentBytes;
    ZeroMemory(&io->Overlapped, sizeof(io->Overlapped));
    nRet = WSASend(ctx->Socket, &io->wsabuf, 1, &dwSendNumBytes, 0,
                   &io->Overlapped, NULL);
    if (nRet == SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING) {
        printf("WSASend() failed: %d\n", WSAGetLastError());
        return FALSE;
    }
    return TRUE;
}

static void HandleAccept(PPER_IO_CONTEXT pAccept, DWORD dwIoSize)
{
    PPER_SOCKET_CONTEXT ctx;
    SOCKADDR_IN *pLocal = NULL, *pRemote = NULL;
    int nLocal = 0, nRemote = 0;
    SOCKET sdAccept = pAccept->SocketAccept;
    DWORD dwRecvLen = pAccept->bWithData ? DATA_BUFSIZE - (2 * ADDRLEN) : 0;
    BOOL bWithData = pAccept->bWithData;
    char szAddr[INET_ADDRSTRLEN];

    if (setsockopt(sdAccept, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT,
                   (char *)&g_sdListen, sizeof(g_sdListen)) == SOCKET_ERROR) {
        printf("setsockopt(SO_UPDATE_ACCEPT_CONTEXT) failed: %d\n",
               WSAGetLastError());
        InterlockedIncrement(&g_lErrors);
    }
    GetAcceptExSockaddrs(pAccept->Buffer, dwRecvLen, ADDRLEN, ADDRLEN,
                         (LPSOCKADDR *)&pLocal, &nLocal,
                         (LPSOCKADDR *)&pRemote, &nRemote);
    if (pRemote == NULL || pRemote->sin_family != AF_INET ||
        pLocal == NULL || pLocal->sin_port != g_ListenContext.lBytes) {
        printf("GetAcceptExSockaddrs gave bad addresses\n");
        InterlockedIncrement(&g_lErrors);
    } else {
        inet_ntop(AF_INET, &pRemote->sin_addr, szAddr, sizeof(szAddr));
        printf("accepted %s:%u (%s receive buffer, %lu bytes with it)\n",
               szAddr, ntohs(pRemote->sin_port),
               bWithData ? "with" : "without", dwIoSize);
    }

    ctx = (PPER_SOCKET_CONTEXT)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                         sizeof(PER_SOCKET_CONTEXT));
    if (ctx == NULL) {
        closesocket(sdAccept);
        InterlockedIncrement(&g_lErrors);
        return;
    }
    ctx->Socket = sdAccept;
    ctx->pIOContext = AllocIoContext(ClientIoRead);
    InterlockedIncrement(&g_lAccepted);

    if (CreateIoCompletionPort((HANDLE)sdAccept, g_hIOCP, (ULONG_PTR)ctx, 0)
        == NULL) {
        printf("CreateIoCompletionPort() failed: %lu\n", GetLastError());
        InterlockedIncrement(&g_lErrors);
        CloseClient(ctx);
        return;
    }

    if (bWithData && dwIoSize > 0) {
        /* the first bytes came with the accept: echo them */
        CopyMemory(ctx->pIOContext->Buffer, pAccept->Buffer, dwIoSize);
        ctx->pIOContext->nTotalBytes = dwIoSize;
        ctx->pIOContext->nSentBytes = 0;
        ctx->lBytes += dwIoSize;
        InterlockedExchangeAdd(&g_lTotalBytes, (LONG)dwIoSize);
        if (!PostWrite(ctx)) {
            InterlockedIncrement(&g_lErrors);
            CloseClient(ctx);
        }
    } else if (bWithData) {
        /* accepted with a buffer and 0 bytes: the peer closed at once */
        CloseClient(ctx);
    } else if (!PostRead(ctx)) {
        InterlockedIncrement(&g_lErrors);
        CloseClient(ctx);
    }

    /* re-arm the same accept context, alternating the kind */
    if (!g_lStopping && !CreateAcceptSocket(pAccept, !bWithData))
        InterlockedIncrement(&g_lErrors);
}

static DWORD WINAPI WorkerThread(LPVOID WorkThreadContext)
{
    HANDLE hIOCP = (HANDLE)WorkThreadContext;
    BOOL bSuccess;
    DWORD dwIoSize = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED lpOverlapped = NULL;
    PPER_SOCKET_CONTEXT lpPerSocketContext;
    PPER_IO_CONTEXT lpIOContext;

    for (;;) {
        bSuccess = GetQueuedCompletionStatus(hIOCP, &dwIoSize, &key,
                                             &lpOverlapped, INFINITE);
        if (!bSuccess && lpOverlapped == NULL) {
            printf("GetQueuedCompletionStatus() failed: %lu\n", GetLastError());
            InterlockedIncrement(&g_lErrors);
            return 1;
        }
        if (key == 0 && lpOverlapped == NULL) {
            /* PostQueuedCompletionStatus from main: time to go */
            return 0;
        }
        lpIOContext = CONTAINING_RECORD(lpOverlapped, PER_IO_CONTEXT, Overlapped);
        lpPerSocketContext = (PPER_SOCKET_CONTEXT)key;

        if (lpIOContext->IOOperation == ClientIoAccept) {
            if (!bSuccess) {
                if (!g_lStopping) {
                    printf("AcceptEx completed with error %lu\n", GetLastError());
                    InterlockedIncrement(&g_lErrors);
                }
                closesocket(lpIOContext->SocketAccept);
                lpIOContext->SocketAccept = INVALID_SOCKET;
                continue;
            }
            HandleAccept(lpIOContext, dwIoSize);
            continue;
        }

        if (!bSuccess || dwIoSize == 0) {
            if (!bSuccess) {
                printf("I/O failed: %lu\n", GetLastError());
                InterlockedIncrement(&g_lErrors);
            }
            CloseClient(lpPerSocketContext);
            continue;
        }

        switch (lpIOContext->IOOperation) {
        case ClientIoRead:
            lpIOContext->nTotalBytes = dwIoSize;
            lpIOContext->nSentBytes = 0;
            lpPerSocketContext->lBytes += dwIoSize;
            InterlockedExchangeAdd(&g_lTotalBytes, (LONG)dwIoSize);
            if (!PostWrite(lpPerSocketContext)) {
                InterlockedIncrement(&g_lErrors);
                CloseClient(lpPerSocketContext);
            }
            break;
        case ClientIoWrite:
            lpIOContext->nSentBytes += dwIoSize;
            if (lpIOContext->nSentBytes < lpIOContext->nTotalBytes) {
                /* partial send: send the rest */
                if (!PostWrite(lpPerSocketContext)) {
                    InterlockedIncrement(&g_lErrors);
                    CloseClient(lpPerSocketContext);
                }
            } else if (!PostRead(lpPerSocketContext)) {
                InterlockedIncrement(&g_lErrors);
                CloseClient(lpPerSocketContext);
            }
            break;
        default:
            break;
        }
    }
}

int __cdecl main(int argc, char *argv[])
{
    WSADATA wsaData;
    SOCKADDR_IN addr;
    int addrlen = sizeof(addr);
    HANDLE hThreads[WORKER_THREADS];
    DWORD dwThreadId;
    PPER_IO_CONTEXT accepts[POST_ACCEPTS];
    DWORD i, dwWait;
    int nRet, rc = 1;
    unsigned short port;

    if (argc < 2) {
        printf("usage: %s <port> [count]\n", argv[0]);
        return 1;
    }
    port = (unsigned short)atoi(argv[1]);
    if (argc > 2)
        g_lCount = atol(argv[2]);

    if ((nRet = WSAStartup(MAKEWORD(2, 2), &wsaData)) != 0) {
        printf("WSAStartup() failed: %d\n", nRet);
        return 1;
    }
    InitializeCriticalSection(&g_CriticalSection);
    g_hDoneEvent = CreateEvent(NULL, TRUE, FALSE, NULL);

    g_hIOCP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (g_hIOCP == NULL) {
        printf("CreateIoCompletionPort() failed to create I/O completion port: %lu\n",
               GetLastError());
        goto cleanup;
    }

    for (i = 0; i < WORKER_THREADS; i++) {
        hThreads[i] = CreateThread(NULL, 0, WorkerThread, g_hIOCP, 0, &dwThreadId);
        if (hThreads[i] == NULL) {
            printf("CreateThread() failed to create worker thread: %lu\n",
                   GetLastError());
            goto cleanup;
        }
    }

    g_sdListen = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_IP, NULL, 0,
                           WSA_FLAG_OVERLAPPED);
    if (g_sdListen == INVALID_SOCKET) {
        printf("WSASocket(g_sdListen) failed: %d\n", WSAGetLastError());
        goto cleanup;
    }
    ZeroMemory(&addr, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (bind(g_sdListen, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
        printf("bind() failed: %d\n", WSAGetLastError());
        goto cleanup;
    }
    if (listen(g_sdListen, SOMAXCONN) == SOCKET_ERROR) {
        printf("listen() failed: %d\n", WSAGetLastError());
        goto cleanup;
    }
    getsockname(g_sdListen, (SOCKADDR *)&addr, &addrlen);
    /* the listener's context: lBytes holds its port (network order) for the
     * GetAcceptExSockaddrs check */
    g_ListenContext.Socket = g_sdListen;
    g_ListenContext.lBytes = addr.sin_port;
    if (CreateIoCompletionPort((HANDLE)g_sdListen, g_hIOCP,
                               (ULONG_PTR)&g_ListenContext, 0) == NULL) {
        printf("CreateIoCompletionPort() failed: %lu\n", GetLastError());
        goto cleanup;
    }

    for (i = 0; i < POST_ACCEPTS; i++) {
        accepts[i] = AllocIoContext(ClientIoAccept);
        if (accepts[i] == NULL || !CreateAcceptSocket(accepts[i], (i % 2) == 0))
            goto cleanup;
    }

    printf("listening on port %u, %d workers, %d AcceptEx pending, "
           "stopping after %ld connections\n",
           ntohs(addr.sin_port), WORKER_THREADS, POST_ACCEPTS, g_lCount);
    fflush(stdout);

    dwWait = WaitForSingleObject(g_hDoneEvent, 30000);
    if (dwWait != WAIT_OBJECT_0) {
        printf("timed out: %ld of %ld connections closed\n", g_lClosed, g_lCount);
        goto cleanup;
    }
    InterlockedExchange(&g_lStopping, 1);

    /* closing the listener aborts the pending AcceptEx calls */
    closesocket(g_sdListen);
    g_sdListen = INVALID_SOCKET;

    for (i = 0; i < WORKER_THREADS; i++)
        PostQueuedCompletionStatus(g_hIOCP, 0, 0, NULL);
    dwWait = WaitForMultipleObjects(WORKER_THREADS, hThreads, TRUE, 10000);
    if (dwWait == WAIT_TIMEOUT) {
        printf("worker threads did not stop\n");
        goto cleanup;
    }
    for (i = 0; i < WORKER_THREADS; i++)
        CloseHandle(hThreads[i]);
    for (i = 0; i < POST_ACCEPTS; i++) {
        if (accepts[i]->SocketAccept != INVALID_SOCKET)
            closesocket(accepts[i]->SocketAccept);
        HeapFree(GetProcessHeap(), 0, accepts[i]);
    }

    printf("%ld connections accepted, %ld closed, %ld bytes echoed, %ld errors\n",
           g_lAccepted, g_lClosed, g_lTotalBytes, g_lErrors);
    rc = (g_lErrors == 0 && g_lClosed == g_lCount) ? 0 : 1;

cleanup:
    if (g_sdListen != INVALID_SOCKET)
        closesocket(g_sdListen);
    if (g_hIOCP != NULL && g_hIOCP != INVALID_HANDLE_VALUE)
        CloseHandle(g_hIOCP);
    if (g_hDoneEvent)
        CloseHandle(g_hDoneEvent);
    DeleteCriticalSection(&g_CriticalSection);
    WSACleanup();
    return rc;
}
