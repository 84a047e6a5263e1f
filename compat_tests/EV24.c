/* EV24: select() and WSAPoll on a socket under WSAEventSelect do not set
 * the event again once its network event was taken. */
#include "ev.h"

void sc_EV24(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    WSAPOLLFD p;
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_READ);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ct_obs_rc(t, "select", ct_wait_readable(s, 1000));
    ct_obs(t, "after_select", "%s", ev_state(ev, EV_NO));
    p.fd = s;
    p.events = POLLRDNORM;
    p.revents = 0;
    ct_obs_rc(t, "wsapoll", WSAPoll(&p, 1, 1000));
    ct_obs(t, "after_wsapoll", "%s", ev_state(ev, EV_NO));
    ev_check(t, "events", s, ev, 0);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
