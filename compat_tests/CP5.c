/* CP5: a WSARecv or WSASend that succeeds at once still queues a packet. */
#include "harness_ov.h"

void sc_CP5(ct *t)
{
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf }, w = { 3, (char *)"abc" };
    DWORD n = 0, fl = 0;
    int rc;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    send(c, "hello", 5, 0);
    ct_wait_readable(s, 2000);
    ct_ov_init(t, &ov);
    rc = WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    ct_obs(t, "recv", "%s", rc == 0 || WSAGetLastError() == WSA_IO_PENDING
                                ? "0 or WSA_IO_PENDING" : "other");
    ct_obs_packet(t, "recv_packet", port, 2000, &ov);
    ct_obs_rc(t, "send", WSASend(s, &w, 1, &n, 0, &ov, NULL));
    ct_obs(t, "send_count", "%lu", (unsigned long)n);
    ct_obs_packet(t, "send_packet", port, 2000, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
