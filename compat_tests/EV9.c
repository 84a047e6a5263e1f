/* EV9: FD_ACCEPT: selected before bind and listen; one FD_ACCEPT when a
 * connection is queued, not again on re-select; a second connection
 * before accept records it again (event mode); accept with more queued
 * records it at once, of the last nothing; accept before selecting: no
 * FD_ACCEPT. */
#include "ev.h"

static unsigned short bound_port(SOCKET s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    getsockname(s, (struct sockaddr *)&a, &len);
    return ntohs(a.sin_port);
}

void sc_EV9(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT;
    struct sockaddr_in a = ct_loopback(0);
    unsigned short port;
    SOCKET l, c, c2, s;

    ct_startup(t);
    l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ev_select(t, l, ev, mask);
    ct_require(t, bind(l, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    ct_require(t, listen(l, 2) == 0, "listen");
    port = bound_port(l);
    ev_check(t, "listening", l, ev, EV_NO);
    c = ev_connect(t, port);
    ev_check(t, "queued", l, ev, EV_YES);
    ev_check(t, "again", l, ev, EV_NO);
    ev_select(t, l, ev, mask);
    ev_check(t, "reselect", l, ev, EV_NO);
    ev_select(t, l, ev, 0);
    ev_select(t, l, ev, mask);
    ev_check(t, "reselect_after_0", l, ev, EV_NO);
    c2 = ev_connect(t, port);
    ev_check(t, "second_queued", l, ev, EV_YES);
    ev_check(t, "second_again", l, ev, EV_NO);
    s = accept(l, NULL, NULL);
    closesocket(s);
    ev_check(t, "accept_one_left", l, ev, EV_YES);
    ev_check(t, "accept_one_left_again", l, ev, EV_NO);
    s = accept(l, NULL, NULL);
    closesocket(s);
    ev_check(t, "accept_last", l, ev, EV_NO);
    closesocket(c2);
    closesocket(c);

    /* accept() before selecting for FD_ACCEPT. */
    ev_select(t, l, ev, FD_CONNECT | FD_READ | FD_OOB);
    c = ev_connect(t, port);
    s = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept_unselected", s);
    ev_select(t, l, ev, mask);
    ev_check(t, "accepted_before_select", l, ev, EV_NO);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ev);
}
