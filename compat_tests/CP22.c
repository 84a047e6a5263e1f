/* CP22: an AcceptEx belongs to its listener: CancelIo on the accept socket
 * cancels nothing; CancelIo on the listener cancels it (995). */
#include "harness_ov.h"

#define ROOM (sizeof(struct sockaddr_in) + 16)

void sc_CP22(ct *t)
{
    static char buf[2 * ROOM];
    unsigned short p;
    SOCKET l, a;
    OVERLAPPED ov;
    DWORD n = 0;

    ct_startup(t);
    l = ct_listener(t, &p);
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "acceptex", ct_acceptex(t, l)(l, a, buf, 0, ROOM, ROOM, &n, &ov));
    ct_obs_bool(t, "cancel_acceptor", CancelIo((HANDLE)a));
    ct_obs_wait(t, "after_acceptor", WaitForSingleObject(ov.hEvent, 200));
    ct_obs_bool(t, "cancel_listener", CancelIo((HANDLE)l));
    ct_obs_wait(t, "after_listener", WaitForSingleObject(ov.hEvent, 2000));
    ct_obs_ov(t, "ov", &ov);
    ct_obs_bool(t, "result", GetOverlappedResult((HANDLE)l, &ov, &n, FALSE));
    closesocket(a);
    closesocket(l);
    CloseHandle(ov.hEvent);
}
