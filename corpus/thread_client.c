/* Multi-threaded echo client: starts <count> threads (default 4), each
 * opens its own connection, sends its own message in pieces, and checks
 * the echo.  The main thread waits for all of them (bounded) and exits 0
 * only if every thread saw its exact bytes back.
 * Usage: thread_client <host> <port> [count] */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define DEFAULT_THREADS 4
#define MAX_THREADS 32
#define MSGLEN 3000

typedef struct {
    int index;
    const char *host;
    const char *port;
    BOOL ok;
} WORKER;

static volatile LONG g_lSucceeded = 0;
static HANDLE g_hGo; /* manual-reset: all workers start together */

static DWORD WINAPI Worker(LPVOID param)
{
    WORKER *w = (WORKER *)param;
    struct addrinfo hints, *res = NULL;
    SOCKET s;
    char msg[MSGLEN], echo[MSGLEN];
    int i, n, got = 0;
    DWORD timeout = 10000;

    for (i = 0; i < MSGLEN; i++)
        msg[i] = (char)('A' + (i + w->index) % 26);

    if (WaitForSingleObject(g_hGo, 10000) != WAIT_OBJECT_0)
        return 1;

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    if (getaddrinfo(w->host, w->port, &hints, &res) != 0) {
        printf("worker %d: getaddrinfo failed: %d\n", w->index, WSAGetLastError());
        return 1;
    }
    s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (s == INVALID_SOCKET) {
        freeaddrinfo(res);
        return 1;
    }
    if (connect(s, res->ai_addr, (int)res->ai_addrlen) == SOCKET_ERROR) {
        printf("worker %d: connect failed: %d\n", w->index, WSAGetLastError());
        freeaddrinfo(res);
        closesocket(s);
        return 1;
    }
    freeaddrinfo(res);
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout, sizeof(timeout));

    /* three pieces, to make the server loop */
    for (i = 0; i < 3; i++) {
        int len = MSGLEN / 3;
        if (send(s, msg + i * len, len, 0) != len) {
            printf("worker %d: send failed: %d\n", w->index, WSAGetLastError());
            closesocket(s);
            return 1;
        }
    }
    shutdown(s, SD_SEND);
    while (got < MSGLEN) {
        n = recv(s, echo + got, MSGLEN - got, 0);
        if (n <= 0) {
            if (n < 0)
                printf("worker %d: recv failed: %d\n", w->index, WSAGetLastError());
            break;
        }
        got += n;
    }
    closesocket(s);
    if (got == MSGLEN && memcmp(msg, echo, MSGLEN) == 0) {
        w->ok = TRUE;
        InterlockedIncrement(&g_lSucceeded);
    } else {
        printf("worker %d: echo mismatch (%d bytes)\n", w->index, got);
    }
    return 0;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsa;
    HANDLE h[MAX_THREADS];
    WORKER w[MAX_THREADS];
    int count = DEFAULT_THREADS, i, started = 0;
    DWORD r;

    if (argc < 3) {
        printf("usage: %s host port [count]\n", argv[0]);
        return 1;
    }
    if (argc > 3)
        count = atoi(argv[3]);
    if (count < 1 || count > MAX_THREADS)
        count = DEFAULT_THREADS;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return 1;

    g_hGo = CreateEvent(NULL, TRUE, FALSE, NULL);
    if (g_hGo == NULL) {
        printf("CreateEvent failed: %lu\n", GetLastError());
        return 1;
    }
    for (i = 0; i < count; i++) {
        w[i].index = i;
        w[i].host = argv[1];
        w[i].port = argv[2];
        w[i].ok = FALSE;
        h[i] = CreateThread(NULL, 0, Worker, &w[i], 0, NULL);
        if (h[i] == NULL)
            break;
        started++;
    }
    SetEvent(g_hGo);

    r = WaitForMultipleObjects((DWORD)started, h, TRUE, 30000);
    if (r == WAIT_TIMEOUT)
        printf("workers timed out\n");
    for (i = 0; i < started; i++)
        CloseHandle(h[i]);
    CloseHandle(g_hGo);
    WSACleanup();

    printf("%ld of %d workers echoed correctly\n", g_lSucceeded, count);
    return (r != WAIT_TIMEOUT && started == count && g_lSucceeded == count) ? 0 : 1;
}
