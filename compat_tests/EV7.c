/* EV7: connect with FD_CONNECT selected: WSAEWOULDBLOCK, then FD_CONNECT
 * and FD_WRITE with code 0, once; selecting on a socket already
 * connected records both; an accepted socket records FD_WRITE only; a
 * subset without FD_CONNECT first, FD_CONNECT when it is added. */
#include "ev.h"

void sc_EV7(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    unsigned short port;
    SOCKET l, c, s;
    struct sockaddr_in a;

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_loopback(port);

    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ev_select(t, c, ev, EV_ALL);
    ev_check(t, "before", c, ev, EV_NO);
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&a, sizeof(a)));
    ev_check(t, "connected", c, ev, EV_YES);
    /* At once, as Wine's test_connect_events looks (Wine may set the
     * event a second time, later, for the FD_WRITE it posts after
     * FD_CONNECT). */
    ev_check(t, "again", c, ev, 0);
    ev_select(t, c, ev, 0);
    ev_select(t, c, ev, EV_ALL);
    ev_check(t, "reselect", c, ev, EV_NO);
    s = accept(l, NULL, NULL);
    ev_select(t, s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ev_check(t, "accepted", s, ev, EV_YES);
    closesocket(c);
    closesocket(s);

    /* Connect, then select. */
    c = ev_connect(t, port);
    s = accept(l, NULL, NULL);
    ct_obs_rc(t, "send", send(c, "data", 5, 0));
    ev_select(t, c, ev, EV_ALL);
    ev_check(t, "select_connected", c, ev, EV_YES);
    closesocket(c);
    closesocket(s);

    /* A subset without FD_CONNECT first. */
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ev_select(t, c, ev, FD_ACCEPT | FD_CLOSE | FD_OOB | FD_READ | FD_WRITE);
    ct_obs_rc(t, "subset_connect",
              connect(c, (struct sockaddr *)&a, sizeof(a)));
    s = accept(l, NULL, NULL);
    ev_check(t, "subset", c, ev, EV_YES);
    ev_select(t, c, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ev_check(t, "connect_added", c, ev, EV_YES);
    closesocket(c);
    closesocket(s);
    closesocket(l);
    WSACloseEvent(ev);
}
