/* The blocking driver's waiting half.  A call that would block polls the
 * socket together with its thread's wake descriptor (an eventfd made on
 * the thread's first wait), after putting itself on the entry's list of
 * waiters; closesocket and the SD_RECEIVE watcher wake every waiter on
 * the list.  No signals, so it works on any kernel and in any program. */
#include <errno.h>
#include <signal.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <time.h>
#include "engine.h"
#include "os.h"

struct wsc_waiter {
    struct wsc_waiter *next;
    struct wsc_waiter **pprev;
    int efd;
};

static __thread int thread_efd = -1;
static pthread_key_t efd_key;
static pthread_once_t efd_once = PTHREAD_ONCE_INIT;

static void efd_destroy(void *p)
{
    int fd = (int)(intptr_t)p - 1;

    if (fd >= 0 && fd == thread_efd) {
        wsc_os.close(fd);
        thread_efd = -1;
    }
}

static void efd_key_init(void)
{
    pthread_key_create(&efd_key, efd_destroy);
}

static int my_efd(void)
{
    if (thread_efd < 0) {
        pthread_once(&efd_once, efd_key_init);
        thread_efd = wsc_os.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (thread_efd >= 0)
            pthread_setspecific(efd_key, (void *)(intptr_t)(thread_efd + 1));
    }
    return thread_efd;
}

void wsc_wait_reset_after_fork(void)
{
    /* The child shares the parent's eventfd objects; make a fresh one on
     * the next wait rather than wake (or be woken by) the parent. */
    if (thread_efd >= 0) {
        wsc_os.close(thread_efd);
        thread_efd = -1;
        pthread_setspecific(efd_key, NULL);
    }
}

int64_t wsc_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t wsc_deadline(uint32_t timeout_ms)
{
    return timeout_ms ? wsc_now_ms() + timeout_ms : WSC_FOREVER;
}

int wsc_ms_left(int64_t deadline)
{
    int64_t left;

    if (deadline == WSC_FOREVER)
        return -1;
    left = deadline - wsc_now_ms();
    if (left <= 0)
        return 0;
    return left > INT32_MAX ? INT32_MAX : (int)left;
}

static void waiter_add(struct wsc_sock *e, struct wsc_waiter *w, int efd)
{
    w->efd = efd;
    wsc_ksock_lock(e->s);
    w->next = e->s->waiters;
    if (w->next)
        w->next->pprev = &w->next;
    w->pprev = &e->s->waiters;
    e->s->waiters = w;
    wsc_ksock_unlock(e->s);
}

static void waiter_remove(struct wsc_sock *e, struct wsc_waiter *w)
{
    wsc_ksock_lock(e->s);
    *w->pprev = w->next;
    if (w->next)
        w->next->pprev = w->pprev;
    wsc_ksock_unlock(e->s);
}

void wsc_poke(int fd)
{
    static const uint64_t one = 1;

    (void)!wsc_os.write(fd, &one, sizeof(one));
}

void wsc_wake_all(struct wsc_sock *e)
{
    struct wsc_waiter *w;

    wsc_ksock_lock(e->s);
    for (w = e->s->waiters; w; w = w->next)
        wsc_poke(w->efd);
    wsc_ksock_unlock(e->s);
}

int wsc_waiter_count(struct wsc_sock *e)
{
    struct wsc_waiter *w;
    int n = 0;

    wsc_ksock_lock(e->s);
    for (w = e->s->waiters; w; w = w->next)
        n++;
    wsc_ksock_unlock(e->s);
    return n + wsc_recv_waiting(e);
}

static void drain(int efd)
{
    uint64_t v;

    (void)!wsc_os.read(efd, &v, sizeof(v));
}

/* poll, or ppoll with the caller's signal mask set for the wait only:
 * a signal the mask unblocks interrupts it even if it was pending. */
int wsc_poll_masked(struct pollfd *fds, nfds_t n, int timeout_ms,
                    const sigset_t *mask)
{
    struct timespec ts;

    if (!mask)
        return wsc_os.poll(fds, n, timeout_ms);
    ts.tv_sec = timeout_ms / 1000;
    ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000;
    return wsc_os.ppoll(fds, n, timeout_ms < 0 ? NULL : &ts, mask);
}

_Atomic(const struct wsc_alert_ops *) wsc_alert_ops;

static void wake_efd(void *arg)
{
    wsc_poke((int)(intptr_t)arg);
}

int wsc_alertable_thread(void)
{
    const struct wsc_alert_ops *a =
        atomic_load_explicit(&wsc_alert_ops, memory_order_acquire);

    return !wsc_posix_mode && a && a->possible();
}

static int any_closing(struct wsc_sock **ents, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (ents[i] && (wsc_flags(ents[i]) & WSC_F_CLOSING))
            return 1;
    return 0;
}

/* The poll of a wait, the wake descriptor last in fds; with alert ops, a
 * queued APC wakes it too, runs here, and the wait goes on (Windows'
 * blocking calls wait alertably; nothing of theirs ends for it). */
static int poll_alertable(struct wsc_sock **ents, struct pollfd *fds, int n,
                          int64_t deadline, const sigset_t *mask)
{
    /* (A look that does not wait, a zero timeout, runs none.) */
    const struct wsc_alert_ops *a =
        wsc_posix_mode || wsc_ms_left(deadline) == 0
            ? NULL
            : atomic_load_explicit(&wsc_alert_ops, memory_order_acquire);
    int efd = fds[n].fd, r;

    for (;;) {
        if (a && a->watch(wake_efd, (void *)(intptr_t)efd)) {
            a->unwatch();
            if (a->run() > 0)
                continue;
            a = NULL; /* (queued and gone: wait as a plain call) */
        }
        r = wsc_poll_masked(fds, (nfds_t)n + 1, wsc_ms_left(deadline), mask);
        if (a)
            a->unwatch();
        if (r <= 0 || !fds[n].revents || !a || !a->run())
            return r;
        drain(efd);
        fds[n].revents = 0;
        if (--r > 0 || any_closing(ents, n))
            return r;
        if (wsc_ms_left(deadline) == 0)
            return 0;
    }
}

/* Every entry lists us as a waiter meanwhile, so that a closer can find
 * us and write our wake descriptor. */
int wsc_wait_many(struct wsc_sock **ents, struct pollfd *fds, int n,
                  int64_t deadline, const sigset_t *mask)
{
    struct wsc_waiter stackw[16], *ws = stackw;
    int efd = my_efd(), i, r, closing = 0;

    if (efd < 0)
        return -WSAENOBUFS;
    if (n + 1 > 16) {
        ws = malloc(sizeof(*ws) * (size_t)n);
        if (!ws)
            return -WSAENOBUFS;
    }
    for (i = 0; i < n; i++)
        if (ents[i])
            waiter_add(ents[i], &ws[i], efd);
    /* Registered first, flags read second: a closer that set CLOSING
     * before we registered is seen here; one that set it after finds us
     * on its list and wakes us. */
    closing = any_closing(ents, n);
    if (!closing) {
        fds[n].fd = efd;
        fds[n].events = POLLIN;
        fds[n].revents = 0;
        r = poll_alertable(ents, fds, n, deadline, mask);
        if (r > 0 && fds[n].revents) {
            drain(efd);
            r--;
        }
        if (r > 0)
            closing = any_closing(ents, n);
        if (r < 0 && errno == EINTR)
            r = wsc_posix_mode ? WSC_E_SIGNAL : 0;
        else if (r < 0)
            r = -WSAENOBUFS;
    } else {
        r = 0;
    }
    for (i = 0; i < n; i++)
        if (ents[i])
            waiter_remove(ents[i], &ws[i]);
    if (ws != stackw)
        free(ws);
    return closing ? -WSAEINTR : r;
}

int wsc_signal_restarts(void)
{
    struct sigaction sa;
    int sig;

    for (sig = 1; sig < NSIG; sig++) {
        if (sigaction(sig, NULL, &sa) < 0)
            continue;
        if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN)
            continue;
        if (!(sa.sa_flags & SA_RESTART))
            return 0;
    }
    return 1;
}

int wsc_wait(struct wsc_sock *e, short events, int64_t deadline)
{
    struct pollfd pfd[2];
    int r;

    pfd[0].fd = e->fd;
    pfd[0].events = events;
    pfd[0].revents = 0;
    r = wsc_wait_many(&e, pfd, 1, deadline, NULL);
    if (r == WSC_E_SIGNAL && wsc_signal_restarts())
        return 0;
    if (r < 0)
        return r;
    if (r == 0 && deadline >= 0 && wsc_ms_left(deadline) == 0)
        return -WSAETIMEDOUT;
    return 0;
}
