/* OP4: IP_DONTFRAGMENT, a BOOL: off by default on UDP and raw sockets, on
 * for TCP; read back as set, any non-zero value as 1; the same number at
 * IPPROTO_IPV6 (IPV6_DONTFRAG).  IP_HDRINCL on TCP and UDP: WSAEINVAL,
 * the buffer untouched. */
#include <stdio.h>
#include "harness.h"

static DWORD get(SOCKET s, int level)
{
    DWORD v = 0xdead;
    int len = sizeof(v);

    if (getsockopt(s, level, IP_DONTFRAGMENT, (char *)&v, &len))
        return 0xffffffffu;
    return v;
}

/* Record get(s) under PREFIX_NAME. */
static void obs_get(ct *t, SOCKET s, int level, const char *p,
                    const char *name)
{
    char key[48];

    snprintf(key, sizeof(key), "%s_%s", p, name);
    ct_obs(t, key, "%lu", (unsigned long)get(s, level));
}

/* Record setsockopt(v) under PREFIX_NAME. */
static void obs_set(ct *t, SOCKET s, int level, DWORD v, const char *p,
                    const char *name)
{
    char key[48];

    snprintf(key, sizeof(key), "%s_%s", p, name);
    ct_obs_rc(t, key, setsockopt(s, level, IP_DONTFRAGMENT, (char *)&v, 4));
}

static void family(ct *t, int af, int level, const char *p)
{
    SOCKET u = socket(af, SOCK_DGRAM, 0), s = socket(af, SOCK_STREAM, 0);
    DWORD v = 0xdead;

    ct_require(t, u != INVALID_SOCKET && s != INVALID_SOCKET, "sockets");
    obs_get(t, u, level, p, "udp_default");
    obs_set(t, u, level, 1, p, "udp_set1");
    obs_get(t, u, level, p, "udp_get");
    setsockopt(u, level, IP_DONTFRAGMENT, (char *)&v, 4);
    obs_get(t, u, level, p, "udp_get_dead");
    obs_get(t, s, level, p, "tcp_default");
    obs_set(t, s, level, 0, p, "tcp_set0");
    obs_get(t, s, level, p, "tcp_get");
    closesocket(u);
    closesocket(s);
}

void sc_OP4(ct *t)
{
    SOCKET s;
    int k = 1, len = sizeof(k);

    ct_startup(t);
    family(t, AF_INET, IPPROTO_IP, "ip");
    family(t, AF_INET6, IPPROTO_IPV6, "ipv6");
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_require(t, s != INVALID_SOCKET, "udp");
    ct_obs_rc(t, "hdrincl_udp_set",
              setsockopt(s, IPPROTO_IP, IP_HDRINCL, (char *)&k, sizeof(k)));
    k = 99;
    ct_obs_rc(t, "hdrincl_udp_get",
              getsockopt(s, IPPROTO_IP, IP_HDRINCL, (char *)&k, &len));
    ct_obs(t, "hdrincl_udp_buffer", "%d", k);
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "tcp");
    k = 1;
    ct_obs_rc(t, "hdrincl_tcp_set",
              setsockopt(s, IPPROTO_IP, IP_HDRINCL, (char *)&k, sizeof(k)));
    closesocket(s);
}
