/* OV13: SO_RCVTIMEO does not apply to overlapped receives: one stays
 * pending past the timeout and completes normally. */
#include "harness_ov.h"

void sc_OV13(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0, ms = 100;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "rcvtimeo", setsockopt(s, SOL_SOCKET, SO_RCVTIMEO,
                                        (char *)&ms, sizeof(ms)));
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs_wait(t, "past_timeout", WaitForSingleObject(ov.hEvent, 400));
    ct_obs(t, "still_pending", "0x%lx", ct_ov_internal(&ov));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
