/* WSARecvMsg and WSASendMsg: a message with its source or destination
 * and its control data.  The control data keeps Linux's framing (the
 * same as Windows': a size_t length, level and type, 8-byte alignment)
 * but not its numbers or contents, which are translated here:
 * IP_PKTINFO (laid out differently), IPV6_PKTINFO, IPV6_HOPLIMIT, and
 * IP_TTL, IP_TOS, IPV6_TCLASS (an INT on Windows; Linux's IP_TOS is a
 * byte). */
#include <stdlib.h>
#include <string.h>
#include "ws.h"
#include "ws2ipdef.h"
#include "mswsock.h"
#include "overlapped.h"

/* Linux's struct in_pktinfo, which ws2ipdef.h's name now means Windows'. */
struct l_in_pktinfo {
    int ifindex;
    uint32_t spec_dst;
    uint32_t addr;
};

struct chdr {
    size_t len;
    int level, type;
};
#define CHDR ((sizeof(struct chdr) + 7) & ~(size_t)7)
#define ALIGN8(n) (((n) + 7) & ~(size_t)7)

static const struct kind {
    int wlevel, wtype, llevel, ltype;
} kinds[] = {
    { IPPROTO_IP, IP_PKTINFO, IPPROTO_IP, L_IP_PKTINFO },
    { IPPROTO_IPV6, IPV6_PKTINFO, IPPROTO_IPV6, L_IPV6_PKTINFO },
    { IPPROTO_IPV6, IPV6_HOPLIMIT, IPPROTO_IPV6, L_IPV6_HOPLIMIT },
    { IPPROTO_IP, IP_TTL, IPPROTO_IP, L_IP_TTL },
    { IPPROTO_IP, IP_TOS, IPPROTO_IP, L_IP_TOS },
    { IPPROTO_IPV6, IPV6_TCLASS, IPPROTO_IPV6, L_IPV6_TCLASS },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const struct kind *kind_of(int level, int type, int linux_side)
{
    size_t i;

    for (i = 0; i < NKINDS; i++)
        if (linux_side ? kinds[i].llevel == level && kinds[i].ltype == type
                       : kinds[i].wlevel == level && kinds[i].wtype == type)
            return &kinds[i];
    return NULL;
}

/* Appends one control message; 0, or -1 when it does not fit. */
static int put_cmsg(char *out, size_t room, size_t *at, int level, int type,
                    const void *data, size_t n)
{
    struct chdr h = { CHDR + n, level, type };

    if (*at + CHDR + n > room)
        return -1;
    memcpy(out + *at, &h, sizeof(h));
    memcpy(out + *at + CHDR, data, n);
    *at += ALIGN8(CHDR + n);
    if (*at > room)
        *at = room;
    return 0;
}

/* Linux's control data to Windows'; *truncated when some did not fit. */
static size_t to_windows(const char *in, size_t inlen, char *out,
                         size_t room, int *truncated)
{
    size_t at = 0, pos = 0;
    struct chdr h;

    while (pos + sizeof(h) <= inlen) {
        const struct kind *k;
        const char *d = in + pos + CHDR;

        memcpy(&h, in + pos, sizeof(h));
        if (h.len < CHDR || pos + h.len > inlen)
            break;
        if ((k = kind_of(h.level, h.type, 1))) {
            int r;

            if (k->ltype == L_IP_PKTINFO && k->llevel == IPPROTO_IP) {
                struct l_in_pktinfo l;
                IN_PKTINFO w;

                memcpy(&l, d, sizeof(l));
                memset(&w, 0, sizeof(w));
                w.ipi_addr.s_addr = l.addr;
                w.ipi_ifindex = (ULONG)l.ifindex;
                r = put_cmsg(out, room, &at, k->wlevel, k->wtype, &w, sizeof(w));
            } else if (k->ltype == L_IP_TOS && k->llevel == IPPROTO_IP) {
                INT tos = h.len > CHDR ? (unsigned char)d[0] : 0;

                r = put_cmsg(out, room, &at, k->wlevel, k->wtype, &tos,
                             sizeof(tos));
            } else {
                r = put_cmsg(out, room, &at, k->wlevel, k->wtype, d,
                             h.len - CHDR);
            }
            if (r < 0)
                *truncated = 1;
        }
        pos += ALIGN8(h.len);
    }
    return at;
}

/* Windows' control data (caller's memory) to Linux's, in out (room). */
static long to_linux(const char *in, size_t inlen, char *out, size_t room,
                     size_t *outlen)
{
    size_t pos = 0, at = 0;
    struct chdr h;
    char d[64];

    while (pos + sizeof(h) <= inlen) {
        const struct kind *k;
        size_t n;

        if (wsc_copy_in(&h, in + pos, sizeof(h)))
            return -WSAEFAULT;
        if (h.len < CHDR || pos + h.len > inlen)
            return -WSAEINVAL;
        n = h.len - CHDR;
        if (n > sizeof(d) || wsc_copy_in(d, in + pos + CHDR, n))
            return -WSAEINVAL;
        if (!(k = kind_of(h.level, h.type, 0)))
            return -WSAEINVAL;
        if (k->wtype == IP_PKTINFO && k->wlevel == IPPROTO_IP) {
            IN_PKTINFO w;
            struct l_in_pktinfo l;

            if (n < sizeof(w))
                return -WSAEINVAL;
            memcpy(&w, d, sizeof(w));
            memset(&l, 0, sizeof(l));
            l.ifindex = (int)w.ipi_ifindex;
            l.spec_dst = w.ipi_addr.s_addr;
            if (put_cmsg(out, room, &at, k->llevel, k->ltype, &l, sizeof(l)))
                return -WSAENOBUFS;
        } else if (put_cmsg(out, room, &at, k->llevel, k->ltype, d, n)) {
            return -WSAENOBUFS;
        }
        pos += ALIGN8(h.len);
    }
    *outlen = at;
    return 0;
}

static ULONG windows_flags(int lflags, int truncated)
{
    return (lflags & L_MSG_TRUNC ? MSG_TRUNC : 0) |
           (lflags & L_MSG_CTRUNC || truncated ? MSG_CTRUNC : 0);
}

/* ---- WSARecvMsg ------------------------------------------------------------ */

/* The end of a receive: the caller's WSAMSG gets the source's length,
 * the control data and the flags. */
static void recvmsg_finish(struct ws_op *op)
{
    WSAMSG m;
    int truncated = 0;
    char *out;
    size_t n;

    if ((op->aop.res < 0 && op->aop.res != -WSAEMSGSIZE) ||
        wsc_copy_in(&m, op->msg, sizeof(m)))
        return;
    if (m.name && op->aop.want_addr) {
        size_t len = (size_t)m.namelen < op->aop.addrlen ? (size_t)m.namelen
                                                         : op->aop.addrlen;

        wsc_copy_out(m.name, &op->aop.addr, len);
        m.namelen = (INT)op->aop.addrlen;
    }
    if (op->aop.control && m.Control.buf) {
        out = malloc(m.Control.len ? m.Control.len : 1);
        n = out ? to_windows(op->aop.control, op->aop.controllen, out,
                             m.Control.len, &truncated) : 0;
        if (n)
            wsc_copy_out(m.Control.buf, out, n);
        free(out);
        m.Control.len = (ULONG)n;
    } else {
        m.Control.len = 0;
    }
    m.dwFlags = windows_flags(op->aop.flags, truncated);
    /* Control data cut short fails the receive, data delivered (9z). */
    if (m.dwFlags & MSG_CTRUNC)
        op->aop.res = -WSAEMSGSIZE;
    wsc_copy_out(op->msg, &m, sizeof(m));
}

/* Linux's IP_PKTINFO is longer than Windows': room for more. */
static size_t control_room(ULONG len)
{
    return (size_t)len * 2 + 64;
}

/* The record of a message call: the caller's OVERLAPPED, or, without
 * one, sync (a call done here, in place). */
static struct ws_op *msg_op_new(LPWSAOVERLAPPED ov, WSAOVERLAPPED *sync,
                                LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    if (ov)
        return ws_op_new(ov, cr);
    memset(sync, 0, sizeof(*sync));
    return ws_op_new(sync, NULL);
}

static long msg_op_start(struct wsc_sock *e, struct ws_op *op,
                         LPWSAOVERLAPPED ov, LPDWORD count)
{
    return ov ? ws_op_issue(e, op, count) : ws_op_now(e, op, count);
}

int PASCAL ws_recvmsg_ext(SOCKET s, LPWSAMSG msg, LPDWORD received,
                          LPWSAOVERLAPPED ov,
                          LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct wsc_sock *e = wsc_enter(s);
    WSAOVERLAPPED sync;
    struct ws_op *op;
    WSAMSG m;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (wsc_bad_ptr(msg) || wsc_copy_in(&m, msg, sizeof(m)))
        return wsc_leave(e, -WSAEFAULT);
    if (e->type != SOCK_STREAM && !wsc_e_known_bound(e))
        return wsc_leave(e, -WSAEINVAL);
    if (ov && wsc_bad_ptr(ov))
        return wsc_leave(e, -WSAEFAULT);
    if (!(op = msg_op_new(ov, &sync, cr)))
        return wsc_leave(e, -WSAENOBUFS);
    if ((r = ws_op_bufs(op, m.lpBuffers, m.dwBufferCount)) < 0) {
        ws_op_free(op);
        return wsc_leave(e, r);
    }
    op->aop.kind = WSC_AOP_RECV;
    op->aop.want_addr = m.name != NULL && e->type != SOCK_STREAM;
    if (m.Control.buf && m.Control.len) {
        op->aop.controllen = control_room(m.Control.len);
        if (!(op->owned = op->aop.control = calloc(1, op->aop.controllen))) {
            ws_op_free(op);
            return wsc_leave(e, -WSAENOBUFS);
        }
    }
    op->msg = msg;
    op->finish = recvmsg_finish;
    return wsc_leave(e, msg_op_start(e, op, ov, received));
}

/* ---- WSASendMsg ------------------------------------------------------------- */

int wsc_WSASendMsg(SOCKET s, LPWSAMSG msg, DWORD flags, LPDWORD sent,
                   LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct wsc_sock *e = wsc_enter(s);
    WSAOVERLAPPED sync;
    struct ws_op *op;
    WSAMSG m;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (wsc_bad_ptr(msg) || wsc_copy_in(&m, msg, sizeof(m)))
        return wsc_leave(e, -WSAEFAULT);
    /* Without an OVERLAPPED the count is where the result goes: none is
     * WSAEFAULT, and nothing is sent (wine's test_WSASendMsg). */
    if (!ov && wsc_bad_ptr(sent))
        return wsc_leave(e, -WSAEFAULT);
    /* For datagrams (and raw sockets) only. */
    if (e->type == SOCK_STREAM)
        return wsc_leave(e, -WSAEINVAL);
    if (flags & ~(DWORD)MSG_DONTROUTE)
        return wsc_leave(e, -WSAEOPNOTSUPP);
    if (ov && wsc_bad_ptr(ov))
        return wsc_leave(e, -WSAEFAULT);
    if (!(op = msg_op_new(ov, &sync, cr)))
        return wsc_leave(e, -WSAENOBUFS);
    if ((r = ws_op_bufs(op, m.lpBuffers, m.dwBufferCount)) < 0)
        goto fail;
    op->aop.kind = WSC_AOP_SEND;
    op->aop.flags = flags & MSG_DONTROUTE ? L_MSG_DONTROUTE : 0;
    if (m.name) {
        r = -WSAEFAULT;
        if (wsc_bad_ptr(m.name) || m.namelen < (INT)sizeof(struct sockaddr) ||
            wsc_copy_addr(&op->aop.addr, m.name, (size_t)m.namelen))
            goto fail;
        op->aop.addrlen = (socklen_t)m.namelen;
    } else if (!(wsc_flags(e) & WSC_F_CONNECTED)) {
        r = -WSAENOTCONN;
        goto fail;
    }
    if (m.Control.buf && m.Control.len) {
        size_t room = control_room(m.Control.len);

        r = -WSAENOBUFS;
        if (!(op->owned = op->aop.control = calloc(1, room)))
            goto fail;
        r = to_linux(m.Control.buf, m.Control.len, op->aop.control, room,
                     &op->aop.controllen);
        if (r < 0)
            goto fail;
    }
    return wsc_leave(e, msg_op_start(e, op, ov, sent));
fail:
    ws_op_free(op);
    return wsc_leave(e, r);
}
