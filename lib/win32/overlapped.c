/* The results of overlapped operations: the Win32 error of an NTSTATUS,
 * GetOverlappedResult(Ex), CancelIo(Ex), SetFileCompletionNotificationModes,
 * and the hooks through which sockets, which the Winsock layer owns, take
 * part in the calls that accept any handle. */
#include "handle.h"
#include "w32async.h"

static _Atomic(const struct wsc_w32_sockops *) sockops;

void wsc_w32_set_sockops(const struct wsc_w32_sockops *ops)
{
    atomic_store_explicit(&sockops, ops, memory_order_release);
}

const struct wsc_w32_sockops *wsc_w32_get_sockops(void)
{
    return atomic_load_explicit(&sockops, memory_order_acquire);
}

void wsc_w32_poll_return(void)
{
    const struct wsc_w32_sockops *ops = wsc_w32_get_sockops();

    if (ops && ops->poll_return)
        ops->poll_return();
}

/* ---- NTSTATUS to Win32 error --------------------------------------------
 * RtlNtStatusToDosError's values (Wine's and ReactOS's dlls/ntdll/error.c
 * tables) for the statuses this layer and the engine use. */
static const struct {
    DWORD status, error;
} status_map[] = {
    {STATUS_TIMEOUT, ERROR_TIMEOUT},
    {STATUS_PENDING, ERROR_IO_PENDING},
    {WSC_STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA},
    {WSC_STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER},
    {WSC_STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY},
    {WSC_STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED},
    {WSC_STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER},
    {WSC_STATUS_IO_TIMEOUT, ERROR_SEM_TIMEOUT},
    {WSC_STATUS_NOT_SUPPORTED, ERROR_NOT_SUPPORTED},
    {WSC_STATUS_CANCELLED, ERROR_OPERATION_ABORTED},
    {WSC_STATUS_LOCAL_DISCONNECT, ERROR_NETNAME_DELETED},
    {WSC_STATUS_REMOTE_DISCONNECT, ERROR_NETNAME_DELETED},
    {WSC_STATUS_INVALID_CONNECTION, ERROR_UNEXP_NET_ERR},
    {WSC_STATUS_ADDRESS_ALREADY_EXISTS, ERROR_DUP_NAME},
    {WSC_STATUS_CONNECTION_RESET, ERROR_NETNAME_DELETED},
    {WSC_STATUS_CONNECTION_REFUSED, ERROR_CONNECTION_REFUSED},
    {WSC_STATUS_GRACEFUL_DISCONNECT, ERROR_GRACEFUL_DISCONNECT},
    {WSC_STATUS_NETWORK_UNREACHABLE, ERROR_NETWORK_UNREACHABLE},
    {WSC_STATUS_HOST_UNREACHABLE, ERROR_HOST_UNREACHABLE},
    {WSC_STATUS_CONNECTION_ABORTED, ERROR_CONNECTION_ABORTED},
};

/* As RtlNtStatusToDosError: 0 and customer codes as they are, 0xD... as
 * 0xC..., the table, the Win32 codes wrapped as 0xC001xxxx or 0x8007xxxx,
 * and ERROR_MR_MID_NOT_FOUND for the rest. */
DWORD wsc_w32_status_error(DWORD status)
{
    size_t i;

    if (!status || (status & 0x20000000u))
        return status;
    if ((status & 0xf0000000u) == 0xd0000000u)
        status &= ~0x10000000u;
    for (i = 0; i < sizeof(status_map) / sizeof(status_map[0]); i++)
        if (status_map[i].status == status)
            return status_map[i].error;
    if ((status >> 16) == 0xc001u || (status >> 16) == 0x8007u)
        return status & 0xffffu;
    return ERROR_MR_MID_NOT_FOUND;
}

/* ntdll's and advapi32's names for the same mapping. */
ULONG wsc_RtlNtStatusToDosError(NTSTATUS status)
{
    return wsc_w32_status_error((DWORD)status);
}

ULONG wsc_LsaNtStatusToWinError(NTSTATUS status)
{
    return wsc_w32_status_error((DWORD)status);
}

/* ---- GetOverlappedResult ------------------------------------------------ */
/* What a completion signals: ov->hEvent without its low bit (which only
 * keeps the packet off a port), else the handle itself, for a socket the
 * Winsock layer's event for it; NULL if there is none. */
static HANDLE signalled_by(HANDLE h, const OVERLAPPED *ov)
{
    const struct wsc_w32_sockops *ops;

    if (ov->hEvent)
        return (HANDLE)((uintptr_t)ov->hEvent & ~(uintptr_t)1);
    if (!wsc_w32_is_socket(h))
        return h;
    ops = wsc_w32_get_sockops();
    return ops && ops->wait_handle ? ops->wait_handle(h) : NULL;
}

/* As Windows: a wait that ends with the operation still pending (the event
 * was set by someone else) reports it as done (STATUS_PENDING is a success
 * status). */
BOOL wsc_GetOverlappedResultEx(HANDLE h, LPOVERLAPPED ov, LPDWORD bytes,
                               DWORD ms, BOOL alertable)
{
    DWORD status, r;
    HANDLE obj;

    if (!ov)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    status = (DWORD)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
    if (status == STATUS_PENDING) {
        if (ms == 0)
            return wsc_w32_fail(ERROR_IO_INCOMPLETE);
        if (!(obj = signalled_by(h, ov)))
            return wsc_w32_fail(ERROR_INVALID_HANDLE);
        r = wsc_WaitForSingleObjectEx(obj, ms, alertable);
        if (r == WAIT_FAILED)
            return FALSE;
        if (r == WAIT_TIMEOUT || r == WAIT_IO_COMPLETION)
            return wsc_w32_fail((int)r);
        status = (DWORD)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
    }
    if (bytes)
        *bytes = (DWORD)__atomic_load_n(&ov->InternalHigh, __ATOMIC_RELAXED);
    if ((int32_t)status < 0)
        return wsc_w32_fail((int)wsc_w32_status_error(status));
    return TRUE;
}

/* The wait is not alertable (OV25). */
BOOL wsc_GetOverlappedResult(HANDLE h, LPOVERLAPPED ov, LPDWORD bytes,
                             BOOL wait)
{
    return wsc_GetOverlappedResultEx(h, ov, bytes, wait ? INFINITE : 0, FALSE);
}

/* ---- cancelling, completion modes ---------------------------------------- */
/* The type of a table handle, or W32_ANY when it is not one. */
static enum w32_type type_of(HANDLE h)
{
    struct w32_obj *o;
    enum w32_type t;

    wsc_w32_lock();
    t = (o = wsc_w32_find(h, W32_ANY)) ? o->type : W32_ANY;
    wsc_w32_unlock();
    return t;
}

/* A socket's hooks, or NULL (last error ERROR_INVALID_HANDLE). */
static const struct wsc_w32_sockops *socket_ops(void)
{
    const struct wsc_w32_sockops *ops = wsc_w32_get_sockops();

    if (!ops)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return ops;
}

/* This layer's files are synchronous: nothing of theirs is pending. */
static BOOL cancel(HANDLE h, LPOVERLAPPED ov, BOOL any_thread, BOOL ex)
{
    const struct wsc_w32_sockops *ops;
    DWORD err;

    if (wsc_w32_is_socket(h)) {
        if (!(ops = socket_ops()))
            return FALSE;
        if (!ops->cancel)
            return wsc_w32_fail(ERROR_INVALID_HANDLE);
        err = ops->cancel(h, ov, any_thread);
    } else if (type_of(h) == W32_FILE)
        err = ERROR_NOT_FOUND;
    else
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (err == ERROR_NOT_FOUND && !ex)
        return TRUE; /* CancelIo with nothing to cancel (CP21) */
    return err ? wsc_w32_fail((int)err) : TRUE;
}

BOOL wsc_CancelIo(HANDLE h)
{
    return cancel(h, NULL, FALSE, FALSE);
}

BOOL wsc_CancelIoEx(HANDLE h, LPOVERLAPPED ov)
{
    return cancel(h, ov, TRUE, TRUE);
}

BOOL wsc_SetFileCompletionNotificationModes(HANDLE h, UCHAR flags)
{
    const struct wsc_w32_sockops *ops;
    DWORD err;

    if (!wsc_w32_is_socket(h))
        return type_of(h) == W32_FILE ? TRUE : wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (!(ops = socket_ops()))
        return FALSE;
    if (!ops->set_modes)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    return (err = ops->set_modes(h, flags)) ? wsc_w32_fail((int)err) : TRUE;
}
