/* CP9: FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: no packet for a call that
 * succeeds at once; a pending one still queues its packet; the mode is
 * not removed by setting 0. */
#include <stdio.h>
#include "harness_ov.h"

static void immediate(ct *t, const char *key, SOCKET c, SOCKET s, HANDLE port,
                      OVERLAPPED *ov)
{
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;
    char k[40];

    send(c, "hello", 5, 0);
    ct_wait_readable(s, 2000);
    ct_obs_rc(t, key, WSARecv(s, &b, 1, &n, &fl, ov, NULL));
    snprintf(k, sizeof(k), "%s_packet", key);
    ct_obs_packet(t, k, port, 100, ov);
}

void sc_CP9(ct *t)
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
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "set_mode", SetFileCompletionNotificationModes(
                                   (HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
    immediate(t, "immediate_recv", c, s, port, &ov);
    ct_obs_rc(t, "pending_recv", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "pending_packet", port, 2000, &ov);
    SetFileCompletionNotificationModes((HANDLE)s, 0);
    immediate(t, "after_zero_recv", c, s, port, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
