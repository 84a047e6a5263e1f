// wizard_asel.cpp : Defines the entry point for the console application.
//
// A Visual Studio wizard project (targetver.h's SDKDDKVer.h, void _tmain,
// UNICODE C++) with a WSAAsyncSelect echo server on a hidden window of
// the system's "STATIC" class, and a client thread.  It serves two
// sessions on one port: in each the server closes the connection first
// (its end waits in TIME_WAIT), and the second session binds the same
// port again without SO_REUSEADDR, as a restarted server does.

// The project's "Character Set: Use Unicode Character Set".
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#define WIN32_LEAN_AND_MEAN
#include <SDKDDKVer.h>

#include <WinSock2.h>
#include <WS2tcpip.h>
#include <Windows.h>
#include <tchar.h>
#include <stdio.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

#define WM_SOCKET (WM_USER + 1)
#define MESSAGE "hello from the client"

static SOCKET g_listener = INVALID_SOCKET;
static SOCKET g_peer = INVALID_SOCKET;
static int g_echoed;
static int g_failed;

static void Fail(const TCHAR *what, int code)
{
    _ftprintf(stderr, _T("FAIL: %s (%d)\n"), what, code);
    g_failed = 1;
}

static LRESULT CALLBACK SocketWndProc(HWND hWnd, UINT uMsg, WPARAM wParam,
                                      LPARAM lParam)
{
    if (uMsg != WM_SOCKET)
        return DefWindowProc(hWnd, uMsg, wParam, lParam);
    if (WSAGETSELECTERROR(lParam)) {
        Fail(_T("network event error"), WSAGETSELECTERROR(lParam));
        PostQuitMessage(1);
        return 0;
    }
    switch (WSAGETSELECTEVENT(lParam)) {
    case FD_ACCEPT:
        g_peer = accept((SOCKET)wParam, NULL, NULL);
        if (g_peer == INVALID_SOCKET)
            Fail(_T("accept"), WSAGetLastError());
        // The accepted socket inherits the listener's selection; ask for
        // what the connection needs.
        else if (WSAAsyncSelect(g_peer, hWnd, WM_SOCKET, FD_READ | FD_CLOSE))
            Fail(_T("WSAAsyncSelect(peer)"), WSAGetLastError());
        break;
    case FD_READ: {
        char buf[256];
        int n = recv((SOCKET)wParam, buf, sizeof(buf), 0);

        if (n == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK)
            break;
        if (n <= 0) {
            Fail(_T("recv"), WSAGetLastError());
            PostQuitMessage(1);
            break;
        }
        if (send((SOCKET)wParam, buf, n, 0) != n)
            Fail(_T("send"), WSAGetLastError());
        g_echoed += n;
        if (g_echoed == (int)strlen(MESSAGE)) {
            // The server closes first: its end of the connection waits
            // in TIME_WAIT.
            shutdown((SOCKET)wParam, SD_SEND);
            closesocket((SOCKET)wParam);
            g_peer = INVALID_SOCKET;
            PostQuitMessage(0);
        }
        break;
    }
    case FD_CLOSE:
        break;
    }
    return 0;
}

static DWORD WINAPI ClientThread(LPVOID lpParam)
{
    USHORT port = (USHORT)(ULONG_PTR)lpParam;
    SOCKADDR_IN addr;
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    char buf[256];
    int got = 0, n;

    ZeroMemory(&addr, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s == INVALID_SOCKET ||
        connect(s, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
        Fail(_T("connect"), WSAGetLastError());
        return 1;
    }
    send(s, MESSAGE, (int)strlen(MESSAGE), 0);
    while ((n = recv(s, buf + got, (int)sizeof(buf) - got, 0)) > 0)
        got += n;
    if (n != 0 || got != (int)strlen(MESSAGE) || memcmp(buf, MESSAGE, got))
        Fail(_T("echo"), got);
    closesocket(s);
    return 0;
}

// One session: listen on port (0: any), serve one client, tell the port.
static BOOL Session(HWND hWnd, USHORT *port)
{
    SOCKADDR_IN addr;
    int len = sizeof(addr);
    HANDLE hThread;
    MSG msg;

    g_echoed = 0;
    g_listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ZeroMemory(&addr, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(*port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(g_listener, (SOCKADDR *)&addr, sizeof(addr)) == SOCKET_ERROR) {
        Fail(_T("bind"), WSAGetLastError());
        return FALSE;
    }
    if (listen(g_listener, SOMAXCONN) == SOCKET_ERROR ||
        getsockname(g_listener, (SOCKADDR *)&addr, &len) == SOCKET_ERROR ||
        WSAAsyncSelect(g_listener, hWnd, WM_SOCKET, FD_ACCEPT)) {
        Fail(_T("listen"), WSAGetLastError());
        return FALSE;
    }
    *port = ntohs(addr.sin_port);
    _tprintf(_T("session on port %u\n"), (unsigned)*port);
    hThread = CreateThread(NULL, 0, ClientThread,
                           (LPVOID)(ULONG_PTR)*port, 0, NULL);
    // Bounded: the timer ends a session that hangs.
    SetTimer(hWnd, 1, 20000, NULL);
    while (GetMessage(&msg, NULL, 0, 0) > 0) {
        if (msg.message == WM_TIMER) {
            Fail(_T("session timed out"), 0);
            break;
        }
        TranslateMessage(&msg);
        DispatchMessage(&msg);
    }
    KillTimer(hWnd, 1);
    if (WaitForSingleObject(hThread, 20000) != WAIT_OBJECT_0)
        Fail(_T("client thread"), 0);
    CloseHandle(hThread);
    closesocket(g_listener);
    return !g_failed;
}

void _tmain(int argc, _TCHAR *argv[])
{
    WSADATA wsaData;
    HWND hWnd;
    USHORT port = 0;

    UNREFERENCED_PARAMETER(argc);
    UNREFERENCED_PARAMETER(argv);
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        _tprintf(_T("WSAStartup failed\n"));
        ExitProcess(1);
    }
    hWnd = CreateWindowEx(0, _T("STATIC"), _T("sockets"), 0, 0, 0, 0, 0,
                          HWND_MESSAGE, NULL, GetModuleHandle(NULL), NULL);
    if (!hWnd) {
        _tprintf(_T("CreateWindowEx failed: %lu\n"), GetLastError());
        ExitProcess(1);
    }
    SetWindowLongPtr(hWnd, GWLP_WNDPROC, (LONG_PTR)SocketWndProc);
    if (Session(hWnd, &port) && Session(hWnd, &port))
        _tprintf(_T("two sessions on one port: ok\n"));
    DestroyWindow(hWnd);
    WSACleanup();
    if (g_failed)
        ExitProcess(1);
}
