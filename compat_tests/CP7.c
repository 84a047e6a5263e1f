/* CP7: a receive after the peer's FIN returns 0 with 0 bytes and queues
 * a 0-byte packet. */
#include "harness_ov.h"

void sc_CP7(ct *t)
{
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0xdeadbeef, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    shutdown(c, SD_SEND);
    ct_wait_readable(s, 2000);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    ct_obs(t, "count", "%lu", (unsigned long)n);
    ct_obs_packet(t, "packet", port, 2000, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
