/* CP1: CreateIoCompletionPort(INVALID_HANDLE_VALUE) makes a port;
 * associating a socket returns that port; a socket belongs to one port
 * (a second one: NULL, ERROR_INVALID_PARAMETER); packets carry the key
 * of the association. */
#include "harness_ov.h"

void sc_CP1(ct *t)
{
    SOCKET c, s;
    HANDLE port, port2, r;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    ct_obs(t, "create", "%s", port ? "port" : "NULL");
    r = CreateIoCompletionPort((HANDLE)s, port, 5, 0);
    ct_obs(t, "associate", "%s", r == port ? "same port" : r ? "other" : "NULL");
    port2 = ct_port(t);
    SetLastError(0);
    r = CreateIoCompletionPort((HANDLE)s, port2, 6, 0);
    if (r)
        ct_obs(t, "second_port", "%s", r == port2 ? "port2" : "other");
    else
        ct_obs(t, "second_port", "NULL/%lu", (unsigned long)GetLastError());
    ct_ov_init(t, &ov);
    WSARecv(s, &b, 1, &n, &fl, &ov, NULL);
    send(c, "hello", 5, 0);
    ct_obs_packet(t, "packet", port, 2000, &ov);
    ct_obs_packet(t, "port2_packet", port2, 0, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(port2);
    CloseHandle(ov.hEvent);
}
