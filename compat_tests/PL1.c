/* PL1: WSAPoll: argument errors and invalid handles; what it reports
 * after the peer's FIN, after our shutdown(SD_RECEIVE), after the peer's
 * RST, and for a refused non-blocking connect (rows 12i, 4b, 5b, 7k,
 * 9k). */
#include "harness.h"

#define RW (POLLRDNORM | POLLWRNORM)

/* revents of s, waiting at most ms for `until` to show. */
static int poll_one(SOCKET s, short events, int until, int ms)
{
    WSAPOLLFD p;
    long long deadline = ct_now_ms() + ms;

    do {
        p.fd = s;
        p.events = events;
        p.revents = 0;
        if (WSAPoll(&p, 1, 100) < 0)
            return -1;
    } while ((p.revents & until) != until && ct_now_ms() < deadline);
    return p.revents;
}

static void argument_errors(ct *t)
{
    SOCKET c, s;
    WSAPOLLFD p[2];

    ct_obs_rc(t, "null_0", WSAPoll(NULL, 0, 0));
    ct_obs_rc(t, "null_1", WSAPoll(NULL, 1, 0));
    ct_tcp_pair(t, &c, &s);
    ct_poll_invalid_beside(p, POLLRDNORM, c);
    ct_obs_rc(t, "one_invalid", WSAPoll(p, 2, 1000));
    ct_obs(t, "one_invalid_revents", "%s", ct_poll_names(p[0].revents));
    p[0].revents = 0;
    ct_obs_rc(t, "all_invalid", WSAPoll(p, 1, 0));
    ct_obs(t, "all_invalid_revents", "%s", ct_poll_names(p[0].revents));
    closesocket(c);
    closesocket(s);
}

void sc_PL1(ct *t)
{
    SOCKET c, s;
    struct linger lg = { 1, 0 };
    struct sockaddr_in a;
    struct timeval tv = { 0, 0 };
    fd_set r, w, x;
    unsigned short port;
    u_long on = 1;
    int err = 0, len = sizeof(err);
    char buf[4];

    ct_startup(t);
    argument_errors(t);

    ct_tcp_pair(t, &c, &s);
    shutdown(s, SD_SEND);
    ct_obs(t, "after_peer_fin", "%s", ct_poll_names(poll_one(c, RW, POLLHUP, 2000)));
    closesocket(s);
    closesocket(c);

    ct_tcp_pair(t, &c, &s);
    shutdown(c, SD_RECEIVE);
    ct_obs(t, "after_shutdown_receive", "%s",
           ct_poll_names(poll_one(c, RW, POLLWRNORM, 2000)));
    closesocket(s);
    closesocket(c);

    ct_tcp_pair(t, &c, &s);
    setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg));
    closesocket(s);
    ct_obs(t, "after_peer_rst", "%s",
           ct_poll_names(poll_one(c, RW, POLLERR | POLLHUP, 2000)));
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(c, &r);
    FD_SET(c, &w);
    ct_obs_rc(t, "rst_select_read_write", select(0, &r, &w, NULL, &tv));
    FD_ZERO(&x);
    FD_SET(c, &x);
    ct_obs_rc(t, "rst_select_except", select(0, NULL, NULL, &x, &tv));
    /* The error is still one once a receive has reported it. */
    recv(c, buf, sizeof(buf), 0);
    ct_obs(t, "after_rst_reported", "%s",
           ct_poll_names(poll_one(c, RW, POLLERR | POLLHUP, 2000)));
    closesocket(c);

    s = ct_listener(t, &port);
    closesocket(s);
    a = ct_loopback(port);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, ioctlsocket(c, FIONBIO, &on) == 0, "FIONBIO");
    connect(c, (struct sockaddr *)&a, sizeof(a));
    /* Windows retries the SYN for about 2 s before it gives up. */
    ct_obs(t, "refused_connect", "%s",
           ct_poll_names(poll_one(c, RW, POLLERR, 5000)));
    getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "refused_so_error", "%s", ct_wsa_name(err));
    closesocket(c);
}
