/* CP14: closesocket with nothing pending queues no packet (row 1b). */
#include "harness_ov.h"

void sc_CP14(ct *t)
{
    SOCKET c, s;
    HANDLE port;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs_packet(t, "packet", port, 200, NULL);
    closesocket(c);
    CloseHandle(port);
}
