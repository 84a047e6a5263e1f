/* OV4: hEvent NULL: the completion signals the socket handle itself. */
#include <string.h>
#include "harness_ov.h"

void sc_OV4(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    memset(&ov, 0, sizeof(ov));
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "wait_socket", WaitForSingleObject((HANDLE)s, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    closesocket(c);
    closesocket(s);
}
