/* Thread-per-client echo server with CreateThread.  Accepts <count>
 * clients (default 4), each served by its own thread; the main thread waits
 * for all of them with WaitForMultipleObjects.  A CRITICAL_SECTION guards
 * the table of active clients; InterlockedIncrement counts bytes and
 * finished clients.
 * Usage: thread_server <port> [count] */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define DEFAULT_CLIENTS 4
#define MAX_CLIENTS 32
#define BUFLEN 1024
#define WAIT_LIMIT_MS 30000

typedef struct _CLIENT_CONTEXT {
    SOCKET sock;
    DWORD id;
    LONG bytes;
} CLIENT_CONTEXT, *PCLIENT_CONTEXT;

static CRITICAL_SECTION g_csClients;
static int g_nActive = 0;
static int g_nPeak = 0;
static volatile LONG g_lTotalBytes = 0;
static volatile LONG g_lDone = 0;
static volatile LONG g_lErrors = 0;

static DWORD WINAPI ClientThread(LPVOID lpParameter)
{
    PCLIENT_CONTEXT ctx = (PCLIENT_CONTEXT)lpParameter;
    char buf[BUFLEN];
    int n, sent, off;

    EnterCriticalSection(&g_csClients);
    g_nActive++;
    if (g_nActive > g_nPeak)
        g_nPeak = g_nActive;
    LeaveCriticalSection(&g_csClients);

    for (;;) {
        n = recv(ctx->sock, buf, sizeof(buf), 0);
        if (n == 0)
            break;
        if (n == SOCKET_ERROR) {
            printf("[%lu] recv failed: %d\n", ctx->id, WSAGetLastError());
            InterlockedIncrement(&g_lErrors);
            break;
        }
        for (off = 0; off < n; off += sent) {
            sent = send(ctx->sock, buf + off, n - off, 0);
            if (sent == SOCKET_ERROR) {
                printf("[%lu] send failed: %d\n", ctx->id, WSAGetLastError());
                InterlockedIncrement(&g_lErrors);
                goto out;
            }
        }
        ctx->bytes += n;
        InterlockedExchangeAdd(&g_lTotalBytes, n);
    }
    shutdown(ctx->sock, SD_SEND);
out:
    closesocket(ctx->sock);
    printf("[%lu] thread %lu done, %ld bytes\n", ctx->id,
           GetCurrentThreadId(), ctx->bytes);

    EnterCriticalSection(&g_csClients);
    g_nActive--;
    LeaveCriticalSection(&g_csClients);
    InterlockedIncrement(&g_lDone);
    return 0;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET ListenSocket;
    struct sockaddr_in service;
    HANDLE hThreads[MAX_CLIENTS];
    CLIENT_CONTEXT ctx[MAX_CLIENTS];
    int nClients = DEFAULT_CLIENTS, i, nStarted = 0, rc = 0;
    DWORD dwWait;

    if (argc < 2) {
        printf("usage: %s port [count]\n", argv[0]);
        return 1;
    }
    if (argc > 2)
        nClients = atoi(argv[2]);
    if (nClients < 1 || nClients > MAX_CLIENTS)
        nClients = DEFAULT_CLIENTS;

    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup failed\n");
        return 1;
    }
    InitializeCriticalSection(&g_csClients);

    ListenSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (ListenSocket == INVALID_SOCKET) {
        printf("socket failed: %d\n", WSAGetLastError());
        WSACleanup();
        return 1;
    }
    ZeroMemory(&service, sizeof(service));
    service.sin_family = AF_INET;
    service.sin_port = htons((u_short)atoi(argv[1]));
    inet_pton(AF_INET, "127.0.0.1", &service.sin_addr);

    if (bind(ListenSocket, (SOCKADDR *)&service, sizeof(service)) == SOCKET_ERROR ||
        listen(ListenSocket, SOMAXCONN) == SOCKET_ERROR) {
        printf("bind/listen failed: %d\n", WSAGetLastError());
        closesocket(ListenSocket);
        WSACleanup();
        return 1;
    }
    printf("listening on 127.0.0.1:%s for %d clients\n", argv[1], nClients);
    fflush(stdout);

    for (i = 0; i < nClients; i++) {
        SOCKET s = accept(ListenSocket, NULL, NULL);
        if (s == INVALID_SOCKET) {
            printf("accept failed: %d\n", WSAGetLastError());
            rc = 1;
            break;
        }
        ctx[i].sock = s;
        ctx[i].id = (DWORD)i + 1;
        ctx[i].bytes = 0;
        hThreads[i] = CreateThread(NULL, 0, ClientThread, &ctx[i], 0, NULL);
        if (hThreads[i] == NULL) {
            printf("CreateThread failed: %lu\n", GetLastError());
            closesocket(s);
            rc = 1;
            break;
        }
        nStarted++;
    }
    closesocket(ListenSocket);

    if (nStarted > 0) {
        dwWait = WaitForMultipleObjects((DWORD)nStarted, hThreads, TRUE,
                                        WAIT_LIMIT_MS);
        if (dwWait == WAIT_TIMEOUT) {
            printf("clients did not finish in time\n");
            rc = 1;
        } else if (dwWait == WAIT_FAILED) {
            printf("WaitForMultipleObjects failed: %lu\n", GetLastError());
            rc = 1;
        }
        for (i = 0; i < nStarted; i++)
            CloseHandle(hThreads[i]);
    }

    printf("served %ld clients, %ld bytes, peak %d at once, %ld errors\n",
           g_lDone, g_lTotalBytes, g_nPeak, g_lErrors);
    if (g_lDone != nClients || g_lErrors != 0)
        rc = 1;
    DeleteCriticalSection(&g_csClients);
    WSACleanup();
    return rc;
}
