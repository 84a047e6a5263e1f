/* DS1: IPv6 and dual stack: a new IPv6 socket is IPv6 only, so [::]:P
 * and 0.0.0.0:P are two sockets; IPV6_V6ONLY 0 before bind makes a
 * dual-stack socket, which then cannot change it, and sees IPv4 peers as
 * ::ffff:a.b.c.d; an IPv4 socket answers IPV6_V6ONLY too (rows V61, V62,
 * V64, V65). */
#include <string.h>
#include "harness.h"

static void v6only_get(ct *t, const char *key, SOCKET s)
{
    DWORD v = 7;
    int len = sizeof(v), rc;

    rc = getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v, &len);
    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "%lu", (unsigned long)v & 0xff);
}

static void side_by_side(ct *t)
{
    SOCKET s6 = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP), s4;
    struct sockaddr_in6 a6;
    struct sockaddr_in a4;
    int len = sizeof(a6);

    v6only_get(t, "default", s6);
    memset(&a6, 0, sizeof(a6));
    a6.sin6_family = AF_INET6;
    ct_obs_rc(t, "bind_v6_any", bind(s6, (struct sockaddr *)&a6, sizeof(a6)));
    getsockname(s6, (struct sockaddr *)&a6, &len);
    s4 = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&a4, 0, sizeof(a4));
    a4.sin_family = AF_INET;
    a4.sin_port = a6.sin6_port;
    ct_obs_rc(t, "bind_v4_same_port", bind(s4, (struct sockaddr *)&a4,
                                           sizeof(a4)));
    closesocket(s4);
    closesocket(s6);
}

static void dual_stack(ct *t)
{
    SOCKET l = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP), c, a;
    DWORD off = 0, on = 1;
    struct sockaddr_in6 a6, peer;
    struct sockaddr_in to;
    int len = sizeof(a6);
    char text[64] = "";

    ct_obs_rc(t, "set_off", setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY,
                                       (char *)&off, sizeof(off)));
    v6only_get(t, "after_off", l);
    memset(&a6, 0, sizeof(a6));
    a6.sin6_family = AF_INET6;
    bind(l, (struct sockaddr *)&a6, sizeof(a6));
    listen(l, 4);
    getsockname(l, (struct sockaddr *)&a6, &len);
    ct_obs(t, "set_after_bind", "%s",
           setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&on,
                      sizeof(on)) == SOCKET_ERROR ? "fails" : "succeeds");
    v6only_get(t, "after_bind", l);
    /* An IPv4 client reaches it; the peer is an IPv4-mapped address. */
    to = ct_loopback(ntohs(a6.sin6_port));
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "v4_connects", connect(c, (struct sockaddr *)&to,
                                        sizeof(to)));
    len = sizeof(peer);
    a = accept(l, (struct sockaddr *)&peer, &len);
    inet_ntop(AF_INET6, &peer.sin6_addr, text, sizeof(text));
    ct_obs(t, "v4_peer", "family %s %s",
           peer.sin6_family == AF_INET6 ? "AF_INET6" : "other", text);
    closesocket(a);
    closesocket(c);
    closesocket(l);
}

static void on_ipv4_socket(ct *t)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = ct_loopback(0);
    DWORD off = 0;

    v6only_get(t, "v4_socket_get", s);
    ct_obs_rc(t, "v4_socket_set", setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY,
                                             (char *)&off, sizeof(off)));
    bind(s, (struct sockaddr *)&a, sizeof(a));
    ct_obs(t, "v4_socket_set_bound", "%s",
           setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&off,
                      sizeof(off)) == SOCKET_ERROR ? "fails" : "succeeds");
    closesocket(s);
}

void sc_DS1(ct *t)
{
    ct_startup(t);
    side_by_side(t);
    dual_stack(t);
    on_ipv4_socket(t);
}
