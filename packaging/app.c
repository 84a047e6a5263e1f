/* A Windows program's smallest use of Winsock, built from an installed
 * wscompat by the names Windows build files use.  Exits 0 when the
 * Windows behavior is there: a closed handle gives WSAENOTSOCK.  Built
 * with pkg-config's flags or CMake's target (WSC_WANT_WIN32), it is also
 * built as a Windows compiler builds it: _WIN32 defined before any
 * header, and socklen_t an int the program may declare itself. */
#if defined(WSC_WANT_WIN32) && !defined(_WIN32)
#error "the flags did not define _WIN32"
#endif
#ifdef _WIN32
#include <winsock2.h>
typedef int socklen_t;
#else
#include <winsock2.h>
#endif
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
