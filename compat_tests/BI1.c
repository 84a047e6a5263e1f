/* BI1: bind conflicts: WSAEADDRINUSE, or WSAEACCES where SO_REUSEADDR
 * tries to take a port held without it or SO_EXCLUSIVEADDRUSE forbids
 * sharing; both options on one socket: WSAEINVAL; a port whose closed
 * connection waits in TIME_WAIT binds and listens again, as a restarted
 * server's does (rows 11a, 11b, 11e-11g). */
#include "harness.h"

static SOCKET tcp(void)
{
    return socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
}

static void opt(SOCKET s, int name)
{
    BOOL on = TRUE;
    setsockopt(s, SOL_SOCKET, name, (char *)&on, sizeof(on));
}

static unsigned short bound_port(SOCKET s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    getsockname(s, (struct sockaddr *)&a, &len);
    return ntohs(a.sin_port);
}

static int bind_to(SOCKET s, unsigned long addr, unsigned short port)
{
    struct sockaddr_in a = ct_loopback(port);

    a.sin_addr.s_addr = htonl(addr);
    return bind(s, (struct sockaddr *)&a, sizeof(a));
}

/* The server closes first, so that its end waits in TIME_WAIT; then the
 * port is bound again without options. */
static void rebind_after_time_wait(ct *t)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port), c = tcp(), srv, again;
    struct sockaddr_in a = ct_loopback(port);
    char b;

    ct_require(t, connect(c, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    srv = accept(l, NULL, NULL);
    ct_require(t, srv != INVALID_SOCKET, "accept");
    closesocket(srv);
    ct_require(t, recv(c, &b, 1, 0) == 0, "the server's FIN");
    closesocket(c);
    closesocket(l);
    again = tcp();
    ct_obs_rc(t, "bind_after_time_wait", bind_to(again, INADDR_LOOPBACK,
                                                 port));
    ct_obs_rc(t, "listen_after_time_wait", listen(again, 4));
    closesocket(again);
}

void sc_BI1(ct *t)
{
    SOCKET a, b;
    unsigned short port;
    BOOL on = TRUE;

    ct_startup(t);
    a = tcp();
    b = tcp();
    ct_require(t, bind_to(a, INADDR_LOOPBACK, 0) == 0, "bind");
    port = bound_port(a);
    ct_obs_rc(t, "plain_plain", bind_to(b, INADDR_LOOPBACK, port));
    closesocket(b);
    b = tcp();
    opt(b, SO_REUSEADDR);
    ct_obs_rc(t, "plain_then_reuse", bind_to(b, INADDR_LOOPBACK, port));
    ct_obs_rc(t, "bind_twice", bind_to(a, INADDR_LOOPBACK, 0));
    closesocket(a);
    closesocket(b);

    a = tcp();
    ct_obs_rc(t, "reuse", setsockopt(a, SOL_SOCKET, SO_REUSEADDR, (char *)&on,
                                     sizeof(on)));
    ct_obs_rc(t, "reuse_then_exclusive", setsockopt(a, SOL_SOCKET,
                                                    SO_EXCLUSIVEADDRUSE,
                                                    (char *)&on, sizeof(on)));
    closesocket(a);
    a = tcp();
    opt(a, SO_EXCLUSIVEADDRUSE);
    ct_obs_rc(t, "exclusive_then_reuse", setsockopt(a, SOL_SOCKET,
                                                    SO_REUSEADDR, (char *)&on,
                                                    sizeof(on)));
    ct_require(t, bind_to(a, INADDR_ANY, 0) == 0, "bind any");
    port = bound_port(a);
    b = tcp();
    ct_obs_rc(t, "exclusive_any_then_loopback", bind_to(b, INADDR_LOOPBACK,
                                                        port));
    closesocket(b);
    b = tcp();
    opt(b, SO_EXCLUSIVEADDRUSE);
    ct_obs_rc(t, "exclusive_any_then_exclusive_any", bind_to(b, INADDR_ANY,
                                                             port));
    closesocket(a);
    closesocket(b);
    rebind_after_time_wait(t);
}
