/* UDP echo client: sends a few datagrams to <host>:<port>, each retried up
 * to three times if no echo comes within SO_RCVTIMEO (a DWORD in ms), and
 * checks each echo byte for byte, then sends "quit" and expects "bye".
 * Usage: udp_client <host> <port> */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define RETRIES 3

static int Exchange(SOCKET s, const struct sockaddr *to, int tolen,
                    const char *msg, int len, const char *expect, int explen)
{
    char buf[1500];
    int attempt;

    for (attempt = 0; attempt < RETRIES; attempt++) {
        struct sockaddr_in from;
        int fromlen = sizeof(from);
        int n;

        if (sendto(s, msg, len, 0, to, tolen) != len) {
            printf("sendto failed: %d\n", WSAGetLastError());
            return -1;
        }
        n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fromlen);
        if (n == SOCKET_ERROR) {
            int err = WSAGetLastError();
            if (err == WSAETIMEDOUT) {
                printf("no answer, retrying\n");
                continue;
            }
            printf("recvfrom failed: %d\n", err);
            return -1;
        }
        if (n != explen || memcmp(buf, expect, explen) != 0) {
            printf("wrong answer (%d bytes)\n", n);
            return -1;
        }
        return 0;
    }
    return -1;
}

int main(int argc, char *argv[])
{
    WSADATA wsaData;
    SOCKET s;
    struct addrinfo hints, *res = NULL;
    DWORD timeout = 2000; /* ms */
    const char *msgs[] = {"first datagram", "a second, longer datagram with more bytes",
                          "3"};
    char big[1200];
    int i, rc = 0;

    if (argc < 3) {
        printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_protocol = IPPROTO_UDP;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        printf("getaddrinfo failed: %d\n", WSAGetLastError());
        WSACleanup();
        return 1;
    }
    s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (s == INVALID_SOCKET) {
        printf("socket failed: %d\n", WSAGetLastError());
        freeaddrinfo(res);
        WSACleanup();
        return 1;
    }
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout));

    for (i = 0; i < (int)(sizeof(msgs) / sizeof(msgs[0])); i++) {
        int len = (int)strlen(msgs[i]);
        if (Exchange(s, res->ai_addr, (int)res->ai_addrlen, msgs[i], len, msgs[i], len) != 0) {
            rc = 1;
            break;
        }
        printf("echo %d ok\n", i + 1);
    }
    if (rc == 0) {
        for (i = 0; i < (int)sizeof(big); i++)
            big[i] = (char)(i * 7);
        if (Exchange(s, res->ai_addr, (int)res->ai_addrlen, big, sizeof(big), big,
                     sizeof(big)) != 0)
            rc = 1;
        else
            printf("binary echo ok\n");
    }
    if (Exchange(s, res->ai_addr, (int)res->ai_addrlen, "quit", 4, "bye", 3) != 0)
        rc = 1;
    freeaddrinfo(res);
    closesocket(s);
    WSACleanup();
    return rc;
}
