/* IC4: SIO_TCP_INFO: a DWORD version in, TCP_INFO_v0 (0) or TCP_INFO_v1
 * (1) out, sizeof of the structure returned; no input or an input of
 * another size WSAEMSGSIZE; version 2, too little room (0 bytes
 * returned) and a UDP socket WSAEINVAL.  On a connected pair: the state
 * ESTABLISHED (4), an MSS, the data bytes each way, nothing in flight
 * once the peer's answer acknowledged ours; CLOSE_WAIT (7) after the
 * peer's FIN. */
#ifndef NTDDI_VERSION
#define NTDDI_VERSION 0x0A000006 /* NTDDI_WIN10_RS5: TCP_INFO_v1's SDK */
#endif
#include "harness.h"
#include <mstcpip.h>

static int tcp_info(SOCKET s, DWORD version, void *out, DWORD outlen,
                    DWORD *n)
{
    *n = 0x1234;
    return WSAIoctl(s, SIO_TCP_INFO, &version, sizeof(version), out, outlen,
                    n, NULL, NULL);
}

/* A field of an answer, or "none" when the call failed. */
static void field(ct *t, int rc, const char *key, unsigned long long v)
{
    if (rc == 0)
        ct_obs(t, key, "%llu", v);
    else
        ct_obs(t, key, "none");
}

static void text_field(ct *t, int rc, const char *key, const char *v)
{
    ct_obs(t, key, "%s", rc == 0 ? v : "none");
}

/* Receive exactly len bytes (bounded: a short read is a failure). */
static void recv_all(ct *t, SOCKET s, char *buf, int len)
{
    int got = 0, r;

    while (got < len) {
        r = recv(s, buf + got, len - got, 0);
        ct_require(t, r > 0, "recv");
        got += r;
    }
}

void sc_IC4(ct *t)
{
    SOCKET c, a, u;
    TCP_INFO_v0 v0;
    TCP_INFO_v1 v1;
    DWORD version = 0, n = 0;
    int rc;
    static char data[1000], reply[10];

    ct_startup(t);
    ct_tcp_pair(t, &c, &a);
    ct_obs_rc(t, "no_input", WSAIoctl(c, SIO_TCP_INFO, NULL, 0, &v0,
                                      sizeof(v0), &n, NULL, NULL));
    ct_obs_rc(t, "short_input", WSAIoctl(c, SIO_TCP_INFO, &version, 2, &v0,
                                         sizeof(v0), &n, NULL, NULL));
    ct_obs_rc(t, "version_2", tcp_info(c, 2, &v0, sizeof(v0), &n));
    ct_obs_rc(t, "short_output", tcp_info(c, 0, &v0, sizeof(v0) - 1, &n));
    ct_obs(t, "short_output_bytes", "%lu", (unsigned long)n);
    ct_obs_rc(t, "v1_in_v0_room", tcp_info(c, 1, &v1, sizeof(v0), &n));
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_require(t, u != INVALID_SOCKET, "udp");
    ct_obs_rc(t, "udp", tcp_info(u, 0, &v0, sizeof(v0), &n));
    closesocket(u);

    /* 1000 bytes one way; the 10 back carry the acknowledgment. */
    ct_require(t, send(c, data, sizeof(data), 0) == (int)sizeof(data),
               "send");
    recv_all(t, a, data, sizeof(data));
    ct_require(t, send(a, reply, sizeof(reply), 0) == (int)sizeof(reply),
               "reply");
    recv_all(t, c, reply, sizeof(reply));

    memset(&v0, 0xee, sizeof(v0));
    rc = tcp_info(c, 0, &v0, sizeof(v0), &n);
    ct_obs_rc(t, "v0", rc);
    ct_obs(t, "v0_bytes", "%lu", (unsigned long)n);
    field(t, rc, "state", (unsigned long long)v0.State);
    text_field(t, rc, "mss", v0.Mss > 0 && v0.Mss < 0x10000 ? "positive"
                                                            : "other");
    field(t, rc, "bytes_out", v0.BytesOut);
    field(t, rc, "bytes_in", v0.BytesIn);
    field(t, rc, "in_flight", v0.BytesInFlight);
    text_field(t, rc, "connection_time",
               v0.ConnectionTimeMs < 60000 ? "<60s" : "other");

    memset(&v1, 0xee, sizeof(v1));
    rc = tcp_info(a, 1, &v1, sizeof(v1), &n);
    ct_obs_rc(t, "v1", rc);
    ct_obs(t, "v1_bytes", "%lu", (unsigned long)n);
    field(t, rc, "server_state", (unsigned long long)v1.State);
    field(t, rc, "server_bytes_out", v1.BytesOut);
    field(t, rc, "server_bytes_in", v1.BytesIn);

    /* The client's FIN: the server end is in CLOSE_WAIT once it read it. */
    ct_require(t, shutdown(c, SD_SEND) == 0, "shutdown");
    ct_require(t, recv(a, reply, sizeof(reply), 0) == 0, "eof");
    rc = tcp_info(a, 0, &v0, sizeof(v0), &n);
    ct_obs_rc(t, "after_fin", rc);
    field(t, rc, "after_fin_state", (unsigned long long)v0.State);
    closesocket(c);
    closesocket(a);
}
