/* SH3: after shutdown(SD_RECEIVE), data that arrives (or was queued)
 * resets the connection at once, with no further call from us; then our
 * send/recv fail WSAECONNABORTED.  A recv pending at shutdown time still
 * gets its data (reference row 5e). */
#include "harness.h"

void sc_SH3(ct *t)
{
    ct_peer *p;
    ct_async *a;
    SOCKET s, c, srv;
    u_long n = 0;
    long long deadline;
    char buf[8];

    ct_startup(t);

    /* Data arriving later. */
    s = ct_plain_pair(t, &p);
    ct_obs_rc(t, "shutdown", shutdown(s, SD_RECEIVE));
    ct_peer_send(p, "late", 4);
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_obs_rc(t, "send_after", send(s, "x", 1, 0));
    ct_obs_rc(t, "recv_after", recv(s, buf, sizeof(buf), 0));
    closesocket(s);
    ct_peer_close(p);

    /* Data already queued. */
    s = ct_plain_pair(t, &p);
    ct_peer_send(p, "early", 5);
    deadline = ct_now_ms() + 2000;
    while (n < 5 && ct_now_ms() < deadline)
        ioctlsocket(s, FIONREAD, &n);
    ct_require(t, n == 5, "data arrives");
    ct_obs_rc(t, "shutdown_queued", shutdown(s, SD_RECEIVE));
    ct_obs(t, "plain_peer_queued", "%s", ct_peer_recv(p, 2000));
    closesocket(s);
    ct_peer_close(p);

    /* A recv already pending gets the data; what comes after resets. */
    s = ct_plain_pair(t, &p);
    a = ct_async_start(t, CT_RECV, s);
    ct_obs_rc(t, "shutdown_pending", shutdown(s, SD_RECEIVE));
    ct_peer_send(p, "hello", 5);
    ct_async_finish(t, a, "pending_recv", ct_now_ms());
    ct_peer_send(p, "more", 4);
    ct_obs(t, "plain_peer_after_pending", "%s", ct_peer_recv(p, 2000));
    closesocket(s);
    ct_peer_close(p);

    /* A wscompat peer sees WSAECONNRESET. */
    ct_tcp_pair(t, &c, &srv);
    shutdown(c, SD_RECEIVE);
    send(srv, "data", 4, 0);
    ct_wait_readable(srv, 2000);
    ct_obs_rc(t, "peer_recv", recv(srv, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(srv);
}
