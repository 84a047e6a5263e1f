/* EV17: the peer's graceful close: FD_CLOSE with code 0, once; recv then
 * 0 and nothing more.  The peer's shutdown(SD_SEND) alone gives FD_CLOSE
 * 0; its later closesocket nothing more. */
#include "ev.h"

void sc_EV17(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    const long mask = EV_ALL & ~FD_WRITE;
    SOCKET c, s;
    char buf[8];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    closesocket(c);
    ev_check(t, "close", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ct_obs_rc(t, "recv", recv(s, buf, sizeof(buf), 0));
    ev_check(t, "after_recv", s, ev, EV_NO);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, mask);
    ct_obs_rc(t, "shutdown_send", shutdown(c, SD_SEND));
    ev_check(t, "shutdown", s, ev, EV_YES);
    ev_check(t, "shutdown_again", s, ev, EV_NO);
    closesocket(c);
    ev_check(t, "close_after_shutdown", s, ev, EV_NO);
    closesocket(s);
    WSACloseEvent(ev);
}
