/* What the Win32 baseline offers the asynchronous layers above it:
 * completion ports to post packets to, APC queues for completion
 * routines, the NTSTATUS of an OVERLAPPED, and the hooks through which a
 * socket (a number, not in this layer's handle table) takes part in the
 * Win32 calls that accept any handle. */
#ifndef WSC_W32ASYNC_H
#define WSC_W32ASYNC_H

#include <stdint.h>
#include "windows.h"

/* NTSTATUS values an OVERLAPPED's Internal holds (STATUS_PENDING and
 * STATUS_TIMEOUT are in the public header). */
#define WSC_STATUS_SUCCESS 0x00000000u
#define WSC_STATUS_BUFFER_OVERFLOW 0x80000005u
#define WSC_STATUS_NOT_SUPPORTED 0xC00000BBu
#define WSC_STATUS_INVALID_PARAMETER 0xC000000Du
#define WSC_STATUS_BUFFER_TOO_SMALL 0xC0000023u
#define WSC_STATUS_CANCELLED 0xC0000120u
#define WSC_STATUS_LOCAL_DISCONNECT 0xC000013Bu
#define WSC_STATUS_REMOTE_DISCONNECT 0xC000013Cu
#define WSC_STATUS_CONNECTION_REFUSED 0xC0000236u
#define WSC_STATUS_GRACEFUL_DISCONNECT 0xC0000237u
#define WSC_STATUS_CONNECTION_RESET 0xC000020Du
#define WSC_STATUS_CONNECTION_ABORTED 0xC0000241u
#define WSC_STATUS_NETWORK_UNREACHABLE 0xC000023Cu
#define WSC_STATUS_HOST_UNREACHABLE 0xC000023Du
#define WSC_STATUS_IO_TIMEOUT 0xC00000B5u
#define WSC_STATUS_INVALID_CONNECTION 0xC0000140u
#define WSC_STATUS_ADDRESS_ALREADY_EXISTS 0xC000020Au
#define WSC_STATUS_ACCESS_DENIED 0xC0000022u
#define WSC_STATUS_NO_MEMORY 0xC0000017u

/* The Win32 error of an NTSTATUS (what GetLastError shows after a failed
 * GetOverlappedResult or GetQueuedCompletionStatus): 64 for a reset,
 * 1236 for a local abort, 995 for a cancel, 1225 for a refusal, ... */
DWORD wsc_w32_status_error(DWORD status);

/* ---- completion ports ------------------------------------------------ */
struct w32_obj;
/* A reference on the completion port behind h, or NULL (last error
 * ERROR_INVALID_HANDLE) when h is not one. */
struct w32_obj *wsc_w32_port_get(HANDLE h);
/* Queues a packet: GetQueuedCompletionStatus returns bytes, key and ov,
 * and TRUE when status is WSC_STATUS_SUCCESS, else FALSE with the last
 * error wsc_w32_status_error(status).  FALSE if the port is closed. */
BOOL wsc_w32_port_post(struct w32_obj *port, DWORD bytes, ULONG_PTR key,
                       LPOVERLAPPED ov, DWORD status);
/* Drops a reference (handle.h's wsc_w32_put). */
void wsc_w32_put(struct w32_obj *o);
/* Takes another reference and returns o: what sockops->associate keeps
 * on the port it is given (handle.h's wsc_w32_ref). */
struct w32_obj *wsc_w32_ref(struct w32_obj *o);

/* ---- APCs: completion routines run in the issuing thread's alertable
 * waits (SleepEx, WaitFor*Ex, GetQueuedCompletionStatusEx, and
 * WSAWaitForMultipleEvents with fAlertable) ---------------------------- */
struct w32_apc_target;
/* The calling thread as the target of later APCs, with a reference: it
 * stays valid after the thread exits (APCs queued then are dropped). */
struct w32_apc_target *wsc_w32_apc_self(void);
void wsc_w32_apc_put(struct w32_apc_target *t);
/* Queues fn(arg) for the target thread's next alertable wait, which
 * returns WAIT_IO_COMPLETION after running it.  FALSE when the thread has
 * exited: the caller keeps arg. */
BOOL wsc_w32_apc_queue(struct w32_apc_target *t, void (*fn)(void *arg),
                       void *arg);
/* Runs the calling thread's queued APCs now; the number run (for the
 * alertable blocking socket calls). */
int wsc_w32_apc_run(void);
/* For a wait outside this layer (a blocking socket call, OV9): until
 * wsc_w32_apc_unwatch, an APC queued to the calling thread also calls
 * wake(arg), in the queueing thread, to interrupt the wait (write to an
 * eventfd the wait polls, say).  1 when APCs are queued already: run them
 * instead of waiting.  One watch per thread at a time. */
int wsc_w32_apc_watch(void (*wake)(void *arg), void *arg);
/* Ends the watch: wake is not running, and is not called after this. */
void wsc_w32_apc_unwatch(void);
/* 1 when an APC can be queued to the calling thread (it has a target:
 * made by CreateThread, or by a queue or an alertable wait of its own). */
int wsc_w32_apc_possible(void);

/* A new descriptor of a file handle's open file (TransmitFile), which
 * the caller closes; -1 (last error set) when h is not a file. */
int wsc_w32_file_dup(HANDLE h);
/* A file handle that owns fd (an ICMP handle's socket: IcmpCreateFile);
 * INVALID_HANDLE_VALUE (fd closed, last error set) when none can be
 * made. */
HANDLE wsc_w32_file_adopt(int fd);

/* ---- sockets as handles --------------------------------------------- */
/* A SOCKET is a small number, never a handle of this layer's table.  The
 * Winsock layer installs these once (at WSAStartup); each returns 0 or a
 * Win32 error code, and is only called for a handle below 2^31 that the
 * table does not know. */
struct wsc_w32_sockops {
    /* CreateIoCompletionPort(h, port, key): associate (a socket has one
     * port; the callee takes its own reference on port). */
    DWORD (*associate)(HANDLE h, struct w32_obj *port, ULONG_PTR key);
    /* CancelIo (ov NULL, this thread's operations) and CancelIoEx (ov
     * NULL: all; else that one); ERROR_NOT_FOUND when nothing matched. */
    DWORD (*cancel)(HANDLE h, LPOVERLAPPED ov, BOOL any_thread);
    /* SetFileCompletionNotificationModes. */
    DWORD (*set_modes)(HANDLE h, UCHAR flags);
    /* CloseHandle(socket): closesocket. */
    DWORD (*close)(HANDLE h);
    /* The event a completion with hEvent NULL signals (WaitForSingleObject
     * on the socket, GetOverlappedResult with hEvent NULL); NULL when h is
     * not a socket.  No reference: valid while the socket is open. */
    HANDLE (*wait_handle)(HANDLE h);
    /* A thread about to sleep on a completion port with nothing queued
     * may do the sockets' asynchronous work meanwhile, one thread at a
     * time (port.c): poll_begin 1 when the calling thread may now;
     * poll(ms) waits for readiness up to ms (-1: forever) and handles it;
     * poll_kick ends the poller's wait early; poll_end gives it up, or
     * lends it (lend 1: the caller leaves with a packet and comes back).
     * (All four NULL: no thread does it.) */
    int (*poll_begin)(void);
    int (*poll)(int ms);
    void (*poll_kick)(void);
    void (*poll_end)(int lend);
    /* The caller sleeps without polling: a role lent to it goes back. */
    void (*poll_return)(void);
};
void wsc_w32_set_sockops(const struct wsc_w32_sockops *ops);

/* GetProcAddress's names (module.c): the Winsock layer installs the table
 * of every public function, its own and this layer's. */
struct wsc_w32_proc {
    const char *name;
    void (*fn)(void);
};
void wsc_w32_set_procs(const struct wsc_w32_proc *table, size_t n);

#endif
