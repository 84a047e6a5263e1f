/* OP8: getsockopt(SO_BSP_STATE): a CSADDR_INFO with the socket's type
 * and protocol and its two ends, each address written into the caller's
 * buffer after the structure; an end not there yet (unbound, not
 * connected) is a NULL address of length 0.  Room for the structure and
 * two addresses is needed whatever the state (WSAEFAULT, optlen
 * untouched, otherwise); a success leaves optlen as it was too. */
#include <stdio.h>
#include "harness.h"
#include "optnames.h"

typedef union {
    CSADDR_INFO cs;
    char space[128];
} bsp_buf;

static int bsp(SOCKET s, bsp_buf *b, int *len)
{
    memset(b, 0xee, sizeof(*b));
    return getsockopt(s, SOL_SOCKET, SO_BSP_STATE, (char *)b, len);
}

/* "16,none": each end's length, or none for a NULL address of length 0
 * ("bad" for anything else). */
static void ends(ct *t, const char *key, const CSADDR_INFO *cs)
{
    const SOCKET_ADDRESS *e[2] = { &cs->LocalAddr, &cs->RemoteAddr };
    char text[2][16];
    int i;

    for (i = 0; i < 2; i++) {
        if (!e[i]->lpSockaddr && e[i]->iSockaddrLength == 0)
            strcpy(text[i], "none");
        else if (e[i]->lpSockaddr)
            sprintf(text[i], "%d", e[i]->iSockaddrLength);
        else
            strcpy(text[i], "bad");
    }
    ct_obs(t, key, "%s,%s", text[0], text[1]);
}

/* Both addresses inside the caller's buffer, after the structure. */
static int in_buffer(const bsp_buf *b)
{
    const char *lo = b->space + sizeof(CSADDR_INFO);
    const char *hi = b->space + sizeof(b->space);
    const char *l = (const char *)b->cs.LocalAddr.lpSockaddr;
    const char *r = (const char *)b->cs.RemoteAddr.lpSockaddr;

    return l >= lo && l + 16 <= hi && r >= lo && r + 16 <= hi;
}

static int same(const SOCKET_ADDRESS *a, const struct sockaddr_in *sin)
{
    return a->lpSockaddr && a->iSockaddrLength == (int)sizeof(*sin) &&
           memcmp(a->lpSockaddr, sin, sizeof(*sin)) == 0;
}

void sc_OP8(ct *t)
{
    SOCKET s, c, a, u;
    bsp_buf b, bs;
    struct sockaddr_in addr = ct_loopback(0), name, peer;
    int len = sizeof(b), n;
    unsigned short port;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "tcp");
    ct_obs_rc(t, "unbound", bsp(s, &b, &len));
    ends(t, "unbound_ends", &b.cs);
    ct_obs(t, "unbound_type_protocol", "%d,%d", b.cs.iSocketType,
           b.cs.iProtocol);
    ct_require(t, bind(s, (struct sockaddr *)&addr, sizeof(addr)) == 0,
               "bind");
    len = sizeof(b);
    ct_obs_rc(t, "bound", bsp(s, &b, &len));
    ends(t, "bound_ends", &b.cs);
    n = sizeof(name);
    ct_require(t, getsockname(s, (struct sockaddr *)&name, &n) == 0, "name");
    ct_obs(t, "bound_local", "%s", same(&b.cs.LocalAddr, &name) ? "getsockname"
                                                                : "other");
    closesocket(s);

    ct_tcp_pair(t, &c, &a);
    len = sizeof(b);
    ct_obs_rc(t, "client", bsp(c, &b, &len));
    ct_obs_rc(t, "server", bsp(a, &bs, &len));
    ct_obs(t, "optlen", "%d", len);
    ends(t, "client_ends", &b.cs);
    ends(t, "server_ends", &bs.cs);
    ct_obs(t, "type_protocol", "%d,%d,%d,%d", b.cs.iSocketType,
           b.cs.iProtocol, bs.cs.iSocketType, bs.cs.iProtocol);
    ct_obs(t, "addresses", "%s", in_buffer(&b) && in_buffer(&bs)
                                     ? "in buffer" : "elsewhere");
    n = sizeof(name);
    getsockname(c, (struct sockaddr *)&name, &n);
    n = sizeof(peer);
    getpeername(c, (struct sockaddr *)&peer, &n);
    ct_obs(t, "client_names", "%s",
           same(&b.cs.LocalAddr, &name) && same(&b.cs.RemoteAddr, &peer) &&
                   same(&bs.cs.RemoteAddr, &name) &&
                   same(&bs.cs.LocalAddr, &peer)
               ? "match" : "differ");

    len = sizeof(CSADDR_INFO);
    ct_obs_rc(t, "struct_only", bsp(c, &b, &len));
    ct_obs(t, "struct_only_len", "%s",
           len == (int)sizeof(CSADDR_INFO) ? "unchanged" : "changed");
    len = (int)(sizeof(CSADDR_INFO) + 2 * sizeof(struct sockaddr));
    ct_obs_rc(t, "exact", bsp(c, &b, &len));
    len--;
    ct_obs_rc(t, "one_short", bsp(c, &b, &len));
    closesocket(c);
    closesocket(a);

    u = ct_udp(t, &port);
    len = sizeof(b);
    ct_obs_rc(t, "udp", bsp(u, &b, &len));
    ends(t, "udp_ends", &b.cs);
    ct_obs(t, "udp_type_protocol", "%d,%d", b.cs.iSocketType,
           b.cs.iProtocol);
    closesocket(u);
}
