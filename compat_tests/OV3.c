/* OV3: an overlapped receive with data already queued: 0 at once (or,
 * not reliably, pending); the event is signalled either way and the
 * result gives the size. */
#include "harness_ov.h"

void sc_OV3(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;
    int rc;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    send(c, "hello", 5, 0);
    ct_wait_readable(s, 2000);
    ct_ov_init(t, &ov);
    rc = WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    ct_obs(t, "recv", "%s", rc == 0 || WSAGetLastError() == WSA_IO_PENDING
                                ? "0 or WSA_IO_PENDING" : "other");
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", GetOverlappedResult((HANDLE)s, &ov, &n, FALSE));
    ct_obs(t, "bytes", "%lu %.5s", (unsigned long)n, buf);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
