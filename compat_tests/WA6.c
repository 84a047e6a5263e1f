/* WA6: WSAJoinLeaf on IP multicast (Microsoft's WSAJoinLeaf page and its
 * mcastws2 sample): the leaf is the socket itself; JL_SENDER_ONLY makes
 * plain send() go to the group; flags that are none of JL_SENDER_ONLY,
 * JL_RECEIVER_ONLY and JL_BOTH fail WSAEINVAL; a closed socket
 * WSAENOTSOCK; no name WSAEFAULT.  The receiver joins on 127.0.0.1 with
 * IP_ADD_MEMBERSHIP and is bound to the wildcard, so the datagram stays
 * on the loopback interface.  A second join fails WSAEISCONN. */
#include <string.h>
#include "harness.h"

#define GROUP "239.255.77.77"
#define LEAF_FLAGS (WSA_FLAG_MULTIPOINT_C_LEAF | WSA_FLAG_MULTIPOINT_D_LEAF)

static SOCKET leaf_socket(ct *t, const char *addr, unsigned short port)
{
    struct sockaddr_in a = ct_loopback(port);
    SOCKET s = WSASocketA(AF_INET, SOCK_DGRAM, IPPROTO_UDP, NULL, 0,
                          LEAF_FLAGS);

    ct_require(t, s != INVALID_SOCKET, "WSASocket");
    a.sin_addr.s_addr = inet_addr(addr);
    ct_require(t, bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    return s;
}

/* A receiver of the group on the loopback interface; its port in *port. */
static SOCKET group_receiver(ct *t, unsigned short *port)
{
    struct ip_mreq m;
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET r = leaf_socket(t, "0.0.0.0", 0);

    m.imr_multiaddr.s_addr = inet_addr(GROUP);
    m.imr_interface.s_addr = inet_addr("127.0.0.1");
    ct_require(t, setsockopt(r, IPPROTO_IP, IP_ADD_MEMBERSHIP, (char *)&m,
                             sizeof(m)) == 0, "IP_ADD_MEMBERSHIP");
    ct_require(t, getsockname(r, (struct sockaddr *)&a, &len) == 0,
               "getsockname");
    *port = ntohs(a.sin_port);
    return r;
}

static void obs_join(ct *t, const char *key, SOCKET rs)
{
    if (rs == INVALID_SOCKET)
        ct_obs(t, key, "INVALID_SOCKET/%s", ct_wsa_name(WSAGetLastError()));
    else
        ct_obs(t, key, "a socket");
}

void sc_WA6(ct *t)
{
    unsigned short port;
    struct sockaddr_in g;
    char buf[64];
    SOCKET r, s, gone;
    int n;

    ct_startup(t);
    r = group_receiver(t, &port);
    s = leaf_socket(t, "127.0.0.1", 0);
    g = ct_loopback(port);
    g.sin_addr.s_addr = inet_addr(GROUP);
    obs_join(t, "bad_flags",
             WSAJoinLeaf(s, (struct sockaddr *)&g, sizeof(g), NULL, NULL,
                         NULL, NULL, 0));
    obs_join(t, "no_name",
             WSAJoinLeaf(s, NULL, sizeof(g), NULL, NULL, NULL, NULL,
                         JL_SENDER_ONLY));
    gone = leaf_socket(t, "127.0.0.1", 0);
    closesocket(gone);
    obs_join(t, "closed",
             WSAJoinLeaf(gone, (struct sockaddr *)&g, sizeof(g), NULL, NULL,
                         NULL, NULL, JL_SENDER_ONLY));
    obs_join(t, "sender",
             WSAJoinLeaf(s, (struct sockaddr *)&g, sizeof(g), NULL, NULL,
                         NULL, NULL, JL_SENDER_ONLY));
    ct_obs_rc(t, "send", send(s, "to the group", 12, 0));
    obs_join(t, "again",
             WSAJoinLeaf(s, (struct sockaddr *)&g, sizeof(g), NULL, NULL,
                         NULL, NULL, JL_SENDER_ONLY));
    n = ct_wait_readable(r, 2000) == 1 ? recv(r, buf, sizeof(buf), 0) : -1;
    ct_obs(t, "received", "%.*s", n > 0 ? n : 4, n > 0 ? buf : "none");
    closesocket(s);
    closesocket(r);
}
