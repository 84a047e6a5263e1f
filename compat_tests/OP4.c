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

static void family(ct *t, int af, int level, const char *p)
{
    char key[48];
    SOCKET u = socket(af, SOCK_DGRAM, 0), s = socket(af, SOCK_STREAM, 0);
    DWORD v;

    ct_require(t, u != INVALID_SOCKET && s != INVALID_SOCKET, "sockets");
    snprintf(key, sizeof(key), "%s_udp_default", p);
    ct_obs(t, key, "%lu", (unsigned long)get(u, level));
    v = 1;
    snprintf(key, sizeof(key), "%s_udp_set1", p);
    ct_obs_rc(t, key, setsockopt(u, level, IP_DONTFRAGMENT, (char *)&v, 4));
    snprintf(key, sizeof(key), "%s_udp_get", p);
    ct_obs(t, key, "%lu", (unsigned long)get(u, level));
    v = 0xdead;
    setsockopt(u, level, IP_DONTFRAGMENT, (char *)&v, 4);
    snprintf(key, sizeof(key), "%s_udp_get_dead", p);
    ct_obs(t, key, "%lu", (unsigned long)get(u, level));
    snprintf(key, sizeof(key), "%s_tcp_default", p);
    ct_obs(t, key, "%lu", (unsigned long)get(s, level));
    v = 0;
    snprintf(key, sizeof(key), "%s_tcp_set0", p);
    ct_obs_rc(t, key, setsockopt(s, level, IP_DONTFRAGMENT, (char *)&v, 4));
    snprintf(key, sizeof(key), "%s_tcp_get", p);
    ct_obs(t, key, "%lu", (unsigned long)get(s, level));
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
