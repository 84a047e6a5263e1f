/* Send and receive: try the call without blocking (the fast path, one
 * syscall), and only if it would block, and the application asked for a
 * blocking socket, wait in the blocking driver and try again. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include "direct_path.h"
#include "engine.h"
#include "os.h"

static int is_stream(struct wsc_sock *e)
{
    return e->type == SOCK_STREAM;
}

int wsc_closing_error(struct wsc_sock *e, enum wsc_op op)
{
    if (op == WSC_OP_ACCEPT || op == WSC_OP_CONNECT || !is_stream(e))
        return -WSAEINTR;
    return -WSAECONNABORTED;
}

/* Error a receive reports without asking the kernel, or 0. */
static int recv_state_error(uint32_t f)
{
    if (f & WSC_F_ABORTED)
        return -WSAECONNABORTED;
    if (f & WSC_F_RESET_AFTER_FIN)
        return -WSAECONNABORTED;
    if (f & WSC_F_RESET)
        return -WSAECONNRESET;
    if (f & WSC_F_SHUT_RECV)
        return -WSAESHUTDOWN;
    return 0;
}

static int send_state_error(uint32_t f)
{
    if (f & WSC_F_ABORTED)
        return -WSAECONNABORTED;
    if (f & WSC_F_SHUT_SEND)
        return -WSAESHUTDOWN;
    if (f & (WSC_F_RESET | WSC_F_RESET_AFTER_FIN))
        return -WSAECONNRESET;
    return 0;
}

/* A failed call: latch a peer reset so it stays sticky, as on Windows. */
int wsc_io_error(struct wsc_sock *e, enum wsc_op op, int err)
{
    uint32_t f = wsc_flags(e);

    if (!is_stream(e))
        wsc_e_dgram_error_taken(e, err);

    if (f & WSC_F_ABORTED)
        return -WSAECONNABORTED;
    /* A stream that never had a peer (new, listening, its connect
     * failed): Linux's send says EPIPE, Windows' WSAENOTCONN. */
    if ((err == EPIPE || err == ENOTCONN) && is_stream(e) &&
        !wsc_e_has_peer(e))
        return -WSAENOTCONN;
    if (err == ECONNRESET && is_stream(e)) {
        wsc_set_flags(e, WSC_F_RESET);
        return -WSAECONNRESET;
    }
    if (op == WSC_OP_SEND && err == EPIPE && !(f & WSC_F_SHUT_SEND))
        wsc_set_flags(e, WSC_F_RESET);
    /* UDP: an ICMP port unreachable that an earlier send drew. */
    if (err == ECONNREFUSED && !is_stream(e))
        return -WSAECONNRESET;
    return wsc_errno_result(op, err, f);
}

/* recv returned 0 on a stream: a graceful EOF, unless our own send after
 * the peer's FIN drew its RST, which Windows reports as WSAECONNABORTED
 * with the EOF discarded. */
static long stream_eof(struct wsc_sock *e)
{
    int err = 0;
    socklen_t len = sizeof(err);

    if (wsc_flags(e) & WSC_F_UNSENT)
        return 0; /* nothing sent: no reset of ours to find */
    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
        (err == EPIPE || err == ECONNRESET)) {
        wsc_set_flags(e, WSC_F_RESET_AFTER_FIN);
        return -WSAECONNABORTED;
    }
    return 0;
}

static size_t iov_total(const struct msghdr *m)
{
    size_t i, n = 0;

    for (i = 0; i < (size_t)m->msg_iovlen; i++)
        n += m->msg_iov[i].iov_len;
    return n;
}

/* Skip n bytes already transferred. */
static void iov_advance(struct msghdr *m, size_t n)
{
    while (m->msg_iovlen > 0 && n >= m->msg_iov[0].iov_len) {
        n -= m->msg_iov[0].iov_len;
        m->msg_iov++;
        m->msg_iovlen--;
    }
    if (m->msg_iovlen > 0) {
        m->msg_iov[0].iov_base = (char *)m->msg_iov[0].iov_base + n;
        m->msg_iov[0].iov_len -= n;
    }
}

/* Blocks for readiness; returns 0 to try again or a -WSA code. */
static int block(struct wsc_sock *e, enum wsc_op op, short events,
                 int64_t *deadline, uint32_t timeout_ms)
{
    int r;

    if (*deadline == WSC_NOT_YET)
        *deadline = wsc_deadline(timeout_ms);
    r = wsc_wait(e, events, *deadline);
    if (r == -WSAEINTR)
        return wsc_closing_error(e, op);
    return r;
}

/* The kernel call for one buffer and no ancillary data: recvfrom and
 * sendto, which the kernel serves with less work than the message forms
 * (they import no iovec array). */
static ssize_t os_recv(struct wsc_sock *e, struct msghdr *msg, int flags)
{
    if (msg->msg_iovlen == 1 && !msg->msg_control && !msg->msg_name &&
        is_stream(e)) {
        msg->msg_flags = 0;
        return wsc_os.recvfrom(e->fd, msg->msg_iov[0].iov_base,
                               msg->msg_iov[0].iov_len, flags, NULL, NULL);
    }
    return wsc_os.recvmsg(e->fd, msg, flags);
}

static ssize_t os_send(struct wsc_sock *e, struct msghdr *msg, int flags)
{
    wsc_e_mark_sent(e);
    if (msg->msg_iovlen == 1 && !msg->msg_control)
        return wsc_os.sendto(e->fd, msg->msg_iov[0].iov_base,
                             msg->msg_iov[0].iov_len, flags,
                             (struct sockaddr *)msg->msg_name,
                             msg->msg_namelen);
    return wsc_os.sendmsg(e->fd, msg, flags);
}

/* Why a receive that returned nothing, or failed, returned: the socket
 * being closed (the closer shuts its receiving side to wake us) or reset
 * by us; 0 when it is the kernel's own answer. */
static int recv_woken(struct wsc_sock *e, int blocking)
{
    uint32_t f = wsc_flags(e);

    if (blocking && (f & WSC_F_CLOSING))
        return wsc_closing_error(e, WSC_OP_RECV);
    if (f & WSC_F_ABORTED)
        return -WSAECONNABORTED;
    return 0;
}

/* A blocking receive with SO_RCVTIMEO that a signal interrupted: the
 * kernel would start the whole timeout again, so the rest of the wait is
 * the driver's, against the deadline of the first try.  0 to look again
 * (without sleeping in the kernel), or the receive's result.  counted:
 * the caller's reference holds a WSC_RECV_UNIT already. */
static int recv_wait_rest(struct wsc_sock *e, int64_t deadline, int counted)
{
    int r;

    if (!counted)
        atomic_fetch_add(&e->state, WSC_RECV_UNIT);
    r = wsc_wait(e, POLLIN, deadline);
    if (!counted)
        atomic_fetch_sub(&e->state, WSC_RECV_UNIT);
    return r == -WSAEINTR ? wsc_closing_error(e, WSC_OP_RECV) : r;
}

/* A receive's first try has not been made yet (recv_common's n). */
#define NOT_TRIED WSC_NOT_TRIED

/* One receive.  A blocking socket is blocking in the kernel too, so a
 * blocking receive is one call that sleeps inside: closesocket wakes it
 * with shutdown(SHUT_RD), and SO_RCVTIMEO is the kernel's until a signal
 * interrupts it.  counted: the caller's reference holds a WSC_RECV_UNIT
 * (the direct path), which this drops before it re-arms the SD_RECEIVE
 * watcher; else a blocking receive counts itself around each kernel
 * call.  n and err: the direct path's first try, or n = NOT_TRIED. */
/* What a receive re-enables under a selection (row EV3): FD_READ, which
 * comes back at once unless the receive emptied the queue (it took less
 * than it asked for, or nothing was there). */
static long recv_reenables(struct wsc_sock *e, int flags, ssize_t n,
                           size_t asked)
{
    return WSC_FD_READ | WSC_FD_OOB |
           (is_stream(e) && !(flags & MSG_PEEK) &&
                    ((n > 0 && (size_t)n < asked) || n == -WSAEWOULDBLOCK)
                ? WSC_NETEV_DRAINED : 0);
}

static long recv_common(struct wsc_sock *e, struct msghdr *msg, int flags,
                        size_t *copied, int counted, ssize_t n, int err)
{
    int waitall = flags & WSC_RECV_WAITALL, r;
    int blocking = !(wsc_flags(e) & WSC_F_NONBLOCK) && !(flags & MSG_DONTWAIT);
    size_t want = waitall ? iov_total(msg) : 0, got = 0;
    /* Under WSAEventSelect: whether the receive emptied the queue. */
    size_t asked = wsc_netev_active(e) ? iov_total(msg) : 0;
    uint32_t timeout = blocking ? atomic_load(&e->s->rcvtimeo_ms) : 0;
    int64_t deadline = timeout ? wsc_deadline(timeout) : WSC_FOREVER;

    flags &= ~WSC_RECV_WAITALL;
    if (!blocking)
        flags |= MSG_DONTWAIT;
    if (n == NOT_TRIED) {
        r = recv_state_error(wsc_flags(e));
        if (!r && is_stream(e) && wsc_e_connect_pending(e))
            r = -WSAENOTCONN;
        if (r) {
            n = r;
            goto out;
        }
        /* A zero-length receive returns at once (row 9t); Linux would
         * wait for a byte. */
        if (is_stream(e) && iov_total(msg) == 0) {
            n = 0;
            goto out;
        }
    }
    for (;;) {
        if (n == NOT_TRIED) {
            if (blocking && !counted)
                atomic_fetch_add(&e->state, WSC_RECV_UNIT);
            n = os_recv(e, msg, flags);
            err = errno;
            if (blocking && !counted)
                atomic_fetch_sub(&e->state, WSC_RECV_UNIT);
        }
        if (n > 0) {
            if (!is_stream(e) && (msg->msg_flags & MSG_TRUNC)) {
                *copied = (size_t)n;
                n = -WSAEMSGSIZE;
                break;
            }
            got += (size_t)n;
            if (got >= want)
                break;
            iov_advance(msg, (size_t)n);
            n = NOT_TRIED;
            continue;
        }
        r = recv_woken(e, blocking);
        if (r) {
            n = r;
            break;
        }
        if (n == 0) {
            if (is_stream(e) && !got)
                n = stream_eof(e);
            break;
        }
        if (err == EINTR) {
            if (wsc_posix_mode && !wsc_signal_restarts()) {
                n = WSC_E_SIGNAL;
                break;
            }
            if (deadline != WSC_FOREVER)
                flags |= MSG_DONTWAIT;
            n = NOT_TRIED;
            continue;
        }
        if (err == EAGAIN && blocking && (flags & MSG_DONTWAIT)) {
            r = recv_wait_rest(e, deadline, counted);
            n = NOT_TRIED;
            if (r == 0)
                continue;
            n = r == -WSAETIMEDOUT && got ? 0 : r;
            break;
        }
        if (wsc_e_refused_ignored(e, err)) {
            n = NOT_TRIED;
            continue;
        }
        if (err == EAGAIN)
            n = got ? 0 : blocking ? -WSAETIMEDOUT : -WSAEWOULDBLOCK;
        else
            n = wsc_io_error(e, WSC_OP_RECV, err);
        break;
    }
    if (counted)
        atomic_fetch_sub(&e->state, WSC_RECV_UNIT);
    if ((blocking || counted) && (wsc_flags(e) & WSC_F_SHUT_RECV))
        wsc_e_shutrecv_rearm(e);
    if (wsc_netev_active(e))
        wsc_netev_reenable(e, recv_reenables(e, flags, n, asked));
    if (n >= 0 && got)
        return (long)got;
    return (long)n;
out:
    if (counted)
        atomic_fetch_sub(&e->state, WSC_RECV_UNIT);
    return (long)n;
}

long wsc_e_recvmsg(struct wsc_sock *e, struct msghdr *msg, int flags,
                   size_t *copied)
{
    return recv_common(e, msg, flags, copied, 0, NOT_TRIED, 0);
}

/* The direct path's receive, from where it stopped; the caller's
 * reference holds a WSC_RECV_UNIT. */
static long recv_rest(struct wsc_sock *e, void *buf, size_t len, int flags,
                      ssize_t n)
{
    struct iovec iov = { buf, len };
    struct msghdr msg;
    size_t copied = 0;
    int err = n == -1 ? errno : 0; /* (first, before anything changes it) */
    long r;

    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    r = recv_common(e, &msg, flags, &copied, 1, n, err);
    wsc_release(e);
    return r;
}

long wsc_e_recv_rest(struct wsc_sock *e, const struct wsc_direct_args *a,
                     ssize_t n)
{
    return recv_rest(e, a->buf, a->len, a->flags, n);
}

long wsc_e_recv_selected(struct wsc_sock *e, const struct wsc_direct_args *a,
                         ssize_t n)
{
    if (wsc_flags(e) & WSC_F_SHUT_RECV)
        return wsc_e_recv_rest(e, a, n);
    if (wsc_netev_active(e))
        wsc_netev_reenable(e, recv_reenables(e, a->flags, n, a->len));
    return wsc_release_direct(e, 1 + WSC_RECV_UNIT, (long)n);
}

long wsc_e_recv_untried(struct wsc_sock *e, void *buf, size_t len,
                        int flags)
{
    return recv_rest(e, buf, len, flags, NOT_TRIED);
}

static long send_rest(struct wsc_sock *e, const void *buf, size_t len,
                      int flags, ssize_t n);

long wsc_e_send_untried(struct wsc_sock *e, const void *buf, size_t len,
                        int flags)
{
    return send_rest(e, buf, len, flags, NOT_TRIED);
}

long wsc_e_send_dgram(struct wsc_sock *e, const void *buf, size_t len,
                      int flags)
{
    uint32_t f = atomic_load_explicit(&e->s->flags, memory_order_relaxed);
    ssize_t n;

    if ((f & (WSC_SEND_NOT_DIRECT | WSC_F_UNSENT | WSC_F_CONNECTED)) !=
        WSC_F_CONNECTED)
        return send_rest(e, buf, len, flags, NOT_TRIED);
    n = wsc_os.send(e->fd, buf, len, flags | MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0)
        return send_rest(e, buf, len, flags, n);
    return wsc_release_direct(e, 1, (long)n);
}

/* Windows: a send without an address on a UDP socket that is not
 * connected fails WSAENOTCONN and binds nothing; Linux binds, then fails
 * EDESTADDRREQ.  The flag spares connected sockets the look. */
static int dgram_unconnected(struct wsc_sock *e, const struct msghdr *msg)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (is_stream(e) || msg->msg_name || (wsc_flags(e) & WSC_F_CONNECTED))
        return 0;
    if (wsc_os.getpeername(e->fd, (struct sockaddr *)&ss, &len) < 0)
        return 1;
    wsc_set_flags(e, WSC_F_CONNECTED);
    return 0;
}

/* A non-blocking send behind queued ones joins the queue while it has
 * room; a blocking one waits until the queue is sent, then sends as
 * usual (blocking when the kernel's buffer is full, as on Windows). */
static long queue_send(struct wsc_sock *e, struct msghdr *msg, int flags,
                       size_t want)
{
    int64_t deadline = WSC_NOT_YET;
    int r;

    if ((wsc_flags(e) & WSC_F_NONBLOCK) || (flags & MSG_DONTWAIT)) {
        if (wsc_async_backlog(e, msg, flags))
            return (long)want;
        if (wsc_netev_active(e))
            wsc_netev_reenable(e, WSC_FD_WRITE);
        return -WSAEWOULDBLOCK;
    }
    while (wsc_async_sends_queued(e)) {
        r = block(e, WSC_OP_SEND, POLLOUT, &deadline,
                  atomic_load(&e->s->sndtimeo_ms));
        if (r)
            return r;
        r = send_state_error(wsc_flags(e));
        if (r)
            return r;
    }
    return wsc_e_sendmsg(e, msg, flags);
}

/* The sending loop; n and err: the direct path's first try, or n =
 * NOT_TRIED. */
/* A datagram to port 0, which Linux refuses to send. */
static int to_port_0(struct wsc_sock *e, const struct msghdr *msg)
{
    const struct sockaddr *sa = msg->msg_name;

    if (is_stream(e) || !sa)
        return 0;
    if (sa->sa_family == AF_INET &&
        msg->msg_namelen >= sizeof(struct sockaddr_in))
        return ((const struct sockaddr_in *)sa)->sin_port == 0;
    if (sa->sa_family == AF_INET6 &&
        msg->msg_namelen >= sizeof(struct sockaddr_in6))
        return ((const struct sockaddr_in6 *)sa)->sin6_port == 0;
    return 0;
}

static long send_common(struct wsc_sock *e, struct msghdr *msg, int flags,
                        ssize_t n, int err)
{
    int64_t deadline = WSC_NOT_YET;
    size_t want = iov_total(msg), done = 0;
    int r, refused = 0;

    if (n == NOT_TRIED) {
        r = send_state_error(wsc_flags(e));
        if (r)
            return r;
        if (is_stream(e) && wsc_e_connect_pending(e))
            return -WSAENOTCONN;
        if (dgram_unconnected(e, msg))
            return -WSAENOTCONN;
        /* Bytes queued by earlier sends go first. */
        if (is_stream(e) && wsc_async_sends_queued(e))
            return queue_send(e, msg, flags, want);
    }
    for (;;) {
        if (n == NOT_TRIED) {
            n = os_send(e, msg, flags | MSG_NOSIGNAL | MSG_DONTWAIT);
            err = errno;
        }
        if (n >= 0) {
            done += (size_t)n;
            if (done >= want || !is_stream(e))
                return (long)done;
            iov_advance(msg, (size_t)n);
            n = NOT_TRIED;
            continue;
        }
        n = NOT_TRIED;
        if (err == EINTR)
            continue;
        /* Windows keeps sending UDP whatever ICMP came back; Linux
         * reports it on this send, which a second try then makes. */
        if (err == ECONNREFUSED && !is_stream(e) && refused++ < 3) {
            wsc_e_dgram_error_taken(e, err); /* (its queued copy too) */
            continue;
        }
        if (err == EINVAL && to_port_0(e, msg))
            return (long)want; /* (Windows sends it; nobody has port 0) */
        if (err != EAGAIN && err != ENOBUFS)
            return done ? (long)done : wsc_io_error(e, WSC_OP_SEND, err);
        if ((wsc_flags(e) & WSC_F_NONBLOCK) || (flags & MSG_DONTWAIT)) {
            /* Windows takes all of a non-blocking send or none: none
             * only once its own buffer is full, which the queue's bound
             * stands for (the kernel's may be smaller: a peer's small
             * window, an SO_SNDBUF of 0). */
            if (!wsc_posix_mode && is_stream(e) &&
                !(flags & MSG_DONTWAIT) && wsc_async_backlog(e, msg, flags))
                return (long)want;
            if (!done && wsc_netev_active(e))
                wsc_netev_reenable(e, WSC_FD_WRITE);
            return done ? (long)done : -WSAEWOULDBLOCK;
        }
        r = block(e, WSC_OP_SEND, POLLOUT, &deadline,
                  atomic_load(&e->s->sndtimeo_ms));
        if (r)
            return r;
        r = send_state_error(wsc_flags(e));
        if (r)
            return r;
    }
}

long wsc_e_sendmsg(struct wsc_sock *e, struct msghdr *msg, int flags)
{
    return send_common(e, msg, flags, NOT_TRIED, 0);
}

static long send_rest(struct wsc_sock *e, const void *buf, size_t len,
                      int flags, ssize_t n)
{
    struct iovec iov = { (void *)buf, len };
    struct msghdr msg;
    int err = n == -1 ? errno : 0; /* (first, before anything changes it) */
    long r;

    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    r = send_common(e, &msg, flags, n, err);
    wsc_release(e);
    return r;
}

long wsc_e_send_rest(struct wsc_sock *e, const struct wsc_direct_args *a,
                     ssize_t n)
{
    return send_rest(e, a->buf, a->len, a->flags, n);
}
