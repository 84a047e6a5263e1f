/* Overlapped-I/O-with-events client (against esel_server): 8 sockets made
 * with WSASocket(WSA_FLAG_OVERLAPPED), each with one WSAOVERLAPPED for
 * sending and one for receiving, hEvent from WSACreateEvent.  One thread
 * waits on all 16 events with WSAWaitForMultipleEvents, collects each
 * result with WSAGetOverlappedResult (fWait FALSE, then a check of the
 * lpdwFlags), WSAResetEvent before the next WSASend/WSARecv, and treats
 * WSA_IO_PENDING as the normal answer.  Each socket sends 100 messages of
 * two buffers (WSABUF array: header and body) and checks every echoed byte.
 * Usage: ovl_client <host> <port> */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define NSOCK 8
#define NMSG 100
#define HDRLEN 4
#define MAXBODY 5000

typedef struct _OVL_CONN {
    SOCKET s;
    WSAOVERLAPPED ovSend, ovRecv;
    WSABUF sendBufs[2];
    WSABUF recvBuf;
    char hdr[HDRLEN];
    char body[MAXBODY];
    char in[HDRLEN + MAXBODY];
    int msg, len, got, sent;
    BOOL sendPending, recvPending, done;
} OVL_CONN, *POVL_CONN;

static int g_errors = 0;
static LONGLONG g_total = 0;

static void Expected(POVL_CONN c, int i, char *out)
{
    /* byte i of the current message, header and body together */
    *out = (i < HDRLEN) ? c->hdr[i] : c->body[i - HDRLEN];
}

static BOOL PostSend(POVL_CONN c, int idx)
{
    DWORD bytes = 0;
    int i, body = 1 + (idx * 541 + c->msg * 1237) % MAXBODY;

    c->hdr[0] = (char)idx;
    c->hdr[1] = (char)c->msg;
    c->hdr[2] = (char)(body >> 8);
    c->hdr[3] = (char)body;
    for (i = 0; i < body; i++)
        c->body[i] = (char)(i ^ (idx * 16 + c->msg));
    c->sendBufs[0].buf = c->hdr;
    c->sendBufs[0].len = HDRLEN;
    c->sendBufs[1].buf = c->body;
    c->sendBufs[1].len = body;
    c->len = HDRLEN + body;
    c->got = 0;

    WSAResetEvent(c->ovSend.hEvent);
    if (WSASend(c->s, c->sendBufs, 2, &bytes, 0, &c->ovSend, NULL) == SOCKET_ERROR) {
        if (WSAGetLastError() != WSA_IO_PENDING) {
            printf("[%d] WSASend failed: %d\n", idx, WSAGetLastError());
            return FALSE;
        }
    }
    c->sendPending = TRUE;
    return TRUE;
}

static BOOL PostRecv(POVL_CONN c, int idx)
{
    DWORD bytes = 0, flags = 0;

    c->recvBuf.buf = c->in + c->got;
    c->recvBuf.len = c->len - c->got;
    WSAResetEvent(c->ovRecv.hEvent);
    if (WSARecv(c->s, &c->recvBuf, 1, &bytes, &flags, &c->ovRecv, NULL) == SOCKET_ERROR) {
        if (WSAGetLastError() != WSA_IO_PENDING) {
            printf("[%d] WSARecv failed: %d\n", idx, WSAGetLastError());
            return FALSE;
        }
    }
    c->recvPending = TRUE;
    return TRUE;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    struct addrinfo hints, *ai = NULL;
    OVL_CONN *conns;
    WSAEVENT events[2 * NSOCK];
    DWORD rc, bytes, flags, start;
    int i, k, active = NSOCK;
    char want;

    if (argc < 3) {
        printf("usage: %s <host> <port>\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup failed\n");
        return 1;
    }
    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &ai) != 0) {
        printf("getaddrinfo failed: %d\n", WSAGetLastError());
        return 1;
    }
    conns = (OVL_CONN *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                  NSOCK * sizeof(OVL_CONN));
    if (conns == NULL) {
        printf("HeapAlloc failed: %lu\n", GetLastError());
        return 1;
    }

    start = GetTickCount();
    for (i = 0; i < NSOCK; i++) {
        POVL_CONN c = &conns[i];
        c->s = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
        if (c->s == INVALID_SOCKET) {
            printf("WSASocket failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (WSAConnect(c->s, ai->ai_addr, (int)ai->ai_addrlen, NULL, NULL, NULL, NULL)
            == SOCKET_ERROR) {
            printf("WSAConnect failed: %d\n", WSAGetLastError());
            return 1;
        }
        events[2 * i] = c->ovSend.hEvent = WSACreateEvent();
        events[2 * i + 1] = c->ovRecv.hEvent = WSACreateEvent();
        if (c->ovSend.hEvent == WSA_INVALID_EVENT || c->ovRecv.hEvent == WSA_INVALID_EVENT) {
            printf("WSACreateEvent failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (!PostSend(c, i) || !PostRecv(c, i))
            return 1;
    }
    freeaddrinfo(ai);

    while (active > 0 && g_errors == 0) {
        rc = WSAWaitForMultipleEvents(2 * NSOCK, events, FALSE, 20000, FALSE);
        if (rc == WSA_WAIT_FAILED) {
            printf("WSAWaitForMultipleEvents failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (rc == WSA_WAIT_TIMEOUT) {
            printf("timed out, %d sockets still active\n", active);
            g_errors++;
            break;
        }
        for (k = (int)(rc - WSA_WAIT_EVENT_0); k < 2 * NSOCK; k++) {
            POVL_CONN c = &conns[k / 2];
            BOOL isRecv = (k % 2) == 1;
            LPWSAOVERLAPPED ov = isRecv ? &c->ovRecv : &c->ovSend;

            if (c->done || !(isRecv ? c->recvPending : c->sendPending))
                continue;
            if (!WSAGetOverlappedResult(c->s, ov, &bytes, FALSE, &flags)) {
                if (WSAGetLastError() == WSA_IO_INCOMPLETE)
                    continue; /* not this one */
                printf("[%d] WSAGetOverlappedResult(%s) failed: %d\n", k / 2,
                       isRecv ? "recv" : "send", WSAGetLastError());
                g_errors++;
                break;
            }
            if (!isRecv) {
                c->sendPending = FALSE;
                if ((int)bytes != c->len) {
                    printf("[%d] overlapped send completed %lu of %d bytes\n",
                           k / 2, bytes, c->len);
                    g_errors++;
                }
                WSAResetEvent(c->ovSend.hEvent);
            } else {
                c->recvPending = FALSE;
                if (bytes == 0) {
                    printf("[%d] connection closed during message %d\n", k / 2, c->msg);
                    g_errors++;
                    break;
                }
                for (i = c->got; i < c->got + (int)bytes; i++) {
                    Expected(c, i, &want);
                    if (c->in[i] != want) {
                        printf("[%d] message %d byte %d wrong\n", k / 2, c->msg, i);
                        g_errors++;
                        break;
                    }
                }
                c->got += bytes;
                g_total += bytes;
                if (c->got < c->len) {
                    if (!PostRecv(c, k / 2))
                        g_errors++;
                    continue;
                }
                WSAResetEvent(c->ovRecv.hEvent);
            }
            /* a message is done when both its send and its echo are */
            if (!c->sendPending && !c->recvPending && c->got == c->len) {
                if (++c->msg == NMSG) {
                    c->done = TRUE;
                    active--;
                    shutdown(c->s, SD_SEND);
                    continue;
                }
                if (!PostSend(c, k / 2) || !PostRecv(c, k / 2))
                    g_errors++;
            }
        }
    }

    for (i = 0; i < NSOCK; i++) {
        char tail;
        /* the server closes after our FIN: the stream ends with 0 */
        if (g_errors == 0 && recv(conns[i].s, &tail, 1, 0) != 0) {
            printf("[%d] expected end of stream\n", i);
            g_errors++;
        }
        closesocket(conns[i].s);
        WSACloseEvent(conns[i].ovSend.hEvent);
        WSACloseEvent(conns[i].ovRecv.hEvent);
    }
    HeapFree(GetProcessHeap(), 0, conns);
    WSACleanup();
    printf("%d sockets x %d messages, %lld bytes echoed in %lu ms, %d errors\n",
           NSOCK, NMSG, g_total, GetTickCount() - start, g_errors);
    return g_errors == 0 ? 0 : 1;
}
