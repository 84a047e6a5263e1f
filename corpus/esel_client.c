/* Client for esel_server, itself event-driven: 40 connections opened at
 * once with WSAEventSelect(FD_CONNECT | FD_READ | FD_WRITE | FD_CLOSE)
 * before connect() (which then fails WSAEWOULDBLOCK), all in one
 * WSAWaitForMultipleEvents, each event decoded with WSAEnumNetworkEvents
 * and its iErrorCode[].  Each connection sends 50 messages one at a time
 * and checks every echoed byte, then shutdown(SD_SEND) and waits for the
 * server's FD_CLOSE.  Exits 0 only if every byte came back right.
 * Usage: esel_client <host> <port> */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "Ws2_32.lib")

#define NCONN 40
#define NMSG 50
#define MAXMSG 6000

typedef struct _CONN {
    SOCKET s;
    WSAEVENT ev;
    int id;
    int msg;          /* current message */
    int len;          /* its length */
    int sent, got;    /* bytes of it sent and echoed */
    BOOL connected, finished, closed;
    char out[MAXMSG];
    char in[MAXMSG];
} CONN;

static CONN *g_conn;
static int g_failed = 0;
static LONGLONG g_bytes = 0;

static void StartMessage(CONN *c)
{
    int i;
    c->len = 1 + (c->id * 131 + c->msg * 977) % MAXMSG;
    for (i = 0; i < c->len; i++)
        c->out[i] = (char)(c->id + c->msg * 3 + i * 7);
    c->sent = c->got = 0;
}

static void Fail(CONN *c, const char *what, int err)
{
    printf("[%d] %s failed: %d (message %d)\n", c->id, what, err, c->msg);
    g_failed++;
    c->finished = c->closed = TRUE;
}

/* send what is pending and read what is there, until WSAEWOULDBLOCK */
static void Pump(CONN *c)
{
    int n;

    while (!c->finished && c->connected) {
        if (c->sent < c->len) {
            n = send(c->s, c->out + c->sent, c->len - c->sent, 0);
            if (n == SOCKET_ERROR) {
                if (WSAGetLastError() != WSAEWOULDBLOCK)
                    Fail(c, "send", WSAGetLastError());
                else if (c->got == c->sent)
                    return; /* nothing to read back yet: wait for FD_WRITE */
            } else {
                c->sent += n;
            }
        }
        if (c->got < c->sent) {
            n = recv(c->s, c->in + c->got, c->sent - c->got, 0);
            if (n == 0) {
                Fail(c, "recv (early end of stream)", 0);
                return;
            }
            if (n == SOCKET_ERROR) {
                if (WSAGetLastError() != WSAEWOULDBLOCK)
                    Fail(c, "recv", WSAGetLastError());
                return; /* FD_READ or FD_WRITE will call again */
            }
            if (memcmp(c->in + c->got, c->out + c->got, n) != 0) {
                Fail(c, "echo check", n);
                return;
            }
            c->got += n;
            g_bytes += n;
        }
        if (c->got == c->len) {
            if (++c->msg == NMSG) {
                c->finished = TRUE;
                if (shutdown(c->s, SD_SEND) == SOCKET_ERROR)
                    Fail(c, "shutdown", WSAGetLastError());
                return;
            }
            StartMessage(c);
        }
    }
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    struct addrinfo hints, *ai = NULL;
    WSAEVENT events[NCONN];
    WSANETWORKEVENTS ne;
    DWORD idx, start;
    int i, rc, open = 0;

    if (argc < 3) {
        printf("usage: %s <host> <port>\n", argv[0]);
        return 1;
    }
    if ((rc = WSAStartup(MAKEWORD(2, 2), &wsaData)) != 0) {
        printf("WSAStartup failed: %d\n", rc);
        return 1;
    }
    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    if ((rc = getaddrinfo(argv[1], argv[2], &hints, &ai)) != 0) {
        printf("getaddrinfo failed: %d\n", rc);
        return 1;
    }
    g_conn = (CONN *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(CONN) * NCONN);
    if (g_conn == NULL)
        return 1;

    start = GetTickCount();
    for (i = 0; i < NCONN; i++) {
        CONN *c = &g_conn[i];
        c->id = i;
        c->s = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (c->s == INVALID_SOCKET) {
            printf("socket failed: %d\n", WSAGetLastError());
            return 1;
        }
        c->ev = events[i] = WSACreateEvent();
        if (c->ev == WSA_INVALID_EVENT) {
            printf("WSACreateEvent failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (WSAEventSelect(c->s, c->ev, FD_CONNECT | FD_READ | FD_WRITE | FD_CLOSE)
            == SOCKET_ERROR) {
            printf("WSAEventSelect failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (connect(c->s, ai->ai_addr, (int)ai->ai_addrlen) == SOCKET_ERROR &&
            WSAGetLastError() != WSAEWOULDBLOCK) {
            printf("connect failed: %d\n", WSAGetLastError());
            return 1;
        }
        StartMessage(c);
        open++;
    }
    freeaddrinfo(ai);

    while (open > 0) {
        idx = WSAWaitForMultipleEvents(NCONN, events, FALSE, 20000, FALSE);
        if (idx == WSA_WAIT_FAILED) {
            printf("WSAWaitForMultipleEvents failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (idx == WSA_WAIT_TIMEOUT) {
            printf("timed out with %d connections open\n", open);
            g_failed++;
            break;
        }
        /* every signalled event from the first one, as a fair server does */
        for (i = (int)(idx - WSA_WAIT_EVENT_0); i < NCONN; i++) {
            CONN *c = &g_conn[i];
            if (c->closed)
                continue;
            if (WSAWaitForMultipleEvents(1, &c->ev, TRUE, 0, FALSE) != WSA_WAIT_EVENT_0)
                continue;
            if (WSAEnumNetworkEvents(c->s, c->ev, &ne) == SOCKET_ERROR) {
                Fail(c, "WSAEnumNetworkEvents", WSAGetLastError());
                open--;
                continue;
            }
            if (ne.lNetworkEvents & FD_CONNECT) {
                if (ne.iErrorCode[FD_CONNECT_BIT] != 0) {
                    Fail(c, "FD_CONNECT", ne.iErrorCode[FD_CONNECT_BIT]);
                    open--;
                    continue;
                }
                c->connected = TRUE;
            }
            if ((ne.lNetworkEvents & FD_READ) && ne.iErrorCode[FD_READ_BIT] != 0)
                Fail(c, "FD_READ", ne.iErrorCode[FD_READ_BIT]);
            if ((ne.lNetworkEvents & FD_WRITE) && ne.iErrorCode[FD_WRITE_BIT] != 0)
                Fail(c, "FD_WRITE", ne.iErrorCode[FD_WRITE_BIT]);
            if (ne.lNetworkEvents & (FD_READ | FD_WRITE | FD_CONNECT))
                Pump(c);
            if (ne.lNetworkEvents & FD_CLOSE) {
                if (ne.iErrorCode[FD_CLOSE_BIT] != 0)
                    Fail(c, "FD_CLOSE", ne.iErrorCode[FD_CLOSE_BIT]);
                else if (!c->finished || c->msg != NMSG)
                    Fail(c, "FD_CLOSE before the last echo", 0);
                c->closed = TRUE;
            }
            if (c->closed)
                open--;
        }
    }

    for (i = 0; i < NCONN; i++) {
        if (g_conn[i].msg != NMSG && g_failed == 0)
            g_failed++;
        closesocket(g_conn[i].s);
        WSACloseEvent(g_conn[i].ev);
    }
    HeapFree(GetProcessHeap(), 0, g_conn);
    WSACleanup();
    printf("%d connections x %d messages, %lld bytes echoed in %lu ms, %d failures\n",
           NCONN, NMSG, g_bytes, GetTickCount() - start, g_failed);
    return g_failed == 0 ? 0 : 1;
}
