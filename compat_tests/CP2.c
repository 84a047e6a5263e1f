/* CP2: a completed receive's packet: TRUE, the bytes, the key, the
 * caller's OVERLAPPED (Internal 0, InternalHigh the bytes); a successful
 * GetQueuedCompletionStatus leaves the last error alone. */
#include "harness_ov.h"

void sc_CP2(ct *t)
{
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    ct_require(t, CreateIoCompletionPort((HANDLE)s, port, 42, 0) == port,
               "associate");
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "packet", port, 2000, &ov);
    ct_obs_ov(t, "ov", &ov);
    ct_obs(t, "data", "%.5s", buf);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
