/* The asynchronous engine's per-socket state (engine-private): the FIFOs
 * of pending operations, the reactor registration, the network events of
 * WSAEventSelect, and the front end's association (completion port). */
#ifndef WSC_ASYNC_H
#define WSC_ASYNC_H

#include "engine.h"

struct wsc_async {
    pthread_mutex_t lock;
    struct wsc_aop *rq, *rq_tail; /* receives; accepts on a listener */
    struct wsc_aop *wq, *wq_tail; /* sends and connects */
    struct wsc_aop *nq, *nq_tail; /* notifications (WSC_AOP_NOTIFY) */
    struct wsc_ksock *ks;         /* whose state this is */
    int reg_fd;                   /* registered with the reactor as */
    unsigned reg_gen, reg_epoch;
    uint32_t reg_events;          /* ... for these (watch_events) */
    struct wsc_assoc assoc;
    /* WSAEventSelect: the selection, what is recorded and not yet
     * enumerated, what waits for its re-enabling call, and the codes. */
    long ev_mask, ev_recorded, ev_disabled;
    int ev_err[WSC_FD_MAX_EVENTS];
    int ev_avail;                 /* bytes readable at the last FD_READ */
    unsigned ev_recv_epoch;       /* wsc_async_epoch at the last receive */
    void (*ev_notify)(void *ctx);
    void *ev_ctx;
    /* WSAAsyncSelect instead (message mode): each event recorded is
     * posted at once, ev_post(ev_ctx, ev_msg, socket, event, code). */
    wsc_netev_post_fn ev_post;
    unsigned ev_msg;
    /* AcceptEx: the operation accepting into this socket, on listener. */
    struct wsc_aop *accepting;
    int accepting_fd;
    unsigned accepting_gen;
};

/* The socket's async state, created on first use; NULL without memory. */
struct wsc_async *wsc_async_of(struct wsc_sock *e);
/* The state if it exists (no allocation). */
static inline struct wsc_async *wsc_async_peek(struct wsc_sock *e)
{
    return atomic_load_explicit(&e->s->async, memory_order_acquire);
}
/* The reactor's look number now (a receive records it). */
unsigned wsc_async_epoch(void);
/* Under a->lock: make sure the reactor watches the socket. */
int wsc_async_watch(struct wsc_sock *e, struct wsc_async *a);
/* Under a->lock, after the reactor saw readiness or a re-enabling call:
 * record the network events whose conditions hold (netevents.c).
 * edge: the reactor's wake-up, which may report new data again (2: and
 * no receive took data since its report began); revents: the readiness
 * it reported, or -1 to look. */
/* Under from's lock: to takes from's selection, either mode. */
void wsc_netev_copy(struct wsc_async *from, struct wsc_sock *to);
void wsc_netev_check(struct wsc_sock *e, struct wsc_async *a, int edge,
                     int revents);

#endif
