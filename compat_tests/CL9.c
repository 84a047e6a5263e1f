/* CL9: closesocket with received data still unread: RST. */
#include "harness.h"

void sc_CL9(ct *t)
{
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s;
    u_long n = 0;
    long long deadline;

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in sa = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&sa, sizeof(sa)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    ct_peer_send(p, "unread", 6);
    deadline = ct_now_ms() + 2000;
    while (n < 6 && ct_now_ms() < deadline)
        ioctlsocket(s, FIONREAD, &n);
    ct_require(t, n == 6, "data arrives");
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "plain_peer", "%s", ct_peer_recv(p, 2000));
    ct_peer_close(p);
    ct_peer_close(l);
}
