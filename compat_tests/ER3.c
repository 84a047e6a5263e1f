/* ER3: a non-blocking connect says WSAEWOULDBLOCK (never WSAEINPROGRESS);
 * again while pending WSAEALREADY; a refused one shows in exceptfds and
 * latches SO_ERROR = WSAECONNREFUSED; once it has completed, connect
 * again says WSAEISCONN, even if nothing looked at it (rows 9c-9e, 9r,
 * 9m). */
#include "harness.h"

void sc_ER3(ct *t)
{
    unsigned short port;
    SOCKET l, s, fill[CT_FULL_FILL];
    struct sockaddr_in a;
    u_long on = 1;
    fd_set w, x;
    struct timeval tv = { 5, 0 };
    int err, len, i;

    ct_startup(t);
    /* A listener whose queue is full keeps our SYN unanswered. */
    l = ct_full_listener(t, fill, &a);
    port = ntohs(a.sin_port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ct_obs_rc(t, "connect", connect(s, (struct sockaddr *)&a, sizeof(a)));
    ct_obs_rc(t, "connect_again", connect(s, (struct sockaddr *)&a, sizeof(a)));
    for (i = 0; i < CT_FULL_FILL; i++)
        closesocket(fill[i]);
    closesocket(s);
    closesocket(l);

    /* Refused: the port is free now. */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    a = ct_loopback(port);
    ct_obs_rc(t, "refused_connect", connect(s, (struct sockaddr *)&a,
                                            sizeof(a)));
    FD_ZERO(&w);
    FD_ZERO(&x);
    FD_SET(s, &w);
    FD_SET(s, &x);
    ct_obs_rc(t, "select", select(0, NULL, &w, &x, &tv));
    ct_obs(t, "in_writefds", "%d", FD_ISSET(s, &w));
    ct_obs(t, "in_exceptfds", "%d", FD_ISSET(s, &x));
    err = 0;
    len = sizeof(err);
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "so_error", "%s", ct_wsa_name(err));
    err = 0;
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "so_error_again", "%s", ct_wsa_name(err));
    closesocket(s);

    /* Completed (the listener has the connection), nothing asked. */
    l = ct_listener(t, &port);
    a = ct_loopback(port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    connect(s, (struct sockaddr *)&a, sizeof(a));
    ct_require(t, ct_wait_readable(l, 2000) == 1, "connection queued");
    ct_obs_rc(t, "connect_after_done", connect(s, (struct sockaddr *)&a,
                                               sizeof(a)));
    ct_obs_rc(t, "connect_after_done_again",
              connect(s, (struct sockaddr *)&a, sizeof(a)));
    closesocket(s);
    closesocket(l);

    /* Blocking and refused: returned, not latched (row 9b). */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "blocking_refused", connect(s, (struct sockaddr *)&a,
                                             sizeof(a)));
    err = -1;
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    ct_obs(t, "blocking_so_error", "%d", err);
    closesocket(s);
}
