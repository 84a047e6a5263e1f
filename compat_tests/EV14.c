/* EV14: re-selecting with a subset that drops the signalled bit leaves
 * the event set; after a reset and the same subset it stays clear;
 * adding the bit back sets it and reports the event. */
#include "ev.h"

void sc_EV14(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long sub = FD_CONNECT | FD_READ | FD_OOB;
    unsigned short port;
    SOCKET l, c, s;

    ct_startup(t);
    l = ct_listener(t, &port);
    ev_select(t, l, ev, sub | FD_ACCEPT);
    c = ev_connect(t, port);
    ct_obs(t, "queued", "%s", ev_state(ev, EV_YES));
    ev_select(t, l, ev, sub);
    ct_obs(t, "subset", "%s", ev_state(ev, 0));
    WSAResetEvent(ev);
    ev_select(t, l, ev, sub);
    ct_obs(t, "subset_after_reset", "%s", ev_state(ev, 0));
    ev_select(t, l, ev, sub | FD_ACCEPT);
    ct_obs(t, "bit_added", "%s", ev_state(ev, 0));
    ev_check(t, "bit_added_events", l, ev, 0);
    s = accept(l, NULL, NULL);
    closesocket(s);
    closesocket(c);

    /* A subset without FD_ACCEPT first, then the whole mask. */
    ev_select(t, l, ev, sub);
    c = ev_connect(t, port);
    ev_select(t, l, ev, sub | FD_ACCEPT);
    ev_check(t, "accept_added", l, ev, EV_YES);
    s = accept(l, NULL, NULL);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ev);
}
