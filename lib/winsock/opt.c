/* Winsock setsockopt, getsockopt and ioctlsocket: Windows encodings and
 * sizes (DWORD milliseconds, a linger of two u_short, BOOLs) over the
 * engine's options. */
#include <string.h>
#include "ws.h"
#include "mswsock.h" /* SO_UPDATE_CONNECT_CONTEXT */
#include "optmap.h"
#include "protocols.h"
#include "mswsock.h"

/* Read a BOOL or DWORD the way Windows does: a short BOOL is one byte. */
static int read_value(const char *optval, int optlen, int boolean, int *v)
{
    uint32_t d = 0;

    if (optlen >= 4) {
        memcpy(&d, optval, 4);
        *v = (int)d;
        return 0;
    }
    if (boolean && optlen >= 1) {
        *v = (unsigned char)optval[0];
        return 0;
    }
    return -WSAEFAULT;
}

/* Options whose value Windows reads as a BOOL of any length >= 1. */
static int is_bool(const struct wsc_optmap *m)
{
    return m->kind == OPT_BOOL || m->kind == OPT_V6ONLY ||
           m->kind == OPT_DONTLINGER || m->kind == OPT_REUSEADDR ||
           m->kind == OPT_EXCLUSIVE;
}

static long set_opt(struct wsc_sock *e, const struct wsc_optmap *m,
                    const char *optval, int optlen)
{
    struct linger lg;
    int v = 0, r;

    if (m->kind == OPT_LINGER) {
        if (optlen < (int)sizeof(lg))
            return -WSAEFAULT;
        memcpy(&lg, optval, sizeof(lg));
        return wsc_e_set_linger(e, lg.l_onoff != 0, lg.l_linger);
    }
    r = read_value(optval, optlen, is_bool(m), &v);
    if (r)
        return r;
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
    case OPT_RCVTIMEO:
        return wsc_e_set_rcvtimeo(e, (uint32_t)v);
    case OPT_SNDTIMEO:
        return wsc_e_set_sndtimeo(e, (uint32_t)v);
    case OPT_DONTLINGER: {
        int on = 0, secs = 0;
        r = wsc_e_get_linger(e, &on, &secs);
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

/* The value a get returns, as an int. */
static long get_value(struct wsc_sock *e, const struct wsc_optmap *m, int *v)
{
    int on = 0, secs = 0;
    long r;

    switch (m->kind) {
    case OPT_V6ONLY:
        if (e->family != AF_INET6) {
            *v = 1; /* an IPv4 socket is IPv4 only (row V65) */
            return 0;
        }
        /* fall through */
    case OPT_BOOL:
        r = wsc_e_getopt_int(e, m->level, m->name, v);
        *v = *v != 0;
        return r;
    case OPT_INT:
    case OPT_TYPE:
        return wsc_e_getopt_int(e, m->level, m->name, v);
    case OPT_RCVTIMEO:
        *v = (int)wsc_e_rcvtimeo(e);
        return 0;
    case OPT_SNDTIMEO:
        *v = (int)wsc_e_sndtimeo(e);
        return 0;
    case OPT_DONTLINGER:
        r = wsc_e_get_linger(e, &on, &secs);
        *v = !on;
        return r;
    case OPT_REUSEADDR:
        *v = (wsc_flags(e) & WSC_F_REUSEADDR) != 0;
        return 0;
    case OPT_EXCLUSIVE:
        *v = (wsc_flags(e) & WSC_F_EXCLUSIVE) != 0;
        return 0;
    case OPT_ERROR:
        *v = wsc_e_so_error(e);
        return 0;
    case OPT_ACCEPTCONN:
        *v = (wsc_flags(e) & WSC_F_LISTENING) != 0;
        return 0;
    default:
        return -WSAENOPROTOOPT;
    }
}

/* The value into out (at most 4 bytes); *len: the caller's, then the
 * size of the value. */
static long get_opt(struct wsc_sock *e, const struct wsc_optmap *m,
                    char *out, int *len)
{
    int v = 0;
    long r;

    if (m->kind == OPT_LINGER) {
        struct linger lg;
        int on = 0, secs = 0;
        if (*len < (int)sizeof(lg))
            return -WSAEFAULT;
        r = wsc_e_get_linger(e, &on, &secs);
        if (r)
            return r;
        lg.l_onoff = (u_short)(on != 0);
        lg.l_linger = (u_short)secs;
        memcpy(out, &lg, sizeof(lg));
        *len = sizeof(lg);
        return 0;
    }
    if (*len < 4 && !((m->kind == OPT_BOOL || m->kind == OPT_V6ONLY) &&
                      *len >= 1))
        return -WSAEFAULT;
    r = get_value(e, m, &v);
    if (r)
        return r;
    if (*len < 4) {
        out[0] = (char)v;
        *len = 1;
    } else {
        memcpy(out, &v, 4);
        *len = 4;
    }
    return 0;
}

int ws_setsockopt(SOCKET s, int level, int optname, const char *optval,
                   int optlen)
{
    struct wsc_sock *e = wsc_enter(s);
    const struct wsc_optmap *m;
    char v[4];

    if (!e)
        return SOCKET_ERROR;
    if (!wsc_optmap_level_known(level))
        return wsc_leave(e, -WSAEINVAL);
    m = wsc_optmap_find(level, optname);
    if (!m)
        return wsc_leave(e, -WSAENOPROTOOPT);
    /* It takes no value: libuv passes NULL, 0 (row MX18). */
    if (level == SOL_SOCKET && optname == SO_UPDATE_CONNECT_CONTEXT)
        return wsc_leave(e, wsc_e_update_connect_context(e));
    /* No option reads more than 4 bytes (a DWORD, a Windows linger). */
    if (wsc_bad_ptr(optval) || optlen <= 0 ||
        wsc_copy_in(v, optval, optlen < 4 ? (size_t)optlen : 4))
        return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, set_opt(e, m, v, optlen));
}

int ws_getsockopt(SOCKET s, int level, int optname, char *optval,
                   int *optlen)
{
    struct wsc_sock *e = wsc_enter(s);
    const struct wsc_optmap *m;
    char v[4];
    int len = 0;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (level == SOL_SOCKET && ws_is_protocol_info(optname))
        return wsc_leave(e, ws_get_protocol_info(e, optname, optval, optlen));
    if (!wsc_optmap_level_known(level))
        return wsc_leave(e, -WSAEINVAL);
    m = wsc_optmap_find(level, optname);
    if (!m)
        return wsc_leave(e, -WSAENOPROTOOPT);
    if (wsc_bad_ptr(optval) || wsc_bad_ptr(optlen) ||
        wsc_copy_in(&len, optlen, sizeof(len)))
        return wsc_leave(e, -WSAEFAULT);
    r = get_opt(e, m, v, &len);
    if (r == 0 && (wsc_copy_out(optval, v, (size_t)len) ||
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
