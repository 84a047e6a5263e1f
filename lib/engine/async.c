/* Overlapped operations and the reactor.  Windows completes I/O; Linux
 * reports readiness.  An operation is tried at once (without blocking);
 * if it would block it joins its socket's FIFO (receives and accepts in
 * one, sends and connects in the other) and the reactor, one thread on
 * an edge-triggered epoll set, performs it when the socket is ready,
 * straight into the caller's buffers, in issue order.  The per-socket
 * lock is held while an operation runs, so a submit, a cancel and the
 * reactor never see a queue half-changed; completions are delivered
 * after it is released.
 *
 * One thread at a time does the reactor's work (the poll role), so that
 * each socket's completions stay in order.  Until a thread waiting on a
 * completion port asks for it, the reactor thread keeps it and sleeps in
 * the reactor's set.  From then on, a thread waiting on a port with
 * nothing queued takes it when it is free (wsc_async_poll_begin), which
 * spares each message a thread switch, and the reactor thread only when
 * nobody else has it: it sleeps on an outer epoll set holding the
 * reactor's set one-shot, armed each time the role is given up, so that
 * it wakes only when something is ready and the role is free.
 *
 * A port's waiter that leaves the role to run the program's code for a
 * packet it took lends it instead (the program's worker comes back to
 * the port within microseconds, and takes the role back without a system
 * call): while a lease runs, the reactor thread looks every TICK_MS and
 * takes the role from a lease that old, so that a worker that does not
 * come back delays the sockets' work by that much at most. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include "async.h"
#include "os.h"

#define AGAIN 1
#define FINISHED 0

void (*wsc_assoc_release)(struct wsc_assoc *a);

#define ORPHAN_TAG (1ULL << 63)
struct orphan;
/* Only the reactor changes an orphan once adopted; the list keeps them
 * reachable (a program that exits first leaks nothing to a checker). */
static pthread_mutex_t orphans_lock = PTHREAD_MUTEX_INITIALIZER;
static struct orphan *orphans;

static pthread_mutex_t reactor_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int reactor_ep = -1; /* read without the lock: atomic */
static unsigned reactor_epoch = 1; /* bumped in a fork child */
/* The socket the reactor thread looks at, set before it takes its
 * reference and cleared after it drops it: that reference is not a call
 * in flight for closesocket (wsc_async_reactor_wait). */
static _Atomic(struct wsc_sock *) reactor_holding;
/* The poll role: 1 while a thread does the reactor's work.  outer_armed:
 * the outer set may wake the reactor thread (a hint: a wrong one costs a
 * needless wake or system call, never a lost one, for every release of
 * the role is followed by an arming). */
#define ROLE_FREE 0u
#define ROLE_HELD 1u
#define ROLE_LENT 2u
#define ROLE_STATE(w) ((unsigned)(w) & 3u)
#define ROLE_AS(w, state) (((w) & ~(uint64_t)3) | (state))
static _Atomic uint64_t poll_role; /* the state, and a lease number above */
static _Atomic int outer_armed = 1;
/* A lease: the role word the lender left (0: none); whether the reactor
 * thread ticks (it does while a lease may run). */
#define TICK_MS 1
#define QUIET_TICKS 50 /* ticks without a lease before the ticks stop */
static __thread uint64_t my_lease;
static _Atomic int ticking;
/* Set once a port's waiter wanted the role: the reactor thread gives it
 * up for good. */
static _Atomic int pollers_wanted;
/* The reactor thread's outer set, and the eventfd in the reactor's set
 * that wakes a port's poller (wsc_async_poll_kick); -1 until started. */
static int outer_ep = -1;
static int kick_fd = -1;
static int tick_fd = -1; /* in the outer set: the reactor thread ticks */
#define KICK_KEY UINT64_MAX
/* Bumped before each look at the reactor's set: a receive recorded at an
 * older number (wsc_async_epoch) came before the look's report. */
static _Atomic unsigned harvest_epoch = 1;

/* ---- state ------------------------------------------------------------ */

struct wsc_async *wsc_async_of(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e), *none = NULL;

    if (a)
        return a;
    a = calloc(1, sizeof(*a));
    if (!a)
        return NULL;
    pthread_mutex_init(&a->lock, NULL);
    a->ks = e->s;
    a->reg_fd = -1;
    a->accepting_fd = -1;
    if (!atomic_compare_exchange_strong(&e->s->async, &none, a)) {
        pthread_mutex_destroy(&a->lock);
        free(a);
        return none;
    }
    return a;
}

void wsc_async_free(struct wsc_ksock *s)
{
    struct wsc_async *a = atomic_load(&s->async);

    if (!a)
        return;
    if (wsc_assoc_release)
        wsc_assoc_release(&a->assoc);
    pthread_mutex_destroy(&a->lock);
    free(a);
}

struct wsc_assoc *wsc_async_assoc_of(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_of(e);

    return a ? &a->assoc : NULL;
}

int wsc_async_assoc(struct wsc_sock *e,
                    int (*fn)(struct wsc_assoc *a, void *arg), void *arg)
{
    struct wsc_async *a = wsc_async_of(e);
    int r;

    if (!a)
        return -WSAENOBUFS;
    pthread_mutex_lock(&a->lock);
    r = fn(&a->assoc, arg);
    pthread_mutex_unlock(&a->lock);
    return r;
}

/* ---- queues ------------------------------------------------------------ */

static void push(struct wsc_aop **head, struct wsc_aop **tail,
                 struct wsc_aop *op)
{
    op->next = NULL;
    if (*tail)
        (*tail)->next = op;
    else
        *head = op;
    *tail = op;
}

/* Takes back the operation just pushed after was (NULL: the queue was
 * empty). */
static void unpush(struct wsc_aop **head, struct wsc_aop **tail,
                   struct wsc_aop *was)
{
    if (was)
        was->next = NULL;
    else
        *head = NULL;
    *tail = was;
}

static struct wsc_aop *pop(struct wsc_aop **head, struct wsc_aop **tail)
{
    struct wsc_aop *op = *head;

    if (op && !(*head = op->next))
        *tail = NULL;
    return op;
}

/* Under the lock, after wq changed: plain sends (and their direct path)
 * must queue behind what waits there. */
static void wq_note(struct wsc_async *a)
{
    if (a->wq)
        atomic_fetch_or(&a->ks->flags, WSC_F_QUEUED);
    else
        atomic_fetch_and(&a->ks->flags, ~WSC_F_QUEUED);
}

/* The engine's own operations (a send's queued rest, a deferred FIN),
 * which no front end cancels or sees. */
static int engine_own(const struct wsc_aop *op)
{
    return op->backlog || op->shut_after;
}

static int is_write_kind(const struct wsc_aop *op)
{
    return op->kind == WSC_AOP_SEND || op->kind == WSC_AOP_CONNECT;
}

/* Completions gathered under the lock, delivered after it. */
struct donelist {
    struct wsc_aop *head, *tail;
};

static void deliver(struct donelist *d)
{
    struct wsc_aop *op, *next;

    for (op = d->head; op; op = next) {
        next = op->next;
        op->next = NULL;
        op->done_fn(op);
    }
    d->head = d->tail = NULL;
}

/* ---- performing one operation ------------------------------------------ */

#define MSG_IOV 64 /* iovecs per kernel call; the rest go in the next */

/* The buffers after the bytes already done, at most MSG_IOV of them, into
 * m (whose msg_iov is out); returns their total. */
static size_t iov_left(const struct wsc_aop *op, struct iovec *out,
                       struct msghdr *m)
{
    size_t skip = op->done, total = 0, n = 0;
    int i;

    for (i = 0; i < op->niov && n < MSG_IOV; i++) {
        struct iovec v = op->iov[i];

        if (skip >= v.iov_len) {
            skip -= v.iov_len;
            continue;
        }
        v.iov_base = (char *)v.iov_base + skip;
        v.iov_len -= skip;
        skip = 0;
        total += v.iov_len;
        out[n++] = v;
    }
    m->msg_iov = out;
    m->msg_iovlen = n;
    return total;
}

static size_t iov_total(const struct wsc_aop *op)
{
    size_t n = 0;
    int i;

    for (i = 0; i < op->niov; i++)
        n += op->iov[i].iov_len;
    return n;
}

static int is_stream(struct wsc_sock *e)
{
    return e->type == SOCK_STREAM;
}

/* One buffer on a stream, no address, no ancillary data: the plain call,
 * which the kernel serves without a msghdr to read in. */
static int plain_msg(struct wsc_sock *e, const struct msghdr *m)
{
    return m->msg_iovlen == 1 && !m->msg_name && !m->msg_control &&
           is_stream(e);
}

static ssize_t os_recvmsg(struct wsc_sock *e, struct msghdr *m, int flags)
{
    if (!plain_msg(e, m))
        return wsc_os.recvmsg(e->fd, m, flags);
    m->msg_flags = 0;
    return wsc_os.recv(e->fd, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len,
                       flags);
}

static ssize_t os_sendmsg(struct wsc_sock *e, const struct msghdr *m,
                          int flags)
{
    if (!plain_msg(e, m))
        return wsc_os.sendmsg(e->fd, m, flags);
    return wsc_os.send(e->fd, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len,
                       flags);
}

static int try_recv(struct wsc_sock *e, struct wsc_aop *op)
{
    struct iovec v[MSG_IOV];
    struct msghdr m;
    size_t want;
    ssize_t n;
    char c;
    uint32_t f = wsc_flags(e);

    if (f & WSC_F_ABORTED) {
        op->res = -WSAECONNABORTED;
        return FINISHED;
    }
    if (f & WSC_F_RESET) {
        op->res = -WSAECONNRESET;
        return FINISHED;
    }
    /* A zero-byte receive is a readiness probe: it completes when data
     * (or the end) is there and leaves the data queued. */
    if (iov_total(op) == 0 && is_stream(e)) {
        n = wsc_os.recvfrom(e->fd, &c, 1, MSG_PEEK | MSG_DONTWAIT, NULL, NULL);
        if (n >= 0) {
            op->res = 0;
            return FINISHED;
        }
        if (errno == EAGAIN || errno == EINTR)
            return AGAIN;
        op->res = wsc_io_error(e, WSC_OP_RECV, errno);
        return FINISHED;
    }
again:
    memset(&m, 0, sizeof(m));
    want = iov_left(op, v, &m);
    if (op->want_addr) {
        m.msg_name = &op->addr;
        m.msg_namelen = sizeof(op->addr);
    }
    m.msg_control = op->control;
    m.msg_controllen = op->control ? op->controllen : 0;
    n = os_recvmsg(e, &m, (op->flags & ~MSG_WAITALL) | MSG_DONTWAIT);
    if (n < 0 && op->done) {
        /* More buffers than one call takes: what came so far. */
        op->res = (long)op->done;
        return FINISHED;
    }
    if (n < 0 && wsc_e_refused_ignored(e, errno))
        goto again;
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR)
            return AGAIN;
        op->res = wsc_io_error(e, WSC_OP_RECV, errno);
        return FINISHED;
    }
    if (op->want_addr)
        op->addrlen = m.msg_namelen;
    if (op->control)
        op->controllen = m.msg_controllen;
    op->flags = m.msg_flags;
    if (!is_stream(e) && (m.msg_flags & MSG_TRUNC)) {
        op->done = iov_total(op);
        op->res = -WSAEMSGSIZE;
        return FINISHED;
    }
    op->done += (size_t)n;
    op->res = (long)op->done;
    /* The first MSG_IOV buffers filled and more wait: fill them too. */
    if (is_stream(e) && (size_t)n == want && op->done < iov_total(op) &&
        !(op->flags & MSG_PEEK) && !op->control)
        goto again;
    return FINISHED;
}

static int try_send(struct wsc_sock *e, struct wsc_aop *op)
{
    struct iovec v[MSG_IOV];
    struct msghdr m;
    size_t want;
    ssize_t n;
    uint32_t f = wsc_flags(e);

    if (f & WSC_F_ABORTED) {
        op->res = -WSAECONNABORTED;
        return FINISHED;
    }
    if (op->shut_after) {
        wsc_os.shutdown(e->fd, SHUT_WR);
        op->res = 0;
        return FINISHED;
    }
    /* The queued rest of a send made before a shutdown still goes. */
    if ((f & WSC_F_SHUT_SEND) && !op->backlog) {
        op->res = -WSAESHUTDOWN;
        return FINISHED;
    }
    /* A datagram goes in one call: more buffers than one takes fail. */
    if (!is_stream(e) && op->niov > MSG_IOV) {
        op->res = -WSAENOBUFS;
        return FINISHED;
    }
    for (;;) {
        memset(&m, 0, sizeof(m));
        want = iov_left(op, v, &m);
        if (op->addrlen && !is_stream(e)) {
            m.msg_name = &op->addr;
            m.msg_namelen = op->addrlen;
        }
        if (op->control && !op->done) {
            m.msg_control = op->control;
            m.msg_controllen = op->controllen;
        }
        if (want == 0 && (is_stream(e) || op->done)) {
            op->res = (long)op->done;
            return FINISHED;
        }
        wsc_e_mark_sent(e);
        n = os_sendmsg(e, &m, MSG_NOSIGNAL | MSG_DONTWAIT |
                                  (op->flags & MSG_OOB));
        if (n < 0) {
            if (errno == EAGAIN || errno == ENOBUFS || errno == EINTR)
                return AGAIN;
            op->res = wsc_io_error(e, WSC_OP_SEND, errno);
            return FINISHED;
        }
        op->done += (size_t)n;
        if (!is_stream(e)) {
            op->res = (long)n;
            return FINISHED;
        }
    }
}

static void connect_done(struct wsc_sock *e, struct wsc_aop *op)
{
    wsc_clear_flags(e, WSC_F_ACONNECT);
    wsc_set_flags(e, WSC_F_CONNECTED | WSC_F_BOUND | WSC_F_CONNECTEX);
    /* What is left to send goes as a send of the same operation. */
    op->kind = WSC_AOP_SEND;
    op->addrlen = 0;
    op->done = 0;
}

static int try_connect(struct wsc_sock *e, struct wsc_aop *op)
{
    struct pollfd p = { .fd = e->fd, .events = POLLOUT };
    int err = 0;
    socklen_t len = sizeof(err);

    if (!op->started) {
        op->started = 1;
        wsc_set_flags(e, WSC_F_ACONNECT);
        if (wsc_e_connect_start(e, (struct sockaddr *)&op->addr,
                                op->addrlen) == 0) {
            connect_done(e, op);
            return try_send(e, op);
        }
        if (errno != EINPROGRESS && errno != EAGAIN) {
            err = errno;
            wsc_clear_flags(e, WSC_F_ACONNECT);
            op->res = wsc_errno_result(WSC_OP_CONNECT, err, wsc_flags(e));
            return FINISHED;
        }
        return AGAIN;
    }
    if (wsc_os.poll(&p, 1, 0) <= 0)
        return AGAIN;
    if (wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        err = errno;
    if (err) {
        wsc_clear_flags(e, WSC_F_ACONNECT);
        op->res = wsc_errno_result(WSC_OP_CONNECT, err, wsc_flags(e));
        return FINISHED;
    }
    connect_done(e, op);
    return try_send(e, op);
}

static void unwatch(struct wsc_sock *e, struct wsc_async *a);

/* The acceptor's number takes over the accepted connection: the kernel
 * socket is replaced under the same descriptor, its Windows state made
 * that of a fresh accepted socket. */
static int accept_into(struct wsc_sock *l, struct wsc_sock *acc, int nfd)
{
    struct wsc_async *aa = wsc_async_peek(acc);
    uint32_t keep;

    if (aa)
        unwatch(acc, aa);
    if (wsc_os.dup2(nfd, acc->fd) < 0) {
        wsc_os.close(nfd);
        return -WSAENOBUFS;
    }
    wsc_os.close(nfd);
    keep = wsc_flags(acc) & (WSC_F_NONBLOCK | WSC_F_NOOVERLAP);
    atomic_store(&acc->s->flags, keep | WSC_F_BOUND | WSC_F_ACCEPTED |
                 WSC_F_UNSENT |
                 (wsc_flags(l) & (WSC_F_OOBINLINE | WSC_F_REUSEADDR)));
    acc->family = l->family;
    acc->type = l->type;
    return 0;
}

static struct wsc_sock *acceptor_of(struct wsc_aop *op)
{
    struct wsc_sock *acc = wsc_ref(op->acceptor_fd);

    if (acc && atomic_load(&acc->gen) != op->acceptor_gen) {
        wsc_release(acc);
        return NULL;
    }
    return acc;
}

/* Under the listener's lock: the accepted socket takes its selection. */
static void inherit_selection(struct wsc_sock *l, struct wsc_sock *acc)
{
    struct wsc_async *la = wsc_async_peek(l);

    if (la && la->ev_mask)
        wsc_netev_copy(la, acc);
}

static int try_accept(struct wsc_sock *e, struct wsc_aop *op)
{
    struct wsc_sock *acc = acceptor_of(op);
    socklen_t len = sizeof(op->addr);
    int fd, fl = -1, err, nb;

    if (!acc) {
        op->res = -WSA_OPERATION_ABORTED;
        return FINISHED;
    }
    nb = (wsc_flags(acc) & WSC_F_NONBLOCK) ? SOCK_NONBLOCK : 0;
    fd = wsc_e_take_deferred(e, (struct sockaddr *)&op->addr, &len, nb != 0);
    if (fd >= 0)
        goto accepted;
    if (!(wsc_flags(e) & WSC_F_NONBLOCK)) {
        fl = wsc_os.fcntl(e->fd, F_GETFL, 0);
        if (fl >= 0)
            wsc_os.fcntl(e->fd, F_SETFL, fl | O_NONBLOCK);
    }
    do
        fd = wsc_os.accept4(e->fd, (struct sockaddr *)&op->addr, &len, nb);
    while (fd < 0 && errno == ECONNABORTED);
    err = errno;
    if (fl >= 0)
        wsc_os.fcntl(e->fd, F_SETFL, fl);
    if (fd < 0) {
        wsc_release(acc);
        if (err == EAGAIN || err == EINTR)
            return AGAIN;
        op->res = wsc_errno_result(WSC_OP_ACCEPT, err, wsc_flags(e));
        return FINISHED;
    }
accepted:
    op->addrlen = len;
    op->res = accept_into(e, acc, fd);
    if (op->res == 0) {
        wsc_clear_flags(acc, WSC_F_ACCEPTING);
        op->accepted = 1;
        inherit_selection(e, acc);
    }
    wsc_release(acc);
    return FINISHED;
}

static int try_op(struct wsc_sock *e, struct wsc_aop *op)
{
    switch (op->kind) {
    case WSC_AOP_RECV: return try_recv(e, op);
    case WSC_AOP_SEND: return try_send(e, op);
    case WSC_AOP_CONNECT: return try_connect(e, op);
    case WSC_AOP_ACCEPT: return try_accept(e, op);
    case WSC_AOP_NOTIFY: return AGAIN; /* (never queued where it is tried) */
    }
    return FINISHED;
}

/* Under the lock: run the head of a queue while it finishes. */
static void progress(struct wsc_sock *e, struct wsc_aop **head,
                     struct wsc_aop **tail, struct donelist *d)
{
    while (*head && try_op(e, *head) == FINISHED)
        push(&d->head, &d->tail, pop(head, tail));
}

/* ---- the reactor --------------------------------------------------------- */

static uint64_t key_of(struct wsc_sock *e)
{
    return (uint64_t)(uint32_t)e->fd | (uint64_t)atomic_load(&e->gen) << 32;
}

static void continue_accepts(struct donelist *d);
static void narrow_watch(struct wsc_sock *e, struct wsc_async *a,
                         uint32_t events);

/* Readiness on a socket: its queues move, its network events are
 * recorded. */
static void orphan_ready(struct orphan *o);

unsigned wsc_async_epoch(void)
{
    return atomic_load(&harvest_epoch);
}

static void ready(uint64_t key, uint32_t events, unsigned epoch)
{
    int fd = (int)(uint32_t)key, rearm = 0, looked;
    struct wsc_sock *e;
    struct wsc_async *a;
    struct donelist d = { NULL, NULL };

    if (key & ORPHAN_TAG) {
        orphan_ready((struct orphan *)(uintptr_t)(key & ~ORPHAN_TAG));
        return;
    }
    atomic_store(&reactor_holding, wsc_entry(fd));
    if (!(e = wsc_ref(fd))) {
        atomic_store(&reactor_holding, NULL);
        return;
    }
    if (atomic_load(&e->gen) == (unsigned)(key >> 32) &&
        (a = wsc_async_peek(e))) {
        pthread_mutex_lock(&a->lock);
        /* What epoll reported for data and room on a connected socket
         * holds unless a receive takes data now; an end, an error, or a
         * socket still connecting is looked at afresh (the report may be
         * from before a connect completed). */
        looked = a->rq || (events & (EPOLLHUP | EPOLLRDHUP | EPOLLERR)) ||
                         !wsc_e_has_peer(e) ||
                         (wsc_flags(e) & (WSC_F_LISTENING | WSC_F_CONNECTING))
                     ? -1 : (int)(events & (EPOLLIN | EPOLLOUT | EPOLLPRI));
        progress(e, &a->rq, &a->rq_tail, &d);
        progress(e, &a->wq, &a->wq_tail, &d);
        wq_note(a);
        /* The last receive pending at shutdown(SD_RECEIVE) took its data:
         * what comes now resets the connection (row OV14). */
        rearm = d.head && !a->rq && (wsc_flags(e) & WSC_F_SHUT_RECV);
        /* (2: no receive took data since the report began.) */
        if (a->ev_mask)
            wsc_netev_check(e, a,
                            (int)(a->ev_recv_epoch - epoch) < 0 ? 2 : 1,
                            looked);
        narrow_watch(e, a, events);
        pthread_mutex_unlock(&a->lock);
    }
    if (rearm)
        wsc_e_shutrecv_rearm(e);
    /* Let go first: a thread the completion wakes may close the socket,
     * which must not count this reference as a call in flight. */
    wsc_release(e);
    atomic_store(&reactor_holding, NULL);
    continue_accepts(&d);
    deliver(&d);
}

/* Handle what the reactor's set reports (the caller has the poll role). */
static void handle(const struct epoll_event *evs, int n, unsigned epoch)
{
    uint64_t drained;
    int i;

    for (i = 0; i < n; i++) {
        if (evs[i].data.u64 == KICK_KEY)
            (void)!wsc_os.read(kick_fd, &drained, sizeof(drained));
        else
            ready(evs[i].data.u64, evs[i].events, epoch);
    }
}

/* One look at the reactor's set, up to ms: what it reports is handled,
 * numbered by the look (a receive recorded before it came first). */
static int look(int ms)
{
    struct epoll_event evs[64];
    unsigned epoch = atomic_fetch_add(&harvest_epoch, 1) + 1;
    int n = wsc_os.epoll_wait(reactor_ep, evs, 64, ms);

    if (n > 0)
        handle(evs, n, epoch);
    return n;
}

/* The role from state `from` (in w, a word read before) to held. */
static int role_move(uint64_t w, unsigned from)
{
    return ROLE_STATE(w) == from &&
           atomic_compare_exchange_strong(&poll_role, &w,
                                          ROLE_AS(w, ROLE_HELD));
}

static int role_take(void)
{
    return role_move(atomic_load_explicit(&poll_role, memory_order_relaxed),
                     ROLE_FREE);
}

/* The lender is back: its lease, if the reactor thread did not take it. */
static int role_reclaim(void)
{
    uint64_t w = my_lease;

    my_lease = 0;
    return w && role_move(w, ROLE_LENT);
}

int wsc_async_poll_begin(void)
{
    struct epoll_event ev = { .events = 0 };

    if (reactor_ep < 0)
        return 0;
    if (!atomic_load_explicit(&pollers_wanted, memory_order_relaxed) &&
        !atomic_exchange(&pollers_wanted, 1))
        wsc_async_poll_kick(); /* the reactor thread lets go of the role */
    if (role_reclaim())
        return 1; /* (the outer set stayed disarmed) */
    if (!role_take())
        return 0;
    /* The reactor thread is not to wake for what this thread handles. */
    if (atomic_exchange(&outer_armed, 0))
        wsc_os.epoll_ctl(outer_ep, EPOLL_CTL_MOD, reactor_ep, &ev);
    return 1;
}

void wsc_async_poll_return(void)
{
    if (role_reclaim())
        wsc_async_poll_end(0);
}

/* The holder lends the role (it is a port's waiter leaving with a packet);
 * the reactor thread ticks from now on if it did not already. */
static void role_lend(void)
{
    uint64_t w = atomic_load(&poll_role);

    my_lease = ROLE_AS(w + 4, ROLE_LENT); /* (a new lease number) */
    atomic_store(&poll_role, my_lease);
    if (!atomic_load(&ticking) && !atomic_exchange(&ticking, 1))
        wsc_poke(tick_fd);
}

void wsc_async_poll_end(int lend)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT };

    if (lend) {
        role_lend();
        return;
    }
    atomic_store(&poll_role, ROLE_AS(atomic_load(&poll_role), ROLE_FREE));
    /* Armed after the role is free: if something is ready now, the
     * reactor thread wakes for it (a modification polls at once). */
    atomic_store(&outer_armed, 1);
    wsc_os.epoll_ctl(outer_ep, EPOLL_CTL_MOD, reactor_ep, &ev);
}

/* With the role held: what is ready now is handled, and the role given up. */
static void work_now(void)
{
    look(0);
    wsc_async_poll_end(0);
}

/* The reactor thread's look while a lease may run: a lease it saw at its
 * last look too (a tick old) it takes, and does the work; after
 * QUIET_TICKS looks without a lease, the ticks stop. */
static void tick(void)
{
    static uint64_t seen;
    static unsigned quiet;
    uint64_t w = atomic_load(&poll_role), last = seen;

    seen = w;
    if (ROLE_STATE(w) == ROLE_LENT) {
        quiet = 0;
        if (w == last && role_move(w, ROLE_LENT))
            work_now();
        return;
    }
    if (w != last)
        quiet = 0;
    if (++quiet < QUIET_TICKS)
        return;
    quiet = 0;
    atomic_store(&ticking, 0);
    /* (A lease begun meanwhile saw ticking still set, or sets it itself.) */
    if (ROLE_STATE(atomic_load(&poll_role)) == ROLE_LENT)
        atomic_store(&ticking, 1);
}

int wsc_async_poll(int ms)
{
    return look(ms);
}

void wsc_async_poll_kick(void)
{
    wsc_poke(kick_fd);
}

/* The reactor thread: the reactor's work, with the poll role until a
 * port's waiter wants it, then whenever something is ready and no other
 * thread has the role. */
static void *reactor_main(void *arg)
{
    struct epoll_event evs[64];
    int n;

    (void)arg;
    if (role_take()) {
        while (!atomic_load(&pollers_wanted))
            look(-1);
        wsc_async_poll_end(0);
    }
    for (;;) {
        uint64_t drained;
        int i, fired = 0;

        n = wsc_os.epoll_wait(outer_ep, evs, 2,
                              atomic_load(&ticking) ? TICK_MS : -1);
        for (i = 0; i < n; i++) {
            if (evs[i].data.u64 == KICK_KEY)
                (void)!wsc_os.read(tick_fd, &drained, sizeof(drained));
            else
                fired = 1;
        }
        if (fired)
            atomic_store(&outer_armed, 0); /* (one-shot: it fired) */
        if (atomic_load(&ticking))
            tick();
        if (fired && role_take())
            work_now(); /* (else the role's holder arms it when it leaves) */
    }
    return NULL;
}

static void close_if_open(int *fd)
{
    if (*fd >= 0)
        wsc_os.close(*fd);
    *fd = -1;
}

/* Closes the reactor's sets (a failed start, a fork child). */
static void reactor_sets_close(void)
{
    int ep = atomic_exchange(&reactor_ep, -1);

    close_if_open(&ep);
    close_if_open(&outer_ep);
    close_if_open(&kick_fd);
    close_if_open(&tick_fd);
}

/* The reactor's set, the kick eventfd in it, and the outer set holding
 * it armed (reactor_ep last: it says they exist): 0, or -1. */
static int reactor_sets(void)
{
    struct epoll_event ev = { .events = EPOLLIN };
    int ep = wsc_os.epoll_create1(EPOLL_CLOEXEC);

    outer_ep = wsc_os.epoll_create1(EPOLL_CLOEXEC);
    kick_fd = wsc_os.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    tick_fd = wsc_os.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (ep >= 0 && outer_ep >= 0 && kick_fd >= 0 && tick_fd >= 0) {
        ev.data.u64 = KICK_KEY;
        if (wsc_os.epoll_ctl(ep, EPOLL_CTL_ADD, kick_fd, &ev) == 0 &&
            wsc_os.epoll_ctl(outer_ep, EPOLL_CTL_ADD, tick_fd, &ev) == 0) {
            ev.events = EPOLLIN | EPOLLONESHOT;
            ev.data.u64 = 0;
            if (wsc_os.epoll_ctl(outer_ep, EPOLL_CTL_ADD, ep, &ev) == 0) {
                reactor_ep = ep;
                return 0;
            }
        }
    }
    close_if_open(&ep);
    reactor_sets_close();
    return -1;
}

static int reactor_start(void)
{
    pthread_attr_t attr;
    pthread_t th;

    wsc_lock(&reactor_lock);
    if (reactor_ep < 0 && reactor_sets() == 0) {
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&th, &attr, reactor_main, NULL))
            reactor_sets_close();
        pthread_attr_destroy(&attr);
    }
    wsc_unlock(&reactor_lock);
    return reactor_ep >= 0 ? 0 : -WSAENOBUFS;
}

/* Under a->lock: what the reactor is to hear of.  Room to send only
 * while a send or a connect waits or the selection has FD_WRITE or
 * FD_CONNECT: otherwise every arrival whose data a receive tried at once
 * took would still wake the reactor, to report the room alone. */
static uint32_t watch_events(const struct wsc_async *a)
{
    uint32_t ev = EPOLLIN | EPOLLPRI | EPOLLRDHUP | EPOLLET;

    if (a->wq || (a->ev_mask & (WSC_FD_WRITE | WSC_FD_CONNECT)))
        ev |= EPOLLOUT;
    return ev;
}

static int watched(const struct wsc_sock *e, const struct wsc_async *a)
{
    return a->reg_fd == e->fd && a->reg_gen == atomic_load(&e->gen) &&
           a->reg_epoch == reactor_epoch;
}

static int watch_as(struct wsc_sock *e, struct wsc_async *a, uint32_t want)
{
    struct epoll_event ev;
    int op = EPOLL_CTL_ADD;

    if (watched(e, a)) {
        if (want == a->reg_events)
            return 0;
        op = EPOLL_CTL_MOD;
    } else if (reactor_start() < 0) {
        return -WSAENOBUFS;
    }
    memset(&ev, 0, sizeof(ev));
    ev.events = want;
    ev.data.u64 = key_of(e);
    /* (A modification reports at once what holds now: no edge is lost.) */
    if (wsc_os.epoll_ctl(reactor_ep, op, e->fd, &ev) < 0 &&
        (op == EPOLL_CTL_MOD || errno != EEXIST ||
         wsc_os.epoll_ctl(reactor_ep, EPOLL_CTL_MOD, e->fd, &ev) < 0))
        return -WSAENOBUFS;
    a->reg_fd = e->fd;
    a->reg_gen = atomic_load(&e->gen);
    a->reg_epoch = reactor_epoch;
    a->reg_events = want;
    return 0;
}

int wsc_async_watch(struct wsc_sock *e, struct wsc_async *a)
{
    uint32_t want = watch_events(a);

    /* Room asked for stays until the reactor hears of room alone
     * (narrow_watch): a socket that sends and blocks often would
     * otherwise pay two changes a time. */
    if (watched(e, a))
        want |= a->reg_events & EPOLLOUT;
    return watch_as(e, a, want);
}

/* Under a->lock, the reactor told of room alone: if nothing wants it,
 * it is no longer watched for. */
static void narrow_watch(struct wsc_sock *e, struct wsc_async *a,
                         uint32_t events)
{
    uint32_t want = watch_events(a);

    if (events == EPOLLOUT && !(want & EPOLLOUT) && watched(e, a) &&
        (a->reg_events & EPOLLOUT))
        (void)watch_as(e, a, want);
}

static void unwatch(struct wsc_sock *e, struct wsc_async *a)
{
    if (a->reg_fd >= 0 && a->reg_epoch == reactor_epoch && reactor_ep >= 0)
        wsc_os.epoll_ctl(reactor_ep, EPOLL_CTL_DEL, a->reg_fd, NULL);
    a->reg_fd = -1;
}

void wsc_async_unwatch(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);

    if (!a)
        return;
    pthread_mutex_lock(&a->lock);
    unwatch(e, a);
    pthread_mutex_unlock(&a->lock);
}

/* ---- AcceptEx's second half --------------------------------------------- */

/* An accept that wants first data waits for it on the acceptor, as a
 * receive into the same buffer. */
static int accept_wait_data(struct wsc_aop *op)
{
    struct wsc_sock *acc = acceptor_of(op);
    struct wsc_async *a;
    int r = FINISHED;

    if (!acc) {
        op->res = -WSA_OPERATION_ABORTED;
        return FINISHED;
    }
    op->kind = WSC_AOP_RECV;
    op->done = 0;
    if (!(a = wsc_async_of(acc))) {
        op->res = -WSAENOBUFS;
    } else {
        pthread_mutex_lock(&a->lock);
        if (!a->rq && (r = try_recv(acc, op)) == AGAIN) {
            push(&a->rq, &a->rq_tail, op);
            if (wsc_async_watch(acc, a) < 0) {
                a->rq = a->rq_tail = NULL;
                op->res = -WSAENOBUFS;
                r = FINISHED;
            }
        } else if (a->rq) {
            push(&a->rq, &a->rq_tail, op);
            r = AGAIN;
        }
        pthread_mutex_unlock(&a->lock);
    }
    wsc_release(acc);
    return r;
}

/* Takes the accepts that now wait for data out of the list. */
static void continue_accepts(struct donelist *d)
{
    struct wsc_aop *op, *next, *keep_head = NULL, *keep_tail = NULL;

    for (op = d->head; op; op = next) {
        next = op->next;
        if (op->kind == WSC_AOP_ACCEPT && op->accepted && op->res == 0 &&
            op->first_data && accept_wait_data(op) == AGAIN)
            continue;
        push(&keep_head, &keep_tail, op);
    }
    d->head = keep_head;
    d->tail = keep_tail;
}

/* ---- the front end's calls -------------------------------------------- */

int wsc_async_submit(struct wsc_sock *e, struct wsc_aop *op)
{
    struct wsc_async *a = wsc_async_of(e);
    struct wsc_aop **head, **tail;
    struct donelist d = { NULL, NULL };
    int r = AGAIN;

    if (!a) {
        op->res = -WSAENOBUFS;
        return WSC_AOP_DONE;
    }
    op->done = 0;
    op->next = NULL;
    pthread_mutex_lock(&a->lock);
    if (op->kind == WSC_AOP_NOTIFY) {
        push(&a->nq, &a->nq_tail, op);
        pthread_mutex_unlock(&a->lock);
        return WSC_AOP_PENDING;
    }
    head = is_write_kind(op) ? &a->wq : &a->rq;
    tail = is_write_kind(op) ? &a->wq_tail : &a->rq_tail;
    /* Tried at once: data the caller saw arrive is taken now (row OV3);
     * a flag the reactor clears would lag behind that. */
    if (!*head)
        r = try_op(e, op);
    if (r == AGAIN) {
        struct wsc_aop *was = *tail;

        push(head, tail, op);
        if (wsc_async_watch(e, a) < 0) {
            unpush(head, tail, was);
            op->res = -WSAENOBUFS;
            r = FINISHED;
        }
    }
    wq_note(a);
    if (op->kind == WSC_AOP_ACCEPT && r == AGAIN) {
        struct wsc_sock *acc = acceptor_of(op);

        struct wsc_async *aa = acc ? wsc_async_of(acc) : NULL;

        if (aa) {
            wsc_set_flags(acc, WSC_F_ACCEPTING);
            aa->accepting_fd = e->fd;
            aa->accepting_gen = atomic_load(&e->gen);
        }
        if (acc)
            wsc_release(acc);
    }
    pthread_mutex_unlock(&a->lock);
    if (r == AGAIN)
        return WSC_AOP_PENDING;
    if (op->kind == WSC_AOP_ACCEPT && op->accepted && op->res == 0 &&
        op->first_data) {
        if (accept_wait_data(op) == AGAIN)
            return WSC_AOP_PENDING;
    }
    if (op->always_pend) {
        push(&d.head, &d.tail, op);
        deliver(&d);
        return WSC_AOP_PENDING;
    }
    return WSC_AOP_DONE;
}

/* Under the lock: moves the matching operations of a queue to d, ended
 * with res (a receive with rres). */
static int take(struct wsc_aop **head, struct wsc_aop **tail,
                int (*match)(struct wsc_aop *, void *), void *arg,
                struct donelist *d, long rres, long res)
{
    struct wsc_aop *op, *next, *kh = NULL, *kt = NULL;
    int n = 0;

    for (op = *head; op; op = next) {
        next = op->next;
        if (engine_own(op) ? !match : !match || match(op, arg)) {
            op->res = op->kind == WSC_AOP_RECV ? rres : res;
            push(&d->head, &d->tail, op);
            n++;
        } else {
            push(&kh, &kt, op);
        }
    }
    *head = kh;
    *tail = kt;
    return n;
}

static void clear_accepting(struct wsc_aop *op)
{
    struct wsc_sock *acc;

    if (op->kind != WSC_AOP_ACCEPT || !(acc = acceptor_of(op)))
        return;
    wsc_clear_flags(acc, WSC_F_ACCEPTING);
    wsc_release(acc);
}

int wsc_async_cancel(struct wsc_sock *e,
                     int (*match)(struct wsc_aop *op, void *arg), void *arg)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct donelist d = { NULL, NULL };
    struct wsc_aop *op;
    int n;

    if (!a)
        return 0;
    pthread_mutex_lock(&a->lock);
    n = take(&a->rq, &a->rq_tail, match, arg, &d, -WSA_OPERATION_ABORTED,
             -WSA_OPERATION_ABORTED);
    n += take(&a->wq, &a->wq_tail, match, arg, &d, -WSA_OPERATION_ABORTED,
              -WSA_OPERATION_ABORTED);
    n += take(&a->nq, &a->nq_tail, match, arg, &d, -WSA_OPERATION_ABORTED,
              -WSA_OPERATION_ABORTED);
    if (!a->wq)
        wsc_clear_flags(e, WSC_F_ACONNECT);
    wq_note(a);
    pthread_mutex_unlock(&a->lock);
    for (op = d.head; op; op = op->next)
        clear_accepting(op);
    deliver(&d);
    return n;
}

static int match_accept_into(struct wsc_aop *op, void *arg)
{
    struct wsc_sock *acc = arg;

    return op->kind == WSC_AOP_ACCEPT && op->acceptor_fd == acc->fd &&
           op->acceptor_gen == atomic_load(&acc->gen);
}

/* The acceptor of a pending AcceptEx is closing: the AcceptEx, queued on
 * its listener, ends with WSA_OPERATION_ABORTED. */
static void cancel_accept_into(struct wsc_sock *acc)
{
    struct wsc_async *aa = wsc_async_peek(acc);
    struct wsc_sock *l;

    if (!aa || aa->accepting_fd < 0 || !(l = wsc_ref(aa->accepting_fd)))
        return;
    if (atomic_load(&l->gen) == aa->accepting_gen)
        wsc_async_cancel(l, match_accept_into, acc);
    wsc_release(l);
}

void wsc_async_reactor_wait(struct wsc_sock *e)
{
    /* A short look (no wait in it), and a closing entry cannot be
     * referenced again: the reactor is done with e soon and for good. */
    while (atomic_load(&reactor_holding) == e)
        sched_yield();
}

/* Under the lock: the engine's own queued sends, taken out of wq. */
static struct wsc_aop *take_backlog(struct wsc_async *a)
{
    struct wsc_aop *op, *next, *kh = NULL, *kt = NULL, *bh = NULL, *bt = NULL;

    for (op = a->wq; op; op = next) {
        next = op->next;
        if (engine_own(op))
            push(&bh, &bt, op);
        else
            push(&kh, &kt, op);
    }
    a->wq = kh;
    a->wq_tail = kt;
    return bh;
}

static void free_list(struct wsc_aop *op)
{
    struct wsc_aop *next;

    for (; op; op = next) {
        next = op->next;
        free(op);
    }
}

/* 1 when closing the socket resets it (SO_LINGER {1,0}). */
static int hard_linger(struct wsc_sock *e)
{
    struct linger lg;
    socklen_t len = sizeof(lg);

    return wsc_os.getsockopt(e->fd, SOL_SOCKET, SO_LINGER, &lg, &len) == 0 &&
           lg.l_onoff && lg.l_linger == 0;
}

static void orphan_adopt(struct wsc_sock *e, struct wsc_aop *ops);

int wsc_async_close(struct wsc_sock *e, int abortive)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct donelist d = { NULL, NULL };
    struct wsc_aop *op, *backlog;
    int reset = 0;

    if (wsc_flags(e) & WSC_F_ACCEPTING) {
        wsc_clear_flags(e, WSC_F_ACCEPTING);
        cancel_accept_into(e);
    }
    if (!a)
        return 0;
    pthread_mutex_lock(&a->lock);
    for (op = a->rq; op; op = op->next)
        if (op->kind == WSC_AOP_RECV && is_stream(e))
            reset = 1;
    backlog = take_backlog(a);
    take(&a->rq, &a->rq_tail, NULL, NULL, &d,
         is_stream(e) ? -WSAECONNABORTED : -WSA_OPERATION_ABORTED,
         -WSA_OPERATION_ABORTED);
    take(&a->wq, &a->wq_tail, NULL, NULL, &d, -WSA_OPERATION_ABORTED,
         -WSA_OPERATION_ABORTED);
    take(&a->nq, &a->nq_tail, NULL, NULL, &d, -WSA_OPERATION_ABORTED,
         -WSA_OPERATION_ABORTED);
    wq_note(a);
    unwatch(e, a);
    a->ev_mask = 0;
    a->ev_notify = NULL;
    a->ev_post = NULL; /* closesocket posts nothing (row EV29) */
    pthread_mutex_unlock(&a->lock);
    /* A graceful close still delivers what the socket queued; an
     * abortive one drops it with the connection. */
    if (backlog && (reset || abortive || hard_linger(e)))
        free_list(backlog);
    else if (backlog)
        orphan_adopt(e, backlog);
    for (op = d.head; op; op = op->next)
        clear_accepting(op);
    deliver(&d);
    return reset;
}

void wsc_async_each_pending(struct wsc_sock *e,
                            void (*fn)(struct wsc_aop *op, void *arg),
                            void *arg)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct wsc_aop *op;

    if (!a)
        return;
    pthread_mutex_lock(&a->lock);
    for (op = a->rq; op; op = op->next)
        if (!engine_own(op))
            fn(op, arg);
    for (op = a->wq; op; op = op->next)
        if (!engine_own(op))
            fn(op, arg);
    for (op = a->nq; op; op = op->next)
        fn(op, arg);
    pthread_mutex_unlock(&a->lock);
}

int wsc_async_recv_pending(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct wsc_aop *op;
    int n = 0;

    if (!a)
        return 0;
    pthread_mutex_lock(&a->lock);
    for (op = a->rq; op && !n; op = op->next)
        n = op->kind == WSC_AOP_RECV;
    pthread_mutex_unlock(&a->lock);
    return n;
}

int wsc_async_pending(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct wsc_aop *op;
    int n = 0;

    if (!a)
        return 0;
    pthread_mutex_lock(&a->lock);
    for (op = a->rq; op; op = op->next)
        n++;
    for (op = a->wq; op; op = op->next)
        n++;
    for (op = a->nq; op; op = op->next)
        n++;
    pthread_mutex_unlock(&a->lock);
    return n;
}

int wsc_async_acceptor_ok(struct wsc_sock *e)
{
    uint32_t f = wsc_flags(e);

    if (e->type != SOCK_STREAM ||
        (f & (WSC_F_LISTENING | WSC_F_BOUND | WSC_F_CONNECTED |
              WSC_F_ACCEPTING | WSC_F_CONNECTING | WSC_F_ACONNECT)) ||
        wsc_e_is_bound(e))
        return -WSAEINVAL;
    return 0;
}

/* Fork child: the reactor thread is the parent's; start afresh. */
void wsc_async_atfork_child(int relock)
{
    /* The parent's reactor sends what its orphans hold. */
    if (orphans)
        orphans = NULL;
    if (relock) {
        pthread_mutex_init(&orphans_lock, NULL);
        pthread_mutex_init(&reactor_lock, NULL);
    }
    if (reactor_ep >= 0) {
        reactor_sets_close();
        reactor_epoch++; /* (registrations are only made with a reactor) */
    }
    if (atomic_load_explicit(&poll_role, memory_order_relaxed))
        atomic_store(&poll_role, 0); /* (held by a thread the child lacks) */
    if (my_lease)
        my_lease = 0;
    if (atomic_load_explicit(&ticking, memory_order_relaxed))
        atomic_store(&ticking, 0);
}

/* DisconnectEx(TF_REUSE_SOCKET): the number gets a fresh kernel socket,
 * unbound and unconnected, for the next AcceptEx or ConnectEx; the old
 * connection ends as a close of it would. */
int wsc_async_renew(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);
    uint32_t keep = wsc_flags(e) & (WSC_F_NONBLOCK | WSC_F_NOOVERLAP);
    int fd = wsc_os.socket(e->family, e->type | SOCK_CLOEXEC |
                                          (keep & WSC_F_NONBLOCK ? SOCK_NONBLOCK
                                                                 : 0), 0);

    if (fd < 0)
        return wsc_errno_result(WSC_OP_SOCKET, errno, 0);
    if (a) {
        struct wsc_aop *backlog;

        pthread_mutex_lock(&a->lock);
        unwatch(e, a);
        backlog = take_backlog(a);
        wq_note(a);
        pthread_mutex_unlock(&a->lock);
        /* What the old connection still had to send goes on it. */
        if (backlog)
            orphan_adopt(e, backlog);
    }
    if (wsc_os.dup2(fd, e->fd) < 0) {
        wsc_os.close(fd);
        return -WSAENOBUFS;
    }
    wsc_os.close(fd);
    atomic_store(&e->s->flags, keep | WSC_F_UNSENT);
    return 0;
}

long wsc_e_send_all(struct wsc_sock *e, const void *buf, size_t len)
{
    struct iovec v = { (void *)buf, len }, call;
    struct msghdr m;
    long r;

    while (v.iov_len) {
        /* (A blocking send moves the vector it is given past what it
         * sent: the call gets a copy.) */
        call = v;
        memset(&m, 0, sizeof(m));
        m.msg_iov = &call;
        m.msg_iovlen = 1;
        r = wsc_e_sendmsg(e, &m, 0);
        if (r == -WSAEWOULDBLOCK) {
            if ((r = wsc_wait(e, POLLOUT, WSC_FOREVER)) < 0)
                return r == -WSAEINTR ? -WSAECONNABORTED : r;
            continue;
        }
        if (r < 0)
            return r;
        v.iov_base = (char *)v.iov_base + r;
        v.iov_len -= (size_t)r;
    }
    return (long)len;
}

/* TransmitFile: bytes of the file at fd (from offset, or from its
 * position when offset is -1; 0 bytes: to the end) go out on the
 * socket, whatever its blocking mode.  The bytes sent, or -WSA. */
long wsc_e_transmit(struct wsc_sock *e, int fd, int64_t offset,
                    uint64_t bytes)
{
    char buf[65536];
    uint64_t sent = 0;
    ssize_t n;
    long r;

    while (bytes == 0 || sent < bytes) {
        size_t want = sizeof(buf);

        if (bytes && bytes - sent < want)
            want = (size_t)(bytes - sent);
        n = offset < 0 ? read(fd, buf, want)
                       : pread(fd, buf, want, (off_t)(offset + (int64_t)sent));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -WSAEINVAL;
        if (n == 0)
            break;
        if ((r = wsc_e_send_all(e, buf, (size_t)n)) < 0)
            return r;
        sent += (uint64_t)r;
    }
    return (long)sent;
}

/* ---- the send queue of row 9i ----------------------------------------------- */

static size_t queued_bytes(struct wsc_async *a)
{
    struct wsc_aop *op;
    size_t n = 0;

    for (op = a->wq; op; op = op->next)
        if (op->backlog)
            n += op->iov[0].iov_len - op->done;
    return n;
}

/* The send buffer the program set, or Windows' default of 64 KiB. */
static size_t queue_bound(struct wsc_sock *e)
{
    uint32_t v = atomic_load(&e->s->sndbuf_set);

    return v > 65536 ? v : 65536;
}

static void free_op(struct wsc_aop *op)
{
    free(op);
}

static struct wsc_aop *own_op(size_t n)
{
    struct wsc_aop *op = calloc(1, sizeof(*op) + n);

    if (!op)
        return NULL;
    op->kind = WSC_AOP_SEND;
    op->iov = op->iov_inline;
    op->niov = 1;
    op->iov[0].iov_base = op + 1;
    op->iov[0].iov_len = n;
    op->acceptor_fd = -1;
    op->done_fn = free_op;
    return op;
}

int wsc_async_backlog(struct wsc_sock *e, const struct msghdr *msg, int flags)
{
    struct wsc_async *a = wsc_async_of(e);
    struct wsc_aop *op, *was;
    size_t n = 0, at = 0, bound;
    size_t i;

    if (!a)
        return 0;
    for (i = 0; i < (size_t)msg->msg_iovlen; i++)
        n += msg->msg_iov[i].iov_len;
    bound = queue_bound(e);
    if (!(op = own_op(n)))
        return 0;
    for (i = 0; i < (size_t)msg->msg_iovlen; i++) {
        memcpy((char *)(op + 1) + at, msg->msg_iov[i].iov_base,
               msg->msg_iov[i].iov_len);
        at += msg->msg_iov[i].iov_len;
    }
    op->backlog = 1;
    op->flags = flags & MSG_OOB;
    pthread_mutex_lock(&a->lock);
    /* As Windows' own buffer: a send is taken whole while less than the
     * bound is queued. */
    if (queued_bytes(a) >= bound) {
        pthread_mutex_unlock(&a->lock);
        free(op);
        return 0;
    }
    was = a->wq_tail;
    push(&a->wq, &a->wq_tail, op);
    if (wsc_async_watch(e, a) < 0) {
        unpush(&a->wq, &a->wq_tail, was);
        pthread_mutex_unlock(&a->lock);
        free(op);
        return 0;
    }
    wq_note(a);
    pthread_mutex_unlock(&a->lock);
    return 1;
}

int wsc_async_shut_after(struct wsc_sock *e)
{
    struct wsc_async *a = wsc_async_peek(e);
    struct wsc_aop *op;
    int queued = 0;

    if (!a || !(op = own_op(0)))
        return 0;
    op->shut_after = 1;
    pthread_mutex_lock(&a->lock);
    if (a->wq) {
        push(&a->wq, &a->wq_tail, op);
        queued = 1;
    }
    pthread_mutex_unlock(&a->lock);
    if (!queued)
        free(op);
    return queued;
}

/* A socket closed with sends still queued: a descriptor of its own keeps
 * the kernel socket, the reactor sends the rest, and its close then ends
 * the connection with a FIN, as the close of the socket would have. */
struct orphan {
    int fd;
    struct wsc_aop *head, *tail;
    struct orphan *prev, *next; /* the list of those still sending */
};

static void orphan_link(struct orphan *o)
{
    wsc_lock(&orphans_lock);
    o->prev = NULL;
    o->next = orphans;
    if (orphans)
        orphans->prev = o;
    orphans = o;
    wsc_unlock(&orphans_lock);
}

static void orphan_end(struct orphan *o)
{
    wsc_lock(&orphans_lock);
    if (o->prev)
        o->prev->next = o->next;
    else if (orphans == o)
        orphans = o->next;
    if (o->next)
        o->next->prev = o->prev;
    wsc_unlock(&orphans_lock);
    if (reactor_ep >= 0)
        wsc_os.epoll_ctl(reactor_ep, EPOLL_CTL_DEL, o->fd, NULL);
    wsc_os.close(o->fd);
    free_list(o->head);
    free(o);
}

static void orphan_ready(struct orphan *o)
{
    struct wsc_aop *op;
    struct iovec v;
    struct msghdr m;
    ssize_t n;

    while ((op = o->head)) {
        if (op->shut_after) {
            wsc_os.shutdown(o->fd, SHUT_WR);
            free(pop(&o->head, &o->tail));
            continue;
        }
        v.iov_base = (char *)op->iov[0].iov_base + op->done;
        v.iov_len = op->iov[0].iov_len - op->done;
        memset(&m, 0, sizeof(m));
        m.msg_iov = &v;
        m.msg_iovlen = 1;
        n = v.iov_len ? wsc_os.sendmsg(o->fd, &m, MSG_NOSIGNAL | MSG_DONTWAIT |
                                                  op->flags)
                      : 0;
        if (n < 0 && (errno == EAGAIN || errno == EINTR || errno == ENOBUFS))
            return;
        if (n < 0)
            break;
        op->done += (size_t)n;
        if (op->done >= op->iov[0].iov_len)
            free(pop(&o->head, &o->tail));
    }
    orphan_end(o);
}

static void orphan_adopt(struct wsc_sock *e, struct wsc_aop *ops)
{
    struct orphan *o = calloc(1, sizeof(*o));
    struct epoll_event ev;

    if (!o || reactor_start() < 0 ||
        (o->fd = wsc_os.fcntl(e->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
        free(o);
        free_list(ops);
        return;
    }
    o->head = ops;
    for (o->tail = ops; o->tail->next; o->tail = o->tail->next)
        ;
    memset(&ev, 0, sizeof(ev));
    ev.events = EPOLLOUT | EPOLLET;
    ev.data.u64 = (uint64_t)(uintptr_t)o | ORPHAN_TAG;
    orphan_link(o);
    /* Adding reports the socket's readiness at once if it has room. */
    if (wsc_os.epoll_ctl(reactor_ep, EPOLL_CTL_ADD, o->fd, &ev) < 0)
        orphan_end(o);
}
