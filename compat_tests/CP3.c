/* CP3: a failed operation's packet: FALSE with the OVERLAPPED, the key
 * and 0 bytes, GetLastError the Win32 code: ERROR_NETNAME_DELETED after
 * the peer's RST, ERROR_OPERATION_ABORTED when cancelled,
 * ERROR_CONNECTION_ABORTED after our own closesocket. */
#include "harness_ov.h"

void sc_CP3(ct *t)
{
    ct_peer *p;
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    port = ct_port(t);
    ct_ov_init(t, &ov);

    s = ct_plain_pair(t, &p);
    CreateIoCompletionPort((HANDLE)s, port, 3, 0);
    WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    ct_peer_abort(p);
    ct_obs_packet(t, "reset", port, 2000, &ov);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    CreateIoCompletionPort((HANDLE)s, port, 4, 0);
    WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    ct_obs_bool(t, "cancel", CancelIoEx((HANDLE)s, &ov));
    ct_obs_packet(t, "cancelled", port, 2000, &ov);
    closesocket(c);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    CreateIoCompletionPort((HANDLE)s, port, 5, 0);
    WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    closesocket(s);
    ct_obs_packet(t, "local_close", port, 2000, &ov);
    closesocket(c);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
