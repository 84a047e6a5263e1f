/* Overlapped Winsock: the calls that take a WSAOVERLAPPED hand their
 * operation to the engine (async.c) and report its end the three ways
 * Windows does: the OVERLAPPED's event (or the socket's own), a
 * completion routine run in the issuing thread's next alertable wait,
 * and a packet on the completion port the socket is associated with.
 * Also WSAGetOverlappedResult, and the hooks through which the Win32
 * layer's CreateIoCompletionPort, CancelIo(Ex), CloseHandle and waits
 * reach a socket. */
#include <stdlib.h>
#include <string.h>
#include "ws.h"
#include "overlapped.h"

/* ---- statuses: one table, read both ways ------------------------------ */

static const struct {
    int wsa;
    DWORD status;
} status_map[] = {
    { WSAECONNABORTED, WSC_STATUS_CONNECTION_ABORTED },
    { WSAECONNRESET, WSC_STATUS_CONNECTION_RESET },
    { WSA_OPERATION_ABORTED, WSC_STATUS_CANCELLED },
    { WSAECONNREFUSED, WSC_STATUS_CONNECTION_REFUSED },
    { WSAEMSGSIZE, WSC_STATUS_BUFFER_OVERFLOW },
    { WSAEFAULT, WSC_STATUS_BUFFER_TOO_SMALL },
    { WSAETIMEDOUT, WSC_STATUS_IO_TIMEOUT },
    { WSAEDISCON, WSC_STATUS_GRACEFUL_DISCONNECT },
    { WSAEOPNOTSUPP, WSC_STATUS_NOT_SUPPORTED },
    { WSAENETUNREACH, WSC_STATUS_NETWORK_UNREACHABLE },
    { WSAEHOSTUNREACH, WSC_STATUS_HOST_UNREACHABLE },
    { WSAENOTCONN, WSC_STATUS_INVALID_CONNECTION },
    { WSAEADDRINUSE, WSC_STATUS_ADDRESS_ALREADY_EXISTS },
    { WSAEACCES, WSC_STATUS_ACCESS_DENIED },
    { WSAENOBUFS, WSC_STATUS_NO_MEMORY },
    { WSAEINVAL, WSC_STATUS_INVALID_PARAMETER },
};
#define NSTATUS (sizeof(status_map) / sizeof(status_map[0]))

/* The statuses no engine result maps to (the engine's disconnects, and
 * what a program may put in Internal itself), and Windows' codes for
 * them. */
static const struct {
    DWORD status;
    int wsa;
} foreign_status[] = {
    { WSC_STATUS_LOCAL_DISCONNECT, WSAECONNABORTED },
    { WSC_STATUS_REMOTE_DISCONNECT, WSAECONNRESET },
    { 0xC0000002u, WSAEOPNOTSUPP },   /* STATUS_NOT_IMPLEMENTED */
    { 0xC0000005u, WSAEFAULT },       /* STATUS_ACCESS_VIOLATION */
    { 0xC0000007u, WSAENOBUFS },      /* STATUS_PAGEFILE_QUOTA */
    { 0xC0000008u, WSAENOTSOCK },     /* STATUS_INVALID_HANDLE */
    { 0xC000000Eu, WSAENETDOWN },     /* STATUS_NO_SUCH_DEVICE */
    { 0xC000000Fu, WSAENETDOWN },     /* STATUS_NO_SUCH_FILE */
    { 0xC0000018u, WSAENOBUFS },      /* STATUS_CONFLICTING_ADDRESSES */
    { 0xC0000024u, WSAENOTSOCK },     /* STATUS_OBJECT_TYPE_MISMATCH */
    { 0xC0000034u, WSAENETDOWN },     /* STATUS_OBJECT_NAME_NOT_FOUND */
    { 0xC000003Au, WSAENETDOWN },     /* STATUS_OBJECT_PATH_NOT_FOUND */
    { 0xC0000043u, WSAEADDRINUSE },   /* STATUS_SHARING_VIOLATION */
    { 0xC0000044u, WSAENOBUFS },      /* STATUS_QUOTA_EXCEEDED */
    { 0xC0000097u, WSAENOBUFS },      /* STATUS_TOO_MANY_PAGING_FILES */
    { 0xC000009Au, WSAENOBUFS },      /* STATUS_INSUFFICIENT_RESOURCES */
    { 0xC00000A1u, WSAENOBUFS },      /* STATUS_WORKING_SET_QUOTA */
    { 0xC00000A3u, WSAEWOULDBLOCK },  /* STATUS_DEVICE_NOT_READY */
    { 0xC00000B0u, WSAESHUTDOWN },    /* STATUS_PIPE_DISCONNECTED */
    { 0xC00000BCu, WSAECONNREFUSED }, /* STATUS_REMOTE_NOT_LISTENING */
    { 0xC00000BEu, WSAENETUNREACH },  /* STATUS_BAD_NETWORK_PATH */
    { 0xC00000BFu, WSAENETDOWN },     /* STATUS_NETWORK_BUSY */
    { 0xC00000C3u, WSAENETDOWN },     /* STATUS_INVALID_NETWORK_RESPONSE */
    { 0xC00000C4u, WSAENETDOWN },     /* STATUS_UNEXPECTED_NETWORK_ERROR */
    { 0xC00000D0u, WSAEWOULDBLOCK },  /* STATUS_REQUEST_NOT_ACCEPTED */
    { 0xC000012Du, WSAENOBUFS },      /* STATUS_COMMITMENT_LIMIT */
    { 0xC000013Du, WSAENOBUFS },      /* STATUS_REMOTE_RESOURCES */
    { 0xC000013Eu, WSAECONNRESET },   /* STATUS_LINK_FAILED */
    { 0xC000013Fu, WSAETIMEDOUT },    /* STATUS_LINK_TIMEOUT */
    { 0xC0000141u, WSAEADDRNOTAVAIL }, /* STATUS_INVALID_ADDRESS */
    { 0xC0000206u, WSAEMSGSIZE },     /* STATUS_INVALID_BUFFER_SIZE */
    { 0xC0000207u, WSAEADDRNOTAVAIL }, /* STATUS_INVALID_ADDRESS_COMPONENT */
    { 0xC0000209u, WSAENOBUFS },      /* STATUS_TOO_MANY_ADDRESSES */
    { 0xC000020Cu, WSAECONNRESET },   /* STATUS_CONNECTION_DISCONNECTED */
    { 0xC000020Fu, WSAECONNABORTED }, /* STATUS_TRANSACTION_ABORTED */
    { 0xC000023Bu, WSAEISCONN },      /* STATUS_CONNECTION_ACTIVE */
    { 0xC000023Eu, WSAENETUNREACH },  /* STATUS_PROTOCOL_UNREACHABLE */
    { 0xC000023Fu, WSAECONNRESET },   /* STATUS_PORT_UNREACHABLE */
    { 0xC0000240u, WSAEINTR },        /* STATUS_REQUEST_ABORTED */
    { 0xC00002C5u, WSAEFAULT },       /* STATUS_DATATYPE_MISALIGNMENT_ERROR */
    { 0xC0000350u, WSAEHOSTDOWN },    /* STATUS_HOST_DOWN */
    { 0x80070000u | WSA_IO_INCOMPLETE, WSA_IO_INCOMPLETE },
    { 0xC0010000u | WSA_IO_INCOMPLETE, WSA_IO_INCOMPLETE },
    { 0xC0070000u | WSA_IO_INCOMPLETE, WSA_IO_INCOMPLETE },
};
#define NFOREIGN (sizeof(foreign_status) / sizeof(foreign_status[0]))

DWORD ws_status_of(long res)
{
    size_t i;

    if (res >= 0)
        return WSC_STATUS_SUCCESS;
    for (i = 0; i < NSTATUS; i++)
        if (status_map[i].wsa == -res)
            return status_map[i].status;
    return WSC_STATUS_INVALID_PARAMETER;
}

/* Windows' WSA code for an operation's status (WSAGetOverlappedResult,
 * completion routines): 0 for success. */
int ws_wsa_of_status(DWORD status)
{
    size_t i;

    if (status == WSC_STATUS_SUCCESS)
        return 0;
    if (status == STATUS_PENDING)
        return WSA_IO_INCOMPLETE;
    /* Mapped as Windows maps them (row OV22, sock.c map_status). */
    for (i = 0; i < NFOREIGN; i++)
        if (foreign_status[i].status == status)
            return foreign_status[i].wsa;
    for (i = 0; i < NSTATUS; i++)
        if (status_map[i].status == status)
            return status_map[i].wsa;
    /* Failures (0xC...) and warnings (0x8...) are errors; success and
     * informational statuses are not. */
    return (status & 0x80000000u) ? WSAEINVAL : 0;
}

/* ---- the socket's association ------------------------------------------ */

/* The socket's own event, which an operation with hEvent NULL resets
 * when it starts and sets when it ends (unless
 * FILE_SKIP_SET_EVENT_ON_HANDLE): made when something first waits on the
 * socket (signalled if nothing is pending, as a socket at rest is), and
 * from then on with the first such operation.  Until a program waits on
 * a socket, no operation resets or sets one (each is a process-wide
 * lock); one pending when the first wait came sets it late. */
static _Atomic int own_events;

struct assoc_copy {
    struct w32_obj *port;
    ULONG_PTR key;
    unsigned modes;
    HANDLE event;
    int want_event;
    int no_event;   /* hEvent NULL: the socket's own event is its event */
    unsigned start_no;
};

static int read_assoc(struct wsc_assoc *a, void *arg)
{
    struct assoc_copy *c = arg;

    if (c->want_event && !a->event &&
        !(a->modes & FILE_SKIP_SET_EVENT_ON_HANDLE))
        a->event = wsc_CreateEventW(NULL, TRUE, FALSE, NULL);
    c->port = a->port;
    if (c->port)
        wsc_w32_ref(c->port);
    c->key = a->key;
    c->modes = a->modes;
    c->event = a->event;
    return 0;
}

static void release_assoc(struct wsc_assoc *a)
{
    if (a->port)
        wsc_w32_put(a->port);
    if (a->event)
        wsc_CloseHandle(a->event);
    memset(a, 0, sizeof(*a));
}

/* ---- delivery ------------------------------------------------------------ */

static DWORD op_bytes(const struct ws_op *op)
{
    if (op->aop.res >= 0)
        return (DWORD)op->aop.res;
    if (op->aop.res == -WSAEMSGSIZE)
        return (DWORD)op->aop.done;
    return 0;
}

void ws_op_free(struct ws_op *op)
{
    if (op->aop.iov != op->aop.iov_inline)
        free(op->aop.iov);
    if (op->port)
        wsc_w32_put(op->port);
    if (op->apc)
        wsc_w32_apc_put(op->apc);
    free(op->owned);
    free(op);
}

static void run_routine(void *arg)
{
    struct ws_op *op = arg;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE cr = op->cr;
    LPWSAOVERLAPPED ov = op->ov;
    DWORD status = (DWORD)ov->Internal, bytes = (DWORD)ov->InternalHigh;

    ws_op_free(op);
    cr((DWORD)ws_wsa_of_status(status), bytes, ov, 0);
}

static int existing_event(struct wsc_assoc *a, void *arg)
{
    if (!(a->modes & FILE_SKIP_SET_EVENT_ON_HANDLE))
        *(HANDLE *)arg = a->event;
    return 0;
}

/* An operation issued before the socket's own event was made ended. */
static void set_own_late(struct ws_op *op)
{
    struct wsc_sock *e = wsc_ref(op->fd);
    HANDLE h = NULL;

    if (!e)
        return;
    if (atomic_load(&e->gen) == op->gen)
        wsc_async_assoc(e, existing_event, &h);
    wsc_release(e);
    if (h)
        wsc_SetEvent(h);
}

/* The operation ended (immediate: inside the call that issued it). */
static void complete(struct ws_op *op, int immediate)
{
    LPWSAOVERLAPPED ov = op->ov;
    DWORD status, bytes;
    HANDLE ev = (HANDLE)((uintptr_t)ov->hEvent & ~(uintptr_t)1);
    int no_packet = ((uintptr_t)ov->hEvent & 1) != 0;

    if (op->finish)
        op->finish(op);
    status = ws_status_of(op->aop.res);
    bytes = op_bytes(op);
    ov->InternalHigh = bytes;
    __atomic_store_n(&ov->Internal, (ULONG_PTR)status, __ATOMIC_RELEASE);
    if (op->cr) {
        if (!wsc_w32_apc_queue(op->apc, run_routine, op))
            ws_op_free(op);
        return;
    }
    if (ev)
        wsc_SetEvent(ev);
    else if (op->event && !(op->modes & FILE_SKIP_SET_EVENT_ON_HANDLE))
        wsc_SetEvent(op->event);
    else if (!op->event && atomic_load(&own_events))
        set_own_late(op);
    if (op->port && !no_packet &&
        !(immediate && status == WSC_STATUS_SUCCESS &&
          (op->modes & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)))
        wsc_w32_port_post(op->port, bytes, op->key, ov, status);
    ws_op_free(op);
}

static void on_done(struct wsc_aop *aop)
{
    complete((struct ws_op *)aop, 0);
}

/* ---- issuing ------------------------------------------------------------- */

struct ws_op *ws_op_new(LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    /* (malloc and an assignment, not calloc, nor a memset gcc makes one:
     * glibc's calloc bypasses the thread's cache and takes the arena's
     * lock, twice an operation.) */
    struct ws_op *op = malloc(sizeof(*op));

    if (!op)
        return NULL;
    *op = (struct ws_op){ .ov = ov, .cr = cr };
    op->aop.iov = op->aop.iov_inline;
    op->aop.acceptor_fd = -1;
    op->aop.done_fn = on_done;
    op->aop.owner = (void *)(uintptr_t)wsc_GetCurrentThreadId();
    return op;
}

/* The caller's WSABUFs, captured: Windows lets the array go once the
 * call returns.  0 or -WSA code. */
int ws_op_bufs(struct ws_op *op, LPWSABUF bufs, DWORD count)
{
    WSABUF b;
    DWORD i;

    if (count == 0 || !bufs)
        return -WSAEINVAL;
    if (wsc_bad_ptr(bufs) || count > 1024)
        return -WSAEFAULT;
    if (count > WSC_AOP_IOV &&
        !(op->aop.iov = calloc(count, sizeof(*op->aop.iov)))) {
        op->aop.iov = op->aop.iov_inline;
        return -WSAENOBUFS;
    }
    op->aop.niov = (int)count;
    for (i = 0; i < count; i++) {
        if (wsc_copy_in(&b, bufs + i, sizeof(b)) ||
            (b.len && wsc_bad_ptr(b.buf)))
            return -WSAEFAULT;
        op->aop.iov[i].iov_base = b.buf;
        op->aop.iov[i].iov_len = b.len;
    }
    return 0;
}

/* Before the socket's own event exists: an operation starts (its number),
 * and one fails at once.  (Plain loads and stores: two threads starting
 * operations on one socket at once may count one; the event then made
 * shows the later's outcome either way.) */
static unsigned own_started(struct wsc_assoc *a)
{
    unsigned n = atomic_load_explicit(&a->started, memory_order_relaxed) + 1;

    atomic_store_explicit(&a->started, n ? n : 1, memory_order_relaxed);
    return n ? n : 1;
}

/* (start_no 0: an operation that failed before it was counted.) */
static void own_failed(struct wsc_sock *e, unsigned start_no)
{
    struct wsc_assoc *a = wsc_async_assoc_of(e);

    if (a && !atomic_load_explicit(&a->event, memory_order_relaxed))
        atomic_store_explicit(&a->failed,
                              start_no ? start_no : own_started(a),
                              memory_order_relaxed);
}

/* The association as an operation takes it: without the lock, unless
 * the socket's own event is to be made now. */
static int copy_assoc(struct wsc_sock *e, struct assoc_copy *c)
{
    struct wsc_assoc *a = wsc_async_assoc_of(e);

    if (!a)
        return -WSAENOBUFS;
    if (c->want_event && !atomic_load_explicit(&a->event, memory_order_acquire) &&
        !(atomic_load_explicit(&a->modes, memory_order_relaxed) &
          FILE_SKIP_SET_EVENT_ON_HANDLE))
        return wsc_async_assoc(e, read_assoc, c);
    c->port = atomic_load_explicit(&a->port, memory_order_acquire);
    if (c->port)
        wsc_w32_ref(c->port);
    c->key = atomic_load_explicit(&a->key, memory_order_relaxed);
    c->modes = atomic_load_explicit(&a->modes, memory_order_relaxed);
    c->event = atomic_load_explicit(&a->event, memory_order_acquire);
    if (!c->event && c->no_event)
        c->start_no = own_started(a);
    return 0;
}

/* Where op's end is reported: the socket's port, key, modes and own
 * event, and the issuing thread for a completion routine.  0, or -WSA. */
static long op_target(struct wsc_sock *e, struct ws_op *op)
{
    struct assoc_copy c = { 0 };

    c.no_event = op->ov->hEvent == NULL;
    c.want_event = c.no_event && atomic_load(&own_events);
    if (copy_assoc(e, &c) < 0)
        return -WSAENOBUFS;
    op->fd = e->fd;
    op->gen = atomic_load(&e->gen);
    op->port = c.port;
    op->key = c.key;
    op->modes = c.modes;
    op->event = c.event;
    op->start_no = c.start_no;
    if (op->cr && !(op->apc = wsc_w32_apc_self()))
        return -WSAENOBUFS;
    return 0;
}

long ws_op_submit(struct wsc_sock *e, struct ws_op *op, LPDWORD count)
{
    LPWSAOVERLAPPED ov = op->ov;
    long r;
    DWORD n;

    /* A completion routine and a completion port do not go together. */
    if ((r = op_target(e, op)) < 0 || (op->cr && op->port)) {
        ws_op_free(op);
        return r < 0 ? r : -WSAEINVAL;
    }
    /* As the I/O manager does when an operation starts. */
    if (ov->hEvent)
        wsc_ResetEvent((HANDLE)((uintptr_t)ov->hEvent & ~(uintptr_t)1));
    else if (op->event && !(op->modes & FILE_SKIP_SET_EVENT_ON_HANDLE))
        wsc_ResetEvent(op->event);
    ov->Internal = STATUS_PENDING;
    if (wsc_async_submit(e, &op->aop) == WSC_AOP_PENDING)
        return -WSA_IO_PENDING;
    r = op->aop.res;
    if (r < 0) {
        if (op->start_no)
            own_failed(e, op->start_no);
        ws_op_free(op);
        return r;
    }
    if (op->finish)
        op->finish(op);
    op->finish = NULL;
    r = op->aop.res;
    n = op_bytes(op);
    if (r >= 0 && count && !wsc_bad_ptr(count))
        wsc_copy_out(count, &n, sizeof(n));
    complete(op, 1);
    return r < 0 ? r : 0;
}

long ws_op_complete_now(struct wsc_sock *e, struct ws_op *op, long res,
                        LPDWORD count, int pend)
{
    DWORD n = res > 0 ? (DWORD)res : 0;
    long r;

    if (res < 0 && !pend) {
        if (!op->ov->hEvent)
            own_failed(e, 0);
        ws_op_free(op);
        return res;
    }
    if ((r = op_target(e, op)) < 0) {
        ws_op_free(op);
        return r;
    }
    op->aop.res = res;
    if (!pend && count && !wsc_bad_ptr(count))
        wsc_copy_out(count, &n, sizeof(n));
    complete(op, !pend);
    return pend ? -WSA_IO_PENDING : 0;
}

/* ---- sockets made without WSA_FLAG_OVERLAPPED ------------------------------ */

/* Windows performs an overlapped call on such a socket synchronously,
 * blocking even in non-blocking mode, then reports it as an immediate
 * completion (row OV5). */
static long wait_ready(struct wsc_sock *e, short events)
{
    int r = wsc_wait(e, events, WSC_FOREVER);

    return r == -WSAEINTR ? wsc_closing_error(e, events == L_POLLIN ? WSC_OP_RECV
                                                                 : WSC_OP_SEND)
                          : r;
}

/* The operation done now by the engine's synchronous calls; until_done:
 * wait for it whatever the socket's mode (row OV5). */
static long run_op(struct wsc_sock *e, struct ws_op *op, int until_done)
{
    struct msghdr m;
    size_t copied = 0;
    long r;

    for (;;) {
        memset(&m, 0, sizeof(m));
        m.msg_iov = op->aop.iov;
        m.msg_iovlen = (size_t)op->aop.niov;
        if (op->aop.kind == WSC_AOP_RECV && op->aop.want_addr) {
            m.msg_name = &op->aop.addr;
            m.msg_namelen = sizeof(op->aop.addr);
        } else if (op->aop.kind == WSC_AOP_SEND && op->aop.addrlen) {
            m.msg_name = &op->aop.addr;
            m.msg_namelen = op->aop.addrlen;
        }
        m.msg_control = op->aop.control;
        m.msg_controllen = op->aop.control ? op->aop.controllen : 0;
        r = op->aop.kind == WSC_AOP_RECV
                ? wsc_e_recvmsg(e, &m, op->aop.flags, &copied)
                : wsc_e_sendmsg(e, &m, op->aop.flags);
        if (r != -WSAEWOULDBLOCK || !until_done)
            break;
        if ((r = wait_ready(e, op->aop.kind == WSC_AOP_RECV ? L_POLLIN : L_POLLOUT)))
            return r;
    }
    if (op->aop.kind == WSC_AOP_RECV) {
        if (op->aop.want_addr)
            op->aop.addrlen = m.msg_namelen;
        if (op->aop.control)
            op->aop.controllen = m.msg_controllen;
        op->aop.flags = m.msg_flags;
    }
    if (r == -WSAEMSGSIZE)
        op->aop.done = copied;
    return r;
}

long ws_op_now(struct wsc_sock *e, struct ws_op *op, LPDWORD count)
{
    DWORD n;
    long r;

    op->aop.res = r = run_op(e, op, 0);
    if (r >= 0)
        op->aop.done = (size_t)r;
    if ((r >= 0 || r == -WSAEMSGSIZE) && op->finish)
        op->finish(op);
    r = op->aop.res;
    n = r > 0 ? (DWORD)r : 0;
    if (r >= 0 && count && !wsc_bad_ptr(count))
        wsc_copy_out(count, &n, sizeof(n));
    ws_op_free(op);
    return r < 0 ? r : 0;
}

long ws_op_issue(struct wsc_sock *e, struct ws_op *op, LPDWORD count)
{
    if (!(wsc_flags(e) & WSC_F_NOOVERLAP))
        return ws_op_submit(e, op, count);
    op->aop.res = run_op(e, op, 1);
    if (op->aop.res < 0 && op->aop.res != -WSAEMSGSIZE) {
        long r = op->aop.res;

        ws_op_free(op);
        return r;
    }
    return ws_op_complete_now(e, op, op->aop.res, count, 0);
}

/* ---- WSARecv, WSASend and their address forms --------------------------- */

static long overlapped_recv(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                            LPDWORD received, LPDWORD flags,
                            struct sockaddr *from, LPINT fromlen,
                            LPWSAOVERLAPPED ov,
                            LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct ws_op *op;
    DWORD fl = 0;
    long r;

    if (wsc_bad_ptr(ov) || wsc_bad_ptr(flags) ||
        wsc_copy_in(&fl, flags, sizeof(fl)))
        return -WSAEFAULT;
    if (fl & ~(DWORD)(MSG_OOB | MSG_PEEK))
        return -WSAEOPNOTSUPP;
    if (e->type != SOCK_STREAM && !wsc_e_known_bound(e))
        return -WSAEINVAL;
    if (wsc_flags(e) & WSC_F_SHUT_RECV)
        return -WSAESHUTDOWN;
    if (!(op = ws_op_new(ov, cr)))
        return -WSAENOBUFS;
    if ((r = ws_op_bufs(op, bufs, count)) < 0) {
        ws_op_free(op);
        return r;
    }
    op->aop.kind = WSC_AOP_RECV;
    op->aop.flags = (fl & MSG_OOB ? L_MSG_OOB : 0) |
                    (fl & MSG_PEEK ? L_MSG_PEEK : 0);
    if (from && fromlen && e->type != SOCK_STREAM) {
        op->aop.want_addr = 1;
        op->from = from;
        op->fromlen = fromlen;
        op->finish = ws_finish_from;
    }
    r = ws_op_issue(e, op, received);
    if (r == 0 || r == -WSA_IO_PENDING) {
        fl = 0;
        wsc_copy_out(flags, &fl, sizeof(fl));
    }
    /* A receive left pending took all there was (the next data makes an
     * edge); one done at once may have left some. */
    if (wsc_netev_active(e))
        wsc_netev_reenable(e, WSC_FD_READ | WSC_FD_OOB |
                                  (r == -WSA_IO_PENDING ? WSC_NETEV_DRAINED
                                                        : 0));
    return r;
}

/* A datagram's source out to the caller's buffer (which must outlive the
 * operation, as on Windows). */
void ws_finish_from(struct ws_op *op)
{
    int len;

    if (op->aop.res < 0 && op->aop.res != -WSAEMSGSIZE)
        return;
    if (wsc_copy_in(&len, op->fromlen, sizeof(len)) == 0 && len > 0) {
        if ((socklen_t)len > op->aop.addrlen)
            len = (int)op->aop.addrlen;
        wsc_copy_out(op->from, &op->aop.addr, (size_t)len);
        len = (int)op->aop.addrlen;
        wsc_copy_out(op->fromlen, &len, sizeof(len));
    }
}

static long overlapped_send(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                            LPDWORD sent, DWORD flags,
                            const struct sockaddr *to, int tolen,
                            LPWSAOVERLAPPED ov,
                            LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct ws_op *op;
    long r;

    if (wsc_bad_ptr(ov))
        return -WSAEFAULT;
    if (flags & ~(DWORD)(MSG_OOB | MSG_DONTROUTE))
        return -WSAEOPNOTSUPP;
    if (e->type == SOCK_STREAM && !wsc_e_has_peer(e))
        return -WSAENOTCONN;
    if (!(op = ws_op_new(ov, cr)))
        return -WSAENOBUFS;
    if ((r = ws_op_bufs(op, bufs, count)) < 0) {
        ws_op_free(op);
        return r;
    }
    op->aop.kind = WSC_AOP_SEND;
    op->aop.flags = flags & MSG_OOB ? L_MSG_OOB : 0;
    if (to && e->type != SOCK_STREAM) {
        if (wsc_bad_ptr(to) || tolen < (int)sizeof(struct sockaddr) ||
            wsc_copy_addr(&op->aop.addr, to, (size_t)tolen)) {
            ws_op_free(op);
            return -WSAEFAULT;
        }
        op->aop.addrlen = (socklen_t)tolen;
    } else if (e->type != SOCK_STREAM &&
               !(wsc_flags(e) & WSC_F_CONNECTED)) {
        ws_op_free(op);
        return -WSAENOTCONN;
    }
    return ws_op_issue(e, op, sent);
}

/* Issuing never blocks (except on a socket made without
 * WSA_FLAG_OVERLAPPED), so closesocket on another thread meanwhile is no
 * close with a call in flight. */
long ws_overlapped_recv(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                        LPDWORD received, LPDWORD flags,
                        struct sockaddr *from, LPINT fromlen,
                        LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    int mark = !(wsc_flags(e) & WSC_F_NOOVERLAP);
    long r;

    if (mark)
        wsc_async_call_begin(e);
    r = overlapped_recv(e, bufs, count, received, flags, from, fromlen, ov,
                        cr);
    if (mark)
        wsc_async_call_end(e);
    return r;
}

long ws_overlapped_send(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                        LPDWORD sent, DWORD flags, const struct sockaddr *to,
                        int tolen, LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    int mark = !(wsc_flags(e) & WSC_F_NOOVERLAP);
    long r;

    if (mark)
        wsc_async_call_begin(e);
    r = overlapped_send(e, bufs, count, sent, flags, to, tolen, ov, cr);
    if (mark)
        wsc_async_call_end(e);
    return r;
}

/* ---- WSAGetOverlappedResult ----------------------------------------------- */

/* Waits (not alertably) until the operation is no longer pending.  On
 * the socket's own event, which operations issued before it existed do
 * not set, the wait looks again every few milliseconds. */
static void wait_done(HANDLE sockh, LPWSAOVERLAPPED ov)
{
    HANDLE ev = (HANDLE)((uintptr_t)ov->hEvent & ~(uintptr_t)1);

    /* One wait on the caller's event, as Windows: an event set while the
     * status is still pending ends it, with no other wait (row OV25).
     * The socket's own event, which operations issued before it existed
     * do not set, is looked at again every few ms. */
    if (ev) {
        if (__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE) == STATUS_PENDING)
            wsc_WaitForSingleObject(ev, INFINITE);
        return;
    }
    while (__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE) == STATUS_PENDING) {
        HANDLE h = ws_socket_event(sockh);

        if (!h || wsc_WaitForSingleObject(h, 10) == WAIT_FAILED)
            break;
    }
}

BOOL wsc_WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes,
                               BOOL wait, LPDWORD flags)
{
    struct wsc_sock *e = wsc_enter(s);
    DWORD status, n, fl = 0;
    int code;

    if (!e)
        return FALSE;
    if (wsc_bad_ptr(ov)) {
        wsc_leave(e, -WSAEFAULT);
        return FALSE;
    }
    if (wait)
        wait_done((HANDLE)s, ov);
    status = (DWORD)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
    /* Without a wait, pending is WSA_IO_INCOMPLETE; after its one wait
     * Windows maps what it finds, and STATUS_PENDING is a success there:
     * TRUE, ERROR_IO_PENDING (row OV25). */
    if (status == STATUS_PENDING && !wait) {
        wsc_leave(e, -WSA_IO_INCOMPLETE);
        return FALSE;
    }
    n = (DWORD)ov->InternalHigh;
    if ((!wsc_bad_ptr(bytes) && wsc_copy_out(bytes, &n, sizeof(n))) ||
        (!wsc_bad_ptr(flags) && wsc_copy_out(flags, &fl, sizeof(fl)))) {
        wsc_leave(e, -WSAEFAULT);
        return FALSE;
    }
    if (status == STATUS_PENDING) {
        wsc_leave(e, -WSA_IO_PENDING);
        return TRUE;
    }
    code = ws_wsa_of_status(status);
    wsc_leave(e, code ? -code : 0);
    return code ? FALSE : TRUE;
}

/* ---- the Win32 layer's view of a socket ----------------------------------- */

static int set_port(struct wsc_assoc *a, void *arg)
{
    struct assoc_copy *c = arg;

    if (a->port && a->port != c->port)
        return -WSAEINVAL;
    if (!a->port) {
        wsc_w32_ref(c->port);
        a->key = c->key; /* (before the port: read without the lock) */
        a->port = c->port;
    }
    return 0;
}

/* An operation issued before the association reports to the port too. */
static void adopt_port(struct wsc_aop *aop, void *arg)
{
    struct ws_op *op = (struct ws_op *)aop;
    struct assoc_copy *c = arg;

    if (!op->port && !op->cr) {
        op->port = wsc_w32_ref(c->port);
        op->key = c->key;
    }
}

static DWORD sock_associate(HANDLE h, struct w32_obj *port, ULONG_PTR key)
{
    struct wsc_sock *e = wsc_ref((int)(uintptr_t)h);
    struct assoc_copy c = { .port = port, .key = key };
    int r;

    if (!e)
        return ERROR_INVALID_HANDLE;
    r = wsc_async_assoc(e, set_port, &c);
    if (r == 0)
        wsc_async_each_pending(e, adopt_port, &c);
    wsc_release(e);
    return r < 0 ? ERROR_INVALID_PARAMETER : 0;
}

struct cancel_arg {
    LPOVERLAPPED ov;
    void *owner;
};

static int match_cancel(struct wsc_aop *aop, void *arg)
{
    struct cancel_arg *c = arg;
    struct ws_op *op = (struct ws_op *)aop;

    if (c->ov)
        return op->ov == c->ov;
    return !c->owner || aop->owner == c->owner;
}

static DWORD sock_cancel(HANDLE h, LPOVERLAPPED ov, BOOL any_thread)
{
    struct wsc_sock *e = wsc_ref((int)(uintptr_t)h);
    struct cancel_arg c = { ov, NULL };
    int n;

    if (!e)
        return ERROR_INVALID_HANDLE;
    if (!any_thread)
        c.owner = (void *)(uintptr_t)wsc_GetCurrentThreadId();
    n = wsc_async_cancel(e, match_cancel, &c);
    wsc_release(e);
    /* CancelIo succeeds with nothing to cancel; CancelIoEx does not. */
    return n || !any_thread ? 0 : ERROR_NOT_FOUND;
}

static int set_modes(struct wsc_assoc *a, void *arg)
{
    a->modes |= *(unsigned *)arg;
    return 0;
}

static DWORD sock_set_modes(HANDLE h, UCHAR flags)
{
    struct wsc_sock *e = wsc_ref((int)(uintptr_t)h);
    unsigned m = flags;

    if (!e)
        return ERROR_INVALID_HANDLE;
    if (m & ~(unsigned)(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                        FILE_SKIP_SET_EVENT_ON_HANDLE)) {
        wsc_release(e);
        return ERROR_INVALID_PARAMETER;
    }
    wsc_async_assoc(e, set_modes, &m);
    wsc_release(e);
    return 0;
}

/* CloseHandle on a socket: closesocket, after the FD_CLOSE a window
 * selected for it gets then (row EV29). */
static DWORD sock_close(HANDLE h)
{
    SOCKET s = (SOCKET)(uintptr_t)h;
    struct wsc_sock *e = wsc_enter(s);

    if (e) {
        wsc_netev_handle_closed(e);
        wsc_leave(e, 0);
    }
    return ws_closesocket(s) == 0 ? 0 : ERROR_INVALID_HANDLE;
}

struct event_arg {
    HANDLE event;
    int idle, made;
};

static int get_event(struct wsc_assoc *a, void *arg)
{
    struct event_arg *ea = arg;

    if (!a->event) {
        /* Signalled if nothing is pending and the last operation did not
         * fail at once (Windows reset it as that one started); made, for
         * the caller's second look, unless that failure is what it shows. */
        unsigned started = a->started;
        int failed_last = started && a->failed == started;
        int skip = (a->modes & FILE_SKIP_SET_EVENT_ON_HANDLE) != 0;

        a->event = wsc_CreateEventW(NULL, TRUE,
                                    ea->idle && !skip && !failed_last, NULL);
        ea->made = !skip && !(ea->idle && failed_last);
    }
    ea->event = a->event;
    return 0;
}

HANDLE ws_socket_event(HANDLE h)
{
    struct wsc_sock *e = wsc_ref((int)(uintptr_t)h);
    struct event_arg ea = { NULL, 0, 0 };

    if (!e)
        return NULL;
    if (!atomic_load(&own_events))
        atomic_store(&own_events, 1);
    ea.idle = wsc_async_pending(e) == 0;
    wsc_async_assoc(e, get_event, &ea);
    /* What ended between the look and the event's making set nothing. */
    if (ea.made && ea.event && wsc_async_pending(e) == 0)
        wsc_SetEvent(ea.event);
    wsc_release(e);
    return ea.event;
}

static const struct wsc_w32_sockops sockops = {
    sock_associate, sock_cancel, sock_set_modes, sock_close, ws_socket_event,
    wsc_async_poll_begin, wsc_async_poll, wsc_async_poll_kick,
    wsc_async_poll_end, wsc_async_poll_return,
};

static const struct wsc_alert_ops alert_ops = {
    wsc_w32_apc_watch, wsc_w32_apc_unwatch, wsc_w32_apc_run,
    wsc_w32_apc_possible,
};

void ws_overlapped_init(void)
{
    wsc_assoc_release = release_assoc;
    atomic_store(&wsc_alert_ops, &alert_ops);
    wsc_w32_set_sockops(&sockops);
}
