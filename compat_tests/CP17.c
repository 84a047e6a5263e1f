/* CP17: a listener duplicated in the process (WSADuplicateSocket, then
 * WSASocket from the protocol info): closing one of the two handles
 * cancels nothing; an AcceptEx pending on the duplicate ends with
 * ERROR_OPERATION_ABORTED when the last handle goes. */
#include "harness_ov.h"

#define ROOM (sizeof(struct sockaddr_in) + 16)

void sc_CP17(ct *t)
{
    static char buf[2 * ROOM];
    unsigned short p;
    SOCKET l, d, a;
    WSAPROTOCOL_INFOA info;
    HANDLE port;
    OVERLAPPED ov;
    DWORD n = 0;

    ct_startup(t);
    l = ct_listener(t, &p);
    ct_require(t, WSADuplicateSocketA(l, GetCurrentProcessId(), &info) == 0,
               "WSADuplicateSocket");
    d = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                   &info, 0, WSA_FLAG_OVERLAPPED);
    ct_require(t, d != INVALID_SOCKET, "WSASocket from the info");
    port = ct_port(t);
    ct_require(t, CreateIoCompletionPort((HANDLE)d, port, 125, 0) == port,
               "association");
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "acceptex",
                ct_acceptex(t, d)(d, a, buf, 0, ROOM, ROOM, &n, &ov));
    ct_obs_rc(t, "close_source", closesocket(l));
    ct_obs_packet(t, "after_one_close", port, 200, &ov);
    ct_obs_rc(t, "close_last", closesocket(d));
    ct_obs_packet(t, "after_last_close", port, 2000, &ov);
    closesocket(a);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
