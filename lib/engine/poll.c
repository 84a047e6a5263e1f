/* Readiness of many sockets: one poll without waiting (the fast path),
 * then the blocking driver's wait, which closesocket can interrupt. */
#include <errno.h>
#include <poll.h>
#include "engine.h"
#include "os.h"

int wsc_e_poll(struct wsc_sock **ents, struct pollfd *fds, int n,
               int64_t deadline)
{
    return wsc_e_ppoll(ents, fds, n, deadline, NULL);
}

/* A listener holding a connection WSAAccept deferred is readable: the
 * connection is still waiting, on Windows in the backlog. */
static int add_deferred(struct wsc_sock **ents, struct pollfd *fds, int n,
                        int r)
{
    int i;

    if (r < 0)
        r = 0;
    for (i = 0; i < n; i++)
        if (ents[i] && atomic_load(&ents[i]->s->deferred) &&
            (fds[i].events & POLLIN) && !(fds[i].revents & POLLIN)) {
            r += !fds[i].revents;
            fds[i].revents |= POLLIN;
        }
    return r;
}

int wsc_e_ppoll(struct wsc_sock **ents, struct pollfd *fds, int n,
                int64_t deadline, const sigset_t *mask)
{
    int r, i;

    for (;;) {
        r = wsc_poll_masked(fds, (nfds_t)n, 0, mask);
        if (atomic_load_explicit(&wsc_deferred_count, memory_order_relaxed) &&
            !(r < 0 && errno != EINTR))
            r = add_deferred(ents, fds, n, r);
        if (r < 0 && errno == EINTR && wsc_posix_mode)
            return WSC_E_SIGNAL;
        if (r < 0 && errno != EINTR)
            return -WSAENOBUFS;
        if (r > 0 || deadline == 0)
            return r < 0 ? 0 : r;
        if (deadline > 0 && wsc_now_ms() >= deadline)
            return 0;
        r = wsc_wait_many(ents, fds, n, deadline, mask);
        if (r < 0)
            return r;
        for (i = 0; i < n; i++)
            fds[i].revents = 0;
        if (r == 0 && deadline > 0 && wsc_now_ms() >= deadline)
            return 0;
    }
}
