/* Completion-routine client for apc_server: 4 connections in one thread,
 * each running its messages with WSASend and WSARecv that name a
 * completion routine; the thread sleeps in SleepEx(INFINITE, TRUE), which
 * returns WAIT_IO_COMPLETION after the routines ran.  With a routine the
 * OVERLAPPED's hEvent is free: it carries the connection's context, as
 * Microsoft's documentation allows.  50 messages per connection, every
 * echoed byte checked.  TCHAR-clean (_tmain, _T, _tprintf); builds with
 * -DUNICODE -D_UNICODE too.
 * Usage: apc_client <host> <port> */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <tchar.h>
#include <stdio.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define NCONN 4
#define NMSG 50
#define MAXLEN 7000

typedef struct _APC_CONN {
    WSAOVERLAPPED ovSend;
    WSAOVERLAPPED ovRecv;
    SOCKET s;
    int id, msg, len, got;
    BOOL sendDone, done;
    char out[MAXLEN];
    char in[MAXLEN];
    WSABUF sendBuf, recvBuf;
} APC_CONN;

static int g_done = 0, g_errors = 0, g_routines = 0;

static void CALLBACK SendDone(DWORD dwError, DWORD cbTransferred,
                              LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags);
static void CALLBACK RecvDone(DWORD dwError, DWORD cbTransferred,
                              LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags);

static void Finish(APC_CONN *c, BOOL ok)
{
    if (c->done)
        return;
    c->done = TRUE;
    if (!ok)
        g_errors++;
    g_done++;
}

static void PostRecv(APC_CONN *c)
{
    DWORD flags = 0, n = 0;

    ZeroMemory(&c->ovRecv, sizeof(c->ovRecv));
    c->ovRecv.hEvent = (WSAEVENT)c; /* ours to use with a routine */
    c->recvBuf.buf = c->in + c->got;
    c->recvBuf.len = c->len - c->got;
    if (WSARecv(c->s, &c->recvBuf, 1, &n, &flags, &c->ovRecv, RecvDone) == SOCKET_ERROR &&
        WSAGetLastError() != WSA_IO_PENDING) {
        _tprintf(_T("[%d] WSARecv failed: %d\n"), c->id, WSAGetLastError());
        Finish(c, FALSE);
    }
}

static void StartMessage(APC_CONN *c)
{
    DWORD n = 0;
    int i;

    c->len = 1 + (c->id * 2221 + c->msg * 409) % MAXLEN;
    for (i = 0; i < c->len; i++)
        c->out[i] = (char)((i * 13) ^ (c->msg + c->id * 64));
    c->got = 0;
    c->sendDone = FALSE;
    ZeroMemory(&c->ovSend, sizeof(c->ovSend));
    c->ovSend.hEvent = (WSAEVENT)c;
    c->sendBuf.buf = c->out;
    c->sendBuf.len = c->len;
    if (WSASend(c->s, &c->sendBuf, 1, &n, 0, &c->ovSend, SendDone) == SOCKET_ERROR &&
        WSAGetLastError() != WSA_IO_PENDING) {
        _tprintf(_T("[%d] WSASend failed: %d\n"), c->id, WSAGetLastError());
        Finish(c, FALSE);
        return;
    }
    PostRecv(c);
}

static void NextIfDone(APC_CONN *c)
{
    if (!c->sendDone || c->got < c->len || c->done)
        return;
    if (++c->msg < NMSG) {
        StartMessage(c);
        return;
    }
    /* all echoed: FIN, then the server's close arrives as a 0 receive */
    shutdown(c->s, SD_SEND);
    c->len = 1;
    c->got = 0;
    PostRecv(c);
}

static void CALLBACK SendDone(DWORD dwError, DWORD cbTransferred,
                              LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags)
{
    APC_CONN *c = (APC_CONN *)lpOverlapped->hEvent;

    g_routines++;
    if (dwError != 0 || (int)cbTransferred != c->len) {
        _tprintf(_T("[%d] send routine: error %lu, %lu of %d bytes\n"), c->id, dwError,
                 cbTransferred, c->len);
        Finish(c, FALSE);
        return;
    }
    c->sendDone = TRUE;
    NextIfDone(c);
}

static void CALLBACK RecvDone(DWORD dwError, DWORD cbTransferred,
                              LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags)
{
    APC_CONN *c = (APC_CONN *)lpOverlapped->hEvent;

    g_routines++;
    if (dwError != 0) {
        _tprintf(_T("[%d] receive routine: error %lu\n"), c->id, dwError);
        Finish(c, FALSE);
        return;
    }
    if (cbTransferred == 0) {
        if (c->msg == NMSG) {
            Finish(c, TRUE);
        } else {
            _tprintf(_T("[%d] closed by the server at message %d\n"), c->id, c->msg);
            Finish(c, FALSE);
        }
        return;
    }
    if (c->msg == NMSG) {
        _tprintf(_T("[%d] data after the last message\n"), c->id);
        Finish(c, FALSE);
        return;
    }
    if (memcmp(c->in + c->got, c->out + c->got, cbTransferred) != 0) {
        _tprintf(_T("[%d] message %d: echoed bytes differ\n"), c->id, c->msg);
        Finish(c, FALSE);
        return;
    }
    c->got += cbTransferred;
    if (c->got < c->len)
        PostRecv(c);
    else
        NextIfDone(c);
}

int _tmain(int argc, _TCHAR *argv[])
{
    WSADATA wsaData;
    ADDRINFOT hints, *res = NULL;
    static APC_CONN conns[NCONN];
    DWORD start, r;
    int i, wakeups = 0;

    if (argc < 3) {
        _tprintf(_T("usage: %s <host> <port>\n"), argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;
    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (GetAddrInfo(argv[1], argv[2], &hints, &res) != 0) {
        _tprintf(_T("GetAddrInfo failed: %d\n"), WSAGetLastError());
        return 1;
    }

    start = GetTickCount();
    for (i = 0; i < NCONN; i++) {
        APC_CONN *c = &conns[i];
        c->id = i;
        c->s = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
        if (c->s == INVALID_SOCKET ||
            connect(c->s, res->ai_addr, (int)res->ai_addrlen) == SOCKET_ERROR) {
            _tprintf(_T("socket/connect failed: %d\n"), WSAGetLastError());
            return 1;
        }
        StartMessage(c);
    }
    FreeAddrInfo(res);

    while (g_done < NCONN) {
        r = SleepEx(INFINITE, TRUE);
        if (r != WAIT_IO_COMPLETION) {
            _tprintf(_T("SleepEx returned %lu\n"), r);
            return 1;
        }
        wakeups++;
        if (GetTickCount() - start > 30000) {
            _tprintf(_T("taking too long\n"));
            return 1;
        }
    }
    for (i = 0; i < NCONN; i++)
        closesocket(conns[i].s);
    WSACleanup();
    _tprintf(_T("%d connections x %d messages, %d routines in %d alertable waits, "
                "%d errors, %lu ms\n"),
             NCONN, NMSG, g_routines, wakeups, g_errors, GetTickCount() - start);
    return g_errors == 0 ? 0 : 1;
}
