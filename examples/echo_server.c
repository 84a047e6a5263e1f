/* A Windows echo server in the classic Winsock getting-started style.
 * It compiles unchanged on Windows and, with wscompat, on Linux:
 *   cc echo_server.c $(pkg-config --cflags --libs wscompat) */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "Ws2_32.lib")

#define DEFAULT_BUFLEN 512

int main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET ListenSocket = INVALID_SOCKET, ClientSocket = INVALID_SOCKET;
    struct addrinfo *result = NULL, hints;
    char recvbuf[DEFAULT_BUFLEN];
    const char *port = argc > 1 ? argv[1] : "27015";
    int iResult, iSendResult;

    iResult = WSAStartup(MAKEWORD(2, 2), &wsaData);
    if (iResult != 0) {
        printf("server: WSAStartup failed with error: %d\n", iResult);
        return 1;
    }
    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_PASSIVE;
    iResult = getaddrinfo("127.0.0.1", port, &hints, &result);
    if (iResult != 0) {
        printf("server: getaddrinfo failed with error: %d\n", iResult);
        WSACleanup();
        return 1;
    }
    ListenSocket = socket(result->ai_family, result->ai_socktype,
                          result->ai_protocol);
    if (ListenSocket == INVALID_SOCKET) {
        printf("server: socket failed with error: %d\n", WSAGetLastError());
        return 1;
    }
    iResult = bind(ListenSocket, result->ai_addr, (int)result->ai_addrlen);
    freeaddrinfo(result);
    if (iResult == SOCKET_ERROR) {
        printf("server: bind failed with error: %d\n", WSAGetLastError());
        closesocket(ListenSocket);
        WSACleanup();
        return 1;
    }
    if (listen(ListenSocket, SOMAXCONN) == SOCKET_ERROR) {
        printf("server: listen failed with error: %d\n", WSAGetLastError());
        return 1;
    }
    printf("server: listening on 127.0.0.1:%s\n", port);
    fflush(stdout);
    ClientSocket = accept(ListenSocket, NULL, NULL);
    if (ClientSocket == INVALID_SOCKET) {
        printf("server: accept failed with error: %d\n", WSAGetLastError());
        return 1;
    }
    closesocket(ListenSocket);
    do {
        iResult = recv(ClientSocket, recvbuf, DEFAULT_BUFLEN, 0);
        if (iResult > 0) {
            printf("server: bytes received: %d\n", iResult);
            iSendResult = send(ClientSocket, recvbuf, iResult, 0);
            if (iSendResult == SOCKET_ERROR) {
                printf("server: send failed with error: %d\n",
                       WSAGetLastError());
                return 1;
            }
            printf("server: bytes sent: %d\n", iSendResult);
        } else if (iResult == 0) {
            printf("server: connection closing...\n");
        } else {
            printf("server: recv failed with error: %d\n", WSAGetLastError());
            return 1;
        }
    } while (iResult > 0);
    iResult = shutdown(ClientSocket, SD_SEND);
    if (iResult == SOCKET_ERROR) {
        printf("server: shutdown failed with error: %d\n", WSAGetLastError());
        return 1;
    }
    closesocket(ClientSocket);
    WSACleanup();
    return 0;
}
