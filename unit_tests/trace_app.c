/* A few Winsock calls with known results, for unit_tests/trace.sh to read
 * the WSCOMPAT_TRACE lines of.  Prints the socket's handle. */
#include <stdio.h>
#include <winsock2.h>
#include <ws2tcpip.h>

int main(void)
{
    WSADATA d;
    SOCKET s;
    struct addrinfo *ai = NULL;
    char buf[4];
    int v = 1;

    if (WSAStartup(MAKEWORD(2, 2), &d))
        return 1;
    s = socket(AF_INET, SOCK_STREAM, 0);
    printf("socket=%llu\n", (unsigned long long)s);
    recv(s, buf, sizeof(buf), 0);
    setsockopt(s, SOL_SOCKET, 0x7777, (char *)&v, sizeof(v));
    closesocket(s);
    closesocket(s);
    if (getaddrinfo("127.0.0.1", "80", NULL, &ai) == 0)
        freeaddrinfo(ai);
    WSACleanup();
    return 0;
}
