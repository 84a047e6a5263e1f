/* Client for chat_server: opens three connections, waits for the welcome
 * on each, sends one line on the first, and checks that select reports it
 * on all three with exactly those bytes.  Then sends "quit".
 * Usage: chat_client <host> <port> */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

#define NCONN 3

static const char WELCOME[] = "WELCOME\r\n";
static const char LINE[] = "hello everyone, this is connection 0\r\n";

static SOCKET Connect(const char *host, const char *port)
{
    struct addrinfo hints, *res, *p;
    SOCKET s = INVALID_SOCKET;

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return INVALID_SOCKET;
    for (p = res; p; p = p->ai_next) {
        s = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
        if (s == INVALID_SOCKET)
            continue;
        if (connect(s, p->ai_addr, (int)p->ai_addrlen) == 0)
            break;
        closesocket(s);
        s = INVALID_SOCKET;
    }
    freeaddrinfo(res);
    return s;
}

/* Read exactly `want` bytes from each socket, with select, within 10 s. */
static BOOL ReadAll(SOCKET *socks, const char *want)
{
    char got[NCONN][128];
    int have[NCONN] = {0};
    int wantlen = (int)strlen(want);
    DWORD start = GetTickCount();
    int done = 0, k;

    while (done < NCONN) {
        fd_set readfds;
        struct timeval tv = {1, 0};
        if (GetTickCount() - start > 10000) {
            printf("timed out waiting for \"%.*s\"\n", wantlen - 2, want);
            return FALSE;
        }
        FD_ZERO(&readfds);
        for (k = 0; k < NCONN; k++)
            if (have[k] < wantlen)
                FD_SET(socks[k], &readfds);
        if (select(0, &readfds, NULL, NULL, &tv) == SOCKET_ERROR) {
            printf("select failed: %d\n", WSAGetLastError());
            return FALSE;
        }
        for (k = 0; k < NCONN; k++) {
            int n;
            if (!FD_ISSET(socks[k], &readfds))
                continue;
            n = recv(socks[k], got[k] + have[k], wantlen - have[k], 0);
            if (n <= 0) {
                printf("connection %d: recv returned %d (%d)\n", k, n, WSAGetLastError());
                return FALSE;
            }
            have[k] += n;
            if (have[k] == wantlen) {
                if (memcmp(got[k], want, wantlen) != 0) {
                    printf("connection %d: wrong bytes\n", k);
                    return FALSE;
                }
                done++;
            }
        }
    }
    return TRUE;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET socks[NCONN];
    int k, rc = 1;

    if (argc != 3) {
        printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;
    for (k = 0; k < NCONN; k++) {
        socks[k] = Connect(argv[1], argv[2]);
        if (socks[k] == INVALID_SOCKET) {
            printf("connect %d failed: %d\n", k, WSAGetLastError());
            WSACleanup();
            return 1;
        }
    }
    if (!ReadAll(socks, WELCOME))
        goto out;
    printf("all %d connections welcomed\n", NCONN);
    if (send(socks[0], LINE, (int)strlen(LINE), 0) == SOCKET_ERROR) {
        printf("send failed: %d\n", WSAGetLastError());
        goto out;
    }
    if (!ReadAll(socks, LINE))
        goto out;
    printf("broadcast seen on all %d connections\n", NCONN);
    rc = 0;
out:
    send(socks[0], "quit\r\n", 6, 0);
    for (k = 0; k < NCONN; k++) {
        shutdown(socks[k], SD_SEND);
        closesocket(socks[k]);
    }
    WSACleanup();
    return rc;
}
