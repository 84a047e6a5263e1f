/* EV6: FD_WRITE is recorded once when the socket can send; re-selecting
 * does not record it again; a small send does not; after a send fails
 * WSAEWOULDBLOCK and the peer drains, it is recorded again.  Selected
 * later with FD_WRITE added, it comes then.  A send does not clear a
 * recorded FD_WRITE. */
#include <stdlib.h>
#include "ev.h"

#define BIG (1024 * 1024)

void sc_EV6(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    SOCKET c, s;
    char *buf = malloc(BIG);
    u_long on = 1;
    int rc, sends = 0;

    ct_startup(t);
    ct_require(t, buf != NULL, "malloc");
    memset(buf, 'x', BIG);
    ct_tcp_pair(t, &c, &s);
    ioctlsocket(c, FIONBIO, &on);
    ev_select(t, s, ev, EV_ALL);
    ev_check(t, "first", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ev_select(t, s, ev, EV_ALL);
    ev_check(t, "reselect", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, EV_ALL);
    ev_check(t, "reselect_after_0", s, ev, EV_NO);
    ct_obs_rc(t, "small_send", send(s, "data", 5, 0));
    ev_check(t, "after_small_send", s, ev, EV_NO);
    ct_wait_readable(c, 2000);
    ct_obs_rc(t, "peer_recv", recv(c, buf, BIG, 0));
    ev_check(t, "after_peer_recv", s, ev, EV_NO);
    while ((rc = send(s, buf, BIG, 0)) > 0 && sends < 4096)
        sends++;
    ct_obs_rc(t, "send_until_full", rc);
    while ((rc = recv(c, buf, BIG, 0)) > 0)
        ;
    ct_obs_rc(t, "peer_drained", rc);
    ev_check(t, "after_drain", s, ev, EV_YES);
    ev_check(t, "after_drain_again", s, ev, EV_NO);
    ev_select(t, s, ev, 0);
    ev_select(t, s, ev, EV_ALL);
    ev_check(t, "after_drain_reselect", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);

    /* A subset without FD_WRITE first. */
    ct_tcp_pair(t, &c, &s);
    ioctlsocket(c, FIONBIO, &on);
    ct_obs_rc(t, "subset_send", send(c, "data", 5, 0));
    ev_select(t, c, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ);
    ev_check(t, "subset", c, ev, EV_YES);
    ev_check(t, "subset_again", c, ev, EV_NO);
    ev_select(t, c, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ev_check(t, "write_added", c, ev, EV_YES);
    ev_check(t, "write_added_again", c, ev, EV_NO);
    closesocket(c);
    closesocket(s);

    /* send() right after selecting leaves FD_WRITE recorded. */
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, FD_ACCEPT | FD_CONNECT | FD_OOB | FD_READ | FD_WRITE);
    ct_obs_rc(t, "send_after_select", send(s, "data", 5, 0));
    ev_check(t, "still_recorded", s, ev, EV_YES);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
    free(buf);
}
