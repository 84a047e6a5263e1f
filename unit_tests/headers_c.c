/* The headers compile cleanly in strict C (built as C99 and C11 with
 * -Wall -Wextra -pedantic -Werror), together with POSIX headers before
 * and after them, a
 * program-defined FD_SETSIZE and MSVC's #pragma comment. */
#define FD_SETSIZE 1024
#include <stdio.h>
#include <sys/socket.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <wscompat.h>
#include <conio.h>

#pragma comment(lib, "ws2_32.lib")

/* POSIX headers included after winsock2.h must not clash with it either
 * (gethostname is declared by unistd.h and redirected by winsock2.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

typedef char fd_setsize_is_the_programs[FD_SETSIZE == 1024 ? 1 : -1];
typedef char dword_is_32_bit[sizeof(DWORD) == 4 ? 1 : -1];

int main(void)
{
    WSADATA d;
    fd_set s;
    SOCKET sock;
    int rc;

    if (WSAStartup(MAKEWORD(2, 2), &d) != 0)
        return 1;
    FD_ZERO(&s);
    sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    FD_SET(sock, &s);
    rc = (int)s.fd_count;
    closesocket(sock);
    /* POSIX stays reachable in the same file: close() is not redirected. */
    rc += close(-1) == -1 ? 0 : 1;
    WSACleanup();
    printf("%s %d\n", wsc_strerror_name(WSAECONNRESET), rc);
    return rc == 1 ? 0 : 1;
}
