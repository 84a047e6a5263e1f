/* OV15: the peer's FIN completes a pending receive successfully with 0
 * bytes. */
#include "harness_ov.h"

void sc_OV15(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0xdeadbeef, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_rc(t, "peer_shutdown", shutdown(c, SD_SEND));
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    ct_obs_ov(t, "ov", &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
