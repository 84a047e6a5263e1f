/* BI2: two SO_REUSEADDR listeners on one port both listen, and the first
 * gets every connection: the second's accept would block; once the first
 * is closed, the second gets the next one (row 11c). */
#include "harness.h"

#define CLIENTS 8

static SOCKET reuse_listener(ct *t, unsigned short *port)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = ct_loopback(*port);
    BOOL on = TRUE;
    int len = sizeof(a);

    ct_require(t, l != INVALID_SOCKET &&
                      setsockopt(l, SOL_SOCKET, SO_REUSEADDR, (char *)&on,
                                 sizeof(on)) == 0,
               "SO_REUSEADDR");
    ct_obs_rc(t, *port ? "bind_second" : "bind_first",
              bind(l, (struct sockaddr *)&a, sizeof(a)));
    ct_obs_rc(t, *port ? "listen_second" : "listen_first", listen(l, 16));
    getsockname(l, (struct sockaddr *)&a, &len);
    *port = ntohs(a.sin_port);
    return l;
}

/* Connections waiting in l: accepted without blocking until none is. */
static int drain(SOCKET l)
{
    u_long nb = 1;
    SOCKET a;
    int n = 0;

    ioctlsocket(l, FIONBIO, &nb);
    while ((a = accept(l, NULL, NULL)) != INVALID_SOCKET) {
        closesocket(a);
        n++;
    }
    return n;
}

void sc_BI2(ct *t)
{
    unsigned short port = 0;
    SOCKET l1, l2, c[CLIENTS + 1];
    struct sockaddr_in to;
    int i, connected = 0;

    ct_startup(t);
    l1 = reuse_listener(t, &port);
    l2 = reuse_listener(t, &port);
    to = ct_loopback(port);
    for (i = 0; i < CLIENTS; i++) {
        c[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        connected += connect(c[i], (struct sockaddr *)&to, sizeof(to)) == 0;
    }
    ct_obs(t, "connected", "%d", connected);
    ct_wait_readable(l1, 2000);
    ct_obs(t, "first_accepts", "%d", drain(l1));
    ct_obs(t, "second_accepts", "%d", drain(l2));
    closesocket(l1);
    c[CLIENTS] = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "connect_after_close",
              connect(c[CLIENTS], (struct sockaddr *)&to, sizeof(to)));
    ct_obs(t, "second_readable", "%d", ct_wait_readable(l2, 2000));
    ct_obs(t, "second_accepts_after", "%d", drain(l2));
    for (i = 0; i <= CLIENTS; i++)
        closesocket(c[i]);
    closesocket(l2);
}
