/* SL1: what select reports: a pending connection and arriving data are
 * readable, a connected socket writable, OOB data exceptional unless
 * SO_OOBINLINE, the peer's close readable with recv 0, an unbound UDP
 * socket writable; recv(MSG_OOB) with SO_OOBINLINE fails (rows 12h, 9g). */
#include "harness.h"

/* The sets s is in when only readfds and exceptfds are asked. */
static const char *read_except(SOCKET s)
{
    static char out[3];
    struct timeval tv = { 2, 0 };
    fd_set r, x;
    int n = 0;

    FD_ZERO(&r);
    FD_ZERO(&x);
    FD_SET(s, &r);
    FD_SET(s, &x);
    if (select(0, &r, NULL, &x, &tv) > 0) {
        if (FD_ISSET(s, &r))
            out[n++] = 'r';
        if (FD_ISSET(s, &x))
            out[n++] = 'x';
    }
    out[n] = 0;
    return n ? out : "none";
}

static void oob(ct *t)
{
    SOCKET c, s;
    int on = 1;
    char buf[8];

    ct_tcp_pair(t, &c, &s);
    ct_require(t, send(s, "o", 1, MSG_OOB) == 1, "send OOB");
    ct_obs(t, "oob", "%s", read_except(c));
    closesocket(c);
    closesocket(s);

    ct_tcp_pair(t, &c, &s);
    ct_require(t, setsockopt(c, SOL_SOCKET, SO_OOBINLINE, (char *)&on,
                             sizeof(on)) == 0, "SO_OOBINLINE");
    ct_require(t, send(s, "o", 1, MSG_OOB) == 1, "send OOB");
    ct_obs(t, "oob_inline", "%s", read_except(c));
    ct_obs_rc(t, "recv_oob_inline", recv(c, buf, sizeof(buf), MSG_OOB));
    closesocket(c);
    closesocket(s);
}

void sc_SL1(ct *t)
{
    unsigned short port;
    struct sockaddr_in a;
    SOCKET l, c, s, u;
    char buf[8];

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_loopback(port);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, connect(c, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    ct_obs(t, "listener_pending", "%s", ct_select_sets(l, 2000));
    s = accept(l, NULL, NULL);
    ct_require(t, s != INVALID_SOCKET, "accept");
    ct_obs(t, "connected", "%s", ct_select_sets(c, 0));
    ct_require(t, send(s, "data", 4, 0) == 4, "send");
    ct_obs(t, "data", "%s", read_except(c));
    ct_require(t, recv(c, buf, sizeof(buf), 0) == 4, "recv");
    closesocket(s);
    ct_obs(t, "peer_closed", "%s", read_except(c));
    ct_obs_rc(t, "peer_closed_recv", recv(c, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(l);

    oob(t);

    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_obs(t, "udp_unbound", "%s", ct_select_sets(u, 0));
    closesocket(u);
}
