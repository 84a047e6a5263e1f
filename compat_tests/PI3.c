/* PI3: WSADuplicateSocket in the same process: the info is the socket's
 * entry, WSASocket(FROM_PROTOCOL_INFO...) gives a second handle of the
 * same socket (data both ways, still open after the first is closed);
 * invalid socket WSAENOTSOCK, NULL info WSAEFAULT, a process that does
 * not exist WSAEINVAL. */
#include <string.h>
#include "harness.h"

void sc_PI3(ct *t)
{
    WSAPROTOCOL_INFOA info;
    WSAPROTOCOL_INFOW winfo;
    SOCKET c, s, d, d2;
    char buf[8];
    int rc;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "invalid", WSADuplicateSocketA(INVALID_SOCKET,
                                                GetCurrentProcessId(), &info));
    ct_obs_rc(t, "null_info", WSADuplicateSocketA(c, GetCurrentProcessId(),
                                                  NULL));
    ct_obs_rc(t, "bad_pid", WSADuplicateSocketA(c, 0xdeadbeef, &info));
    memset(&info, 0, sizeof(info));
    rc = WSADuplicateSocketA(c, GetCurrentProcessId(), &info);
    ct_obs_rc(t, "duplicate", rc);
    ct_obs(t, "info", "%d %d %d %s", info.iAddressFamily == AF_INET,
           info.iSocketType, info.iProtocol, info.szProtocol);
    d = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                   &info, 0, WSA_FLAG_OVERLAPPED);
    ct_obs_sock(t, "socket", d);
    ct_obs(t, "other_handle", "%s", d != c ? "yes" : "no");
    ct_obs_rc(t, "send_dup", send(d, "ab", 2, 0));
    ct_obs_rc(t, "recv_peer", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "close_first", closesocket(c));
    ct_obs_rc(t, "send_after_close", send(d, "c", 1, 0));
    ct_obs_rc(t, "recv_after_close", recv(s, buf, sizeof(buf), 0));

    memset(&winfo, 0, sizeof(winfo));
    ct_obs_rc(t, "duplicate_wide", WSADuplicateSocketW(d, GetCurrentProcessId(),
                                                       &winfo));
    d2 = WSASocketW(0, 0, 0, &winfo, 0, 0);
    ct_obs_sock(t, "socket_wide", d2);
    ct_obs_rc(t, "send_wide", send(d2, "d", 1, 0));
    ct_obs_rc(t, "recv_wide", recv(s, buf, sizeof(buf), 0));
    closesocket(d2);
    closesocket(d);
    closesocket(s);
}
