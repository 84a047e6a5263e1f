/* OV12: a zero-length overlapped receive pends until data comes, then
 * completes with 0 bytes and leaves the data queued; with data queued it
 * succeeds at once with 0; no buffers, or a NULL array: WSAEINVAL. */
#include "harness_ov.h"

void sc_OV12(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { 0, buf };
    DWORD n = 0xdeadbeef, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "zero_recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "zero_wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "zero_result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "zero_bytes", "%lu", (unsigned long)n);
    ct_obs_rc(t, "data_stays", recv(s, buf, sizeof(buf), 0));

    send(c, "world", 5, 0);
    ct_wait_readable(s, 2000);
    n = 0xdeadbeef;
    ct_obs_rc(t, "queued_zero_recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs(t, "queued_zero_bytes", "%lu", (unsigned long)n);
    ct_obs_rc(t, "queued_data_stays", recv(s, buf, sizeof(buf), 0));

    ct_obs_rc(t, "no_buffers", WSARecv(s, &b, 0, &n, &fl, &ov, NULL));
    ct_obs_rc(t, "null_buffers", WSARecv(s, NULL, 1, &n, &fl, &ov, NULL));
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
