/* WSASend and WSARecv with any WSABUF array (count, lengths, NULL
 * entries), any flags and NULL out-pointers, over a connected TCP pair
 * and a connected UDP pair, all non-blocking.  Besides the common
 * invariants: TCP delivers exactly the bytes sent, in order, and UDP
 * delivers whole datagrams or their first part with WSAEMSGSIZE (no
 * MSG_PARTIAL: UDP does not have it on Windows), in order. */
#include "fuzz.h"

enum { MAX_BUFS = 24, MAX_LEN = 700 };

struct stream {
    SOCKET tx, rx;
    int dgram;
    uint32_t sent, received; /* TCP: bytes; UDP: datagrams */
    int lost_track;          /* an OOB byte or an unknown count */
};

/* The byte at stream position k (TCP), or of datagram k (UDP). */
static char pattern(uint32_t k)
{
    return (char)(k * 31 + 7);
}

struct bufs {
    WSABUF *b;
    DWORD count;
    int bad; /* a NULL buffer with a length */
};

static void new_bufs(struct fz *f, struct bufs *w)
{
    DWORD i;

    w->count = fz_pick(f, 16) ? fz_pick(f, MAX_BUFS + 1) : fz_u32(f);
    w->bad = 0;
    if (w->count > MAX_BUFS) {
        w->b = NULL; /* an absurd count: there is no array */
        return;
    }
    w->b = malloc((w->count ? w->count : 1) * sizeof(WSABUF));
    for (i = 0; i < w->count; i++) {
        w->b[i].len = fz_pick(f, 4) ? fz_pick(f, 255) * 3 % MAX_LEN : 0;
        w->b[i].buf = w->b[i].len || fz_pick(f, 2) ?
                      malloc(w->b[i].len ? w->b[i].len : 1) : NULL;
        if (fz_pick(f, 32) == 0) {
            free(w->b[i].buf);
            w->b[i].buf = NULL;
            w->bad |= w->b[i].len != 0;
        }
    }
}

static void free_bufs(struct bufs *w)
{
    DWORD i;

    for (i = 0; w->b && i < w->count; i++)
        free(w->b[i].buf);
    free(w->b);
}

static uint32_t total_len(const struct bufs *w)
{
    uint32_t t = 0;
    DWORD i;

    for (i = 0; i < w->count; i++)
        t += w->b[i].len;
    return t;
}

static DWORD pick_flags(struct fz *f)
{
    static const DWORD common[] = { 0, 0, 0, MSG_PEEK, MSG_OOB, MSG_WAITALL,
                                    MSG_PARTIAL, MSG_DONTROUTE };
    unsigned k = fz_pick(f, 10);

    return k < 8 ? common[k] : fz_u32(f);
}

/* The error a call with these arguments must fail with, or 0. */
static int arg_error(const struct bufs *w)
{
    if (w->count == 0)
        return WSAEINVAL;
    if (!w->b || w->bad)
        return WSAEFAULT;
    return 0;
}

static void do_send(struct fz *f, struct stream *st)
{
    struct bufs w;
    DWORD flags = pick_flags(f), sent = 0xdeadbeef, i, j, k;
    int null_count = fz_pick(f, 16) == 0, rc, code, expect;

    new_bufs(f, &w);
    if (st->dgram && w.b && total_len(&w) == 0 && w.count) {
        w.b[0].len = 1; /* an empty datagram would not be seen */
        w.b[0].buf = realloc(w.b[0].buf, 1);
    }
    for (i = 0, k = st->sent; w.b && i < w.count; i++)
        for (j = 0; w.b[i].buf && j < w.b[i].len; j++)
            w.b[i].buf[j] = pattern(st->dgram ? st->sent : k++);
    rc = WSASend(st->tx, w.b, w.count, null_count ? NULL : &sent, flags,
                 NULL, NULL);
    expect = arg_error(&w);
    if (rc == 0) {
        FZ_CHECK(!expect, expect);
        FZ_CHECK(null_count || sent <= total_len(&w), sent);
        if (null_count || (flags & MSG_OOB))
            st->lost_track = 1;
        else
            st->sent += st->dgram ? 1 : sent;
    } else {
        code = fz_failed_with(rc);
        FZ_CHECK(!expect || code == expect, code);
    }
    free_bufs(&w);
}

/* Check what arrived against what was sent. */
static void check_received(struct stream *st, const struct bufs *w,
                           DWORD got, DWORD flags, int partial)
{
    uint32_t k = st->received;
    DWORD i, j, seen = 0;

    if (st->lost_track)
        return;
    if (st->dgram && got > 0) {
        /* Datagrams may be dropped, never reordered. */
        for (i = 0; !w->b[i].len; i++)
            ;
        while (pattern(k) != w->b[i].buf[0] && k < st->sent)
            k++;
        FZ_CHECK(k < st->sent, k);
    }
    for (i = 0; i < w->count && seen < got; i++)
        for (j = 0; j < w->b[i].len && seen < got; j++, seen++)
            FZ_CHECK(w->b[i].buf[j] == pattern(st->dgram ? k : k + seen),
                     seen);
    FZ_CHECK(seen == got, got);
    if (flags & MSG_PEEK)
        return;
    st->received = st->dgram ? (got || partial ? k + 1 : k) : k + got;
    FZ_CHECK(st->received <= st->sent, st->received);
}

static void do_recv(struct fz *f, struct stream *st)
{
    struct bufs w;
    DWORD flags = pick_flags(f), in_flags, got = 0xdeadbeef;
    int null_count = fz_pick(f, 16) == 0, null_flags = fz_pick(f, 16) == 0;
    int rc, code, expect;

    new_bufs(f, &w);
    in_flags = flags;
    rc = WSARecv(st->rx, w.b, w.count, null_count ? NULL : &got,
                 null_flags ? NULL : &flags, NULL, NULL);
    expect = null_flags ? WSAEFAULT : arg_error(&w);
    if (rc == 0) {
        FZ_CHECK(!expect, expect);
        FZ_CHECK(flags == 0, flags);
        if (null_count || (in_flags & MSG_OOB))
            st->lost_track = 1;
        else
            check_received(st, &w, got, in_flags, 0);
    } else {
        code = fz_failed_with(rc);
        FZ_CHECK(!expect || code == expect, code);
        if (code == WSAEMSGSIZE) {
            FZ_CHECK(st->dgram && flags == 0, flags);
            if (!null_count && !(in_flags & MSG_OOB))
                check_received(st, &w, total_len(&w) < got ? total_len(&w)
                               : got, in_flags, 1);
            else
                st->lost_track = 1;
        }
    }
    free_bufs(&w);
}

static void udp_pair(SOCKET *a, SOCKET *b)
{
    struct sockaddr_in x, y;
    int len = sizeof(x);

    *a = socket(AF_INET, SOCK_DGRAM, 0);
    *b = socket(AF_INET, SOCK_DGRAM, 0);
    fz_loopback(&x, 0);
    FZ_CHECK(!bind(*a, (struct sockaddr *)&x, sizeof(x)) &&
             !getsockname(*a, (struct sockaddr *)&x, &len), 0);
    len = sizeof(y);
    fz_loopback(&y, 0);
    FZ_CHECK(!bind(*b, (struct sockaddr *)&y, sizeof(y)) &&
             !getsockname(*b, (struct sockaddr *)&y, &len), 0);
    FZ_CHECK(!connect(*a, (struct sockaddr *)&y, sizeof(y)) &&
             !connect(*b, (struct sockaddr *)&x, sizeof(x)), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct stream st[2];
    int i;

    fz_startup();
    memset(st, 0, sizeof(st));
    fz_tcp_pair(&st[0].tx, &st[0].rx, NULL);
    udp_pair(&st[1].tx, &st[1].rx);
    st[1].dgram = 1;
    for (i = 0; i < 2; i++) {
        fz_nonblocking(st[i].tx);
        fz_nonblocking(st[i].rx);
    }
    while (f.n > 0) {
        struct stream *s = &st[fz_pick(&f, 2)];
        if (fz_pick(&f, 2))
            do_send(&f, s);
        else
            do_recv(&f, s);
    }
    fz_close_reset(st[0].tx);
    fz_close(st[0].rx);
    fz_close(st[1].tx);
    fz_close(st[1].rx);
    fz_no_leak();
    return 0;
}
