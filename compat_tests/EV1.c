/* EV1: the re-enabling functions: a partial recv, recvfrom or WSARecv
 * each re-enables FD_READ (data remains: recorded again), accept
 * re-enables FD_ACCEPT; FD_CONNECT is recorded once. */
#include "ev.h"

void sc_EV1(ct *t)
{
    WSAEVENT ev;
    SOCKET c, s, l, a, c1, c2;
    unsigned short port;
    char buf[16];
    WSABUF wb = { 2, buf };
    DWORD n = 0, flags = 0;

    ct_startup(t);
    ev = WSACreateEvent();
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_READ | FD_CLOSE);
    ct_obs_rc(t, "send", send(c, "0123456789", 10, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ct_obs_rc(t, "recv", recv(s, buf, 2, 0));
    ev_check(t, "after_recv", s, ev, EV_YES);
    ct_obs_rc(t, "recvfrom", recvfrom(s, buf, 2, 0, NULL, NULL));
    ev_check(t, "after_recvfrom", s, ev, EV_YES);
    ct_obs_rc(t, "wsarecv", WSARecv(s, &wb, 1, &n, &flags, NULL, NULL));
    ct_obs(t, "wsarecv_count", "%lu", (unsigned long)n);
    ev_check(t, "after_wsarecv", s, ev, EV_YES);
    ct_obs_rc(t, "recv_rest", recv(s, buf, sizeof(buf), 0));
    ev_check(t, "after_recv_rest", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);

    l = ct_listener(t, &port);
    ev_select(t, l, ev, FD_ACCEPT | FD_CONNECT);
    c1 = ev_connect(t, port);
    c2 = ev_connect(t, port);
    ev_check(t, "accept_queued", l, ev, EV_YES);
    a = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept1", a);
    closesocket(a);
    ev_check(t, "after_accept1", l, ev, EV_YES);
    a = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept2", a);
    closesocket(a);
    ev_check(t, "after_accept2", l, ev, EV_NO);
    closesocket(c1);
    closesocket(c2);
    closesocket(l);
    WSACloseEvent(ev);
}
