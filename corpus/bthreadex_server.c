/* Echo server that starts a worker per client with _beginthreadex (the CRT
 * way, so the worker may use the C library safely), with a Ctrl-C handler
 * that sets a stop event.  The accept loop waits with select (1 s) so that
 * it can notice the stop event; after <count> clients (default 1) it waits
 * for every worker with WaitForSingleObject and exits.
 * Usage: bthreadex_server <port> [count] */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define MAX_WORKERS 16
#define IDLE_LIMIT_S 30

static HANDLE g_hStopEvent = NULL;

static BOOL WINAPI ConsoleHandler(DWORD dwCtrlType)
{
    switch (dwCtrlType) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
        printf("stop requested\n");
        SetEvent(g_hStopEvent);
        return TRUE;
    default:
        return FALSE;
    }
}

static unsigned __stdcall EchoWorker(void *arg)
{
    SOCKET s = (SOCKET)arg;
    char buf[256];
    int n;
    unsigned total = 0;

    while ((n = recv(s, buf, (int)sizeof(buf), 0)) > 0) {
        int off = 0;
        while (off < n) {
            int k = send(s, buf + off, n - off, 0);
            if (k == SOCKET_ERROR) {
                fprintf(stderr, "send: %d\n", WSAGetLastError());
                closesocket(s);
                return 1;
            }
            off += k;
        }
        total += (unsigned)n;
    }
    if (n == SOCKET_ERROR) {
        fprintf(stderr, "recv: %d\n", WSAGetLastError());
        closesocket(s);
        return 1;
    }
    shutdown(s, SD_BOTH);
    closesocket(s);
    printf("worker: %u bytes echoed\n", total);
    return 0;
}

int main(int argc, char *argv[])
{
    WSADATA wsa;
    SOCKET ls;
    struct addrinfo hints = {0}, *ai = NULL;
    HANDLE workers[MAX_WORKERS];
    int nWorkers = 0, wanted = 1, idle = 0, rc = 0, i;

    if (argc < 2) {
        fprintf(stderr, "usage: %s port [count]\n", argv[0]);
        return 1;
    }
    if (argc > 2)
        wanted = atoi(argv[2]);
    if (wanted < 1 || wanted > MAX_WORKERS)
        wanted = 1;

    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
        fprintf(stderr, "WSAStartup failed\n");
        return 1;
    }
    g_hStopEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    if (!SetConsoleCtrlHandler(ConsoleHandler, TRUE))
        fprintf(stderr, "SetConsoleCtrlHandler failed: %lu\n", GetLastError());

    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
    if (getaddrinfo("127.0.0.1", argv[1], &hints, &ai) != 0) {
        fprintf(stderr, "getaddrinfo: %d\n", WSAGetLastError());
        return 1;
    }
    ls = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (ls == INVALID_SOCKET ||
        bind(ls, ai->ai_addr, (int)ai->ai_addrlen) == SOCKET_ERROR ||
        listen(ls, SOMAXCONN) == SOCKET_ERROR) {
        fprintf(stderr, "listen socket: %d\n", WSAGetLastError());
        freeaddrinfo(ai);
        return 1;
    }
    freeaddrinfo(ai);
    printf("listening on 127.0.0.1:%s\n", argv[1]);
    fflush(stdout);

    while (nWorkers < wanted) {
        fd_set readfds;
        struct timeval tv = {1, 0};
        int ready;

        if (WaitForSingleObject(g_hStopEvent, 0) == WAIT_OBJECT_0)
            break;
        FD_ZERO(&readfds);
        FD_SET(ls, &readfds);
        ready = select(0, &readfds, NULL, NULL, &tv);
        if (ready == SOCKET_ERROR) {
            fprintf(stderr, "select: %d\n", WSAGetLastError());
            rc = 1;
            break;
        }
        if (ready == 0) {
            if (++idle >= IDLE_LIMIT_S) {
                fprintf(stderr, "no client for %d s, giving up\n", IDLE_LIMIT_S);
                rc = 1;
                break;
            }
            continue;
        }
        if (FD_ISSET(ls, &readfds)) {
            SOCKET cs = accept(ls, NULL, NULL);
            uintptr_t th;
            if (cs == INVALID_SOCKET) {
                fprintf(stderr, "accept: %d\n", WSAGetLastError());
                continue;
            }
            th = _beginthreadex(NULL, 0, EchoWorker, (void *)cs, 0, NULL);
            if (th == 0) {
                fprintf(stderr, "_beginthreadex failed\n");
                closesocket(cs);
                rc = 1;
                break;
            }
            workers[nWorkers++] = (HANDLE)th;
            idle = 0;
        }
    }
    closesocket(ls);

    for (i = 0; i < nWorkers; i++) {
        DWORD code = 1;
        if (WaitForSingleObject(workers[i], 30000) != WAIT_OBJECT_0) {
            fprintf(stderr, "worker %d did not finish\n", i);
            rc = 1;
        } else if (GetExitCodeThread(workers[i], &code) && code != 0) {
            rc = 1;
        }
        CloseHandle(workers[i]);
    }
    SetConsoleCtrlHandler(ConsoleHandler, FALSE);
    CloseHandle(g_hStopEvent);
    WSACleanup();
    return rc;
}
