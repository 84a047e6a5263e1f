/* WA4: CF_DEFER: INVALID_SOCKET, WSATRY_AGAIN; the connection stays
 * queued: select sees the listener readable, the next WSAAccept's
 * condition function is offered the same client, and accept then returns
 * it. */
#include "wa.h"

void sc_WA4(ct *t)
{
    unsigned short port;
    SOCKET l, c, a;
    struct sockaddr_in ca;
    struct wa_cond cond;
    fd_set r;
    struct timeval tv = { 0, 0 };

    l = wa_setup(t, &port, &c, &ca, &cond, CF_DEFER);
    ct_obs_sock(t, "defer",
                WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond));
    FD_ZERO(&r);
    FD_SET(l, &r);
    ct_obs_rc(t, "select", select(0, &r, NULL, NULL, &tv));
    ct_obs(t, "select_readable", "%d", FD_ISSET(l, &r) ? 1 : 0);
    ct_obs_sock(t, "defer_again",
                WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond));
    ct_obs(t, "calls", "%d", cond.calls);
    ct_obs(t, "offered", "%s", wa_same(&cond.caller, &ca) ? "client" : "other");
    a = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept", a);
    ct_obs(t, "peer", "%s", wa_peer_is(a, &ca));
    ct_obs_rc(t, "send", send(c, "hi", 2, 0));
    closesocket(a);
    closesocket(c);
    closesocket(l);
}
