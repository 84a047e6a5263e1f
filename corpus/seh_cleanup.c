/* Structured exception handling as MSVC C code uses it for cleanup:
 * __try/__finally with __leave for early exits, and an __except guard that
 * is never meant to fire.  Standalone: listens on an ephemeral loopback
 * port, connects to itself, accepts, and exchanges a message; the sockets
 * are closed in the __finally blocks whatever path is taken.
 * mingw-w64's gcc does not accept __try/__finally/__leave: this program is
 * for MSVC and wscompat only.
 * Usage: seh_cleanup */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

#pragma comment(lib, "ws2_32.lib")

static int g_finallyRuns = 0;

static int Exchange(SOCKET a, SOCKET b)
{
    const char msg[] = "structured cleanup";
    char buf[64];
    int result = 1, n;

    __try {
        if (send(a, msg, (int)sizeof(msg), 0) != (int)sizeof(msg))
            __leave;
        n = recv(b, buf, sizeof(buf), 0);
        if (n != (int)sizeof(msg) || memcmp(buf, msg, sizeof(msg)) != 0)
            __leave;
        result = 0;
    }
    __finally {
        g_finallyRuns++;
        if (AbnormalTermination())
            printf("Exchange left abnormally\n");
    }
    return result;
}

int main(void)
{
    WSADATA wsa;
    SOCKET ls = INVALID_SOCKET, cs = INVALID_SOCKET, as = INVALID_SOCKET;
    struct sockaddr_in addr;
    int len = sizeof(addr), rc = 1;

    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return 1;
    __try {
        ls = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (ls == INVALID_SOCKET)
            __leave;
        ZeroMemory(&addr, sizeof(addr));
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (bind(ls, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR ||
            listen(ls, 1) == SOCKET_ERROR ||
            getsockname(ls, (SOCKADDR *)&addr, &len) == SOCKET_ERROR) {
            printf("listen setup failed: %d\n", WSAGetLastError());
            __leave;
        }
        cs = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (cs == INVALID_SOCKET ||
            connect(cs, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
            printf("connect failed: %d\n", WSAGetLastError());
            __leave;
        }
        as = accept(ls, NULL, NULL);
        if (as == INVALID_SOCKET) {
            printf("accept failed: %d\n", WSAGetLastError());
            __leave;
        }
        __try {
            rc = Exchange(cs, as);
            if (rc == 0)
                rc = Exchange(as, cs);
        }
        __except (EXCEPTION_EXECUTE_HANDLER) {
            printf("exception 0x%08lx\n", GetExceptionCode());
            rc = 1;
        }
    }
    __finally {
        g_finallyRuns++;
        if (as != INVALID_SOCKET)
            closesocket(as);
        if (cs != INVALID_SOCKET)
            closesocket(cs);
        if (ls != INVALID_SOCKET)
            closesocket(ls);
        WSACleanup();
    }
    if (g_finallyRuns != 3) {
        printf("__finally ran %d times, expected 3\n", g_finallyRuns);
        return 1;
    }
    printf(rc == 0 ? "exchange ok\n" : "exchange failed\n");
    return rc;
}
