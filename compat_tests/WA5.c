/* WA5: closesocket of a listener that holds a deferred connection resets
 * it, as it resets every queued connection (row CL4): the client's recv
 * fails WSAECONNRESET. */
#include "wa.h"

void sc_WA5(ct *t)
{
    unsigned short port;
    SOCKET l, c;
    struct sockaddr_in ca;
    struct wa_cond cond;
    char buf[4];

    l = wa_setup(t, &port, &c, &ca, &cond, CF_DEFER);
    ct_obs_sock(t, "defer",
                WSAAccept(l, NULL, NULL, wa_condition, (DWORD_PTR)&cond));
    ct_obs_rc(t, "close_listener", closesocket(l));
    ct_obs(t, "client_readable", "%d", ct_wait_readable(c, 2000));
    ct_obs_rc(t, "client_recv", recv(c, buf, sizeof(buf), 0));
    closesocket(c);
}
