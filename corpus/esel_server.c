/* WSAEventSelect echo server with the structure of Microsoft's classic
 * sample: parallel arrays EventArray[WSA_MAXIMUM_WAIT_EVENTS] and
 * SocketArray[] of LPSOCKET_INFORMATION, CreateSocketInformation /
 * FreeSocketInformation, one WSAWaitForMultipleEvents over all of them,
 * WSAEnumNetworkEvents with the event (which resets it), FD_ACCEPT /
 * FD_READ / FD_WRITE / FD_CLOSE each checked against iErrorCode[FD_x_BIT],
 * WSARecv/WSASend without OVERLAPPED on the non-blocking sockets, and
 * WSAEWOULDBLOCK waiting for FD_WRITE.  Unlike the sample it keeps reading
 * while a buffer has been fully echoed (the sample can stall when data
 * remains after a partial send), and it stops after <count> connections
 * (default 48: esel_client's 40 and ovl_client's 8).
 * Usage: esel_server <port> [count] */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#pragma comment(lib, "Ws2_32.lib")

#define DATA_BUFSIZE 8192

typedef struct _SOCKET_INFORMATION {
    CHAR Buffer[DATA_BUFSIZE];
    WSABUF DataBuf;
    SOCKET Socket;
    DWORD BytesSEND;
    DWORD BytesRECV;
    DWORD TotalBytes;
} SOCKET_INFORMATION, *LPSOCKET_INFORMATION;

BOOL CreateSocketInformation(SOCKET s);
void FreeSocketInformation(DWORD Event);

DWORD EventTotal = 0;
WSAEVENT EventArray[WSA_MAXIMUM_WAIT_EVENTS];
LPSOCKET_INFORMATION SocketArray[WSA_MAXIMUM_WAIT_EVENTS];
DWORD PeakTotal = 0;

/* Read and echo until the socket would block; FALSE when the socket failed
 * and was freed. */
static BOOL ServiceSocket(DWORD Index)
{
    LPSOCKET_INFORMATION SocketInfo = SocketArray[Index];
    DWORD RecvBytes, SendBytes, Flags;

    for (;;) {
        // Read data only if the receive buffer is empty
        if (SocketInfo->BytesRECV == 0) {
            SocketInfo->DataBuf.buf = SocketInfo->Buffer;
            SocketInfo->DataBuf.len = DATA_BUFSIZE;
            Flags = 0;
            if (WSARecv(SocketInfo->Socket, &(SocketInfo->DataBuf), 1,
                        &RecvBytes, &Flags, NULL, NULL) == SOCKET_ERROR) {
                if (WSAGetLastError() != WSAEWOULDBLOCK) {
                    printf("WSARecv() failed with error %d\n", WSAGetLastError());
                    FreeSocketInformation(Index);
                    return FALSE;
                }
                return TRUE;
            }
            if (RecvBytes == 0)
                return TRUE; /* end of stream: FD_CLOSE follows */
            SocketInfo->BytesRECV = RecvBytes;
            SocketInfo->TotalBytes += RecvBytes;
        }

        // Write buffer data if it is available
        if (SocketInfo->BytesRECV > SocketInfo->BytesSEND) {
            SocketInfo->DataBuf.buf = SocketInfo->Buffer + SocketInfo->BytesSEND;
            SocketInfo->DataBuf.len = SocketInfo->BytesRECV - SocketInfo->BytesSEND;
            if (WSASend(SocketInfo->Socket, &(SocketInfo->DataBuf), 1,
                        &SendBytes, 0, NULL, NULL) == SOCKET_ERROR) {
                if (WSAGetLastError() != WSAEWOULDBLOCK) {
                    printf("WSASend() failed with error %d\n", WSAGetLastError());
                    FreeSocketInformation(Index);
                    return FALSE;
                }
                // A WSAEWOULDBLOCK error has occurred. An FD_WRITE event
                // will be posted when more buffer space becomes available
                return TRUE;
            }
            SocketInfo->BytesSEND += SendBytes;
            if (SocketInfo->BytesSEND == SocketInfo->BytesRECV) {
                SocketInfo->BytesSEND = 0;
                SocketInfo->BytesRECV = 0;
            }
        }
    }
}

int __cdecl main(int argc, char **argv)
{
    SOCKET Listen;
    SOCKET Accept;
    SOCKADDR_IN InternetAddr;
    DWORD Event;
    WSANETWORKEVENTS NetworkEvents;
    WSADATA wsaData;
    DWORD Ret;
    DWORD Index;
    LONG Closed = 0, Count = 48, Errors = 0, Accepted = 0;
    int Port;

    if (argc < 2) {
        printf("usage: %s <port> [count]\n", argv[0]);
        return 1;
    }
    Port = atoi(argv[1]);
    if (argc > 2)
        Count = atol(argv[2]);

    if ((Ret = WSAStartup(0x0202, &wsaData)) != 0) {
        printf("WSAStartup() failed with error %lu\n", Ret);
        return 1;
    }

    if ((Listen = socket(AF_INET, SOCK_STREAM, 0)) == INVALID_SOCKET) {
        printf("socket() failed with error %d\n", WSAGetLastError());
        return 1;
    }

    CreateSocketInformation(Listen);

    if (WSAEventSelect(Listen, EventArray[EventTotal - 1], FD_ACCEPT | FD_CLOSE)
        == SOCKET_ERROR) {
        printf("WSAEventSelect() failed with error %d\n", WSAGetLastError());
        return 1;
    }

    InternetAddr.sin_family = AF_INET;
    InternetAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    InternetAddr.sin_port = htons((u_short)Port);

    if (bind(Listen, (PSOCKADDR)&InternetAddr, sizeof(InternetAddr)) == SOCKET_ERROR) {
        printf("bind() failed with error %d\n", WSAGetLastError());
        return 1;
    }

    if (listen(Listen, SOMAXCONN)) {
        printf("listen() failed with error %d\n", WSAGetLastError());
        return 1;
    }
    printf("listening on port %d, stopping after %ld connections\n", Port, Count);
    fflush(stdout);

    while (Closed < Count) {
        // Wait for one of the sockets to receive I/O notification
        if ((Event = WSAWaitForMultipleEvents(EventTotal, EventArray, FALSE,
                                              30000, FALSE)) == WSA_WAIT_FAILED) {
            printf("WSAWaitForMultipleEvents() failed with error %d\n",
                   WSAGetLastError());
            return 1;
        }
        if (Event == WSA_WAIT_TIMEOUT) {
            printf("no network event for 30 s: %ld of %ld connections closed\n",
                   Closed, Count);
            return 1;
        }
        Index = Event - WSA_WAIT_EVENT_0;

        if (WSAEnumNetworkEvents(SocketArray[Index]->Socket, EventArray[Index],
                                 &NetworkEvents) == SOCKET_ERROR) {
            printf("WSAEnumNetworkEvents() failed with error %d\n", WSAGetLastError());
            return 1;
        }

        if (NetworkEvents.lNetworkEvents & FD_ACCEPT) {
            if (NetworkEvents.iErrorCode[FD_ACCEPT_BIT] != 0) {
                printf("FD_ACCEPT failed with error %d\n",
                       NetworkEvents.iErrorCode[FD_ACCEPT_BIT]);
                Errors++;
                break;
            }

            if ((Accept = accept(SocketArray[Index]->Socket, NULL, NULL))
                == INVALID_SOCKET) {
                if (WSAGetLastError() != WSAEWOULDBLOCK) {
                    printf("accept() failed with error %d\n", WSAGetLastError());
                    Errors++;
                    break;
                }
                continue;
            }

            if (EventTotal >= WSA_MAXIMUM_WAIT_EVENTS) {
                printf("Too many connections - closing socket...\n");
                closesocket(Accept);
                Errors++;
                continue;
            }

            CreateSocketInformation(Accept);
            Accepted++;

            if (WSAEventSelect(Accept, EventArray[EventTotal - 1],
                               FD_READ | FD_WRITE | FD_CLOSE) == SOCKET_ERROR) {
                printf("WSAEventSelect() failed with error %d\n", WSAGetLastError());
                return 1;
            }
            if (EventTotal > PeakTotal)
                PeakTotal = EventTotal;
        }

        // Try to read and write data to and from the data buffer if read
        // and write events occur
        if (NetworkEvents.lNetworkEvents & FD_READ ||
            NetworkEvents.lNetworkEvents & FD_WRITE) {
            if (NetworkEvents.lNetworkEvents & FD_READ &&
                NetworkEvents.iErrorCode[FD_READ_BIT] != 0) {
                printf("FD_READ failed with error %d\n",
                       NetworkEvents.iErrorCode[FD_READ_BIT]);
                Errors++;
                break;
            }

            if (NetworkEvents.lNetworkEvents & FD_WRITE &&
                NetworkEvents.iErrorCode[FD_WRITE_BIT] != 0) {
                printf("FD_WRITE failed with error %d\n",
                       NetworkEvents.iErrorCode[FD_WRITE_BIT]);
                Errors++;
                break;
            }

            if (!ServiceSocket(Index)) {
                Errors++;
                Closed++;
                continue;
            }
        }

        if (NetworkEvents.lNetworkEvents & FD_CLOSE) {
            if (NetworkEvents.iErrorCode[FD_CLOSE_BIT] != 0) {
                printf("FD_CLOSE failed with error %d\n",
                       NetworkEvents.iErrorCode[FD_CLOSE_BIT]);
                Errors++;
                break;
            }

            printf("Closing socket information %lu (%lu bytes echoed)\n",
                   (unsigned long)SocketArray[Index]->Socket,
                   SocketArray[Index]->TotalBytes);

            FreeSocketInformation(Index);
            Closed++;
        }
    }

    printf("%ld accepted, %ld closed, peak %lu events in one wait, %ld errors\n",
           Accepted, Closed, PeakTotal, Errors);
    while (EventTotal > 0)
        FreeSocketInformation(EventTotal - 1);
    WSACleanup();
    return (Errors == 0 && Closed == Count) ? 0 : 1;
}

BOOL CreateSocketInformation(SOCKET s)
{
    LPSOCKET_INFORMATION SI;

    if ((EventArray[EventTotal] = WSACreateEvent()) == WSA_INVALID_EVENT) {
        printf("WSACreateEvent() failed with error %d\n", WSAGetLastError());
        return FALSE;
    }

    if ((SI = (LPSOCKET_INFORMATION)GlobalAlloc(GPTR, sizeof(SOCKET_INFORMATION)))
        == NULL) {
        printf("GlobalAlloc() failed with error %lu\n", GetLastError());
        return FALSE;
    }

    // Prepare SocketInfo structure for use
    SI->Socket = s;
    SI->BytesSEND = 0;
    SI->BytesRECV = 0;
    SI->TotalBytes = 0;

    SocketArray[EventTotal] = SI;
    EventTotal++;
    return TRUE;
}

void FreeSocketInformation(DWORD Event)
{
    LPSOCKET_INFORMATION SI = SocketArray[Event];
    DWORD i;

    closesocket(SI->Socket);
    GlobalFree(SI);
    if (WSACloseEvent(EventArray[Event]) == FALSE)
        printf("WSACloseEvent() failed with error %d\n", WSAGetLastError());

    // Squash the socket and event arrays
    for (i = Event; i < EventTotal - 1; i++) {
        EventArray[i] = EventArray[i + 1];
        SocketArray[i] = SocketArray[i + 1];
    }
    EventTotal--;
}
