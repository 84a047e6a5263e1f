/* CP8: a zero-byte receive as a readiness probe on a port: it pends, the
 * data's arrival gives a 0-byte packet, and the data stays queued. */
#include "harness_ov.h"

void sc_CP8(ct *t)
{
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { 0, buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "probe", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "packet", port, 2000, &ov);
    ct_obs_rc(t, "then_recv", recv(s, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
