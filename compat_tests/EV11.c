/* EV11: a pending overlapped WSARecv takes incoming data: no FD_READ for
 * it; later data records FD_READ. */
#include "ev.h"

void sc_EV11(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    WSAOVERLAPPED ov;
    SOCKET c, s;
    char buf[8];
    WSABUF wb = { 1, buf };
    DWORD size = 0, flags = 0;
    BOOL ok;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    ct_obs_rc(t, "wsarecv", WSARecv(s, &wb, 1, NULL, &flags, &ov, NULL));
    ct_obs_rc(t, "send1", send(c, "a", 1, 0));
    ct_obs(t, "wsarecv_done", "%s", ev_state(ov.hEvent, EV_YES));
    ok = WSAGetOverlappedResult(s, &ov, &size, FALSE, &flags);
    ct_obs(t, "wsarecv_result", "%s size %lu", ok ? "TRUE" : "FALSE",
           (unsigned long)size);
    ev_check(t, "taken_by_wsarecv", s, ev, EV_NO);
    ct_obs_rc(t, "send2", send(c, "a", 1, 0));
    ev_check(t, "later_data", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ov.hEvent);
    WSACloseEvent(ev);
}
