/* Shared-socket echo server in the style of the Winsock 2 samples that
 * hand connections to worker processes: the parent accepts, starts a copy
 * of itself with CreateProcess, describes the socket for it with
 * WSADuplicateSocket and passes the WSAPROTOCOL_INFO through a named file
 * mapping, with a pair of named events to say "ready" and "taken".  The
 * child rebuilds the socket with WSASocket(FROM_PROTOCOL_INFO) and echoes.
 * Serves CLIENTS connections, then waits for its children and exits 0 if
 * each did.  If the system refuses the child the socket (no permission to
 * take another process's descriptor), it says SKIP and exits 77.
 * Usage: dup_server <port>          (the parent)
 *        dup_server -child <name>   (started by the parent) */
#define WIN32_LEAN_AND_MEAN

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "Ws2_32.lib")

#define CLIENTS 3
#define BUFSIZE 4096
#define SKIP_CODE 77

/* What the parent leaves in the mapping for a child. */
typedef struct _SHARED_BLOCK {
    DWORD dwParentId;
    DWORD dwConnection;
    WSAPROTOCOL_INFOA ProtocolInfo;
} SHARED_BLOCK, *LPSHARED_BLOCK;

static void ObjectNames(const char *base, char *ready, char *taken)
{
    sprintf_s(ready, MAX_PATH, "%s-ready", base);
    sprintf_s(taken, MAX_PATH, "%s-taken", base);
}

/* ---- the child ---------------------------------------------------------- */
static SOCKET TakeSocket(const char *szName, HANDLE hTaken)
{
    HANDLE hMap;
    LPSHARED_BLOCK pBlock;
    SHARED_BLOCK block;
    SOCKET s;

    hMap = OpenFileMappingA(FILE_MAP_READ, FALSE, szName);
    if (hMap == NULL) {
        fprintf(stderr, "child: OpenFileMapping failed: %lu\n", GetLastError());
        return INVALID_SOCKET;
    }
    pBlock = (LPSHARED_BLOCK)MapViewOfFile(hMap, FILE_MAP_READ, 0, 0, sizeof(SHARED_BLOCK));
    if (pBlock == NULL) {
        fprintf(stderr, "child: MapViewOfFile failed: %lu\n", GetLastError());
        CloseHandle(hMap);
        return INVALID_SOCKET;
    }
    CopyMemory(&block, pBlock, sizeof(block));
    UnmapViewOfFile(pBlock);
    CloseHandle(hMap);

    s = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                   &block.ProtocolInfo, 0, 0);
    if (s == INVALID_SOCKET)
        return INVALID_SOCKET;
    printf("child %lu: connection %lu from parent %lu\n", GetCurrentProcessId(),
           block.dwConnection, block.dwParentId);
    SetEvent(hTaken);
    return s;
}

static int Echo(SOCKET s)
{
    char buf[BUFSIZE];
    int n, sent, r;

    for (;;) {
        n = recv(s, buf, sizeof(buf), 0);
        if (n == 0)
            break;
        if (n == SOCKET_ERROR) {
            fprintf(stderr, "child: recv failed: %d\n", WSAGetLastError());
            return 1;
        }
        for (sent = 0; sent < n; sent += r) {
            r = send(s, buf + sent, n - sent, 0);
            if (r == SOCKET_ERROR) {
                fprintf(stderr, "child: send failed: %d\n", WSAGetLastError());
                return 1;
            }
        }
    }
    shutdown(s, SD_SEND);
    return 0;
}

static int DoChild(const char *szName)
{
    char szReady[MAX_PATH], szTaken[MAX_PATH];
    HANDLE hReady, hTaken;
    SOCKET s;
    int err, rc;

    ObjectNames(szName, szReady, szTaken);
    hReady = OpenEventA(SYNCHRONIZE, FALSE, szReady);
    hTaken = OpenEventA(EVENT_MODIFY_STATE, FALSE, szTaken);
    if (hReady == NULL || hTaken == NULL) {
        fprintf(stderr, "child: OpenEvent failed: %lu\n", GetLastError());
        return 1;
    }
    if (WaitForSingleObject(hReady, 10000) != WAIT_OBJECT_0) {
        fprintf(stderr, "child: the parent never said ready\n");
        return 1;
    }
    s = TakeSocket(szName, hTaken);
    if (s == INVALID_SOCKET) {
        err = WSAGetLastError();
        fprintf(stderr, "child: WSASocket(FROM_PROTOCOL_INFO) failed: %d\n", err);
        return err == WSAEACCES || err == WSAEOPNOTSUPP ? SKIP_CODE : 1;
    }
    CloseHandle(hReady);
    CloseHandle(hTaken);
    rc = Echo(s);
    closesocket(s);
    return rc;
}

/* ---- the parent ----------------------------------------------------------- */
/* Hands the connection to a new child; its process handle, or NULL. */
static HANDLE DispatchChild(SOCKET sClient, const char *szProgram, DWORD dwConnection)
{
    char szName[MAX_PATH], szReady[MAX_PATH], szTaken[MAX_PATH];
    char szCommandLine[2 * MAX_PATH];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    HANDLE hReady, hTaken, hMap, hWait[2];
    LPSHARED_BLOCK pBlock;
    DWORD dwWait, dwCode;

    sprintf_s(szName, MAX_PATH, "dup_server-%lu-%lu", GetCurrentProcessId(), dwConnection);
    ObjectNames(szName, szReady, szTaken);
    hReady = CreateEventA(NULL, TRUE, FALSE, szReady);
    hTaken = CreateEventA(NULL, FALSE, FALSE, szTaken);
    hMap = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                              sizeof(SHARED_BLOCK), szName);
    if (hReady == NULL || hTaken == NULL || hMap == NULL) {
        fprintf(stderr, "CreateEvent/CreateFileMapping failed: %lu\n", GetLastError());
        return NULL;
    }

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    sprintf_s(szCommandLine, sizeof(szCommandLine), "\"%s\" -child %s", szProgram, szName);
    if (!CreateProcessA(NULL, szCommandLine, NULL, NULL, FALSE, CREATE_NEW_CONSOLE,
                        NULL, NULL, &si, &pi)) {
        fprintf(stderr, "CreateProcess failed: %lu\n", GetLastError());
        return NULL;
    }
    CloseHandle(pi.hThread);

    pBlock = (LPSHARED_BLOCK)MapViewOfFile(hMap, FILE_MAP_WRITE, 0, 0, 0);
    if (pBlock == NULL) {
        fprintf(stderr, "MapViewOfFile failed: %lu\n", GetLastError());
        return pi.hProcess;
    }
    pBlock->dwParentId = GetCurrentProcessId();
    pBlock->dwConnection = dwConnection;
    if (WSADuplicateSocketA(sClient, pi.dwProcessId, &pBlock->ProtocolInfo) == SOCKET_ERROR)
        fprintf(stderr, "WSADuplicateSocket failed: %d\n", WSAGetLastError());
    UnmapViewOfFile(pBlock);
    SetEvent(hReady);

    // Our copy of the socket must live until the child has its own.
    hWait[0] = hTaken;
    hWait[1] = pi.hProcess;
    dwWait = WaitForMultipleObjects(2, hWait, FALSE, 20000);
    if (dwWait == WAIT_OBJECT_0 + 1 && GetExitCodeProcess(pi.hProcess, &dwCode) &&
        dwCode == SKIP_CODE)
        printf("SKIP: this system does not let a process take another's socket "
               "(pidfd_getfd needs ptrace permission)\n");
    else if (dwWait != WAIT_OBJECT_0)
        fprintf(stderr, "the child never took the socket: %lu\n", dwWait);

    CloseHandle(hMap);
    CloseHandle(hReady);
    CloseHandle(hTaken);
    return pi.hProcess;
}

static SOCKET Listen(const char *szPort)
{
    struct addrinfo hints, *res = NULL;
    SOCKET s;

    ZeroMemory(&hints, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
    if (getaddrinfo("127.0.0.1", szPort, &hints, &res) != 0)
        return INVALID_SOCKET;
    s = WSASocket(res->ai_family, res->ai_socktype, res->ai_protocol, NULL, 0, 0);
    if (s != INVALID_SOCKET &&
        (bind(s, res->ai_addr, (int)res->ai_addrlen) == SOCKET_ERROR ||
         listen(s, SOMAXCONN) == SOCKET_ERROR)) {
        fprintf(stderr, "bind/listen failed: %d\n", WSAGetLastError());
        closesocket(s);
        s = INVALID_SOCKET;
    }
    freeaddrinfo(res);
    return s;
}

static int DoParent(const char *szProgram, const char *szPort)
{
    SOCKET sListen, sClient;
    HANDLE hChildren[CLIENTS];
    DWORD i, dwCode, nChildren = 0;
    int rc = 0, skipped = 0;

    sListen = Listen(szPort);
    if (sListen == INVALID_SOCKET)
        return 1;
    printf("parent %lu listening on 127.0.0.1:%s\n", GetCurrentProcessId(), szPort);
    fflush(stdout);

    for (i = 0; i < CLIENTS; i++) {
        sClient = accept(sListen, NULL, NULL);
        if (sClient == INVALID_SOCKET) {
            fprintf(stderr, "accept failed: %d\n", WSAGetLastError());
            rc = 1;
            break;
        }
        hChildren[nChildren] = DispatchChild(sClient, szProgram, i);
        if (hChildren[nChildren] != NULL)
            nChildren++;
        else
            rc = 1;
        // The child has its own copy now: a plain close, no reset.
        closesocket(sClient);
    }
    closesocket(sListen);

    if (nChildren &&
        WaitForMultipleObjects(nChildren, hChildren, TRUE, 30000) != WAIT_OBJECT_0) {
        fprintf(stderr, "the children did not finish\n");
        rc = 1;
    }
    for (i = 0; i < nChildren; i++) {
        if (!GetExitCodeProcess(hChildren[i], &dwCode))
            dwCode = 1;
        printf("child %lu exited with %lu\n", i, dwCode);
        if (dwCode == SKIP_CODE)
            skipped = 1;
        else if (dwCode != 0)
            rc = 1;
        CloseHandle(hChildren[i]);
    }
    return rc ? rc : skipped ? SKIP_CODE : 0;
}

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    int rc;

    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup failed\n");
        return 1;
    }
    if (argc > 2 && strcmp(argv[1], "-child") == 0)
        rc = DoChild(argv[2]);
    else
        rc = DoParent(argv[0], argc > 1 ? argv[1] : "27016");
    WSACleanup();
    return rc;
}
