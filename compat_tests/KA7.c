/* KA7: SIO_IDEAL_SEND_BACKLOG_QUERY: unconnected WSAENOTCONN; a
 * connected loopback TCP socket 0x10000; UDP WSAEOPNOTSUPP (row KA7). */
#include "mx.h"

/* SIO_IDEAL_SEND_BACKLOG_QUERY, _IOR('t', 123, ULONG); not in every
 * mingw-w64's headers. */
static const DWORD backlog_query = 0x4004747B;

static void query(ct *t, const char *key, SOCKET s)
{
    ULONG v = 0;
    DWORD n = 0;
    int rc = WSAIoctl(s, backlog_query, NULL, 0, &v, sizeof(v), &n, NULL,
                      NULL);

    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "0 value %#lx", (unsigned long)v);
}

void sc_KA7(ct *t)
{
    SOCKET s, c, srv, u;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    query(t, "unconnected", s);
    ct_tcp_pair(t, &c, &srv);
    query(t, "connected", c);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    query(t, "udp", u);
    closesocket(u);
    closesocket(c);
    closesocket(srv);
    closesocket(s);
}
