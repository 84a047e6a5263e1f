/* PI1: WSAEnumProtocols: the size protocol (no buffer or too small:
 * SOCKET_ERROR, WSAENOBUFS, the size needed), the entries of TCP and UDP
 * over IPv4 and IPv6, and a filter of protocol numbers. */
#include <string.h>
#include <stdlib.h>
#include "harness.h"

static const char *find(const WSAPROTOCOL_INFOA *p, int n, int af, int type)
{
    int i;

    for (i = 0; i < n; i++)
        if (p[i].iAddressFamily == af && p[i].iSocketType == type)
            return p[i].szProtocol;
    return "missing";
}

static const WSAPROTOCOL_INFOA *entry(const WSAPROTOCOL_INFOA *p, int n,
                                      int af, int type)
{
    int i;

    for (i = 0; i < n; i++)
        if (p[i].iAddressFamily == af && p[i].iSocketType == type)
            return &p[i];
    return NULL;
}

void sc_PI1(ct *t)
{
    WSAPROTOCOL_INFOA one, *buf;
    WSAPROTOCOL_INFOW *wbuf;
    const WSAPROTOCOL_INFOA *e;
    INT filter[] = { 0xdead, IPPROTO_TCP, 0xcafe, IPPROTO_UDP, 0xbeef, 0 };
    INT tcp_only[] = { IPPROTO_TCP, 0 };
    DWORD len = 0, wlen = 0;
    int n, i, others;

    ct_startup(t);
    ct_obs_rc(t, "no_buffer", WSAEnumProtocolsA(NULL, NULL, &len));
    ct_obs(t, "no_buffer_len", "%s", len >= sizeof(one) && len % sizeof(one) == 0
                                         ? "multiple of the entry" : "other");
    len = 0;
    ct_obs_rc(t, "small_buffer", WSAEnumProtocolsA(NULL, &one, &len));
    buf = (WSAPROTOCOL_INFOA *)malloc(len);
    ct_require(t, buf != NULL, "memory");
    n = WSAEnumProtocolsA(NULL, buf, &len);
    ct_obs(t, "all", "%s", n > 0 && (DWORD)n * sizeof(one) == len
                               ? "count of the entries" : "other");
    ct_obs(t, "tcp4", "%s", find(buf, n, AF_INET, SOCK_STREAM));
    ct_obs(t, "udp4", "%s", find(buf, n, AF_INET, SOCK_DGRAM));
    ct_obs(t, "tcp6", "%s", find(buf, n, AF_INET6, SOCK_STREAM));
    ct_obs(t, "udp6", "%s", find(buf, n, AF_INET6, SOCK_DGRAM));
    e = entry(buf, n, AF_INET, SOCK_STREAM);
    if (e) {
        ct_obs(t, "tcp4_flags", "0x%lx",
               (unsigned long)(e->dwServiceFlags1 & ~XP1_QOS_SUPPORTED));
        ct_obs(t, "tcp4_protocol", "%d", e->iProtocol);
        ct_obs(t, "tcp4_addr", "%d..%d", e->iMinSockAddr, e->iMaxSockAddr);
        ct_obs(t, "tcp4_message_size", "%lu", (unsigned long)e->dwMessageSize);
        ct_obs(t, "tcp4_chain", "%d", e->ProtocolChain.ChainLen);
        ct_obs(t, "tcp4_version", "%d", e->iVersion);
    }
    e = entry(buf, n, AF_INET, SOCK_DGRAM);
    if (e) {
        ct_obs(t, "udp4_flags", "0x%lx",
               (unsigned long)(e->dwServiceFlags1 & ~XP1_QOS_SUPPORTED));
        ct_obs(t, "udp4_protocol", "%d", e->iProtocol);
        ct_obs(t, "udp4_message_size", "%s", e->dwMessageSize ? "nonzero" : "0");
    }
    e = entry(buf, n, AF_INET6, SOCK_STREAM);
    if (e)
        ct_obs(t, "tcp6_addr", "%d..%d", e->iMinSockAddr, e->iMaxSockAddr);
    free(buf);

    len = 0;
    ct_obs_rc(t, "filter_no_buffer", WSAEnumProtocolsA(filter, NULL, &len));
    buf = (WSAPROTOCOL_INFOA *)malloc(len);
    ct_require(t, buf != NULL, "memory");
    n = WSAEnumProtocolsA(filter, buf, &len);
    for (i = others = 0; i < n; i++)
        if (buf[i].iProtocol != IPPROTO_TCP && buf[i].iProtocol != IPPROTO_UDP)
            others++;
    ct_obs(t, "filter", "%s", n >= 2 && !others ? "TCP and UDP only" : "other");
    free(buf);
    len = 0;
    WSAEnumProtocolsA(tcp_only, NULL, &len);
    buf = (WSAPROTOCOL_INFOA *)malloc(len);
    ct_require(t, buf != NULL, "memory");
    n = WSAEnumProtocolsA(tcp_only, buf, &len);
    for (i = others = 0; i < n; i++)
        if (buf[i].iProtocol != IPPROTO_TCP)
            others++;
    ct_obs(t, "filter_tcp", "%s", n >= 2 && !others ? "TCP only" : "other");
    free(buf);

    ct_obs_rc(t, "wide_no_buffer", WSAEnumProtocolsW(NULL, NULL, &wlen));
    wbuf = (WSAPROTOCOL_INFOW *)malloc(wlen);
    ct_require(t, wbuf != NULL, "memory");
    n = WSAEnumProtocolsW(NULL, wbuf, &wlen);
    for (i = others = 0; i < n; i++)
        if (wbuf[i].iAddressFamily == AF_INET &&
            wbuf[i].iSocketType == SOCK_STREAM &&
            wcscmp(wbuf[i].szProtocol, L"MSAFD Tcpip [TCP/IP]") == 0)
            others++;
    ct_obs(t, "wide_tcp4", "%s", others ? "MSAFD Tcpip [TCP/IP]" : "missing");
    free(wbuf);
}
