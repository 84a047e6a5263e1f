/* Interposer: poll, ppoll and select.  When none of the descriptors is an
 * engine socket the call goes straight to libc.  Otherwise the engine
 * polls, holding a reference on each socket, so that a close on another
 * thread wakes the call: the closed descriptor reports POLLNVAL (poll) or
 * readable (select), as Windows' WSAPoll and select report it. */
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include "interpose.h"

void __chk_fail(void) __attribute__((noreturn));

/* Any engine socket among the descriptors? */
static int any_ours(const struct pollfd *fds, nfds_t n)
{
    struct wsc_sock *e;
    nfds_t i;

    for (i = 0; i < n; i++) {
        if (fds[i].fd < 0)
            continue;
        e = wsc_claim(fds[i].fd);
        if (!e)
            continue;
        if (e != WSC_GONE)
            wsc_release(e);
        return 1;
    }
    return 0;
}

/* Poll arrays the interposer may read; any other goes to libc, whose
 * kernel answers EFAULT (or EINVAL for an absurd count). */
static int readable(const struct pollfd *fds, nfds_t n)
{
    return n <= SIZE_MAX / sizeof(*fds) &&
           wsc_user_readable(fds, n * sizeof(*fds));
}

/* The engine writes revents itself: the array must take them. */
static int writable(struct pollfd *fds, nfds_t n)
{
    if (wsc_user_writable(fds, n * sizeof(*fds)))
        return 1;
    errno = EFAULT;
    return 0;
}

static int64_t ms_deadline(int64_t ms)
{
    return ms < 0 ? WSC_FOREVER : ms == 0 ? 0 : wsc_now_ms() + ms;
}

struct poll_work {
    struct wsc_sock *small_e[16];
    struct pollfd small_p[17];
    struct wsc_sock **ents;
    struct pollfd *p;
};

static int work_init(struct poll_work *w, nfds_t n)
{
    w->ents = w->small_e;
    w->p = w->small_p;
    if (n > 16) {
        w->ents = calloc(n, sizeof(*w->ents));
        w->p = calloc(n + 1, sizeof(*w->p));
        if (!w->ents || !w->p) {
            free(w->ents);
            free(w->p);
            return -1;
        }
    }
    return 0;
}

static void work_free(struct poll_work *w, nfds_t n)
{
    nfds_t i;

    for (i = 0; i < n; i++)
        if (w->ents[i])
            wsc_release(w->ents[i]);
    if (w->ents != w->small_e) {
        free(w->ents);
        free(w->p);
    }
}

static int closing(struct wsc_sock *e)
{
    return e && (wsc_flags(e) & WSC_F_CLOSING);
}

/* The engine's poll over fds; the result as poll's, or -WSA. */
static long engine_poll(struct pollfd *fds, nfds_t n, int64_t deadline,
                        const sigset_t *mask)
{
    struct poll_work w;
    nfds_t i;
    long r;
    int gone = 0, ready = 0;

    if (work_init(&w, n) < 0)
        return -WSAENOBUFS;
    for (i = 0; i < n; i++) {
        w.p[i] = fds[i];
        w.p[i].revents = 0;
        fds[i].revents = 0;
        w.ents[i] = fds[i].fd >= 0 ? wsc_claim(fds[i].fd) : NULL;
        if (w.ents[i] == WSC_GONE) {
            /* Being closed by another thread: reported at once. */
            w.ents[i] = NULL;
            w.p[i].fd = -1;
            fds[i].revents = POLLNVAL;
            gone = 1;
        }
    }
    r = wsc_e_ppoll(w.ents, w.p, (int)n, gone ? 0 : deadline, mask);
    if (r == -WSAEINTR) {
        /* A socket began closing: report it, and what else is ready. */
        for (i = 0; i < n; i++)
            if (closing(w.ents[i]))
                w.p[i].fd = -1;
        r = wsc_os.poll(w.p, n, 0) < 0 ? WSC_E_ERRNO : 0;
    }
    if (r >= 0) {
        for (i = 0; i < n; i++) {
            if (fds[i].revents != POLLNVAL)
                fds[i].revents = closing(w.ents[i]) ? POLLNVAL
                                                    : w.p[i].revents;
            ready += fds[i].revents != 0;
        }
        r = ready;
    }
    work_free(&w, n);
    return r;
}

IP_DEFINE(int, poll, (struct pollfd *fds, nfds_t n, int timeout))
{
    if (!ip_on || !fds || !readable(fds, n) || !any_ours(fds, n))
        return wsc_os.poll(fds, n, timeout);
    if (!writable(fds, n))
        return -1;
    return (int)ip_result(engine_poll(fds, n, ms_deadline(timeout), NULL));
}

static int64_t ts_ms(const struct timespec *ts)
{
    if (!ts)
        return -1;
    return (int64_t)ts->tv_sec * 1000 + (ts->tv_nsec + 999999) / 1000000;
}

IP_DEFINE(int, ppoll, (struct pollfd *fds, nfds_t n,
                       const struct timespec *tmo, const sigset_t *mask))
{
    struct timespec ts;
    sigset_t m;

    if (!ip_on || !fds || !readable(fds, n) || !any_ours(fds, n))
        return wsc_os.ppoll(fds, n, tmo, mask);
    if (!writable(fds, n))
        return -1;
    if ((tmo && wsc_copy_in(&ts, tmo, sizeof(ts))) ||
        (mask && wsc_copy_in(&m, mask, sizeof(m)))) {
        errno = EFAULT;
        return -1;
    }
    if (tmo && (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
                ts.tv_nsec >= 1000000000)) {
        errno = EINVAL;
        return -1;
    }
    return (int)ip_result(engine_poll(fds, n, ms_deadline(ts_ms(tmo ? &ts : NULL)),
                                      mask ? &m : NULL));
}

IP_DEFINE(int, __poll_chk, (struct pollfd *fds, nfds_t n, int timeout,
                            size_t fdslen))
{
    if (fdslen / sizeof(*fds) < n)
        __chk_fail();
    return ip_poll(fds, n, timeout);
}

IP_DEFINE(int, __ppoll_chk, (struct pollfd *fds, nfds_t n,
                             const struct timespec *tmo,
                             const sigset_t *mask, size_t fdslen))
{
    if (fdslen / sizeof(*fds) < n)
        __chk_fail();
    return ip_ppoll(fds, n, tmo, mask);
}

/* ---- select: the sets as a pollfd list, and back ----------------------- */

static short select_events(int fd, fd_set *rd, fd_set *wr, fd_set *ex)
{
    short ev = 0;

    if (rd && FD_ISSET(fd, rd))
        ev |= POLLIN;
    if (wr && FD_ISSET(fd, wr))
        ev |= POLLOUT;
    if (ex && FD_ISSET(fd, ex))
        ev |= POLLPRI;
    return ev;
}

/* Sets from revents; -1 when a closed socket was only in exceptfds.  A
 * failed connect is writable, as POSIX programs wait for, and in
 * exceptfds too, where Windows programs look for it. */
static int select_sets(struct pollfd *p, nfds_t n, fd_set *rd, fd_set *wr,
                       fd_set *ex)
{
    int count = 0;
    nfds_t i;

    for (i = 0; i < n; i++) {
        short ev = p[i].events, re = p[i].revents;
        int fd = p[i].fd, r = 0, w = 0, x = 0;

        if (re & POLLNVAL) {
            if (!(ev & POLLIN))
                return -1;
            r = 1;
        } else {
            r = (ev & POLLIN) && (re & (POLLIN | POLLHUP | POLLERR));
            w = (ev & POLLOUT) && (re & (POLLOUT | POLLERR));
            /* POLLERR without POLLIN: a failed connect, not a reset */
            x = (ev & POLLPRI) && ((re & POLLPRI) ||
                                   ((re & POLLERR) && !(re & POLLIN)));
        }
        if (rd && !r)
            FD_CLR(fd, rd);
        if (wr && !w)
            FD_CLR(fd, wr);
        if (ex && !x)
            FD_CLR(fd, ex);
        count += r + w + x;
    }
    return count;
}

static void clear_sets(int nfds, fd_set *rd, fd_set *wr, fd_set *ex)
{
    int fd;

    for (fd = 0; fd < nfds; fd++) {
        if (rd)
            FD_CLR(fd, rd);
        if (wr)
            FD_CLR(fd, wr);
        if (ex)
            FD_CLR(fd, ex);
    }
}

static void update_timeval(struct timeval *tv, int64_t deadline)
{
    int64_t left;

    if (!tv || deadline <= 0)
        return;
    left = deadline - wsc_now_ms();
    if (left < 0)
        left = 0;
    tv->tv_sec = left / 1000;
    tv->tv_usec = (left % 1000) * 1000;
}

/* The sets and the timeout, copied: the caller's memory is read and
 * written once each, where it may be unmapped. */
struct sel_copy {
    fd_set rd, wr, ex, *prd, *pwr, *pex;
    struct timeval tv, *ptv;
};

/* Bytes of a set the kernel reads for nfds descriptors (whole longs). */
static size_t set_bytes(int nfds)
{
    return ((size_t)nfds + 8 * sizeof(long) - 1) / (8 * sizeof(long)) *
           sizeof(long);
}

static fd_set *set_in(fd_set *local, const fd_set *theirs, size_t n, int *bad)
{
    FD_ZERO(local);
    if (!theirs)
        return NULL;
    *bad |= wsc_copy_in(local, theirs, n) != 0;
    return local;
}

/* 0; -1 when a set is not readable; -2 when the timeout is not. */
static int select_in(struct sel_copy *c, int nfds, fd_set *rd, fd_set *wr,
                     fd_set *ex, struct timeval *tv)
{
    size_t n = set_bytes(nfds);
    int bad = 0;

    c->prd = set_in(&c->rd, rd, n, &bad);
    c->pwr = set_in(&c->wr, wr, n, &bad);
    c->pex = set_in(&c->ex, ex, n, &bad);
    c->ptv = tv ? &c->tv : NULL;
    if (tv && wsc_copy_in(&c->tv, tv, sizeof(*tv)))
        return -2;
    return bad ? -1 : 0;
}

/* The sets (if with_sets) and the timeout back: 0 or -WSAEFAULT. */
static int select_out(const struct sel_copy *c, int nfds, fd_set *rd,
                      fd_set *wr, fd_set *ex, struct timeval *tv,
                      int with_sets)
{
    size_t n = set_bytes(nfds);

    if (with_sets && ((rd && wsc_copy_out(rd, &c->rd, n)) ||
                      (wr && wsc_copy_out(wr, &c->wr, n)) ||
                      (ex && wsc_copy_out(ex, &c->ex, n))))
        return -WSAEFAULT;
    if (tv && wsc_copy_out(tv, &c->tv, sizeof(*tv)))
        return -WSAEFAULT;
    return 0;
}

static int select_engine(int nfds, struct sel_copy *c, fd_set *rd,
                         fd_set *wr, fd_set *ex, struct timeval *tv)
{
    struct pollfd small[64], *p = small;
    int64_t deadline = WSC_FOREVER;
    nfds_t n = 0;
    long r, out;
    int fd, with_sets;

    if (nfds > 64 && !(p = malloc((size_t)nfds * sizeof(*p))))
        return ip_result(-WSAENOBUFS);
    for (fd = 0; fd < nfds; fd++) {
        short ev = select_events(fd, c->prd, c->pwr, c->pex);
        if (ev) {
            p[n].fd = fd;
            p[n].events = ev;
            n++;
        }
    }
    if (c->ptv)
        deadline = ms_deadline((int64_t)c->tv.tv_sec * 1000 +
                               (c->tv.tv_usec + 999) / 1000);
    r = engine_poll(p, n, deadline, NULL);
    with_sets = r >= 0;
    if (r >= 0) {
        r = select_sets(p, n, c->prd, c->pwr, c->pex);
        if (r < 0) {
            r = -WSAENOTSOCK;
            clear_sets(nfds, c->prd, c->pwr, c->pex); /* Windows leaves them empty */
        }
    }
    update_timeval(c->ptv, deadline);
    out = select_out(c, nfds, rd, wr, ex, tv, with_sets);
    if (p != small)
        free(p);
    return (int)ip_result(out ? out : r);
}

IP_DEFINE(int, select, (int nfds, fd_set *rd, fd_set *wr, fd_set *ex,
                        struct timeval *tv))
{
    struct sel_copy c;
    struct pollfd probe;
    int fd, in;

    if (!ip_on || nfds < 0 || nfds > FD_SETSIZE)
        return wsc_os.select(nfds, rd, wr, ex, tv);
    /* A set that cannot be read goes to libc too: its kernel says EFAULT
     * (or ignores the bits past its descriptor table).  The timeout libc
     * reads itself. */
    in = select_in(&c, nfds, rd, wr, ex, tv);
    if (in == -2) {
        errno = EFAULT;
        return -1;
    }
    if (in < 0)
        return wsc_os.select(nfds, rd, wr, ex, tv);
    if (tv && (c.tv.tv_sec < 0 || c.tv.tv_usec < 0))
        return wsc_os.select(nfds, rd, wr, ex, tv);
    for (fd = 0; fd < nfds; fd++) {
        if (!select_events(fd, c.prd, c.pwr, c.pex))
            continue;
        probe.fd = fd;
        if (any_ours(&probe, 1))
            return select_engine(nfds, &c, rd, wr, ex, tv);
    }
    return wsc_os.select(nfds, rd, wr, ex, tv);
}
