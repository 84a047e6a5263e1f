/* Non-blocking echo client.  Puts the socket in non-blocking mode with
 * ioctlsocket(FIONBIO), connects (WSAEWOULDBLOCK, then select for
 * writability with a timeout, then SO_ERROR), sends while handling
 * WSAEWOULDBLOCK, and reads back with select + ioctlsocket(FIONREAD),
 * once into an unsigned long and once into a DWORD, as real code does.
 * Exits 0 only if the echo is exactly the message.
 * Usage: nonblock_client <host> <port> */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define MSG "non-blocking hello: 0123456789abcdefghijklmnopqrstuvwxyz"
#define STEP_TIMEOUT_S 10

static int wait_socket(SOCKET s, BOOL forWrite)
{
    fd_set set, errs;
    struct timeval tv;
    int r;

    FD_ZERO(&set);
    FD_ZERO(&errs);
    FD_SET(s, &set);
    FD_SET(s, &errs);
    tv.tv_sec = STEP_TIMEOUT_S;
    tv.tv_usec = 0;
    r = select(0, forWrite ? NULL : &set, forWrite ? &set : NULL, &errs, &tv);
    if (r == SOCKET_ERROR) {
        printf("select failed: %d\n", WSAGetLastError());
        return -1;
    }
    if (r == 0) {
        printf("timed out\n");
        return -1;
    }
    if (FD_ISSET(s, &errs))
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET s;
    struct addrinfo hints, *result = NULL;
    u_long mode = 1;
    unsigned long avail = 0;
    DWORD dwPending = 0;
    char buf[512];
    const int msglen = (int)strlen(MSG);
    int sent = 0, got = 0, r, err, errlen = sizeof(err);

    if (argc < 3) {
        printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &result) != 0) {
        printf("getaddrinfo failed: %d\n", WSAGetLastError());
        return 1;
    }
    s = socket(result->ai_family, result->ai_socktype, result->ai_protocol);
    if (s == INVALID_SOCKET) {
        printf("socket failed: %d\n", WSAGetLastError());
        return 1;
    }
    if (ioctlsocket(s, FIONBIO, &mode) != NO_ERROR) {
        printf("ioctlsocket(FIONBIO) failed: %d\n", WSAGetLastError());
        return 1;
    }

    r = connect(s, result->ai_addr, (int)result->ai_addrlen);
    freeaddrinfo(result);
    if (r == SOCKET_ERROR) {
        if (WSAGetLastError() != WSAEWOULDBLOCK) {
            printf("connect failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (wait_socket(s, TRUE) != 0) {
            getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &errlen);
            printf("connect did not complete: %d\n", err);
            return 1;
        }
    }
    err = 0;
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &errlen) == SOCKET_ERROR ||
        err != 0) {
        printf("connect error: %d\n", err);
        return 1;
    }
    printf("connected\n");

    while (sent < msglen) {
        r = send(s, MSG + sent, msglen - sent, 0);
        if (r == SOCKET_ERROR) {
            if (WSAGetLastError() == WSAEWOULDBLOCK && wait_socket(s, TRUE) == 0)
                continue;
            printf("send failed: %d\n", WSAGetLastError());
            return 1;
        }
        sent += r;
    }

    /* first part of the echo: ask how much is there, into an unsigned long */
    if (wait_socket(s, FALSE) != 0)
        return 1;
    if (ioctlsocket(s, FIONREAD, &avail) == SOCKET_ERROR) {
        printf("ioctlsocket(FIONREAD) failed: %d\n", WSAGetLastError());
        return 1;
    }
    printf("FIONREAD: %lu bytes ready\n", avail);
    if (avail == 0 || avail > (unsigned long)msglen) {
        printf("implausible FIONREAD value\n");
        return 1;
    }
    while (got < msglen) {
        r = recv(s, buf + got, (int)sizeof(buf) - got, 0);
        if (r == SOCKET_ERROR) {
            if (WSAGetLastError() == WSAEWOULDBLOCK && wait_socket(s, FALSE) == 0)
                continue;
            printf("recv failed: %d\n", WSAGetLastError());
            return 1;
        }
        if (r == 0)
            break;
        got += r;
    }

    /* the same question, into a DWORD: nothing more should be pending */
    if (ioctlsocket(s, FIONREAD, &dwPending) == SOCKET_ERROR) {
        printf("ioctlsocket(FIONREAD) failed: %d\n", WSAGetLastError());
        return 1;
    }
    printf("FIONREAD after reading: %lu\n", dwPending);

    /* back to blocking for the orderly end */
    mode = 0;
    ioctlsocket(s, FIONBIO, &mode);
    shutdown(s, SD_SEND);
    while ((r = recv(s, buf, sizeof(buf), 0)) > 0)
        ;
    closesocket(s);
    WSACleanup();

    if (got != msglen || memcmp(buf, MSG, msglen) != 0 || dwPending != 0) {
        printf("echo mismatch (%d of %d bytes)\n", got, msglen);
        return 1;
    }
    printf("echo ok\n");
    return 0;
}
