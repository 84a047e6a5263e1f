/* Winsock setsockopt, getsockopt and ioctlsocket: Windows encodings and
 * sizes (DWORD milliseconds, a linger of two u_short, BOOLs) over the
 * engine's options. */
#include <string.h>
#include "ws.h"
#include "mswsock.h" /* SO_UPDATE_CONNECT_CONTEXT, SO_OPENTYPE */
#include "optmap.h"
#include "protocols.h"

/* The largest value an option reads: IP_OPTIONS' 40 bytes. */
#define OPT_MAX 40

/* How many bytes of the caller's value an option reads. */
static int value_size(const struct wsc_optmap *m)
{
    return m->kind == OPT_MREQ || m->kind == OPT_IPOPTIONS ? m->size : 4;
}

/* The value as Windows reads it: one byte, or the bytes given (short
 * lengths, little-endian), or a DWORD. */
static uint32_t read_value(const struct wsc_optmap *m, const char *v, int len)
{
    uint32_t d = 0;

    if (m->flags & OF_BYTE)
        return (unsigned char)v[0];
    memcpy(&d, v, len < 4 ? (size_t)len : 4);
    return d;
}

/* Windows' PMTUD_STATE and Linux's IP_PMTUDISC_ numbers (IPv4 and IPv6
 * have the same). */
static const int pmtud_linux[] = { L_IP_PMTUDISC_WANT, L_IP_PMTUDISC_DO,
                                   L_IP_PMTUDISC_DONT, L_IP_PMTUDISC_PROBE };

static long set_dontfrag(struct wsc_sock *e, const struct wsc_optmap *m,
                         int on)
{
    long r;

    if (m->wlevel == IPPROTO_IP)
        r = wsc_e_setopt_int(e, IPPROTO_IP, L_IP_MTU_DISCOVER,
                             on ? L_IP_PMTUDISC_DO : L_IP_PMTUDISC_DONT);
    else
        r = wsc_e_setopt_int(e, IPPROTO_IPV6, L_IPV6_DONTFRAG, on);
    if (r == 0)
        wsc_e_keep(e, WSC_KEPT_DONTFRAG, (uint32_t)on + 1);
    return r;
}

/* TCP_MAXRT in seconds (~0: retransmit for ever), TCP_MAXRTMS in ms; the
 * kernel's TCP_USER_TIMEOUT (ms, 0: its default) follows. */
static long set_maxrt(struct wsc_sock *e, const struct wsc_optmap *m,
                      uint32_t v)
{
    uint64_t ms = v == 0xffffffffu ? 0xffffffffu : (uint64_t)v * m->name;
    int k;
    long r;

    if (ms > 0xffffffffu)
        ms = 0xfffffffeu;
    k = ms >= 0x7fffffffu ? 0 : (int)ms;
    r = wsc_e_setopt_int(e, IPPROTO_TCP, L_TCP_USER_TIMEOUT, k);
    if (r == 0)
        wsc_e_keep(e, WSC_KEPT_MAXRT_MS, (uint32_t)ms);
    return r;
}

static long set_opt(struct wsc_sock *e, const struct wsc_optmap *m,
                    const char *optval, int optlen)
{
    struct linger lg;
    uint32_t u;
    int v, r;

    if (m->kind == OPT_LINGER) {
        memcpy(&lg, optval, sizeof(lg));
        r = wsc_e_set_linger(e, lg.l_onoff != 0, lg.l_linger);
        if (r == 0)
            wsc_e_keep(e, WSC_KEPT_LINGER_ONOFF, lg.l_onoff);
        return r;
    }
    if (m->kind == OPT_MREQ)
        return wsc_e_setopt_raw(e, m->level, m->name, optval,
                                (socklen_t)m->size);
    if (m->kind == OPT_IPOPTIONS)
        return wsc_e_setopt_raw(e, m->level, m->name, optval,
                                (socklen_t)optlen);
    u = read_value(m, optval, optlen);
    if ((m->flags & OF_SMALL) && u > 255)
        return -WSAEINVAL;
    v = (int)u;
    switch (m->kind) {
    case OPT_V6ONLY:
        /* An IPv4 socket takes it until bound (row V65); Linux refuses. */
        if (e->family != AF_INET6)
            return wsc_e_is_bound(e) ? -WSAEINVAL : 0;
        /* fall through */
    case OPT_BOOL:
        return wsc_e_setopt_int(e, m->level, m->name, v != 0);
    case OPT_INT:
        return wsc_e_setopt_int(e, m->level, m->name, v);
    case OPT_HDRINCL:
        if (e->type != SOCK_RAW)
            return -WSAEINVAL; /* Vista and later, on TCP and UDP */
        return wsc_e_setopt_int(e, m->level, m->name, v != 0);
    case OPT_BUF:
        return wsc_e_set_buf(e, m->name, v);
    case OPT_KEPT:
        wsc_e_keep(e, m->name, (m->flags & OF_BOOLV) ? u != 0 : u);
        return 0;
    case OPT_DONTFRAG:
        return set_dontfrag(e, m, v != 0);
    case OPT_PMTUD:
        /* PMTUD_NOT_SET (0), what a get answers by default, is not a
         * state to set (test_sockopt_validity). */
        if (u == 0 || u > 3)
            return -WSAEINVAL;
        return wsc_e_setopt_int(e, m->level, m->name, pmtud_linux[u]);
    case OPT_MAXRT:
        if (e->type != SOCK_STREAM)
            return -WSAENOPROTOOPT;
        return set_maxrt(e, m, u);
    case OPT_RCVTIMEO:
        return wsc_e_set_rcvtimeo(e, u);
    case OPT_SNDTIMEO:
        return wsc_e_set_sndtimeo(e, u);
    case OPT_DONTLINGER: {
        int on = 0, secs = 0;
        r = wsc_e_get_linger(e, &on, &secs);
        if (r == 0 && v == 0)
            wsc_e_keep(e, WSC_KEPT_LINGER_ONOFF, 1);
        return r ? r : wsc_e_set_linger(e, !v, secs);
    }
    case OPT_REUSEADDR:
        return wsc_e_set_reuse(e, 0, v != 0);
    case OPT_EXCLUSIVE:
        return wsc_e_set_reuse(e, 1, v != 0);
    case OPT_ERROR:
        return wsc_e_set_so_error(e, v);
    case OPT_ACCEPTED:
        return 0;
    default:
        return -WSAENOPROTOOPT; /* read-only */
    }
}

/* The value a get returns, as a DWORD. */
static long get_value(struct wsc_sock *e, const struct wsc_optmap *m,
                      uint32_t *out)
{
    int on = 0, secs = 0, v = 0;
    uint32_t k;
    long r = 0;

    switch (m->kind) {
    case OPT_V6ONLY:
        if (e->family != AF_INET6) {
            *out = 1; /* an IPv4 socket is IPv4 only (row V65) */
            return 0;
        }
        /* fall through */
    case OPT_BOOL:
        r = wsc_e_getopt_int(e, m->level, m->name, &v);
        v = v != 0;
        break;
    case OPT_HDRINCL:
        if (e->type != SOCK_RAW)
            return -WSAEINVAL;
        r = wsc_e_getopt_int(e, m->level, m->name, &v);
        v = v != 0;
        break;
    case OPT_INT:
    case OPT_TYPE:
    case OPT_GETONLY:
        r = wsc_e_getopt_int(e, m->level, m->name, &v);
        break;
    case OPT_BUF:
        r = wsc_e_get_buf(e, m->name, &v);
        break;
    case OPT_KEPT:
        v = (int)wsc_e_kept(e, m->name);
        break;
    case OPT_DONTFRAG:
        /* Windows: on for TCP, off for UDP and raw until set. */
        k = wsc_e_kept(e, WSC_KEPT_DONTFRAG);
        v = k ? (int)k - 1 : e->type == SOCK_STREAM;
        break;
    case OPT_PMTUD:
        r = wsc_e_getopt_int(e, m->level, m->name, &v);
        v = v == L_IP_PMTUDISC_DO      ? 1
            : v == L_IP_PMTUDISC_DONT  ? 2
            : v == L_IP_PMTUDISC_PROBE ? 3 : 0;
        break;
    case OPT_MAXRT:
        if (e->type != SOCK_STREAM)
            return -WSAENOPROTOOPT;
        k = wsc_e_kept(e, WSC_KEPT_MAXRT_MS);
        *out = k == 0xffffffffu ? k : k / (uint32_t)m->name;
        return 0;
    case OPT_MAXMSG:
        /* The largest UDP payload over IPv4; a stream has no messages,
         * which Windows documents as "no meaning": refused here. */
        if (e->type == SOCK_STREAM)
            return -WSAENOPROTOOPT;
        v = 65507;
        break;
    case OPT_CONNTIME:
        *out = wsc_e_connect_time(e);
        return 0;
    case OPT_GROUPID:
        v = 0;
        break;
    case OPT_RCVTIMEO:
        *out = wsc_e_rcvtimeo(e);
        return 0;
    case OPT_SNDTIMEO:
        *out = wsc_e_sndtimeo(e);
        return 0;
    case OPT_DONTLINGER:
        r = wsc_e_get_linger(e, &on, &secs);
        v = !on;
        break;
    case OPT_REUSEADDR:
        v = (wsc_flags(e) & WSC_F_REUSEADDR) != 0;
        break;
    case OPT_EXCLUSIVE:
        v = (wsc_flags(e) & WSC_F_EXCLUSIVE) != 0;
        break;
    case OPT_ERROR:
        v = wsc_e_so_error(e);
        break;
    case OPT_ACCEPTCONN:
        v = (wsc_flags(e) & WSC_F_LISTENING) != 0;
        break;
    default:
        return -WSAENOPROTOOPT;
    }
    *out = (uint32_t)v;
    return r;
}

/* SO_LINGER: l_onoff as the program set it while it is on. */
static long get_linger(struct wsc_sock *e, uint32_t *out)
{
    struct linger lg;
    int on = 0, secs = 0;
    long r = wsc_e_get_linger(e, &on, &secs);
    uint32_t raw = wsc_e_kept(e, WSC_KEPT_LINGER_ONOFF);

    if (r)
        return r;
    lg.l_onoff = (u_short)(on ? (raw ? raw : 1) : 0);
    lg.l_linger = (u_short)secs;
    memcpy(out, &lg, sizeof(lg));
    return 0;
}

/* The value into out (at most 4 bytes); *len: the caller's, then the
 * size of the value; *wlen the bytes written (a SOL_SOCKET BOOL read
 * with 2 bytes writes both and answers a size of 1).  Windows' rules by
 * length (test_optsize[]): short lengths answer one byte where the
 * option takes them, else WSAEFAULT, with the bytes zeroed (SO_LINGER,
 * the buffers) or, below SOL_SOCKET, a length of 0. */
enum fault_out { OUT_VALUE, OUT_ZEROS, OUT_LENGTH };

static long get_opt(struct wsc_sock *e, const struct wsc_optmap *m,
                    char *out, int *len, int *wlen, enum fault_out *what)
{
    uint32_t v = 0;
    long r;

    if (m->kind == OPT_MREQ)
        return -WSAENOPROTOOPT; /* set only (row V68) */
    if (*len <= 0)
        return -WSAEFAULT;
    if (*len < 4 && !(m->flags & (OF_SHORT | OF_BYTE))) {
        if (m->flags & OF_ZFILL) {
            memset(out, 0, (size_t)*len);
            *what = OUT_ZEROS;
        } else if (m->wlevel != SOL_SOCKET) {
            *len = 0;
            *what = OUT_LENGTH;
        }
        return -WSAEFAULT;
    }
    r = m->kind == OPT_LINGER ? get_linger(e, &v) : get_value(e, m, &v);
    if (r)
        return r;
    if ((m->flags & OF_LEN0) && *len == 2) {
        uint16_t h = (uint16_t)v;

        memcpy(out, &h, 2);
        *wlen = 2;
        *len = 1;
    } else if ((m->flags & OF_BYTE) || *len < 4) {
        out[0] = (char)v;
        *len = *wlen = 1;
    } else {
        memcpy(out, &v, 4);
        *len = *wlen = 4;
    }
    return 0;
}

/* IP_OPTIONS: the options the socket sends, as many as *len holds. */
static long get_ipoptions(struct wsc_sock *e, const struct wsc_optmap *m,
                          char *out, int *len)
{
    socklen_t n = (socklen_t)(*len < m->size ? *len : m->size);
    long r;

    if (*len < 0)
        return -WSAEFAULT;
    r = wsc_e_getopt_raw(e, m->level, m->name, out, &n);
    if (r == 0)
        *len = (int)n;
    return r;
}

/* SO_OPENTYPE: the calling thread's, on any handle, INVALID_SOCKET too. */
static int opentype(int set, char *optval, int *optlen, int setlen)
{
    int len = 0;

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (set) {
        if (wsc_bad_ptr(optval) || (setlen >= 0 && setlen < 4) ||
            wsc_copy_in(&wsc_opentype, optval, 4))
            return wsc_fail(WSAEFAULT);
        return wsc_ok(0);
    }
    if (wsc_bad_ptr(optval) || wsc_bad_ptr(optlen) ||
        wsc_copy_in(&len, optlen, sizeof(len)) || (len >= 0 && len < 4))
        return wsc_fail(WSAEFAULT);
    len = 4; /* a negative length too (test_optsize[]) */
    if (wsc_copy_out(optval, &wsc_opentype, 4) ||
        wsc_copy_out(optlen, &len, sizeof(len)))
        return wsc_fail(WSAEFAULT);
    return wsc_ok(0);
}

/* The option and the socket's kind: a UDP option on a stream, an IPv4
 * one on IPv6. */
static int opt_fits(struct wsc_sock *e, const struct wsc_optmap *m)
{
    if ((m->flags & OF_DGRAM) && e->type != SOCK_DGRAM)
        return 0;
    return !(m->flags & OF_INET4) || e->family == AF_INET;
}

int ws_setsockopt(SOCKET s, int level, int optname, const char *optval,
                   int optlen)
{
    struct wsc_sock *e;
    const struct wsc_optmap *m;
    char v[OPT_MAX];
    int len = optlen, need;

    if (level == SOL_SOCKET && optname == SO_OPENTYPE)
        return opentype(1, (char *)optval, NULL, optlen);
    e = wsc_enter(s);
    if (!e)
        return SOCKET_ERROR;
    if (!wsc_optmap_level_known(level))
        return wsc_leave(e, -WSAEINVAL);
    m = wsc_optmap_find(level, optname);
    if (!m || !opt_fits(e, m))
        return wsc_leave(e, -WSAENOPROTOOPT);
    if ((m->flags & OF_NOSTREAM) && e->type == SOCK_STREAM)
        return wsc_leave(e, -WSAEINVAL);
    /* It takes no value: libuv passes NULL, 0 (row MX18). */
    if (level == SOL_SOCKET && optname == SO_UPDATE_CONNECT_CONTEXT)
        return wsc_leave(e, wsc_e_update_connect_context(e));
    if (wsc_bad_ptr(optval))
        return wsc_leave(e, -WSAEFAULT);
    /* A negative length: a SOL_SOCKET DWORD reads its 4 bytes, the rest
     * fail WSAENOBUFS (Windows 10 21H1 and later). */
    if (len < 0) {
        if (level != SOL_SOCKET || (m->flags & OF_BYTE))
            return wsc_leave(e, -WSAENOBUFS);
        len = value_size(m);
    }
    if (len == 0)
        return wsc_leave(e, (m->flags & OF_LEN0) ? 0 : -WSAEFAULT);
    need = value_size(m);
    if (len < need && !(m->flags & (OF_SHORT | OF_BYTE)))
        return wsc_leave(e, -WSAEFAULT);
    memset(v, 0, sizeof(v));
    if (wsc_copy_in(v, optval, (size_t)(len < need ? len : need)))
        return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, set_opt(e, m, v, len < need ? len : need));
}

int ws_getsockopt(SOCKET s, int level, int optname, char *optval,
                   int *optlen)
{
    struct wsc_sock *e;
    const struct wsc_optmap *m;
    char v[OPT_MAX];
    enum fault_out what = OUT_VALUE;
    int len = 0, in, wlen = 0;
    long r;

    if (level == SOL_SOCKET && optname == SO_OPENTYPE)
        return opentype(0, optval, optlen, 0);
    e = wsc_enter(s);
    if (!e)
        return SOCKET_ERROR;
    if (level == SOL_SOCKET && ws_is_protocol_info(optname))
        return wsc_leave(e, ws_get_protocol_info(e, optname, optval, optlen));
    if (level == SOL_SOCKET && optname == SO_BSP_STATE)
        return wsc_leave(e, ws_get_bsp_state(e, optval, optlen));
    if (!wsc_optmap_level_known(level))
        return wsc_leave(e, -WSAEINVAL);
    m = wsc_optmap_find(level, optname);
    if (!m || !opt_fits(e, m))
        return wsc_leave(e, -WSAENOPROTOOPT);
    if ((m->flags & OF_NOSTREAM) && e->type == SOCK_STREAM)
        return wsc_leave(e, -WSAEINVAL);
    if (wsc_bad_ptr(optval) || wsc_bad_ptr(optlen) ||
        wsc_copy_in(&len, optlen, sizeof(len)))
        return wsc_leave(e, -WSAEFAULT);
    in = len;
    if (m->kind == OPT_IPOPTIONS) {
        r = get_ipoptions(e, m, v, &len);
        wlen = len;
    } else {
        r = get_opt(e, m, v, &len, &wlen, &what);
    }
    /* A failure may still write: zeroed bytes, or a length of 0. */
    if (what == OUT_ZEROS)
        wsc_copy_out(optval, v, (size_t)in);
    else if (what == OUT_LENGTH)
        wsc_copy_out(optlen, &len, sizeof(len));
    else if (r == 0 && (wsc_copy_out(optval, v, (size_t)wlen) ||
                        wsc_copy_out(optlen, &len, sizeof(len))))
        r = -WSAEFAULT;
    return wsc_leave(e, r);
}

int ws_ioctlsocket(SOCKET s, LONG cmd, u_long *argp)
{
    struct wsc_sock *e = wsc_enter(s);
    u_long v = 0;

    if (!e)
        return SOCKET_ERROR;
    if (cmd != FIONBIO && cmd != FIONREAD && cmd != SIOCATMARK)
        return wsc_leave(e, -WSAEOPNOTSUPP);
    if (wsc_bad_ptr(argp))
        return wsc_leave(e, -WSAEFAULT);
    if (cmd == FIONBIO) {
        if (wsc_copy_in(&v, argp, sizeof(v)))
            return wsc_leave(e, -WSAEFAULT);
        return wsc_leave(e, wsc_e_set_nonblock(e, v != 0));
    }
    v = (u_long)(cmd == FIONREAD ? wsc_e_bytes_readable(e) : wsc_e_at_mark(e));
    return wsc_leave(e, wsc_copy_out(argp, &v, sizeof(v)));
}
