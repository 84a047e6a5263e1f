/* EV18: the peer closes with data unread: FD_READ, then FD_CLOSE while
 * the data is still there; a partial recv records FD_READ again; the
 * last recv nothing, and FD_CLOSE is not repeated. */
#include "ev.h"

void sc_EV18(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char buf[8];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ev_check(t, "data", s, ev, EV_YES);
    closesocket(c);
    ev_check(t, "close", s, ev, EV_YES);
    ct_obs_rc(t, "recv3", recv(s, buf, 3, 0));
    ev_check(t, "after_recv3", s, ev, EV_YES);
    ct_obs_rc(t, "recv_rest", recv(s, buf, 5, 0));
    ev_check(t, "after_recv_rest", s, ev, EV_NO);
    closesocket(s);
    WSACloseEvent(ev);
}
