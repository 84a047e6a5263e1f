/* EV26: WSACreateEvent makes a manual-reset event, initially clear;
 * WSASetEvent, WSAResetEvent, WSACloseEvent set, clear and close it. */
#include "ev.h"

void sc_EV26(ct *t)
{
    WSAEVENT ev;

    ct_startup(t);
    ev = WSACreateEvent();
    ct_obs(t, "create", "%s", ev == WSA_INVALID_EVENT ? "WSA_INVALID_EVENT"
                                                       : "event");
    ct_obs(t, "initial", "%s", ev_state(ev, 0));
    ct_obs(t, "set", "%d", WSASetEvent(ev) ? 1 : 0);
    ct_obs(t, "after_set", "%s", ev_state(ev, 0));
    ct_obs(t, "after_set_again", "%s", ev_state(ev, 0));
    ct_obs(t, "reset", "%d", WSAResetEvent(ev) ? 1 : 0);
    ct_obs(t, "after_reset", "%s", ev_state(ev, 0));
    ct_obs(t, "close", "%d", WSACloseEvent(ev) ? 1 : 0);
}
