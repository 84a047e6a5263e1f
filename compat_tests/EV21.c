/* EV21: an OOB byte: FD_OOB once, not again on re-select; a second OOB
 * byte records it again; recv(MSG_OOB) re-enables it; OOB data sent
 * while not selected is reported at selection.  Windows also keeps both
 * bytes out of band (the first recv(MSG_OOB) leaves the second pending,
 * FD_OOB again); Linux keeps one urgent byte per connection, so that
 * part is a limit (README), not a key here. */
#include "ev.h"

void sc_EV21(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = EV_ALL & ~FD_WRITE;
    SOCKET c, s;
    char buf[4];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ev_check(t, "before", s, ev, EV_NO);
    ct_obs_rc(t, "send_oob1", send(c, "a", 1, MSG_OOB));
    ev_check(t, "oob", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ev_select(t, s, ev, mask);
    ev_check(t, "reselect", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, mask);
    ev_check(t, "reselect_after_0", s, ev, EV_NO);
    ct_obs_rc(t, "send_oob2", send(c, "b", 1, MSG_OOB));
    ev_check(t, "second_oob", s, ev, EV_YES);
    ev_check(t, "second_again", s, ev, EV_NO);
    ct_obs_rc(t, "recv_oob1", recv(s, buf, 1, MSG_OOB));
    closesocket(c);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ev_select(t, s, ev, 0);
    ct_obs_rc(t, "send_oob_unselected", send(c, "a", 1, MSG_OOB));
    ev_select(t, s, ev, mask);
    ev_check(t, "oob_at_select", s, ev, EV_YES);
    ct_obs_rc(t, "recv_oob_unselected", recv(s, buf, 1, MSG_OOB));
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
