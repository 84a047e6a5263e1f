/* OP9: the IPPROTO_UDP options (Microsoft, "IPPROTO_UDP socket
 * options"): UDP_NOCHECKSUM a BOOL, UDP_SEND_MSG_SIZE and
 * UDP_RECV_MAX_COALESCED_SIZE DWORDs, 0 by default, read back as set; a
 * send with UDP_SEND_MSG_SIZE set leaves as datagrams of that size, the
 * last shorter; the options are a UDP socket's only. */
#include <stdio.h>
#include <string.h>
#include "harness.h"

#ifndef UDP_NOCHECKSUM
#define UDP_NOCHECKSUM 1
#endif
#ifndef UDP_SEND_MSG_SIZE
#define UDP_SEND_MSG_SIZE 2
#endif
#ifndef UDP_RECV_MAX_COALESCED_SIZE
#define UDP_RECV_MAX_COALESCED_SIZE 3
#endif

static void obs_get(ct *t, SOCKET s, int name, const char *key)
{
    DWORD v = 0xdeadbeef;
    int len = sizeof(v);

    if (getsockopt(s, IPPROTO_UDP, name, (char *)&v, &len))
        ct_obs(t, key, "SOCKET_ERROR/%s", ct_wsa_name(WSAGetLastError()));
    else
        ct_obs(t, key, "%lu/%d", (unsigned long)v, len);
}

static void obs_set(ct *t, SOCKET s, int name, DWORD v, const char *key)
{
    ct_obs_rc(t, key, setsockopt(s, IPPROTO_UDP, name, (char *)&v,
                                 sizeof(v)));
}

/* The sizes of the datagrams a 250-byte send became, as the receiver
 * reads them ("100,100,50"). */
static void obs_segments(ct *t, SOCKET tx, SOCKET rx, unsigned short port)
{
    struct sockaddr_in to = ct_loopback(port);
    char buf[512], seen[64] = "";
    int n, total = 0;

    memset(buf, 'u', 250);
    ct_obs_rc(t, "segmented_send",
              sendto(tx, buf, 250, 0, (struct sockaddr *)&to, sizeof(to)));
    while (total < 250 && ct_wait_readable(rx, 2000) == 1) {
        n = recv(rx, buf, sizeof(buf), 0);
        if (n <= 0)
            break;
        total += n;
        snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen), "%s%d",
                 seen[0] ? "," : "", n);
    }
    ct_obs(t, "segments", "%s", seen[0] ? seen : "none");
}

void sc_OP9(ct *t)
{
    unsigned short port, tx_port;
    SOCKET rx, tx, tcp;

    ct_startup(t);
    rx = ct_udp(t, &port);
    tx = ct_udp(t, &tx_port);
    obs_get(t, tx, UDP_NOCHECKSUM, "nochecksum_default");
    obs_set(t, tx, UDP_NOCHECKSUM, 1, "nochecksum_set");
    obs_get(t, tx, UDP_NOCHECKSUM, "nochecksum_get");
    obs_set(t, tx, UDP_NOCHECKSUM, 0, "nochecksum_clear");
    obs_get(t, tx, UDP_NOCHECKSUM, "nochecksum_cleared");
    obs_get(t, tx, UDP_RECV_MAX_COALESCED_SIZE, "coalesced_default");
    obs_set(t, tx, UDP_RECV_MAX_COALESCED_SIZE, 3000, "coalesced_set");
    obs_get(t, tx, UDP_RECV_MAX_COALESCED_SIZE, "coalesced_get");
    obs_get(t, tx, UDP_SEND_MSG_SIZE, "msg_size_default");
    obs_set(t, tx, UDP_SEND_MSG_SIZE, 100, "msg_size_set");
    obs_get(t, tx, UDP_SEND_MSG_SIZE, "msg_size_get");
    obs_segments(t, tx, rx, port);
    tcp = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, tcp != INVALID_SOCKET, "socket");
    obs_get(t, tcp, UDP_NOCHECKSUM, "tcp_nochecksum");
    obs_set(t, tcp, UDP_SEND_MSG_SIZE, 100, "tcp_msg_size_set");
    closesocket(tcp);
    closesocket(tx);
    closesocket(rx);
}
