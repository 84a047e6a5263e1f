/* CL1: closesocket with nothing in flight and nothing unread is a
 * graceful close: FIN after every queued byte, nothing lost. */
#include <string.h>
#include "harness.h"

void sc_CL1(ct *t)
{
    static char big[1 << 20];
    unsigned short port;
    ct_peer *l, *p;
    SOCKET s, c, srv;
    char buf[16];

    ct_startup(t);
    l = ct_peer_listen(t, &port);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    {
        struct sockaddr_in a = ct_loopback(port);
        ct_require(t, connect(s, (struct sockaddr *)&a, sizeof(a)) == 0,
                   "connect");
    }
    p = ct_peer_accept(t, l, 2000);
    ct_obs_rc(t, "send", send(s, big, sizeof(big), 0));
    ct_obs_rc(t, "close", closesocket(s));
    ct_obs(t, "plain_peer_end", "%s", ct_peer_drain(p, 5000));
    ct_obs(t, "plain_peer_bytes", "%lld", ct_peer_drained(p));

    /* A wscompat peer: the bytes, then 0. */
    ct_tcp_pair(t, &c, &srv);
    send(c, "hello", 5, 0);
    ct_obs_rc(t, "close2", closesocket(c));
    memset(buf, 0, sizeof(buf));
    ct_obs_rc(t, "peer_recv1", recv(srv, buf, sizeof(buf), 0));
    ct_obs(t, "peer_data", "%s", buf);
    ct_obs_rc(t, "peer_recv2", recv(srv, buf, sizeof(buf), 0));
    closesocket(srv);
    ct_peer_close(p);
    ct_peer_close(l);
}
