/* The Winsock front end's overlapped operations (overlapped.c), shared
 * with the extension functions (mswsock.c) and the socket ioctls. */
#ifndef WSC_WS_OVERLAPPED_H
#define WSC_WS_OVERLAPPED_H

#include "w32async.h"

/* One overlapped operation: the engine's record first, then how its end
 * is reported. */
struct ws_op {
    struct wsc_aop aop;
    LPWSAOVERLAPPED ov;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE cr;
    struct w32_apc_target *apc; /* the issuing thread, for cr */
    struct w32_obj *port;       /* a reference, or NULL */
    ULONG_PTR key;
    unsigned modes;             /* FILE_SKIP_ */
    HANDLE event;               /* the socket's own event */
    int fd;                     /* the socket, for an own event made */
    unsigned gen;               /* while the operation was pending */
    unsigned start_no;          /* wsc_assoc.started's, 0: none counted */
    /* Called once the engine is done, before the result is published
     * (copying out addresses); may change aop.res. */
    void (*finish)(struct ws_op *op);
    struct sockaddr *from;      /* WSARecvFrom's */
    LPINT fromlen;
    /* AcceptEx */
    char *abuf;
    DWORD rxlen, llen, rlen;
    /* WSARecvMsg: the caller's message, updated at the end */
    LPWSAMSG msg;
    void *owned;                /* freed with the operation */
};

/* A new operation for ov (NULL without memory). */
struct ws_op *ws_op_new(LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr);
void ws_op_free(struct ws_op *op);
/* Captures the caller's WSABUFs: 0 or -WSA code. */
int ws_op_bufs(struct ws_op *op, LPWSABUF bufs, DWORD count);
/* Issues op on e, which takes it over: 0 when it finished at once
 * (reported as Windows reports an immediate success, *count set),
 * -WSA_IO_PENDING, or the -WSA code of an immediate failure (nothing
 * reported). */
long ws_op_submit(struct wsc_sock *e, struct ws_op *op, LPDWORD count);
/* The same, or on a socket made without WSA_FLAG_OVERLAPPED the
 * operation done synchronously and reported as done at once (row OV5). */
long ws_op_issue(struct wsc_sock *e, struct ws_op *op, LPDWORD count);
/* The call without an OVERLAPPED: done now as recv or send would do it
 * (blocking by the socket's mode), op freed; 0 or -WSA code. */
long ws_op_now(struct wsc_sock *e, struct ws_op *op, LPDWORD count);
/* WSARecvMsg, which WSAIoctl hands out (msg.c). */
int PASCAL ws_recvmsg_ext(SOCKET s, LPWSAMSG msg, LPDWORD received,
                          LPWSAOVERLAPPED ov,
                          LPWSAOVERLAPPED_COMPLETION_ROUTINE cr);
/* Reports an operation that needs no engine work (a synchronous ioctl
 * with an OVERLAPPED): res is its result.  pend: report it as one that
 * went pending (returns -WSA_IO_PENDING), as Windows does for some. */
long ws_op_complete_now(struct wsc_sock *e, struct ws_op *op, long res,
                        LPDWORD count, int pend);

long ws_overlapped_recv(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                        LPDWORD received, LPDWORD flags,
                        struct sockaddr *from, LPINT fromlen,
                        LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr);
long ws_overlapped_send(struct wsc_sock *e, LPWSABUF bufs, DWORD count,
                        LPDWORD sent, DWORD flags, const struct sockaddr *to,
                        int tolen, LPWSAOVERLAPPED ov,
                        LPWSAOVERLAPPED_COMPLETION_ROUTINE cr);
void ws_finish_from(struct ws_op *op);

/* NTSTATUS of an engine result, and the WSA code of a status. */
DWORD ws_status_of(long res);
int ws_wsa_of_status(DWORD status);
/* The socket's own event (signalled by completions with hEvent NULL). */
HANDLE ws_socket_event(HANDLE h);
/* Installs the hooks (WSAStartup). */
void ws_overlapped_init(void);

#endif
