/* OV10: several pending receives and one send: they complete in issue
 * order (the first gets bytes 0-15, the second 16-31); with a completion
 * port the packets come in the same order (CP25). */
#include <stdio.h>
#include "harness_ov.h"

#define DATA "0123456789abcdefghijklmnopqrstuv"

static void two(ct *t, const char *what, HANDLE port)
{
    SOCKET c, s;
    OVERLAPPED o1, o2;
    char b1[16], b2[16], k[32];
    WSABUF w1 = { 16, b1 }, w2 = { 16, b2 };
    DWORD n = 0, fl = 0;

    ct_tcp_pair(t, &c, &s);
    if (port)
        ct_require(t, CreateIoCompletionPort((HANDLE)s, port, 7, 0) == port,
                   "associate");
    ct_ov_init(t, &o1);
    ct_ov_init(t, &o2);
    snprintf(k, sizeof(k), "%s_recv1", what);
    ct_obs_rc(t, k, WSARecv(s, &w1, 1, &n, &fl, &o1, NULL));
    snprintf(k, sizeof(k), "%s_recv2", what);
    ct_obs_rc(t, k, WSARecv(s, &w2, 1, &n, &fl, &o2, NULL));
    send(c, DATA, 32, 0);
    if (port) {
        ct_obs_packet(t, "port_packet1", port, 2000, &o1);
        ct_obs_packet(t, "port_packet2", port, 2000, &o2);
    }
    WaitForSingleObject(o1.hEvent, 2000);
    WaitForSingleObject(o2.hEvent, 2000);
    snprintf(k, sizeof(k), "%s_first", what);
    ct_obs(t, k, "%lu %.16s", (unsigned long)o1.InternalHigh, b1);
    snprintf(k, sizeof(k), "%s_second", what);
    ct_obs(t, k, "%lu %.16s", (unsigned long)o2.InternalHigh, b2);
    closesocket(c);
    closesocket(s);
    CloseHandle(o1.hEvent);
    CloseHandle(o2.hEvent);
}

void sc_OV10(ct *t)
{
    HANDLE port;

    ct_startup(t);
    two(t, "event", NULL);
    port = ct_port(t);
    two(t, "port", port);
    CloseHandle(port);
}
