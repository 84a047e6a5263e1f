/* AS1: WSAAsyncSelect's messages: wParam the socket, lParam
 * WSAMAKESELECTREPLY(event, code) (a fresh connected socket's FD_WRITE is
 * 2, a reset's FD_CLOSE carries WSAECONNABORTED); the socket becomes
 * non-blocking (FIONBIO 0 WSAEINVAL while selected); a mask of 0 cancels;
 * closesocket posts nothing, CloseHandle on the socket FD_CLOSE (row
 * EV29); an accepted socket inherits the listener's selection. */
#include "as.h"

static void format(ct *t, HWND w)
{
    SOCKET c, s;
    u_long off = 0, on = 1;
    char buf[8];
    MSG m;

    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "select", WSAAsyncSelect(s, w, AS_MSG,
                                          FD_READ | FD_WRITE | FD_CLOSE));
    as_raw(t, "writable", w, s, EV_YES, &m);
    ct_obs(t, "writable_msg", "%s", m.message == AS_MSG ? "wMsg" : "other");
    as_check(t, "writable_again", w, s, EV_NO);
    ct_obs_rc(t, "recv_empty", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "fionbio_0", ioctlsocket(s, FIONBIO, &off));
    ct_obs_rc(t, "fionbio_1", ioctlsocket(s, FIONBIO, &on));
    ct_obs_rc(t, "send", send(c, "abc", 3, 0));
    as_raw(t, "data", w, s, EV_YES, &m);
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    as_check(t, "after_recv", w, s, EV_NO);
    ev_close_rst(c);
    as_raw(t, "reset", w, s, EV_YES, &m);
    ct_obs(t, "reset_macros", "event %d error %s",
           (int)WSAGETSELECTEVENT(m.lParam),
           ct_wsa_name(WSAGETSELECTERROR(m.lParam)));
    ct_obs(t, "makeselectreply", "0x%08lx",
           (unsigned long)(DWORD)WSAMAKESELECTREPLY(FD_CLOSE,
                                                    WSAECONNABORTED));
    closesocket(s);
}

static void cancel(ct *t, HWND w)
{
    SOCKET c, s;
    u_long off = 0;

    ct_tcp_pair(t, &c, &s);
    as_select(t, s, w, FD_READ | FD_CLOSE);
    ct_obs_rc(t, "cancel", WSAAsyncSelect(s, w, 0, 0));
    ct_obs_rc(t, "cancelled_send", send(c, "abc", 3, 0));
    as_check(t, "cancelled", w, s, EV_NO);
    ct_obs_rc(t, "cancelled_fionbio_0", ioctlsocket(s, FIONBIO, &off));
    closesocket(c);
    closesocket(s);
}

static void close_posts_nothing(ct *t, HWND w)
{
    SOCKET c, s;

    ct_tcp_pair(t, &c, &s);
    as_select(t, s, w, FD_READ | FD_WRITE | FD_CLOSE);
    as_check(t, "before_close", w, s, EV_YES);
    ct_obs_rc(t, "closesocket", closesocket(s));
    closesocket(c);
    as_check(t, "after_closesocket", w, s, EV_NO);
    /* CloseHandle on the socket is another matter. */
    ct_tcp_pair(t, &c, &s);
    as_select(t, s, w, FD_READ | FD_WRITE | FD_CLOSE);
    as_check(t, "before_closehandle", w, s, EV_YES);
    ct_obs(t, "closehandle", "%d", CloseHandle((HANDLE)s));
    as_check(t, "after_closehandle", w, s, EV_YES);
    closesocket(c);
}

static void inherit(ct *t, HWND w)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port), c, a;

    as_select(t, l, w, FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE);
    c = ev_connect(t, port);
    as_check(t, "listener", w, l, EV_YES);
    a = accept(l, NULL, NULL);
    ct_obs(t, "accept", "%s", a == INVALID_SOCKET ? "INVALID_SOCKET" : "socket");
    as_check(t, "accepted", w, a, EV_YES);
    ct_obs_rc(t, "peer_send", send(c, "x", 1, 0));
    as_check(t, "accepted_data", w, a, EV_YES);
    closesocket(a);
    closesocket(c);
    closesocket(l);
}

void sc_AS1(ct *t)
{
    HWND w;

    ct_startup(t);
    w = as_window(t);
    format(t, w);
    cancel(t, w);
    close_posts_nothing(t, w);
    inherit(t, w);
    ct_obs(t, "destroy", "%d", DestroyWindow(w));
}
