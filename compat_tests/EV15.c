/* EV15: WSAEnumNetworkEvents does not take conditions that are not
 * selected: data arrives while the mask is 0, Enum reports nothing;
 * selecting FD_READ|FD_WRITE then reports both. */
#include "ev.h"

void sc_EV15(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ);
    ev_select(t, s, ev, 0);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ct_wait_readable(s, 2000);
    ev_check(t, "unselected", s, ev, 0);
    ev_select(t, s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ev_check(t, "selected", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
