/* Conditional-accept server in the style of the WSAAccept samples: a
 * CALLBACK condition function reads the caller's SOCKADDR_IN from
 * lpCallerId and decides.  Policy: the first caller is deferred once
 * (CF_DEFER: "busy, ask me again"), every third caller is rejected
 * (CF_REJECT), the rest accepted.  select() tells when a connection waits;
 * a deferred one is taken again when the server is ready, even if select
 * said nothing.  Each accepted client gets "ok <n>" for its line.
 * Usage: cond_server <port> [callers]   (default 4 callers) */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

typedef struct _ACCEPT_CONTEXT {
    int Offers;          /* condition function calls */
    int Callers;         /* distinct callers decided */
    int Accepted;
    int Rejected;
    int Deferred;
    BOOL DeferPending;
    USHORT DeferredPort; /* the caller we asked to wait */
} ACCEPT_CONTEXT;

int CALLBACK ConditionFunc(LPWSABUF lpCallerId, LPWSABUF lpCallerData,
                           LPQOS lpSQOS, LPQOS lpGQOS, LPWSABUF lpCalleeId,
                           LPWSABUF lpCalleeData, GROUP FAR *g,
                           DWORD_PTR dwCallbackData)
{
    ACCEPT_CONTEXT *ctx = (ACCEPT_CONTEXT *)dwCallbackData;
    SOCKADDR_IN *caller;
    char host[INET_ADDRSTRLEN] = "?";
    USHORT port;

    UNREFERENCED_PARAMETER(lpCallerData);
    UNREFERENCED_PARAMETER(lpSQOS);
    UNREFERENCED_PARAMETER(lpGQOS);
    UNREFERENCED_PARAMETER(lpCalleeData);
    UNREFERENCED_PARAMETER(g);

    ctx->Offers++;
    if (lpCallerId == NULL || lpCallerId->len < sizeof(SOCKADDR_IN) ||
        lpCalleeId == NULL || lpCalleeId->len < sizeof(SOCKADDR_IN)) {
        printf("condition: no caller id\n");
        return CF_REJECT;
    }
    caller = (SOCKADDR_IN *)lpCallerId->buf;
    port = ntohs(caller->sin_port);
    inet_ntop(AF_INET, &caller->sin_addr, host, sizeof(host));

    if (ctx->DeferPending) {
        if (port != ctx->DeferredPort) {
            printf("condition: expected the deferred caller %u again, got %u\n",
                   ctx->DeferredPort, port);
            return CF_REJECT;
        }
        ctx->DeferPending = FALSE;
        printf("condition: %s:%u offered again, accepting\n", host, port);
        ctx->Callers++;
        return CF_ACCEPT;
    }
    if (ctx->Callers == 0 && ctx->Deferred == 0) {
        ctx->Deferred++;
        ctx->DeferPending = TRUE;
        ctx->DeferredPort = port;
        printf("condition: %s:%u deferred\n", host, port);
        return CF_DEFER;
    }
    ctx->Callers++;
    if (ctx->Callers % 3 == 0) {
        printf("condition: %s:%u rejected\n", host, port);
        return CF_REJECT;
    }
    printf("condition: %s:%u accepted\n", host, port);
    return CF_ACCEPT;
}

static int ServeClient(SOCKET Client, int n)
{
    char line[128], reply[32];
    int got = 0, r;

    while (got < (int)sizeof(line) - 1) {
        r = recv(Client, line + got, 1, 0);
        if (r == SOCKET_ERROR) {
            printf("recv failed with error %d\n", WSAGetLastError());
            return 1;
        }
        if (r == 0 || line[got] == '\n')
            break;
        got++;
    }
    line[got] = '\0';
    _snprintf(reply, sizeof(reply), "ok %d\n", n);
    if (send(Client, reply, (int)strlen(reply), 0) == SOCKET_ERROR) {
        printf("send failed with error %d\n", WSAGetLastError());
        return 1;
    }
    printf("client %d said \"%s\"\n", n, line);
    shutdown(Client, SD_SEND);
    return 0;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET ListenSocket, Client;
    SOCKADDR_IN InternetAddr, ClientAddr;
    ACCEPT_CONTEXT ctx;
    int callers = 4, AddrLen, idle = 0, failures = 0, Ret;
    fd_set readfds;
    struct timeval tv;

    if (argc < 2) {
        printf("usage: %s <port> [callers]\n", argv[0]);
        return 2;
    }
    if (argc > 2)
        callers = atoi(argv[2]);
    if ((Ret = WSAStartup(MAKEWORD(2, 2), &wsaData)) != 0) {
        printf("WSAStartup failed with error %d\n", Ret);
        return 1;
    }
    ListenSocket = WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                             WSA_FLAG_OVERLAPPED);
    if (ListenSocket == INVALID_SOCKET) {
        printf("WSASocket() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    ZeroMemory(&InternetAddr, sizeof(InternetAddr));
    InternetAddr.sin_family = AF_INET;
    InternetAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    InternetAddr.sin_port = htons((u_short)atoi(argv[1]));
    if (bind(ListenSocket, (PSOCKADDR)&InternetAddr, sizeof(InternetAddr)) ==
            SOCKET_ERROR ||
        listen(ListenSocket, 5) == SOCKET_ERROR) {
        printf("bind/listen failed with error %d\n", WSAGetLastError());
        return 1;
    }
    printf("listening on port %s\n", argv[1]);
    fflush(stdout);

    ZeroMemory(&ctx, sizeof(ctx));
    while (ctx.Callers < callers && idle < 30) {
        FD_ZERO(&readfds);
        FD_SET(ListenSocket, &readfds);
        tv.tv_sec = 1;
        tv.tv_usec = 0;
        Ret = select(0, &readfds, NULL, NULL, &tv);
        if (Ret == SOCKET_ERROR) {
            printf("select() failed with error %d\n", WSAGetLastError());
            return 1;
        }
        /* Ready again for a caller we deferred, whatever select says. */
        if (Ret == 0 && !ctx.DeferPending) {
            idle++;
            continue;
        }
        idle = 0;
        AddrLen = sizeof(ClientAddr);
        Client = WSAAccept(ListenSocket, (PSOCKADDR)&ClientAddr, &AddrLen,
                           ConditionFunc, (DWORD_PTR)&ctx);
        if (Client == INVALID_SOCKET) {
            switch (WSAGetLastError()) {
            case WSATRY_AGAIN:
                printf("WSAAccept: deferred (WSATRY_AGAIN)\n");
                break;
            case WSAECONNREFUSED:
                printf("WSAAccept: rejected (WSAECONNREFUSED)\n");
                ctx.Rejected++;
                break;
            default:
                printf("WSAAccept() failed with error %d\n", WSAGetLastError());
                return 1;
            }
            continue;
        }
        if (AddrLen != sizeof(SOCKADDR_IN) || ClientAddr.sin_family != AF_INET) {
            printf("WSAAccept gave an address of %d bytes\n", AddrLen);
            failures++;
        }
        ctx.Accepted++;
        failures += ServeClient(Client, ctx.Accepted);
        closesocket(Client);
    }
    closesocket(ListenSocket);
    WSACleanup();
    printf("offers %d, callers %d: accepted %d, rejected %d, deferred %d\n",
           ctx.Offers, ctx.Callers, ctx.Accepted, ctx.Rejected, ctx.Deferred);
    if (failures || ctx.Callers != callers || ctx.Deferred != 1 ||
        ctx.Rejected != callers / 3 || ctx.Accepted != callers - callers / 3 ||
        ctx.Offers != callers + 1) {
        printf("FAILED\n");
        return 1;
    }
    printf("PASSED\n");
    return 0;
}
