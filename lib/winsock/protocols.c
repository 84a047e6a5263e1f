/* Protocol information: the catalog WSAEnumProtocols lists (TCP and UDP
 * over IPv4 and IPv6, as Windows' MSAFD Tcpip provider describes them),
 * getsockopt(SO_PROTOCOL_INFOA/W), WSADuplicateSocket and the
 * WSASocket(FROM_PROTOCOL_INFO) that takes its result, and Winsock 1's
 * blocking hooks, which Winsock 2 no longer has. */
#include <stddef.h>
#include <string.h>
#include "protocols.h"

/* Windows' entries (Microsoft's WSAPROTOCOL_INFOW page; Wine's
 * test_WSAEnumProtocols checks the service flags; the names, address
 * sizes and message sizes are what Windows' catalog shows). */
#define TCP_FLAGS (XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER |        \
                   XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES)
#define UDP_FLAGS (XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED |             \
                   XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT |       \
                   XP1_IFS_HANDLES)
/* {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}, IPv4's provider, and
 * {F9EAB0C0-26D4-11D0-BBBF-00AA006C34E4}, IPv6's. */
static const GUID provider_v4 = { 0xe70f1aa0, 0xab8b, 0x11cf,
                                  { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48,
                                    0xa1, 0x92 } };
static const GUID provider_v6 = { 0xf9eab0c0, 0x26d4, 0x11d0,
                                  { 0xbb, 0xbf, 0x00, 0xaa, 0x00, 0x6c,
                                    0x34, 0xe4 } };

static const struct entry {
    DWORD flags;
    DWORD catalog;
    int family, type, protocol, addr_size;
    DWORD message_size;
    const char *name;
} catalog[] = {
    { TCP_FLAGS, 1001, AF_INET, SOCK_STREAM, IPPROTO_TCP,
      sizeof(struct sockaddr_in), 0, "MSAFD Tcpip [TCP/IP]" },
    { UDP_FLAGS, 1002, AF_INET, SOCK_DGRAM, IPPROTO_UDP,
      sizeof(struct sockaddr_in), 65527, "MSAFD Tcpip [UDP/IP]" },
    { TCP_FLAGS, 1004, AF_INET6, SOCK_STREAM, IPPROTO_TCP,
      sizeof(struct sockaddr_in6), 0, "MSAFD Tcpip [TCP/IPv6]" },
    { UDP_FLAGS, 1005, AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
      sizeof(struct sockaddr_in6), 65527, "MSAFD Tcpip [UDP/IPv6]" },
};
#define NENTRIES (sizeof(catalog) / sizeof(catalog[0]))

/* The fields before szProtocol, which the A and W forms share. */
#define INFO_PREFIX offsetof(WSAPROTOCOL_INFOA, szProtocol)
_Static_assert(offsetof(WSAPROTOCOL_INFOA, szProtocol) ==
                   offsetof(WSAPROTOCOL_INFOW, szProtocol),
               "the two forms share their fields");

/* Entry i in the ANSI form. */
static void fill_a(const struct entry *c, WSAPROTOCOL_INFOA *p)
{
    memset(p, 0, sizeof(*p));
    p->dwServiceFlags1 = c->flags;
    p->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    p->ProviderId = c->family == AF_INET ? provider_v4 : provider_v6;
    p->dwCatalogEntryId = c->catalog;
    p->ProtocolChain.ChainLen = BASE_PROTOCOL;
    p->iVersion = 2;
    p->iAddressFamily = c->family;
    p->iMaxSockAddr = c->addr_size;
    p->iMinSockAddr = c->addr_size;
    p->iSocketType = c->type;
    p->iProtocol = c->protocol;
    p->iNetworkByteOrder = BIGENDIAN;
    p->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    p->dwMessageSize = c->message_size;
    strcpy(p->szProtocol, c->name);
}

/* The same in the wide form (the names are ASCII). */
static void fill_w(const struct entry *c, WSAPROTOCOL_INFOW *p)
{
    WSAPROTOCOL_INFOA a;
    size_t i;

    fill_a(c, &a);
    memset(p, 0, sizeof(*p));
    memcpy(p, &a, INFO_PREFIX);
    for (i = 0; a.szProtocol[i]; i++)
        p->szProtocol[i] = (WCHAR)(unsigned char)a.szProtocol[i];
}

/* The entry of a socket of this triple, or NULL. */
static const struct entry *find(int family, int type, int protocol)
{
    size_t i;

    for (i = 0; i < NENTRIES; i++)
        if (catalog[i].family == family && catalog[i].type == type &&
            (protocol == 0 || catalog[i].protocol == protocol))
            return &catalog[i];
    return NULL;
}

/* Whether entry c passes the caller's filter (0-terminated protocol
 * numbers, NULL: all); -WSAEFAULT for a filter that cannot be read. */
static int wanted(const struct entry *c, const int *filter)
{
    int v, i;

    if (!filter)
        return 1;
    for (i = 0; i < 4096; i++) {
        if (wsc_copy_in(&v, filter + i, sizeof(v)))
            return -WSAEFAULT;
        if (v == 0)
            return 0;
        if (v == c->protocol)
            return 1;
    }
    return 0;
}

static int enum_protocols(const int *filter, void *buf, DWORD *caller_len,
                          int wide)
{
    size_t size = wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA);
    const struct entry *pick[NENTRIES];
    WSAPROTOCOL_INFOW w;
    WSAPROTOCOL_INFOA a;
    DWORD len = 0, need;
    int n = 0, r;
    size_t i;

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if ((filter && wsc_bad_ptr(filter)) || wsc_bad_ptr(caller_len) ||
        wsc_copy_in(&len, caller_len, sizeof(len)))
        return wsc_fail(WSAEFAULT);
    for (i = 0; i < NENTRIES; i++) {
        if ((r = wanted(&catalog[i], filter)) < 0)
            return wsc_fail(-r);
        if (r)
            pick[n++] = &catalog[i];
    }
    need = (DWORD)(n * size);
    /* Too small, or no buffer: the size needed, WSAENOBUFS. */
    if (!buf || len < need) {
        if (wsc_copy_out(caller_len, &need, sizeof(need)))
            return wsc_fail(WSAEFAULT);
        return wsc_fail(WSAENOBUFS);
    }
    for (i = 0; i < (size_t)n; i++) {
        if (wide)
            fill_w(pick[i], &w);
        else
            fill_a(pick[i], &a);
        if (wsc_copy_out((char *)buf + i * size, wide ? (void *)&w : (void *)&a,
                         size))
            return wsc_fail(WSAEFAULT);
    }
    return wsc_ok(n);
}

int ws_WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buf,
                         LPDWORD len)
{
    return enum_protocols(protocols, buf, len, 0);
}

int ws_WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buf,
                         LPDWORD len)
{
    return enum_protocols(protocols, buf, len, 1);
}

/* The entry of e's socket. */
static const struct entry *entry_of(struct wsc_sock *e)
{
    return find(e->family, e->type,
                e->type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP);
}

long ws_get_protocol_info(struct wsc_sock *e, int optname, char *optval,
                          int *optlen)
{
    int wide = optname == SO_PROTOCOL_INFOW;
    int size = wide ? (int)sizeof(WSAPROTOCOL_INFOW)
                    : (int)sizeof(WSAPROTOCOL_INFOA);
    const struct entry *c = entry_of(e);
    WSAPROTOCOL_INFOW w;
    WSAPROTOCOL_INFOA a;
    int len = 0;

    if (wsc_bad_ptr(optval) || wsc_bad_ptr(optlen) ||
        wsc_copy_in(&len, optlen, sizeof(len)))
        return -WSAEFAULT;
    /* Short: WSAEFAULT, with the size it takes (Wine's test_getsockopt);
     * longer is fine and *optlen stays as it was. */
    if (len < size) {
        wsc_copy_out(optlen, &size, sizeof(size));
        return -WSAEFAULT;
    }
    if (!c)
        return -WSAENOPROTOOPT;
    if (wide)
        fill_w(c, &w);
    else
        fill_a(c, &a);
    return wsc_copy_out(optval, wide ? (void *)&w : (void *)&a, (size_t)size);
}

/* An end of the socket for SO_BSP_STATE: its address at the place given
 * in the caller's buffer, or NULL and 0 when there is none yet (not
 * bound: the kernel's name has port 0; not connected). */
static void bsp_end(struct wsc_sock *e, int peer, const struct entry *c,
                    SOCKET_ADDRESS *end, char *copy, char *place)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    memset(&ss, 0, sizeof(ss));
    if (wsc_e_getname(e, peer, (struct sockaddr *)&ss, &len) < 0 ||
        ss.ss_family != c->family ||
        ((struct sockaddr_in *)&ss)->sin_port == 0) /* sin6_port alike */
        return;
    memcpy(copy, &ss, (size_t)c->addr_size);
    end->lpSockaddr = (LPSOCKADDR)(void *)place;
    end->iSockaddrLength = c->addr_size;
}

/* Wine's test_set_getsockopt: room is needed for the structure and two
 * addresses of the family whatever the socket's state (WSAEFAULT
 * otherwise, *optlen as it was); success leaves *optlen as it was too. */
long ws_get_bsp_state(struct wsc_sock *e, char *optval, int *optlen)
{
    char buf[sizeof(CSADDR_INFO) + 2 * sizeof(struct sockaddr_in6)];
    CSADDR_INFO *cs = (CSADDR_INFO *)(void *)buf;
    const struct entry *c = entry_of(e);
    size_t head = sizeof(CSADDR_INFO), size;
    int len = 0;

    if (wsc_bad_ptr(optval) || wsc_bad_ptr(optlen) ||
        wsc_copy_in(&len, optlen, sizeof(len)))
        return -WSAEFAULT;
    if (!c)
        return -WSAENOPROTOOPT;
    size = head + 2 * (size_t)c->addr_size;
    if (len < 0 || (size_t)len < size)
        return -WSAEFAULT;
    memset(buf, 0, sizeof(buf));
    bsp_end(e, 0, c, &cs->LocalAddr, buf + head, optval + head);
    bsp_end(e, 1, c, &cs->RemoteAddr, buf + head + c->addr_size,
            optval + head + c->addr_size);
    cs->iSocketType = c->type;
    cs->iProtocol = c->protocol;
    return wsc_copy_out(optval, buf, size);
}

/* ---- WSADuplicateSocket ---------------------------------------------------
 * The info is the socket's entry with, in fields Windows leaves to the
 * provider, what the target needs: dwProviderReserved marks it, and the
 * unused links of the protocol chain (a base protocol has one) carry the
 * source process, descriptor and socket inode, and a check. */
#define SHARE_MAGIC 0x77736344u /* "wscD" */

static DWORD share_check(const DWORD *v)
{
    return SHARE_MAGIC ^ v[1] ^ (v[2] * 0x9e3779b1u) ^ (v[3] * 0x85ebca6bu) ^
           (v[4] * 0xc2b2ae35u);
}

static void share_put(WSAPROTOCOL_INFOA *p, const struct wsc_share *sh)
{
    DWORD *v = p->ProtocolChain.ChainEntries;

    p->dwProviderReserved = SHARE_MAGIC;
    v[1] = sh->pid;
    v[2] = (DWORD)sh->fd;
    v[3] = (DWORD)sh->ino;
    v[4] = (DWORD)(sh->ino >> 32);
    v[5] = share_check(v);
}

/* 1 when the info describes a duplicated socket (sh filled). */
static int share_get(const WSAPROTOCOL_INFOA *p, struct wsc_share *sh)
{
    const DWORD *v = p->ProtocolChain.ChainEntries;

    if (p->dwProviderReserved != SHARE_MAGIC || v[5] != share_check(v))
        return 0;
    sh->pid = v[1];
    sh->fd = (int32_t)v[2];
    sh->ino = (uint64_t)v[3] | ((uint64_t)v[4] << 32);
    return 1;
}

static int duplicate(SOCKET s, DWORD pid, void *out, int wide)
{
    struct wsc_sock *e = wsc_enter(s);
    const struct entry *c;
    struct wsc_share sh;
    WSAPROTOCOL_INFOW w;
    WSAPROTOCOL_INFOA a;
    long r;

    if (!e)
        return SOCKET_ERROR;
    /* No process is named before the buffer is looked at (wine's
     * test_WSADuplicateSocket: pid 0 and NULL is WSAEINVAL). */
    if (pid == 0)
        return wsc_leave(e, -WSAEINVAL);
    if (wsc_bad_ptr(out))
        return wsc_leave(e, -WSAEFAULT);
    if (!(c = entry_of(e)))
        return wsc_leave(e, -WSAEINVAL);
    r = wsc_e_share(e, pid, &sh);
    if (r < 0)
        return wsc_leave(e, r);
    fill_a(c, &a);
    share_put(&a, &sh);
    if (wide) {
        fill_w(c, &w);
        memcpy(&w, &a, INFO_PREFIX);
    }
    r = wsc_copy_out(out, wide ? (void *)&w : (void *)&a,
                     wide ? sizeof(w) : sizeof(a));
    return wsc_leave(e, r);
}

int ws_WSADuplicateSocketA(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOA info)
{
    return duplicate(s, pid, info, 0);
}

int ws_WSADuplicateSocketW(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info)
{
    return duplicate(s, pid, info, 1);
}

SOCKET ws_socket_from_info(int af, int type, int protocol, const void *info,
                           DWORD flags)
{
    WSAPROTOCOL_INFOA p;
    struct wsc_share sh;
    int fd;

    if (wsc_bad_ptr(info) || wsc_copy_in(&p, info, INFO_PREFIX)) {
        wsc_fail(WSAEFAULT);
        return INVALID_SOCKET;
    }
    if (share_get(&p, &sh)) {
        fd = wsc_e_take_share(&sh, (flags & WSA_FLAG_NO_HANDLE_INHERIT) != 0);
        if (fd < 0) {
            wsc_fail(-fd);
            return INVALID_SOCKET;
        }
        wsc_ok(0);
        return (SOCKET)fd;
    }
    /* An entry of the catalog: a new socket of its kind. */
    if (af == FROM_PROTOCOL_INFO || af == 0)
        af = p.iAddressFamily;
    if (type == FROM_PROTOCOL_INFO || type == 0)
        type = p.iSocketType;
    if (protocol == FROM_PROTOCOL_INFO)
        protocol = p.iProtocol;
    /* The entry's provider checks its family first (wine's
     * test_WSASocket: an entry of -1s is WSAEAFNOSUPPORT). */
    if (af != AF_INET && af != AF_INET6) {
        wsc_fail(WSAEAFNOSUPPORT);
        return INVALID_SOCKET;
    }
    return ws_WSASocketA(af, type, protocol, NULL, 0, flags);
}

/* ---- Winsock 1's pseudo-blocking ----------------------------------------
 * Not available to Winsock 2 applications (Microsoft's "Windows Sockets
 * Compatibility Issues"): nothing ever blocks in a hook. */
BOOL wsc_WSAIsBlocking(void)
{
    return FALSE;
}

FARPROC wsc_WSASetBlockingHook(FARPROC hook)
{
    (void)hook;
    wsc_fail(wsc_started() ? WSAEOPNOTSUPP : WSANOTINITIALISED);
    return NULL;
}

int wsc_WSAUnhookBlockingHook(void)
{
    return wsc_fail(wsc_started() ? WSAEOPNOTSUPP : WSANOTINITIALISED);
}

int wsc_WSACancelBlockingCall(void)
{
    return wsc_fail(wsc_started() ? WSAEOPNOTSUPP : WSANOTINITIALISED);
}
