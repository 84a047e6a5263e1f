/* Client of dup_server: opens all its connections first (the server hands
 * each to a child process of its own), then on each in turn sends
 * messages and checks every echoed byte, and ends each with
 * shutdown(SD_SEND) and the server's close.
 * Usage: dup_client <host> <port> */
#define WIN32_LEAN_AND_MEAN

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

#define CONNECTIONS 3
#define MESSAGES 20

static SOCKET ConnectTo(const char *szHost, const char *szPort)
{
    struct addrinfo hints, *res = NULL, *p;
    SOCKET s = INVALID_SOCKET;

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    if (getaddrinfo(szHost, szPort, &hints, &res) != 0)
        return INVALID_SOCKET;
    for (p = res; p != NULL; p = p->ai_next) {
        s = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
        if (s == INVALID_SOCKET)
            continue;
        if (connect(s, p->ai_addr, (int)p->ai_addrlen) != SOCKET_ERROR)
            break;
        closesocket(s);
        s = INVALID_SOCKET;
    }
    freeaddrinfo(res);
    return s;
}

/* Receives exactly len bytes; FALSE on an error or an early end. */
static BOOL RecvAll(SOCKET s, char *buf, int len)
{
    int n;

    while (len > 0) {
        n = recv(s, buf, len, 0);
        if (n <= 0)
            return FALSE;
        buf += n;
        len -= n;
    }
    return TRUE;
}

static BOOL Converse(SOCKET s, int conn)
{
    char msg[2048], echo[2048];
    int i, len;

    for (i = 0; i < MESSAGES; i++) {
        len = 1 + (i * 97 + conn * 31) % (int)sizeof(msg);
        memset(msg, 'a' + (i + conn) % 26, len);
        msg[0] = (char)('0' + conn);
        if (send(s, msg, len, 0) != len) {
            printf("connection %d: send failed: %d\n", conn, WSAGetLastError());
            return FALSE;
        }
        if (!RecvAll(s, echo, len) || memcmp(msg, echo, len) != 0) {
            printf("connection %d: message %d not echoed (%d)\n", conn, i, WSAGetLastError());
            return FALSE;
        }
    }
    shutdown(s, SD_SEND);
    if (recv(s, echo, sizeof(echo), 0) != 0) {
        printf("connection %d: no orderly close\n", conn);
        return FALSE;
    }
    return TRUE;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET s[CONNECTIONS];
    int i, failed = 0;

    if (argc < 3) {
        printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;
    for (i = 0; i < CONNECTIONS; i++) {
        s[i] = ConnectTo(argv[1], argv[2]);
        if (s[i] == INVALID_SOCKET) {
            printf("connect failed: %d\n", WSAGetLastError());
            return 1;
        }
    }
    for (i = 0; i < CONNECTIONS; i++) {
        if (Converse(s[i], i))
            printf("connection %d: %d messages echoed\n", i, MESSAGES);
        else
            failed = 1;
        closesocket(s[i]);
    }
    WSACleanup();
    return failed;
}
