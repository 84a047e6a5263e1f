/* The direct path of plain send and recv, inlined into the front ends:
 * the flags word read once before the kernel call (and once after, on a
 * receive), errno read only on failure (by the general half), no msghdr,
 * and one atomic pair with the reference the caller took
 * (wsc_ref_flags).  Whatever is not
 * the plain case (a state to report, a timeout, a short or failed call)
 * goes on in the engine's general path from where it stopped, with the
 * same results as wsc_e_recvmsg and wsc_e_sendmsg. */
#ifndef WSC_DIRECT_H
#define WSC_DIRECT_H

#include <errno.h>
#include "engine.h"
#include "os.h"

/* The flags that keep a receive or a send off the direct path. */
_Static_assert((int)WSC_F_NONBLOCK == (int)MSG_DONTWAIT,
               "the direct receive passes the blocking mode as it is");

/* A direct call's arguments put in a, in the frame, before the kernel
 * call: the general half reads them there (wsc_direct_args), and the
 * direct path keeps none in a register the call must preserve.  Flags
 * known at compile time (the source API's 0) are stored only on the way
 * to the general half (WSC_ARGS_REST). */
#define WSC_ARGS_SET(a, b, l, fl)                                        \
    do {                                                                 \
        (a).buf = (void *)(b);                                           \
        (a).len = (l);                                                   \
        if (__builtin_constant_p(fl)) {                                  \
            __asm__ volatile("" : : "m"((a).buf), "m"((a).len));         \
        } else {                                                         \
            (a).flags = (fl);                                            \
            __asm__ volatile("" : : "m"(a));                             \
        }                                                                \
    } while (0)
#define WSC_ARGS_REST(a, fl)                                             \
    ({                                                                   \
        if (__builtin_constant_p(fl))                                    \
            (a).flags = (fl);                                            \
        &(a);                                                            \
    })

#define WSC_RECV_NOT_DIRECT (WSC_F_ABORTED | WSC_F_RESET_AFTER_FIN | \
                             WSC_F_RESET | WSC_F_SHUT_RECV | WSC_F_RCVTIMEO | \
                             WSC_F_CONNECTING)
#define WSC_SEND_NOT_DIRECT (WSC_F_ABORTED | WSC_F_SHUT_SEND | WSC_F_RESET | \
                             WSC_F_RESET_AFTER_FIN | WSC_F_QUEUED | \
                             WSC_F_CONNECTING)

/* recv on a stream socket, len > 0; flags: Linux MSG_*, not MSG_WAITALL.
 * The caller holds 1 + WSC_RECV_UNIT, which the call drops. */
static inline long wsc_e_recv(struct wsc_sock *e, void *buf, size_t len,
                              int flags)
{
    struct wsc_direct_args a;
    uint32_t f = atomic_load_explicit(&e->s->flags, memory_order_relaxed);
    ssize_t n;

    if (__builtin_expect(f & WSC_RECV_NOT_DIRECT, 0))
        return wsc_e_recv_untried(e, buf, len, flags);
    WSC_ARGS_SET(a, buf, len, flags);
    n = wsc_os.recv(e->fd, buf, len, flags | (int)(f & WSC_F_NONBLOCK));
    if (__builtin_expect(n <= 0, 0))
        return wsc_e_recv_rest(e, WSC_ARGS_REST(a, flags), n);
    /* shutdown(SD_RECEIVE) meanwhile: the watcher waits for this call;
     * under a selection, the receive re-enables FD_READ.  (e->s read
     * again: cheaper than a register kept across the call.) */
    if (__builtin_expect(atomic_load_explicit(&e->s->flags,
                                              memory_order_relaxed) &
                         (WSC_F_SHUT_RECV | WSC_F_ASELECT), 0))
        return wsc_e_recv_selected(e, WSC_ARGS_REST(a, flags), n);
    return wsc_release_direct(e, 1 + WSC_RECV_UNIT, (long)n);
}

/* A datagram receive also leaves the direct path for a port unreachable
 * to ignore (SIO_UDP_CONNRESET FALSE) or a socket not known to be bound
 * (Windows: WSAEINVAL). */
#define WSC_DGRAM_RECV_NOT_DIRECT (WSC_RECV_NOT_DIRECT | WSC_F_NO_CONNRESET)

/* recv or recvfrom on a datagram socket, len > 0, no flags; from and
 * fromlen (NULL: no address wanted) go to the kernel as they are.  A
 * datagram longer than the buffer fills it and is WSAEMSGSIZE, as on
 * Windows (under MSG_TRUNC Linux tells the datagram's length).  The
 * caller holds 1 + WSC_RECV_UNIT, which the call drops, except on
 * WSC_E_NOT_DIRECT: not tried, for the general path. */
static inline long wsc_e_recv_dgram(struct wsc_sock *e, void *buf, size_t len,
                                    struct sockaddr *from, socklen_t *fromlen)
{
    uint32_t f = atomic_load_explicit(&e->s->flags, memory_order_relaxed);
    ssize_t n;

    if (__builtin_expect((f & (WSC_DGRAM_RECV_NOT_DIRECT | WSC_F_BOUND)) !=
                         WSC_F_BOUND, 0))
        return WSC_E_NOT_DIRECT;
    /* A signal's EINTR is retried here, where the call would go on: the
     * general half would try again without the address. */
    do
        n = wsc_os.recvfrom(e->fd, buf, len,
                            MSG_TRUNC | (int)(f & WSC_F_NONBLOCK), from,
                            fromlen);
    while (__builtin_expect(n < 0 && errno == EINTR, 0) &&
           (!wsc_posix_mode || wsc_signal_restarts()));
    if (__builtin_expect(n <= 0, 0)) {
        struct wsc_direct_args a = { buf, len, 0 };

        return wsc_e_recv_rest(e, &a, n);
    }
    return wsc_release_direct(e, 1 + WSC_RECV_UNIT,
                              (size_t)n > len ? -WSAEMSGSIZE : (long)n);
}

/* send on a stream socket (the number's WSC_H_STREAM, which the caller
 * tested); flags: Linux MSG_*.  The caller holds 1, which the call drops.
 * A socket's first send is the general path's, which clears
 * WSC_F_UNSENT; a failure or a short count (n != len: a negative n too)
 * goes on there. */
static inline long wsc_e_send(struct wsc_sock *e, const void *buf,
                              size_t len, int flags)
{
    struct wsc_direct_args a;
    ssize_t n;

    /* (A length past SSIZE_MAX could equal a failure's -1; the source
     * API's int length cannot, and the compiler drops the test.) */
    if (__builtin_expect((atomic_load_explicit(&e->s->flags,
                                               memory_order_relaxed) &
                          (WSC_SEND_NOT_DIRECT | WSC_F_UNSENT)) ||
                         (ssize_t)len < 0, 0))
        return wsc_e_send_untried(e, buf, len, flags);
    WSC_ARGS_SET(a, buf, len, flags);
    n = wsc_os.send(e->fd, buf, len, flags | MSG_NOSIGNAL | MSG_DONTWAIT);
    if (__builtin_expect((size_t)n != a.len, 0))
        return wsc_e_send_rest(e, WSC_ARGS_REST(a, flags), n);
    if (n < 0)
        __builtin_unreachable();
    return wsc_release_direct(e, 1, (long)n);
}

/* sendto with an address on a datagram socket, which the kernel reads
 * itself; flags: Linux MSG_*.  The caller holds 1, which the call drops
 * on success; a failure sent nothing and is WSC_E_NOT_DIRECT, the
 * reference kept, for the general path to make the call again (it waits
 * for room, and tries again after a port unreachable, as Windows sends
 * on). */
static inline long wsc_e_sendto(struct wsc_sock *e, const void *buf,
                                size_t len, int flags,
                                const struct sockaddr *to, socklen_t tolen)
{
    uint32_t f = atomic_load_explicit(&e->s->flags, memory_order_relaxed);
    ssize_t n;

    if (__builtin_expect(f & (WSC_SEND_NOT_DIRECT | WSC_F_UNSENT), 0))
        return WSC_E_NOT_DIRECT;
    n = wsc_os.sendto(e->fd, buf, len, flags | MSG_NOSIGNAL | MSG_DONTWAIT,
                      to, tolen);
    if (__builtin_expect(n < 0, 0))
        return WSC_E_NOT_DIRECT;
    return wsc_release_direct(e, 1, (long)n);
}

#endif
