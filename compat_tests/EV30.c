/* EV30: a signal without a network event: the event set by hand, recv
 * on the selected (non-blocking) socket still fails WSAEWOULDBLOCK and
 * WSAEnumNetworkEvents reports nothing. */
#include "ev.h"

void sc_EV30(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char buf[8];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_READ | FD_CLOSE);
    ct_obs(t, "set", "%d", WSASetEvent(ev) ? 1 : 0);
    ct_obs(t, "wait", "%s", ev_state(ev, EV_YES));
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    ev_check(t, "events", s, ev, 0);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
