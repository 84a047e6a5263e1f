/* WSAAsyncSelect client: NCONN connections driven by one message-only
 * window (CreateWindowEx with HWND_MESSAGE), its context passed through
 * CreateWindowEx's lpParam and kept in GWLP_USERDATA from WM_CREATE;
 * WSAAsyncSelect(FD_CONNECT|FD_READ|FD_WRITE|FD_CLOSE) before a
 * non-blocking connect (WSAEWOULDBLOCK), FD_CONNECT's error checked, the
 * stream sent in chunks of varying size whenever FD_WRITE allows, every
 * echoed byte checked, shutdown(SD_SEND) then recv 0.  The message loop is
 * PeekMessage/DispatchMessage with MsgWaitForMultipleObjects bounded by a
 * GetTickCount deadline.
 * Usage: asel_client <host> <port> */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>

#pragma comment(lib, "ws2_32.lib")
#pragma comment(lib, "user32.lib")

#define WM_SOCKET (WM_APP + 5)
#define NCONN 6
#define STREAM_BYTES 60000
#define DEADLINE_MS 30000

typedef struct {
    SOCKET sock;
    int index;
    long sent, checked;
    BOOL shut, done;
} CONN;

typedef struct {
    CONN conns[NCONN];
    int done, failed;
} CLIENT;

static unsigned char Pattern(int conn, long pos)
{
    return (unsigned char)(pos * 7 + conn * 13 + (pos >> 8));
}

static CONN *FindConn(CLIENT *cl, SOCKET s)
{
    int i;

    for (i = 0; i < NCONN; i++)
        if (cl->conns[i].sock == s)
            return &cl->conns[i];
    return NULL;
}

static void Finish(HWND hWnd, CLIENT *cl, CONN *c, BOOL ok)
{
    if (c->done)
        return;
    c->done = TRUE;
    if (!ok)
        cl->failed++;
    WSAAsyncSelect(c->sock, hWnd, 0, 0);
    closesocket(c->sock);
    if (++cl->done == NCONN)
        PostQuitMessage(cl->failed);
}

static BOOL SendMore(CONN *c)
{
    char chunk[3001];
    int n, i, want;

    while (c->sent < STREAM_BYTES) {
        want = 1 + (int)(c->sent % 3001);
        if (want > STREAM_BYTES - c->sent)
            want = (int)(STREAM_BYTES - c->sent);
        for (i = 0; i < want; i++)
            chunk[i] = (char)Pattern(c->index, c->sent + i);
        n = send(c->sock, chunk, want, 0);
        if (n == SOCKET_ERROR)
            return WSAGetLastError() == WSAEWOULDBLOCK;
        c->sent += n;
    }
    if (!c->shut && shutdown(c->sock, SD_SEND) == SOCKET_ERROR)
        return FALSE;
    c->shut = TRUE;
    return TRUE;
}

/* Reads and checks what came back; TRUE while the connection goes on. */
static BOOL CheckEcho(HWND hWnd, CLIENT *cl, CONN *c)
{
    char buf[2048];
    int n, i;

    for (;;) {
        n = recv(c->sock, buf, sizeof(buf), 0);
        if (n == SOCKET_ERROR)
            return WSAGetLastError() == WSAEWOULDBLOCK;
        if (n == 0) {
            Finish(hWnd, cl, c, c->checked == STREAM_BYTES);
            return TRUE;
        }
        for (i = 0; i < n; i++, c->checked++)
            if ((unsigned char)buf[i] != Pattern(c->index, c->checked)) {
                printf("conn %d: wrong byte at %ld\n", c->index, c->checked);
                return FALSE;
            }
    }
}

static void OnSocket(HWND hWnd, CLIENT *cl, WPARAM wParam, LPARAM lParam)
{
    CONN *c = FindConn(cl, (SOCKET)wParam);
    BOOL ok = TRUE;

    if (c == NULL || c->done)
        return;
    if (WSAGETSELECTERROR(lParam)) {
        printf("conn %d: event %d error %d\n", c->index,
               WSAGETSELECTEVENT(lParam), WSAGETSELECTERROR(lParam));
        Finish(hWnd, cl, c, FALSE);
        return;
    }
    switch (WSAGETSELECTEVENT(lParam)) {
    case FD_CONNECT:
        break;
    case FD_WRITE:
        ok = SendMore(c);
        break;
    case FD_READ:
    case FD_CLOSE:
        ok = CheckEcho(hWnd, cl, c);
        break;
    }
    if (!ok) {
        printf("conn %d: failed with error %d\n", c->index, WSAGetLastError());
        Finish(hWnd, cl, c, FALSE);
    }
}

static LRESULT CALLBACK ClientProc(HWND hWnd, UINT uMsg, WPARAM wParam,
                                   LPARAM lParam)
{
    CLIENT *cl = (CLIENT *)GetWindowLongPtr(hWnd, GWLP_USERDATA);

    switch (uMsg) {
    case WM_CREATE:
        SetWindowLongPtr(hWnd, GWLP_USERDATA,
                         (LONG_PTR)((LPCREATESTRUCT)lParam)->lpCreateParams);
        return 0;
    case WM_SOCKET:
        OnSocket(hWnd, cl, wParam, lParam);
        return 0;
    }
    return DefWindowProc(hWnd, uMsg, wParam, lParam);
}

int main(int argc, char *argv[])
{
    static CLIENT client;
    WSADATA wsd;
    WNDCLASSEX wc = { sizeof(WNDCLASSEX) };
    struct addrinfo hints, *ai;
    HWND hWnd;
    MSG msg;
    DWORD start, now;
    int i, rc, code = -1;

    if (argc < 3) {
        printf("usage: %s <host> <port>\n", argv[0]);
        return 1;
    }
    if (WSAStartup(MAKEWORD(2, 2), &wsd) != 0)
        return 1;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if ((rc = getaddrinfo(argv[1], argv[2], &hints, &ai)) != 0) {
        printf("getaddrinfo() failed with error %d\n", rc);
        return 1;
    }
    wc.lpfnWndProc = ClientProc;
    wc.lpszClassName = TEXT("AselClient");
    if (!RegisterClassEx(&wc)) {
        printf("RegisterClassEx() failed with error %lu\n", GetLastError());
        return 1;
    }
    hWnd = CreateWindowEx(0, TEXT("AselClient"), NULL, 0, 0, 0, 0, 0,
                          HWND_MESSAGE, NULL, NULL, &client);
    if (hWnd == NULL) {
        printf("CreateWindowEx() failed with error %lu\n", GetLastError());
        return 1;
    }
    for (i = 0; i < NCONN; i++) {
        CONN *c = &client.conns[i];

        c->index = i;
        c->sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (c->sock == INVALID_SOCKET ||
            WSAAsyncSelect(c->sock, hWnd, WM_SOCKET,
                           FD_CONNECT | FD_READ | FD_WRITE | FD_CLOSE) != 0) {
            printf("socket()/WSAAsyncSelect() failed with error %d\n",
                   WSAGetLastError());
            return 1;
        }
        if (connect(c->sock, ai->ai_addr, (int)ai->ai_addrlen) != SOCKET_ERROR ||
            WSAGetLastError() != WSAEWOULDBLOCK) {
            printf("connect() did not say WSAEWOULDBLOCK (%d)\n",
                   WSAGetLastError());
            return 1;
        }
    }
    freeaddrinfo(ai);

    start = GetTickCount();
    for (;;) {
        while (PeekMessage(&msg, NULL, 0, 0, PM_REMOVE)) {
            if (msg.message == WM_QUIT) {
                code = (int)msg.wParam;
                goto done;
            }
            TranslateMessage(&msg);
            DispatchMessage(&msg);
        }
        now = GetTickCount();
        if (now - start >= DEADLINE_MS) {
            printf("timed out: %d of %d connections done\n", client.done,
                   NCONN);
            break;
        }
        MsgWaitForMultipleObjects(0, NULL, FALSE, DEADLINE_MS - (now - start),
                                  QS_ALLINPUT);
    }
done:
    DestroyWindow(hWnd);
    WSACleanup();
    if (code != 0)
        return 1;
    printf("%d connections, %d bytes each echoed and checked\n", NCONN,
           STREAM_BYTES);
    return 0;
}
