/* EV20: the peer's shutdown(SD_RECEIVE) and our shutdown(SD_BOTH) record
 * no network event; FD_CLOSE comes when the peer sends its FIN. */
#include "ev.h"

void sc_EV20(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    ct_obs_rc(t, "peer_shutdown_receive", shutdown(c, SD_RECEIVE));
    ct_obs_rc(t, "shutdown_both", shutdown(s, SD_BOTH));
    ev_check(t, "after_shutdowns", s, ev, 200);
    ct_obs_rc(t, "peer_shutdown_send", shutdown(c, SD_SEND));
    ev_check(t, "peer_fin", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    closesocket(s);
    closesocket(c);
    WSACloseEvent(ev);
}
