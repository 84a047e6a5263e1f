/* closesocket, shutdown and the abortive close: where Windows and Linux
 * differ most.
 *
 * closesocket with calls in flight resets the connection (SO_LINGER {1,0}
 * on the final close) and wakes every waiter, which then reports its
 * Windows error; the kernel descriptor goes when the last call leaves.
 *
 * shutdown(SD_RECEIVE) sends nothing, as on Windows; if data is queued, or
 * arrives later, the connection is reset at once, with no call from the
 * application: a watcher thread (one per process, started on first use)
 * waits in epoll for data on such sockets. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include "engine.h"
#include "os.h"

_Atomic int wsc_abort_force_fallback;
int wsc_emulate_close = 1;
int wsc_emulate_shutrd = 1;

/* ---- abort -------------------------------------------------------------- */

static void set_hard_linger(int fd)
{
    struct linger lg = { .l_onoff = 1, .l_linger = 0 };

    wsc_os.setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
}

/* A kernel socket no number holds (a deferred or rejected connection):
 * closed with RST. */
void wsc_e_abort_fd(int fd)
{
    set_hard_linger(fd);
    wsc_os.close(fd);
}

/* RST without giving up the descriptor number: close a duplicate with a
 * zero linger after an unconnected placeholder took the number over. */
static int abort_by_placeholder(struct wsc_sock *e)
{
    int dup_fd, ph;

    ph = wsc_os.socket(e->family, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (ph < 0)
        return -1;
    /* Receivers poll the original socket: wake them before the number
     * names the placeholder (nothing goes on the wire for this). */
    wsc_os.shutdown(e->fd, SHUT_RD);
    dup_fd = wsc_os.dup(e->fd);
    if (dup_fd < 0) {
        wsc_os.close(ph);
        return -1;
    }
    set_hard_linger(dup_fd);
    wsc_os.dup2(ph, e->fd);
    wsc_os.close(ph);
    wsc_os.close(dup_fd);
    return 0;
}

static void watcher_del(struct wsc_sock *e);

void wsc_e_abort(struct wsc_sock *e)
{
    struct sockaddr sa;

    wsc_set_flags(e, WSC_F_ABORTED);
    watcher_del(e);
    memset(&sa, 0, sizeof(sa));
    sa.sa_family = AF_UNSPEC;
    /* connect(AF_UNSPEC) resets in place, but some kernels refuse it with
     * EBUSY while a thread waits in the kernel: then the placeholder. */
    if (wsc_abort_force_fallback ||
        wsc_os.connect(e->fd, &sa, sizeof(sa)) < 0)
        abort_by_placeholder(e);
    wsc_wake_all(e);
}

/* ---- the SD_RECEIVE watcher -------------------------------------------- */

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static int watch_ep = -1;
static int watch_started;

static uint64_t watch_key(struct wsc_sock *e)
{
    return (uint64_t)(uint32_t)e->fd | (uint64_t)atomic_load(&e->gen) << 32;
}

static int bytes_queued(int fd)
{
    int n = 0;

    if (wsc_os.ioctl(fd, FIONREAD, &n) < 0)
        return 0;
    return n;
}

/* An event on a watched socket: data means reset; a FIN or an error
 * means nothing more can arrive, so stop watching. */
static void watch_event(uint64_t key)
{
    int fd = (int)(uint32_t)key;
    unsigned gen = (unsigned)(key >> 32);
    /* Only the socket that registered: the number may have been closed
     * and given to another socket since, which must not be adopted. */
    struct wsc_sock *e = wsc_ref(fd);

    if (!e)
        return;
    if (atomic_load(&e->gen) == gen && (wsc_flags(e) & WSC_F_WATCHED)) {
        if (wsc_recv_waiting(e) > 0 || wsc_async_recv_pending(e))
            watcher_del(e); /* the pending receive takes it, then re-arms */
        else if (bytes_queued(fd) > 0)
            wsc_e_abort(e);
        else
            watcher_del(e);
    }
    wsc_release(e);
}

static void *watch_main(void *arg)
{
    struct epoll_event evs[32];
    int i, n;

    (void)arg;
    for (;;) {
        n = wsc_os.epoll_wait(watch_ep, evs, 32, -1);
        for (i = 0; i < n; i++)
            watch_event(evs[i].data.u64);
    }
    return NULL;
}

/* Starts the watcher on first use; 0 or -WSAENOBUFS. */
static int watcher_start(void)
{
    pthread_attr_t attr;
    pthread_t th;
    int r = 0;

    wsc_lock(&watch_lock);
    if (!watch_started) {
        watch_ep = wsc_os.epoll_create1(EPOLL_CLOEXEC);
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (watch_ep < 0 || pthread_create(&th, &attr, watch_main, NULL)) {
            if (watch_ep >= 0)
                wsc_os.close(watch_ep);
            watch_ep = -1;
            r = -WSAENOBUFS;
        } else {
            watch_started = 1;
        }
        pthread_attr_destroy(&attr);
    }
    wsc_unlock(&watch_lock);
    return r;
}

static int watcher_add(struct wsc_sock *e)
{
    struct epoll_event ev;
    int r = watcher_start();

    if (r)
        return r;
    memset(&ev, 0, sizeof(ev));
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    ev.data.u64 = watch_key(e);
    wsc_set_flags(e, WSC_F_WATCHED);
    if (wsc_os.epoll_ctl(watch_ep, EPOLL_CTL_ADD, e->fd, &ev) < 0 &&
        (errno != EEXIST ||
         wsc_os.epoll_ctl(watch_ep, EPOLL_CTL_MOD, e->fd, &ev) < 0)) {
        wsc_clear_flags(e, WSC_F_WATCHED);
        return -WSAENOBUFS;
    }
    return 0;
}

static void watcher_del(struct wsc_sock *e)
{
    uint32_t old = atomic_fetch_and(&e->s->flags, ~WSC_F_WATCHED);

    if ((old & WSC_F_WATCHED) && watch_ep >= 0)
        wsc_os.epoll_ctl(watch_ep, EPOLL_CTL_DEL, e->fd, NULL);
}

/* SD_RECEIVE on a stream: reset now if data waits, else watch for it.
 * A receive pending at this moment still gets the data (row 5e). */
static int shutrecv_arm(struct wsc_sock *e)
{
    if (wsc_flags(e) & WSC_F_ABORTED)
        return 0;
    /* A pending receive, plain or overlapped, takes the data first and
     * re-arms when it is done. */
    if (wsc_recv_waiting(e) > 0 || wsc_async_recv_pending(e))
        return 0;
    if (bytes_queued(e->fd) > 0) {
        wsc_e_abort(e);
        return 0;
    }
    return watcher_add(e);
}

void wsc_e_shutrecv_rearm(struct wsc_sock *e)
{
    shutrecv_arm(e);
}

void wsc_close_atfork_child(int relock)
{
    /* The watcher thread does not exist in the child, and the epoll set
     * is shared with the parent's: start afresh on the next SD_RECEIVE. */
    if (watch_ep >= 0) {
        wsc_os.close(watch_ep);
        watch_ep = -1;
    }
    if (watch_started)
        watch_started = 0;
    if (relock)
        pthread_mutex_init(&watch_lock, NULL);
}

/* ---- shutdown ---------------------------------------------------------- */

static int is_connected(struct wsc_sock *e)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    return wsc_os.getpeername(e->fd, (struct sockaddr *)&ss, &len) == 0;
}

int wsc_e_shutdown(struct wsc_sock *e, int how)
{
    uint32_t f = wsc_flags(e);
    int stream = e->type == SOCK_STREAM;

    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        return -WSAEINVAL;
    if (stream && (f & WSC_F_ABORTED))
        return -WSAECONNABORTED;
    if (stream && ((f & WSC_F_LISTENING) || !is_connected(e))) {
        if (f & (WSC_F_RESET | WSC_F_RESET_AFTER_FIN))
            return -WSAECONNRESET;
        return -WSAENOTCONN;
    }
    /* The watcher first: SD_BOTH must not shut the sending side and then
     * fail for want of a thread. */
    if (how != SHUT_WR && stream && wsc_emulate_shutrd && watcher_start() < 0)
        return -WSAENOBUFS;
    if (how != SHUT_RD) {
        /* The FIN follows the sends the engine still queues (row 9i). */
        if (stream && !(wsc_async_sends_queued(e) && wsc_async_shut_after(e)) &&
            wsc_os.shutdown(e->fd, SHUT_WR) < 0 && errno != ENOTCONN)
            return wsc_errno_result(WSC_OP_SHUTDOWN, errno, f);
        wsc_set_flags(e, WSC_F_SHUT_SEND);
    }
    if (how != SHUT_WR && !wsc_emulate_shutrd) {
        if (wsc_os.shutdown(e->fd, SHUT_RD) < 0)
            return wsc_errno_result(WSC_OP_SHUTDOWN, errno, f);
        return 0;
    }
    if (how != SHUT_WR) {
        wsc_set_flags(e, WSC_F_SHUT_RECV);
        if (stream && shutrecv_arm(e) < 0) {
            /* No watcher (no thread or descriptor for it): fail the call
             * rather than half-apply it without the reset on data. */
            wsc_clear_flags(e, WSC_F_SHUT_RECV);
            return -WSAENOBUFS;
        }
    }
    return 0;
}

/* ---- closesocket ------------------------------------------------------- */

/* Windows: a non-blocking socket with a timed linger cannot close while
 * data is unsent; the handle stays valid. */
static int linger_would_block(struct wsc_sock *e)
{
    struct linger lg;
    socklen_t len = sizeof(lg);
    int unsent = 0;

    if (!(wsc_flags(e) & WSC_F_NONBLOCK) || e->type != SOCK_STREAM)
        return 0;
    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_LINGER, &lg, &len) < 0 ||
        !lg.l_onoff || !lg.l_linger)
        return 0;
    return wsc_os.ioctl(e->fd, SIOCOUTQ, &unsent) == 0 && unsent > 0;
}

/* Wake every call in flight on a socket that is going: receivers,
 * acceptors and blocking connects sleep in the kernel and wake when its
 * receiving side is shut (nothing goes on the wire; an unconnected UDP
 * socket says ENOTCONN and wakes them anyway); the others poll and wake
 * on their descriptor. */
static void wake_everyone(struct wsc_sock *e)
{
    /* A blocking connect sleeps in the kernel too (conn.c): the shutdown
     * ends it, and one that enters the kernel after it gives up within a
     * tick of this send timeout. */
    static const struct timeval tick = { 0, 1 };

    if (e->type == SOCK_STREAM && !(wsc_flags(e) & WSC_F_CONNECTED))
        wsc_os.setsockopt(e->fd, SOL_SOCKET, SO_SNDTIMEO, &tick,
                          sizeof(tick));
    wsc_os.shutdown(e->fd, SHUT_RD);
    wsc_wake_all(e);
}

/* Take the handle out of service and deal with the calls in flight:
 * with Windows semantics they are woken and the connection reset, when
 * this is the socket's last descriptor (closing one of several leaves
 * the socket working, as closing one of several handles does on
 * Windows).  Calls on descriptors already closed count as in flight.
 * Returns the number of other calls, or -WSAENOTSOCK. */
static int close_begin(struct wsc_sock *e)
{
    int last, others = wsc_begin_close(e, &last), issuing;

    if (others < 0 || !last)
        return others;
    /* The reactor looking at the socket, and threads issuing overlapped
     * operations, are not calls in flight.  Counted anew after the
     * reactor's look even when it had ended already: it may have let go
     * of its reference between the count above and the look (that read
     * as a call in flight, and reset a connection closed gracefully). */
    if (others > 0) {
        wsc_async_reactor_wait(e);
        others = (int)WSC_REFS(atomic_load(&e->state)) - 2;
    }
    issuing = atomic_load_explicit(&e->s->async_calls, memory_order_relaxed);
    others -= issuing < others ? issuing : others;
    if (atomic_load(&e->s->slots) > 1)
        others++;
    watcher_del(e);
    /* Pending overlapped receives count as receives in flight: reset. */
    if (wsc_async_close(e, others > 0 && wsc_emulate_close) &&
        wsc_emulate_close)
        set_hard_linger(e->fd);
    if (others > 0 && wsc_emulate_close) {
        if (e->type == SOCK_STREAM)
            set_hard_linger(e->fd);
        wake_everyone(e);
    }
    return others;
}

int wsc_e_closesocket(struct wsc_sock *e)
{
    int r;

    if (!wsc_posix_mode && linger_would_block(e)) {
        wsc_release(e);
        return -WSAEWOULDBLOCK;
    }
    r = close_begin(e);
    if (r < 0) {
        wsc_release(e);
        return r;
    }
    wsc_end_close(e);
    return 0;
}

int wsc_e_close_replace(struct wsc_sock *e, int (*replace)(void *arg),
                        void *arg, struct wsc_sock *src)
{
    int r = close_begin(e);

    if (r < 0) {
        wsc_release(e);
        return r;
    }
    if (r > 0)
        wake_everyone(e); /* the number must be free before it is reused */
    wsc_wait_sole(e);
    return wsc_replace(e, replace, arg, src);
}
