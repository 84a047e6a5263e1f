/* Sockets come and connect: socket, bind, listen, accept, connect.  The
 * kernel socket is in the application's blocking mode: a blocking accept
 * sleeps in the kernel (closesocket wakes it by shutting the listener's
 * receiving side); a blocking connect is started non-blocking and waited
 * for in the blocking driver, which closesocket can wake. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include "engine.h"
#include "os.h"

/* Windows tells an unconnected UDP socket of the port unreachable its
 * datagram drew (WSAECONNRESET at the next recvfrom); Linux does only
 * with IP_RECVERR, which also queues each error (io.c drains them). */
static void udp_errors_on(int fd, int family)
{
    int on = 1;

    if (family == AF_INET)
        wsc_os.setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof(on));
    else if (family == AF_INET6)
        wsc_os.setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
}

int wsc_e_socket(int family, int type, int proto, uint32_t flags)
{
    int fd = wsc_os.socket(family, type | ((flags & WSC_F_NONBLOCK) ?
                                          SOCK_NONBLOCK : 0), proto);

    if (fd < 0)
        return wsc_errno_result(WSC_OP_SOCKET, errno, 0);
    type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (type == SOCK_DGRAM && !wsc_posix_mode)
        udp_errors_on(fd, family);
    if (!wsc_register(fd, family, type, flags)) {
        wsc_os.close(fd);
        return -WSAEMFILE;
    }
    /* wsc_register left a reference for us; the handle keeps its own. */
    wsc_release(wsc_entry(fd));
    return fd;
}

static int port_of(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET)
        return ntohs(((const struct sockaddr_in *)ss)->sin_port);
    if (ss->ss_family == AF_INET6)
        return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
    return -1;
}

int wsc_e_is_bound(struct wsc_sock *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    memset(&ss, 0, sizeof(ss));
    if (wsc_os.getsockname(e->fd, (struct sockaddr *)&ss, &len) < 0)
        return 0;
    /* Families without ports: the kernel is the judge. */
    return port_of(&ss) != 0;
}

struct port_search {
    int port;
    int self;
    int found;
};

static void find_exclusive(struct wsc_sock *e, void *arg)
{
    struct port_search *ps = arg;
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (e->fd != ps->self && (wsc_flags(e) & WSC_F_EXCLUSIVE) &&
        wsc_os.getsockname(e->fd, (struct sockaddr *)&ss, &len) == 0 &&
        port_of(&ss) == ps->port)
        ps->found = 1;
    wsc_release(e);
}

/* Windows answers some address conflicts with WSAEACCES: when our
 * SO_REUSEADDR tries to take a port held without it, or when the holder
 * has SO_EXCLUSIVEADDRUSE (known for holders in this process). */
static int bind_conflict(struct wsc_sock *e, const struct sockaddr *sa,
                         socklen_t len)
{
    struct sockaddr_storage ss;
    struct port_search ps;
    uint32_t f = wsc_flags(e);

    if (f & WSC_F_REUSEADDR)
        return -WSAEACCES;
    memset(&ss, 0, sizeof(ss));
    memcpy(&ss, sa, len < sizeof(ss) ? len : sizeof(ss));
    ps.port = port_of(&ss);
    ps.self = e->fd;
    ps.found = 0;
    if (ps.port > 0 && !(f & WSC_F_EXCLUSIVE))
        wsc_foreach_open(find_exclusive, &ps);
    return ps.found ? -WSAEACCES : -WSAEADDRINUSE;
}

int wsc_e_known_bound(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_BOUND)
        return 1;
    if (!wsc_e_is_bound(e))
        return 0;
    wsc_set_flags(e, WSC_F_BOUND);
    return 1;
}

/* An address as bind conflicts see it: a v4-mapped IPv6 address is the
 * IPv4 one; a dual-stack :: covers every IPv4 address too. */
struct bound_addr {
    int v6, any, dual, port;
    unsigned char a[16];
};

static int v6only(int fd)
{
    int v = 1;
    socklen_t len = sizeof(v);

    if (wsc_os.getsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, &len) < 0)
        return 1;
    return v != 0;
}

static void bound_addr_of(const struct sockaddr_storage *ss, int fd,
                          struct bound_addr *b)
{
    static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
    const struct sockaddr_in6 *s6 = (const void *)ss;
    const struct sockaddr_in *s4 = (const void *)ss;
    static const unsigned char zero[16];

    memset(b, 0, sizeof(*b));
    b->port = port_of(ss);
    if (ss->ss_family == AF_INET6 &&
        memcmp(s6->sin6_addr.s6_addr, mapped, sizeof(mapped))) {
        b->v6 = 1;
        memcpy(b->a, s6->sin6_addr.s6_addr, 16);
        b->any = !memcmp(b->a, zero, 16);
        b->dual = b->any && !v6only(fd);
        return;
    }
    if (ss->ss_family == AF_INET6)
        memcpy(b->a, s6->sin6_addr.s6_addr + 12, 4);
    else
        memcpy(b->a, &s4->sin_addr, 4);
    b->any = !memcmp(b->a, zero, 4);
}

enum { APART, SAME, FIRST_WIDER, SECOND_WIDER };

/* How the addresses of two sockets on one port overlap. */
static int overlap(const struct bound_addr *x, const struct bound_addr *y)
{
    if (x->v6 != y->v6) {
        if (x->v6)
            return x->dual ? FIRST_WIDER : APART;
        return y->dual ? SECOND_WIDER : APART;
    }
    if (!memcmp(x->a, y->a, x->v6 ? 16 : 4))
        return SAME;
    if (x->any)
        return FIRST_WIDER;
    return y->any ? SECOND_WIDER : APART;
}

/* Windows' answer to binding a socket with flags nf beside one of ours
 * with flags hf (both bound, neither listening), 0 if they may share:
 * one address is taken unless both asked for SO_REUSEADDR (rows 11a,
 * 11b, 11c); a wider exclusive one refuses the narrower, a narrower one
 * refuses a wider exclusive newcomer (row 11f, sock.c tests_exclusive). */
static int share_answer(int how, uint32_t hf, uint32_t nf)
{
    switch (how) {
    case SAME:
        if ((hf | nf) & WSC_F_EXCLUSIVE)
            return -WSAEADDRINUSE;
        if ((hf & nf) & WSC_F_REUSEADDR)
            return 0;
        return (nf & WSC_F_REUSEADDR) ? -WSAEACCES : -WSAEADDRINUSE;
    case FIRST_WIDER:
        return (hf & WSC_F_EXCLUSIVE) ? -WSAEACCES : 0;
    case SECOND_WIDER:
        return (nf & WSC_F_EXCLUSIVE) ? -WSAEADDRINUSE : 0;
    }
    return 0;
}

struct holder_search {
    struct bound_addr want;
    struct wsc_sock *self;
    int code; /* what the bind fails with, or 0 */
};

/* A stream of ours bound to the port, neither listening nor connected:
 * the kernel lets the two share it (both have Linux's SO_REUSEADDR), so
 * Windows' rules are applied here. */
static void find_holder(struct wsc_sock *e, void *arg)
{
    struct holder_search *hs = arg;
    struct sockaddr_storage ss;
    struct bound_addr b;
    socklen_t len = sizeof(ss);
    uint32_t f = wsc_flags(e);

    memset(&ss, 0, sizeof(ss));
    if (!hs->code && e != hs->self && e->type == SOCK_STREAM &&
        (f & WSC_F_BOUND) && !(f & WSC_F_LISTENING) && !wsc_e_has_peer(e) &&
        wsc_os.getsockname(e->fd, (struct sockaddr *)&ss, &len) == 0 &&
        port_of(&ss) == hs->want.port) {
        bound_addr_of(&ss, e->fd, &b);
        hs->code = share_answer(overlap(&b, &hs->want), f,
                                wsc_flags(hs->self));
    }
    wsc_release(e);
}

/* A Windows-mode stream binds with Linux's SO_REUSEADDR, as every TCP
 * socket under Wine does: Windows lets a port whose old connections wait
 * in TIME_WAIT be bound again (a restarted server), Linux only when both
 * the old socket and the new have it.  What that lets through that
 * Windows refuses is refused here, for the sockets this process holds;
 * a listener's conflicts stay the kernel's (bind_conflict). */
static int bind_reusing(struct wsc_sock *e, const struct sockaddr *sa,
                        socklen_t len)
{
    struct sockaddr_storage ss;
    struct holder_search hs;
    int on = 1;

    if (wsc_posix_mode || e->type != SOCK_STREAM ||
        (sa->sa_family != AF_INET && sa->sa_family != AF_INET6))
        return 0;
    memset(&ss, 0, sizeof(ss));
    memcpy(&ss, sa, len < sizeof(ss) ? len : sizeof(ss));
    memset(&hs, 0, sizeof(hs));
    bound_addr_of(&ss, e->fd, &hs.want);
    hs.self = e;
    if (hs.want.port > 0)
        wsc_foreach_open(find_holder, &hs);
    if (hs.code)
        return hs.code;
    wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    return 0;
}

int wsc_e_bind(struct wsc_sock *e, const struct sockaddr *sa, socklen_t len)
{
    int r;

    /* Bound already: WSAEINVAL (a raw socket's "port" is its protocol,
     * there from the start: only its own bind counts). */
    if (e->type == SOCK_RAW ? (wsc_flags(e) & WSC_F_BOUND) != 0
                            : (e->family == AF_INET || e->family == AF_INET6) &&
                                  wsc_e_is_bound(e))
        return -WSAEINVAL;
    if ((r = bind_reusing(e, sa, len)) < 0)
        return r;
    if (wsc_os.bind(e->fd, sa, len) == 0) {
        wsc_set_flags(e, WSC_F_BOUND);
        return 0;
    }
    if (errno == EADDRINUSE)
        return bind_conflict(e, sa, len);
    return wsc_errno_result(WSC_OP_BIND, errno, wsc_flags(e));
}

int wsc_e_kernel_bind(struct wsc_sock *e, const struct sockaddr *sa,
                      socklen_t len)
{
    if (wsc_os.bind(e->fd, sa, len) < 0)
        return WSC_E_ERRNO;
    wsc_set_flags(e, WSC_F_BOUND);
    return 0;
}

int wsc_e_kernel_listen(struct wsc_sock *e, int backlog)
{
    if (wsc_os.listen(e->fd, backlog) < 0)
        return WSC_E_ERRNO;
    wsc_set_flags(e, WSC_F_LISTENING | WSC_F_BOUND);
    return 0;
}

/* Windows gives a port's connections to the first of the SO_REUSEADDR
 * listeners sharing it, where Linux spreads them over its reuseport
 * group: a program returning 0 steers them to the group's first
 * socket (row 11c). */
static void steer_to_first(struct wsc_sock *e)
{
    struct sock_filter first = { BPF_RET | BPF_K, 0, 0, 0 };
    struct sock_fprog prog = { 1, &first };

    wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &prog,
                      sizeof(prog));
}

/* What a socket's kernel socket keeps when it is renewed. */
static const struct {
    int level, name;
} renewed_opts[] = {
    { SOL_SOCKET, SO_REUSEADDR }, { SOL_SOCKET, SO_REUSEPORT },
    { SOL_SOCKET, SO_KEEPALIVE }, { SOL_SOCKET, SO_OOBINLINE },
    { SOL_SOCKET, SO_LINGER },    { IPPROTO_TCP, TCP_NODELAY },
    { IPPROTO_IPV6, IPV6_V6ONLY },
};

/* A fresh kernel socket under the number, with the options above, the
 * file flags and the local address of the one it replaces: 0 or -1. */
static int ksock_renew(struct wsc_sock *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss), vlen;
    int proto = 0, fd, fl, fdfl;
    char val[sizeof(struct linger)];
    size_t i;

    vlen = sizeof(proto);
    if (wsc_os.getsockname(e->fd, (struct sockaddr *)&ss, &len) < 0 ||
        wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_PROTOCOL, &proto, &vlen) < 0)
        return -1;
    if ((fd = wsc_os.socket(e->family, e->type | SOCK_CLOEXEC, proto)) < 0)
        return -1;
    for (i = 0; i < sizeof(renewed_opts) / sizeof(renewed_opts[0]); i++) {
        vlen = sizeof(val);
        if (wsc_os.getsockopt(e->fd, renewed_opts[i].level,
                              renewed_opts[i].name, val, &vlen) == 0)
            wsc_os.setsockopt(fd, renewed_opts[i].level, renewed_opts[i].name,
                              val, vlen);
    }
    fl = wsc_os.fcntl(e->fd, F_GETFL, 0);
    fdfl = wsc_os.fcntl(e->fd, F_GETFD, 0);
    if (fl >= 0)
        wsc_os.fcntl(fd, F_SETFL, fl);
    wsc_async_unwatch(e);
    /* (The old one goes first: it holds the address.) */
    if (wsc_os.dup2(fd, e->fd) < 0) {
        wsc_os.close(fd);
        return -1;
    }
    wsc_os.close(fd);
    if (fdfl >= 0)
        wsc_os.fcntl(e->fd, F_SETFD, fdfl);
    return wsc_os.bind(e->fd, (struct sockaddr *)&ss, len);
}

int wsc_e_listen(struct wsc_sock *e, int backlog)
{
    if (e->type != SOCK_STREAM)
        return -WSAEOPNOTSUPP;
    /* Windows does not bind on listen; Linux would pick a port. */
    if (!wsc_e_is_bound(e))
        return -WSAEINVAL;
    if (backlog < 0)
        backlog = SOMAXCONN;
    /* Linux does not listen on a socket a connect was tried on, even a
     * failed one; Windows does (row ER3): the kernel socket is renewed. */
    if (wsc_os.listen(e->fd, backlog) < 0 &&
        (errno != EINVAL ||
         (wsc_flags(e) & (WSC_F_CONNECTED | WSC_F_CONNECTING |
                          WSC_F_LISTENING)) ||
         ksock_renew(e) < 0 || wsc_os.listen(e->fd, backlog) < 0))
        return wsc_errno_result(WSC_OP_LISTEN, errno, wsc_flags(e));
    if (wsc_flags(e) & WSC_F_REUSEADDR)
        steer_to_first(e);
    wsc_set_flags(e, WSC_F_LISTENING);
    return 0;
}

/* The accepted socket inherits the listener's Winsock-level state that
 * the kernel does not copy: timeouts, blocking mode, OOB-inline. */
static void inherit(struct wsc_sock *from, struct wsc_sock *to)
{
    uint32_t keep = WSC_F_NONBLOCK | WSC_F_OOBINLINE | WSC_F_REUSEADDR |
                    WSC_F_RCVTIMEO;

    WSC_COPY_RELAXED(to->s->rcvtimeo_ms, from->s->rcvtimeo_ms);
    WSC_COPY_RELAXED(to->s->sndtimeo_ms, from->s->sndtimeo_ms);
    wsc_set_flags(to, (wsc_flags(from) & keep) | WSC_F_ACCEPTED);
    wsc_e_opts_inherit(from, to);
    wsc_netev_inherit(from, to);
}

_Atomic int wsc_deferred_count;

/* A connection WSAAccept deferred (CF_DEFER) waits in its listener,
 * taken from the kernel already: the next accept of any kind takes it
 * first, in the listener's blocking mode of now. */
int wsc_e_take_deferred(struct wsc_sock *e, struct sockaddr *sa,
                        socklen_t *len, int nonblock)
{
    int fd = wsc_ksock_take_deferred(e->s), fl;

    if (fd < 0)
        return -1;
    atomic_fetch_sub(&wsc_deferred_count, 1);
    if (sa && wsc_os.getpeername(fd, sa, len) < 0)
        *len = 0;
    fl = wsc_os.fcntl(fd, F_GETFL, 0);
    if (fl >= 0)
        wsc_os.fcntl(fd, F_SETFL,
                     nonblock ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
    return fd;
}

int wsc_e_accept_raw(struct wsc_sock *e, struct sockaddr *sa, socklen_t *len,
                     int kflags)
{
    uint32_t nb = wsc_flags(e) & WSC_F_NONBLOCK;
    int fd;

    if (!(wsc_flags(e) & WSC_F_LISTENING))
        return -WSAEINVAL;
    fd = wsc_e_take_deferred(e, sa, len, nb != 0);
    if (fd >= 0)
        return fd;
    /* The new socket starts in the listener's mode, as on Windows. */
    kflags |= nb ? SOCK_NONBLOCK : 0;
    for (;;) {
        /* A thread APCs can reach waits alertably, in a poll, until a
         * connection is there (row OV9); others sleep in the kernel. */
        if (!nb && wsc_alertable_thread()) {
            int r = wsc_wait(e, POLLIN, WSC_FOREVER);

            if (r < 0)
                return r == -WSAEINTR ? wsc_closing_error(e, WSC_OP_ACCEPT)
                                      : r;
        }
        fd = wsc_os.accept4(e->fd, sa, len, kflags);
        if (fd >= 0)
            return fd;
        if (wsc_flags(e) & WSC_F_CLOSING)
            return wsc_closing_error(e, WSC_OP_ACCEPT);
        if (errno == ECONNABORTED)
            continue;
        if (errno == EINTR) {
            if (wsc_posix_mode && !wsc_signal_restarts())
                return WSC_E_SIGNAL;
            continue;
        }
        /* Windows times receives, not accept; Linux applies the
         * listener's SO_RCVTIMEO to a blocking accept too. */
        if (errno == EAGAIN && !nb && !wsc_posix_mode)
            continue;
        if (errno == EAGAIN) {
            wsc_netev_reenable(e, WSC_FD_ACCEPT);
            return -WSAEWOULDBLOCK;
        }
        return wsc_errno_result(WSC_OP_ACCEPT, errno, wsc_flags(e));
    }
}

int wsc_e_accept_take(struct wsc_sock *e, int fd)
{
    struct wsc_sock *ne = wsc_register(fd, e->family, e->type, 0);

    if (!ne) {
        wsc_os.close(fd);
        return -WSAEMFILE;
    }
    inherit(e, ne);
    wsc_release(ne);
    wsc_netev_reenable(e, WSC_FD_ACCEPT);
    return fd;
}

int wsc_e_route_source(const struct sockaddr *dst, socklen_t dlen,
                       struct sockaddr *src, socklen_t *slen)
{
    int fd = wsc_os.socket(dst->sa_family, SOCK_DGRAM | SOCK_CLOEXEC, 0), r = 0;

    if (fd < 0)
        return wsc_errno_result(WSC_OP_SOCKET, errno, 0);
    if (wsc_os.connect(fd, dst, dlen) < 0 ||
        wsc_os.getsockname(fd, src, slen) < 0)
        r = errno == ENETUNREACH ? -WSAENETUNREACH
                                 : wsc_errno_result(WSC_OP_CONNECT, errno, 0);
    wsc_os.close(fd);
    return r;
}

/* The error a datagram socket just reported came from its queue of
 * ICMP errors (IP_RECVERR, udp_errors_on): taken off, so that the queue
 * does not fill the receive buffer and the next error shows. */
void wsc_e_dgram_error_taken(struct wsc_sock *e, int err)
{
    char buf[256];
    struct msghdr m;

    if (err == EAGAIN || err == EINTR || err == EFAULT || err == EINVAL ||
        err == EBADF || err == ENOTSOCK)
        return;
    memset(&m, 0, sizeof(m));
    m.msg_control = buf;
    m.msg_controllen = sizeof(buf);
    wsc_os.recvmsg(e->fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT);
}

int wsc_e_refused_ignored(struct wsc_sock *e, int err)
{
    if (err != ECONNREFUSED || e->type == SOCK_STREAM ||
        !(wsc_flags(e) & WSC_F_NO_CONNRESET))
        return 0;
    wsc_e_dgram_error_taken(e, err);
    return 1;
}

void wsc_e_set_udp_connreset(struct wsc_sock *e, int on)
{
    if (on)
        wsc_clear_flags(e, WSC_F_NO_CONNRESET);
    else
        wsc_set_flags(e, WSC_F_NO_CONNRESET);
}

int wsc_e_accepted_name(int fd, struct sockaddr *sa, socklen_t *len)
{
    if (wsc_os.getsockname(fd, sa, len) == 0)
        return 0;
    *len = 0;
    return -1;
}

int wsc_e_accept_defer(struct wsc_sock *e, int fd)
{
    int none = 0;

    if (!atomic_compare_exchange_strong(&e->s->deferred, &none, fd + 1)) {
        wsc_e_abort_fd(fd);
        return -WSAENOBUFS;
    }
    atomic_fetch_add(&wsc_deferred_count, 1);
    return 0;
}

void wsc_e_accept_reject(struct wsc_sock *e, int fd)
{
    wsc_e_abort_fd(fd);
    wsc_netev_reenable(e, WSC_FD_ACCEPT);
}

int wsc_e_accept(struct wsc_sock *e, struct sockaddr *sa, socklen_t *len,
                 int kflags)
{
    int fd = wsc_e_accept_raw(e, sa, len, kflags);

    return fd < 0 ? fd : wsc_e_accept_take(e, fd);
}

/* Kernel SO_ERROR, consumed. */
static int kernel_so_error(struct wsc_sock *e)
{
    int err = 0;
    socklen_t len = sizeof(err);

    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        return errno;
    return err;
}

/* Once the outcome of a non-blocking connect is known, Linux moves the
 * socket out of its connecting state only at the next connect call: until
 * then a connect after success returns 0 instead of EISCONN, and one
 * after a failure ECONNABORTED instead of trying again.  Make that call. */
static void connect_finish(struct wsc_sock *e)
{
    struct sockaddr_storage ss, local;
    socklen_t len = sizeof(ss), llen = sizeof(local);

    memset(&ss, 0, sizeof(ss));
    if (wsc_os.getpeername(e->fd, (struct sockaddr *)&ss, &len) == 0) {
        wsc_os.connect(e->fd, (struct sockaddr *)&ss, len);
        return;
    }
    /* Failed: AF_UNSPEC takes the socket back to unconnected, and Linux
     * lets go of a port it chose (getsockname still shows it, listen
     * picks another); Windows' socket keeps its address (a listen or the
     * next connect uses it): bound to it again (EINVAL if still bound). */
    memset(&local, 0, sizeof(local));
    if (wsc_os.getsockname(e->fd, (struct sockaddr *)&local, &llen) < 0)
        llen = 0;
    ss.ss_family = AF_UNSPEC;
    wsc_os.connect(e->fd, (struct sockaddr *)&ss, sizeof(struct sockaddr));
    if (llen && port_of(&local) > 0)
        wsc_os.bind(e->fd, (struct sockaddr *)&local, llen);
}

/* A reset can only reach an established connection (refused in SYN_SENT
 * is ECONNREFUSED): Windows' connect had succeeded by then, and the
 * reset is the first receive's. */
static int reset_since_connected(struct wsc_sock *e, int err)
{
    if (err != ECONNRESET || e->type != SOCK_STREAM)
        return 0;
    wsc_set_flags(e, WSC_F_CONNECTED | WSC_F_RESET);
    return 1;
}

/* Settle a pending non-blocking connect: 1 connected, 0 still pending,
 * or -WSA code of the failure, which Windows latches in SO_ERROR. */
static int connect_settle(struct wsc_sock *e)
{
    struct pollfd p = { .fd = e->fd, .events = POLLOUT };
    int err;

    if (wsc_os.poll(&p, 1, 0) <= 0)
        return 0;
    err = kernel_so_error(e);
    wsc_clear_flags(e, WSC_F_CONNECTING);
    connect_finish(e);
    if (reset_since_connected(e, err))
        err = 0;
    if (err) {
        int code = -wsc_errno_result(WSC_OP_CONNECT, err, 0);
        atomic_store(&e->s->so_error, code);
        wsc_set_flags(e, WSC_F_CONNFAILED);
        return -code;
    }
    atomic_store(&e->s->so_error, 0);
    wsc_set_flags(e, WSC_F_CONNECTED);
    wsc_e_mark_connected(e);
    return 1;
}

int wsc_e_so_error(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_CONNECTING)
        connect_settle(e);
    return atomic_load(&e->s->so_error);
}

/* 1 when a non-blocking connect failed and select should say so in
 * exceptfds; settles a pending connect. */
int wsc_e_connect_failed(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_CONNECTING)
        return connect_settle(e) < 0;
    return 0;
}

int wsc_e_connect_pending(struct wsc_sock *e)
{
    return (wsc_flags(e) & WSC_F_CONNECTING) && connect_settle(e) == 0;
}

/* connect, without sleeping in the kernel: a blocking socket is made
 * non-blocking for the call, so that the wait happens in the blocking
 * driver, where closesocket can end it. */
int wsc_e_connect_start(struct wsc_sock *e, const struct sockaddr *sa,
                        socklen_t len)
{
    int fl, r, err;

    if (wsc_flags(e) & WSC_F_NONBLOCK)
        return wsc_os.connect(e->fd, sa, len);
    fl = wsc_os.fcntl(e->fd, F_GETFL, 0);
    if (fl >= 0)
        wsc_os.fcntl(e->fd, F_SETFL, fl | O_NONBLOCK);
    r = wsc_os.connect(e->fd, sa, len);
    err = errno;
    if (fl >= 0)
        wsc_os.fcntl(e->fd, F_SETFL, fl);
    errno = err;
    return r;
}

/* connect(AF_UNSPEC) dissolves a UDP association; Linux also gives up a
 * port the system chose, which Windows keeps: bind it again. */
static int udp_disconnect(struct wsc_sock *e, const struct sockaddr *sa,
                          socklen_t len)
{
    struct sockaddr_storage before;
    socklen_t blen = sizeof(before);
    int had = wsc_os.getsockname(e->fd, (struct sockaddr *)&before, &blen) == 0
              && port_of(&before) > 0;

    if (wsc_os.connect(e->fd, sa, len) < 0)
        return wsc_errno_result(WSC_OP_CONNECT, errno, wsc_flags(e));
    wsc_clear_flags(e, WSC_F_CONNECTED);
    if (had && !wsc_e_is_bound(e))
        wsc_os.bind(e->fd, (struct sockaddr *)&before, blen);
    return 0;
}

/* SO_UPDATE_CONNECT_CONTEXT: a socket ConnectEx connected becomes an
 * ordinary connected one (connect WSAEISCONN, getpeername works). */
int wsc_e_update_connect_context(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_CONNECTEX) {
        wsc_clear_flags(e, WSC_F_CONNECTEX);
        connect_finish(e);
    }
    return 0;
}

/* Under WSAEventSelect, look at the socket now: a UDP connect makes no
 * readiness edge, and a loopback connect can complete before
 * WSC_F_CONNECTING is set, its edge gone by (rows EV7, EV25). */
static void netev_connect(struct wsc_sock *e)
{
    if (wsc_netev_active(e))
        wsc_netev_reenable(e, WSC_FD_CONNECT);
}

/* The wait of a blocking connect, until the deadline: 0, or the -WSA
 * code.  When the time is up the attempt is given up (connect_finish),
 * so that the socket may connect again. */
static int connect_wait(struct wsc_sock *e, uint32_t f, int64_t deadline)
{
    int r, err;

    for (;;) {
        r = wsc_wait(e, POLLOUT, deadline);
        if (r == -WSAEINTR)
            return wsc_closing_error(e, WSC_OP_CONNECT);
        if (r == -WSAETIMEDOUT)
            connect_finish(e);
        if (r)
            return r;
        {
            struct pollfd p = { .fd = e->fd, .events = POLLOUT };
            if (wsc_os.poll(&p, 1, 0) > 0)
                break;
        }
    }
    /* A blocking connect's failure is returned, not latched (row 9b). */
    err = kernel_so_error(e);
    connect_finish(e);
    if (err && !reset_since_connected(e, err))
        return wsc_errno_result(WSC_OP_CONNECT, err, f);
    wsc_set_flags(e, WSC_F_CONNECTED);
    return 0;
}

/* A connect that succeeded: the socket's state says so. */
static void connected_now(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_CONNECTING)
        wsc_clear_flags(e, WSC_F_CONNECTING);
    wsc_set_flags(e, WSC_F_CONNECTED);
    wsc_e_mark_connected(e);
    if (atomic_load_explicit(&e->s->so_error, memory_order_relaxed))
        atomic_store(&e->s->so_error, 0);
    netev_connect(e);
}

/* A blocking connect without a deadline sleeps in the kernel, as plain
 * Linux's does, so that a connection costs the system calls it costs
 * there.  closesocket ends the sleep (close.c, wake_everyone: a shutdown
 * disconnects a connecting socket, and a send timeout set first makes a
 * connect that was not asleep yet give up within a tick). */
static int connect_in_kernel(struct wsc_sock *e, const struct sockaddr *sa,
                             socklen_t len, uint32_t f)
{
    int err;

    for (;;) {
        if (wsc_os.connect(e->fd, sa, len) == 0) {
            connected_now(e);
            return 0;
        }
        err = errno;
        if (wsc_flags(e) & WSC_F_CLOSING)
            return wsc_closing_error(e, WSC_OP_CONNECT);
        if (err != EINTR)
            break;
        if (wsc_posix_mode && !wsc_signal_restarts())
            return WSC_E_SIGNAL;
        /* (Called again, connect goes on waiting for the same attempt.) */
    }
    if (err == EINPROGRESS || err == EALREADY) {
        /* Linux's SO_SNDTIMEO ran out (only a POSIX program sets it in
         * the kernel): the attempt goes on, as Linux has it. */
        wsc_set_flags(e, WSC_F_CONNECTING);
        if (wsc_posix_mode)
            return wsc_errno_result(WSC_OP_CONNECT, err, f);
        return connect_wait(e, f, WSC_FOREVER);
    }
    if (err == EISCONN && (f & WSC_F_CONNECTING)) {
        wsc_clear_flags(e, WSC_F_CONNECTING);
        atomic_store(&e->s->so_error, 0);
        return -WSAEISCONN;
    }
    if (reset_since_connected(e, err))
        return 0;
    return wsc_errno_result(WSC_OP_CONNECT, err, f);
}

/* connect; block: wait for the outcome (until the deadline) instead of
 * WSAEWOULDBLOCK. */
static int do_connect(struct wsc_sock *e, const struct sockaddr *sa,
                      socklen_t len, int block, int64_t deadline)
{
    uint32_t f = wsc_flags(e);
    int err;

    /* Also a socket a ConnectEx or an AcceptEx is working on, or one a
     * ConnectEx connected until its context is updated (row MX18). */
    if (f & (WSC_F_LISTENING | WSC_F_ACONNECT | WSC_F_ACCEPTING |
             WSC_F_CONNECTEX))
        return -WSAEINVAL;
    if (e->type == SOCK_DGRAM && sa->sa_family == AF_UNSPEC)
        return udp_disconnect(e, sa, len);
    if (block && deadline == WSC_FOREVER && e->type == SOCK_STREAM &&
        !(f & (WSC_F_NONBLOCK | WSC_F_CONNECTING)))
        return connect_in_kernel(e, sa, len, f);
    if (wsc_e_connect_start(e, sa, len) == 0) {
        connected_now(e);
        /* Linux tells a pending connect's success to the next connect;
         * Windows' next connect finds the socket connected. */
        return (f & WSC_F_CONNECTING) ? -WSAEISCONN : 0;
    }
    err = errno;
    if (err == EALREADY)
        return -WSAEALREADY;
    if (err == EISCONN && (f & WSC_F_CONNECTING)) {
        /* The pending connect has completed since. */
        wsc_clear_flags(e, WSC_F_CONNECTING);
        atomic_store(&e->s->so_error, 0);
        return -WSAEISCONN;
    }
    if (err != EINPROGRESS)
        return wsc_errno_result(WSC_OP_CONNECT, err, f);
    if (!block) {
        wsc_set_flags(e, WSC_F_CONNECTING);
        netev_connect(e);
        return -WSAEWOULDBLOCK;
    }
    return connect_wait(e, f, deadline);
}

/* The attempt's outcome, for select: a socket whose last connect failed
 * stays in exceptfds (rows 9b, 9d), until another attempt. */
static int connect_outcome(struct wsc_sock *e, int r)
{
    if (r == -WSAECONNREFUSED || r == -WSAETIMEDOUT ||
        r == -WSAENETUNREACH || r == -WSAEHOSTUNREACH)
        wsc_set_flags(e, WSC_F_CONNFAILED);
    return r;
}

static int connect_attempt(struct wsc_sock *e, const struct sockaddr *sa,
                           socklen_t len, int block, int64_t deadline)
{
    if (wsc_flags(e) & WSC_F_CONNFAILED)
        wsc_clear_flags(e, WSC_F_CONNFAILED);
    return connect_outcome(e, do_connect(e, sa, len, block, deadline));
}

int wsc_e_connect(struct wsc_sock *e, const struct sockaddr *sa,
                  socklen_t len)
{
    return connect_attempt(e, sa, len, !(wsc_flags(e) & WSC_F_NONBLOCK),
                           WSC_FOREVER);
}

int wsc_e_connect_until(struct wsc_sock *e, const struct sockaddr *sa,
                        socklen_t len, int64_t deadline)
{
    return connect_attempt(e, sa, len, 1, deadline);
}
