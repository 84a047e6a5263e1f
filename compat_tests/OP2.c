/* OP2: Windows' length rules, option by option: the steps of Wine's
 * test_set_getsockopt option-size walk (lengths 8, -1, 0, 1, 2, 4, a
 * value of 0x100), each answer compared with Windows' in the table below.
 * One observation per option: "ok", or the first step that differed. */
#include <stdio.h>
#include <string.h>
#include "harness.h"
#include "optnames.h"

/* Windows' answers: takes lengths below 4; the size getsockopt reports
 * for lengths 1, 2, 4; what a get of 1 and 2 bytes leaves in a DWORD of
 * 0xdeadbeef (0: untouched if it fails, the reported size's bytes if it
 * works; a SOL_SOCKET BOOL read with 2 writes 2 and reports 1,
 * test_optsize[]'s values); takes 0x100; a BOOL (answers 1). */
static const struct opt {
    const char *name;
    int af, type, level, optname, short_ok;
    int sizes[3];
    DWORD values[2];
    int large_ok, boolean;
} opts[] = {
    { "SO_BROADCAST", AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, 1, { 1, 1, 4 }, { 0, 0xdead0001 }, 1, 1 },
    { "SO_DONTLINGER", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DONTLINGER, 1, { 1, 1, 4 }, { 0, 0xdead0001 }, 1, 1 },
    { "SO_LINGER", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_LINGER, 0, { 1, 2, 4 }, { 0xdeadbe00, 0xdead0000 }, 1, 0 },
    { "SO_OOBINLINE", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_OOBINLINE, 1, { 1, 1, 4 }, { 0, 0xdead0001 }, 1, 1 },
    { "SO_RCVBUF", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_RCVBUF, 0, { 1, 2, 4 }, { 0xdeadbe00, 0xdead0000 }, 1, 0 },
    { "SO_KEEPALIVE", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, 1, { 1, 1, 1 }, { 0, 0 }, 1, 0 },
    { "SO_DONTROUTE", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DONTROUTE, 1, { 1, 1, 1 }, { 0, 0 }, 1, 0 },
    { "SO_RCVTIMEO", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_RCVTIMEO, 0, { 1, 2, 4 }, { 0, 0 }, 1, 0 },
    { "SO_REUSEADDR", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, 1, { 1, 1, 4 }, { 0, 0xdead0001 }, 1, 1 },
    { "SO_EXCLUSIVEADDRUSE", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1, { 1, 1, 4 }, { 0, 0xdead0001 }, 1, 1 },
    { "SO_SNDBUF", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_SNDBUF, 0, { 1, 2, 4 }, { 0xdeadbe00, 0xdead0000 }, 1, 0 },
    { "SO_SNDTIMEO", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_SNDTIMEO, 0, { 1, 2, 4 }, { 0, 0 }, 1, 0 },
    { "SO_OPENTYPE", AF_INET, SOCK_STREAM, SOL_SOCKET, SO_OPENTYPE, 0, { 1, 2, 4 }, { 0, 0 }, 1, 0 },
    { "TCP_NODELAY", AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_NODELAY, 1, { 1, 1, 1 }, { 0, 0 }, 1, 0 },
    { "TCP_KEEPALIVE", AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPALIVE, 0, { 0, 0, 4 }, { 0, 0 }, 1, 0 },
    { "TCP_KEEPCNT", AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPCNT, 0, { 0, 0, 4 }, { 0, 0 }, 0, 0 },
    { "TCP_KEEPINTVL", AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPINTVL, 0, { 0, 0, 4 }, { 0, 0 }, 1, 0 },
    { "IP_MULTICAST_LOOP", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_MULTICAST_LOOP, 1, { 1, 1, 4 }, { 0, 0 }, 1, 1 },
    { "IP_MULTICAST_TTL", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_MULTICAST_TTL, 1, { 1, 1, 4 }, { 0, 0 }, 0, 0 },
    { "IP_PKTINFO", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_PKTINFO, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IP_RECVTOS", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_RECVTOS, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IP_RECVTTL", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_RECVTTL, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IP_TOS", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TOS, 1, { 1, 1, 4 }, { 0, 0 }, 0, 0 },
    { "IP_TTL", AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TTL, 1, { 1, 1, 4 }, { 0, 0 }, 0, 0 },
    { "IPV6_DONTFRAG", AF_INET6, SOCK_STREAM, IPPROTO_IPV6, IPV6_DONTFRAG, 1, { 1, 1, 4 }, { 0, 0 }, 1, 1 },
    { "IPV6_HOPLIMIT", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_HOPLIMIT, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IPV6_MULTICAST_HOPS", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 1, { 1, 1, 4 }, { 0, 0 }, 0, 0 },
    { "IPV6_MULTICAST_LOOP", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 1, { 1, 1, 4 }, { 0, 0 }, 1, 1 },
    { "IPV6_PKTINFO", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_PKTINFO, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IPV6_RECVTCLASS", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_RECVTCLASS, 0, { 0, 0, 4 }, { 0, 0 }, 1, 1 },
    { "IPV6_UNICAST_HOPS", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 1, { 1, 1, 4 }, { 0, 0 }, 0, 0 },
    { "IPV6_V6ONLY", AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_V6ONLY, 1, { 1, 1, 1 }, { 0, 0 }, 1, 0 },
};

#define CHECK(what, cond)                                                  \
    do {                                                                   \
        if (!(cond)) {                                                     \
            snprintf(diff, sizeof(diff), "%s", what);                      \
            goto out;                                                      \
        }                                                                  \
    } while (0)

static void walk(ct *t, const struct opt *o)
{
    char diff[96];
    SOCKET s = socket(o->af, o->type, 0);
    DWORD value, save = 0, expect;
    unsigned long long v64 = 0xffffffff00000001ull;
    int size = sizeof(save), rc, j, err;

    ct_require(t, s != INVALID_SOCKET, "socket");
    rc = getsockopt(s, o->level, o->optname, (char *)&save, &size);
    CHECK("get", rc == 0);
    rc = setsockopt(s, o->level, o->optname, (char *)&v64, sizeof(v64));
    CHECK("set_len8", rc == 0);
    size = sizeof(v64);
    rc = getsockopt(s, o->level, o->optname, (char *)&v64, &size);
    CHECK("get_len8", rc == 0 && size == o->sizes[2]);

    value = 1;
    rc = setsockopt(s, o->level, o->optname, (char *)&value, -1);
    if (o->sizes[2] == 1 || o->level != SOL_SOCKET)
        CHECK("set_len-1", rc == -1 && WSAGetLastError() == WSAENOBUFS);
    else
        CHECK("set_len-1", rc == 0);
    size = -1;
    value = 0xdeadbeef;
    rc = getsockopt(s, o->level, o->optname, (char *)&value, &size);
    if (o->optname == SO_OPENTYPE)
        CHECK("get_len-1", rc == 0 && size == 4);
    else
        CHECK("get_len-1", rc == -1 && WSAGetLastError() == WSAEFAULT &&
                               size == -1);

    value = 1;
    rc = setsockopt(s, o->level, o->optname, (char *)&value, 0);
    err = WSAGetLastError();
    if (o->level == SOL_SOCKET && o->boolean)
        CHECK("set_len0", rc == 0);
    else
        CHECK("set_len0", rc == -1 && err == WSAEFAULT);
    size = 0;
    rc = getsockopt(s, o->level, o->optname, (char *)&value, &size);
    CHECK("get_len0", rc == -1 && WSAGetLastError() == WSAEFAULT);

    value = 0x100;
    rc = setsockopt(s, o->level, o->optname, (char *)&value, 4);
    err = WSAGetLastError();
    CHECK("set_0x100", o->large_ok ? rc == 0 : rc == -1 && err == WSAEINVAL);
    if (o->large_ok) {
        expect = o->sizes[2] == 1 ? 0xdeadbe00 : o->boolean ? 1 : 0x100;
        value = 0xdeadbeef;
        size = 4;
        rc = getsockopt(s, o->level, o->optname, (char *)&value, &size);
        CHECK("get_0x100", rc == 0 && value == expect &&
                               size == o->sizes[2]);
    }

    for (j = 0; j < 3; j++) {
        int len = 1 << j, ok = o->short_ok || len == 4;
        static const char *sets[] = { "set_len1", "set_len2", "set_len4" };
        static const char *gets[] = { "get_len1", "get_len2", "get_len4" };

        value = 1;
        expect = 0xdeadbeef;
        if (j < 2 && o->values[j])
            expect = o->values[j];
        else if (ok)
            memcpy(&expect, &value, (size_t)o->sizes[j]);
        rc = setsockopt(s, o->level, o->optname, (char *)&value, len);
        err = WSAGetLastError();
        CHECK(sets[j], ok ? rc == 0 : rc == -1 && err == WSAEFAULT);
        value = 0xdeadbeef;
        size = len;
        rc = getsockopt(s, o->level, o->optname, (char *)&value, &size);
        err = WSAGetLastError();
        CHECK(gets[j], (ok ? rc == 0 : rc == -1 && err == WSAEFAULT) &&
                           value == expect && size == o->sizes[j]);
    }
    snprintf(diff, sizeof(diff), "ok");
out:
    setsockopt(s, o->level, o->optname, (char *)&save, sizeof(save));
    closesocket(s);
    ct_obs(t, o->name, "%s", diff);
}

void sc_OP2(ct *t)
{
    size_t i;

    ct_startup(t);
    for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        walk(t, &opts[i]);
}
