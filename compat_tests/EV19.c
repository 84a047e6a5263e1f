/* EV19: the peer's RST (SO_LINGER {1,0}): FD_CLOSE with iErrorCode
 * WSAECONNABORTED, not WSAECONNRESET; once, also across re-selects. */
#include "ev.h"

void sc_EV19(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = EV_ALL & ~FD_WRITE;
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ev_close_rst(c);
    ev_check(t, "reset", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ev_select(t, s, ev, mask);
    ev_check(t, "reselect", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, mask);
    ev_check(t, "reselect_after_0", s, ev, EV_NO);
    closesocket(s);
    WSACloseEvent(ev);
}
