/* OP7: BOOL options Windows keeps on the socket and reads back:
 * SO_CONDITIONAL_ACCEPT (0 by default), SO_RANDOMIZE_PORT,
 * SO_PORT_SCALABILITY; TCP_MAXRT in seconds; TCP_FASTOPEN.  On Linux
 * they are kept by wscompat (README, limits). */
#include <stdio.h>
#include "harness.h"
#include "optnames.h"

static void round_trip(ct *t, SOCKET s, int level, int name, DWORD set,
                       const char *key)
{
    char k[48];
    DWORD v = set;
    int len = sizeof(v);

    snprintf(k, sizeof(k), "%s_set", key);
    ct_obs_rc(t, k, setsockopt(s, level, name, (char *)&v, sizeof(v)));
    v = 0xdeadbeef;
    snprintf(k, sizeof(k), "%s_get", key);
    if (getsockopt(s, level, name, (char *)&v, &len))
        ct_obs(t, k, "SOCKET_ERROR/%s", ct_wsa_name(WSAGetLastError()));
    else
        ct_obs(t, k, "%lu", (unsigned long)v);
}

void sc_OP7(ct *t)
{
    SOCKET s;
    DWORD v = 0xdeadbeef;
    int len = sizeof(v);

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_obs_rc(t, "cond_accept_default",
              getsockopt(s, SOL_SOCKET, SO_CONDITIONAL_ACCEPT, (char *)&v,
                         &len));
    ct_obs(t, "cond_accept_default_value", "%lu", (unsigned long)v);
    round_trip(t, s, SOL_SOCKET, SO_CONDITIONAL_ACCEPT, 1, "cond_accept");
    round_trip(t, s, SOL_SOCKET, SO_RANDOMIZE_PORT, 1, "randomize_port");
    round_trip(t, s, IPPROTO_TCP, TCP_MAXRT, 5, "maxrt");
    round_trip(t, s, IPPROTO_TCP, TCP_FASTOPEN, 1, "fastopen");
    closesocket(s);
}
