/* EV8: a non-blocking connect that is refused: FD_CONNECT with
 * iErrorCode[FD_CONNECT_BIT] WSAECONNREFUSED, no FD_WRITE; SO_ERROR
 * WSAECONNREFUSED.  (Windows retries a refused SYN: up to ~2 s.) */
#include "ev.h"

void sc_EV8(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    unsigned short port;
    SOCKET l, c;
    struct sockaddr_in a;
    int err = 0, len = sizeof(err);

    ct_startup(t);
    l = ct_listener(t, &port);
    closesocket(l);
    a = ct_loopback(port);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ev_select(t, c, ev, EV_ALL);
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&a, sizeof(a)));
    ev_check(t, "refused", c, ev, 5000);
    ev_check(t, "again", c, ev, EV_NO);
    getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "so_error", "%s", ct_wsa_name(err));
    closesocket(c);
    WSACloseEvent(ev);
}
