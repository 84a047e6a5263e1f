/* An older-style client for legacy_server: resolves with inet_addr, falling
 * back to gethostbyname for names, copies h_addr into S_un.S_addr, times
 * round trips with QueryPerformanceCounter and bounds the whole run with
 * GetTickCount.  Runs MAX_SESSIONS sessions one after the other; each sends
 * two lines and QUIT and must get the lines back and BYE.
 * Usage: legacy_client <host> <port> */
#include <Winsock2.h>
#include <Ws2tcpip.h>
#include <Windows.h>
#include <tchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "wsock32.lib")

#define MAX_SESSIONS 2
#define DEADLINE_MS 20000

static DWORD g_dwStart;

static BOOL RecvLine(SOCKET s, char *buf, int cch)
{
    int len = 0;
    while (len < cch - 1) {
        int n;
        if (GetTickCount() - g_dwStart > DEADLINE_MS)
            return FALSE;
        n = recv(s, buf + len, 1, 0);
        if (n <= 0)
            return FALSE;
        if (buf[len] == '\n') {
            buf[len + 1] = '\0';
            return TRUE;
        }
        len++;
    }
    return FALSE;
}

static int Session(const struct sockaddr_in *server, int n)
{
    SOCKET s;
    char line[128], expect[128], answer[128];
    LARGE_INTEGER freq, t0, t1;
    int i;
    DWORD tmo = 5000;

    s = socket(PF_INET, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET)
        return 1;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char FAR *)&tmo, sizeof(tmo));
    if (connect(s, (const struct sockaddr FAR *)server, sizeof(*server)) == SOCKET_ERROR) {
        printf("connect failed: %d\n", WSAGetLastError());
        closesocket(s);
        return 1;
    }
    QueryPerformanceFrequency(&freq);
    for (i = 0; i < 2; i++) {
        _snprintf(line, sizeof(line), "session %d line %d: Legacy Client Test\r\n", n, i);
        line[sizeof(line) - 1] = '\0';
        strcpy_s(expect, _countof(expect), line);
        QueryPerformanceCounter(&t0);
        if (send(s, line, (int)strlen(line), 0) == SOCKET_ERROR ||
            !RecvLine(s, answer, sizeof(answer))) {
            printf("exchange failed: %d\n", WSAGetLastError());
            closesocket(s);
            return 1;
        }
        QueryPerformanceCounter(&t1);
        if (strcmp(answer, expect) != 0) {
            printf("unexpected answer: %s", answer);
            closesocket(s);
            return 1;
        }
        printf("round trip %.3f ms\n",
               (t1.QuadPart - t0.QuadPart) * 1000.0 / (double)freq.QuadPart);
    }
    send(s, "quit\r\n", 6, 0);
    if (!RecvLine(s, answer, sizeof(answer)) || _strnicmp(answer, "bye", 3) != 0) {
        printf("no BYE\n");
        closesocket(s);
        return 1;
    }
    closesocket(s);
    return 0;
}

int main(int argc, char **argv)
{
    WSADATA wsaData;
    struct sockaddr_in server;
    struct hostent FAR *hp;
    unsigned long addr;
    int i, rc = 0;

    if (argc < 3) {
        printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    g_dwStart = GetTickCount();
    if (WSAStartup(MAKEWORD(1, 1), &wsaData) != 0) {
        printf("WSAStartup failed\n");
        return 1;
    }
    printf("Winsock %d.%d\n", LOBYTE(wsaData.wVersion), HIBYTE(wsaData.wVersion));

    memset(&server, 0, sizeof(server));
    server.sin_family = AF_INET;
    server.sin_port = htons((unsigned short)atoi(argv[2]));
    addr = inet_addr(argv[1]);
    if (addr == INADDR_NONE) {
        hp = gethostbyname(argv[1]);
        if (hp == NULL) {
            printf("cannot resolve %s: %d\n", argv[1], WSAGetLastError());
            WSACleanup();
            return 1;
        }
        memcpy(&server.sin_addr.S_un.S_addr, hp->h_addr, hp->h_length);
    } else {
        server.sin_addr.S_un.S_addr = addr;
    }
    printf("server %s is %s\n", argv[1], inet_ntoa(server.sin_addr));

    for (i = 0; i < MAX_SESSIONS && rc == 0; i++)
        rc = Session(&server, i);
    WSACleanup();
    if (rc == 0)
        printf("all sessions ok\n");
    return rc;
}
