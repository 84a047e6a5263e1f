/* EV2: FD_READ is level-triggered across its re-enabling call: 100
 * bytes queued, recv 50, FD_READ again; recv the other 50, nothing. */
#include "ev.h"

void sc_EV2(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char buf[100];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    memset(buf, 'x', sizeof(buf));
    ev_select(t, s, ev, FD_READ);
    ct_obs_rc(t, "send", send(c, buf, 100, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ct_obs_rc(t, "recv_half", recv(s, buf, 50, 0));
    ev_check(t, "after_half", s, ev, EV_YES);
    ct_obs_rc(t, "recv_rest", recv(s, buf, 50, 0));
    ev_check(t, "after_rest", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
