/* EV4: more data arrives while FD_READ is recorded and taken but not yet
 * re-enabled by a receive: event mode records FD_READ again. */
#include "ev.h"

void sc_EV4(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char buf[16];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    ct_obs_rc(t, "send1", send(c, "data", 5, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ct_obs_rc(t, "send2", send(c, "data", 5, 0));
    ev_check(t, "more_data", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    ev_check(t, "after_recv", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
