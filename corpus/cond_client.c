/* Client of cond_server: <callers> connections one after another, each
 * sending one line and reading the answer.  The server rejects every
 * third caller after its connect succeeded (a conditional accept on a
 * connection already established): that one sees its connection reset or
 * closed, never an answer.
 * Usage: cond_client <host> <port> [callers] */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

/* 1: answered "ok", 0: reset or closed without an answer, -1: error. */
static int OneCaller(const char *host, const char *port, int i)
{
    struct addrinfo hints, *result = NULL;
    SOCKET s;
    char line[64], answer[64];
    int got = 0, r, err;

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    if ((r = getaddrinfo(host, port, &hints, &result)) != 0) {
        printf("getaddrinfo failed with error %d\n", r);
        return -1;
    }
    s = socket(result->ai_family, result->ai_socktype, result->ai_protocol);
    if (s == INVALID_SOCKET ||
        connect(s, result->ai_addr, (int)result->ai_addrlen) == SOCKET_ERROR) {
        printf("caller %d: connect failed with error %d\n", i,
               WSAGetLastError());
        freeaddrinfo(result);
        return -1;
    }
    freeaddrinfo(result);
    _snprintf(line, sizeof(line), "hello from caller %d\n", i);
    if (send(s, line, (int)strlen(line), 0) == SOCKET_ERROR) {
        err = WSAGetLastError();
        closesocket(s);
        printf("caller %d: send failed with error %d\n", i, err);
        return err == WSAECONNRESET || err == WSAECONNABORTED ? 0 : -1;
    }
    for (;;) {
        r = recv(s, answer + got, (int)sizeof(answer) - 1 - got, 0);
        if (r <= 0)
            break;
        got += r;
    }
    err = r == SOCKET_ERROR ? WSAGetLastError() : 0;
    closesocket(s);
    answer[got] = '\0';
    if (got > 0 && strncmp(answer, "ok ", 3) == 0) {
        printf("caller %d: %s", i, answer);
        return 1;
    }
    if (r == 0 || err == WSAECONNRESET || err == WSAECONNABORTED) {
        printf("caller %d: turned away (%s)\n", i, r == 0 ? "closed" : "reset");
        return 0;
    }
    printf("caller %d: recv failed with error %d\n", i, err);
    return -1;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    int callers = 4, i, r, answered = 0, turned = 0;

    if (argc < 3) {
        printf("usage: %s <host> <port> [callers]\n", argv[0]);
        return 2;
    }
    if (argc > 3)
        callers = atoi(argv[3]);
    if ((r = WSAStartup(MAKEWORD(2, 2), &wsaData)) != 0) {
        printf("WSAStartup failed with error %d\n", r);
        return 1;
    }
    for (i = 1; i <= callers; i++) {
        r = OneCaller(argv[1], argv[2], i);
        if (r < 0)
            return 1;
        if (r)
            answered++;
        else
            turned++;
    }
    WSACleanup();
    printf("answered %d, turned away %d\n", answered, turned);
    if (answered != callers - callers / 3 || turned != callers / 3) {
        printf("FAILED\n");
        return 1;
    }
    printf("PASSED\n");
    return 0;
}
