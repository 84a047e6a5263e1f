/* The engine: per-socket state, the blocking driver, close/shutdown/abort
 * and error mapping.  Every front end (Winsock source API, and later the
 * POSIX interposer) calls these; none re-implements semantics.
 *
 * Convention: engine calls return a value >= 0 on success, or a negated
 * WSA code (-WSAECONNRESET), or a WSC_E_ sentinel on failure.  No
 * thread-local state. */
#ifndef WSC_ENGINE_H
#define WSC_ENGINE_H

#include <poll.h>
#include <signal.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/socket.h>
#include "wsaerrors.h"

/* Flags of a kernel socket's Windows state (struct wsc_ksock). */
enum {
    WSC_F_CLOSING = 1u << 1,   /* its last handle is closing: waiters leave */
    WSC_F_SHUT_SEND = 1u << 3, /* shutdown(SD_SEND) done */
    WSC_F_SHUT_RECV = 1u << 4, /* shutdown(SD_RECEIVE) done */
    WSC_F_ABORTED = 1u << 5,   /* reset by us (SD_RECEIVE + data) */
    /* application's blocking mode; MSG_DONTWAIT's bit, so that the direct
     * path passes it to the kernel as it stands (direct_path.h) */
    WSC_F_NONBLOCK = 1u << 6,
    WSC_F_RESET_AFTER_FIN = 1u << 7, /* our send after the peer's FIN drew RST */
    WSC_F_RESET = 1u << 8,     /* reset by the peer */
    WSC_F_LISTENING = 1u << 9,
    WSC_F_CONNECTING = 1u << 10, /* non-blocking connect under way */
    WSC_F_REUSEADDR = 1u << 11,  /* Windows SO_REUSEADDR asked for */
    WSC_F_EXCLUSIVE = 1u << 12,  /* SO_EXCLUSIVEADDRUSE asked for */
    WSC_F_WATCHED = 1u << 13,    /* registered with the SD_RECEIVE watcher */
    WSC_F_OOBINLINE = 1u << 14,
    WSC_F_CONNECTED = 1u << 15,  /* has been connected */
    WSC_F_BOUND = 1u << 16,      /* known to have a local address */
    WSC_F_CONNFAILED = 1u << 17, /* last connect failed: in exceptfds (9b, 9d) */
    WSC_F_RCVTIMEO = 1u << 18,   /* rcvtimeo_ms is not 0 */
    WSC_F_ASELECT = 1u << 19,    /* WSAEventSelect active: stays non-blocking */
    WSC_F_ACONNECT = 1u << 20,   /* ConnectEx under way */
    WSC_F_ACCEPTING = 1u << 21,  /* an AcceptEx will accept into it */
    WSC_F_NOOVERLAP = 1u << 22,  /* WSASocket without WSA_FLAG_OVERLAPPED */
    WSC_F_ACCEPTED = 1u << 23,   /* came from accept, not connect */
    WSC_F_QUEUED = 1u << 24,     /* sends wait in the async queue */
    /* connected by ConnectEx, SO_UPDATE_CONNECT_CONTEXT not set yet */
    WSC_F_CONNECTEX = 1u << 26,
    /* SIO_UDP_CONNRESET FALSE: a port unreachable is not reported */
    WSC_F_NO_CONNRESET = 1u << 25,
    /* has not sent (made here, no send yet): an end of stream cannot hide
     * a reset our send drew (stream_eof).  Set, not clear, for "not yet"
     * so that the direct send tests for no flag at all. */
    WSC_F_UNSENT = 1u << 27,
};

/* Flags of a descriptor number (the high half of a slot's state word). */
enum {
    WSC_H_OPEN = 1u << 0,     /* the number holds a live socket */
    WSC_H_CLOSING = 1u << 1,  /* closesocket has begun: new calls fail */
    WSC_H_FINAL = 1u << 2,    /* the last reference is being dropped */
    WSC_H_FOREIGN = 1u << 3,  /* interposer: not ours, pass calls through */
    WSC_H_RETIRING = 1u << 4, /* emptied, the kernel descriptor closing */
    /* Set with OPEN for what the direct path tests in the same word: */
    WSC_H_STREAM = 1u << 5,   /* a SOCK_STREAM socket */
    WSC_H_TRACED = 1u << 6,   /* WSCOMPAT_TRACE is on: every call traced */
};
/* An open number's flags that let a call take the direct path: open, not
 * closing, not traced; the inlined path also wants a stream (datagrams
 * take theirs out of line). */
#define WSC_H_DIRECT_MASK (WSC_H_OPEN | WSC_H_CLOSING | WSC_H_TRACED)
#define WSC_H_DIRECT WSC_H_OPEN
#define WSC_H_DIRECT_STREAM_MASK (WSC_H_DIRECT_MASK | WSC_H_STREAM)
#define WSC_H_DIRECT_STREAM (WSC_H_OPEN | WSC_H_STREAM)
/* The inlined path's test: exactly an open stream, no other flag (a
 * foreign, final or retiring one too goes the way that sorts them out):
 * one byte compared. */
static inline int wsc_direct_stream(uint32_t handle_flags)
{
    return (handle_flags & 0xffu) == WSC_H_DIRECT_STREAM;
}

/* Engine results: a value >= 0, or a negated WSA code, or one of these.
 * A blocking call interrupted by a signal handler that does not restart
 * it (POSIX front ends only; Winsock has no signals): */
#define WSC_E_SIGNAL (-1)
/* A call passed to the kernel as it stands failed; errno says why (POSIX
 * front ends, which report the kernel's own errno): */
#define WSC_E_ERRNO (-2)
/* A direct-path call not tried: the general path is to make it. */
#define WSC_E_NOT_DIRECT (-3)

/* Deadlines are monotonic milliseconds (wsc_now_ms), or: */
#define WSC_FOREVER (-1)     /* no deadline */
#define WSC_NOT_YET (-2)     /* not computed yet (the call has not waited) */

/* The conventions of the front end in use.  Winsock's by default; a POSIX
 * front end calls wsc_e_posix_start once, before its first call:
 * a signal interrupts a blocking call with EINTR, close never refuses, a
 * listener's SO_RCVTIMEO times accept as on Linux, and a descriptor seen
 * for the first time is adopted if it is a TCP or UDP socket (remembered
 * as foreign otherwise).  emulate_close and emulate_shutrd 0 switch off
 * the reset and wake-up of closesocket with calls in flight and the reset
 * of shutdown(SD_RECEIVE), for diagnosis. */
void wsc_e_posix_start(int emulate_close, int emulate_shutrd);
extern int wsc_posix_mode;

/* Linux's struct pollfd, by a name the Windows headers do not redefine. */
typedef struct pollfd wsc_os_pollfd;

struct wsc_waiter;
struct wsc_async;

/* Socket options kept for Windows where the kernel keeps none: slots of
 * wsc_ksock.kept, numbered by lib/winsock/optmap.h. */
enum { WSC_KEPT_MAX = 24 };
enum { WSC_BUF_SND = 1, WSC_BUF_RCV = 2 };

/* The Windows state of one kernel socket, shared by every descriptor
 * that reaches it (dup, dup2, fcntl(F_DUPFD)): one socket, one state. */
struct wsc_ksock {
    _Atomic uint32_t flags;
    _Atomic uint32_t rcvtimeo_ms;
    _Atomic uint32_t sndtimeo_ms;
    _Atomic int so_error;     /* Windows SO_ERROR, a WSA code */
    _Atomic int recv_waiters; /* receives in flight not counted in a slot's
                               * state word (WSC_RECVS): wsc_recv_waiting */
    _Atomic int handles;      /* descriptors open on it, not closing */
    _Atomic int slots;        /* table entries pointing here; freed at 0 */
    pthread_mutex_t lock;     /* the waiters list */
    _Atomic int holders;      /* threads taking or holding lock */
    struct wsc_waiter *waiters;
    _Atomic(struct wsc_async *) async; /* overlapped I/O, events (async.c) */
    _Atomic uint32_t sndbuf_set; /* SO_SNDBUF as the program set it */
    _Atomic uint32_t rcvbuf_set; /* SO_RCVBUF as the program set it */
    _Atomic uint32_t bufs_set;   /* WSC_BUF_SND | WSC_BUF_RCV: set at all */
    _Atomic int64_t connected_ms; /* when it connected (wsc_now_ms), 0: not known */
    _Atomic uint32_t kept[WSC_KEPT_MAX]; /* options Linux has no place for */
    _Atomic uint32_t kept_used; /* bit i: kept[i] was ever set */
    _Atomic int async_calls;  /* threads issuing overlapped operations */
    _Atomic int deferred;     /* a connection WSAAccept deferred: fd + 1 */
};

/* One entry per descriptor number, on cache lines of its own (two
 * threads working on two sockets must not bounce a shared line with every
 * call's reference count), with room for the state of a socket made on
 * the number (home, table.c), so that a connection writes one page.  512
 * bytes: the entry's address is still one shift of the number. */
struct wsc_sock {
    _Alignas(512) _Atomic uint64_t state; /* low 32: references; high: WSC_H_ */
    int fd;
    int type;                 /* SOCK_STREAM, SOCK_DGRAM, ... */
    int family;
    _Atomic unsigned gen;     /* bumped each time the number gets a socket */
    struct wsc_ksock *s;      /* valid while a reference is held */
    pthread_mutex_t lock;     /* opening and emptying the slot */
    _Atomic int holders;      /* threads taking or holding lock */
    _Atomic int home_used;    /* home holds a socket's state (maybe not s's) */
    _Alignas(64) struct wsc_ksock home;
};
_Static_assert(sizeof(struct wsc_sock) == 512, "an entry is 512 bytes");

/* The state word: bits 0-31 the references (calls in flight and the
 * open handle's), 32-39 the WSC_H_ flags, 40-63 how many of the calls in
 * flight are receives (WSC_RECV_UNIT each), so that a receive on the
 * direct path counts itself with the same atomic add that takes its
 * reference.  wsc_recv_waiting adds up a socket's receives. */
#define WSC_REFS(st) ((uint32_t)(st))
#define WSC_FLAGS(st) ((uint32_t)((st) >> 32) & 0xffu)
#define WSC_FLAG_BITS(f) ((uint64_t)(f) << 32)
#define WSC_RECV_UNIT ((uint64_t)1 << 40)
#define WSC_RECVS(st) ((uint32_t)((st) >> 40))

static inline uint32_t wsc_flags(struct wsc_sock *e)
{
    return atomic_load(&e->s->flags);
}

static inline void wsc_set_flags(struct wsc_sock *e, uint32_t f)
{
    atomic_fetch_or(&e->s->flags, f);
}

static inline void wsc_clear_flags(struct wsc_sock *e, uint32_t f)
{
    atomic_fetch_and(&e->s->flags, ~f);
}

/* An accepted socket's inherited value: relaxed, for each value stands
 * alone and the new socket's state is the caller's alone until the call
 * returns (a sequentially consistent store is a locked instruction). */
#define WSC_COPY_RELAXED(dst, src)                                       \
    atomic_store_explicit(&(dst),                                        \
                          atomic_load_explicit(&(src),                   \
                                               memory_order_relaxed),    \
                          memory_order_relaxed)

/* The connection WSAAccept deferred on s, taken (its descriptor), or -1;
 * a look first, as the exchange is a locked instruction and there is
 * nearly never one. */
static inline int wsc_ksock_take_deferred(struct wsc_ksock *s)
{
    if (!atomic_load_explicit(&s->deferred, memory_order_relaxed))
        return -1;
    return atomic_exchange(&s->deferred, 0) - 1;
}

/* The socket sends (WSC_F_UNSENT goes): one atomic AND, on its first
 * send. */
static inline void wsc_e_mark_sent(struct wsc_sock *e)
{
    if (atomic_load_explicit(&e->s->flags, memory_order_relaxed) &
        WSC_F_UNSENT)
        wsc_clear_flags(e, WSC_F_UNSENT);
}

/* 1 once the socket was connected or accepted (a stream with a peer). */
static inline int wsc_e_has_peer(struct wsc_sock *e)
{
    return (wsc_flags(e) & (WSC_F_CONNECTED | WSC_F_ACCEPTED)) != 0;
}

/* The descriptor number's own flags (WSC_H_). */
static inline uint32_t wsc_handle_flags(struct wsc_sock *e)
{
    return WSC_FLAGS(atomic_load(&e->state));
}
/* The same, for a look that orders nothing (a hot path's first test). */
static inline uint32_t wsc_handle_flags_relaxed(struct wsc_sock *e)
{
    return WSC_FLAGS(atomic_load_explicit(&e->state, memory_order_relaxed));
}

/* ---- table.c ---------------------------------------------------------- */
/* Largest descriptor number the table can track. */
#define WSC_MAX_FD (1 << 22)

/* The table: one entry per number, in one mapping reserved when the
 * first socket comes and never freed; its pages are the kernel's zero
 * page until an entry on them is written.  wsc_table_len numbers fit
 * (0 before the mapping exists): the lowest of WSC_MAX_FD and the hard
 * limit on descriptors. */
extern struct wsc_sock *wsc_table __attribute__((visibility("hidden")));
extern _Atomic uint64_t wsc_table_len __attribute__((visibility("hidden")));

/* n < wsc_table_len, the length read with acquire order.  On x86-64 one
 * compare with the variable in memory: the compiler never folds an
 * atomic load into a compare, and there every load has acquire order (the
 * asm's memory clobber orders the compiler).  Elsewhere, and under
 * ThreadSanitizer, which sees no asm, the C11 load. */
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
static inline int wsc_table_holds(uintptr_t n)
{
    int below;

    __asm__ volatile("cmpq %2, %1"
                     : "=@ccb"(below)
                     : "r"(n), "m"(*(const volatile uint64_t *)&wsc_table_len)
                     : "memory");
    return below;
}
#else
static inline int wsc_table_holds(uintptr_t n)
{
    return n < atomic_load_explicit(&wsc_table_len, memory_order_acquire);
}
#endif

/* The table's lookups: wsc_entry (no reference), wsc_ref (a reference),
 * wsc_ref_adopt (a reference, adopting a socket seen for the first time),
 * and for the POSIX front end wsc_claim and wsc_claim_known.
 *
 * The entry for a descriptor if the table has one, without a reference
 * (the interposer's hot path). */
static inline struct wsc_sock *wsc_entry_of(uintptr_t n)
{
    struct wsc_sock *e;

    if (__builtin_expect(!wsc_table_holds(n), 0))
        return NULL;
    e = &wsc_table[n];
    if (!e) /* (never: the table exists once it has a length) */
        __builtin_unreachable();
    return e;
}
/* (The number unsigned: a negative one is out of range, no sign to
 * extend.) */
static inline struct wsc_sock *wsc_entry(int fd)
{
    return wsc_entry_of((unsigned)fd);
}

/* The direct path's reference: n references (1, plus WSC_RECV_UNIT for a
 * receive) taken with one atomic add, and the number's flags as they
 * were before it, in the low byte (the receive count above it, which
 * every test masks off: no instruction spent on clearing it); a caller
 * that finds them not an open stream (wsc_direct_stream) gives them back
 * with wsc_release_n (or keeps them for the general path, if the number
 * is open and not closing). */
void wsc_release_n(struct wsc_sock *e, uint64_t n);
static inline uint32_t wsc_ref_flags(struct wsc_sock *e, uint64_t n)
{
    return (uint32_t)(atomic_fetch_add(&e->state, n) >> 32);
}
/* A receive on the direct path turned out to be for the general one:
 * its reference stays, its receive unit goes. */
static inline void wsc_drop_recv_unit(struct wsc_sock *e)
{
    atomic_fetch_sub(&e->state, WSC_RECV_UNIT);
}
/* The last reference of a closing entry is gone (out of line). */
void wsc_release_last(struct wsc_sock *e, uint64_t cur);
/* The same, passing the call's result r through. */
long wsc_release_last_with(struct wsc_sock *e, uint64_t cur, long r);
/* Drop what wsc_ref_flags took, one atomic subtraction, and return the
 * call's result r: returned, r needs no register kept across the rare
 * call for the last reference. */
static inline long wsc_release_direct(struct wsc_sock *e, uint64_t n, long r)
{
    uint64_t old = atomic_fetch_sub(&e->state, n);

    /* (The last reference: the same count in the low half as n's.) */
    if (__builtin_expect(WSC_REFS(old) == WSC_REFS(n), 0))
        return wsc_release_last_with(e, old - n, r);
    return r;
}
/* Receives in flight on e's kernel socket, through any of its
 * descriptors (the direct path's, counted in the state words, and
 * s->recv_waiters, counted by whoever waits elsewhere). */
int wsc_recv_waiting(struct wsc_sock *e);

/* Reference and adopt: a reference on the socket behind a handle, taking
 * over a socket the process got elsewhere (inherited, SCM_RIGHTS) on
 * first use.  NULL and *err set to -WSAENOTSOCK when the handle is not a
 * live socket. */
struct wsc_sock *wsc_ref_adopt(uintptr_t handle, int *err);
/* Reference only: the same for a number the table already holds open,
 * never adopting; NULL otherwise. */
struct wsc_sock *wsc_ref(int fd);
/* Drop a reference; the last one of a closed handle closes the socket. */
void wsc_release(struct wsc_sock *e);
/* Register a descriptor the engine just created; returns its entry with
 * one reference held for the caller, or NULL if the table cannot hold it.
 * A call on the number that adopted it meanwhile is taken in. */
struct wsc_sock *wsc_register(int fd, int family, int type, uint32_t flags);
/* fd is a new descriptor of src's socket (dup): register it with src's
 * state, shared.  0, or -1 if the table cannot hold it. */
int wsc_register_copy(struct wsc_sock *src, int fd);
/* Take the handle out of service: the socket goes when the last call in
 * flight leaves.  Returns the number of other calls in flight on this
 * number, or -WSAENOTSOCK if it is closing already; *last says whether
 * no other descriptor is open on the socket. */
int wsc_begin_close(struct wsc_sock *e, int *last);
/* After wsc_begin_close: drop the handle's reference and the caller's. */
void wsc_end_close(struct wsc_sock *e);
/* Calls fn on every open entry with a reference, which fn drops (or
 * hands to a call that consumes it, such as wsc_e_closesocket). */
void wsc_foreach_open(void (*fn)(struct wsc_sock *e, void *arg), void *arg);
/* Registers the fork handlers, once (fork.c). */
void wsc_fork_init(void);
/* The engine's locks that a fork child resets if one was held at the fork
 * (the watcher's, the reactor's, the table's growth): taken and dropped
 * through these, which count them in one process-wide count. */
void wsc_lock(pthread_mutex_t *m);
void wsc_unlock(pthread_mutex_t *m);
/* A socket's own locks (its slot's, its waiter list's) count their
 * holders in the object itself, on the page the call writes anyway: a
 * connection writes no page of the library's for them, and the child
 * resets those it finds counted (wsc_table_atfork_child). */
void wsc_lock_counted(pthread_mutex_t *m, _Atomic int *holders);
void wsc_unlock_counted(pthread_mutex_t *m, _Atomic int *holders);
static inline void wsc_ksock_lock(struct wsc_ksock *s)
{
    wsc_lock_counted(&s->lock, &s->holders);
}
static inline void wsc_ksock_unlock(struct wsc_ksock *s)
{
    wsc_unlock_counted(&s->lock, &s->holders);
}
/* In a fork child: 1 if one of them was held (the count starts afresh). */
int wsc_atfork_relock(void) __attribute__((cold));
/* Fork child handlers (fork.c calls them): relock as wsc_atfork_relock
 * said.  Cold, so that they share the pages the child must fault in. */
void wsc_table_atfork_child(int relock) __attribute__((cold));
/* Count of open entries (tests, leak checks). */
int wsc_open_count(void);

/* 1 when fd is known not to be a socket of the engine's, so a POSIX
 * front end's call goes straight to libc: two loads. */
static inline int wsc_foreign(int fd)
{
    struct wsc_sock *e = wsc_entry(fd);

    return e && (WSC_FLAGS(atomic_load_explicit(&e->state,
                                                memory_order_relaxed)) &
                 WSC_H_FOREIGN);
}

/* For the POSIX interposer.  The entry behind fd with a reference taken;
 * NULL when the call should go straight to libc (not an internet socket,
 * or never seen by the engine); WSC_GONE while another thread closes it.
 * A descriptor seen for the first time is adopted when it is a TCP or UDP
 * socket and wsc_claim_adopts is set, else remembered as foreign. */
#define WSC_GONE ((struct wsc_sock *)1)
struct wsc_sock *wsc_claim(int fd);
/* The same without adopting: NULL for a descriptor never seen before. */
struct wsc_sock *wsc_claim_known(int fd);
/* The first descriptor in [from, last] whose kernel socket the engine
 * holds (open or closing), or -1; forgets the foreign ones on the way. */
int wsc_next_held(int from, int last);
/* 1 once a POSIX front end started: lookups adopt TCP and UDP sockets. */
extern int wsc_claim_adopts;
/* Remember fd as foreign (a socket the interposer leaves alone). */
void wsc_mark_foreign(int fd);
/* The number fd was closed or replaced behind the engine's back: look at
 * it afresh next time. */
void wsc_forget(int fd);
/* Wait until the caller's and the handle's are the only references. */
void wsc_wait_sole(struct wsc_sock *e);
/* After wsc_begin_close and wsc_wait_sole: the number goes to whatever
 * replace(arg) (the real dup2) puts there instead of being closed; if src
 * is not NULL that is a copy of src's socket and shares its state.  Drops
 * both references and returns replace's result. */
int wsc_replace(struct wsc_sock *e, int (*replace)(void *arg), void *arg,
                struct wsc_sock *src);

/* ---- wait.c: the blocking driver -------------------------------------- */
/* Monotonic milliseconds. */
int64_t wsc_now_ms(void);
/* Deadline for a timeout in ms (0 = none). */
int64_t wsc_deadline(uint32_t timeout_ms);
/* Milliseconds left for poll: -1 = forever (WSC_FOREVER), 0 = expired. */
int wsc_ms_left(int64_t deadline);
/* Wait until fd is ready for `events`, the deadline passes, or someone
 * wakes the entry.  0 = look again, -WSAETIMEDOUT, or -WSAEINTR when the
 * entry is closing. */
int wsc_wait(struct wsc_sock *e, short events, int64_t deadline);
/* 1 when every installed signal handler has SA_RESTART: a blocking call
 * a signal interrupted should go on.  (The kernel already restarts its
 * own sleeps then, but a handler wrapped by a sanitizer or a tracer may
 * not carry the flag down to the kernel.) */
int wsc_signal_restarts(void);
/* In POSIX mode both waits return WSC_E_SIGNAL when a signal handler ran;
 * wsc_wait looks again instead if every installed handler has SA_RESTART,
 * as the kernel would have restarted the call. */
/* Wait on several entries at once (select, WSAPoll): fds[i].fd must be the
 * descriptor of ents[i] (or -1 to skip).  Returns poll's result, 0 on
 * timeout, or -WSAEINTR if an entry began closing. */
int wsc_wait_many(struct wsc_sock **ents, struct pollfd *fds, int n,
                  int64_t deadline, const sigset_t *mask);
/* poll, or with mask (not NULL) ppoll, which sets the signal mask for
 * the wait alone. */
int wsc_poll_masked(struct pollfd *fds, nfds_t n, int timeout_ms,
                    const sigset_t *mask);
/* One more on an eventfd (a waiter's wake descriptor, the reactor's kick
 * and tick). */
void wsc_poke(int fd);
/* Wake every thread polling on the entry (receivers sleeping in the
 * kernel are woken by shutting the socket's receiving side). */
void wsc_wake_all(struct wsc_sock *e);
/* Number of threads blocked on the entry now (polling or in a blocking
 * receive). */
int wsc_waiter_count(struct wsc_sock *e);
/* Forget the calling thread's wake descriptor (fork child). */
void wsc_wait_reset_after_fork(void) __attribute__((cold));

/* ---- errors.c --------------------------------------------------------- */
enum wsc_op {
    WSC_OP_RECV, WSC_OP_SEND, WSC_OP_CONNECT, WSC_OP_ACCEPT, WSC_OP_BIND,
    WSC_OP_LISTEN, WSC_OP_SHUTDOWN, WSC_OP_OPT, WSC_OP_NAME, WSC_OP_SOCKET,
    WSC_OP_OTHER
};
/* The result of a failed libc call (-WSA code), given what it was and
 * the socket's flags. */
int wsc_errno_result(enum wsc_op op, int err, uint32_t flags);


/* ---- io.c: send and receive ------------------------------------------- */
/* Extra flag for wsc_e_recvmsg: fill the whole buffer (MSG_WAITALL). */
#define WSC_RECV_WAITALL 0x40000000
/* Receive into msg (the iovecs may be advanced).  flags are Linux MSG_*.
 * Returns bytes, 0 at EOF, or -WSA code; a datagram cut short returns
 * -WSAEMSGSIZE with the first part copied and *copied set. */
long wsc_e_recvmsg(struct wsc_sock *e, struct msghdr *msg, int flags,
                   size_t *copied);
/* Send all of msg on a blocking stream socket, what fits on a
 * non-blocking one; never raises SIGPIPE. */
long wsc_e_sendmsg(struct wsc_sock *e, struct msghdr *msg, int flags);
/* The direct path of plain send and recv is direct_path.h's; these are its
 * general halves, which drop the caller's references: n is the result of
 * the direct path's first try (with errno as the kernel left it when it
 * is -1), or WSC_NOT_TRIED, which the _untried forms pass (a separate
 * call, so that the direct path sets up no argument it does not use). */
#define WSC_NOT_TRIED (-3)
/* The arguments of a direct call that went to the kernel, which its
 * general half reads from the caller's frame: the direct path then keeps
 * none of them in a register across the kernel call (a callee-saved
 * register each, pushed and popped on every call). */
struct wsc_direct_args {
    void *buf;
    size_t len;
    int flags;
};
long wsc_e_recv_rest(struct wsc_sock *e, const struct wsc_direct_args *a,
                     ssize_t n) __attribute__((cold));
long wsc_e_send_rest(struct wsc_sock *e, const struct wsc_direct_args *a,
                     ssize_t n) __attribute__((cold));
long wsc_e_recv_untried(struct wsc_sock *e, void *buf, size_t len,
                        int flags) __attribute__((cold));
/* The end of a direct receive that took n > 0 bytes while the flags word
 * had WSC_F_ASELECT or WSC_F_SHUT_RECV (the second: the general path). */
long wsc_e_recv_selected(struct wsc_sock *e, const struct wsc_direct_args *a,
                         ssize_t n);
long wsc_e_send_untried(struct wsc_sock *e, const void *buf, size_t len,
                        int flags) __attribute__((cold));
/* send without an address on a datagram socket, flags Linux MSG_*: the
 * direct try once it is connected and has sent, else the general path.
 * The caller holds 1, which the call drops. */
long wsc_e_send_dgram(struct wsc_sock *e, const void *buf, size_t len,
                      int flags);
/* A failed receive or send (errno err): Windows' code, a peer's reset
 * latched so that it stays sticky. */
int wsc_io_error(struct wsc_sock *e, enum wsc_op op, int err);
/* What a waiter woken by closesocket reports for this operation. */
int wsc_closing_error(struct wsc_sock *e, enum wsc_op op);

/* ---- conn.c: socket, bind, listen, accept, connect -------------------- */
/* Create a socket; returns the descriptor or -WSA code. */
int wsc_e_socket(int family, int type, int proto, uint32_t flags);
int wsc_e_bind(struct wsc_sock *e, const struct sockaddr *sa, socklen_t len);
int wsc_e_listen(struct wsc_sock *e, int backlog);
/* Returns the new descriptor (registered, no reference held) or -WSA.
 * kflags: extra accept4 flags for the kernel (SOCK_CLOEXEC). */
int wsc_e_accept(struct wsc_sock *e, struct sockaddr *sa, socklen_t *len,
                 int kflags);
/* wsc_e_accept in two halves, for WSAAccept's condition function: a
 * connection's kernel descriptor (the deferred one first), not yet in
 * the table; then it is taken (its number, or -WSAEMFILE), deferred to
 * the next accept (0) or rejected (reset). */
int wsc_e_accept_raw(struct wsc_sock *e, struct sockaddr *sa, socklen_t *len,
                     int kflags);
int wsc_e_accept_take(struct wsc_sock *e, int fd);
/* SIO_ROUTING_INTERFACE_QUERY: the local address the kernel would send
 * from to reach dst (a connected UDP socket of its family asked): 0 or
 * -WSA code. */
int wsc_e_route_source(const struct sockaddr *dst, socklen_t dlen,
                       struct sockaddr *src, socklen_t *slen);
/* A datagram receive failed with ECONNREFUSED that is not to be
 * reported (SIO_UDP_CONNRESET FALSE): 1, try again. */
int wsc_e_refused_ignored(struct wsc_sock *e, int err);
/* A datagram socket reported err: the ICMP error behind it is taken off
 * the socket's error queue. */
void wsc_e_dgram_error_taken(struct wsc_sock *e, int err);
/* SIO_UDP_CONNRESET: report (on, the default) or ignore port unreachables. */
void wsc_e_set_udp_connreset(struct wsc_sock *e, int on);
/* The local address of such a connection: 0, or -1 (*len then 0). */
int wsc_e_accepted_name(int fd, struct sockaddr *sa, socklen_t *len);
int wsc_e_accept_defer(struct wsc_sock *e, int fd);
void wsc_e_accept_reject(struct wsc_sock *e, int fd);
/* The deferred connection, if any, in the given blocking mode: its
 * descriptor (peer address in sa when sa is not NULL), or -1. */
int wsc_e_take_deferred(struct wsc_sock *e, struct sockaddr *sa,
                        socklen_t *len, int nonblock);
/* Listeners holding a deferred connection (readable while they do). */
extern _Atomic int wsc_deferred_count;
/* SO_UPDATE_CONNECT_CONTEXT after a ConnectEx: 0. */
int wsc_e_update_connect_context(struct wsc_sock *e);
int wsc_e_connect(struct wsc_sock *e, const struct sockaddr *sa,
                  socklen_t len);
/* A blocking connect whatever the socket's mode, given up at the
 * deadline with -WSAETIMEDOUT, the socket free to connect again
 * (WSAConnectByName, WSAConnectByList). */
int wsc_e_connect_until(struct wsc_sock *e, const struct sockaddr *sa,
                        socklen_t len, int64_t deadline);
/* The kernel's connect without sleeping in it, whatever the socket's
 * blocking mode (a blocking socket is made non-blocking for the call):
 * connect's result, errno set. */
int wsc_e_connect_start(struct wsc_sock *e, const struct sockaddr *sa,
                        socklen_t len);
/* Windows SO_ERROR: resolves a pending non-blocking connect first. */
int wsc_e_so_error(struct wsc_sock *e);
/* 1 when the socket has a local address (bound, or auto-bound). */
int wsc_e_is_bound(struct wsc_sock *e);
/* The same, remembered once known. */
int wsc_e_known_bound(struct wsc_sock *e);
/* bind and listen as the kernel does them (POSIX front ends): 0, or
 * WSC_E_ERRNO with the kernel's errno. */
int wsc_e_kernel_bind(struct wsc_sock *e, const struct sockaddr *sa,
                      socklen_t len);
int wsc_e_kernel_listen(struct wsc_sock *e, int backlog);

/* ---- close.c: closesocket, shutdown, abort ---------------------------- */
int wsc_e_closesocket(struct wsc_sock *e);
/* closesocket for dup2/dup3 onto a socket: once no other call holds the
 * descriptor, replace(arg) (the real dup2) takes the number over instead
 * of a close; src, if not NULL, is the socket whose copy replace puts
 * there.  Returns replace's result, or -WSAENOTSOCK when another thread
 * is already closing the socket. */
int wsc_e_close_replace(struct wsc_sock *e, int (*replace)(void *arg),
                        void *arg, struct wsc_sock *src);
/* The emulations wsc_e_posix_start may switch off (default on). */
extern int wsc_emulate_close;
extern int wsc_emulate_shutrd;
int wsc_e_shutdown(struct wsc_sock *e, int how); /* how: SHUT_RD/WR/RDWR */
/* Reset the connection now (RST to the peer) and keep the handle valid;
 * later calls fail WSAECONNABORTED. */
void wsc_e_abort(struct wsc_sock *e);
void wsc_e_abort_fd(int fd);
/* After a receive that was pending at SD_RECEIVE time has left. */
void wsc_e_shutrecv_rearm(struct wsc_sock *e);
/* Test hook: force the dup2 fallback of wsc_e_abort (atomic: the SD_RECEIVE
 * watcher reads it while a test sets it, ordered only by the kernel). */
extern _Atomic int wsc_abort_force_fallback;
/* Fork child: the watcher thread is the parent's (fork.c). */
void wsc_close_atfork_child(int relock) __attribute__((cold));

/* ---- poll.c: readiness of many sockets (select, WSAPoll) ------------- */
/* Polls fds[0..n-1] (fds must have room for n+1 entries), first without
 * waiting, then until the deadline (-1 forever, 0 = no wait).  Returns
 * the number ready, 0, -WSAEINTR if an entry began closing, or -WSA. */
int wsc_e_poll(struct wsc_sock **ents, struct pollfd *fds, int n,
               int64_t deadline);
/* The same with the signal mask set for the polls alone (ppoll). */
int wsc_e_ppoll(struct wsc_sock **ents, struct pollfd *fds, int n,
                int64_t deadline, const sigset_t *mask);
/* 1 when a pending non-blocking connect has failed (select's exceptfds). */
int wsc_e_connect_failed(struct wsc_sock *e);
/* 1 while a non-blocking connect is still pending (settled first): a
 * send or receive meanwhile is WSAENOTCONN on Windows (row 9r), where
 * Linux would wait for the handshake or say EAGAIN. */
int wsc_e_connect_pending(struct wsc_sock *e);

/* ---- opt.c: options the front ends translate to ------------------------ */
int wsc_e_setopt_int(struct wsc_sock *e, int level, int name, int val);
int wsc_e_getopt_int(struct wsc_sock *e, int level, int name, int *val);
/* A Linux option whose value is a structure (membership requests). */
int wsc_e_setopt_raw(struct wsc_sock *e, int level, int name,
                     const void *val, socklen_t len);
/* A Linux option read as bytes (IP_OPTIONS): *len the room, then the
 * length. */
int wsc_e_getopt_raw(struct wsc_sock *e, int level, int name, void *val,
                     socklen_t *len);
int wsc_e_set_linger(struct wsc_sock *e, int onoff, int secs);
/* A kept option's value (0 until set), and setting it. */
uint32_t wsc_e_kept(struct wsc_sock *e, int slot);
void wsc_e_keep(struct wsc_sock *e, int slot, uint32_t v);
/* SO_SNDBUF/SO_RCVBUF (rcv 0/1): the kernel gets it, a read answers what
 * the program set (Windows does not double it), else the kernel's. */
int wsc_e_set_buf(struct wsc_sock *e, int rcv, int val);
int wsc_e_get_buf(struct wsc_sock *e, int rcv, int *val);
/* SO_CONNECT_TIME: seconds since the connection was made, ~0u when not
 * connected (and for anything but a stream). */
uint32_t wsc_e_connect_time(struct wsc_sock *e);
void wsc_e_mark_connected(struct wsc_sock *e);
/* SIO_TCP_INFO: the kernel's TCP_INFO in Windows' terms (TCP_INFO_v1's
 * meanings: the state as a TCPSTATE number, windows in bytes, times in
 * ms); what Linux does not count is 0.  0, or -WSAEINVAL for anything
 * but a stream. */
struct wsc_tcp_stats {
    uint32_t state, mss;
    uint64_t connection_ms;
    uint32_t timestamps, rtt_us, min_rtt_us, in_flight, cwnd;
    uint32_t snd_wnd, rcv_wnd, rcv_buf;
    uint64_t bytes_out, bytes_in;
    uint32_t bytes_reordered, bytes_retrans, fast_retrans, dup_acks_in;
    uint32_t timeout_episodes, syn_retrans;
    /* Time the sender spent limited by the peer's window, the congestion
     * window and itself (its send buffer). */
    uint32_t lim_time_rwnd, lim_time_cwnd, lim_time_snd;
};
int wsc_e_tcp_stats(struct wsc_sock *e, struct wsc_tcp_stats *st);
/* An accepted socket takes the listener's kept options and buffers. */
void wsc_e_opts_inherit(struct wsc_sock *from, struct wsc_sock *to);
int wsc_e_get_linger(struct wsc_sock *e, int *onoff, int *secs);
/* Windows SO_REUSEADDR / SO_EXCLUSIVEADDRUSE, mutually exclusive. */
int wsc_e_set_reuse(struct wsc_sock *e, int exclusive, int on);
/* FIONBIO: the application's mode, which the kernel socket follows. */
int wsc_e_set_nonblock(struct wsc_sock *e, int on);
/* SO_RCVTIMEO in ms (0 = none): the kernel enforces it on receives. */
int wsc_e_set_rcvtimeo(struct wsc_sock *e, uint32_t ms);
/* SO_SNDTIMEO in ms (0 = none): the engine's wait enforces it. */
int wsc_e_set_sndtimeo(struct wsc_sock *e, uint32_t ms);
/* The timeouts in force, in ms (0 = none). */
static inline uint32_t wsc_e_rcvtimeo(struct wsc_sock *e)
{
    return atomic_load(&e->s->rcvtimeo_ms);
}
static inline uint32_t wsc_e_sndtimeo(struct wsc_sock *e)
{
    return atomic_load(&e->s->sndtimeo_ms);
}
/* SO_RCVTIMEO/SO_SNDTIMEO as a struct timeval (POSIX front ends): the
 * kernel checks and keeps it, the engine the milliseconds (tv is the
 * caller's memory).  0, WSC_E_ERRNO, or -WSAEFAULT. */
int wsc_e_kernel_timeout(struct wsc_sock *e, int name, const void *tv,
                         socklen_t len);
/* Windows' SO_ERROR, as setsockopt may set it (a WSA code). */
int wsc_e_set_so_error(struct wsc_sock *e, int code);
/* fcntl(F_SETFL): the kernel socket's flags, the blocking mode mirrored.
 * 0, or WSC_E_ERRNO. */
int wsc_e_kernel_setfl(struct wsc_sock *e, long fl);
/* FIONREAD: bytes of in-band data readable now. */
int wsc_e_bytes_readable(struct wsc_sock *e);
/* SIOCATMARK: 1 when no urgent data is pending. */
int wsc_e_at_mark(struct wsc_sock *e);
/* getsockname/getpeername. */
int wsc_e_getname(struct wsc_sock *e, int peer, struct sockaddr *sa,
                  socklen_t *len);

/* ---- share.c: one socket in two processes (WSADuplicateSocket) -------- */
/* What another process needs to take a socket: the source's process, the
 * descriptor there, and the socket's inode, by which a number that came
 * to hold another socket meanwhile is refused. */
struct wsc_share {
    uint32_t pid;
    int32_t fd;
    uint64_t ino;
};
/* Describe e for process pid, which must exist (0, or -WSAEINVAL).  For
 * another process it also names pid as the one process that may take
 * descriptors from this one (prctl PR_SET_PTRACER, for Yama's
 * ptrace_scope 1; one such process at a time). */
int wsc_e_share(struct wsc_sock *e, uint32_t pid, struct wsc_share *sh);
/* Take the socket sh describes: the new descriptor, in the table (no
 * reference held), or -WSAEINVAL (the source process or its socket is
 * gone), -WSAEACCES (the kernel refused pidfd_getfd: no ptrace
 * permission over the source), -WSAEOPNOTSUPP (kernel before 5.6),
 * -WSAEMFILE.  In the source's own process the copy shares the socket's
 * Windows state as dup does.  cloexec: the copy's close-on-exec. */
int wsc_e_take_share(const struct wsc_share *sh, int cloexec);

/* ---- async.c: overlapped operations and the reactor ------------------- */
/* An operation the front end hands over: the engine tries it at once and,
 * if it would block, queues it in issue order and performs it from its
 * reactor thread straight into the caller's buffers.  The front end
 * embeds this in its own record and is told through done(), called once,
 * with no engine lock held, from whichever thread finished it. */
enum wsc_aop_kind {
    WSC_AOP_RECV, WSC_AOP_SEND, WSC_AOP_ACCEPT, WSC_AOP_CONNECT,
    WSC_AOP_NOTIFY /* waits for a change that never comes: cancel, close */
};
#define WSC_AOP_IOV 4
struct wsc_aop {
    struct wsc_aop *next;
    enum wsc_aop_kind kind;
    int flags;                /* Linux MSG_*; a receive's msg_flags out */
    struct iovec *iov;        /* iov_inline, or malloc'ed for more */
    int niov;
    struct iovec iov_inline[WSC_AOP_IOV];
    struct sockaddr_storage addr; /* sendto's destination, recvfrom's source */
    socklen_t addrlen;        /* 0: none */
    int want_addr;            /* a receive records its source */
    void *control;            /* ancillary data (Linux's framing), or NULL */
    size_t controllen;        /* its room; a receive: what it holds, out */
    size_t done;              /* bytes so far (a send completes whole) */
    long res;                 /* bytes, or -WSA code */
    int started;              /* a connect was started */
    int always_pend;          /* report pending even when known at once */
    void *owner;              /* CancelIo's thread token */
    /* AcceptEx: the socket accepted into, and the first data wanted. */
    int acceptor_fd;
    unsigned acceptor_gen;
    size_t first_data;
    int accepted;             /* the connection is in the acceptor */
    int backlog;              /* the engine's own: a send's queued rest */
    int shut_after;           /* the engine's own: shutdown(SD_SEND) here */
    void (*done_fn)(struct wsc_aop *op);
};
/* Results of wsc_async_submit. */
#define WSC_AOP_DONE 0        /* finished now: res is set, done_fn not called */
#define WSC_AOP_PENDING 1     /* done_fn will be (or was already) called */
int wsc_async_submit(struct wsc_sock *e, struct wsc_aop *op);
/* Cancels the pending operations match accepts (match NULL: all) with
 * -WSA_OPERATION_ABORTED; returns how many. */
int wsc_async_cancel(struct wsc_sock *e, int (*match)(struct wsc_aop *op,
                                                      void *arg), void *arg);
/* The last handle of the socket is closing: completes every pending
 * operation as Windows does (a receive WSAECONNABORTED, the rest
 * WSA_OPERATION_ABORTED) and ends the selection; 1 if a receive was
 * pending on a stream (closesocket then resets the connection).  The
 * engine's own queued sends still go unless the close is abortive (calls
 * in flight, a pending receive, SO_LINGER {1,0}). */
int wsc_async_close(struct wsc_sock *e, int abortive);
/* The reactor stops watching the socket's descriptor, which is to get
 * another kernel socket. */
void wsc_async_unwatch(struct wsc_sock *e);
/* A thread is issuing an overlapped operation (it never blocks): its
 * reference is not a call in flight for closesocket either. */
static inline void wsc_async_call_begin(struct wsc_sock *e)
{
    atomic_fetch_add_explicit(&e->s->async_calls, 1, memory_order_relaxed);
}
static inline void wsc_async_call_end(struct wsc_sock *e)
{
    atomic_fetch_sub_explicit(&e->s->async_calls, 1, memory_order_relaxed);
}
/* The poll role (async.c): a thread about to sleep until something
 * completes may do the reactor's work meanwhile.  wsc_async_poll_begin:
 * 1 if the calling thread now has the role (0: another has it, or there
 * is no reactor yet); wsc_async_poll: waits up to ms (-1: forever) for
 * readiness and handles it, the number of events (0: none, or woken by
 * wsc_async_poll_kick); wsc_async_poll_end gives the role up, or lends
 * it (lend: a port's waiter leaving with a packet, which its next
 * wsc_async_poll_begin takes back). */
int wsc_async_poll_begin(void);
int wsc_async_poll(int ms);
void wsc_async_poll_kick(void);
void wsc_async_poll_end(int lend);
/* The calling thread sleeps without polling: a lease it holds is given
 * back (not left for the reactor thread to take a tick later). */
void wsc_async_poll_return(void);
/* For closesocket of e (already closing): if the reactor thread is
 * looking at e, whose reference is not a call in flight, waits until it
 * has let go. */
void wsc_async_reactor_wait(struct wsc_sock *e);
/* Frees the state with its kernel socket (table.c). */
void wsc_async_free(struct wsc_ksock *s);
/* Windows takes a whole non-blocking send or none of it (row 9i): what
 * the kernel did not take joins the socket's send queue, which the
 * reactor flushes in order (before the FIN of a shutdown or a graceful
 * close).  1 when msg's bytes were taken, 0 when the queue already holds
 * its bound (the send buffer size, at least 64 KiB). */
int wsc_async_backlog(struct wsc_sock *e, const struct msghdr *msg, int flags);
/* 1 when sends on the socket must queue behind earlier ones. */
static inline int wsc_async_sends_queued(struct wsc_sock *e)
{
    return (wsc_flags(e) & WSC_F_QUEUED) != 0;
}
/* shutdown(SD_SEND) with sends queued: the FIN follows them.  1 when it
 * was queued, 0 when nothing waits (shut down now). */
int wsc_async_shut_after(struct wsc_sock *e);
/* DisconnectEx(TF_REUSE_SOCKET): a fresh kernel socket under the same
 * number.  0 or -WSA code. */
int wsc_async_renew(struct wsc_sock *e);
/* A blocking send of all of buf whatever the socket's mode (TransmitFile
 * and TransmitPackets): len, or -WSA. */
long wsc_e_send_all(struct wsc_sock *e, const void *buf, size_t len);
/* TransmitFile's file part: the bytes of fd from offset (-1: its
 * position; bytes 0: to the end) sent whole.  Bytes sent, or -WSA. */
long wsc_e_transmit(struct wsc_sock *e, int fd, int64_t offset,
                    uint64_t bytes);
/* Fork child: the reactor is the parent's (fork.c). */
void wsc_async_atfork_child(int relock) __attribute__((cold));
/* Calls fn on each of the front end's pending operations, under the
 * socket's async lock (a completion port associated after they were
 * issued still gets their packets, row CP15). */
void wsc_async_each_pending(struct wsc_sock *e,
                            void (*fn)(struct wsc_aop *op, void *arg),
                            void *arg);
/* 1 when an overlapped receive is pending (shutdown(SD_RECEIVE) lets it
 * take the data that arrives, row OV14). */
int wsc_async_recv_pending(struct wsc_sock *e);
/* The number of operations pending (tests, closesocket). */
int wsc_async_pending(struct wsc_sock *e);
/* AcceptEx: the acceptor may take a connection (not listening, bound,
 * connected or accepting already): 0 or -WSAEINVAL. */
int wsc_async_acceptor_ok(struct wsc_sock *e);

/* The front end's per-socket association (a completion port and key, the
 * notification modes, the socket's own event): kept by the engine with
 * the socket and handed to wsc_assoc_release when the socket goes.
 * Changed under the socket's async lock, each field a word of its own
 * that an operation may read without it (wsc_async_assoc_of): a socket
 * joins one port for good (the key written before the port), and nothing
 * is released before the socket's state goes. */
struct wsc_assoc {
    _Atomic(void *) port;
    _Atomic uintptr_t key;
    _Atomic unsigned modes;
    _Atomic(void *) event;
    /* Until the socket's own event is made: the operations started, and
     * the number of the last that failed at once, so that the event made
     * later shows what Windows' would (reset when an operation starts,
     * set when one completes). */
    _Atomic unsigned started, failed;
};
extern void (*wsc_assoc_release)(struct wsc_assoc *a);

/* Alertable waits (row OV9): the Winsock front end gives the engine the
 * Win32 layer's APC calls, and a blocking call's poll runs the thread's
 * queued APCs and waits on.  watch(wake, arg): 1 when APCs are queued
 * already, else wake(arg) is called (in the queueing thread) when one is,
 * until unwatch; run: runs them, the number run; possible: 1 when an APC
 * can be queued to the calling thread at all. */
struct wsc_alert_ops {
    int (*watch)(void (*wake)(void *arg), void *arg);
    void (*unwatch)(void);
    int (*run)(void);
    int (*possible)(void); /* an APC can be queued to this thread */
};
/* 1 when the calling thread's blocking call is to wait alertably (in a
 * poll), not asleep in the kernel. */
int wsc_alertable_thread(void);
extern _Atomic(const struct wsc_alert_ops *) wsc_alert_ops;
/* Under the socket's async lock: fn(assoc, arg); returns fn's result, or
 * -WSAENOBUFS without memory. */
int wsc_async_assoc(struct wsc_sock *e,
                    int (*fn)(struct wsc_assoc *a, void *arg), void *arg);
/* The association itself, for reading without the lock; NULL without
 * memory. */
struct wsc_assoc *wsc_async_assoc_of(struct wsc_sock *e);

/* ---- netevents.c: WSAEventSelect's records ---------------------------- */
/* Windows' FD_ bits and their number. */
#define WSC_FD_READ 0x01
#define WSC_FD_WRITE 0x02
#define WSC_FD_OOB 0x04
#define WSC_FD_ACCEPT 0x08
#define WSC_FD_CONNECT 0x10
#define WSC_FD_CLOSE 0x20
#define WSC_FD_MAX_EVENTS 10
/* With FD_READ to wsc_netev_reenable: the receive emptied the queue. */
#define WSC_NETEV_DRAINED 0x40000000L
/* Selects mask on the socket (0 ends the selection); notify(ctx) is
 * called when an event is recorded.  The socket becomes non-blocking. */
int wsc_netev_select(struct wsc_sock *e, long mask, void (*notify)(void *),
                     void *ctx);
/* WSAAsyncSelect's form: each event recorded is posted at once with
 * post(ctx, msg, socket, event, code), none is kept for enumeration;
 * what holds is posted again at each selection (but not FD_CONNECT of a
 * socket already connected), more data or another connection is not
 * posted until the re-enabling call, and an unbound UDP socket is
 * writable. */
typedef void (*wsc_netev_post_fn)(void *ctx, unsigned msg, int sock,
                                  long event, int code);
int wsc_netev_select_msg(struct wsc_sock *e, long mask, wsc_netev_post_fn post,
                         void *ctx, unsigned msg);
/* Takes what is recorded and selected: *events, and errors[bit] for each
 * bit taken (the others untouched).  reset(ctx) is called under the lock
 * when ctx is not NULL. */
int wsc_netev_enum(struct wsc_sock *e, long *events, int *errors,
                   void (*reset)(void *), void *ctx);
/* A re-enabling call was made (recv: FD_READ|FD_OOB, send that would
 * block: FD_WRITE, accept: FD_ACCEPT). */
void wsc_netev_reenable(struct wsc_sock *e, long bits);
/* CloseHandle on the socket, not closesocket: under WSAAsyncSelect with
 * FD_CLOSE selected, an FD_CLOSE (code 0) is posted (row EV29). */
void wsc_netev_handle_closed(struct wsc_sock *e);
/* An accepted socket takes its listener's selection. */
void wsc_netev_inherit(struct wsc_sock *listener, struct wsc_sock *e);
/* 1 when a selection is active (cheap). */
static inline int wsc_netev_active(struct wsc_sock *e)
{
    return (wsc_flags(e) & WSC_F_ASELECT) != 0;
}

/* ---- ping.c: one ICMP echo (the IP Helper's IcmpSendEcho) ------------- */
struct wsc_ping {
    const struct sockaddr *dest, *source; /* source: NULL for any */
    socklen_t dest_len, source_len;
    const void *data;
    size_t len;
    int ttl, tos, df; /* ttl, tos: 0 for the system's; df: don't fragment */
    uint32_t timeout_ms;
};
enum wsc_ping_end { WSC_PING_REPLY, WSC_PING_ERROR, WSC_PING_TIMEOUT };
struct wsc_ping_answer {
    enum wsc_ping_end end;
    int type, code;                /* the answering ICMP message's */
    struct sockaddr_storage from;  /* who answered */
    unsigned rtt_ms;
    int ttl, tos, df;              /* of the answer (-1: not known) */
    size_t len;                    /* the echoed bytes copied to buf */
};
/* Sends one echo request and waits for its reply, an error it drew, or
 * the timeout: 0 with *a filled; or a negated WSA code: -WSAEACCES when
 * this process may open no ICMP socket, -WSAENETUNREACH, -WSAEMSGSIZE,
 * ... (the request could not go). */
int wsc_e_ping(const struct wsc_ping *p, void *buf, size_t cap,
               struct wsc_ping_answer *a);
/* An ICMP socket of the family (a ping socket, else a raw one: *raw),
 * or a negated WSA code. */
int wsc_e_ping_socket(int family, int *raw);
/* The family of fd when it is an ICMP socket of wsc_e_ping_socket's,
 * else -1; closes fd. */
int wsc_e_ping_family(int fd);

#endif
