/* PL2: WSAPoll refuses events outside POLLRDNORM|POLLRDBAND|POLLWRNORM
 * (POLLPRI, POLLWRBAND, POLLERR, POLLHUP, POLLNVAL) on a valid socket
 * with WSAEINVAL; an invalid handle asking for them still gets POLLNVAL
 * and is not counted. */
#include "harness.h"

static void one(ct *t, const char *key, SOCKET s, SHORT events)
{
    WSAPOLLFD p;

    p.fd = s;
    p.events = events;
    p.revents = 0;
    ct_obs_rc(t, key, WSAPoll(&p, 1, 0));
}

void sc_PL2(ct *t)
{
    SOCKET c, s;
    WSAPOLLFD p[2];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    one(t, "pri", c, POLLPRI);
    one(t, "wrband", c, POLLWRBAND);
    one(t, "err", c, POLLERR);
    one(t, "hup", c, POLLHUP);
    one(t, "nval", c, POLLNVAL);
    one(t, "in_out", c, POLLIN | POLLOUT);
    ct_poll_invalid_beside(p, POLLPRI, c);
    ct_obs_rc(t, "invalid_pri", WSAPoll(p, 2, 1000));
    ct_obs(t, "invalid_pri_revents", "%s", ct_poll_names(p[0].revents));
    ct_obs(t, "valid_revents", "%s", ct_poll_names(p[1].revents));
    closesocket(c);
    closesocket(s);
}
