/* A Windows program's smallest use of Winsock, built from an installed
 * wscompat by the names Windows build files use.  Exits 0 when the
 * Windows behavior is there: a closed handle gives WSAENOTSOCK. */
#include <winsock2.h>
#include <stdio.h>

#pragma comment(lib, "ws2_32.lib")
#pragma comment(lib, "iphlpapi.lib")

int main(void)
{
    WSADATA d;
    SOCKET s;
    char c;

    if (WSAStartup(MAKEWORD(2, 2), &d) != 0)
        return 1;
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (s == INVALID_SOCKET || closesocket(s) != 0)
        return 2;
    if (recv(s, &c, 1, 0) != SOCKET_ERROR ||
        WSAGetLastError() != WSAENOTSOCK)
        return 3;
    WSACleanup();
    puts("ok");
    return 0;
}
