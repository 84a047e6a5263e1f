/* OV14: shutdown(SD_RECEIVE) does not cancel a pending receive, which
 * completes with the data that comes; a new receive fails WSAESHUTDOWN at
 * once. */
#include "harness_ov.h"

void sc_OV14(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov, ov2;
    char buf[16], buf2[16];
    WSABUF b = { sizeof(buf), buf }, b2 = { sizeof(buf2), buf2 };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ct_ov_init(t, &ov2);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_rc(t, "shutdown", shutdown(s, SD_RECEIVE));
    ct_obs_wait(t, "after_shutdown", WaitForSingleObject(ov.hEvent, 200));
    ct_obs_rc(t, "new_recv", WSARecv(s, &b2, 1, &n, &fl, &ov2, NULL));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "data", "%lu %.5s", (unsigned long)n, buf);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
