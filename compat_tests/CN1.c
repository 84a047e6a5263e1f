/* CN1: a refused blocking connect, and the same socket connecting again;
 * connect after shutdown; calls on a socket never connected; a
 * non-blocking recv with nothing to read; send and recv on a socket
 * never connected and on a listener say WSAENOTCONN, and a failed send
 * leaves nothing behind (rows 9a, 9n, 6e, 9p, 8h, 9s). */
#include "harness.h"

/* A loopback port nobody listens on. */
static unsigned short dead_port(ct *t)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port);

    closesocket(l);
    return port;
}

void sc_CN1(ct *t)
{
    unsigned short port;
    struct sockaddr_in a, peer;
    struct timeval tv = { 0, 50000 };
    SOCKET s, l, srv, n;
    fd_set w;
    u_long on = 1;
    int len = sizeof(peer);
    char buf[4];

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    a = ct_loopback(dead_port(t));
    ct_obs_rc(t, "refused", connect(s, (struct sockaddr *)&a, sizeof(a)));
    FD_ZERO(&w);
    FD_SET(s, &w);
    ct_obs_rc(t, "writable_after", select(0, NULL, &w, NULL, &tv));

    l = ct_listener(t, &port);
    a = ct_loopback(port);
    ct_obs_rc(t, "connect_again", connect(s, (struct sockaddr *)&a,
                                          sizeof(a)));
    /* Bounded: where the second connect failed nothing is queued. */
    srv = ct_wait_readable(l, 2000) == 1 ? accept(l, NULL, NULL)
                                         : INVALID_SOCKET;
    ct_obs_rc(t, "shutdown_send", shutdown(s, SD_SEND));
    ct_obs_rc(t, "connect_after_shutdown", connect(s, (struct sockaddr *)&a,
                                                   sizeof(a)));

    n = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "recv_never_connected", recv(n, buf, sizeof(buf), 0));
    ct_obs_rc(t, "getpeername_never_connected",
              getpeername(n, (struct sockaddr *)&peer, &len));

    /* (Non-blocking changes nothing for Windows, which answers at once;
     * Wine would wait in them.) */
    ct_require(t, ioctlsocket(n, FIONBIO, &on) == 0 &&
                      ioctlsocket(l, FIONBIO, &on) == 0, "FIONBIO");
    ct_obs_rc(t, "send_never_connected", send(n, "x", 1, 0));
    ct_obs_rc(t, "recv_after_send_never_connected",
              recv(n, buf, sizeof(buf), 0));
    ct_obs_rc(t, "send_listener", send(l, "x", 1, 0));
    ct_obs_rc(t, "recv_listener", recv(l, buf, sizeof(buf), 0));

    /* s only shut down its sending side: nothing to read yet. */
    ct_require(t, ioctlsocket(s, FIONBIO, &on) == 0, "FIONBIO");
    ct_obs_rc(t, "recv_nothing_nonblocking", recv(s, buf, sizeof(buf), 0));
    closesocket(n);
    closesocket(srv);
    closesocket(l);
    closesocket(s);
}
