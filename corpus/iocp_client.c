/* Load client for iocp_server: <clients> threads (default 8), each one
 * connection sending <messages> messages (default 200) of varying length
 * and a pattern unique to the client and message, and checking every
 * echoed byte.  Exits 0 only if every byte came back right.
 * A UNICODE build: _tmain is wmain, the host name is converted with
 * wcstombs for getaddrinfo.
 * Usage: iocp_client <host> <port> [clients] [messages] */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <tchar.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define MAX_CLIENTS 32
#define MAX_MSG 3000

typedef struct _CLIENT_PARAMS {
    int id;
    int messages;
    struct addrinfo *ai;
    LONGLONG bytes;
    BOOL ok;
} CLIENT_PARAMS, *PCLIENT_PARAMS;

static volatile LONG g_lFailures = 0;

static int MessageLength(int client, int msg)
{
    /* 1 .. MAX_MSG, some bigger than one server read */
    return 1 + (int)(((unsigned)client * 7919u + (unsigned)msg * 104729u) % MAX_MSG);
}

static char PatternByte(int client, int msg, int i)
{
    return (char)(client * 31 + msg * 17 + i);
}

static BOOL RecvAll(SOCKET s, char *buf, int len)
{
    int got = 0, n;
    while (got < len) {
        n = recv(s, buf + got, len - got, 0);
        if (n == 0) {
            _tprintf(_T("recv: connection closed early\n"));
            return FALSE;
        }
        if (n == SOCKET_ERROR) {
            _tprintf(_T("recv failed: %d\n"), WSAGetLastError());
            return FALSE;
        }
        got += n;
    }
    return TRUE;
}

static DWORD WINAPI ClientThread(LPVOID lpParam)
{
    PCLIENT_PARAMS p = (PCLIENT_PARAMS)lpParam;
    char *sendbuf, *recvbuf;
    SOCKET s;
    int m, i, len, off, n;
    DWORD tmo = 20000;

    sendbuf = (char *)HeapAlloc(GetProcessHeap(), 0, MAX_MSG);
    recvbuf = (char *)HeapAlloc(GetProcessHeap(), 0, MAX_MSG);
    if (sendbuf == NULL || recvbuf == NULL) {
        _tprintf(_T("HeapAlloc failed: %lu\n"), GetLastError());
        InterlockedIncrement(&g_lFailures);
        return 1;
    }
    s = socket(p->ai->ai_family, p->ai->ai_socktype, p->ai->ai_protocol);
    if (s == INVALID_SOCKET) {
        _tprintf(_T("[%d] socket failed: %d\n"), p->id, WSAGetLastError());
        goto fail;
    }
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&tmo, sizeof(tmo));
    if (connect(s, p->ai->ai_addr, (int)p->ai->ai_addrlen) == SOCKET_ERROR) {
        _tprintf(_T("[%d] connect failed: %d\n"), p->id, WSAGetLastError());
        closesocket(s);
        goto fail;
    }
    for (m = 0; m < p->messages; m++) {
        len = MessageLength(p->id, m);
        for (i = 0; i < len; i++)
            sendbuf[i] = PatternByte(p->id, m, i);
        for (off = 0; off < len; off += n) {
            n = send(s, sendbuf + off, len - off, 0);
            if (n == SOCKET_ERROR) {
                _tprintf(_T("[%d] send failed: %d\n"), p->id, WSAGetLastError());
                closesocket(s);
                goto fail;
            }
        }
        ZeroMemory(recvbuf, len);
        if (!RecvAll(s, recvbuf, len)) {
            _tprintf(_T("[%d] message %d: echo incomplete\n"), p->id, m);
            closesocket(s);
            goto fail;
        }
        for (i = 0; i < len; i++) {
            if (recvbuf[i] != PatternByte(p->id, m, i)) {
                _tprintf(_T("[%d] message %d byte %d: got 0x%02x want 0x%02x\n"),
                         p->id, m, i, (unsigned char)recvbuf[i],
                         (unsigned char)PatternByte(p->id, m, i));
                closesocket(s);
                goto fail;
            }
        }
        p->bytes += len;
    }
    shutdown(s, SD_SEND);
    n = recv(s, recvbuf, MAX_MSG, 0);
    if (n != 0) {
        _tprintf(_T("[%d] expected end of stream, got %d (%d)\n"), p->id, n,
                 WSAGetLastError());
        closesocket(s);
        goto fail;
    }
    closesocket(s);
    p->ok = TRUE;
    HeapFree(GetProcessHeap(), 0, sendbuf);
    HeapFree(GetProcessHeap(), 0, recvbuf);
    return 0;

fail:
    InterlockedIncrement(&g_lFailures);
    HeapFree(GetProcessHeap(), 0, sendbuf);
    HeapFree(GetProcessHeap(), 0, recvbuf);
    return 1;
}

int _tmain(int argc, _TCHAR *argv[])
{
    WSADATA wsaData;
    struct addrinfo hints, *result = NULL;
    char host[256], port[16];
    CLIENT_PARAMS params[MAX_CLIENTS];
    HANDLE threads[MAX_CLIENTS];
    int clients = 8, messages = 200, i, rc;
    LONGLONG total = 0;
    DWORD start, dwWait;

    if (argc < 3) {
        _tprintf(_T("usage: %s <host> <port> [clients] [messages]\n"), argv[0]);
        return 1;
    }
    if (argc > 3)
        clients = _ttoi(argv[3]);
    if (argc > 4)
        messages = _ttoi(argv[4]);
    if (clients < 1 || clients > MAX_CLIENTS) {
        _tprintf(_T("clients must be 1..%d\n"), MAX_CLIENTS);
        return 1;
    }
    if (wcstombs(host, argv[1], sizeof(host)) == (size_t)-1 ||
        wcstombs(port, argv[2], sizeof(port)) == (size_t)-1) {
        _tprintf(_T("bad host or port\n"));
        return 1;
    }

    rc = WSAStartup(MAKEWORD(2, 2), &wsaData);
    if (rc != 0) {
        _tprintf(_T("WSAStartup failed: %d\n"), rc);
        return 1;
    }
    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    rc = getaddrinfo(host, port, &hints, &result);
    if (rc != 0) {
        _tprintf(_T("getaddrinfo failed: %d\n"), rc);
        WSACleanup();
        return 1;
    }

    start = GetTickCount();
    for (i = 0; i < clients; i++) {
        ZeroMemory(&params[i], sizeof(params[i]));
        params[i].id = i;
        params[i].messages = messages;
        params[i].ai = result;
        threads[i] = CreateThread(NULL, 0, ClientThread, &params[i], 0, NULL);
        if (threads[i] == NULL) {
            _tprintf(_T("CreateThread failed: %lu\n"), GetLastError());
            return 1;
        }
    }
    dwWait = WaitForMultipleObjects(clients, threads, TRUE, 50000);
    if (dwWait == WAIT_TIMEOUT || dwWait == WAIT_FAILED) {
        _tprintf(_T("clients did not finish (%lu)\n"), dwWait);
        return 1;
    }
    for (i = 0; i < clients; i++) {
        CloseHandle(threads[i]);
        total += params[i].bytes;
        if (!params[i].ok)
            _tprintf(_T("client %d failed\n"), i);
    }
    freeaddrinfo(result);
    WSACleanup();

    _tprintf(_T("%d clients x %d messages, %lld bytes echoed in %lu ms, %ld failures\n"),
             clients, messages, total, GetTickCount() - start, g_lFailures);
    return g_lFailures == 0 ? 0 : 1;
}
