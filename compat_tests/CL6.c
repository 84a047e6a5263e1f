/* CL6: closesocket while another thread waits in select: readable if it
 * was in readfds; WSAENOTSOCK if only in exceptfds. */
#include "harness.h"

void sc_CL6(ct *t)
{
    ct_peer *p;
    ct_async *a;
    SOCKET s, c, srv;
    long long t0, ms;
    char buf[4];

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    a = ct_async_start(t, CT_SELECT_READ, s);
    t0 = ct_now_ms();
    ct_obs_rc(t, "close", closesocket(s));
    ms = ct_async_finish(t, a, "select_read", t0);
    ct_obs(t, "prompt", "%s", ms >= 0 && ms < 100 ? "yes" : "no");
    ct_obs(t, "marked_readable", "%d", ct_async_flag(a));
    ct_obs_rc(t, "later_recv", recv(s, buf, sizeof(buf), MSG_PEEK));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));

    ct_tcp_pair(t, &c, &srv);
    a = ct_async_start(t, CT_SELECT_EXCEPT, c);
    t0 = ct_now_ms();
    closesocket(c);
    ct_async_finish(t, a, "select_except", t0);
    ct_obs(t, "except_marked", "%d", ct_async_flag(a));
    closesocket(srv);
    ct_peer_close(p);
}
