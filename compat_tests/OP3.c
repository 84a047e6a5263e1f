/* OP3: values read back as set: SO_SNDBUF/SO_RCVBUF as the program set
 * them (Linux would double them), 0 too; TCP_NODELAY and IPV6_V6ONLY
 * answered in one byte, TCP_NODELAY read from the first byte only;
 * TCP_KEEPALIVE in seconds; the keep-alive count and interval. */
#include <stdio.h>
#include "harness.h"
#include "optnames.h"

static void buf(ct *t, SOCKET s, int name, DWORD set, const char *key)
{
    DWORD v = set;
    int len = sizeof(v);

    ct_require(t, setsockopt(s, SOL_SOCKET, name, (char *)&v, sizeof(v)) == 0,
               "set buffer");
    v = 0xdeadbeef;
    ct_require(t, getsockopt(s, SOL_SOCKET, name, (char *)&v, &len) == 0,
               "get buffer");
    ct_obs(t, key, "%lu,%d", (unsigned long)v, len);
}

/* An IPPROTO_TCP DWORD set to val and read back: KEY_set, KEY_get. */
static void tcp_dword(ct *t, SOCKET s, int name, DWORD val, const char *key)
{
    char k[48];
    DWORD v = val;
    int len = sizeof(v);

    snprintf(k, sizeof(k), "%s_set", key);
    ct_obs_rc(t, k, setsockopt(s, IPPROTO_TCP, name, (char *)&v, 4));
    v = 0;
    getsockopt(s, IPPROTO_TCP, name, (char *)&v, &len);
    snprintf(k, sizeof(k), "%s_get", key);
    ct_obs(t, k, "%lu", (unsigned long)v);
}

void sc_OP3(ct *t)
{
    SOCKET s, s6;
    DWORD v;
    int len;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "socket");
    buf(t, s, SO_SNDBUF, 4096, "sndbuf_4096");
    buf(t, s, SO_RCVBUF, 4096, "rcvbuf_4096");
    buf(t, s, SO_SNDBUF, 5000, "sndbuf_5000");
    buf(t, s, SO_RCVBUF, 5000, "rcvbuf_5000");
    buf(t, s, SO_RCVBUF, 0, "rcvbuf_0");

    v = 1;
    ct_obs_rc(t, "nodelay_set_len1",
              setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, 1));
    v = 0xff;
    len = sizeof(v);
    getsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, &len);
    ct_obs(t, "nodelay_get", "%#lx,%d", (unsigned long)v, len);
    v = 1;
    ct_obs_rc(t, "nodelay_set_len42",
              setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, 42));
    v = 0x100;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, 4);
    v = 0xff;
    len = sizeof(v);
    getsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, &len);
    ct_obs(t, "nodelay_after_0x100", "%#lx", (unsigned long)v);
    v = 1;
    ct_obs_rc(t, "nodelay_set_len0",
              setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&v, 0));

    tcp_dword(t, s, TCP_KEEPALIVE, 3600, "keepalive");
    tcp_dword(t, s, TCP_KEEPCNT, 5, "keepcnt");
    closesocket(s);

    s6 = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s6 != INVALID_SOCKET, "socket6");
    v = 0xdeadbeef;
    len = sizeof(v);
    getsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v, &len);
    ct_obs(t, "v6only_get", "%#lx,%d", (unsigned long)v, len);
    closesocket(s6);
}
