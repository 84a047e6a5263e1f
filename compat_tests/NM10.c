/* NM10: the Winsock 1 database calls (Microsoft's getprotobyname,
 * getprotobynumber, getservbyname, getservbyport and gethostbyaddr pages;
 * Wine's protocol.c test_getprotobyname, test_getprotobynumber and
 * test_getservbyname): Windows' protocol table by name in any case and
 * by number, the services by name and port (network order), the host of
 * 127.0.0.1 as an IPv4 hostent, a bad address length WSAEFAULT and an
 * unknown type WSAEAFNOSUPPORT; then WSASendDisconnect and
 * WSARecvDisconnect without disconnect data, as shutdown. */
#include <string.h>
#include "harness.h"

static void obs_proto(ct *t, const char *key, struct protoent *p)
{
    if (!p)
        ct_obs(t, key, "NULL");
    else
        ct_obs(t, key, "%s,%s,%d", p->p_name,
               p->p_aliases && p->p_aliases[0] ? p->p_aliases[0] : "-",
               (int)p->p_proto);
}

static void obs_serv(ct *t, const char *key, struct servent *s)
{
    if (!s)
        ct_obs(t, key, "NULL");
    else
        ct_obs(t, key, "%s,%d,%s", s->s_name, ntohs((u_short)s->s_port),
               s->s_proto);
}

static void obs_host(ct *t, const char *key, struct hostent *h)
{
    struct in_addr a;

    if (!h) {
        ct_obs(t, key, "NULL/%s", ct_wsa_name(WSAGetLastError()));
        return;
    }
    memcpy(&a, h->h_addr_list[0], sizeof(a));
    ct_obs(t, key, "%d,%d,%s", (int)h->h_addrtype, (int)h->h_length,
           inet_ntoa(a));
}

static void disconnects(ct *t)
{
    SOCKET c, s;
    char b[4];

    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "send_disconnect", WSASendDisconnect(c, NULL));
    ct_obs_rc(t, "peer_recv", ct_wait_readable(s, 2000) == 1
                                  ? recv(s, b, sizeof(b), 0) : -2);
    ct_obs_rc(t, "send_after", send(c, "x", 1, 0));
    ct_obs_rc(t, "recv_disconnect", WSARecvDisconnect(s, NULL));
    closesocket(c);
    closesocket(s);
}

void sc_NM10(ct *t)
{
    struct in_addr lo;

    ct_startup(t);
    obs_proto(t, "proto_tcp", getprotobyname("tcp"));
    obs_proto(t, "proto_UDP", getprotobyname("UDP"));
    obs_proto(t, "proto_ipv6", getprotobyname("ipv6"));
    obs_proto(t, "proto_none", getprotobyname("no-such-protocol"));
    obs_proto(t, "proto_17", getprotobynumber(17));
    obs_proto(t, "proto_58", getprotobynumber(58));
    obs_proto(t, "proto_255", getprotobynumber(255));
    obs_serv(t, "serv_telnet", getservbyname("telnet", "tcp"));
    obs_serv(t, "serv_domain", getservbyname("domain", "udp"));
    obs_serv(t, "serv_port_80", getservbyport(htons(80), "tcp"));
    obs_serv(t, "serv_none", getservbyname("no-such-service", NULL));
    lo.s_addr = htonl(INADDR_LOOPBACK);
    obs_host(t, "host_loopback", gethostbyaddr((char *)&lo, 4, AF_INET));
    obs_host(t, "host_short_len", gethostbyaddr((char *)&lo, 3, AF_INET));
    obs_host(t, "host_bad_type", gethostbyaddr((char *)&lo, 4, 12345));
    disconnects(t);
}
