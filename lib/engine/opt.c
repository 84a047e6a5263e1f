/* Socket options at the engine's level: Linux numbers in, Windows
 * semantics kept in the entry where the kernel has none (timeouts,
 * blocking mode, reuse flags). */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <sys/time.h>
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

uint32_t wsc_e_kept(struct wsc_sock *e, int slot)
{
    return slot >= 0 && slot < WSC_KEPT_MAX ? atomic_load(&e->s->kept[slot])
                                            : 0;
}

void wsc_e_keep(struct wsc_sock *e, int slot, uint32_t v)
{
    if (slot >= 0 && slot < WSC_KEPT_MAX)
        atomic_store(&e->s->kept[slot], v);
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

uint32_t wsc_e_connect_time(struct wsc_sock *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int64_t t;

    if (e->type != SOCK_STREAM ||
        !(wsc_flags(e) & (WSC_F_CONNECTED | WSC_F_ACCEPTED)) ||
        wsc_os.getpeername(e->fd, (struct sockaddr *)&ss, &len) < 0)
        return 0xffffffffu;
    /* A path that connected without saying so: counted from now. */
    wsc_e_mark_connected(e);
    t = (wsc_now_ms() - atomic_load(&e->s->connected_ms)) / 1000;
    return t < 0 ? 0 : (uint32_t)t;
}

void wsc_e_opts_inherit(struct wsc_sock *from, struct wsc_sock *to)
{
    int i;

    for (i = 0; i < WSC_KEPT_MAX; i++)
        atomic_store(&to->s->kept[i], atomic_load(&from->s->kept[i]));
    atomic_store(&to->s->sndbuf_set, atomic_load(&from->s->sndbuf_set));
    atomic_store(&to->s->rcvbuf_set, atomic_load(&from->s->rcvbuf_set));
    atomic_store(&to->s->bufs_set, atomic_load(&from->s->bufs_set));
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
    if (at)
        return 0;
    {
        char c;
        ssize_t r = wsc_os.recvfrom(e->fd, &c, 1, MSG_OOB | MSG_PEEK |
                                    MSG_DONTWAIT, NULL, NULL);
        return r == 1 ? 0 : 1;
    }
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
    if (r < 0)
        return wsc_errno_result(WSC_OP_NAME, errno, wsc_flags(e));
    return 0;
}
