/* EV25: a UDP socket: unbound, event mode reports nothing (no FD_WRITE);
 * after connect(), FD_CONNECT and FD_WRITE. */
#include "ev.h"

void sc_EV25(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    unsigned short port;
    SOCKET c, srv;
    struct sockaddr_in a;

    ct_startup(t);
    c = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ev_select(t, c, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ev_check(t, "unbound", c, ev, EV_NO);
    srv = ct_udp(t, &port);
    a = ct_loopback(port);
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&a, sizeof(a)));
    ev_check(t, "connected", c, ev, EV_YES);
    ev_check(t, "again", c, ev, EV_NO);
    closesocket(c);
    closesocket(srv);
    WSACloseEvent(ev);
}
