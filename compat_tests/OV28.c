/* OV28: a scatter receive fills its buffers in order: "dead", "beefs";
 * plain and overlapped. */
#include "harness_ov.h"

void sc_OV28(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char b1[4], b2[5];
    WSABUF w[2] = { { 4, b1 }, { 5, b2 } };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    send(c, "deadbeefs", 9, 0);
    ct_wait_readable(s, 2000);
    ct_obs_rc(t, "recv", WSARecv(s, w, 2, &n, &fl, NULL, NULL));
    ct_obs(t, "recv_data", "%lu %.4s %.5s", (unsigned long)n, b1, b2);

    ct_ov_init(t, &ov);
    ct_obs_rc(t, "overlapped", WSARecv(s, w, 2, &n, &fl, &ov, NULL));
    send(c, "DEADBEEFS", 9, 0);
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs(t, "overlapped_data", "%lu %.4s %.5s",
           (unsigned long)ov.InternalHigh, b1, b2);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
