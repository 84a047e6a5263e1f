/* WSAEventSelect's and WSAAsyncSelect's network events.  A condition (data readable, a
 * connection waiting, the peer's FIN...) is recorded once and signalled;
 * it is recorded again only after its re-enabling call (recv for FD_READ,
 * a send that would block for FD_WRITE, accept for FD_ACCEPT) if it still
 * holds, or, for data and connections, when more arrive.  FD_CONNECT and
 * FD_CLOSE are recorded once.  The reactor's edges and the re-enabling
 * calls look at the socket with a zero-timeout poll. */
#include <errno.h>
#include <sys/ioctl.h>
#include "async.h"
#include "os.h"

static int bit_of(long ev)
{
    int i;

    for (i = 0; i < WSC_FD_MAX_EVENTS; i++)
        if (ev == 1L << i)
            return i;
    return 0;
}

/* ev_avail when FD_READ was recorded at an arrival, uncounted. */
#define AVAIL_EDGE (-1)

static int readable_bytes(int fd)
{
    int n = 0;

    return wsc_os.ioctl(fd, FIONREAD, &n) < 0 ? 0 : n;
}

/* A reset found by poll: remembered, so that receives report it. */
static int close_code(struct wsc_sock *e, short revents)
{
    int err = 0;
    socklen_t len = sizeof(err);

    if (revents & POLLERR) {
        wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err == ECONNRESET || err == EPIPE)
            wsc_set_flags(e, WSC_F_RESET);
    }
    return (wsc_flags(e) & (WSC_F_RESET | WSC_F_ABORTED)) ? WSAECONNABORTED
                                                          : 0;
}

/* msg: message mode, where an unbound socket is writable too (row
 * EV25). */
static long dgram_conditions(struct wsc_sock *e, short rev, int msg)
{
    uint32_t f = wsc_flags(e);
    long c = 0;

    if (rev & POLLIN)
        c |= WSC_FD_READ;
    if ((rev & POLLOUT) &&
        (msg || (f & WSC_F_CONNECTED) || wsc_e_known_bound(e)))
        c |= WSC_FD_WRITE;
    if (f & WSC_F_CONNECTED)
        c |= WSC_FD_CONNECT;
    return c;
}

/* What holds now, with the codes of FD_CONNECT and FD_CLOSE; revents:
 * the socket's readiness as the reactor's epoll just reported it, or -1
 * to ask poll. */
static long conditions(struct wsc_sock *e, int *errs, int *avail,
                       int revents, int msg)
{
    struct pollfd p = { .fd = e->fd,
                        .events = POLLIN | POLLOUT | POLLPRI | POLLRDHUP };
    uint32_t f = wsc_flags(e);
    long c = 0;

    *avail = -1;
    if (revents >= 0)
        p.revents = (short)revents;
    else if (wsc_os.poll(&p, 1, 0) < 0)
        return 0;
    if (f & WSC_F_LISTENING)
        return ((p.revents & POLLIN) || atomic_load(&e->s->deferred))
                   ? WSC_FD_ACCEPT : 0;
    if (e->type != SOCK_STREAM)
        return dgram_conditions(e, p.revents, msg);
    if (f & WSC_F_CONNECTING) {
        if (!(p.revents & (POLLOUT | POLLERR | POLLHUP)))
            return 0;
        errs[bit_of(WSC_FD_CONNECT)] = wsc_e_so_error(e);
        c = WSC_FD_CONNECT;
        if (errs[bit_of(WSC_FD_CONNECT)])
            return c;
        f = wsc_flags(e);
    }
    if (!(f & (WSC_F_CONNECTED | WSC_F_ACCEPTED)))
        return c;
    if (!(f & WSC_F_ACCEPTED))
        c |= WSC_FD_CONNECT;
    /* Readable without the peer's FIN is data; with it, maybe only the
     * end: then count. */
    if ((p.revents & POLLIN) &&
        (!(p.revents & (POLLRDHUP | POLLHUP)) ||
         (*avail = readable_bytes(e->fd)) > 0))
        c |= WSC_FD_READ;
    if (p.revents & POLLPRI)
        c |= WSC_FD_OOB;
    if ((p.revents & (POLLRDHUP | POLLHUP | POLLERR)) ||
        (f & WSC_F_RESET)) {
        c |= WSC_FD_CLOSE;
        errs[bit_of(WSC_FD_CLOSE)] = close_code(e, p.revents);
    }
    if ((p.revents & POLLOUT) && !(f & WSC_F_SHUT_SEND) &&
        !(c & WSC_FD_CLOSE && errs[bit_of(WSC_FD_CLOSE)]))
        c |= WSC_FD_WRITE;
    return c;
}

/* Message mode: one message per event, the connection's events first
 * and its end last. */
static void post_all(struct wsc_sock *e, struct wsc_async *a, long fresh,
                     const int *errs)
{
    static const long order[] = { WSC_FD_CONNECT, WSC_FD_ACCEPT, WSC_FD_READ,
                                  WSC_FD_OOB,     WSC_FD_WRITE,  WSC_FD_CLOSE };
    size_t i;

    for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
        if (fresh & order[i])
            a->ev_post(a->ev_ctx, a->ev_msg, e->fd, order[i],
                       errs[bit_of(order[i])]);
}

void wsc_netev_check(struct wsc_sock *e, struct wsc_async *a, int edge,
                     int revents)
{
    int errs[WSC_FD_MAX_EVENTS] = { 0 }, avail = -1, i;
    int msg = a->ev_post != NULL, arrival;
    long c, fresh;

    if (!a->ev_mask)
        return;
    /* The reactor's readiness may be older than an accept or a receive
     * made since: a listener is asked again (accepts are rare), a
     * stream's count below tells. */
    if (wsc_flags(e) & WSC_F_LISTENING)
        revents = -1;
    c = conditions(e, errs, &avail, revents, msg) & a->ev_mask;
    /* Data a pending overlapped receive is to take is not FD_READ (row
     * AS3): it came after the reactor's try, and its edge brings the
     * reactor back for the receive. */
    if (a->rq && !(wsc_flags(e) & WSC_F_LISTENING))
        c &= ~WSC_FD_READ;
    fresh = c & ~a->ev_disabled;
    /* More data or another connection while the first is still
     * recorded: reported again (event mode).  An edge of the reactor's
     * that reports data and no end, with no receive since the report
     * began (one since may have taken it), is an arrival: FD_READ recorded there
     * needs no count, and the next such edge is more data.  Otherwise the
     * count, a system call, is taken when FD_READ is recorded and when it
     * may be again. */
    arrival = edge == 2 && revents >= 0 && e->type == SOCK_STREAM &&
              !(revents & (POLLRDHUP | POLLHUP | POLLERR)) &&
              (c & WSC_FD_READ) &&
              ((fresh & WSC_FD_READ) || a->ev_avail == AVAIL_EDGE);
    if (arrival) {
        if (!msg)
            fresh |= WSC_FD_READ;
    } else {
        if ((c & WSC_FD_READ) && avail < 0 &&
            ((fresh & WSC_FD_READ) ||
             (edge && (a->ev_disabled & WSC_FD_READ))))
            avail = readable_bytes(e->fd);
        if (revents >= 0 && e->type == SOCK_STREAM && avail == 0) {
            c &= ~WSC_FD_READ;
            fresh &= ~WSC_FD_READ;
        }
        /* (Message mode waits for the re-enabling call: rows EV4, EV9.
         * Uncounted, the end's edge is not taken for more data.) */
        if (!msg && edge && (c & WSC_FD_READ) &&
            (a->ev_disabled & WSC_FD_READ) && a->ev_avail != AVAIL_EDGE &&
            avail > a->ev_avail)
            fresh |= WSC_FD_READ;
    }
    if (!msg && edge && (c & (WSC_FD_ACCEPT | WSC_FD_OOB)))
        fresh |= c & (WSC_FD_ACCEPT | WSC_FD_OOB);
    if (arrival)
        a->ev_avail = AVAIL_EDGE;
    else if ((c & WSC_FD_READ) && avail >= 0)
        a->ev_avail = avail;
    if (!fresh)
        return;
    a->ev_disabled |= fresh;
    if (msg) {
        post_all(e, a, fresh, errs);
        return;
    }
    for (i = 0; i < WSC_FD_MAX_EVENTS; i++)
        if (fresh & (1L << i))
            a->ev_err[i] = errs[i];
    a->ev_recorded |= fresh;
    if (a->ev_notify)
        a->ev_notify(a->ev_ctx);
}

/* Either mode: notify for event mode, post and msg for message mode. */
static int select_as(struct wsc_sock *e, long mask, void (*notify)(void *),
                     wsc_netev_post_fn post, void *ctx, unsigned msg)
{
    struct wsc_async *a = wsc_async_of(e);
    int r = 0;

    if (!a)
        return -WSAENOBUFS;
    if (mask) {
        wsc_set_flags(e, WSC_F_ASELECT);
        r = wsc_e_set_nonblock(e, 1);
        if (r < 0)
            return r;
    }
    pthread_mutex_lock(&a->lock);
    a->ev_mask = mask;
    a->ev_notify = mask ? notify : NULL;
    a->ev_post = mask ? post : NULL;
    a->ev_msg = msg;
    a->ev_ctx = mask ? ctx : NULL;
    if (!mask) {
        wsc_clear_flags(e, WSC_F_ASELECT);
    } else if ((r = wsc_async_watch(e, a)) == 0) {
        if (post) {
            /* Everything that holds is posted again, but a connection
             * made before is not an FD_CONNECT (rows EV12, AS2). */
            a->ev_recorded = 0;
            a->ev_disabled = (wsc_flags(e) & WSC_F_CONNECTING)
                                 ? 0 : WSC_FD_CONNECT;
        } else if ((a->ev_recorded & mask) && notify) {
            /* What was recorded and not yet taken signals again. */
            notify(ctx);
        }
        wsc_netev_check(e, a, 0, -1);
    }
    pthread_mutex_unlock(&a->lock);
    return r;
}

int wsc_netev_select(struct wsc_sock *e, long mask, void (*notify)(void *),
                     void *ctx)
{
    return select_as(e, mask, notify, NULL, ctx, 0);
}

int wsc_netev_select_msg(struct wsc_sock *e, long mask, wsc_netev_post_fn post,
                         void *ctx, unsigned msg)
{
    return select_as(e, mask, NULL, post, ctx, msg);
}

void wsc_netev_copy(struct wsc_async *from, struct wsc_sock *to)
{
    select_as(to, from->ev_mask, from->ev_notify, from->ev_post,
              from->ev_ctx, from->ev_msg);
}

int wsc_netev_enum(struct wsc_sock *e, long *events, int *errors,
                   void (*reset)(void *), void *ctx)
{
    struct wsc_async *a = wsc_async_peek(e);
    long taken;
    int i;

    *events = 0;
    if (!a) {
        if (ctx)
            reset(ctx);
        return 0;
    }
    pthread_mutex_lock(&a->lock);
    /* Windows records as the condition arises; the reactor may not have
     * seen it yet (the event was set for another socket sharing it):
     * look now rather than report nothing. */
    if (!(a->ev_recorded & a->ev_mask))
        wsc_netev_check(e, a, 0, -1);
    taken = a->ev_recorded & a->ev_mask;
    a->ev_recorded &= ~taken;
    for (i = 0; i < WSC_FD_MAX_EVENTS; i++)
        if (taken & (1L << i))
            errors[i] = a->ev_err[i];
    *events = taken;
    if (ctx)
        reset(ctx);
    pthread_mutex_unlock(&a->lock);
    return 0;
}

void wsc_netev_reenable(struct wsc_sock *e, long bits)
{
    struct wsc_async *a = wsc_async_peek(e);

    if (!a || !wsc_netev_active(e))
        return;
    pthread_mutex_lock(&a->lock);
    a->ev_disabled &= ~bits;
    if (bits & WSC_FD_READ) {
        a->ev_avail = 0;
        a->ev_recv_epoch = wsc_async_epoch();
    }
    /* FD_WRITE comes back with the next writable edge, not now; nor does
     * FD_READ after a receive that emptied the queue (the next data
     * makes an edge). */
    if ((bits & ~(WSC_FD_WRITE | WSC_NETEV_DRAINED)) &&
        !((bits & WSC_NETEV_DRAINED) &&
          !(bits & ~(WSC_FD_READ | WSC_FD_OOB | WSC_NETEV_DRAINED))))
        wsc_netev_check(e, a, 0, -1);
    pthread_mutex_unlock(&a->lock);
}

void wsc_netev_inherit(struct wsc_sock *listener, struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(listener);
    struct wsc_async from = { .ev_mask = 0 };

    if (!a || !wsc_netev_active(listener))
        return;
    pthread_mutex_lock(&a->lock);
    from.ev_mask = a->ev_mask;
    from.ev_notify = a->ev_notify;
    from.ev_post = a->ev_post;
    from.ev_ctx = a->ev_ctx;
    from.ev_msg = a->ev_msg;
    pthread_mutex_unlock(&a->lock);
    if (from.ev_mask)
        wsc_netev_copy(&from, e);
}

void wsc_netev_handle_closed(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);

    if (!a || !wsc_netev_active(e))
        return;
    pthread_mutex_lock(&a->lock);
    if (a->ev_post && (a->ev_mask & WSC_FD_CLOSE))
        a->ev_post(a->ev_ctx, a->ev_msg, e->fd, WSC_FD_CLOSE, 0);
    pthread_mutex_unlock(&a->lock);
}
