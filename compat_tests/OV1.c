/* OV1: an overlapped WSARecv or WSASend that cannot complete now:
 * SOCKET_ERROR with WSA_IO_PENDING (997), the byte count untouched,
 * Internal STATUS_PENDING, InternalHigh, Offset and OffsetHigh untouched;
 * then the completion (Internal 0, InternalHigh the bytes). */
#include <string.h>
#include "harness_ov.h"

void sc_OV1(ct *t)
{
    static char big[65536];
    SOCKET c, s;
    OVERLAPPED ov, ov2;
    char buf[16];
    WSABUF b = { sizeof(buf), buf }, w = { sizeof(big), big };
    DWORD n = 0xdeadbeef, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ov.Offset = 0x11, ov.OffsetHigh = 0x22, ov.InternalHigh = 0x33;
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs(t, "recv_count", "%lx", (unsigned long)n);
    ct_obs_ov(t, "recv_pending", &ov);
    ct_obs_rc(t, "send", send(c, "hello", 5, 0));
    ct_obs_wait(t, "recv_wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_ov(t, "recv_done", &ov);
    ct_obs(t, "recv_offsets", "%lx %lx", (unsigned long)ov.Offset,
           (unsigned long)ov.OffsetHigh);
    ct_obs(t, "recv_data", "%.5s", buf);

    /* A send on full buffers. */
    ct_fill(t, c);
    ct_ov_init(t, &ov2);
    n = 0xdeadbeef;
    ct_obs_rc(t, "wsasend", WSASend(c, &w, 1, &n, 0, &ov2, NULL));
    ct_obs(t, "wsasend_count", "%lx", (unsigned long)n);
    ct_obs(t, "wsasend_internal", "0x%lx", ct_ov_internal(&ov2));
    closesocket(s);
    closesocket(c);
    WaitForSingleObject(ov2.hEvent, 2000);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
