// UNICODE C++ console program (wmain via _tmain) that checks how Winsock
// errors reach the program: WSAGetLastError and GetLastError are one value,
// WSASetLastError sets both, and FormatMessageW gives text for the codes.
// It provokes WSAECONNREFUSED by connecting to a loopback port that is
// bound but not listening.  Uses windows.h's min/max macros in C++, as
// MSVC code does (mingw-w64 defines them for C only, so mingw cannot build
// this file).
// Usage: unicode_errors
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <stdio.h>

#pragma comment(lib, "ws2_32.lib")

static bool Describe(DWORD code, LPTSTR out, size_t cch)
{
    LPTSTR msg = NULL;
    DWORD n = FormatMessage(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                FORMAT_MESSAGE_IGNORE_INSERTS,
                            NULL, code, 0, (LPTSTR)&msg, 0, NULL);
    if (n == 0) {
        StringCchPrintf(out, cch, _T("(no text for %lu, FormatMessage error %lu)"), code,
                        GetLastError());
        return false;
    }
    // drop the trailing CR LF Windows appends
    while (n > 0 && (msg[n - 1] == _T('\r') || msg[n - 1] == _T('\n')))
        msg[--n] = _T('\0');
    StringCchCopy(out, cch, msg);
    LocalFree(msg);
    return true;
}

int _tmain(int argc, _TCHAR *argv[])
{
    WSADATA wsa;
    TCHAR text[256];
    int failures = 0;

    (void)argc;
    (void)argv;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return 1;

    // a port that is bound and not listening: connect is refused
    SOCKET holder = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in sin = {};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int sinlen = sizeof(sin);
    if (holder == INVALID_SOCKET || bind(holder, (sockaddr *)&sin, sizeof(sin)) != 0 ||
        getsockname(holder, (sockaddr *)&sin, &sinlen) != 0) {
        _tprintf(_T("setup failed: %d\n"), WSAGetLastError());
        return 1;
    }
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SetLastError(ERROR_SUCCESS);
    int r = connect(s, (sockaddr *)&sin, sizeof(sin));
    int wsaErr = WSAGetLastError();
    DWORD lastErr = GetLastError();
    if (r != SOCKET_ERROR || wsaErr != WSAECONNREFUSED) {
        _tprintf(_T("connect: expected WSAECONNREFUSED, got %d/%d\n"), r, wsaErr);
        failures++;
    }
    if (lastErr != (DWORD)wsaErr) {
        _tprintf(_T("GetLastError %lu differs from WSAGetLastError %d\n"), lastErr, wsaErr);
        failures++;
    }
    Describe((DWORD)wsaErr, text, _countof(text));
    _tprintf(_T("connect: %d: %s\n"), wsaErr, text);

    // WSASetLastError and SetLastError are the same slot
    WSASetLastError(WSAEWOULDBLOCK);
    if (GetLastError() != WSAEWOULDBLOCK) {
        _tprintf(_T("WSASetLastError not seen by GetLastError\n"));
        failures++;
    }
    SetLastError(WSAETIMEDOUT);
    if (WSAGetLastError() != WSAETIMEDOUT) {
        _tprintf(_T("SetLastError not seen by WSAGetLastError\n"));
        failures++;
    }

    // a few codes, the longest text length with the min/max macros
    const DWORD codes[] = {WSAEWOULDBLOCK, WSAECONNRESET, WSAETIMEDOUT, WSAENOTSOCK,
                           ERROR_NOT_ENOUGH_MEMORY};
    size_t longest = 0, shortest = (size_t)-1;
    for (size_t i = 0; i < _countof(codes); i++) {
        size_t cch = 0;
        if (!Describe(codes[i], text, _countof(text)))
            failures++;
        StringCchLength(text, _countof(text), &cch);
        longest = max(longest, cch);
        shortest = min(shortest, cch);
        _tprintf(_T("%5lu: %s\n"), codes[i], text);
    }
    _tprintf(_T("message lengths %u..%u\n"), (unsigned)shortest, (unsigned)longest);

    closesocket(s);
    closesocket(holder);
    WSACleanup();
    _tprintf(failures == 0 ? _T("ok\n") : _T("%d failures\n"), failures);
    return failures == 0 ? 0 : 1;
}
