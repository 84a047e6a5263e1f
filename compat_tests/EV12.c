/* EV12: calling WSAEventSelect again, with the same mask or 0 and then
 * the mask, does not record again what was already reported (FD_READ,
 * FD_CLOSE) in event mode. */
#include "ev.h"

void sc_EV12(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = EV_ALL & ~FD_WRITE;
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ev_select(t, s, ev, mask);
    ev_check(t, "data_reselect", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, mask);
    ev_check(t, "data_reselect_after_0", s, ev, EV_NO);
    closesocket(c);
    ev_check(t, "fin", s, ev, EV_YES);
    ev_select(t, s, ev, mask);
    ev_check(t, "fin_reselect", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, mask);
    ev_check(t, "fin_reselect_after_0", s, ev, EV_NO);
    closesocket(s);
    WSACloseEvent(ev);
}
