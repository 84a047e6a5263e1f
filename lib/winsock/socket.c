/* Winsock: the life of a socket: socket, bind, listen, accept, connect,
 * closesocket, shutdown, getsockname, getpeername. */
#include <string.h>
#include "ws.h"
#include "protocols.h"

/* Windows' reading of the triple (wine's test_WSASocket, its whole
 * table): a type of 0 follows from the protocol, family 0 from a TCP or
 * UDP protocol (none: WSAEINVAL); an unknown type is WSAESOCKTNOSUPPORT
 * before an unknown family is WSAEAFNOSUPPORT, and a protocol the type
 * does not carry (or none Windows knows) WSAEPROTONOSUPPORT, where Linux
 * would say EINVAL for some of them. */
static int socket_args(int *af, int *type, int protocol)
{
    int known = *type >= SOCK_STREAM && *type <= SOCK_SEQPACKET;

    if (*af == AF_UNSPEC) {
        if (protocol == 0)
            return WSAEINVAL;
        if (*type && !known)
            return WSAESOCKTNOSUPPORT;
        if (protocol != IPPROTO_TCP && protocol != IPPROTO_UDP)
            return WSAEPROTONOSUPPORT;
        *af = AF_INET;
    }
    if (*type && !known)
        return WSAESOCKTNOSUPPORT;
    if (*af != AF_INET && *af != AF_INET6)
        return 0; /* the kernel's answer: WSAEAFNOSUPPORT, or a socket */
    if (protocol < 0 || protocol > 255)
        return WSAEPROTONOSUPPORT;
    if (*type == 0) {
        if (protocol == IPPROTO_UDP)
            *type = SOCK_DGRAM;
        else if (protocol == IPPROTO_TCP || protocol == 0)
            *type = SOCK_STREAM;
        else
            return WSAEPROTONOSUPPORT;
    }
    if ((*type == SOCK_STREAM && protocol && protocol != IPPROTO_TCP) ||
        (*type == SOCK_DGRAM && protocol && protocol != IPPROTO_UDP))
        return WSAEPROTONOSUPPORT;
    return 0;
}

/* Windows' IPv6 sockets are IPv6 only until told otherwise (row V61),
 * Linux's dual-stack: [::]:P and 0.0.0.0:P are two sockets on Windows. */
static void ipv6_only(int fd)
{
    struct wsc_sock *e = wsc_ref(fd);

    if (e) {
        wsc_e_setopt_int(e, IPPROTO_IPV6, L_IPV6_V6ONLY, 1);
        wsc_release(e);
    }
}

SOCKET ws_WSASocketA(int af, int type, int protocol, void *info, GROUP g,
                      DWORD flags)
{
    int fd, t, err;

    (void)g;
    if (!wsc_started()) {
        wsc_fail(WSANOTINITIALISED);
        return INVALID_SOCKET;
    }
    if (info)
        return ws_socket_from_info(af, type, protocol, info, flags);
    err = socket_args(&af, &type, protocol);
    if (err) {
        wsc_fail(err);
        return INVALID_SOCKET;
    }
    t = type;
    if (flags & WSA_FLAG_NO_HANDLE_INHERIT)
        t |= SOCK_CLOEXEC;
    fd = wsc_e_socket(af, t, protocol,
                      flags & WSA_FLAG_OVERLAPPED ? 0 : WSC_F_NOOVERLAP);
    if (fd < 0) {
        wsc_fail(-fd);
        return INVALID_SOCKET;
    }
    if (af == AF_INET6)
        ipv6_only(fd);
    wsc_ok(0);
    return (SOCKET)fd;
}

SOCKET wsc_WSASocketW(int af, int type, int protocol, void *info, GROUP g,
                      DWORD flags)
{
    return wsc_WSASocketA(af, type, protocol, info, g, flags);
}

_Thread_local uint32_t wsc_opentype;

SOCKET ws_socket(int af, int type, int protocol)
{
    return ws_WSASocketA(af, type, protocol, NULL, 0,
                         wsc_opentype ? 0 : WSA_FLAG_OVERLAPPED);
}

/* The caller's address, of at least a struct sockaddr: 0 or -WSAEFAULT.
 * A longer namelen than *ss holds is left for the kernel to refuse. */
static int copy_name(struct sockaddr_storage *ss, const struct sockaddr *name,
                     int namelen)
{
    if (wsc_bad_ptr(name) || namelen < (int)sizeof(struct sockaddr))
        return -WSAEFAULT;
    return wsc_copy_addr(ss, name, (size_t)namelen);
}

int ws_bind(SOCKET s, const struct sockaddr *caller_name, int namelen)
{
    struct wsc_sock *e = wsc_enter(s);
    struct sockaddr_storage ss;
    const struct sockaddr *name = (const struct sockaddr *)&ss;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (copy_name(&ss, caller_name, namelen))
        r = -WSAEFAULT;
    else if (name->sa_family != e->family && e->family != AF_UNSPEC)
        r = -WSAEAFNOSUPPORT;
    else if ((e->family == AF_INET || e->family == AF_INET6) &&
             namelen < wsc_addr_size(e->family))
        r = -WSAEFAULT;
    else
        r = wsc_e_bind(e, name, (socklen_t)namelen);
    return wsc_leave(e, r);
}

int ws_listen(SOCKET s, int backlog)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    return wsc_leave(e, wsc_e_listen(e, backlog));
}

/* Before accepting (a connection taken must not be lost to a bad
 * buffer): *alen read, and room for the address and its length. */
static int accept_room(struct wsc_sock *e, struct sockaddr *addr,
                       int *addrlen, int *alen)
{
    int size = wsc_addr_size(e->family);

    if (!addr)
        return addrlen && wsc_bad_ptr(addrlen) ? -WSAEFAULT : 0;
    if (!addrlen)
        return 0; /* an address without its length: none is written */
    if (wsc_bad_ptr(addrlen) || wsc_copy_in(alen, addrlen, sizeof(*alen)) ||
        *alen < size || !wsc_user_writable(addrlen, sizeof(*addrlen)) ||
        !wsc_user_writable(addr, (size_t)size))
        return -WSAEFAULT;
    return 0;
}

/* The accepted socket's address out to the caller; -WSAEFAULT closes it. */
static long accept_out(long fd, struct sockaddr *addr, int *addrlen, int alen,
                       const struct sockaddr_storage *ss, socklen_t len)
{
    int n = (int)len;

    if (wsc_copy_out(addr, ss, (size_t)len < (size_t)alen ? len : (size_t)alen) ||
        wsc_copy_out(addrlen, &n, sizeof(n))) {
        ws_closesocket((SOCKET)fd); /* unmapped since accept_room */
        return -WSAEFAULT;
    }
    return fd;
}

SOCKET ws_accept(SOCKET s, struct sockaddr *addr, int *addrlen)
{
    struct wsc_sock *e = wsc_enter(s);
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int alen = 0;
    long r;

    if (!e)
        return INVALID_SOCKET;
    r = accept_room(e, addr, addrlen, &alen);
    if (r == 0)
        r = wsc_e_accept(e, (struct sockaddr *)&ss, &len, 0);
    if (r >= 0 && addr && addrlen)
        r = accept_out(r, addr, addrlen, alen, &ss, len);
    if (wsc_leave(e, r < 0 ? r : 0) == SOCKET_ERROR)
        return INVALID_SOCKET;
    return (SOCKET)r;
}

/* The condition function decides on a connection the kernel has
 * accepted already (Linux has no conditional accept): CF_ACCEPT makes it
 * a socket, CF_REJECT resets it, CF_DEFER leaves it in the listener for
 * the next accept, WSAAccept or AcceptEx, which take it first. */
static long accept_decide(struct wsc_sock *e, int fd, struct sockaddr *peer,
                          socklen_t plen, LPCONDITIONPROC cond,
                          DWORD_PTR data)
{
    struct sockaddr_storage local;
    WSABUF caller = { (ULONG)plen, (CHAR *)peer };
    WSABUF callee, none_in = { 0, NULL }, none_out = { 0, NULL };
    GROUP g = 0;
    socklen_t local_len = sizeof(local);
    int verdict;

    wsc_e_accepted_name(fd, (struct sockaddr *)&local, &local_len);
    callee.len = (ULONG)local_len;
    callee.buf = (CHAR *)&local;
    verdict = cond(&caller, &none_in, NULL, NULL, &callee, &none_out, &g,
                   data);
    if (verdict == CF_ACCEPT)
        return wsc_e_accept_take(e, fd);
    if (verdict == CF_DEFER)
        return wsc_e_accept_defer(e, fd) < 0 ? -WSAENOBUFS : -WSATRY_AGAIN;
    wsc_e_accept_reject(e, fd);
    return verdict == CF_REJECT ? -WSAECONNREFUSED : -WSAEINVAL;
}

SOCKET ws_WSAAccept(SOCKET s, struct sockaddr *addr, int *addrlen,
                    LPCONDITIONPROC cond, DWORD_PTR data)
{
    struct wsc_sock *e;
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int alen = 0;
    long r;

    if (!cond)
        return ws_accept(s, addr, addrlen);
    if (!(e = wsc_enter(s)))
        return INVALID_SOCKET;
    r = accept_room(e, addr, addrlen, &alen);
    if (r == 0 && wsc_bad_ptr((void *)cond))
        r = -WSAEFAULT;
    if (r == 0)
        r = wsc_e_accept_raw(e, (struct sockaddr *)&ss, &len, 0);
    if (r >= 0)
        r = accept_decide(e, (int)r, (struct sockaddr *)&ss, len, cond, data);
    if (r >= 0 && addr && addrlen)
        r = accept_out(r, addr, addrlen, alen, &ss, len);
    if (wsc_leave(e, r < 0 ? r : 0) == SOCKET_ERROR)
        return INVALID_SOCKET;
    return (SOCKET)r;
}

int ws_connect(SOCKET s, const struct sockaddr *name, int namelen)
{
    struct wsc_sock *e = wsc_enter(s);
    struct sockaddr_storage ss;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (copy_name(&ss, name, namelen))
        r = -WSAEFAULT;
    else
        r = wsc_e_connect(e, (struct sockaddr *)&ss, (socklen_t)namelen);
    return wsc_leave(e, r);
}

/* TCP and UDP carry no connect data and no QoS here: the caller's data
 * is not sent, and none comes back (the callee buffer's len is 0). */
int wsc_WSAConnect(SOCKET s, const struct sockaddr *name, int namelen,
                   LPWSABUF caller, LPWSABUF callee, void *sqos, void *gqos)
{
    ULONG none = 0;
    int r;

    (void)caller;
    if (sqos || gqos) {
        struct wsc_sock *e = wsc_enter(s);
        return e ? wsc_leave(e, -WSAEOPNOTSUPP) : SOCKET_ERROR;
    }
    r = wsc_connect(s, name, namelen);
    if (r == 0 && callee && !wsc_bad_ptr(callee) &&
        wsc_copy_out(&callee->len, &none, sizeof(none)))
        return wsc_fail(WSAEFAULT);
    return r;
}

/* A multicast group's address, in either family. */
static int is_group(const struct sockaddr_storage *ss)
{
    const unsigned char *a;

    if (ss->ss_family == AF_INET) {
        a = (const unsigned char *)&((const struct sockaddr_in *)ss)->sin_addr;
        return (a[0] & 0xf0) == 0xe0;
    }
    if (ss->ss_family != AF_INET6)
        return 0;
    a = (const unsigned char *)&((const struct sockaddr_in6 *)ss)->sin6_addr;
    return a[0] == 0xff;
}

/* IP(V6)_ADD_MEMBERSHIP of the group on the interface of the address the
 * socket is bound to (the wildcard, or none: the one the kernel's route
 * picks). */
static long join_group(struct wsc_sock *e, const struct sockaddr_storage *ss)
{
    struct sockaddr_storage local;
    socklen_t len = sizeof(local);
    char req[20] = { 0 };

    memset(&local, 0, sizeof(local));
    if (wsc_e_getname(e, 0, (struct sockaddr *)&local, &len))
        local.ss_family = AF_UNSPEC;
    if (ss->ss_family == AF_INET) {
        memcpy(req, &((const struct sockaddr_in *)ss)->sin_addr, 4);
        if (local.ss_family == AF_INET)
            memcpy(req + 4, &((struct sockaddr_in *)&local)->sin_addr, 4);
        return wsc_e_setopt_raw(e, IPPROTO_IP, L_IP_ADD_MEMBERSHIP, req, 8);
    }
    memcpy(req, &((const struct sockaddr_in6 *)ss)->sin6_addr, 16);
    if (local.ss_family == AF_INET6)
        memcpy(req + 16, &((struct sockaddr_in6 *)&local)->sin6_scope_id, 4);
    return wsc_e_setopt_raw(e, IPPROTO_IPV6, L_IPV6_ADD_MEMBERSHIP, req, 20);
}

/* WSAJoinLeaf as Windows' IP provider does multicast: the group is
 * joined unless the socket only sends, and a sender's sends go to the
 * group (a connect; a receiver is not connected, since Linux's connected
 * UDP socket takes only datagrams whose source is the group).  Any other
 * name is WSAConnect's.  The leaf is the socket itself. */
static long join_leaf(struct wsc_sock *e, const struct sockaddr_storage *ss,
                      int namelen, DWORD flags)
{
    struct sockaddr_storage peer;
    socklen_t len = sizeof(peer);
    long r;

    if (e->type != SOCK_DGRAM)
        return -WSAEINVAL;
    /* Joined once already: a sender is connected, a receiver a member. */
    if (wsc_e_getname(e, 1, (struct sockaddr *)&peer, &len) == 0)
        return -WSAEISCONN;
    r = flags == JL_SENDER_ONLY ? 0 : join_group(e, ss);
    if (r == -WSAEADDRINUSE)
        return -WSAEISCONN;
    if (r == 0 && flags == JL_SENDER_ONLY)
        r = wsc_e_connect(e, (const struct sockaddr *)ss, (socklen_t)namelen);
    return r;
}

SOCKET ws_WSAJoinLeaf(SOCKET s, const struct sockaddr *name, int namelen,
                      LPWSABUF caller, LPWSABUF callee, void *sqos,
                      void *gqos, DWORD flags)
{
    struct wsc_sock *e = wsc_enter(s);
    struct sockaddr_storage ss;
    long r;

    if (!e)
        return INVALID_SOCKET;
    if (flags != JL_SENDER_ONLY && flags != JL_RECEIVER_ONLY &&
        flags != JL_BOTH)
        r = -WSAEINVAL;
    else if (copy_name(&ss, name, namelen))
        r = -WSAEFAULT;
    else if (!is_group(&ss)) {
        wsc_leave(e, 0);
        return wsc_WSAConnect(s, name, namelen, caller, callee, sqos, gqos)
                   ? INVALID_SOCKET : s;
    } else
        r = join_leaf(e, &ss, namelen, flags);
    return wsc_leave(e, r) ? INVALID_SOCKET : s;
}

int ws_closesocket(SOCKET s)
{
    struct wsc_sock *e = wsc_enter(s);
    int r;

    if (!e)
        return SOCKET_ERROR;
    r = wsc_e_closesocket(e); /* consumes our reference */
    return r < 0 ? wsc_fail(-r) : wsc_ok(0);
}

int ws_shutdown(SOCKET s, int how)
{
    static const int linux_how[] = { SHUT_RD, SHUT_WR, SHUT_RDWR };
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    if (how < SD_RECEIVE || how > SD_BOTH)
        return wsc_leave(e, -WSAEINVAL);
    return wsc_leave(e, wsc_e_shutdown(e, linux_how[how]));
}

/* TCP and UDP carry no disconnect data: some given is WSAENOPROTOOPT
 * (Microsoft's page, for a provider without it), none is shutdown's. */
static int disconnect(SOCKET s, LPWSABUF data, int how)
{
    WSABUF b = { 0, NULL };
    struct wsc_sock *e;

    if (data) {
        if (!(e = wsc_enter(s)))
            return SOCKET_ERROR;
        if (wsc_bad_ptr(data) || wsc_copy_in(&b, data, sizeof(b)))
            return wsc_leave(e, -WSAEFAULT);
        if (b.len)
            return wsc_leave(e, -WSAENOPROTOOPT);
        wsc_leave(e, 0);
    }
    return ws_shutdown(s, how);
}

int ws_WSASendDisconnect(SOCKET s, LPWSABUF data)
{
    return disconnect(s, data, SD_SEND);
}

int ws_WSARecvDisconnect(SOCKET s, LPWSABUF data)
{
    return disconnect(s, data, SD_RECEIVE);
}

static int any_address(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET)
        return ((const struct sockaddr_in *)ss)->sin_port == 0;
    if (ss->ss_family == AF_INET6)
        return ((const struct sockaddr_in6 *)ss)->sin6_port == 0;
    return 0;
}

/* The name out to the caller, when *namelen says it fits. */
static long name_out(struct sockaddr *name, int *namelen,
                     const struct sockaddr_storage *ss, socklen_t len)
{
    int n = 0;

    if (wsc_bad_ptr(name) || wsc_bad_ptr(namelen) ||
        wsc_copy_in(&n, namelen, sizeof(n)) || n < (int)len ||
        wsc_copy_out(name, ss, len))
        return -WSAEFAULT;
    n = (int)len;
    return wsc_copy_out(namelen, &n, sizeof(n));
}

static int get_name(SOCKET s, int peer, struct sockaddr *name, int *namelen)
{
    struct wsc_sock *e = wsc_enter(s);
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    long r;

    if (!e)
        return SOCKET_ERROR;
    memset(&ss, 0, sizeof(ss));
    r = wsc_e_getname(e, peer, (struct sockaddr *)&ss, &len);
    if (r == 0 && !peer && any_address(&ss))
        r = -WSAEINVAL; /* Windows: an unbound socket has no name */
    if (r == 0)
        r = name_out(name, namelen, &ss, len);
    return wsc_leave(e, r);
}

int ws_getsockname(SOCKET s, struct sockaddr *name, int *namelen)
{
    return get_name(s, 0, name, namelen);
}

int ws_getpeername(SOCKET s, struct sockaddr *name, int *namelen)
{
    return get_name(s, 1, name, namelen);
}
