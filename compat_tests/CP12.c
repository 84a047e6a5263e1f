/* CP12: hEvent with its low bit set: no packet on the port, the event is
 * still signalled and GetOverlappedResult works. */
#include "harness_ov.h"

void sc_CP12(ct *t)
{
    SOCKET c, s;
    HANDLE port, ev;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ev = ov.hEvent;
    ov.hEvent = (HANDLE)((ULONG_PTR)ev | 1);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "event", WaitForSingleObject(ev, 2000));
    ct_obs_bool(t, "result", GetOverlappedResult((HANDLE)s, &ov, &n, FALSE));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    ct_obs_packet(t, "packet", port, 100, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ev);
}
