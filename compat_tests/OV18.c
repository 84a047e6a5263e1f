/* OV18: an AcceptEx pending when its listener or its accept socket is
 * closed ends with ERROR_OPERATION_ABORTED (995), Internal
 * STATUS_CANCELLED (rows 2i, OV18). */
#include <stdio.h>
#include "harness_ov.h"

#define ROOM (sizeof(struct sockaddr_in) + 16)

static void pending_accept(ct *t, const char *what, int close_listener)
{
    static char buf[2 * ROOM];
    unsigned short port;
    SOCKET l = ct_listener(t, &port);
    SOCKET a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    OVERLAPPED ov;
    DWORD n = 0;
    char k[40];

    ct_ov_init(t, &ov);
    snprintf(k, sizeof(k), "%s_acceptex", what);
    ct_obs_bool(t, k, ct_acceptex(t, l)(l, a, buf, 0, ROOM, ROOM, &n, &ov));
    snprintf(k, sizeof(k), "%s_close", what);
    ct_obs_rc(t, k, closesocket(close_listener ? l : a));
    snprintf(k, sizeof(k), "%s_wait", what);
    ct_obs_wait(t, k, WaitForSingleObject(ov.hEvent, 2000));
    snprintf(k, sizeof(k), "%s_ov", what);
    ct_obs_ov(t, k, &ov);
    snprintf(k, sizeof(k), "%s_result", what);
    ct_obs_bool(t, k, GetOverlappedResult((HANDLE)l, &ov, &n, FALSE));
    closesocket(close_listener ? a : l);
    CloseHandle(ov.hEvent);
}

void sc_OV18(ct *t)
{
    ct_startup(t);
    pending_accept(t, "listener", 1);
    pending_accept(t, "acceptor", 0);
}
