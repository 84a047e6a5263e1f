/* EV5: a recv that fails (len -1: WSAEFAULT) with FD_READ taken and data
 * waiting records nothing new in event mode. */
#include "ev.h"

void sc_EV5(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char buf[16];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    ct_obs_rc(t, "send", send(c, "data\0data", 10, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ct_obs_rc(t, "recv_bad_len", recv(s, buf, -1, 0));
    ev_check(t, "after_failed_recv", s, ev, EV_NO);
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
