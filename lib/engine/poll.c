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

int wsc_e_ppoll(struct wsc_sock **ents, struct pollfd *fds, int n,
                int64_t deadline, const sigset_t *mask)
{
    int r, i;

    for (;;) {
        r = wsc_poll_masked(fds, (nfds_t)n, 0, mask);
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
