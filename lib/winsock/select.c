/* Winsock select and WSAPoll: Windows sets and flags over the engine's
 * poll, which closesocket on another thread can interrupt. */
#include <stdlib.h>
#include <string.h>
#include "ws.h"

/* Read a few handles at a time: a set that is not what its count says
 * holds nothing more. */
int wsc___WSAFDIsSet(SOCKET s, wsc_fd_set *set)
{
    SOCKET part[64];
    u_int count, i, j, n;

    if (wsc_bad_ptr(set) || wsc_copy_in(&count, &set->fd_count, sizeof(count)))
        return 0;
    for (i = 0; i < count; i += n) {
        n = count - i < 64 ? count - i : 64;
        if (wsc_copy_in(part, set->fd_array + i, n * sizeof(SOCKET)))
            return 0;
        for (j = 0; j < n; j++)
            if (part[j] == s)
                return 1;
    }
    return 0;
}

/* One distinct socket of a select call, and the sets it is in. */
struct sel_item {
    SOCKET s;
    unsigned in;    /* bit k: listed in set k (0 read, 1 write, 2 except) */
    unsigned ready; /* bit k: report in set k */
};

static int by_socket(const void *a, const void *b)
{
    SOCKET x = ((const struct sel_item *)a)->s;
    SOCKET y = ((const struct sel_item *)b)->s;
    return x < y ? -1 : x > y;
}

static struct sel_item *find_item(struct sel_item *u, int n, SOCKET s)
{
    struct sel_item key = { s, 0, 0 };
    return bsearch(&key, u, (size_t)n, sizeof(*u), by_socket);
}

/* Collapse the sets into sorted distinct items; returns their count. */
static int gather(wsc_fd_set **sets, struct sel_item *u)
{
    int k, n = 0, m = 0;
    u_int i;

    for (k = 0; k < 3; k++)
        for (i = 0; sets[k] && i < sets[k]->fd_count; i++) {
            u[n].s = sets[k]->fd_array[i];
            u[n].in = 1u << k;
            u[n].ready = 0;
            n++;
        }
    qsort(u, (size_t)n, sizeof(*u), by_socket);
    for (k = 0; k < n; k++) {
        if (m > 0 && u[m - 1].s == u[k].s)
            u[m - 1].in |= u[k].in;
        else
            u[m++] = u[k];
    }
    return m;
}

static int64_t timeval_deadline(const struct timeval *tv)
{
    int64_t ms;

    if (!tv)
        return WSC_FOREVER;
    ms = (int64_t)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;
    return ms <= 0 ? 0 : wsc_now_ms() + ms;
}

/* What select reports for one socket after poll. */
static unsigned sel_ready(struct sel_item *it, struct wsc_sock *e, short re)
{
    int stream = e->type == SOCK_STREAM;
    uint32_t f = wsc_flags(e);
    unsigned r = 0;

    if (f & WSC_F_CLOSING)
        return it->in & 1u;
    if ((f & WSC_F_CONNECTING) && (re & (L_POLLOUT | L_POLLERR))) {
        if (wsc_e_connect_failed(e))
            return it->in & 4u;
        f = wsc_flags(e);
    }
    if (stream && (re & L_POLLHUP) && !(re & L_POLLIN) &&
        !(f & WSC_F_LISTENING))
        re = 0; /* an unconnected TCP socket is neither */
    if (re & (L_POLLIN | L_POLLERR))
        r |= 1u;
    if ((re & (L_POLLOUT | L_POLLERR)) && !(f & WSC_F_CONNECTING))
        r |= 2u;
    if (((re & L_POLLPRI) && !(f & WSC_F_OOBINLINE)) ||
        (f & WSC_F_CONNFAILED))
        r |= 4u;
    return r & it->in;
}

/* Poll until a socket is ready for one of its sets, or the deadline.
 * What poll reports but no set counts (a connect that failed, asked for
 * writing alone: Windows tells it in exceptfds only; an unconnected
 * stream asked for reading) is polled no more, so that select waits out
 * its timeout as on Windows, without spinning.  Returns poll's count (0:
 * the time is up) or a negative WSA code; each item's ready is set. */
static int sel_wait(struct sel_item *u, struct wsc_sock **ents,
                    wsc_os_pollfd *fds, int m, int64_t deadline)
{
    int k, rc, any;

    for (;;) {
        rc = wsc_e_poll(ents, fds, m, deadline);
        if (rc == -WSAEINTR)
            rc = wsc_e_poll(ents, fds, m, 0) < 0 ? 0 : 1;
        if (rc < 0)
            return rc;
        for (k = 0, any = 0; k < m; k++) {
            u[k].ready = sel_ready(&u[k], ents[k], fds[k].revents);
            any |= u[k].ready != 0 || (wsc_flags(ents[k]) & WSC_F_CLOSING);
        }
        if (any || rc == 0 || deadline == 0 ||
            (deadline > 0 && wsc_now_ms() >= deadline))
            return rc;
        for (k = 0; k < m; k++) {
            if (fds[k].revents)
                fds[k].fd = -1;
            fds[k].revents = 0;
        }
    }
}

/* Rewrite each set with its ready sockets, in their original order; a set
 * passed in several roles gets the union.  Returns the total count. */
static int write_back(wsc_fd_set **sets, struct sel_item *u, int m)
{
    SOCKET *out;
    int k, j, total = 0;
    u_int i, n;

    for (k = 0; k < 3; k++) {
        unsigned roles = 0;
        if (!sets[k])
            continue;
        for (j = 0; j < k; j++)
            if (sets[j] == sets[k])
                break;
        if (j < k)
            continue; /* written with its first role */
        for (j = k; j < 3; j++)
            if (sets[j] == sets[k])
                roles |= 1u << j;
        out = sets[k]->fd_array;
        for (i = 0, n = 0; i < sets[k]->fd_count; i++) {
            struct sel_item *it = find_item(u, m, out[i]);
            if (it && (it->ready & roles)) {
                it->ready &= ~roles; /* once per set: duplicates collapse */
                out[n++] = it->s;
            }
        }
        sets[k]->fd_count = n;
        total += (int)n;
    }
    return total;
}

#define SET_SIZE(count) \
    (offsetof(wsc_fd_set, fd_array) + (size_t)(count) * sizeof(SOCKET))

/* The handles of all sets; 0 or the WSA code of an unreadable count. */
static int sets_total(wsc_fd_set **sets, u_int *counts, size_t *total)
{
    int k;

    for (k = 0; k < 3; k++) {
        counts[k] = 0;
        if (!sets[k])
            continue;
        if (wsc_bad_ptr(sets[k]) ||
            wsc_copy_in(&counts[k], &sets[k]->fd_count, sizeof(counts[k])))
            return WSAEFAULT;
        *total += counts[k];
    }
    return 0;
}

static void release_all(struct wsc_sock **ents, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (ents[i])
            wsc_release(ents[i]);
}

int ws_select(int nfds, wsc_fd_set *readfds, wsc_fd_set *writefds,
               wsc_fd_set *exceptfds, const struct timeval *timeout)
{
    wsc_fd_set *sets[3] = { readfds, writefds, exceptfds };
    struct sel_item *u;
    struct wsc_sock **ents;
    wsc_os_pollfd *fds;
    struct timeval tv;
    u_int counts[3];
    size_t total = 0;
    int k, m, rc, err = 0, only_except_closed = 0;

    (void)nfds; /* ignored, as on Windows */
    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    rc = sets_total(sets, counts, &total);
    if (rc)
        return wsc_fail(rc);
    if (total == 0)
        return wsc_fail(WSAEINVAL);
    if (timeout && (wsc_bad_ptr(timeout) ||
                    wsc_copy_in(&tv, timeout, sizeof(tv))))
        return wsc_fail(WSAEFAULT);
    if (timeout && (tv.tv_sec < 0 || tv.tv_usec < 0))
        return wsc_fail(WSAEINVAL);
    /* Every handle readable, every set writable, before anything is
     * allocated for them: a count may be anything. */
    for (k = 0; k < 3; k++)
        if (sets[k] && !wsc_user_writable(sets[k], SET_SIZE(counts[k])))
            return wsc_fail(WSAEFAULT);
    u = malloc(total * sizeof(*u));
    ents = calloc(total, sizeof(*ents));
    fds = malloc((total + 1) * sizeof(*fds));
    if (!u || !ents || !fds) {
        free(u), free(ents), free(fds);
        return wsc_fail(WSAENOBUFS);
    }
    m = gather(sets, u);
    for (k = 0; k < m; k++) {
        ents[k] = wsc_ref_adopt(u[k].s, &err);
        if (!ents[k]) {
            release_all(ents, k);
            free(u), free(ents), free(fds);
            return wsc_fail(WSAENOTSOCK); /* sets untouched */
        }
        fds[k].fd = ents[k]->fd;
        fds[k].events = (short)(((u[k].in & 1u) ? L_POLLIN : 0) |
                                ((u[k].in & 2u) ? L_POLLOUT : 0) |
                                ((u[k].in & 4u) ? L_POLLPRI : 0));
        fds[k].revents = 0;
    }
    rc = sel_wait(u, ents, fds, m, timeval_deadline(timeout ? &tv : NULL));
    if (rc >= 0)
        for (k = 0; k < m; k++)
            if ((wsc_flags(ents[k]) & WSC_F_CLOSING) && u[k].in == 4u)
                only_except_closed = 1;
    release_all(ents, m);
    if (rc < 0) {
        free(u), free(ents), free(fds);
        return wsc_fail(-rc);
    }
    rc = write_back(sets, u, m);
    if (only_except_closed) {
        /* Row 2b: the closed socket leaves the set, select fails. */
        free(u), free(ents), free(fds);
        return wsc_fail(WSAENOTSOCK);
    }
    free(u), free(ents), free(fds);
    return wsc_ok(rc);
}

/* ---- WSAPoll ----------------------------------------------------------- */

#define WSAPOLL_EVENTS (POLLRDNORM | POLLRDBAND | POLLWRNORM)

static short linux_events(SHORT ev)
{
    short out = L_POLLRDHUP;

    if (ev & POLLRDNORM)
        out |= L_POLLIN;
    if (ev & POLLRDBAND)
        out |= L_POLLPRI;
    if (ev & POLLWRNORM)
        out |= L_POLLOUT;
    return out;
}

static SHORT windows_revents(struct wsc_sock *e, SHORT ev, short re)
{
    uint32_t f = wsc_flags(e);
    SHORT out = 0;

    if (f & WSC_F_CLOSING)
        return POLLNVAL;
    if ((f & WSC_F_CONNECTING) && (re & (L_POLLOUT | L_POLLERR)))
        wsc_e_connect_failed(e);
    /* A reset stays an error after Linux's was read (by recv or send). */
    if ((re & L_POLLERR) || (f & WSC_F_RESET))
        out |= POLLERR | POLLHUP;
    if (re & (L_POLLHUP | L_POLLRDHUP))
        out |= POLLHUP;
    if ((re & L_POLLIN) && (ev & POLLRDNORM) && !(re & L_POLLERR) &&
        (!(re & L_POLLRDHUP) || wsc_e_bytes_readable(e) > 0))
        out |= POLLRDNORM;
    /* With SO_OOBINLINE the urgent byte is normal data to Windows. */
    if ((re & L_POLLPRI) && (f & WSC_F_OOBINLINE) && (ev & POLLRDNORM))
        out |= POLLRDNORM;
    else if ((re & L_POLLPRI) && (ev & POLLRDBAND))
        out |= POLLRDBAND;
    if ((re & L_POLLOUT) && (ev & POLLWRNORM || re & L_POLLERR))
        out |= POLLWRNORM;
    return out;
}

int ws_WSAPoll(LPWSAPOLLFD fds, ULONG nfds, INT timeout)
{
    struct wsc_sock **ents;
    wsc_os_pollfd *lfds;
    ULONG i, valid = 0;
    int rc, err, count = 0;
    int64_t deadline;

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (nfds == 0)
        return wsc_fail(WSAEINVAL);
    if (wsc_bad_ptr(fds) || !wsc_user_writable(fds, nfds * sizeof(*fds)))
        return wsc_fail(WSAEFAULT);
    ents = calloc(nfds, sizeof(*ents));
    lfds = malloc((nfds + 1) * sizeof(*lfds));
    if (!ents || !lfds) {
        free(ents), free(lfds);
        return wsc_fail(WSAENOBUFS);
    }
    for (i = 0; i < nfds; i++) {
        ents[i] = wsc_ref_adopt(fds[i].fd, &err);
        lfds[i].fd = ents[i] ? ents[i]->fd : -1;
        lfds[i].events = linux_events(fds[i].events);
        lfds[i].revents = 0;
        valid += ents[i] != NULL;
    }
    /* Events Windows rejects count on a valid socket only: an invalid
     * handle gets POLLNVAL whatever it asked for. */
    for (i = 0; i < nfds; i++)
        if (ents[i] && (fds[i].events & ~WSAPOLL_EVENTS)) {
            release_all(ents, (int)nfds);
            free(ents), free(lfds);
            return wsc_fail(WSAEINVAL);
        }
    deadline = timeout < 0 ? WSC_FOREVER : timeout == 0 ? 0 : wsc_now_ms() + timeout;
    rc = valid ? wsc_e_poll(ents, lfds, (int)nfds, deadline) : 0;
    if (rc == -WSAEINTR)
        rc = wsc_e_poll(ents, lfds, (int)nfds, 0) < 0 ? 0 : 1;
    for (i = 0; i < nfds; i++) {
        if (!ents[i]) {
            fds[i].revents = POLLNVAL;
            continue;
        }
        fds[i].revents = rc < 0 ? 0 : windows_revents(ents[i], fds[i].events,
                                                      lfds[i].revents);
        count += fds[i].revents != 0;
    }
    release_all(ents, (int)nfds);
    free(ents), free(lfds);
    if (!valid)
        return wsc_fail(WSAENOTSOCK);
    return rc < 0 ? wsc_fail(-rc) : wsc_ok(count);
}
