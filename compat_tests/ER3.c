/* ER3: a non-blocking connect says WSAEWOULDBLOCK (never WSAEINPROGRESS);
 * again while pending WSAEALREADY, a receive or a send WSAENOTCONN (back
 * in blocking mode too); a refused one shows in exceptfds and
 * latches SO_ERROR = WSAECONNREFUSED, stays in exceptfds after SO_ERROR
 * is read (as a refused blocking one does), is never writable (a select
 * for writing alone waits out its timeout) and keeps its bound port for a
 * listen; once one has completed, connect again says WSAEISCONN, even if
 * nothing looked at it (rows 9c-9e, 9r, 9m). */
#include "harness.h"

void sc_ER3(ct *t)
{
    unsigned short port;
    SOCKET l, s, fill[CT_FULL_FILL];
    struct sockaddr_in a, b, b2;
    u_long on = 1, off = 0;
    DWORD ms = 1000;
    char buf[1];
    fd_set w, x;
    struct timeval tv = { 5, 0 };
    int err, len, i;
    long long t0;

    ct_startup(t);
    /* A listener whose queue is full keeps our SYN unanswered. */
    l = ct_full_listener(t, fill, &a);
    port = ntohs(a.sin_port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ct_obs_rc(t, "connect", connect(s, (struct sockaddr *)&a, sizeof(a)));
    ct_obs_rc(t, "connect_again", connect(s, (struct sockaddr *)&a, sizeof(a)));
    /* Not connected yet: a receive or a send says so, in either mode (a
     * send timeout bounds the blocking one where it would wait). */
    ct_obs_rc(t, "recv_connecting", recv(s, buf, 1, 0));
    ct_obs_rc(t, "send_connecting", send(s, "a", 1, 0));
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, (char *)&ms, sizeof(ms));
    ioctlsocket(s, FIONBIO, &off);
    ct_obs_rc(t, "send_blocking_connecting", send(s, "a", 1, 0));
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
    /* Still in exceptfds once SO_ERROR was read. */
    ct_obs(t, "sets_after_so_error", "%s", ct_select_sets(s, 2000));
    /* Asked for writing alone, it is never ready: select waits out its
     * timeout and says 0. */
    FD_ZERO(&w);
    FD_SET(s, &w);
    tv.tv_sec = 0;
    tv.tv_usec = 400000;
    t0 = ct_now_ms();
    ct_obs_rc(t, "select_write_only", select(0, NULL, &w, NULL, &tv));
    ct_obs(t, "write_only_waited", "%d", ct_now_ms() - t0 >= 350);
    closesocket(s);

    /* Bound, refused, then listening: on the port it was bound to. */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    b = ct_loopback(0);
    ct_require(t, bind(s, (struct sockaddr *)&b, sizeof(b)) == 0, "bind");
    connect(s, (struct sockaddr *)&a, sizeof(a));
    ct_select_sets(s, 2000);
    len = sizeof(b);
    getsockname(s, (struct sockaddr *)&b, &len);
    ct_obs_rc(t, "listen_after_refused", listen(s, 1));
    len = sizeof(b2);
    getsockname(s, (struct sockaddr *)&b2, &len);
    ct_obs(t, "listen_keeps_port", "%d", b.sin_port == b2.sin_port);
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
    ct_obs(t, "blocking_sets", "%s", ct_select_sets(s, 2000));
    closesocket(s);
}
