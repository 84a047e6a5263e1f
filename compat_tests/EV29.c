/* EV29: closesocket while another thread waits on the socket's event:
 * the selection ends, no FD_CLOSE is recorded for the local close, and
 * the wait is not woken (it times out); the closed socket is
 * WSAENOTSOCK. */
#include "ev.h"

struct waiter {
    WSAEVENT ev;
    DWORD r;
};

static void wait_main(void *arg)
{
    struct waiter *w = arg;

    w->r = WSAWaitForMultipleEvents(1, &w->ev, FALSE, 500, FALSE);
}

void sc_EV29(ct *t)
{
    struct waiter w;
    WSANETWORKEVENTS ne;
    ct_thread *th;
    SOCKET c, s;

    ct_startup(t);
    w.ev = WSACreateEvent();
    w.r = 12345;
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, w.ev, FD_READ | FD_CLOSE);
    th = ct_thread_start(t, wait_main, &w);
    ct_obs(t, "waiting", "%s", ct_thread_blocked(th, 2000) == 0 ? "yes" : "no");
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "joined", "%s", ct_thread_join(th, 3000) == 0 ? "yes" : "no");
    ct_obs(t, "wait", "%s", ev_wait_name(w.r));
    ct_obs(t, "event_after", "%s", ev_state(w.ev, 0));
    ct_obs_rc(t, "enum_closed", WSAEnumNetworkEvents(s, w.ev, &ne));
    closesocket(c);
    WSACloseEvent(w.ev);
}
