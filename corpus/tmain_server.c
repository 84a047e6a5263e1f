/* Echo server in the style of the Windows SDK samples: _tmain, TCHAR,
 * strsafe, the process heap, and FormatMessage for socket errors.  Built
 * ANSI (no UNICODE).  Serves <count> clients one after another (default 1);
 * each is echoed until it shuts down its side.
 * Usage: tmain_server <port> [count] */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define BUFFER_SIZE 4096
#define MAX_CLIENTS 16

static void PrintWsaError(LPCTSTR lpszFunction, int nError)
{
    LPTSTR lpMsgBuf = NULL;
    TCHAR szLine[512];
    DWORD dwChars;

    dwChars = FormatMessage(FORMAT_MESSAGE_ALLOCATE_BUFFER |
                                FORMAT_MESSAGE_FROM_SYSTEM |
                                FORMAT_MESSAGE_IGNORE_INSERTS,
                            NULL, (DWORD)nError,
                            MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
                            (LPTSTR)&lpMsgBuf, 0, NULL);
    if (dwChars == 0) {
        StringCchPrintf(szLine, _countof(szLine),
                        TEXT("%s failed with error %d\n"), lpszFunction,
                        nError);
    } else {
        StringCchPrintf(szLine, _countof(szLine),
                        TEXT("%s failed with error %d: %s"), lpszFunction,
                        nError, lpMsgBuf);
        LocalFree(lpMsgBuf);
    }
    _tprintf(TEXT("%s"), szLine);
}

static BOOL EchoClient(SOCKET sClient, DWORD dwClient, DWORD *pdwTotal)
{
    char *pBuffer;
    int nRecv, nSent, nOffset;
    BOOL bOk = TRUE;

    pBuffer = (char *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                BUFFER_SIZE);
    if (pBuffer == NULL) {
        _tprintf(TEXT("HeapAlloc failed with error %lu\n"), GetLastError());
        return FALSE;
    }

    for (;;) {
        nRecv = recv(sClient, pBuffer, BUFFER_SIZE, 0);
        if (nRecv == 0)
            break;
        if (nRecv == SOCKET_ERROR) {
            PrintWsaError(TEXT("recv"), WSAGetLastError());
            bOk = FALSE;
            break;
        }
        for (nOffset = 0; nOffset < nRecv; nOffset += nSent) {
            nSent = send(sClient, pBuffer + nOffset, nRecv - nOffset, 0);
            if (nSent == SOCKET_ERROR) {
                PrintWsaError(TEXT("send"), WSAGetLastError());
                bOk = FALSE;
                goto done;
            }
        }
        *pdwTotal += (DWORD)nRecv;
    }
    _tprintf(TEXT("client %lu: echoed %lu bytes\n"), dwClient, *pdwTotal);
    if (shutdown(sClient, SD_SEND) == SOCKET_ERROR) {
        PrintWsaError(TEXT("shutdown"), WSAGetLastError());
        bOk = FALSE;
    }
done:
    HeapFree(GetProcessHeap(), 0, pBuffer);
    return bOk;
}

int _tmain(int argc, TCHAR *argv[])
{
    WSADATA wsd;
    SOCKET sListen = INVALID_SOCKET, sClient;
    ADDRINFOA hints, *pResult = NULL;
    char szPort[16];
    TCHAR szStatus[128];
    DWORD dwCount = 1, dwClient, dwBytes;
    int nRet, nExit = 0;

    if (argc < 2) {
        _tprintf(TEXT("usage: %s <port> [count]\n"), argv[0]);
        return 1;
    }
    /* ANSI build: TCHAR is char, so the port string copies straight. */
    if (FAILED(StringCchCopy(szPort, _countof(szPort), argv[1]))) {
        _tprintf(TEXT("port too long\n"));
        return 1;
    }
    if (argc > 2)
        dwCount = (DWORD)_ttoi(argv[2]);
    if (dwCount < 1 || dwCount > MAX_CLIENTS)
        dwCount = 1;

    if ((nRet = WSAStartup(MAKEWORD(2, 2), &wsd)) != 0) {
        PrintWsaError(TEXT("WSAStartup"), nRet);
        return 1;
    }

    SecureZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_PASSIVE;
    nRet = getaddrinfo("localhost", szPort, &hints, &pResult);
    if (nRet != 0) {
        PrintWsaError(TEXT("getaddrinfo"), nRet);
        WSACleanup();
        return 1;
    }

    sListen = socket(pResult->ai_family, pResult->ai_socktype,
                     pResult->ai_protocol);
    if (sListen == INVALID_SOCKET) {
        /* Winsock sets the thread's last error too. */
        PrintWsaError(TEXT("socket"), (int)GetLastError());
        freeaddrinfo(pResult);
        WSACleanup();
        return 1;
    }
    if (bind(sListen, pResult->ai_addr, (int)pResult->ai_addrlen) ==
        SOCKET_ERROR) {
        PrintWsaError(TEXT("bind"), WSAGetLastError());
        freeaddrinfo(pResult);
        closesocket(sListen);
        WSACleanup();
        return 1;
    }
    freeaddrinfo(pResult);

    if (listen(sListen, 5) == SOCKET_ERROR) {
        PrintWsaError(TEXT("listen"), WSAGetLastError());
        closesocket(sListen);
        WSACleanup();
        return 1;
    }
    StringCchPrintf(szStatus, _countof(szStatus),
                    TEXT("listening on localhost:%s for %lu client(s)\n"),
                    argv[1], dwCount);
    _tprintf(TEXT("%s"), szStatus);
    fflush(stdout);

    for (dwClient = 1; dwClient <= dwCount; dwClient++) {
        SOCKADDR_IN from;
        int fromlen = sizeof(from);

        sClient = accept(sListen, (SOCKADDR *)&from, &fromlen);
        if (sClient == INVALID_SOCKET) {
            PrintWsaError(TEXT("accept"), WSAGetLastError());
            nExit = 1;
            break;
        }
        dwBytes = 0;
        if (!EchoClient(sClient, dwClient, &dwBytes))
            nExit = 1;
        closesocket(sClient);
    }

    closesocket(sListen);
    WSACleanup();
    return nExit;
}
