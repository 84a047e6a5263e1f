/* Socket options at the engine's level: Linux numbers in, Windows
 * semantics kept in the entry where the kernel has none (timeouts,
 * blocking mode, reuse flags). */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/sockios.h>
#include <fcntl.h>
#include <sys/time.h>
#include <poll.h>
#include "engine.h"
#include "os.h"
#include "usermem.h"

int wsc_e_setopt_int(struct wsc_sock *e, int level, int name, int val)
{
    if (wsc_os.setsockopt(e->fd, level, name, &val, sizeof(val)) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    if (level == SOL_SOCKET && name == SO_SNDBUF) {
        atomic_store(&e->s->sndbuf_set, val > 0 ? (uint32_t)val : 0);
        atomic_fetch_or(&e->s->bufs_set, WSC_BUF_SND);
    }
    if (level == SOL_SOCKET && name == SO_RCVBUF) {
        atomic_store(&e->s->rcvbuf_set, val > 0 ? (uint32_t)val : 0);
        atomic_fetch_or(&e->s->bufs_set, WSC_BUF_RCV);
    }
    if (level == SOL_SOCKET && name == SO_OOBINLINE) {
        if (val)
            wsc_set_flags(e, WSC_F_OOBINLINE);
        else
            wsc_clear_flags(e, WSC_F_OOBINLINE);
    }
    return 0;
}

int wsc_e_setopt_raw(struct wsc_sock *e, int level, int name,
                     const void *val, socklen_t len)
{
    if (wsc_os.setsockopt(e->fd, level, name, val, len) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    return 0;
}

int wsc_e_getopt_int(struct wsc_sock *e, int level, int name, int *val)
{
    socklen_t len = sizeof(*val);

    *val = 0;
    if (wsc_os.getsockopt(e->fd, level, name, val, &len) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    return 0;
}

int wsc_e_getopt_raw(struct wsc_sock *e, int level, int name, void *val,
                     socklen_t *len)
{
    if (wsc_os.getsockopt(e->fd, level, name, val, len) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    return 0;
}

uint32_t wsc_e_kept(struct wsc_sock *e, int slot)
{
    return slot >= 0 && slot < WSC_KEPT_MAX ? atomic_load(&e->s->kept[slot])
                                            : 0;
}

_Static_assert(WSC_KEPT_MAX <= 32, "kept_used has a bit per slot");

void wsc_e_keep(struct wsc_sock *e, int slot, uint32_t v)
{
    struct wsc_ksock *s = e->s;

    if (slot < 0 || slot >= WSC_KEPT_MAX)
        return;
    atomic_store(&s->kept[slot], v);
    if (!(atomic_load_explicit(&s->kept_used, memory_order_relaxed) &
          (1u << slot)))
        atomic_fetch_or(&s->kept_used, 1u << slot);
}

int wsc_e_set_buf(struct wsc_sock *e, int rcv, int val)
{
    return wsc_e_setopt_int(e, SOL_SOCKET, rcv ? SO_RCVBUF : SO_SNDBUF, val);
}

int wsc_e_get_buf(struct wsc_sock *e, int rcv, int *val)
{
    if (atomic_load(&e->s->bufs_set) & (rcv ? WSC_BUF_RCV : WSC_BUF_SND)) {
        *val = (int)atomic_load(rcv ? &e->s->rcvbuf_set : &e->s->sndbuf_set);
        return 0;
    }
    return wsc_e_getopt_int(e, SOL_SOCKET, rcv ? SO_RCVBUF : SO_SNDBUF, val);
}

void wsc_e_mark_connected(struct wsc_sock *e)
{
    int64_t zero = 0;

    atomic_compare_exchange_strong(&e->s->connected_ms, &zero, wsc_now_ms());
}

/* Milliseconds since a stream connected, -1 when it is not connected. */
static int64_t connected_for(struct wsc_sock *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int64_t t;

    if (e->type != SOCK_STREAM ||
        !(wsc_flags(e) & (WSC_F_CONNECTED | WSC_F_ACCEPTED)) ||
        wsc_os.getpeername(e->fd, (struct sockaddr *)&ss, &len) < 0)
        return -1;
    /* A path that connected without saying so: counted from now. */
    wsc_e_mark_connected(e);
    t = wsc_now_ms() - atomic_load(&e->s->connected_ms);
    return t < 0 ? 0 : t;
}

uint32_t wsc_e_connect_time(struct wsc_sock *e)
{
    int64_t t = connected_for(e);

    return t < 0 ? 0xffffffffu : (uint32_t)(t / 1000);
}

/* The kernel's struct tcp_info (uapi linux/tcp.h) as far as SIO_TCP_INFO
 * reads it; glibc's copy stops at total_retrans.  The kernel fills what
 * it knows and leaves the rest of the zeroed structure alone, so a field
 * newer than the running kernel reads 0. */
struct kernel_tcp_info {
    uint8_t state, ca_state, retransmits, probes, backoff, options;
    uint8_t wscale, flags;
    uint32_t rto, ato, snd_mss, rcv_mss;
    uint32_t unacked, sacked, lost, retrans, fackets;
    uint32_t last_data_sent, last_ack_sent, last_data_recv, last_ack_recv;
    uint32_t pmtu, rcv_ssthresh, rtt, rttvar, snd_ssthresh, snd_cwnd;
    uint32_t advmss, reordering, rcv_rtt, rcv_space, total_retrans;
    uint64_t pacing_rate, max_pacing_rate, bytes_acked, bytes_received;
    uint32_t segs_out, segs_in, notsent_bytes, min_rtt;
    uint32_t data_segs_in, data_segs_out;
    uint64_t delivery_rate, busy_time, rwnd_limited, sndbuf_limited;
    uint32_t delivered, delivered_ce;
    uint64_t bytes_sent, bytes_retrans;
    uint32_t dsack_dups, reord_seen, rcv_ooopack, snd_wnd; /* 4.19 to 5.4 */
    uint32_t rcv_wnd, rehash;                              /* 6.2 */
    uint16_t total_rto, total_rto_recoveries;              /* 6.7 */
    uint32_t total_rto_time;
};
_Static_assert(offsetof(struct kernel_tcp_info, total_retrans) ==
                   offsetof(struct tcp_info, tcpi_total_retrans),
               "glibc's part of the kernel's layout");
_Static_assert(offsetof(struct kernel_tcp_info, rcv_wnd) == 232,
               "the kernel's layout");

/* Linux's TCP states (netinet/tcp.h) as Windows numbers them (TCPSTATE:
 * closed, listen, syn sent, syn received, established, fin wait 1 and 2,
 * close wait, closing, last ack, time wait). */
static uint32_t windows_state(unsigned linux_state)
{
    switch (linux_state) {
    case TCP_LISTEN: return 1;
    case TCP_SYN_SENT: return 2;
    case TCP_SYN_RECV: return 3;
    case TCP_ESTABLISHED: return 4;
    case TCP_FIN_WAIT1: return 5;
    case TCP_FIN_WAIT2: return 6;
    case TCP_CLOSE_WAIT: return 7;
    case TCP_CLOSING: return 8;
    case TCP_LAST_ACK: return 9;
    case TCP_TIME_WAIT: return 10;
    default: return 0; /* TCP_CLOSE */
    }
}

static uint32_t clamp32(uint64_t v)
{
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

int wsc_e_tcp_stats(struct wsc_sock *e, struct wsc_tcp_stats *st)
{
    struct kernel_tcp_info k;
    socklen_t len = sizeof(k);
    int queued = 0, rcvbuf = 0;
    int64_t conn;
    uint64_t cwnd_time;

    if (e->type != SOCK_STREAM)
        return -WSAEINVAL;
    memset(&k, 0, sizeof(k));
    if (wsc_os.getsockopt(e->fd, IPPROTO_TCP, TCP_INFO, &k, &len) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    memset(st, 0, sizeof(*st));
    st->state = windows_state(k.state);
    st->mss = k.snd_mss;
    conn = connected_for(e);
    st->connection_ms = conn < 0 ? 0 : (uint64_t)conn;
    st->timestamps = (k.options & TCPI_OPT_TIMESTAMPS) != 0;
    st->rtt_us = k.rtt;
    st->min_rtt_us = k.min_rtt;
    /* Sent and not acknowledged: the send queue less what is unsent. */
    if (k.state != TCP_LISTEN &&
        wsc_os.ioctl(e->fd, SIOCOUTQ, &queued) == 0 &&
        queued > (int)k.notsent_bytes)
        st->in_flight = (uint32_t)queued - k.notsent_bytes;
    st->cwnd = clamp32((uint64_t)k.snd_cwnd * k.snd_mss); /* segments */
    st->snd_wnd = k.snd_wnd;
    st->rcv_wnd = k.rcv_wnd;
    if (wsc_e_get_buf(e, 1, &rcvbuf) == 0 && rcvbuf > 0)
        st->rcv_buf = (uint32_t)rcvbuf;
    st->bytes_out = k.bytes_sent;
    st->bytes_in = k.bytes_received;
    st->bytes_retrans = clamp32(k.bytes_retrans);
    st->timeout_episodes = k.total_rto_recoveries;
    /* Linux counts SYN retransmissions only while it still sends SYNs. */
    st->syn_retrans = k.state == TCP_SYN_SENT ? k.retransmits : 0;
    /* The chronographs, in microseconds; busy_time is the three of them
     * together, the rest of it limited by the congestion window. */
    cwnd_time = k.busy_time > k.rwnd_limited + k.sndbuf_limited
                    ? k.busy_time - k.rwnd_limited - k.sndbuf_limited : 0;
    st->lim_time_rwnd = clamp32(k.rwnd_limited / 1000);
    st->lim_time_cwnd = clamp32(cwnd_time / 1000);
    st->lim_time_snd = clamp32(k.sndbuf_limited / 1000);
    return 0;
}

void wsc_e_opts_inherit(struct wsc_sock *from, struct wsc_sock *to)
{
    /* (Read once: each atomic store would have both read again.) */
    struct wsc_ksock *f = from->s, *t = to->s;
    uint32_t used = atomic_load_explicit(&f->kept_used, memory_order_relaxed) |
                    atomic_load_explicit(&t->kept_used, memory_order_relaxed);

    /* Only the options either was ever given (the rest are 0 in both). */
    atomic_store_explicit(&t->kept_used, used, memory_order_relaxed);
    for (; used; used &= used - 1)
        WSC_COPY_RELAXED(t->kept[__builtin_ctz(used)],
                         f->kept[__builtin_ctz(used)]);
    WSC_COPY_RELAXED(t->sndbuf_set, f->sndbuf_set);
    WSC_COPY_RELAXED(t->rcvbuf_set, f->rcvbuf_set);
    WSC_COPY_RELAXED(t->bufs_set, f->bufs_set);
    wsc_e_mark_connected(to);
}

int wsc_e_set_linger(struct wsc_sock *e, int onoff, int secs)
{
    struct linger lg = { .l_onoff = onoff, .l_linger = secs };

    if (e->type != SOCK_STREAM)
        return -WSAENOPROTOOPT;
    if (wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    return 0;
}

int wsc_e_get_linger(struct wsc_sock *e, int *onoff, int *secs)
{
    struct linger lg;
    socklen_t len = sizeof(lg);

    if (e->type != SOCK_STREAM)
        return -WSAENOPROTOOPT;
    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_LINGER, &lg, &len) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    *onoff = lg.l_onoff;
    *secs = lg.l_linger;
    return 0;
}

/* Windows SO_REUSEADDR lets sockets share a port, listeners included:
 * on Linux that takes SO_REUSEADDR and SO_REUSEPORT together. */
int wsc_e_set_reuse(struct wsc_sock *e, int exclusive, int on)
{
    uint32_t mine = exclusive ? WSC_F_EXCLUSIVE : WSC_F_REUSEADDR;
    uint32_t other = exclusive ? WSC_F_REUSEADDR : WSC_F_EXCLUSIVE;
    int v = on ? 1 : 0;

    if (on && (wsc_flags(e) & other))
        return -WSAEINVAL;
    if (!exclusive) {
        if (wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_REUSEADDR, &v,
                              sizeof(v)) < 0 ||
            wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_REUSEPORT, &v,
                              sizeof(v)) < 0)
            return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    }
    if (on)
        wsc_set_flags(e, mine);
    else
        wsc_clear_flags(e, mine);
    return 0;
}

int wsc_e_set_nonblock(struct wsc_sock *e, int on)
{
    int fl;

    /* WSAEventSelect keeps the socket non-blocking (row EV23). */
    if (!on && (wsc_flags(e) & WSC_F_ASELECT))
        return -WSAEINVAL;
    fl = wsc_os.fcntl(e->fd, F_GETFL, 0);
    if (fl < 0 || wsc_os.fcntl(e->fd, F_SETFL, on ? fl | O_NONBLOCK
                                                  : fl & ~O_NONBLOCK) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    if (on)
        wsc_set_flags(e, WSC_F_NONBLOCK);
    else
        wsc_clear_flags(e, WSC_F_NONBLOCK);
    return 0;
}

/* The receive timeout, and the flag that keeps receives with one off
 * the direct path. */
static void store_rcvtimeo(struct wsc_sock *e, uint32_t ms)
{
    atomic_store(&e->s->rcvtimeo_ms, ms);
    if (ms)
        wsc_set_flags(e, WSC_F_RCVTIMEO);
    else
        wsc_clear_flags(e, WSC_F_RCVTIMEO);
}

int wsc_e_set_rcvtimeo(struct wsc_sock *e, uint32_t ms)
{
    struct timeval tv = { (time_t)(ms / 1000), (suseconds_t)(ms % 1000) * 1000 };

    if (wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
        return wsc_errno_result(WSC_OP_OPT, errno, wsc_flags(e));
    store_rcvtimeo(e, ms);
    return 0;
}

int wsc_e_set_sndtimeo(struct wsc_sock *e, uint32_t ms)
{
    atomic_store(&e->s->sndtimeo_ms, ms);
    return 0;
}

int wsc_e_kernel_timeout(struct wsc_sock *e, int name, const void *tv,
                         socklen_t len)
{
    struct timeval t;
    uint64_t ms;

    if (wsc_os.setsockopt(e->fd, SOL_SOCKET, name, tv, len) < 0)
        return WSC_E_ERRNO;
    if (wsc_copy_in(&t, tv, sizeof(t)))
        return -WSAEFAULT;
    ms = (uint64_t)t.tv_sec * 1000 + ((uint64_t)t.tv_usec + 999) / 1000;
    if (ms > UINT32_MAX)
        ms = UINT32_MAX;
    if (name == SO_RCVTIMEO)
        store_rcvtimeo(e, (uint32_t)ms);
    else
        atomic_store(&e->s->sndtimeo_ms, (uint32_t)ms);
    return 0;
}

int wsc_e_set_so_error(struct wsc_sock *e, int code)
{
    atomic_store(&e->s->so_error, code);
    return 0;
}

int wsc_e_kernel_setfl(struct wsc_sock *e, long fl)
{
    if (wsc_os.fcntl(e->fd, F_SETFL, fl) < 0)
        return WSC_E_ERRNO;
    if (fl & O_NONBLOCK)
        wsc_set_flags(e, WSC_F_NONBLOCK);
    else
        wsc_clear_flags(e, WSC_F_NONBLOCK);
    return 0;
}

int wsc_e_bytes_readable(struct wsc_sock *e)
{
    int n = 0;

    if (e->type == SOCK_STREAM && (wsc_flags(e) & WSC_F_LISTENING))
        return 0;
    if (wsc_os.ioctl(e->fd, FIONREAD, &n) < 0)
        return 0;
    return n;
}

int wsc_e_at_mark(struct wsc_sock *e)
{
    int at = 0;

    if (e->type != SOCK_STREAM)
        return 1;
    /* Linux: 1 when the read pointer is at the urgent mark, i.e. the OOB
     * byte is next; Windows: TRUE when no OOB data is pending. */
    if (wsc_os.ioctl(e->fd, SIOCATMARK, &at) < 0)
        return 1;
    /* In line, the urgent byte is data: FALSE only while data comes
     * before the mark (urgent data pending, POLLPRI, and not next). */
    if (wsc_flags(e) & WSC_F_OOBINLINE) {
        struct pollfd p = { .fd = e->fd, .events = POLLPRI };

        return at || wsc_os.poll(&p, 1, 0) <= 0 || !(p.revents & POLLPRI);
    }
    if (at)
        return 0;
    {
        char c;
        ssize_t r = wsc_os.recvfrom(e->fd, &c, 1, MSG_OOB | MSG_PEEK |
                                    MSG_DONTWAIT, NULL, NULL);
        return r == 1 ? 0 : 1;
    }
}

/* SO_PEERNAME takes no more room than the address has. */
static int peer_after_close(struct wsc_sock *e, struct sockaddr *sa,
                            socklen_t *len)
{
    socklen_t room = e->family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                           : sizeof(struct sockaddr_in);

    if (*len < room)
        room = *len;
    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_PEERNAME, sa, &room) < 0) {
        errno = ENOTCONN;
        return -1;
    }
    *len = room;
    return 0;
}

int wsc_e_getname(struct wsc_sock *e, int peer, struct sockaddr *sa,
                  socklen_t *len)
{
    int r;

    /* No peer while a ConnectEx works or before its context is updated
     * (row MX17). */
    if (peer && (wsc_flags(e) & (WSC_F_ACONNECT | WSC_F_CONNECTEX)))
        return -WSAENOTCONN;
    r = peer ? wsc_os.getpeername(e->fd, sa, len)
             : wsc_os.getsockname(e->fd, sa, len);
    /* Both sides shut down: Linux's connection is closed and has no peer
     * to getpeername, Windows' still does; SO_PEERNAME still knows it
     * (not after a reset: then Windows has none either). */
    if (r < 0 && peer && errno == ENOTCONN && wsc_e_has_peer(e) &&
        !(wsc_flags(e) & (WSC_F_RESET | WSC_F_ABORTED)))
        r = peer_after_close(e, sa, len);
    if (r < 0)
        return wsc_errno_result(WSC_OP_NAME, errno, wsc_flags(e));
    return 0;
}
