/* UDP echo server: recvfrom/sendto on 127.0.0.1:<port>.  SO_RCVTIMEO is a
 * DWORD in milliseconds (not a timeval, as on POSIX): after 30 s without a
 * datagram it gives up.  "quit" is answered with "bye" and ends the server.
 * Usage: udp_server <port> */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

#define BUFSIZE 1500
#define MAX_DATAGRAMS 1000

int main(int argc, char *argv[])
{
    WSADATA wsaData;
    SOCKET s;
    struct sockaddr_in local, from;
    int fromlen, n, count = 0;
    char buf[BUFSIZE];
    char peer[INET_ADDRSTRLEN];
    DWORD timeout = 30 * 1000;

    if (argc < 2) {
        fprintf(stderr, "usage: %s port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        fprintf(stderr, "WSAStartup failed\n");
        return 1;
    }
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    if (s == INVALID_SOCKET) {
        fprintf(stderr, "socket failed: %d\n", WSAGetLastError());
        return 1;
    }
    if (setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout,
                   sizeof(timeout)) == SOCKET_ERROR) {
        fprintf(stderr, "setsockopt(SO_RCVTIMEO) failed: %d\n", WSAGetLastError());
        return 1;
    }
    memset(&local, 0, sizeof(local));
    local.sin_family = AF_INET;
    local.sin_port = htons((u_short)atoi(argv[1]));
    local.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (bind(s, (struct sockaddr *)&local, sizeof(local)) == SOCKET_ERROR) {
        fprintf(stderr, "bind failed: %d\n", WSAGetLastError());
        closesocket(s);
        WSACleanup();
        return 1;
    }
    printf("UDP echo listening on 127.0.0.1:%s\n", argv[1]);
    fflush(stdout);

    while (count < MAX_DATAGRAMS) {
        fromlen = sizeof(from);
        n = recvfrom(s, buf, sizeof(buf) - 1, 0, (struct sockaddr *)&from, &fromlen);
        if (n == SOCKET_ERROR) {
            int err = WSAGetLastError();
            if (err == WSAETIMEDOUT) {
                fprintf(stderr, "no datagram for %lu ms, giving up\n", timeout);
                break;
            }
            if (err == WSAECONNRESET) /* ICMP port unreachable from an old send */
                continue;
            fprintf(stderr, "recvfrom failed: %d\n", err);
            break;
        }
        count++;
        buf[n] = '\0';
        inet_ntop(AF_INET, &from.sin_addr, peer, sizeof(peer));
        printf("%d bytes from %s:%u\n", n, peer, ntohs(from.sin_port));
        if (n == 4 && memcmp(buf, "quit", 4) == 0) {
            sendto(s, "bye", 3, 0, (struct sockaddr *)&from, fromlen);
            closesocket(s);
            WSACleanup();
            return 0;
        }
        if (sendto(s, buf, n, 0, (struct sockaddr *)&from, fromlen) == SOCKET_ERROR)
            fprintf(stderr, "sendto failed: %d\n", WSAGetLastError());
    }
    closesocket(s);
    WSACleanup();
    return 1;
}
