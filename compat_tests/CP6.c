/* CP6: calls that fail at once queue nothing: WSARecv/WSASend unconnected
 * (WSAENOTCONN), after shutdown (WSAESHUTDOWN), after the peer's RST
 * (WSAECONNRESET). */
#include "harness_ov.h"

void sc_CP6(ct *t)
{
    ct_peer *p;
    SOCKET u, c, s, r;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    port = ct_port(t);
    ct_ov_init(t, &ov);
    u = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CreateIoCompletionPort((HANDLE)u, port, 1, 0);
    ct_obs_rc(t, "recv_unconnected", WSARecv(u, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_rc(t, "send_unconnected", WSASend(u, &b, 1, &n, 0, &ov, NULL));
    ct_tcp_pair(t, &c, &s);
    CreateIoCompletionPort((HANDLE)s, port, 2, 0);
    shutdown(s, SD_BOTH);
    ct_obs_rc(t, "recv_shutdown", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_rc(t, "send_shutdown", WSASend(s, &b, 1, &n, 0, &ov, NULL));
    r = ct_plain_pair(t, &p);
    CreateIoCompletionPort((HANDLE)r, port, 3, 0);
    ct_peer_abort(p);
    ct_wait_readable(r, 2000);
    ct_obs_rc(t, "recv_reset", WSARecv(r, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_packet(t, "packet", port, 100, &ov);
    closesocket(u);
    closesocket(c);
    closesocket(s);
    closesocket(r);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
