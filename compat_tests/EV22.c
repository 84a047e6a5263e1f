/* EV22: a socket from accept inherits the listener's WSAEventSelect (the
 * event object and the mask): it reports FD_WRITE, once. */
#include "ev.h"

void sc_EV22(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    unsigned short port;
    SOCKET l, c, s;

    ct_startup(t);
    l = ct_listener(t, &port);
    c = ev_connect(t, port);
    ev_select(t, l, ev, FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT | FD_WRITE);
    ev_check(t, "listener", l, ev, EV_YES);
    s = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept", s);
    ev_check(t, "accepted", s, ev, EV_YES);
    ev_check(t, "accepted_again", s, ev, EV_NO);
    ct_obs_rc(t, "peer_send", send(c, "x", 1, 0));
    ev_check(t, "accepted_data", s, ev, EV_YES);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ev);
}
