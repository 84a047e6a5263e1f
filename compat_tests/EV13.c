/* EV13: a condition that arises while nothing is selected is reported
 * when selected: data, OOB data, the peer's FIN, a queued connection; if
 * the data was read before selecting, nothing.  A subset without
 * FD_CLOSE first: nothing, then FD_CLOSE when it is added. */
#include "ev.h"

void sc_EV13(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = EV_ALL & ~FD_WRITE;
    unsigned short port;
    SOCKET c, s, l;
    char buf[8];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ev_select(t, s, ev, 0);
    send(c, "data", 5, 0);
    ct_wait_readable(s, 2000);
    ev_select(t, s, ev, mask);
    ev_check(t, "data", s, ev, EV_YES);
    ct_obs_rc(t, "recv", recv(s, buf, 5, 0));
    ev_select(t, s, ev, 0);
    send(c, "data", 5, 0);
    ct_wait_readable(s, 2000);
    ct_obs_rc(t, "recv_before_select", recv(s, buf, 5, 0));
    ev_select(t, s, ev, mask);
    ev_check(t, "data_read_before", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ct_obs_rc(t, "send_oob", send(c, "a", 1, MSG_OOB));
    ev_select(t, s, ev, mask);
    ev_check(t, "oob", s, ev, EV_YES);
    ct_obs_rc(t, "recv_oob", recv(s, buf, 1, MSG_OOB));
    closesocket(c);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    closesocket(c);
    ct_wait_readable(s, 2000);
    ev_select(t, s, ev, mask);
    ev_check(t, "fin", s, ev, EV_YES);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ);
    closesocket(c);
    ev_check(t, "fin_not_selected", s, ev, EV_NO);
    ev_select(t, s, ev, mask);
    ev_check(t, "fin_added", s, ev, EV_YES);
    closesocket(s);

    l = ct_listener(t, &port);
    c = ev_connect(t, port);
    ev_select(t, l, ev, FD_ACCEPT);
    ev_check(t, "queued_connection", l, ev, EV_YES);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ev);
}
