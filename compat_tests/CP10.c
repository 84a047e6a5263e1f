/* CP10: FILE_SKIP_SET_EVENT_ON_HANDLE: a completion no longer signals the
 * socket handle; an explicit hEvent is still set. */
#include <string.h>
#include "harness_ov.h"

void sc_CP10(ct *t)
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
    ct_obs_bool(t, "set_mode", SetFileCompletionNotificationModes(
                                   (HANDLE)s, FILE_SKIP_SET_EVENT_ON_HANDLE));
    memset(&ov, 0, sizeof(ov));
    ct_obs_rc(t, "recv_no_event", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "packet_no_event", port, 2000, &ov);
    ct_obs_wait(t, "socket_handle", WaitForSingleObject((HANDLE)s, 0));
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv_event", WSARecv(s, &b, 1, &n, &fl, &ov, NULL));
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "packet_event", port, 2000, &ov);
    ct_obs_wait(t, "explicit_event", WaitForSingleObject(ov.hEvent, 0));
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
