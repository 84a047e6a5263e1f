/* EV23: WSAEventSelect makes the socket non-blocking: connect fails
 * WSAEWOULDBLOCK; FIONBIO 0 while selected WSAEINVAL, FIONBIO 1 allowed;
 * after WSAEventSelect(s, NULL, 0) FIONBIO 0 works. */
#include "ev.h"

void sc_EV23(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    unsigned short port;
    SOCKET l, c, s;
    struct sockaddr_in a;
    u_long off = 0, on = 1;

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_loopback(port);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ev_select(t, c, ev, FD_CONNECT | FD_READ | FD_WRITE | FD_CLOSE);
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&a, sizeof(a)));
    ev_check(t, "connected", c, ev, EV_YES);
    ct_obs_rc(t, "fionbio_0", ioctlsocket(c, FIONBIO, &off));
    ct_obs_rc(t, "fionbio_1", ioctlsocket(c, FIONBIO, &on));
    ct_obs_rc(t, "select_0", WSAEventSelect(c, NULL, 0));
    ct_obs_rc(t, "fionbio_0_after_clear", ioctlsocket(c, FIONBIO, &off));
    s = accept(l, NULL, NULL);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ev);
}
