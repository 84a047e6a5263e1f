/* AC1: accept with a zero address length leaves the connection queued,
 * with an address but no length it accepts;
 * an accepted socket inherits the listener's options; connect on a
 * listener or on a connected socket (rows 2d, 2f, 2k, 9l, 9m). */
#include "harness.h"

struct opt {
    int level, name;
    const char *key;
};

static const struct opt inherited[] = {
    { SOL_SOCKET, SO_REUSEADDR, "inherits_reuseaddr" },
    { SOL_SOCKET, SO_KEEPALIVE, "inherits_keepalive" },
    { SOL_SOCKET, SO_OOBINLINE, "inherits_oobinline" },
    { SOL_SOCKET, SO_SNDBUF, "inherits_sndbuf" },
    { SOL_SOCKET, SO_RCVBUF, "inherits_rcvbuf" },
    { SOL_SOCKET, SO_SNDTIMEO, "inherits_sndtimeo" },
    { SOL_SOCKET, SO_RCVTIMEO, "inherits_rcvtimeo" },
    { IPPROTO_TCP, TCP_NODELAY, "inherits_nodelay" },
};

static int get_int(SOCKET s, int level, int name)
{
    int v = 0, len = sizeof(v);

    getsockopt(s, level, name, (char *)&v, &len);
    return v;
}

static void set_int(ct *t, SOCKET s, int level, int name, int v)
{
    ct_require(t, setsockopt(s, level, name, (char *)&v, sizeof(v)) == 0,
               "setsockopt");
}

/* A listener with every inheritable option away from its default. */
static SOCKET tuned_listener(ct *t, unsigned short *port)
{
    struct sockaddr_in a = ct_loopback(0);
    struct linger lg = { 1, 555 };
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    int len = sizeof(a);

    set_int(t, l, SOL_SOCKET, SO_REUSEADDR, 1);
    ct_require(t, bind(l, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    set_int(t, l, SOL_SOCKET, SO_KEEPALIVE, 1);
    set_int(t, l, SOL_SOCKET, SO_OOBINLINE, 1);
    set_int(t, l, SOL_SOCKET, SO_SNDBUF, 0x7000);
    set_int(t, l, SOL_SOCKET, SO_RCVBUF, 0x9000);
    set_int(t, l, SOL_SOCKET, SO_SNDTIMEO, 1234);
    set_int(t, l, SOL_SOCKET, SO_RCVTIMEO, 4321);
    set_int(t, l, IPPROTO_TCP, TCP_NODELAY, 1);
    ct_require(t, setsockopt(l, SOL_SOCKET, SO_LINGER, (char *)&lg,
                             sizeof(lg)) == 0, "SO_LINGER");
    ct_require(t, listen(l, 4) == 0, "listen");
    ct_require(t, getsockname(l, (struct sockaddr *)&a, &len) == 0, "name");
    *port = ntohs(a.sin_port);
    return l;
}

static void inheritance(ct *t)
{
    unsigned short port;
    SOCKET l = tuned_listener(t, &port), c, s;
    struct sockaddr_in a = ct_loopback(port);
    struct linger lg;
    int len = sizeof(lg);
    size_t i;

    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, connect(c, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    s = accept(l, NULL, NULL);
    ct_require(t, s != INVALID_SOCKET, "accept");
    for (i = 0; i < sizeof(inherited) / sizeof(inherited[0]); i++) {
        int want = get_int(l, inherited[i].level, inherited[i].name);
        int got = get_int(s, inherited[i].level, inherited[i].name);
        ct_obs(t, inherited[i].key, "%s", want == got ? "yes" : "no");
    }
    memset(&lg, 0, sizeof(lg));
    getsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, &len);
    ct_obs(t, "inherits_linger", "%d,%d", lg.l_onoff ? 1 : 0, lg.l_linger);
    closesocket(s);
    closesocket(c);
    closesocket(l);
}

/* An address without its length: the connection is accepted. */
static void accept_null_len(ct *t)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port), c, a;
    struct sockaddr_in to = ct_loopback(port), peer;

    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    connect(c, (struct sockaddr *)&to, sizeof(to));
    a = accept(l, (struct sockaddr *)&peer, NULL);
    ct_obs(t, "accept_null_len", "%s", a == INVALID_SOCKET ? "INVALID_SOCKET"
                                                           : "socket");
    if (a != INVALID_SOCKET)
        closesocket(a);
    closesocket(c);
    closesocket(l);
}

void sc_AC1(ct *t)
{
    unsigned short port;
    SOCKET l, c, s;
    struct sockaddr_in a;
    int len;

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_loopback(port);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, connect(c, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    len = 0;
    ct_obs_sock(t, "accept_len0", accept(l, (struct sockaddr *)&a, &len));
    ct_obs(t, "len0_after", "%d", len);
    /* Bounded: where the failed accept lost the connection, this one
     * would wait for ever. */
    s = ct_wait_readable(l, 2000) == 1 ? accept(l, NULL, NULL)
                                       : INVALID_SOCKET;
    ct_obs(t, "still_queued", "%s", s != INVALID_SOCKET ? "yes" : "no");
    a = ct_loopback(port);
    ct_obs_rc(t, "connect_listener", connect(l, (struct sockaddr *)&a,
                                             sizeof(a)));
    ct_obs_rc(t, "connect_accepted", connect(s, (struct sockaddr *)&a,
                                             sizeof(a)));
    ct_obs_rc(t, "connect_connected", connect(c, (struct sockaddr *)&a,
                                              sizeof(a)));
    closesocket(s);
    closesocket(c);
    closesocket(l);
    inheritance(t);
    accept_null_len(t);
}
