/* CP15: an AcceptEx issued before its listener was tied to a port still
 * reports its cancellation there: FALSE/995 with the key. */
#include "harness_ov.h"

#define ROOM (sizeof(struct sockaddr_in) + 16)

void sc_CP15(ct *t)
{
    static char buf[2 * ROOM];
    unsigned short p;
    SOCKET l, a;
    HANDLE port;
    OVERLAPPED ov;
    DWORD n = 0;

    ct_startup(t);
    l = ct_listener(t, &p);
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    port = ct_port(t);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "acceptex", ct_acceptex(t, l)(l, a, buf, 0, ROOM, ROOM, &n, &ov));
    ct_obs(t, "associate", "%s",
           CreateIoCompletionPort((HANDLE)l, port, 9, 0) == port ? "port" : "NULL");
    ct_obs_rc(t, "close", closesocket(l));
    ct_obs_packet(t, "packet", port, 2000, &ov);
    closesocket(a);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
