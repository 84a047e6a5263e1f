/* WS1: the WSA forms of the calls (without overlapped I/O): WSASendTo
 * and WSARecvFrom over UDP with their address and byte counts, a short
 * address or from-length WSAEFAULT, a datagram longer than the buffers
 * WSAEMSGSIZE and no MSG_PARTIAL (UDP has none); WSAConnect with no connect data; a TCP
 * socket from WSASocketW (rows 14e-14g). */
#include <string.h>
#include "harness.h"

static void udp_forms(ct *t)
{
    unsigned short port;
    SOCKET rx = ct_udp(t, &port), tx = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = ct_loopback(port), from;
    char a[3] = "abc", b[4] = "defg", in1[4], in2[8];
    WSABUF out[2] = { { 3, a }, { 4, b } }, in[2] = { { 4, in1 }, { 8, in2 } };
    DWORD n = 0, flags = 0;
    int fromlen = sizeof(from);

    ct_obs_rc(t, "sendto", WSASendTo(tx, out, 2, &n, 0,
                                     (struct sockaddr *)&to, sizeof(to),
                                     NULL, NULL));
    ct_obs(t, "sendto_count", "%lu", (unsigned long)n);
    n = 0;
    ct_wait_readable(rx, 2000);
    ct_obs_rc(t, "recvfrom", WSARecvFrom(rx, in, 2, &n, &flags,
                                         (struct sockaddr *)&from, &fromlen,
                                         NULL, NULL));
    ct_obs(t, "recvfrom_data", "%lu %.4s%.3s flags %lu fromlen %d family %d",
           (unsigned long)n, in1, in2, (unsigned long)flags, fromlen,
           from.sin_family);
    ct_obs_rc(t, "sendto_short_address",
              WSASendTo(tx, out, 1, &n, 0, (struct sockaddr *)&to, 4, NULL,
                        NULL));
    /* A datagram longer than both buffers: the first part, WSAEMSGSIZE. */
    out[0].len = 3, out[1].len = 4;
    WSASendTo(tx, out, 2, &n, 0, (struct sockaddr *)&to, sizeof(to), NULL,
              NULL);
    ct_wait_readable(rx, 2000);
    in[0].len = 2, in[1].len = 2;
    flags = 0;
    fromlen = sizeof(from);
    ct_obs_rc(t, "recvfrom_long", WSARecvFrom(rx, in, 2, &n, &flags,
                                              (struct sockaddr *)&from,
                                              &fromlen, NULL, NULL));
    ct_obs(t, "recvfrom_long_flags", "%s",
           (flags & MSG_PARTIAL) ? "MSG_PARTIAL" : "none");
    WSASendTo(tx, out, 1, &n, 0, (struct sockaddr *)&to, sizeof(to), NULL,
              NULL);
    ct_wait_readable(rx, 2000);
    in[0].len = 4;
    fromlen = 4;
    flags = 0;
    ct_obs_rc(t, "recvfrom_short_fromlen",
              WSARecvFrom(rx, in, 1, &n, &flags, (struct sockaddr *)&from,
                          &fromlen, NULL, NULL));
    closesocket(tx);
    closesocket(rx);
}

static void connect_forms(ct *t)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port), s, a;
    struct sockaddr_in to = ct_loopback(port);
    char data[8];
    WSABUF callee = { sizeof(data), data };

    s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                   WSA_FLAG_OVERLAPPED);
    ct_obs(t, "wsasocketw", "%s", s == INVALID_SOCKET ? "INVALID_SOCKET"
                                                      : "socket");
    ct_obs_rc(t, "wsaconnect", WSAConnect(s, (struct sockaddr *)&to,
                                          sizeof(to), NULL, &callee, NULL,
                                          NULL));
    ct_obs(t, "wsaconnect_callee_len", "%lu", (unsigned long)callee.len);
    a = accept(l, NULL, NULL);
    ct_obs_rc(t, "send_after_wsaconnect", send(s, "x", 1, 0));
    ct_obs_rc(t, "recv_after_wsaconnect", recv(a, data, sizeof(data), 0));
    closesocket(a);
    closesocket(s);
    closesocket(l);
}

void sc_WS1(ct *t)
{
    ct_startup(t);
    udp_forms(t);
    connect_forms(t);
}
