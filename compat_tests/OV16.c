/* OV16: the peer's RST ends a pending receive: GetOverlappedResult FALSE
 * with ERROR_NETNAME_DELETED (64), Internal STATUS_CONNECTION_RESET, 0
 * bytes; SO_ERROR stays 0; a new WSARecv fails WSAECONNRESET at once. */
#include "harness_ov.h"

void sc_OV16(ct *t)
{
    ct_peer *p;
    SOCKET s;
    OVERLAPPED ov, ov2;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0xdeadbeef, fl = 0;
    int err = -1, len = sizeof(err);

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_ov_init(t, &ov);
    ct_ov_init(t, &ov2);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_peer_abort(p);
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", GetOverlappedResult((HANDLE)s, &ov, &n, FALSE));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    ct_obs_ov(t, "ov", &ov);
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "so_error", "%d", err);
    ct_obs_rc(t, "new_recv", WSARecv(s, &b, 1, &n, &fl, &ov2, NULL));
    closesocket(s);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
