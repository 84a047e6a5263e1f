/* OV17: closesocket in the same process ends a pending receive with
 * ERROR_CONNECTION_ABORTED (1236), Internal STATUS_CONNECTION_ABORTED,
 * 0 bytes (rows 1a, OV19: not the 995 closesocket's documentation
 * says). */
#include "harness_ov.h"

void sc_OV17(ct *t)
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
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_ov(t, "ov", &ov);
    ct_obs_bool(t, "result", GetOverlappedResult((HANDLE)s, &ov, &n, FALSE));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    closesocket(c);
    CloseHandle(ov.hEvent);
}
