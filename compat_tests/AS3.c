/* AS3: a pending overlapped WSARecv takes the data: no FD_READ message
 * for it; data after it completes posts FD_READ. */
#include "as.h"

void sc_AS3(ct *t)
{
    WSAOVERLAPPED ov;
    SOCKET c, s;
    char buf[8];
    WSABUF wb = { sizeof(buf), buf };
    DWORD size = 0, flags = 0;
    HWND w;
    BOOL ok;

    ct_startup(t);
    w = as_window(t);
    ct_tcp_pair(t, &c, &s);
    as_select(t, s, w, FD_READ | FD_CLOSE);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    ct_obs_rc(t, "wsarecv", WSARecv(s, &wb, 1, NULL, &flags, &ov, NULL));
    ct_obs_rc(t, "send1", send(c, "abc", 3, 0));
    ct_obs(t, "wsarecv_done", "%s", ev_state(ov.hEvent, EV_YES));
    ok = WSAGetOverlappedResult(s, &ov, &size, FALSE, &flags);
    ct_obs(t, "wsarecv_result", "%s size %lu", ok ? "TRUE" : "FALSE",
           (unsigned long)size);
    as_check(t, "taken_by_wsarecv", w, s, EV_NO);
    ct_obs_rc(t, "send2", send(c, "d", 1, 0));
    as_check(t, "later_data", w, s, EV_YES);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ov.hEvent);
    DestroyWindow(w);
}
