/* OP5: read-only answers: SO_MAX_MSG_SIZE on UDP 65507; SO_CONNECT_TIME
 * ~0 (0xFFFFFFFF) before the connection and on UDP, seconds once
 * connected (0 right after connecting), on both ends. */
#include "harness.h"
#include "optnames.h"

static DWORD conn_time(SOCKET s, int *rc)
{
    DWORD v = 0x12345678;
    int len = sizeof(v);

    *rc = getsockopt(s, SOL_SOCKET, SO_CONNECT_TIME, (char *)&v, &len);
    return v;
}

void sc_OP5(ct *t)
{
    SOCKET u, s, c, a;
    DWORD v = 0;
    int len = sizeof(v), rc;

    ct_startup(t);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_require(t, u != INVALID_SOCKET, "udp");
    ct_obs_rc(t, "udp_max_msg_size",
              getsockopt(u, SOL_SOCKET, SO_MAX_MSG_SIZE, (char *)&v, &len));
    ct_obs(t, "udp_max_msg_size_value", "%lu,%d", (unsigned long)v, len);
    v = conn_time(u, &rc);
    ct_obs(t, "udp_connect_time", "%d,%#lx", rc, (unsigned long)v);
    closesocket(u);

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "tcp");
    v = conn_time(s, &rc);
    ct_obs(t, "unconnected_connect_time", "%d,%#lx", rc, (unsigned long)v);
    closesocket(s);

    ct_tcp_pair(t, &c, &a);
    v = conn_time(c, &rc);
    ct_obs(t, "client_connect_time", "%d,%s", rc, v < 60 ? "<60" : "big");
    v = conn_time(a, &rc);
    ct_obs(t, "server_connect_time", "%d,%s", rc, v < 60 ? "<60" : "big");
    closesocket(c);
    closesocket(a);
}
