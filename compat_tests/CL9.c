/* CL9: closesocket with received data still unread: RST. */
#include "harness.h"

void sc_CL9(ct *t)
{
    ct_peer *p;
    SOCKET s;
    u_long n = 0;
    long long deadline;

    ct_startup(t);
    s = ct_plain_pair(t, &p);
    ct_peer_send(p, "unread", 6);
    deadline = ct_now_ms() + 2000;
    while (n < 6 && ct_now_ms() < deadline)
        ioctlsocket(s, FIONREAD, &n);
    ct_require(t, n == 6, "data arrives");
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
}
