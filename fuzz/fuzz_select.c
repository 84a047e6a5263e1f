/* select with any fd_set contents, counts and aliasing, and WSAPoll with
 * any array, over a listener, a connected TCP pair, a UDP socket, a
 * closed handle and arbitrary numbers; the input also sends and shuts
 * down between calls so that readiness changes.  Every wait has a zero
 * timeout. */
#include <stddef.h>
#include "fuzz.h"

enum { POOL = 6, MAX_SET = 80, MAX_POLL = 40 };

struct pool {
    SOCKET live[POOL - 1]; /* listener, client, server, udp, spare */
    SOCKET closed;
};

static SOCKET pick_handle(struct fz *f, const struct pool *p)
{
    unsigned k = fz_pick(f, POOL + 3);

    if (k < POOL - 1)
        return p->live[k];
    if (k == POOL - 1)
        return p->closed;
    if (k == POOL)
        return INVALID_SOCKET;
    return (SOCKET)fz_u32(f) << (fz_pick(f, 2) * 32) | fz_u8(f);
}

static int is_live(const struct pool *p, SOCKET s)
{
    int i;

    for (i = 0; i < POOL - 1; i++)
        if (p->live[i] == s)
            return 1;
    return 0;
}

/* A set of exactly its count's size, as a program with its own
 * FD_SETSIZE makes: any read past the count is out of bounds. */
struct sized_set {
    u_int fd_count;
    SOCKET fd_array[];
};

static wsc_fd_set *new_set(struct fz *f, const struct pool *p, int *bad)
{
    u_int i, n = fz_pick(f, MAX_SET + 1);
    struct sized_set *set = malloc(offsetof(struct sized_set, fd_array) +
                                   (n ? n : 1) * sizeof(SOCKET));

    set->fd_count = n;
    for (i = 0; i < n; i++) {
        set->fd_array[i] = pick_handle(f, p);
        *bad |= !is_live(p, set->fd_array[i]);
    }
    return (wsc_fd_set *)set;
}

static size_t set_size(const wsc_fd_set *s)
{
    return offsetof(wsc_fd_set, fd_array) + s->fd_count * sizeof(SOCKET);
}

static int listed(const wsc_fd_set *s, SOCKET h)
{
    u_int i;

    for (i = 0; i < s->fd_count; i++)
        if (s->fd_array[i] == h)
            return 1;
    return 0;
}

/* After a successful select each set holds distinct handles it held
 * before, and the result counts them. */
static void check_select(wsc_fd_set **sets, wsc_fd_set **before, int rc)
{
    int k, j, total = 0;
    u_int i, m;

    for (k = 0; k < 3; k++) {
        if (!sets[k])
            continue;
        for (j = 0; j < k && sets[j] != sets[k]; j++)
            ;
        if (j < k)
            continue;
        for (i = 0; i < sets[k]->fd_count; i++) {
            FZ_CHECK(listed(before[k], sets[k]->fd_array[i]), i);
            for (m = 0; m < i; m++)
                FZ_CHECK(sets[k]->fd_array[m] != sets[k]->fd_array[i], m);
        }
        total += (int)sets[k]->fd_count;
    }
    FZ_CHECK(rc == total, rc);
}

static void fuzz_select(struct fz *f, const struct pool *p)
{
    wsc_fd_set *sets[3], *before[3], *owned[3] = { NULL, NULL, NULL };
    struct timeval tv = { 0, 0 };
    int k, rc, bad = 0, total = 0, code;

    for (k = 0; k < 3; k++) {
        unsigned how = fz_pick(f, 4);
        if (how == 0 || (how == 3 && k == 0)) {
            sets[k] = NULL;
        } else if (how == 3) {
            sets[k] = sets[fz_pick(f, (unsigned)k)]; /* one set, two roles */
        } else {
            sets[k] = owned[k] = new_set(f, p, &bad);
        }
    }
    for (k = 0; k < 3; k++) {
        before[k] = NULL;
        if (sets[k]) {
            before[k] = malloc(set_size(sets[k]));
            memcpy(before[k], sets[k], set_size(sets[k]));
            total += (int)sets[k]->fd_count;
        }
    }
    /* No timeout only where select must fail at once. */
    rc = select(0, sets[0], sets[1], sets[2],
                (total == 0 || bad) && fz_pick(f, 2) ? NULL : &tv);
    if (total == 0 || bad) {
        code = fz_failed_with(rc);
        FZ_CHECK(code == (total == 0 ? WSAEINVAL : WSAENOTSOCK), code);
        for (k = 0; k < 3; k++)
            if (sets[k])
                FZ_CHECK(!memcmp(before[k], sets[k], set_size(before[k])), k);
    } else {
        FZ_CHECK(rc >= 0, WSAGetLastError());
        check_select(sets, before, rc);
    }
    for (k = 0; k < 3; k++)
        free(owned[k]), free(before[k]);
}

#define POLL_EVENTS (POLLRDNORM | POLLRDBAND | POLLWRNORM)

static void fuzz_poll(struct fz *f, const struct pool *p)
{
    ULONG i, n = fz_pick(f, MAX_POLL + 1);
    WSAPOLLFD *fds = malloc((n ? n : 1) * sizeof(*fds));
    int rc, code, bad_events = 0, valid = 0, ready = 0;
    int null_array = n > 0 && fz_pick(f, 16) == 0;

    for (i = 0; i < n; i++) {
        fds[i].fd = pick_handle(f, p);
        fds[i].events = fz_pick(f, 8) ? (SHORT)(fz_u16(f) & POLL_EVENTS)
                                      : (SHORT)fz_u16(f);
        fds[i].revents = (SHORT)fz_u16(f);
        /* Bad events count on a live socket only (row PL2). */
        bad_events |= (fds[i].events & ~POLL_EVENTS) != 0 &&
                      is_live(p, fds[i].fd);
        valid += is_live(p, fds[i].fd);
    }
    rc = WSAPoll(null_array ? NULL : fds, n, 0);
    if (n == 0 || null_array || bad_events) {
        code = fz_failed_with(rc);
        FZ_CHECK(code == (n == 0 ? WSAEINVAL : null_array ? WSAEFAULT
                                                          : WSAEINVAL), code);
    } else if (!valid) {
        FZ_CHECK(fz_failed_with(rc) == WSAENOTSOCK, rc);
    } else {
        FZ_CHECK(rc >= 0, WSAGetLastError());
        for (i = 0; i < n; i++) {
            if (!is_live(p, fds[i].fd))
                FZ_CHECK(fds[i].revents == POLLNVAL, fds[i].revents);
            else
                ready += fds[i].revents != 0;
            FZ_CHECK(!(fds[i].revents & ~(POLL_EVENTS | POLLERR | POLLHUP |
                                          POLLNVAL)), fds[i].revents);
        }
        FZ_CHECK(rc == ready, rc);
    }
    free(fds);
}

/* Traffic between calls: a few bytes either way, or a half close. */
static void stir(struct fz *f, const struct pool *p)
{
    static const char bytes[16] = "0123456789abcdef";
    SOCKET s = p->live[1 + fz_pick(f, 2)];
    int rc;

    if (fz_pick(f, 8) == 0)
        rc = shutdown(s, SD_SEND);
    else
        rc = send(s, bytes, 1 + fz_pick(f, sizeof(bytes)), 0);
    if (rc == SOCKET_ERROR)
        fz_failed_with(rc); /* after a shutdown: WSAESHUTDOWN */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct pool p;
    int i;

    fz_startup();
    fz_tcp_pair(&p.live[1], &p.live[2], &p.live[0]);
    p.live[3] = socket(AF_INET, SOCK_DGRAM, 0);
    p.live[4] = socket(AF_INET, SOCK_STREAM, 0);
    p.closed = socket(AF_INET, SOCK_STREAM, 0);
    fz_close(p.closed);
    for (i = 0; i < POOL - 1; i++)
        fz_nonblocking(p.live[i]);
    while (f.n > 0) {
        switch (fz_pick(&f, 3)) {
        case 0:
            fuzz_select(&f, &p);
            break;
        case 1:
            fuzz_poll(&f, &p);
            break;
        default:
            stir(&f, &p);
        }
    }
    fz_close_reset(p.live[1]);
    for (i = 0; i < POOL - 1; i++)
        if (i != 1)
            fz_close(p.live[i]);
    fz_no_leak();
    return 0;
}
