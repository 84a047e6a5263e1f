/* EV28: WSAWaitForMultipleEvents does not reset a manual-reset event;
 * WSAEnumNetworkEvents with no event object does not either; with the
 * event object it resets it. */
#include "ev.h"

void sc_EV28(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    WSANETWORKEVENTS ne;
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_READ);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ct_obs(t, "wait", "%s", ev_state(ev, EV_YES));
    ct_obs(t, "wait_again", "%s", ev_state(ev, 0));
    memset(&ne, 0, sizeof(ne));
    ct_obs_rc(t, "enum_null", WSAEnumNetworkEvents(s, NULL, &ne));
    ct_obs(t, "enum_null_events", "%s", ev_names(&ne));
    ct_obs(t, "after_enum_null", "%s", ev_state(ev, 0));
    memset(&ne, 0, sizeof(ne));
    ct_obs_rc(t, "enum_event", WSAEnumNetworkEvents(s, ev, &ne));
    ct_obs(t, "enum_event_events", "%s", ev_names(&ne));
    ct_obs(t, "after_enum_event", "%s", ev_state(ev, 0));
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
