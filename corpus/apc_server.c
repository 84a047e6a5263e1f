/* Completion-routine echo server in the structure of the classic
 * "Network Programming for Microsoft Windows" sample: the main thread
 * accepts (blocking accept) and signals AcceptEvent; a worker thread waits
 * alertably in WSAWaitForMultipleEvents(..., WSA_INFINITE, TRUE), which
 * returns WSA_WAIT_IO_COMPLETION each time completion routines have run,
 * and starts a WSARecv with lpCompletionRoutine for each new socket.
 * WorkerRoutine echoes with WSASend and reads again, all from the worker's
 * alertable waits.  The SOCKET_INFORMATION begins with its WSAOVERLAPPED,
 * so the routine casts the pointer back.  Accepted sockets wait in a small
 * queue (the sample's single global has a race with concurrent clients).
 * Stops after <count> connections (default 4).
 * Usage: apc_server <port> [count] */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "ws2_32.lib")

#define PORT 5150
#define DATA_BUFSIZE 8192
#define MAX_PENDING 16

typedef struct _SOCKET_INFORMATION {
    OVERLAPPED Overlapped;
    SOCKET Socket;
    CHAR Buffer[DATA_BUFSIZE];
    WSABUF DataBuf;
    DWORD BytesSEND;
    DWORD BytesRECV;
    DWORD Total;
} SOCKET_INFORMATION, *LPSOCKET_INFORMATION;

void CALLBACK WorkerRoutine(DWORD Error, DWORD BytesTransferred,
                            LPWSAOVERLAPPED Overlapped, DWORD InFlags);
DWORD WINAPI WorkerThread(LPVOID lpParameter);

static SOCKET PendingSockets[MAX_PENDING];
static int PendingCount = 0;
static CRITICAL_SECTION PendingLock;
static WSAEVENT AcceptEvent;
static volatile LONG Closed = 0, Errors = 0, Routines = 0;
static LONG Count = 4;

int __cdecl main(int argc, char **argv)
{
    WSADATA wsaData;
    SOCKET ListenSocket, AcceptSocket;
    SOCKADDR_IN InternetAddr;
    INT Ret;
    HANDLE ThreadHandle;
    DWORD ThreadId;
    LONG Accepted = 0;
    u_short Port = PORT;

    if (argc > 1)
        Port = (u_short)atoi(argv[1]);
    if (argc > 2)
        Count = atol(argv[2]);

    if ((Ret = WSAStartup(0x0202, &wsaData)) != 0) {
        printf("WSAStartup failed with error %d\n", Ret);
        return 1;
    }
    InitializeCriticalSection(&PendingLock);

    if ((ListenSocket = WSASocket(AF_INET, SOCK_STREAM, 0, NULL, 0,
                                  WSA_FLAG_OVERLAPPED)) == INVALID_SOCKET) {
        printf("Failed to get a socket %d\n", WSAGetLastError());
        return 1;
    }
    InternetAddr.sin_family = AF_INET;
    InternetAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    InternetAddr.sin_port = htons(Port);
    if (bind(ListenSocket, (PSOCKADDR)&InternetAddr, sizeof(InternetAddr))
        == SOCKET_ERROR) {
        printf("bind() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    if (listen(ListenSocket, 5)) {
        printf("listen() failed with error %d\n", WSAGetLastError());
        return 1;
    }

    if ((AcceptEvent = WSACreateEvent()) == WSA_INVALID_EVENT) {
        printf("WSACreateEvent() failed with error %d\n", WSAGetLastError());
        return 1;
    }

    // Create a worker thread to service completed I/O requests.
    if ((ThreadHandle = CreateThread(NULL, 0, WorkerThread, (LPVOID)AcceptEvent,
                                     0, &ThreadId)) == NULL) {
        printf("CreateThread failed with error %lu\n", GetLastError());
        return 1;
    }
    printf("listening on port %u, stopping after %ld connections\n", Port, Count);
    fflush(stdout);

    while (Accepted < Count) {
        AcceptSocket = accept(ListenSocket, NULL, NULL);
        if (AcceptSocket == INVALID_SOCKET) {
            printf("accept() failed with error %d\n", WSAGetLastError());
            InterlockedIncrement(&Errors);
            break;
        }
        EnterCriticalSection(&PendingLock);
        if (PendingCount < MAX_PENDING) {
            PendingSockets[PendingCount++] = AcceptSocket;
            AcceptSocket = INVALID_SOCKET;
        }
        LeaveCriticalSection(&PendingLock);
        if (AcceptSocket != INVALID_SOCKET) {
            printf("too many pending sockets\n");
            closesocket(AcceptSocket);
            InterlockedIncrement(&Errors);
            continue;
        }
        Accepted++;
        if (WSASetEvent(AcceptEvent) == FALSE) {
            printf("WSASetEvent failed with error %d\n", WSAGetLastError());
            return 1;
        }
    }

    if (WaitForSingleObject(ThreadHandle, 30000) != WAIT_OBJECT_0) {
        printf("worker did not finish: %ld of %ld closed\n", Closed, Count);
        return 1;
    }
    CloseHandle(ThreadHandle);
    closesocket(ListenSocket);
    WSACloseEvent(AcceptEvent);
    DeleteCriticalSection(&PendingLock);
    WSACleanup();
    printf("%ld accepted, %ld closed, %ld completion routines, %ld errors\n",
           Accepted, Closed, Routines, Errors);
    return (Errors == 0 && Closed == Count) ? 0 : 1;
}

DWORD WINAPI WorkerThread(LPVOID lpParameter)
{
    DWORD Flags;
    LPSOCKET_INFORMATION SocketInfo;
    WSAEVENT EventArray[1];
    DWORD Index;
    DWORD RecvBytes;
    SOCKET s;

    // Save the accept event in the event array.
    EventArray[0] = (WSAEVENT)lpParameter;

    while (Closed < Count) {
        // Wait for accept() to signal an event and also process
        // WorkerRoutine() returns.
        while (TRUE) {
            Index = WSAWaitForMultipleEvents(1, EventArray, FALSE, WSA_INFINITE, TRUE);
            if (Index == WSA_WAIT_FAILED) {
                printf("WSAWaitForMultipleEvents failed with error %d\n",
                       WSAGetLastError());
                return FALSE;
            }
            if (Index != WAIT_IO_COMPLETION) {
                // An accept() call event is ready - break the wait loop
                break;
            }
            if (Closed >= Count)
                return TRUE;
        }

        WSAResetEvent(EventArray[Index - WSA_WAIT_EVENT_0]);

        for (;;) {
            EnterCriticalSection(&PendingLock);
            s = INVALID_SOCKET;
            if (PendingCount > 0)
                s = PendingSockets[--PendingCount];
            LeaveCriticalSection(&PendingLock);
            if (s == INVALID_SOCKET)
                break;

            // Create a socket information structure to associate with the
            // accepted socket.
            if ((SocketInfo = (LPSOCKET_INFORMATION)GlobalAlloc(GPTR,
                                sizeof(SOCKET_INFORMATION))) == NULL) {
                printf("GlobalAlloc() failed with error %lu\n", GetLastError());
                return FALSE;
            }

            // Fill in the details of our accepted socket.
            SocketInfo->Socket = s;
            ZeroMemory(&(SocketInfo->Overlapped), sizeof(WSAOVERLAPPED));
            SocketInfo->BytesSEND = 0;
            SocketInfo->BytesRECV = 0;
            SocketInfo->DataBuf.len = DATA_BUFSIZE;
            SocketInfo->DataBuf.buf = SocketInfo->Buffer;

            Flags = 0;
            if (WSARecv(SocketInfo->Socket, &(SocketInfo->DataBuf), 1, &RecvBytes,
                        &Flags, &(SocketInfo->Overlapped), WorkerRoutine)
                == SOCKET_ERROR) {
                if (WSAGetLastError() != WSA_IO_PENDING) {
                    printf("WSARecv() failed with error %d\n", WSAGetLastError());
                    return FALSE;
                }
            }
            printf("Socket %lu connected\n", (unsigned long)s);
        }
    }
    return TRUE;
}

void CALLBACK WorkerRoutine(DWORD Error, DWORD BytesTransferred,
                            LPWSAOVERLAPPED Overlapped, DWORD InFlags)
{
    DWORD SendBytes, RecvBytes;
    DWORD Flags;

    // Reference the WSAOVERLAPPED structure as a SOCKET_INFORMATION structure
    LPSOCKET_INFORMATION SI = (LPSOCKET_INFORMATION)Overlapped;

    InterlockedIncrement(&Routines);
    if (Error != 0) {
        printf("I/O operation failed with error %lu\n", Error);
        InterlockedIncrement(&Errors);
    }

    if (BytesTransferred == 0)
        printf("Closing socket %lu after %lu bytes\n", (unsigned long)SI->Socket,
               SI->Total);

    if (Error != 0 || BytesTransferred == 0) {
        closesocket(SI->Socket);
        GlobalFree(SI);
        InterlockedIncrement(&Closed);
        return;
    }

    // Check to see if the BytesRECV field equals zero. If this is so, then
    // this means a WSARecv call just completed so update the BytesRECV field
    // with the BytesTransferred value from the completed WSARecv() call.
    if (SI->BytesRECV == 0) {
        SI->BytesRECV = BytesTransferred;
        SI->BytesSEND = 0;
        SI->Total += BytesTransferred;
    } else {
        SI->BytesSEND += BytesTransferred;
    }

    if (SI->BytesRECV > SI->BytesSEND) {
        // Post another WSASend() request.
        // Since WSASend() is not guaranteed to send all of the bytes
        // requested, continue posting WSASend() calls until all received
        // bytes are sent.
        ZeroMemory(&(SI->Overlapped), sizeof(WSAOVERLAPPED));
        SI->DataBuf.buf = SI->Buffer + SI->BytesSEND;
        SI->DataBuf.len = SI->BytesRECV - SI->BytesSEND;
        if (WSASend(SI->Socket, &(SI->DataBuf), 1, &SendBytes, 0,
                    &(SI->Overlapped), WorkerRoutine) == SOCKET_ERROR) {
            if (WSAGetLastError() != WSA_IO_PENDING) {
                printf("WSASend() failed with error %d\n", WSAGetLastError());
                InterlockedIncrement(&Errors);
                return;
            }
        }
    } else {
        SI->BytesRECV = 0;

        // Now that there are no more bytes to send post another WSARecv()
        // request.
        Flags = 0;
        ZeroMemory(&(SI->Overlapped), sizeof(WSAOVERLAPPED));
        SI->DataBuf.len = DATA_BUFSIZE;
        SI->DataBuf.buf = SI->Buffer;
        if (WSARecv(SI->Socket, &(SI->DataBuf), 1, &RecvBytes, &Flags,
                    &(SI->Overlapped), WorkerRoutine) == SOCKET_ERROR) {
            if (WSAGetLastError() != WSA_IO_PENDING) {
                printf("WSARecv() failed with error %d\n", WSAGetLastError());
                InterlockedIncrement(&Errors);
                return;
            }
        }
    }
}
