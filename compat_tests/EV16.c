/* EV16: WSAEnumNetworkEvents' output: only the reported bits' iErrorCode
 * entries are written (the others keep the caller's 0xAB bytes); it
 * works with no event object (and then leaves the event set); a bound
 * UDP or connected TCP socket reports FD_WRITE on the first call only,
 * then 0, also after WSAEventSelect again; an unconnected TCP socket
 * reports nothing. */
#include "ev.h"

static void one(ct *t, const char *what, SOCKET s, DWORD ms)
{
    const long mask = FD_READ | FD_WRITE | FD_OOB | FD_CLOSE;
    WSAEVENT ev = WSACreateEvent();
    WSANETWORKEVENTS ne;
    char key[48];
    int i, kept = 1, rc;

    ev_select(t, s, ev, mask);
    snprintf(key, sizeof(key), "%s_event", what);
    ct_obs(t, key, "%s", ev_state(ev, ms));
    memset(&ne, 0xab, sizeof(ne));
    rc = WSAEnumNetworkEvents(s, NULL, &ne);
    snprintf(key, sizeof(key), "%s_first", what);
    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "%s", ev_names(&ne));
    for (i = 0; i < FD_MAX_EVENTS; i++)
        if (!(ne.lNetworkEvents & (1L << i)) &&
            (unsigned)ne.iErrorCode[i] != 0xababababu)
            kept = 0;
    snprintf(key, sizeof(key), "%s_others_kept", what);
    ct_obs(t, key, "%s", kept ? "yes" : "no");
    snprintf(key, sizeof(key), "%s_event_after_null", what);
    ct_obs(t, key, "%s", ev_state(ev, 0));
    snprintf(key, sizeof(key), "%s_second", what);
    ev_check(t, key, s, ev, 0);
    ev_select(t, s, ev, mask);
    snprintf(key, sizeof(key), "%s_reselect", what);
    ev_check(t, key, s, ev, EV_NO);
    WSACloseEvent(ev);
}

void sc_EV16(ct *t)
{
    unsigned short port;
    SOCKET s, c, a;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    one(t, "tcp_unconnected", s, EV_NO);
    closesocket(s);
    s = ct_udp(t, &port);
    one(t, "udp_bound", s, EV_YES);
    closesocket(s);
    ct_tcp_pair(t, &c, &a);
    one(t, "tcp_connected", c, EV_YES);
    closesocket(c);
    closesocket(a);
}
