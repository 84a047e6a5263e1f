/* Winsock: send, recv, sendto, recvfrom, and WSASend/WSARecv (their
 * overlapped form is overlapped.c's).  Windows flags and buffers in, engine calls out. */
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include "ws.h"
#include "overlapped.h"

#define WS_RECV_FLAGS (MSG_OOB | MSG_PEEK | MSG_WAITALL | MSG_PUSH_IMMEDIATE)
#define WS_SEND_FLAGS (MSG_OOB | MSG_DONTROUTE)

/* Windows receive flags -> Linux, or -WSA code. */
static int recv_flags(struct wsc_sock *e, int flags)
{
    int out = 0;

    if (flags & ~WS_RECV_FLAGS)
        return -WSAEINVAL;
    if (flags & MSG_OOB) {
        if (wsc_flags(e) & WSC_F_OOBINLINE)
            return -WSAEINVAL;
        out |= L_MSG_OOB;
    }
    if (flags & MSG_PEEK)
        out |= L_MSG_PEEK;
    if (flags & MSG_WAITALL) {
        if ((wsc_flags(e) & WSC_F_NONBLOCK) || (flags & (MSG_PEEK | MSG_OOB)))
            return -WSAEOPNOTSUPP;
        if (e->type == SOCK_STREAM)
            out |= WSC_RECV_WAITALL;
    }
    return out;
}

static int send_flags(int flags)
{
    int out = 0;

    if (flags & ~WS_SEND_FLAGS)
        return -WSAEOPNOTSUPP;
    if (flags & MSG_OOB)
        out |= L_MSG_OOB;
    if (flags & MSG_DONTROUTE)
        out |= L_MSG_DONTROUTE;
    return out;
}

/* Windows: a datagram socket must be bound before it can receive. */
static int unbound_dgram(struct wsc_sock *e)
{
    return e->type != SOCK_STREAM && !wsc_e_known_bound(e);
}

/* The shared receive path.  from/fromlen are ignored on streams. */
static long do_recv(struct wsc_sock *e, struct iovec *iov, int niov,
                    int flags, struct sockaddr *from, int *fromlen)
{
    struct msghdr msg;
    size_t copied = 0;
    long r;
    int lf = recv_flags(e, flags), flen = 0;

    if (lf < 0)
        return lf;
    if (unbound_dgram(e))
        return -WSAEINVAL;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = iov;
    msg.msg_iovlen = (size_t)niov;
    if (e->type != SOCK_STREAM && from) {
        if (wsc_bad_ptr(fromlen) || wsc_copy_in(&flen, fromlen, sizeof(flen)) ||
            flen < wsc_addr_size(e->family))
            return -WSAEFAULT;
        /* The kernel writes the address (or answers EFAULT). */
        msg.msg_name = from;
        msg.msg_namelen = (socklen_t)flen;
    }
    r = wsc_e_recvmsg(e, &msg, lf, &copied);
    if ((r >= 0 || r == -WSAEMSGSIZE) && msg.msg_name) {
        flen = (int)msg.msg_namelen;
        if (wsc_copy_out(fromlen, &flen, sizeof(flen)))
            r = -WSAEFAULT;
    }
    return r;
}

static long do_send(struct wsc_sock *e, struct iovec *iov, int niov,
                    int flags, const struct sockaddr *to, int tolen)
{
    struct msghdr msg;
    struct sockaddr_storage ss;
    int lf = send_flags(flags);

    if (lf < 0)
        return lf;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = iov;
    msg.msg_iovlen = (size_t)niov;
    if (to && e->type != SOCK_STREAM) {
        /* A tolen longer than ss is the kernel's to refuse (EINVAL). */
        if (wsc_bad_ptr(to) || tolen < (int)sizeof(struct sockaddr) ||
            wsc_copy_addr(&ss, to, (size_t)tolen) ||
            tolen < wsc_addr_size(ss.ss_family))
            return -WSAEFAULT;
        msg.msg_name = &ss;
        msg.msg_namelen = (socklen_t)tolen;
    }
    return wsc_e_sendmsg(e, &msg, lf);
}

/* The general path of recv and recvfrom, with a reference taken. */
static int __attribute__((noinline))
recv_general(struct wsc_sock *e, char *buf, int len, int flags,
             struct sockaddr *from, int *fromlen)
{
    struct iovec iov = { buf, (size_t)len };

    if (len < 0 || (len > 0 && wsc_bad_ptr(buf)))
        return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, do_recv(e, &iov, 1, flags, from, fromlen));
}

static int __attribute__((noinline))
recvfrom_any(SOCKET s, char *buf, int len, int flags, struct sockaddr *from,
             int *fromlen)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    return recv_general(e, buf, len, flags, from, fromlen);
}

typedef int slow_recv_fn(SOCKET, char *, int, int, struct sockaddr *, int *);

/* recv and recvfrom on a datagram socket, directly: *fromlen checked as
 * Windows checks it, the address written by the kernel. */
static int
recv_dgram(struct wsc_sock *e, char *buf, int len, struct sockaddr *from,
           int *fromlen)
{
    socklen_t flen = 0;
    long r;

    if (from && (wsc_bad_ptr(fromlen) ||
                 wsc_copy_in(&flen, fromlen, sizeof(flen)) ||
                 (int)flen < wsc_addr_size(e->family)))
        r = WSC_E_NOT_DIRECT;
    else
        r = wsc_e_recv_dgram(e, buf, (size_t)len, from, from ? &flen : NULL);
    if (__builtin_expect(r == WSC_E_NOT_DIRECT, 0)) {
        wsc_drop_recv_unit(e);
        return recv_general(e, buf, len, 0, from, fromlen);
    }
    if (from && (r >= 0 || r == -WSAEMSGSIZE) &&
        wsc_copy_out(fromlen, &flen, sizeof(flen)))
        r = -WSAEFAULT;
    return wsc_leave_direct(r);
}

/* A receive the inlined path does not take, its references held: a
 * datagram socket's (recv_dgram), or, if the number is open, the general
 * path's; else they are given back for slow (trace.c) to say why.  Out of
 * line, so that the stream receive's frame stays small.  The number's
 * flags are read again, not passed (a register the inlined path would
 * copy them to): a change since the reference is a close or an open
 * that the general path's own look would see just the same. */
static int __attribute__((noinline))
recv_off(struct wsc_sock *e, SOCKET s, char *buf, int len,
         struct sockaddr *from, int *fromlen, slow_recv_fn *slow)
{
    uint32_t f = wsc_handle_flags(e);

    if ((f & WSC_H_DIRECT_STREAM_MASK) == WSC_H_DIRECT)
        return recv_dgram(e, buf, len, from, fromlen);
    if ((f & WSC_H_DIRECT_MASK) == WSC_H_DIRECT) {
        wsc_drop_recv_unit(e);
        return recv_general(e, buf, len, 0, from, fromlen);
    }
    wsc_release_n(e, 1 + WSC_RECV_UNIT);
    return slow(s, buf, len, 0, from, fromlen);
}

/* Plain recv and recvfrom take the direct path: no flags to translate,
 * no msghdr, one atomic pair; the rest (flags, a zero or negative
 * length, a bad buffer, a handle that is not simply open, a trace to
 * write) the general one, through wsc_slow_NAME (trace.c). */
static inline __attribute__((always_inline)) int
recv_direct(SOCKET s, char *buf, int len, int flags, struct sockaddr *from,
            int *fromlen, slow_recv_fn *slow)
{
    struct wsc_sock *e;

    if (flags == 0 && len > 0 && !wsc_bad_ptr(buf) &&
        (e = wsc_entry_direct(s)) != NULL) {
        if (__builtin_expect(
                wsc_direct_stream(wsc_ref_flags(e, 1 + WSC_RECV_UNIT)), 1))
            return wsc_leave_direct(wsc_e_recv(e, buf, (size_t)len, 0));
        return recv_off(e, s, buf, len, from, fromlen, slow);
    }
    return slow(s, buf, len, flags, from, fromlen);
}

int ws_recvfrom(SOCKET s, char *buf, int len, int flags,
                struct sockaddr *from, int *fromlen)
{
    return recvfrom_any(s, buf, len, flags, from, fromlen);
}

int ws_recv(SOCKET s, char *buf, int len, int flags)
{
    return recvfrom_any(s, buf, len, flags, NULL, NULL);
}

static int slow_recv(SOCKET s, char *buf, int len, int flags,
                     struct sockaddr *from, int *fromlen)
{
    (void)from, (void)fromlen;
    return wsc_slow_recv(s, buf, len, flags);
}

int wsc_recvfrom(SOCKET s, char *buf, int len, int flags,
                 struct sockaddr *from, int *fromlen)
{
    return recv_direct(s, buf, len, flags, from, fromlen, wsc_slow_recvfrom);
}

int wsc_recv(SOCKET s, char *buf, int len, int flags)
{
    return recv_direct(s, buf, len, flags, NULL, NULL, slow_recv);
}

static int __attribute__((noinline))
send_general(struct wsc_sock *e, const char *buf, int len, int flags,
             const struct sockaddr *to, int tolen)
{
    struct iovec iov = { (void *)buf, (size_t)len };

    if (len < 0 || (len > 0 && wsc_bad_ptr(buf)))
        return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, do_send(e, &iov, 1, flags, to, tolen));
}

static int __attribute__((noinline))
sendto_any(SOCKET s, const char *buf, int len, int flags,
           const struct sockaddr *to, int tolen)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    return send_general(e, buf, len, flags, to, tolen);
}

typedef int slow_send_fn(SOCKET, const char *, int, int,
                         const struct sockaddr *, int);

/* sendto with an address on a datagram socket, directly: an address
 * shorter than the socket family's is the general path's WSAEFAULT. */
static int sendto_dgram(struct wsc_sock *e, const char *buf, int len,
                        const struct sockaddr *to, int tolen)
{
    long r = WSC_E_NOT_DIRECT;

    if (tolen >= wsc_addr_size(e->family) &&
        tolen <= (int)sizeof(struct sockaddr_storage))
        r = wsc_e_sendto(e, buf, (size_t)len, 0, to, (socklen_t)tolen);
    if (__builtin_expect(r == WSC_E_NOT_DIRECT, 0))
        return send_general(e, buf, len, 0, to, tolen);
    return wsc_leave_direct(r);
}

/* A send the inlined path does not take: the same as recv_off (a
 * datagram socket's send without an address is wsc_e_send_dgram). */
static int __attribute__((noinline))
send_off(struct wsc_sock *e, SOCKET s, const char *buf, int len,
         const struct sockaddr *to, int tolen, slow_send_fn *slow)
{
    uint32_t f = wsc_handle_flags(e);

    if ((f & WSC_H_DIRECT_STREAM_MASK) == WSC_H_DIRECT)
        return to ? sendto_dgram(e, buf, len, to, tolen)
                  : wsc_leave_direct(wsc_e_send_dgram(e, buf, (size_t)len, 0));
    if ((f & WSC_H_DIRECT_MASK) == WSC_H_DIRECT)
        return send_general(e, buf, len, 0, to, tolen);
    wsc_release_n(e, 1);
    return slow(s, buf, len, 0, to, tolen);
}

/* Plain send and sendto take the direct path; the rest wsc_slow_NAME. */
static inline __attribute__((always_inline)) int
send_direct(SOCKET s, const char *buf, int len, int flags,
            const struct sockaddr *to, int tolen, slow_send_fn *slow)
{
    struct wsc_sock *e;

    if (flags == 0 && len > 0 && !wsc_bad_ptr(buf) &&
        (e = wsc_entry_direct(s)) != NULL) {
        if (__builtin_expect(wsc_direct_stream(wsc_ref_flags(e, 1)), 1))
            return wsc_leave_direct(wsc_e_send(e, buf, (size_t)len, 0));
        return send_off(e, s, buf, len, to, tolen, slow);
    }
    return slow(s, buf, len, flags, to, tolen);
}

int ws_sendto(SOCKET s, const char *buf, int len, int flags,
              const struct sockaddr *to, int tolen)
{
    return sendto_any(s, buf, len, flags, to, tolen);
}

int ws_send(SOCKET s, const char *buf, int len, int flags)
{
    return sendto_any(s, buf, len, flags, NULL, 0);
}

static int slow_send(SOCKET s, const char *buf, int len, int flags,
                     const struct sockaddr *to, int tolen)
{
    (void)to, (void)tolen;
    return wsc_slow_send(s, buf, len, flags);
}

int wsc_sendto(SOCKET s, const char *buf, int len, int flags,
               const struct sockaddr *to, int tolen)
{
    return send_direct(s, buf, len, flags, to, tolen, wsc_slow_sendto);
}

int wsc_send(SOCKET s, const char *buf, int len, int flags)
{
    return send_direct(s, buf, len, flags, NULL, 0, slow_send);
}

/* The caller's WSABUFs into iov, a few at a time: 0 or -WSAEFAULT. */
static int read_bufs(LPWSABUF bufs, DWORD count, struct iovec *iov)
{
    WSABUF part[8];
    DWORD i, j, n;

    for (i = 0; i < count; i += n) {
        n = count - i < 8 ? count - i : 8;
        if (wsc_copy_in(part, bufs + i, n * sizeof(*part)))
            return -WSAEFAULT;
        for (j = 0; j < n; j++) {
            if (part[j].len && wsc_bad_ptr(part[j].buf))
                return -WSAEFAULT;
            iov[i + j].iov_base = part[j].buf;
            iov[i + j].iov_len = part[j].len;
        }
    }
    return 0;
}

/* WSABUF array -> iovec array; NULL with *err set on bad input. */
static struct iovec *to_iov(LPWSABUF bufs, DWORD count, struct iovec *small,
                            int *err)
{
    struct iovec *iov = small;

    if (count == 0) {
        *err = -WSAEINVAL;
        return NULL;
    }
    if (wsc_bad_ptr(bufs) || count > 1024) {
        *err = -WSAEFAULT;
        return NULL;
    }
    if (count > 8) {
        iov = calloc(count, sizeof(*iov));
        if (!iov) {
            *err = -WSAENOBUFS;
            return NULL;
        }
    }
    *err = read_bufs(bufs, count, iov);
    if (*err) {
        if (iov != small)
            free(iov);
        return NULL;
    }
    return iov;
}

/* The byte count out to the caller, unless it gave none: 0 or -WSAEFAULT. */
static int put_count(LPDWORD out, long r)
{
    DWORD n = (DWORD)r;

    return wsc_bad_ptr(out) ? 0 : wsc_copy_out(out, &n, sizeof(n));
}

int ws_WSARecvFrom(SOCKET s, LPWSABUF bufs, DWORD count, LPDWORD received,
                   LPDWORD flags, struct sockaddr *from, LPINT fromlen,
                   LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct wsc_sock *e = wsc_enter(s);
    struct iovec small[8], *iov;
    int err = 0;
    DWORD fl = 0;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (ov)
        return wsc_leave(e, ws_overlapped_recv(e, bufs, count, received,
                                               flags, from, fromlen, ov, cr));
    if (wsc_bad_ptr(flags) || wsc_copy_in(&fl, flags, sizeof(fl)))
        return wsc_leave(e, -WSAEFAULT);
    iov = to_iov(bufs, count, small, &err);
    if (!iov)
        return wsc_leave(e, err);
    r = do_recv(e, iov, (int)count, (int)fl, from, fromlen);
    if (iov != small)
        free(iov);
    if (r >= 0 && put_count(received, r))
        r = -WSAEFAULT;
    fl = 0; /* no MSG_PARTIAL: UDP has none, the rest of a datagram is lost */
    if ((r >= 0 || r == -WSAEMSGSIZE) && wsc_copy_out(flags, &fl, sizeof(fl)))
        r = -WSAEFAULT;
    return wsc_leave(e, r < 0 ? r : 0);
}

int ws_WSARecv(SOCKET s, LPWSABUF bufs, DWORD count, LPDWORD received,
                LPDWORD flags, LPWSAOVERLAPPED ov,
                LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    return ws_WSARecvFrom(s, bufs, count, received, flags, NULL, NULL, ov,
                          cr);
}

int ws_WSASendTo(SOCKET s, LPWSABUF bufs, DWORD count, LPDWORD sent,
                 DWORD flags, const struct sockaddr *to, int tolen,
                 LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct wsc_sock *e = wsc_enter(s);
    struct iovec small[8], *iov;
    int err = 0;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (ov)
        return wsc_leave(e, ws_overlapped_send(e, bufs, count, sent, flags,
                                               to, tolen, ov, cr));
    iov = to_iov(bufs, count, small, &err);
    if (!iov)
        return wsc_leave(e, err);
    /* Without an OVERLAPPED the count has to go somewhere (row OV27). */
    if (wsc_bad_ptr(sent)) {
        if (iov != small)
            free(iov);
        return wsc_leave(e, -WSAEFAULT);
    }
    r = do_send(e, iov, (int)count, (int)flags, to, tolen);
    if (iov != small)
        free(iov);
    if (r >= 0 && put_count(sent, r))
        r = -WSAEFAULT;
    return wsc_leave(e, r < 0 ? r : 0);
}

int ws_WSASend(SOCKET s, LPWSABUF bufs, DWORD count, LPDWORD sent,
                DWORD flags, LPWSAOVERLAPPED ov,
                LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    return ws_WSASendTo(s, bufs, count, sent, flags, NULL, 0, ov, cr);
}
