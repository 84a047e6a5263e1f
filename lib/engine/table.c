/* The socket table: one entry per descriptor number, in one mapping
 * reserved on first use and never freed, so a pointer to an entry stays
 * valid forever and the hot path needs no lock: acquiring a socket is one
 * atomic add on the entry's state word, releasing it one atomic sub.
 * Only the pages of entries ever used are memory (the rest read as the
 * kernel's zero page, and an all-zero entry is an empty one: no flags, no
 * references, and its lock is PTHREAD_MUTEX_INITIALIZER).
 *
 * The kernel descriptor is closed by whoever drops the last reference, so
 * its number cannot be reused while any call still holds the entry. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include "engine.h"
#include "trace.h"
#include "os.h"

struct wsc_sock *wsc_table;
_Atomic uint64_t wsc_table_len;
/* One past the highest number ever given an entry: the walks stop here. */
static _Atomic unsigned table_top;
static pthread_mutex_t grow_lock = PTHREAD_MUTEX_INITIALIZER;

/* The engine's process-wide locks a fork child must not inherit held
 * (wsc_lock) held right now, by any thread.  A child re-initialises them
 * only if one was held when it was made (by a thread the child does not
 * have); otherwise it writes none of them, so that it copies no page of
 * the parent's for them.  A socket's own locks count in the socket's
 * entry and state instead (wsc_lock_counted), so that a connection does
 * not write this count's page. */
static _Atomic int locks_held;

void wsc_lock_counted(pthread_mutex_t *m, _Atomic int *holders)
{
    atomic_fetch_add_explicit(holders, 1, memory_order_relaxed);
    pthread_mutex_lock(m);
}

void wsc_unlock_counted(pthread_mutex_t *m, _Atomic int *holders)
{
    pthread_mutex_unlock(m);
    atomic_fetch_sub_explicit(holders, 1, memory_order_release);
}

void wsc_lock(pthread_mutex_t *m)
{
    wsc_lock_counted(m, &locks_held);
}

void wsc_unlock(pthread_mutex_t *m)
{
    wsc_unlock_counted(m, &locks_held);
}

int wsc_atfork_relock(void)
{
    if (!atomic_load_explicit(&locks_held, memory_order_relaxed))
        return 0;
    atomic_store(&locks_held, 0);
    return 1;
}

static void slot_lock(struct wsc_sock *e)
{
    wsc_lock_counted(&e->lock, &e->holders);
}

static void slot_unlock(struct wsc_sock *e)
{
    wsc_unlock_counted(&e->lock, &e->holders);
}

/* ---- the shared state of a kernel socket ------------------------------ */

/* A socket's state lives in its number's entry (e->home), on the page
 * the entry is on: a connection writes one page of the table, not that
 * and a malloc'ed block's (and its bookkeeping's), which a server forking
 * a child per connection would copy after each fork.  A home still in use
 * by another number's copy of its socket (dup) when the number gets a
 * new socket leaves that socket's state to malloc. */
static struct wsc_sock *home_owner(struct wsc_ksock *s)
{
    struct wsc_sock *e = (struct wsc_sock *)((char *)s -
                                             offsetof(struct wsc_sock, home));

    if (e < wsc_table || e >= wsc_table + atomic_load(&wsc_table_len))
        return NULL;
    return e;
}

static struct wsc_ksock *ksock_new(struct wsc_sock *e, uint32_t flags)
{
    struct wsc_ksock *s = &e->home;

    /* (Under e's slot lock: only a free, releasing it, races with us.) */
    if (!atomic_load_explicit(&e->home_used, memory_order_acquire)) {
        atomic_store_explicit(&e->home_used, 1, memory_order_relaxed);
        memset(s, 0, sizeof(*s));
    } else if (!(s = calloc(1, sizeof(*s)))) {
        return NULL;
    }
    /* (Relaxed: the slot's opening publishes the state.) */
    atomic_store_explicit(&s->flags, flags, memory_order_relaxed);
    pthread_mutex_init(&s->lock, NULL);
    return s;
}

static void ksock_free(struct wsc_ksock *s)
{
    struct wsc_sock *owner = home_owner(s);

    if (owner)
        atomic_store_explicit(&owner->home_used, 0, memory_order_release);
    else
        free(s);
}

/* A slot stops pointing at s; the last one frees it. */
static void ksock_put(struct wsc_ksock *s)
{
    int deferred;

    if (s && atomic_fetch_sub(&s->slots, 1) == 1) {
        if ((deferred = wsc_ksock_take_deferred(s)) >= 0) {
            atomic_fetch_sub(&wsc_deferred_count, 1);
            wsc_e_abort_fd(deferred); /* queued connections are reset */
        }
        wsc_async_free(s);
        pthread_mutex_destroy(&s->lock);
        ksock_free(s);
    }
}

/* ---- slots ------------------------------------------------------------ */

/* How many numbers the table reserves: the hard limit on descriptors (a
 * process cannot open a number past it), at most WSC_MAX_FD. */
static unsigned table_want(void)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max != RLIM_INFINITY &&
        rl.rlim_max < WSC_MAX_FD)
        return rl.rlim_max < 64 ? 64 : (unsigned)rl.rlim_max;
    return WSC_MAX_FD;
}

/* LeakSanitizer's, when the library is built with it: a mapping is no
 * root of its own, and the kernel sockets the table points to would be
 * reported as leaked. */
void __lsan_register_root_region(const void *p, size_t size)
    __attribute__((weak));

/* Reserve the table (caller holds grow_lock): 0, or -1 if there is no
 * room for it, and every number is then one the table cannot hold. */
static int table_map(void)
{
    unsigned n = table_want();
    void *p;

    for (;; n /= 2) {
        p = mmap(NULL, (size_t)n * sizeof(struct wsc_sock),
                 PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p != MAP_FAILED)
            break;
        if (n <= 1024)
            return -1;
    }
    if (__lsan_register_root_region)
        __lsan_register_root_region(p, (size_t)n * sizeof(struct wsc_sock));
    wsc_table = p;
    atomic_store_explicit(&wsc_table_len, n, memory_order_release);
    return 0;
}

/* The entry for fd, reserving the table if needed. */
static struct wsc_sock *slot(int fd)
{
    unsigned n = (unsigned)fd, top;

    if (fd < 0)
        return NULL;
    if (!atomic_load(&wsc_table_len)) {
        wsc_fork_init();
        wsc_lock(&grow_lock);
        if (!atomic_load(&wsc_table_len) && table_map() < 0) {
            wsc_unlock(&grow_lock);
            return NULL;
        }
        wsc_unlock(&grow_lock);
    }
    if (n >= atomic_load(&wsc_table_len))
        return NULL;
    top = atomic_load(&table_top);
    while (top <= n && !atomic_compare_exchange_weak(&table_top, &top, n + 1))
        ;
    return &wsc_table[n];
}

/* Replace the number's flags, keeping the references other threads'
 * lookups hold for a moment, and add refs. */
static void set_handle(struct wsc_sock *e, uint32_t flags, uint32_t refs)
{
    uint64_t cur = atomic_load(&e->state), want;

    do {
        want = (cur & ~WSC_FLAG_BITS(0xffu)) + refs;
        want |= WSC_FLAG_BITS(flags);
    } while (!atomic_compare_exchange_weak(&e->state, &cur, want));
}

/* The flags an open number of this type carries beside WSC_H_OPEN. */
static uint32_t open_bits(int type)
{
    return (type == SOCK_STREAM ? WSC_H_STREAM : 0) |
           (wsc_trace_on ? WSC_H_TRACED : 0);
}

/* Point an empty slot at socket s, with refs references; caller holds
 * e->lock.  Whatever the number said before (foreign, retiring) is over:
 * the kernel gave it to this socket. */
static void slot_open(struct wsc_sock *e, int fd, int family, int type,
                      struct wsc_ksock *s, uint32_t refs)
{
    e->fd = fd;
    e->family = family;
    e->type = type;
    e->s = s;
    atomic_fetch_add(&s->slots, 1);
    atomic_fetch_add(&s->handles, 1);
    atomic_fetch_add(&e->gen, 1);
    set_handle(e, WSC_H_OPEN | open_bits(type), refs);
}

/* Empty a slot whose last reference is gone (or going); caller holds
 * e->lock.  The number says RETIRING until the caller has closed or
 * replaced the kernel descriptor: lookups meanwhile neither adopt the
 * old socket nor refuse whatever the kernel gives the number next. */
static struct wsc_ksock *slot_retire(struct wsc_sock *e)
{
    struct wsc_ksock *s = e->s;

    e->fd = -1;
    e->s = NULL;
    set_handle(e, WSC_H_RETIRING, 0);
    return s;
}

static void retire_done(struct wsc_sock *e)
{
    atomic_fetch_and(&e->state, ~WSC_FLAG_BITS(WSC_H_RETIRING));
}

/* A socket the process got behind our back, which the kernel has at fd
 * right now; caller holds the slot's lock.  The interposer takes only
 * TCP and UDP over IPv4 and IPv6. */
static int adoptable(int fd, int inet_only, int *family, int *type)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(*type), sslen = sizeof(ss);

    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_TYPE, type, &len) < 0)
        return 0;
    *family = AF_UNSPEC;
    if (wsc_os.getsockname(fd, (struct sockaddr *)&ss, &sslen) == 0)
        *family = ss.ss_family;
    if (!inet_only)
        return 1;
    return (*family == AF_INET || *family == AF_INET6) &&
           (*type == SOCK_STREAM || *type == SOCK_DGRAM);
}

static int has_peer(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    return wsc_os.getpeername(fd, (struct sockaddr *)&ss, &len) == 0;
}

/* Take over a socket on first use, in the blocking mode its open file
 * has (the engine keeps the kernel socket in the application's mode, so
 * a socket passed on by another wscompat process says what that process
 * asked for).  Under the slot's lock, so that it cannot interleave with
 * the socket's registration or with the retiring of the number's
 * previous socket. */
static struct wsc_sock *adopt(int fd)
{
    struct wsc_sock *e = slot(fd);
    struct wsc_ksock *s;
    int type, family, fl;

    if (!e)
        return NULL;
    slot_lock(e);
    if (wsc_handle_flags(e) & (WSC_H_OPEN | WSC_H_CLOSING | WSC_H_FINAL |
                               WSC_H_RETIRING) ||
        !adoptable(fd, wsc_claim_adopts, &family, &type)) {
        slot_unlock(e);
        return NULL;
    }
    fl = wsc_os.fcntl(fd, F_GETFL, 0);
    /* (Sent on elsewhere, perhaps: no WSC_F_UNSENT.)  A stream with a peer is
     * connected, its FD_CONNECT long past, so that WSAEventSelect reports
     * its FD_CLOSE. */
    s = ksock_new(e, (fl >= 0 && (fl & O_NONBLOCK) ? WSC_F_NONBLOCK : 0) |
                  (type == SOCK_STREAM && has_peer(fd)
                                    ? WSC_F_CONNECTED | WSC_F_ACCEPTED : 0));
    if (s)
        slot_open(e, fd, family, type, s, 2);
    slot_unlock(e);
    return s ? e : NULL;
}

struct wsc_sock *wsc_register(int fd, int family, int type, uint32_t flags)
{
    struct wsc_sock *e = slot(fd);
    struct wsc_ksock *s;

    if (!e)
        return NULL;
    slot_lock(e);
    if (wsc_handle_flags(e) & WSC_H_OPEN) {
        /* A call on the number adopted our socket between the kernel's
         * answer and now: the state is ours to set, its handle reference
         * stands. */
        s = e->s;
        e->family = family;
        if ((e->type == SOCK_STREAM) != (type == SOCK_STREAM))
            atomic_fetch_xor(&e->state, WSC_FLAG_BITS(WSC_H_STREAM));
        e->type = type;
        atomic_store(&s->flags, flags | WSC_F_UNSENT);
        atomic_fetch_add(&e->state, 1);
    } else {
        s = ksock_new(e, flags | WSC_F_UNSENT);
        if (s)
            slot_open(e, fd, family, type, s, 2);
    }
    slot_unlock(e);
    return s ? e : NULL;
}

int wsc_register_copy(struct wsc_sock *src, int fd)
{
    struct wsc_sock *e = slot(fd);

    if (!e)
        return -1;
    slot_lock(e);
    /* Adopted meanwhile: it keeps the state it was given. */
    if (!(wsc_handle_flags(e) & WSC_H_OPEN))
        slot_open(e, fd, src->family, src->type, src->s, 1);
    slot_unlock(e);
    return 0;
}

/* A reference if the number is open and not closing. */
static struct wsc_sock *ref_open(struct wsc_sock *e, uint64_t *old)
{
    *old = atomic_fetch_add(&e->state, 1);
    if ((WSC_FLAGS(*old) & (WSC_H_OPEN | WSC_H_CLOSING)) == WSC_H_OPEN)
        return e;
    wsc_release(e);
    return NULL;
}

struct wsc_sock *wsc_ref(int fd)
{
    struct wsc_sock *e = wsc_entry(fd);
    uint64_t old;

    return e ? ref_open(e, &old) : NULL;
}

struct wsc_sock *wsc_ref_adopt(uintptr_t handle, int *err)
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
            if (ref_open(e, &old))
                return e;
            if (WSC_FLAGS(old) & (WSC_H_CLOSING | WSC_H_FINAL |
                                  WSC_H_RETIRING))
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

int wsc_claim_adopts;
int wsc_posix_mode;

void wsc_e_posix_start(int emulate_close, int emulate_shutrd)
{
    wsc_posix_mode = 1;
    wsc_claim_adopts = 1;
    wsc_emulate_close = emulate_close;
    wsc_emulate_shutrd = emulate_shutrd;
}

void wsc_mark_foreign(int fd)
{
    struct wsc_sock *e = slot(fd);

    if (!e)
        return;
    slot_lock(e);
    /* Also while the number retires: what is there now is not the
     * socket that had it. */
    if (!(wsc_handle_flags(e) & (WSC_H_OPEN | WSC_H_CLOSING | WSC_H_FINAL)))
        atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_H_FOREIGN));
    slot_unlock(e);
}

void wsc_forget(int fd)
{
    struct wsc_sock *e = wsc_entry(fd);

    if (e && (wsc_handle_flags(e) & WSC_H_FOREIGN)) {
        slot_lock(e);
        atomic_fetch_and(&e->state, ~WSC_FLAG_BITS(WSC_H_FOREIGN));
        slot_unlock(e);
    }
}

/* 1 for a TCP or UDP socket over IPv4 or IPv6, 0 for any other open
 * descriptor, -1 when the number is not open (nothing to remember). */
static int inet_socket_kind(int fd)
{
    int v;
    socklen_t len = sizeof(v);

    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, &len) < 0)
        return errno == EBADF ? -1 : 0;
    if (v != AF_INET && v != AF_INET6)
        return 0;
    len = sizeof(v);
    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) < 0)
        return 0;
    return v == SOCK_STREAM || v == SOCK_DGRAM;
}

/* First sight of a descriptor the table knows nothing about. */
static struct wsc_sock *probe(int fd)
{
    int err, kind;

    if (!wsc_claim_adopts || fd < 0 || fd >= WSC_MAX_FD)
        return NULL;
    kind = inet_socket_kind(fd);
    if (kind == 0)
        wsc_mark_foreign(fd);
    if (kind <= 0)
        return NULL;
    return wsc_ref_adopt((uintptr_t)fd, &err);
}

static struct wsc_sock *track(int fd, int may_probe)
{
    struct wsc_sock *e = wsc_entry(fd);
    uint64_t old;

    if (!e)
        return may_probe ? probe(fd) : NULL;
    old = atomic_load(&e->state);
    if (WSC_FLAGS(old) & WSC_H_FOREIGN)
        return NULL;
    if ((WSC_FLAGS(old) & WSC_H_OPEN) && ref_open(e, &old))
        return e;
    /* Retiring: the number is already, or is about to be, something
     * else's; the call goes to the kernel as it stands. */
    if (WSC_FLAGS(old) & WSC_H_RETIRING)
        return NULL;
    if (WSC_FLAGS(old) & (WSC_H_CLOSING | WSC_H_FINAL))
        return WSC_GONE;
    return may_probe ? probe(fd) : NULL;
}

struct wsc_sock *wsc_claim(int fd)
{
    return track(fd, 1);
}

struct wsc_sock *wsc_claim_known(int fd)
{
    return track(fd, 0);
}

int wsc_next_held(int from, int last)
{
    int fd;

    if (from < 0)
        from = 0;
    if (last >= (int)atomic_load(&table_top))
        last = (int)atomic_load(&table_top) - 1;
    for (fd = from; fd <= last; fd++) {
        uint32_t f = wsc_handle_flags(&wsc_table[fd]);

        if (f & WSC_H_FOREIGN)
            wsc_forget(fd);
        else if (f & (WSC_H_OPEN | WSC_H_CLOSING))
            return fd;
    }
    return -1;
}

void wsc_wait_sole(struct wsc_sock *e)
{
    while (WSC_REFS(atomic_load(&e->state)) > 2)
        sched_yield();
}

int wsc_replace(struct wsc_sock *e, int (*replace)(void *arg), void *arg,
                struct wsc_sock *src)
{
    struct wsc_ksock *s;
    int fd, r;

    atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_H_FINAL));
    slot_lock(e);
    fd = e->fd;
    s = slot_retire(e);
    r = replace(arg);
    if (r >= 0 && src)
        slot_open(e, fd, src->family, src->type, src->s, 1);
    else
        retire_done(e);
    slot_unlock(e);
    atomic_fetch_sub(&e->state, 2);
    ksock_put(s);
    return r;
}

/* The last reference is gone: empty the slot, then close the kernel
 * socket, so that a number the kernel hands out again is never taken for
 * the socket that had it.  The close is outside the lock: with a timed
 * SO_LINGER it may block, and the number is free before it returns. */
static void finalize(struct wsc_sock *e)
{
    struct wsc_ksock *s;
    int fd;

    slot_lock(e);
    fd = e->fd;
    s = slot_retire(e);
    slot_unlock(e);
    wsc_os.close(fd);
    retire_done(e);
    ksock_put(s);
}

/* The references are gone (cur is the state after the last one left).
 * Exactly one caller wins the race to mark a closing entry FINAL. */
void wsc_release_last(struct wsc_sock *e, uint64_t cur)
{
    while (WSC_REFS(cur) == 0 &&
           (WSC_FLAGS(cur) & (WSC_H_CLOSING | WSC_H_FINAL)) == WSC_H_CLOSING) {
        if (atomic_compare_exchange_weak(&e->state, &cur,
                                         cur | WSC_FLAG_BITS(WSC_H_FINAL))) {
            finalize(e);
            return;
        }
    }
}

long wsc_release_last_with(struct wsc_sock *e, uint64_t cur, long r)
{
    wsc_release_last(e, cur);
    return r;
}

/* Drop n references (and receive units). */
void wsc_release_n(struct wsc_sock *e, uint64_t n)
{
    wsc_release_last(e, atomic_fetch_sub(&e->state, n) - n);
}

void wsc_release(struct wsc_sock *e)
{
    wsc_release_n(e, 1);
}

/* The receives in flight on e's socket.  A socket with one descriptor
 * (nearly all) is one load; one with several, a walk over the table
 * (shutdown(SD_RECEIVE) and the watcher ask, not the hot path). */
int wsc_recv_waiting(struct wsc_sock *e)
{
    struct wsc_ksock *s = e->s;
    unsigned i, top;
    int n = atomic_load(&s->recv_waiters);

    if (atomic_load(&s->slots) <= 1)
        return n + (int)WSC_RECVS(atomic_load(&e->state));
    top = atomic_load(&table_top);
    for (i = 0; i < top; i++) {
        struct wsc_sock *x = &wsc_table[i];

        if (!WSC_RECVS(atomic_load(&x->state)))
            continue;
        slot_lock(x);
        if (x->s == s)
            n += (int)WSC_RECVS(atomic_load(&x->state));
        slot_unlock(x);
    }
    return n;
}

int wsc_begin_close(struct wsc_sock *e, int *last)
{
    uint64_t old = atomic_fetch_or(&e->state, WSC_FLAG_BITS(WSC_H_CLOSING));

    if (WSC_FLAGS(old) & WSC_H_CLOSING)
        return -WSAENOTSOCK;
    *last = atomic_fetch_sub(&e->s->handles, 1) == 1;
    if (*last)
        wsc_set_flags(e, WSC_F_CLOSING);
    /* References: the open handle's, the caller's, and the rest. */
    return (int)WSC_REFS(old) - 2;
}

/* Called by closesocket after wsc_begin_close: drops the handle's
 * reference and the caller's. */
void wsc_end_close(struct wsc_sock *e)
{
    wsc_release_n(e, 2);
}

void wsc_foreach_open(void (*fn)(struct wsc_sock *e, void *arg), void *arg)
{
    unsigned i, top = atomic_load(&table_top);

    for (i = 0; i < top; i++) {
        struct wsc_sock *e = &wsc_table[i];
        uint64_t old;

        if (!(wsc_handle_flags(e) & WSC_H_OPEN) || !ref_open(e, &old))
            continue;
        fn(e, arg);
    }
}

static void count_one(struct wsc_sock *e, void *arg)
{
    wsc_release(e);
    ++*(int *)arg;
}

int wsc_open_count(void)
{
    int n = 0;

    wsc_foreach_open(count_one, &n);
    return n;
}

/* A fork child's entry: the child has only the forking thread, so the
 * references other threads held are not its own, nor their places on
 * wait lists; a number the parent was closing is closed in the child too
 * (its own descriptor only: the kernel socket is the parent's now).
 * Written only where it changes: an idle entry costs the child no page
 * copy.  A lock of its own or of its socket's that a thread was taking or
 * holding at the fork (counted in holders) starts afresh. */
static void __attribute__((cold)) child_entry(struct wsc_sock *e)
{
    uint64_t st = atomic_load_explicit(&e->state, memory_order_relaxed);
    uint32_t f = WSC_FLAGS(st);
    struct wsc_ksock *s;
    uint64_t want;

    if (atomic_load_explicit(&e->holders, memory_order_relaxed)) {
        pthread_mutex_init(&e->lock, NULL);
        atomic_store(&e->holders, 0);
    }
    if (!f && !st)
        return;
    s = e->s;
    if (s && (f & (WSC_H_OPEN | WSC_H_CLOSING | WSC_H_FINAL))) {
        if (atomic_load_explicit(&s->holders, memory_order_relaxed)) {
            pthread_mutex_init(&s->lock, NULL);
            atomic_store(&s->holders, 0);
        }
        if (s->waiters)
            s->waiters = NULL;
        if (atomic_load_explicit(&s->recv_waiters, memory_order_relaxed))
            atomic_store(&s->recv_waiters, 0);
    }
    if ((f & (WSC_H_OPEN | WSC_H_CLOSING | WSC_H_FINAL)) == WSC_H_OPEN) {
        want = WSC_FLAG_BITS(f & (WSC_H_OPEN | WSC_H_STREAM |
                                  WSC_H_TRACED)) | 1;
        if (st != want)
            atomic_store(&e->state, want);
        return;
    }
    if (f & (WSC_H_CLOSING | WSC_H_FINAL)) {
        if (e->fd >= 0)
            wsc_os.close(e->fd);
        e->fd = -1;
        e->s = NULL;
        ksock_put(s);
    }
    want = WSC_FLAG_BITS(f & WSC_H_FOREIGN);
    if (st != want)
        atomic_store(&e->state, want);
}

void wsc_table_atfork_child(int relock)
{
    unsigned i, top = atomic_load(&table_top);

    if (relock)
        pthread_mutex_init(&grow_lock, NULL);
    for (i = 0; i < top; i++)
        child_entry(&wsc_table[i]);
}
