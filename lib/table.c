/* The socket table: one entry per descriptor number, in chunks that are
 * allocated on first use and never freed, so a pointer to an entry stays
 * valid forever and the hot path needs no lock: acquiring a socket is one
 * atomic add on the entry's state word, releasing it one atomic sub.
 *
 * The kernel descriptor is closed by whoever drops the last reference, so
 * its number cannot be reused while any call still holds the entry. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "engine.h"
#include "os.h"

#define CHUNK_BITS WSC_CHUNK_BITS
#define CHUNK_SIZE WSC_CHUNK_SIZE
#define NCHUNKS WSC_NCHUNKS
#define chunks wsc_chunks
#define chunk wsc_chunk

_Atomic(struct wsc_chunk *) wsc_chunks[WSC_NCHUNKS];
static pthread_mutex_t grow_lock = PTHREAD_MUTEX_INITIALIZER;

struct wsc_sock *wsc_peek(int fd)
{
    return wsc_entry(fd);
}

static struct chunk *chunk_new(void)
{
    /* calloc aligns to 16 bytes; the entries are on cache lines of
     * their own (64-byte aligned), and so must the chunk be. */
    struct chunk *c = aligned_alloc(_Alignof(struct chunk), sizeof(*c));
    int i;

    if (!c)
        return NULL;
    memset(c, 0, sizeof(*c));
    for (i = 0; i < CHUNK_SIZE; i++) {
        c->e[i].fd = -1;
        pthread_mutex_init(&c->e[i].lock, NULL);
    }
    return c;
}

/* The entry for fd, allocating its chunk if needed. */
static struct wsc_sock *slot(int fd)
{
    struct wsc_sock *e = wsc_peek(fd);
    struct chunk *c;

    if (e || fd < 0 || fd >= WSC_MAX_FD)
        return e;
    pthread_mutex_lock(&grow_lock);
    c = atomic_load(&chunks[fd >> CHUNK_BITS]);
    if (!c) {
        c = chunk_new();
        if (c)
            atomic_store(&chunks[fd >> CHUNK_BITS], c);
    }
    pthread_mutex_unlock(&grow_lock);
    return c ? &c->e[fd & (CHUNK_SIZE - 1)] : NULL;
}

/* Fill a dead entry with a new socket; caller holds e->lock. */
static void entry_open(struct wsc_sock *e, int fd, int family, int type,
                       uint32_t flags)
{
    e->fd = fd;
    e->family = family;
    e->type = type;
    atomic_store(&e->rcvtimeo_ms, 0);
    atomic_store(&e->sndtimeo_ms, 0);
    atomic_store(&e->so_error, 0);
    atomic_store(&e->recv_waiters, 0);
    atomic_fetch_add(&e->gen, 1);
    atomic_fetch_and(&e->state, ~WSC_FLAG_BITS(WSC_F_FOREIGN));
    /* The flags are zero while the entry is dead, so adding them sets
     * them; stale acquirers' transient references are kept. One reference
     * for the open handle, one for the caller. */
    atomic_fetch_add(&e->state, WSC_FLAG_BITS(flags | WSC_F_OPEN) + 2);
}

struct wsc_sock *wsc_register(int fd, int family, int type, uint32_t flags)
{
    struct wsc_sock *e = slot(fd);

    if (!e)
        return NULL;
    pthread_mutex_lock(&e->lock);
    entry_open(e, fd, family, type, flags);
    pthread_mutex_unlock(&e->lock);
    return e;
}

/* A socket the engine did not create: take it over on first use, in the
 * blocking mode its open file has (the engine keeps the kernel socket in
 * the application's mode, so a socket passed on by another wscompat
 * process says what that process asked for). */
static struct wsc_sock *adopt(int fd)
{
    struct wsc_sock *e;
    int type, family = AF_UNSPEC, fl;
    socklen_t len = sizeof(type);
    struct sockaddr_storage ss;
    socklen_t sslen = sizeof(ss);

    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0)
        return NULL;
    e = slot(fd);
    if (!e)
        return NULL;
    pthread_mutex_lock(&e->lock);
    if (WSC_FLAGS(atomic_load(&e->state)) & WSC_F_OPEN) {
        /* Someone registered it meanwhile: take a reference as usual. */
        pthread_mutex_unlock(&e->lock);
        return NULL;
    }
    /* Checked again under the lock: the number may have been closed by a
     * finaliser that held the lock until now. */
    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0) {
        pthread_mutex_unlock(&e->lock);
        return NULL;
    }
    if (wsc_os.getsockname(fd, (struct sockaddr *)&ss, &sslen) == 0)
        family = ss.ss_family;
    fl = wsc_os.fcntl(fd, F_GETFL, 0);
    entry_open(e, fd, family, type,
               fl >= 0 && (fl & O_NONBLOCK) ? WSC_F_NONBLOCK : 0);
    pthread_mutex_unlock(&e->lock);
    return e;
}

struct wsc_sock *wsc_acquire(uintptr_t handle, int *err)
{
    struct wsc_sock *e;
    uint64_t old;
    int fd, tries;

    if (handle >= WSC_MAX_FD) {
        *err = -WSAENOTSOCK;
        return NULL;
    }
    fd = (int)handle;
    for (tries = 0; tries < 2; tries++) {
        e = wsc_entry(fd);
        if (e) {
            old = atomic_fetch_add(&e->state, 1);
            if ((WSC_FLAGS(old) & (WSC_F_OPEN | WSC_F_CLOSING)) == WSC_F_OPEN)
                return e;
            wsc_release(e);
            if (WSC_FLAGS(old) & WSC_F_CLOSING)
                break;
        }
        e = adopt(fd);
        if (e)
            return e;
    }
    *err = -WSAENOTSOCK;
    return NULL;
}

/* ---- the interposer's view ------------------------------------------- */

int wsc_track_adopt;

void wsc_mark_foreign(int fd)
{
    struct wsc_sock *e = slot(fd);

    if (!e)
        return;
    pthread_mutex_lock(&e->lock);
    if (!(WSC_FLAGS(atomic_load(&e->state)) & WSC_F_OPEN))
        atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_F_FOREIGN));
    pthread_mutex_unlock(&e->lock);
}

void wsc_forget(int fd)
{
    struct wsc_sock *e = wsc_peek(fd);

    if (e && (WSC_FLAGS(atomic_load(&e->state)) & WSC_F_FOREIGN)) {
        pthread_mutex_lock(&e->lock);
        atomic_fetch_and(&e->state, ~WSC_FLAG_BITS(WSC_F_FOREIGN));
        pthread_mutex_unlock(&e->lock);
    }
}

/* A TCP or UDP socket over IPv4 or IPv6: what the interposer adopts. */
static int is_inet_socket(int fd)
{
    int v;
    socklen_t len = sizeof(v);

    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, &len) < 0 ||
        (v != AF_INET && v != AF_INET6))
        return 0;
    len = sizeof(v);
    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) < 0)
        return 0;
    return v == SOCK_STREAM || v == SOCK_DGRAM;
}

/* First sight of a descriptor the table knows nothing about. */
static struct wsc_sock *probe(int fd)
{
    struct wsc_sock *e;
    int err;

    if (!wsc_track_adopt || fd < 0 || fd >= WSC_MAX_FD)
        return NULL;
    if (!is_inet_socket(fd)) {
        wsc_mark_foreign(fd);
        return NULL;
    }
    e = wsc_acquire((uintptr_t)fd, &err);
    return e;
}

static struct wsc_sock *track(int fd, int may_probe)
{
    struct wsc_sock *e = wsc_peek(fd);
    uint64_t old;

    if (!e)
        return may_probe ? probe(fd) : NULL;
    old = atomic_load(&e->state);
    if (WSC_FLAGS(old) & WSC_F_FOREIGN)
        return NULL;
    if (WSC_FLAGS(old) & WSC_F_OPEN) {
        old = atomic_fetch_add(&e->state, 1);
        if ((WSC_FLAGS(old) & (WSC_F_OPEN | WSC_F_CLOSING)) == WSC_F_OPEN)
            return e;
        wsc_release(e);
    }
    if (WSC_FLAGS(old) & WSC_F_CLOSING)
        return WSC_GONE;
    return may_probe ? probe(fd) : NULL;
}

struct wsc_sock *wsc_track(int fd)
{
    return track(fd, 1);
}

struct wsc_sock *wsc_track_known(int fd)
{
    return track(fd, 0);
}

int wsc_next_held(int from, int last)
{
    int fd;

    if (from < 0)
        from = 0;
    if (last >= WSC_MAX_FD)
        last = WSC_MAX_FD - 1;
    for (fd = from; fd <= last; fd++) {
        struct chunk *c = atomic_load(&chunks[fd >> CHUNK_BITS]);
        uint32_t f;

        if (!c) {
            fd |= CHUNK_SIZE - 1;
            continue;
        }
        f = WSC_FLAGS(atomic_load(&c->e[fd & (CHUNK_SIZE - 1)].state));
        if (f & WSC_F_FOREIGN)
            wsc_forget(fd);
        else if (f & (WSC_F_OPEN | WSC_F_CLOSING))
            return fd;
    }
    return -1;
}

void wsc_wait_sole(struct wsc_sock *e)
{
    while (WSC_REFS(atomic_load(&e->state)) > 2)
        sched_yield();
}

void wsc_detach(struct wsc_sock *e)
{
    atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_F_FINAL));
    pthread_mutex_lock(&e->lock);
    e->fd = -1;
    atomic_fetch_and(&e->state, (uint64_t)UINT32_MAX);
    pthread_mutex_unlock(&e->lock);
    atomic_fetch_sub(&e->state, 2);
}

/* The last reference is gone: close the kernel socket and free the slot
 * for the next socket the kernel gives this number. */
static void finalize(struct wsc_sock *e)
{
    pthread_mutex_lock(&e->lock);
    wsc_os.close(e->fd);
    e->fd = -1;
    atomic_fetch_and(&e->state, (uint64_t)UINT32_MAX);
    pthread_mutex_unlock(&e->lock);
}

/* Drop n references.  Exactly one caller wins the race to mark the entry
 * FINAL when the count reaches zero on a closing entry. */
static void release_n(struct wsc_sock *e, uint32_t n)
{
    uint64_t cur = atomic_fetch_sub(&e->state, n) - n;

    while (WSC_REFS(cur) == 0 &&
           (WSC_FLAGS(cur) & (WSC_F_CLOSING | WSC_F_FINAL)) == WSC_F_CLOSING) {
        if (atomic_compare_exchange_weak(&e->state, &cur,
                                         cur | WSC_FLAG_BITS(WSC_F_FINAL))) {
            finalize(e);
            return;
        }
    }
}

void wsc_release(struct wsc_sock *e)
{
    release_n(e, 1);
}

int wsc_begin_close(struct wsc_sock *e)
{
    uint64_t old = atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_F_CLOSING));

    if (WSC_FLAGS(old) & WSC_F_CLOSING)
        return -WSAENOTSOCK;
    /* References: the open handle's, the caller's, and the rest. */
    return (int)WSC_REFS(old) - 2;
}

/* Called by closesocket after wsc_begin_close: drops the handle's
 * reference and the caller's. */
void wsc_end_close(struct wsc_sock *e)
{
    release_n(e, 2);
}

void wsc_foreach_open(void (*fn)(int fd, void *arg), void *arg)
{
    int c, i;

    for (c = 0; c < NCHUNKS; c++) {
        struct chunk *ch = atomic_load(&chunks[c]);
        if (!ch)
            continue;
        for (i = 0; i < CHUNK_SIZE; i++) {
            uint32_t f = WSC_FLAGS(atomic_load(&ch->e[i].state));
            if ((f & (WSC_F_OPEN | WSC_F_CLOSING)) == WSC_F_OPEN)
                fn(c * CHUNK_SIZE + i, arg);
        }
    }
}

static void count_one(int fd, void *arg)
{
    (void)fd;
    ++*(int *)arg;
}

int wsc_open_count(void)
{
    int n = 0;

    wsc_foreach_open(count_one, &n);
    return n;
}

/* In a fork child only the forking thread exists: locks another thread
 * held and waiters on other threads' stacks are gone with them. */
void wsc_table_atfork_child(void)
{
    int c, i;

    pthread_mutex_init(&grow_lock, NULL);
    for (c = 0; c < NCHUNKS; c++) {
        struct chunk *ch = atomic_load(&chunks[c]);
        if (!ch)
            continue;
        for (i = 0; i < CHUNK_SIZE; i++) {
            pthread_mutex_init(&ch->e[i].lock, NULL);
            ch->e[i].waiters = NULL;
            atomic_store(&ch->e[i].recv_waiters, 0);
        }
    }
}

void wsc_table_atfork_prepare(void)
{
    pthread_mutex_lock(&grow_lock);
}

void wsc_table_atfork_parent(void)
{
    pthread_mutex_unlock(&grow_lock);
}
