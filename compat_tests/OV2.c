/* OV2: FIONBIO does not apply to overlapped calls: WSA_IO_PENDING, where
 * the same socket's plain recv fails WSAEWOULDBLOCK. */
#include "harness_ov.h"

void sc_OV2(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;
    u_long on = 1;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "fionbio", ioctlsocket(s, FIONBIO, &on));
    ct_obs_rc(t, "plain_recv", recv(s, buf, sizeof(buf), 0));
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "overlapped_recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "wait", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
