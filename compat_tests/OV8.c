/* OV8: a completion routine on a socket associated with a completion
 * port: WSAEINVAL; the routine is never called and no packet comes. */
#include "harness_ov.h"

static int calls;

static void CALLBACK routine(DWORD err, DWORD bytes, LPWSAOVERLAPPED ov,
                             DWORD flags)
{
    (void)err, (void)bytes, (void)ov, (void)flags;
    calls++;
}

void sc_OV8(ct *t)
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
    ct_require(t, CreateIoCompletionPort((HANDLE)s, port, 1, 0) == port,
               "associate");
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, routine));
    send(c, "hello", 5, 0);
    ct_wait_readable(s, 2000);
    ct_obs_wait(t, "sleepex", SleepEx(0, TRUE));
    ct_obs(t, "calls", "%d", calls);
    ct_obs_packet(t, "packet", port, 0, &ov);
    ct_obs_rc(t, "data_still_there", recv(s, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
