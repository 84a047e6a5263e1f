/* select-based chat server: every message a client sends is broadcast to
 * all connected clients (the sender too).  Each new client is greeted with
 * "WELCOME\r\n" once it is in the set.  A message containing "quit" ends
 * the server; so do 30 s without activity and MAX_CLIENTS connections.
 * Usage: chat_server <port> */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

#define DEFAULT_BUFLEN 512
#define MAX_CLIENTS 16
#define IDLE_TIMEOUT_SEC 30

static const char WELCOME[] = "WELCOME\r\n";

static void Broadcast(fd_set *master, SOCKET listener, const char *buf, int len)
{
    for (u_int i = 0; i < master->fd_count; i++) {
        SOCKET out = master->fd_array[i];
        if (out == listener)
            continue;
        if (send(out, buf, len, 0) == SOCKET_ERROR)
            printf("send to %u failed: %d\n", (unsigned)out, WSAGetLastError());
    }
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET listener;
    SOCKADDR_IN addr;
    fd_set master, readfds;
    char buf[DEFAULT_BUFLEN + 1];
    int accepted = 0, messages = 0, running = 1, rc = 0;

    if (argc != 2) {
        printf("usage: %s port\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup failed: %d\n", WSAGetLastError());
        return 1;
    }

    listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener == INVALID_SOCKET) {
        printf("socket failed: %d\n", WSAGetLastError());
        return 1;
    }
    {
        BOOL reuse = TRUE;
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, (char *)&reuse, sizeof(reuse));
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((unsigned short)atoi(argv[1]));
    if (bind(listener, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
        printf("bind failed: %d\n", WSAGetLastError());
        closesocket(listener);
        WSACleanup();
        return 1;
    }
    if (listen(listener, SOMAXCONN) == SOCKET_ERROR) {
        printf("listen failed: %d\n", WSAGetLastError());
        closesocket(listener);
        WSACleanup();
        return 1;
    }
    printf("chat server listening on port %s\n", argv[1]);
    fflush(stdout);

    FD_ZERO(&master);
    FD_SET(listener, &master);

    while (running) {
        struct timeval tv;
        int ready;

        readfds = master; /* select overwrites its sets */
        tv.tv_sec = IDLE_TIMEOUT_SEC;
        tv.tv_usec = 0;
        ready = select(0, &readfds, NULL, NULL, &tv);
        if (ready == SOCKET_ERROR) {
            printf("select failed: %d\n", WSAGetLastError());
            rc = 1;
            break;
        }
        if (ready == 0) {
            printf("idle for %d s, stopping\n", IDLE_TIMEOUT_SEC);
            rc = 1;
            break;
        }

        for (u_int i = 0; i < readfds.fd_count; i++) {
            SOCKET sock = readfds.fd_array[i];

            if (sock == listener) {
                SOCKET client = accept(listener, NULL, NULL);
                if (client == INVALID_SOCKET) {
                    printf("accept failed: %d\n", WSAGetLastError());
                    continue;
                }
                if (accepted >= MAX_CLIENTS || master.fd_count >= FD_SETSIZE) {
                    printf("too many clients\n");
                    closesocket(client);
                    continue;
                }
                accepted++;
                FD_SET(client, &master);
                send(client, WELCOME, (int)strlen(WELCOME), 0);
                printf("client %d joined (%u sockets in set)\n", accepted,
                       master.fd_count);
                continue;
            }

            int n = recv(sock, buf, DEFAULT_BUFLEN, 0);
            if (n <= 0) {
                if (n < 0)
                    printf("recv failed: %d\n", WSAGetLastError());
                closesocket(sock);
                FD_CLR(sock, &master);
                printf("client left (%u sockets in set)\n", master.fd_count);
                continue;
            }
            buf[n] = '\0';
            messages++;
            if (strstr(buf, "quit") != NULL) {
                printf("quit received\n");
                running = 0;
                break;
            }
            Broadcast(&master, listener, buf, n);
        }
    }

    /* close everything still in the set, the listener included */
    for (u_int i = 0; i < master.fd_count; i++)
        closesocket(master.fd_array[i]);
    WSACleanup();
    printf("%d clients, %d messages\n", accepted, messages);
    return rc;
}
