/* AS2: where WSAAsyncSelect differs from WSAEventSelect: selecting again
 * posts what holds again (row EV12); a socket connected before the
 * selection gets FD_WRITE but no FD_CONNECT (EV7); more data before the
 * re-enabling recv posts nothing (EV4); an unbound UDP socket gets
 * FD_WRITE (EV25); WSAEventSelect ends the window's selection and
 * WSAAsyncSelect the event's. */
#include "as.h"

static void reselect(ct *t, HWND w)
{
    SOCKET c, s;
    const long mask = FD_READ | FD_WRITE | FD_CONNECT | FD_CLOSE;
    char buf[8];

    /* s connected by connect(), c its peer. */
    ct_tcp_pair(t, &s, &c);
    ct_obs_rc(t, "send", send(c, "a", 1, 0));
    ct_obs_rc(t, "readable", ct_wait_readable(s, EV_YES));
    as_select(t, s, w, mask);
    as_check(t, "connected", w, s, EV_YES);
    as_select(t, s, w, mask);
    as_check(t, "reselect", w, s, EV_YES);
    ct_obs_rc(t, "more_send", send(c, "b", 1, 0));
    as_check(t, "more_data", w, s, EV_NO);
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    as_check(t, "after_recv", w, s, EV_NO);
    closesocket(c);
    as_check(t, "fin", w, s, EV_YES);
    as_select(t, s, w, mask);
    as_check(t, "fin_reselect", w, s, EV_YES);
    closesocket(s);
}

static void switch_modes(ct *t, HWND w)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;

    ct_tcp_pair(t, &c, &s);
    as_select(t, s, w, FD_READ);
    ct_obs_rc(t, "eventselect", WSAEventSelect(s, ev, FD_READ));
    ct_obs_rc(t, "switch_send", send(c, "z", 1, 0));
    ct_obs(t, "event_after_switch", "%s", ev_state(ev, EV_YES));
    as_check(t, "window_after_eventselect", w, s, EV_NO);
    WSAResetEvent(ev);
    ct_obs_rc(t, "asyncselect_again", WSAAsyncSelect(s, w, AS_MSG, FD_READ));
    as_check(t, "window_again", w, s, EV_YES);
    ct_obs(t, "event_after_asyncselect", "%s", ev_state(ev, EV_NO));
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}

static void connecting(ct *t, HWND w)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port);
    SOCKET x = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = ct_loopback(port);

    as_select(t, x, w, FD_READ | FD_WRITE | FD_CONNECT | FD_CLOSE);
    as_check(t, "unconnected", w, x, EV_NO);
    ct_obs_rc(t, "connect", connect(x, (struct sockaddr *)&a, sizeof(a)));
    as_check(t, "connect_events", w, x, EV_YES);
    closesocket(x);
    closesocket(l);
}

static void udp(ct *t, HWND w)
{
    SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);

    as_select(t, u, w, FD_READ | FD_WRITE);
    as_check(t, "udp_unbound", w, u, EV_YES);
    closesocket(u);
}

void sc_AS2(ct *t)
{
    HWND w;

    ct_startup(t);
    w = as_window(t);
    reselect(t, w);
    switch_modes(t, w);
    connecting(t, w);
    udp(t, w);
    DestroyWindow(w);
}
