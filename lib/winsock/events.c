/* WSA events, WSAEventSelect and WSAAsyncSelect.  A WSA event is the
 * Win32 layer's manual-reset event; the network events themselves are
 * recorded by the engine (netevents.c), which sets the event through
 * notify(), or posts each event to the window through post(). */
#include <string.h>
#include "ws.h"

WSAEVENT wsc_WSACreateEvent(void)
{
    return wsc_CreateEventW(NULL, TRUE, FALSE, NULL);
}

BOOL wsc_WSASetEvent(WSAEVENT ev)
{
    return wsc_SetEvent(ev);
}

BOOL wsc_WSAResetEvent(WSAEVENT ev)
{
    return wsc_ResetEvent(ev);
}

BOOL wsc_WSACloseEvent(WSAEVENT ev)
{
    return wsc_CloseHandle(ev);
}

DWORD wsc_WSAWaitForMultipleEvents(DWORD count, const WSAEVENT *events,
                                   BOOL all, DWORD timeout, BOOL alertable)
{
    return wsc_WaitForMultipleObjectsEx(count, events, all, timeout,
                                        alertable);
}

static void notify(void *ev)
{
    wsc_SetEvent((HANDLE)ev);
}

static void reset(void *ev)
{
    wsc_ResetEvent((HANDLE)ev);
}

int ws_WSAEventSelect(SOCKET s, WSAEVENT ev, LONG mask)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    if (mask & ~(LONG)FD_ALL_EVENTS)
        return wsc_leave(e, -WSAEINVAL);
    if (mask && !ev)
        return wsc_leave(e, -WSAEINVAL);
    return wsc_leave(e, wsc_netev_select(e, mask & (FD_READ | FD_WRITE |
                                                    FD_OOB | FD_ACCEPT |
                                                    FD_CONNECT | FD_CLOSE),
                                         notify, ev));
}

int ws_WSAEnumNetworkEvents(SOCKET s, WSAEVENT ev, LPWSANETWORKEVENTS ne)
{
    struct wsc_sock *e = wsc_enter(s);
    int errors[FD_MAX_EVENTS];
    long events = 0;
    LONG out;
    int i, r;

    if (!e)
        return SOCKET_ERROR;
    if (wsc_bad_ptr(ne))
        return wsc_leave(e, -WSAEFAULT);
    r = wsc_netev_enum(e, &events, errors, reset, ev);
    if (r < 0)
        return wsc_leave(e, r);
    /* Only the reported bits' codes are written (row EV16). */
    out = (LONG)events;
    if (wsc_copy_out(&ne->lNetworkEvents, &out, sizeof(out)))
        return wsc_leave(e, -WSAEFAULT);
    for (i = 0; i < FD_MAX_EVENTS; i++)
        if ((events & (1L << i)) &&
            wsc_copy_out(&ne->iErrorCode[i], &errors[i], sizeof(int)))
            return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, 0);
}

/* WSAAsyncSelect: the engine posts each event to the window as it is
 * recorded (row AS1). */
static void post(void *hwnd, unsigned msg, int sock, long event, int code)
{
    wsc_PostMessageA((HWND)hwnd, msg, (WPARAM)sock,
                     (LPARAM)WSAMAKESELECTREPLY(event, code));
}

int ws_WSAAsyncSelect(SOCKET s, HWND hwnd, u_int msg, LONG mask)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    if (mask & ~(LONG)FD_ALL_EVENTS)
        return wsc_leave(e, -WSAEINVAL);
    if (mask && !wsc_IsWindow(hwnd))
        return wsc_leave(e, -WSAEINVAL);
    return wsc_leave(e, wsc_netev_select_msg(e, mask & (FD_READ | FD_WRITE |
                                                        FD_OOB | FD_ACCEPT |
                                                        FD_CONNECT | FD_CLOSE),
                                             post, hwnd, msg));
}
