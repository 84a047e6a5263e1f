/* WSAAsyncSelect echo server in the style of Windows 95-era Winsock code:
 * a hidden window (RegisterClass, CreateWindow with WS_OVERLAPPEDWINDOW
 * and CW_USEDEFAULT under HWND_MESSAGE, never shown) whose window procedure switches on
 * WSAGETSELECTEVENT(lParam) after checking WSAGETSELECTERROR; FD_ACCEPT
 * accepts and selects FD_READ|FD_WRITE|FD_CLOSE on the new socket; FD_READ
 * reads until WSAEWOULDBLOCK and echoes; a send that would block waits for
 * FD_WRITE; FD_CLOSE drains what is left; the GetMessage / TranslateMessage
 * / DispatchMessage loop ends with PostQuitMessage from WM_DESTROY once
 * <count> connections (default 6) have been served.
 * Usage: asel_server <port> [count] */
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")
#pragma comment(lib, "user32.lib")

#define WM_SOCKET (WM_USER + 1)
#define MAX_CONN 32
#define BUFSIZE 4096

typedef struct tagCONN {
    SOCKET sock;
    char buf[BUFSIZE];
    int len;     /* bytes in buf */
    int sent;    /* of them, echoed */
    BOOL eof;    /* the peer's FIN was read */
    long total;  /* bytes echoed on this connection */
} CONN, *LPCONN;

static CONN Conns[MAX_CONN];
static SOCKET Listener = INVALID_SOCKET;
static long Served = 0, Limit = 6, TotalBytes = 0;

static LPCONN FindConn(SOCKET s)
{
    int i;

    for (i = 0; i < MAX_CONN; i++)
        if (Conns[i].sock == s)
            return &Conns[i];
    return NULL;
}

static void CloseConn(HWND hWnd, LPCONN c)
{
    WSAAsyncSelect(c->sock, hWnd, 0, 0);
    closesocket(c->sock);
    c->sock = INVALID_SOCKET;
    TotalBytes += c->total;
    if (++Served >= Limit)
        DestroyWindow(hWnd);
}

/* Echo until the socket would block.  FALSE: the connection is over. */
static BOOL Echo(LPCONN c)
{
    int n;

    for (;;) {
        while (c->sent < c->len) {
            n = send(c->sock, c->buf + c->sent, c->len - c->sent, 0);
            if (n == SOCKET_ERROR) {
                if (WSAGetLastError() == WSAEWOULDBLOCK)
                    return TRUE; /* FD_WRITE comes when there is room */
                printf("send() failed with error %d\n", WSAGetLastError());
                return FALSE;
            }
            c->sent += n;
            c->total += n;
        }
        c->len = c->sent = 0;
        if (c->eof)
            return FALSE;
        n = recv(c->sock, c->buf, BUFSIZE, 0);
        if (n == SOCKET_ERROR) {
            if (WSAGetLastError() == WSAEWOULDBLOCK)
                return TRUE;
            printf("recv() failed with error %d\n", WSAGetLastError());
            return FALSE;
        }
        if (n == 0)
            c->eof = TRUE;
        c->len = n;
    }
}

static void OnAccept(HWND hWnd)
{
    SOCKET s = accept(Listener, NULL, NULL);
    LPCONN c;

    if (s == INVALID_SOCKET) {
        if (WSAGetLastError() != WSAEWOULDBLOCK)
            printf("accept() failed with error %d\n", WSAGetLastError());
        return;
    }
    if ((c = FindConn(INVALID_SOCKET)) == NULL) {
        printf("too many connections\n");
        closesocket(s);
        return;
    }
    ZeroMemory(c, sizeof(CONN));
    c->sock = s;
    if (WSAAsyncSelect(s, hWnd, WM_SOCKET, FD_READ | FD_WRITE | FD_CLOSE) ==
        SOCKET_ERROR) {
        printf("WSAAsyncSelect() failed with error %d\n", WSAGetLastError());
        CloseConn(hWnd, c);
    }
}

static void OnSocket(HWND hWnd, WPARAM wParam, LPARAM lParam)
{
    SOCKET s = (SOCKET)wParam;
    LPCONN c;

    if (s == Listener) {
        if (WSAGETSELECTERROR(lParam))
            printf("FD_ACCEPT error %d\n", WSAGETSELECTERROR(lParam));
        else if (WSAGETSELECTEVENT(lParam) == FD_ACCEPT)
            OnAccept(hWnd);
        return;
    }
    /* Messages already posted for a socket closed since: nothing to do. */
    if ((c = FindConn(s)) == NULL)
        return;
    if (WSAGETSELECTERROR(lParam)) {
        printf("socket %d: event %d error %d\n", (int)s,
               WSAGETSELECTEVENT(lParam), WSAGETSELECTERROR(lParam));
        CloseConn(hWnd, c);
        return;
    }
    switch (WSAGETSELECTEVENT(lParam)) {
    case FD_READ:
    case FD_WRITE:
    case FD_CLOSE:
        if (!Echo(c))
            CloseConn(hWnd, c);
        break;
    default:
        printf("unexpected event %d\n", WSAGETSELECTEVENT(lParam));
        break;
    }
}

LRESULT CALLBACK WndProc(HWND hWnd, UINT message, WPARAM wParam,
                         LPARAM lParam)
{
    switch (message) {
    case WM_SOCKET:
        OnSocket(hWnd, wParam, lParam);
        return 0;
    case WM_DESTROY:
        PostQuitMessage(0);
        return 0;
    default:
        return DefWindowProc(hWnd, message, wParam, lParam);
    }
}

int main(int argc, char **argv)
{
    WSADATA wsaData;
    WNDCLASS wc;
    HWND hWnd;
    MSG msg;
    SOCKADDR_IN addr;
    int i, port;

    if (argc < 2) {
        printf("usage: %s <port> [count]\n", argv[0]);
        return 1;
    }
    port = atoi(argv[1]);
    if (argc > 2)
        Limit = atol(argv[2]);
    for (i = 0; i < MAX_CONN; i++)
        Conns[i].sock = INVALID_SOCKET;

    memset(&wc, 0, sizeof(wc));
    wc.style = CS_HREDRAW | CS_VREDRAW;
    wc.lpfnWndProc = (WNDPROC)WndProc;
    wc.hInstance = NULL;
    wc.lpszClassName = TEXT("AselServer");
    if (!RegisterClass(&wc)) {
        printf("RegisterClass() failed with error %lu\n", GetLastError());
        return 1;
    }
    /* A message-only parent: a window nobody sees needs no desktop (and
     * headless Wine has none to give a top-level one). */
    hWnd = CreateWindow(TEXT("AselServer"), TEXT("WSAAsyncSelect echo"),
                        WS_OVERLAPPEDWINDOW, CW_USEDEFAULT, CW_USEDEFAULT,
                        CW_USEDEFAULT, CW_USEDEFAULT, HWND_MESSAGE, NULL, NULL,
                        NULL);
    if (hWnd == NULL) {
        printf("CreateWindow() failed with error %lu\n", GetLastError());
        return 1;
    }

    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup() failed\n");
        return 1;
    }
    Listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (Listener == INVALID_SOCKET) {
        printf("socket() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    /* Selected before listen, as the old samples do. */
    if (WSAAsyncSelect(Listener, hWnd, WM_SOCKET, FD_ACCEPT | FD_CLOSE) ==
        SOCKET_ERROR) {
        printf("WSAAsyncSelect() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((u_short)port);
    if (bind(Listener, (PSOCKADDR)&addr, sizeof(addr)) == SOCKET_ERROR ||
        listen(Listener, 5) == SOCKET_ERROR) {
        printf("bind()/listen() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    printf("listening on port %d, stopping after %ld connections\n", port,
           Limit);
    fflush(stdout);

    while (GetMessage(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessage(&msg);
    }

    closesocket(Listener);
    WSACleanup();
    printf("served %ld connections, %ld bytes echoed\n", Served, TotalBytes);
    return 0;
}
