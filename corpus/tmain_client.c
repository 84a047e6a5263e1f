/* Echo client in the style of the Windows SDK samples, built UNICODE:
 * the entry point is wmain (through _tmain), argv is wide, messages are
 * TCHAR strings.  The host and port are turned into the ANSI strings that
 * getaddrinfo takes.  Exits 0 only if the echo matches what was sent.
 * Usage: tmain_client <host> <port> */
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
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define MESSAGE_REPEAT 64

static void ReportError(LPCTSTR lpszFunction, DWORD dwError)
{
    LPTSTR lpMsgBuf = NULL;

    if (FormatMessage(FORMAT_MESSAGE_ALLOCATE_BUFFER |
                          FORMAT_MESSAGE_FROM_SYSTEM |
                          FORMAT_MESSAGE_IGNORE_INSERTS,
                      NULL, dwError, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
                      (LPTSTR)&lpMsgBuf, 0, NULL) == 0) {
        _tprintf(_T("%s failed with error %lu\n"), lpszFunction, dwError);
        return;
    }
    _tprintf(_T("%s failed with error %lu: %s"), lpszFunction, dwError,
             lpMsgBuf);
    LocalFree(lpMsgBuf);
}

int _tmain(int argc, TCHAR *argv[])
{
    WSADATA wsd;
    SOCKET s = INVALID_SOCKET;
    ADDRINFOA hints, *pResult = NULL, *p;
    char szHost[256], szPort[16];
    char *pSend = NULL, *pRecv = NULL;
    TCHAR szLine[128];
    size_t cchHost, cbMessage, cbLine;
    int nRet, nGot, nExit = 1;
    DWORD i;
    const char *pszLine = "The quick brown fox jumps over the lazy dog.\r\n";

    if (argc < 3) {
        _tprintf(_T("usage: %s <host> <port>\n"), argv[0]);
        return 1;
    }
    if (FAILED(StringCchLength(argv[1], 255, &cchHost))) {
        _tprintf(_T("host name too long\n"));
        return 1;
    }
    if (wcstombs(szHost, argv[1], sizeof(szHost)) == (size_t)-1) {
        _tprintf(_T("host name is not ANSI\n"));
        return 1;
    }
    StringCchPrintfA(szPort, _countof(szPort), "%d", _ttoi(argv[2]));

    /* The message: one line repeated, built in a heap buffer. */
    cbLine = strlen(pszLine);
    cbMessage = cbLine * MESSAGE_REPEAT;
    pSend = (char *)HeapAlloc(GetProcessHeap(), 0, cbMessage + 1);
    pRecv = (char *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                              cbMessage + 1);
    if (pSend == NULL || pRecv == NULL) {
        ReportError(_T("HeapAlloc"), GetLastError());
        return 1;
    }
    pSend[0] = '\0';
    for (i = 0; i < MESSAGE_REPEAT; i++)
        StringCchCatA(pSend, cbMessage + 1, pszLine);

    if ((nRet = WSAStartup(MAKEWORD(2, 2), &wsd)) != 0) {
        ReportError(_T("WSAStartup"), (DWORD)nRet);
        goto cleanup_heap;
    }

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    nRet = getaddrinfo(szHost, szPort, &hints, &pResult);
    if (nRet != 0) {
        ReportError(_T("getaddrinfo"), (DWORD)nRet);
        goto cleanup_ws;
    }
    for (p = pResult; p != NULL; p = p->ai_next) {
        s = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
        if (s == INVALID_SOCKET) {
            ReportError(_T("socket"), (DWORD)WSAGetLastError());
            break;
        }
        if (connect(s, p->ai_addr, (int)p->ai_addrlen) != SOCKET_ERROR)
            break;
        ReportError(_T("connect"), GetLastError());
        closesocket(s);
        s = INVALID_SOCKET;
    }
    freeaddrinfo(pResult);
    if (s == INVALID_SOCKET)
        goto cleanup_ws;

    StringCchPrintf(szLine, _countof(szLine), _T("connected to %s:%s\n"),
                    argv[1], argv[2]);
    _tprintf(_T("%s"), szLine);

    if (send(s, pSend, (int)cbMessage, 0) != (int)cbMessage) {
        ReportError(_T("send"), (DWORD)WSAGetLastError());
        goto cleanup_socket;
    }
    if (shutdown(s, SD_SEND) == SOCKET_ERROR) {
        ReportError(_T("shutdown"), (DWORD)WSAGetLastError());
        goto cleanup_socket;
    }
    nGot = 0;
    for (;;) {
        nRet = recv(s, pRecv + nGot, (int)(cbMessage + 1) - nGot, 0);
        if (nRet == SOCKET_ERROR) {
            ReportError(_T("recv"), (DWORD)WSAGetLastError());
            goto cleanup_socket;
        }
        if (nRet == 0)
            break;
        nGot += nRet;
        if (nGot > (int)cbMessage)
            break;
    }
    if (nGot == (int)cbMessage && memcmp(pSend, pRecv, cbMessage) == 0) {
        _tprintf(_T("echo ok: %d bytes\n"), nGot);
        nExit = 0;
    } else {
        _tprintf(_T("echo mismatch: %d of %d bytes\n"), nGot,
                 (int)cbMessage);
    }

cleanup_socket:
    closesocket(s);
cleanup_ws:
    WSACleanup();
cleanup_heap:
    HeapFree(GetProcessHeap(), 0, pSend);
    HeapFree(GetProcessHeap(), 0, pRecv);
    return nExit;
}
