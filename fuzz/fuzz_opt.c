/* setsockopt, getsockopt and ioctlsocket with any level, name, length and
 * value, on fresh TCP, UDP, IPv6 and listening sockets.  Besides the
 * common invariants: a get never writes past the length it was given nor
 * reports more, and a BOOL or timeout that was set reads back. */
#include "fuzz.h"
#include <mswsock.h>

static const int levels[] = { SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP,
                              IPPROTO_IPV6, IPPROTO_UDP };
static const int names[] = {
    SO_DEBUG, SO_ACCEPTCONN, SO_REUSEADDR, SO_EXCLUSIVEADDRUSE,
    SO_KEEPALIVE, SO_DONTROUTE, SO_BROADCAST, SO_LINGER, SO_DONTLINGER,
    SO_OOBINLINE, SO_SNDBUF, SO_RCVBUF, SO_SNDLOWAT, SO_RCVLOWAT,
    SO_SNDTIMEO, SO_RCVTIMEO, SO_ERROR, SO_TYPE, TCP_NODELAY, IP_TOS,
    IP_TTL, IP_HDRINCL, IP_MULTICAST_TTL, IP_MULTICAST_LOOP,
    IPV6_V6ONLY, IPV6_UNICAST_HOPS, 0x7010, 0x700b, 0x700c
};
static const LONG cmds[] = { FIONBIO, FIONREAD, SIOCATMARK, (LONG)0x8004667D,
                             0x667e, (LONG)0xdeadbeef };

/* Room for the largest length a call may claim, in a buffer of exactly
 * that size so that AddressSanitizer sees any write past it. */
#define MAX_OPTLEN 64

static int pick_level(struct fz *f)
{
    unsigned k = fz_pick(f, 7);

    return k < 5 ? levels[k] : (int)fz_u32(f);
}

static int pick_name(struct fz *f)
{
    unsigned k = fz_pick(f, 32);

    return k < sizeof(names) / sizeof(names[0]) ? names[k] : (int)fz_u32(f);
}

static int pick_len(struct fz *f)
{
    switch (fz_pick(f, 4)) {
    case 0:
        return 4;
    case 1:
        return (int)fz_u32(f); /* negative and huge, with a NULL value */
    default:
        return fz_pick(f, MAX_OPTLEN + 1);
    }
}

static int is_boolean(int level, int name)
{
    if (level == SOL_SOCKET)
        return name == SO_KEEPALIVE || name == SO_OOBINLINE ||
               name == SO_BROADCAST || name == SO_DONTROUTE;
    return level == IPPROTO_TCP && name == TCP_NODELAY;
}

/* BOOLs Windows keeps in one byte: read from the first, answered in one. */
static int is_byte(int level, int name)
{
    if (level == SOL_SOCKET)
        return name == SO_KEEPALIVE || name == SO_DONTROUTE;
    return level == IPPROTO_TCP && name == TCP_NODELAY;
}

static int is_timeout(int level, int name)
{
    return level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO);
}

/* What a successful set must read back as, or -1 if nothing is promised. */
static long expected_back(int level, int name, const char *v, int len)
{
    uint32_t d = 0;

    if (len > 0)
        memcpy(&d, v, len < 4 ? (size_t)len : 4);
    if (is_byte(level, name))
        return v[0] != 0;
    if (is_boolean(level, name))
        return d != 0;
    if (is_timeout(level, name) && len >= 4)
        return (long)d;
    return -1;
}

static void read_back(SOCKET s, int level, int name, long want)
{
    uint32_t got = 0xfefefefe;
    int len = 4;

    FZ_CHECK(getsockopt(s, level, name, (char *)&got, &len) == 0,
             WSAGetLastError());
    FZ_CHECK(len == (is_byte(level, name) ? 1 : 4), len);
    if (is_byte(level, name))
        got &= 0xff;
    FZ_CHECK(got == (uint32_t)want, got);
}

static void fuzz_set(struct fz *f, SOCKET s)
{
    int level = pick_level(f), name = pick_name(f), len = pick_len(f);
    int fit = len > 0 && len <= MAX_OPTLEN;
    char *v = fit ? malloc((size_t)len) : NULL;
    long want;

    if (fit)
        fz_fill(f, v, (size_t)len);
    if (setsockopt(s, level, name, v, len) == 0) {
        /* Only SO_UPDATE_CONNECT_CONTEXT takes no value (row MX18). */
        FZ_CHECK(fit || (level == SOL_SOCKET &&
                         name == SO_UPDATE_CONNECT_CONTEXT), len);
        want = expected_back(level, name, v, len);
        if (want >= 0)
            read_back(s, level, name, want);
    } else {
        fz_failed_with(SOCKET_ERROR);
    }
    free(v);
}

static void fuzz_get(struct fz *f, SOCKET s)
{
    int level = pick_level(f), name = pick_name(f), len = pick_len(f);
    int given = len, fit = len > 0 && len <= MAX_OPTLEN;
    char *v = fit ? malloc((size_t)len) : NULL;

    if (getsockopt(s, level, name, v, fz_pick(f, 8) ? &len : NULL) == 0) {
        /* IP_OPTIONS answers the options set: none is 0 bytes. */
        FZ_CHECK(fit && len <= given &&
                     (len > 0 || (level == IPPROTO_IP && name == IP_OPTIONS)),
                 len);
    } else {
        fz_failed_with(SOCKET_ERROR);
        /* Below SOL_SOCKET a buffer too short is told a length of 0. */
        FZ_CHECK(len == given || (len == 0 && level != SOL_SOCKET), len);
    }
    free(v);
}

static void fuzz_ioctl(struct fz *f, SOCKET s)
{
    unsigned k = fz_pick(f, 8);
    LONG cmd = k < 6 ? cmds[k] : (LONG)fz_u32(f);
    u_long arg = fz_u32(f), *argp = malloc(sizeof(*argp));
    int known = cmd == FIONBIO || cmd == FIONREAD || cmd == SIOCATMARK;
    int null_arg = fz_pick(f, 8) == 0;

    *argp = arg;
    if (ioctlsocket(s, cmd, null_arg ? NULL : argp) == 0)
        FZ_CHECK(known && !null_arg, cmd);
    else
        FZ_CHECK(fz_failed_with(SOCKET_ERROR) ==
                 (known ? WSAEFAULT : WSAEOPNOTSUPP), cmd);
    if (cmd == FIONBIO && !null_arg && arg == 0) {
        *argp = 1; /* keep every socket non-blocking: nothing may wait */
        FZ_CHECK(ioctlsocket(s, FIONBIO, argp) == 0, WSAGetLastError());
    }
    free(argp);
}

static SOCKET make_listener(void)
{
    struct sockaddr_in a;
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);

    fz_loopback(&a, 0);
    FZ_CHECK(l != INVALID_SOCKET && !bind(l, (struct sockaddr *)&a, sizeof(a))
             && !listen(l, 1), WSAGetLastError());
    return l;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    SOCKET s[4];
    int i;

    fz_startup();
    s[0] = socket(AF_INET, SOCK_STREAM, 0);
    s[1] = socket(AF_INET, SOCK_DGRAM, 0);
    s[2] = socket(AF_INET6, SOCK_STREAM, 0); /* may fail without IPv6 */
    s[3] = make_listener();
    for (i = 0; i < 4; i++)
        if (s[i] != INVALID_SOCKET)
            fz_nonblocking(s[i]);
    while (f.n > 0) {
        SOCKET t = s[fz_pick(&f, 4)];
        if (t == INVALID_SOCKET)
            continue;
        switch (fz_pick(&f, 3)) {
        case 0:
            fuzz_set(&f, t);
            break;
        case 1:
            fuzz_get(&f, t);
            break;
        default:
            fuzz_ioctl(&f, t);
        }
    }
    for (i = 0; i < 4; i++)
        fz_close(s[i]);
    fz_no_leak();
    return 0;
}
