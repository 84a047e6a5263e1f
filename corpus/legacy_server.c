/* An older-style line server: SOCKADDR_IN filled through S_un.S_addr and
 * inet_addr, peers logged with inet_ntoa, FAR/PASCAL/WSAAPI annotations,
 * SAL on the helpers, the secure CRT (sprintf_s, strcpy_s, _countof), a
 * worker pool sized by GetSystemInfo and fed through a queue guarded by a
 * CRITICAL_SECTION and an auto-reset event, GetTickCount uptime,
 * QueryPerformanceCounter timings, Ctrl-C through SetConsoleCtrlHandler.
 * Commands (one per line, case-insensitive): QUIT ends the session with
 * "BYE"; anything else is echoed.  Serves MAX_SESSIONS clients, then exits.
 * Usage: legacy_server <port> */
#include <WinSock2.h>
#include <Windows.h>
#include <MSWSock.h>
#include <mstcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")
#pragma comment(lib, "mswsock.lib")

#define MAX_SESSIONS 2
#define MAX_WORKERS 8
#define LINE_MAX_LEN 256
#define QUEUE_LEN 16

typedef int (WSAAPI *LPFN_CLOSESOCKET)(SOCKET s);

static SOCKET g_queue[QUEUE_LEN];
static int g_qhead = 0, g_qtail = 0;
static CRITICAL_SECTION g_qlock;
static HANDLE g_hWork;            /* auto-reset: a socket was queued */
static volatile LONG g_bStop = 0;
static volatile LONG g_nServed = 0;
static LARGE_INTEGER g_freq;
static char g_szName[MAX_PATH];

static BOOL WINAPI OnCtrl(DWORD type)
{
    if (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT) {
        InterlockedExchange(&g_bStop, 1);
        SetEvent(g_hWork);
        return TRUE;
    }
    return FALSE;
}

static int PASCAL FAR SendString(_In_ SOCKET s, _In_z_ const char FAR *psz)
{
    int len = (int)strlen(psz), off = 0, n;
    while (off < len) {
        n = send(s, psz + off, len - off, 0);
        if (n == SOCKET_ERROR)
            return SOCKET_ERROR;
        off += n;
    }
    return len;
}

/* One line without its CR LF; returns its length, 0 at end, -1 on error. */
static int RecvLine(_In_ SOCKET s, _Out_writes_(cchMax) char *pszLine,
                    _In_ int cchMax)
{
    int len = 0;
    char c;
    for (;;) {
        int n = recv(s, &c, 1, 0);
        if (n == 0)
            return len > 0 ? len : 0;
        if (n == SOCKET_ERROR)
            return -1;
        if (c == '\n')
            break;
        if (c != '\r' && len < cchMax - 1)
            pszLine[len++] = c;
    }
    pszLine[len] = '\0';
    return len == 0 ? 1 : len; /* an empty line still counts */
}

static void ServeSession(SOCKET s, DWORD dwWorker)
{
    char szLine[LINE_MAX_LEN];
    char szReply[LINE_MAX_LEN + 8];
    LARGE_INTEGER t0, t1;
    int nLines = 0, r;
    LPFN_CLOSESOCKET pfnClose = closesocket;

    QueryPerformanceCounter(&t0);
    szLine[0] = '\0';
    while ((r = RecvLine(s, szLine, _countof(szLine))) > 0) {
        if (_stricmp(szLine, "quit") == 0) {
            SendString(s, "BYE\r\n");
            break;
        }
        sprintf_s(szReply, _countof(szReply), "%s\r\n", szLine);
        if (SendString(s, szReply) == SOCKET_ERROR)
            break;
        nLines++;
        szLine[0] = '\0';
    }
    QueryPerformanceCounter(&t1);
    printf("[%s worker %lu] session: %d lines in %.3f ms\n", g_szName, dwWorker,
           nLines, (double)(t1.QuadPart - t0.QuadPart) * 1000.0 / (double)g_freq.QuadPart);
    shutdown(s, SD_SEND);
    pfnClose(s);
    InterlockedIncrement(&g_nServed);
}

static DWORD WINAPI Worker(LPVOID lpParam)
{
    DWORD dwWorker = (DWORD)(ULONG_PTR)lpParam;
    while (!g_bStop) {
        SOCKET s = INVALID_SOCKET;
        if (WaitForSingleObject(g_hWork, 200) == WAIT_TIMEOUT)
            continue;
        EnterCriticalSection(&g_qlock);
        if (g_qhead != g_qtail) {
            s = g_queue[g_qhead];
            g_qhead = (g_qhead + 1) % QUEUE_LEN;
            if (g_qhead != g_qtail)
                SetEvent(g_hWork); /* more work: wake another */
        }
        LeaveCriticalSection(&g_qlock);
        if (s != INVALID_SOCKET)
            ServeSession(s, dwWorker);
    }
    return 0;
}

int __cdecl main(int argc, char *argv[])
{
    WSADATA wsd;
    SOCKET sListen;
    SOCKADDR_IN local;
    SYSTEM_INFO si;
    HANDLE hWorkers[MAX_WORKERS];
    DWORD i, nWorkers, dwStart;
    struct tcp_keepalive ka;
    BOOL bKeepAlive = TRUE;
    int nAccepted = 0;
    char szLog[MAX_PATH];

    if (argc < 2) {
        printf("usage: %s port\n", argv[0]);
        return 1;
    }
    strcpy_s(g_szName, _countof(g_szName), "legacy");
    dwStart = GetTickCount();
    QueryPerformanceFrequency(&g_freq);

    if (WSAStartup(MAKEWORD(2, 2), &wsd) != 0) {
        printf("WSAStartup failed: %d\n", WSAGetLastError());
        return 1;
    }
    printf("%s: %s\n", g_szName, wsd.szDescription);

    GetSystemInfo(&si);
    nWorkers = min(max(si.dwNumberOfProcessors * 2, 2), MAX_WORKERS);

    InitializeCriticalSection(&g_qlock);
    g_hWork = CreateEvent(NULL, FALSE, FALSE, NULL);
    SetConsoleCtrlHandler(OnCtrl, TRUE);
    for (i = 0; i < nWorkers; i++)
        hWorkers[i] = CreateThread(NULL, 0, Worker, (LPVOID)(ULONG_PTR)i, 0, NULL);

    sListen = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (sListen == INVALID_SOCKET) {
        printf("socket() failed: %d\n", WSAGetLastError());
        return 1;
    }
    ZeroMemory(&local, sizeof(local));
    local.sin_family = AF_INET;
    local.sin_port = htons((u_short)atoi(argv[1]));
    local.sin_addr.S_un.S_addr = inet_addr("127.0.0.1");
    if (bind(sListen, (LPSOCKADDR)&local, sizeof(local)) == SOCKET_ERROR ||
        listen(sListen, 5) == SOCKET_ERROR) {
        printf("bind()/listen() failed: %d\n", WSAGetLastError());
        closesocket(sListen);
        return 1;
    }
    _snprintf(szLog, _countof(szLog) - 1, "%s listening on %s:%d, %lu workers",
              g_szName, inet_ntoa(local.sin_addr), ntohs(local.sin_port), nWorkers);
    szLog[_countof(szLog) - 1] = '\0';
    printf("%s\n", szLog);
    fflush(stdout);

    /* keep-alive settings as SIO_KEEPALIVE_VALS takes them (ms); this
     * program only switches SO_KEEPALIVE on and reports the rest */
    ka.onoff = 1;
    ka.keepalivetime = 30 * 1000;
    ka.keepaliveinterval = 1000;

    while (nAccepted < MAX_SESSIONS && !g_bStop) {
        SOCKADDR_IN peer;
        int peerlen = sizeof(peer);
        SOCKET s = accept(sListen, (SOCKADDR FAR *)&peer, &peerlen);
        if (s == INVALID_SOCKET) {
            printf("accept() failed: %d\n", WSAGetLastError());
            break;
        }
        if (ka.onoff)
            setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (const char FAR *)&bKeepAlive,
                       sizeof(bKeepAlive));
        printf("connection from %s:%u (%u.%u.%u.%u), keep-alive %lu ms\n",
               inet_ntoa(peer.sin_addr), ntohs(peer.sin_port),
               peer.sin_addr.S_un.S_un_b.s_b1, peer.sin_addr.S_un.S_un_b.s_b2,
               peer.sin_addr.S_un.S_un_b.s_b3, peer.sin_addr.S_un.S_un_b.s_b4,
               ka.keepalivetime);
        EnterCriticalSection(&g_qlock);
        g_queue[g_qtail] = s;
        g_qtail = (g_qtail + 1) % QUEUE_LEN;
        LeaveCriticalSection(&g_qlock);
        SetEvent(g_hWork);
        nAccepted++;
    }
    closesocket(sListen);

    /* wait (bounded) until the queued sessions are done, then stop */
    for (i = 0; i < 300 && g_nServed < nAccepted; i++)
        Sleep(100);
    InterlockedExchange(&g_bStop, 1);
    WaitForMultipleObjects(nWorkers, hWorkers, TRUE, 5000);
    for (i = 0; i < nWorkers; i++)
        CloseHandle(hWorkers[i]);
    CloseHandle(g_hWork);
    DeleteCriticalSection(&g_qlock);
    printf("served %ld of %d sessions, up %lu ms\n", g_nServed, nAccepted,
           GetTickCount() - dwStart);
    WSACleanup();
    return (g_nServed == MAX_SESSIONS) ? 0 : 1;
}
