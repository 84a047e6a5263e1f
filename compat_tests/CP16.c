/* CP16: an AcceptEx completes to the listener's port and key (125), not
 * to the accept socket's association (236). */
#include "harness_ov.h"

#define ROOM (sizeof(struct sockaddr_in) + 16)

void sc_CP16(ct *t)
{
    static char buf[2 * ROOM];
    unsigned short p;
    SOCKET l, a, c;
    HANDLE port;
    OVERLAPPED ov;
    DWORD n = 0;
    struct sockaddr_in to;

    ct_startup(t);
    l = ct_listener(t, &p);
    to = ct_loopback(p);
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)l, port, 125, 0);
    CreateIoCompletionPort((HANDLE)a, port, 236, 0);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "acceptex", ct_acceptex(t, l)(l, a, buf, 0, ROOM, ROOM, &n, &ov));
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&to, sizeof(to)));
    ct_obs_packet(t, "packet", port, 2000, &ov);
    ct_obs_packet(t, "no_more", port, 100, &ov);
    closesocket(c);
    closesocket(a);
    closesocket(l);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
