/* Interposer: sending and receiving, in every form libc has (read/write,
 * the vectored and message forms, the multi-message forms and the
 * fortified variants).  The engine advances the iovecs it is given, so
 * the caller's are copied first. */
#include <stdlib.h>
#include "interpose.h"
#include "direct_path.h"

void __chk_fail(void) __attribute__((noreturn));

static void iov_free(struct iovec *c, struct iovec *small)
{
    if (c != small)
        free(c);
}

/* A copy of the caller's iovecs; NULL with *err set if there is none. */
static struct iovec *iov_copy(const struct iovec *iov, size_t n,
                              struct iovec *small, size_t nsmall, long *err)
{
    struct iovec *c = small;

    if (n > nsmall)
        c = malloc(n * sizeof(*c));
    *err = -WSAENOBUFS;
    if (c && wsc_copy_in(c, iov, n * sizeof(*c))) {
        iov_free(c, small);
        c = NULL;
        *err = -WSAEFAULT;
    }
    return c;
}

/* Receive into msg, which the engine may change (its iovecs are a copy).
 * A datagram cut short returns the part copied, with MSG_TRUNC set. */
static long recv_msg(struct wsc_sock *e, struct msghdr *msg, int flags)
{
    size_t copied = 0;
    long r;

    if ((flags & MSG_WAITALL) && e->type == SOCK_STREAM)
        flags = (flags & ~MSG_WAITALL) | WSC_RECV_WAITALL;
    r = wsc_e_recvmsg(e, msg, flags, &copied);
    if (r == -WSAEMSGSIZE) {
        msg->msg_flags |= MSG_TRUNC;
        r = (long)copied;
    }
    return r;
}

static long recv_buf(struct wsc_sock *e, void *buf, size_t len, int flags,
                     struct sockaddr *sa, socklen_t *salen)
{
    struct iovec iov = { buf, len };
    struct msghdr msg;
    long r;

    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (sa && salen) {
        if (wsc_copy_in(&msg.msg_namelen, salen, sizeof(*salen)))
            return -WSAEFAULT;
        msg.msg_name = sa;
    }
    r = recv_msg(e, &msg, flags);
    if (r >= 0 && sa && salen &&
        wsc_copy_out(salen, &msg.msg_namelen, sizeof(*salen)))
        r = -WSAEFAULT;
    return r;
}

static long send_buf(struct wsc_sock *e, const void *buf, size_t len,
                     int flags, const struct sockaddr *sa, socklen_t salen)
{
    struct iovec iov = { (void *)buf, len };
    struct msghdr msg;

    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_name = (void *)sa;
    msg.msg_namelen = sa ? salen : 0;
    return wsc_e_sendmsg(e, &msg, flags & ~MSG_NOSIGNAL);
}

/* recvmsg/readv/sendmsg/writev on an engine socket, on a copy of msg. */
static long msg_io(struct wsc_sock *e, struct msghdr *msg, int flags,
                   int sending)
{
    struct iovec small[8], *iov;
    struct msghdr m;
    long r;

    if (!msg || wsc_copy_in(&m, msg, sizeof(m)) ||
        (m.msg_iovlen && !m.msg_iov))
        return -WSAEFAULT;
    if (m.msg_iovlen > 1024)
        return -WSAEINVAL;
    iov = iov_copy(m.msg_iov, m.msg_iovlen, small, 8, &r);
    if (!iov)
        return r;
    if (sending) {
        m.msg_iov = iov;
        r = wsc_e_sendmsg(e, &m, flags & ~MSG_NOSIGNAL);
    } else {
        struct msghdr out = m;
        m.msg_iov = iov;
        r = recv_msg(e, &m, flags);
        /* Back as the kernel leaves it: lengths and flags updated. */
        out.msg_namelen = m.msg_namelen;
        out.msg_controllen = m.msg_controllen;
        out.msg_flags = m.msg_flags;
        if (r >= 0 && wsc_copy_out(msg, &out, sizeof(out)))
            r = -WSAEFAULT;
    }
    iov_free(iov, small);
    return r;
}

static long vec_io(struct wsc_sock *e, const struct iovec *iov, int n,
                   int sending)
{
    struct msghdr msg;

    if (n < 0)
        return -WSAEINVAL;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = (struct iovec *)iov;
    msg.msg_iovlen = (size_t)n;
    return msg_io(e, &msg, 0, sending);
}

/* Descriptors passed over a foreign (UNIX) socket take numbers the table
 * may remember as foreign: look at them afresh. */
static void forget_passed_fds(struct msghdr *msg)
{
    struct cmsghdr *c;

    if (!msg->msg_control || msg->msg_controllen < sizeof(struct cmsghdr))
        return;
    for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            size_t i, n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            int fd;
            for (i = 0; i < n; i++) {
                memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
                wsc_forget(fd);
            }
        }
    }
}

/* ---- receiving ---------------------------------------------------------- */

/* The general path of a receive on an engine socket (a reference held). */
static ssize_t __attribute__((noinline)) recv_general(struct wsc_sock *e, void *buf, size_t len, int flags, struct sockaddr *sa, socklen_t *salen)
{
    return ip_leave(e, recv_buf(e, buf, len, flags, sa, salen));
}

static ssize_t __attribute__((noinline)) recvfrom_any(int fd, void *buf, size_t len, int flags, struct sockaddr *sa, socklen_t *salen)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.recvfrom(fd, buf, len, flags, sa, salen);
    if (e == WSC_GONE)
        return ip_gone();
    return recv_general(e, buf, len, flags, sa, salen);
}

IP_DEFINE(ssize_t, recvfrom, (int fd, void *buf, size_t len, int flags,
                              struct sockaddr *sa, socklen_t *salen))
{
    return recvfrom_any(fd, buf, len, flags, sa, salen);
}

IP_DEFINE(ssize_t, recv, (int fd, void *buf, size_t len, int flags))
{
    return recvfrom_any(fd, buf, len, flags, NULL, NULL);
}

static ssize_t __attribute__((noinline)) read_any(int fd, void *buf, size_t len)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.read(fd, buf, len);
    if (e == WSC_GONE)
        return ip_gone();
    return ip_leave(e, recv_buf(e, buf, len, 0, NULL, NULL));
}

IP_DEFINE(ssize_t, read, (int fd, void *buf, size_t len))
{
    return read_any(fd, buf, len);
}

static ssize_t __attribute__((noinline)) readv_any(int fd, const struct iovec *iov, int n)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.readv(fd, iov, n);
    if (e == WSC_GONE)
        return ip_gone();
    return ip_leave(e, vec_io(e, iov, n, 0));
}

IP_DEFINE(ssize_t, readv, (int fd, const struct iovec *iov, int n))
{
    if (wsc_foreign(fd))
        return wsc_os.readv(fd, iov, n);
    return readv_any(fd, iov, n);
}

static ssize_t __attribute__((noinline)) recvmsg_any(int fd, struct msghdr *msg, int flags)
{
    struct wsc_sock *e = wsc_claim(fd);
    ssize_t r;

    if (!e) {
        r = wsc_os.recvmsg(fd, msg, flags);
        if (r >= 0 && ip_on)
            forget_passed_fds(msg);
        return r;
    }
    if (e == WSC_GONE)
        return ip_gone();
    return ip_leave(e, msg_io(e, msg, flags, 0));
}

IP_DEFINE(ssize_t, recvmsg, (int fd, struct msghdr *msg, int flags))
{
    if (wsc_foreign(fd))
        return wsc_os.recvmsg(fd, msg, flags);
    return recvmsg_any(fd, msg, flags);
}

/* Many messages: the first as the socket's mode says, the rest only if
 * already there (MSG_WAITFORONE is what the engine does anyway). */
static long mmsg_io(struct wsc_sock *e, struct mmsghdr *v, unsigned int n,
                    int flags, int sending)
{
    unsigned int i;
    long r = 0;

    if (!v && n)
        return -WSAEFAULT;
    flags &= ~MSG_WAITFORONE;
    for (i = 0; i < n; i++) {
        unsigned int len;
        r = msg_io(e, &v[i].msg_hdr, i ? flags | MSG_DONTWAIT : flags,
                   sending);
        len = (unsigned int)r;
        if (r >= 0 && wsc_copy_out(&v[i].msg_len, &len, sizeof(len)))
            r = -WSAEFAULT;
        if (r < 0)
            break;
    }
    return i ? (long)i : r;
}

IP_DEFINE(int, recvmmsg, (int fd, struct mmsghdr *v, unsigned int n,
                          int flags, struct timespec *tmo))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.recvmmsg(fd, v, n, flags, tmo);
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_leave(e, mmsg_io(e, v, n, flags, 0));
}

/* ---- sending ------------------------------------------------------------ */

/* The general path of a send on an engine socket (a reference held). */
static ssize_t __attribute__((noinline)) send_general(struct wsc_sock *e, const void *buf, size_t len, int flags, const struct sockaddr *sa, socklen_t salen)
{
    return ip_leave(e, send_buf(e, buf, len, flags, sa, salen));
}

static ssize_t __attribute__((noinline)) sendto_any(int fd, const void *buf, size_t len, int flags, const struct sockaddr *sa, socklen_t salen)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.sendto(fd, buf, len, flags, sa, salen);
    if (e == WSC_GONE)
        return ip_gone();
    return send_general(e, buf, len, flags, sa, salen);
}

IP_DEFINE(ssize_t, sendto, (int fd, const void *buf, size_t len, int flags,
                            const struct sockaddr *sa, socklen_t salen))
{
    return sendto_any(fd, buf, len, flags, sa, salen);
}

IP_DEFINE(ssize_t, send, (int fd, const void *buf, size_t len, int flags))
{
    return sendto_any(fd, buf, len, flags, NULL, 0);
}

static ssize_t __attribute__((noinline)) write_any(int fd, const void *buf, size_t len)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.write(fd, buf, len);
    if (e == WSC_GONE)
        return ip_gone();
    return send_general(e, buf, len, 0, NULL, 0);
}

IP_DEFINE(ssize_t, write, (int fd, const void *buf, size_t len))
{
    return write_any(fd, buf, len);
}

static ssize_t __attribute__((noinline)) writev_any(int fd, const struct iovec *iov, int n)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.writev(fd, iov, n);
    if (e == WSC_GONE)
        return ip_gone();
    return ip_leave(e, vec_io(e, iov, n, 1));
}

IP_DEFINE(ssize_t, writev, (int fd, const struct iovec *iov, int n))
{
    if (wsc_foreign(fd))
        return wsc_os.writev(fd, iov, n);
    return writev_any(fd, iov, n);
}

static ssize_t __attribute__((noinline)) sendmsg_any(int fd, const struct msghdr *msg, int flags)
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.sendmsg(fd, msg, flags);
    if (e == WSC_GONE)
        return ip_gone();
    return ip_leave(e, msg_io(e, (struct msghdr *)msg, flags, 1));
}

IP_DEFINE(ssize_t, sendmsg, (int fd, const struct msghdr *msg, int flags))
{
    if (wsc_foreign(fd))
        return wsc_os.sendmsg(fd, msg, flags);
    return sendmsg_any(fd, msg, flags);
}

IP_DEFINE(int, sendmmsg, (int fd, struct mmsghdr *v, unsigned int n,
                          int flags))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.sendmmsg(fd, v, n, flags);
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_leave(e, mmsg_io(e, v, n, flags, 1));
}

/* ---- _FORTIFY_SOURCE: the plain call (the public symbol below checked
 * the buffer before it came here) ------------------------------------- */

IP_DEFINE(ssize_t, __recv_chk, (int fd, void *buf, size_t len, size_t buflen,
                                int flags))
{
    (void)buflen;
    return recvfrom_any(fd, buf, len, flags, NULL, NULL);
}

IP_DEFINE(ssize_t, __recvfrom_chk, (int fd, void *buf, size_t len,
                                    size_t buflen, int flags,
                                    struct sockaddr *sa, socklen_t *salen))
{
    (void)buflen;
    return recvfrom_any(fd, buf, len, flags, sa, salen);
}

IP_DEFINE(ssize_t, __read_chk, (int fd, void *buf, size_t len,
                                size_t buflen))
{
    (void)buflen;
    return read_any(fd, buf, len);
}

/* ---- the direct path: the public symbols of the HOT calls ------------- */

/* Each HOT call's public symbol is a short entry: a plain receive or send
 * on an open engine socket done there (the entry looked up once, one
 * atomic pair, no msghdr), read and write on a foreign descriptor sent
 * straight to libc, and everything else to the call's trace wrapper
 * ipt_slow_NAME and on to ip_NAME above.  buflen: the _chk forms'. */
enum ip_call {
    IP_RECV, IP_RECVFROM, IP_READ, IP_RECV_CHK, IP_RECVFROM_CHK, IP_READ_CHK,
    IP_SEND, IP_SENDTO, IP_WRITE
};
#define IP_IS_RECV(c) ((c) < IP_SEND)
#define IP_IS_RW(c) ((c) == IP_READ || (c) == IP_READ_CHK || (c) == IP_WRITE)

/* libc's own call, for a foreign descriptor. */
static inline __attribute__((always_inline)) ssize_t
ip_libc(enum ip_call c, int fd, void *buf, size_t len, size_t buflen,
        int flags)
{
    switch (c) {
    case IP_RECV: return wsc_os.recv(fd, buf, len, flags);
    case IP_RECVFROM: return wsc_os.recvfrom(fd, buf, len, flags, NULL, NULL);
    case IP_READ: return wsc_os.read(fd, buf, len);
    case IP_RECV_CHK: return wsc_os.__recv_chk(fd, buf, len, buflen, flags);
    case IP_RECVFROM_CHK:
        return wsc_os.__recvfrom_chk(fd, buf, len, buflen, flags, NULL, NULL);
    case IP_READ_CHK: return wsc_os.__read_chk(fd, buf, len, buflen);
    case IP_SEND: return wsc_os.send(fd, buf, len, flags);
    case IP_SENDTO: return wsc_os.sendto(fd, buf, len, flags, NULL, 0);
    case IP_WRITE: return wsc_os.write(fd, buf, len);
    }
    __builtin_unreachable();
}

/* The call's trace wrapper, for all the direct path does not do. */
static inline __attribute__((always_inline)) ssize_t
ip_slow(enum ip_call c, int fd, void *buf, size_t len, size_t buflen,
        int flags)
{
    switch (c) {
    case IP_RECV: return ipt_slow_recv(fd, buf, len, flags);
    case IP_RECVFROM: return ipt_slow_recvfrom(fd, buf, len, flags, NULL, NULL);
    case IP_READ: return ipt_slow_read(fd, buf, len);
    case IP_RECV_CHK: return ipt_slow___recv_chk(fd, buf, len, buflen, flags);
    case IP_RECVFROM_CHK:
        return ipt_slow___recvfrom_chk(fd, buf, len, buflen, flags, NULL, NULL);
    case IP_READ_CHK: return ipt_slow___read_chk(fd, buf, len, buflen);
    case IP_SEND: return ipt_slow_send(fd, buf, len, flags);
    case IP_SENDTO: return ipt_slow_sendto(fd, buf, len, flags, NULL, 0);
    case IP_WRITE: return ipt_slow_write(fd, buf, len);
    }
    __builtin_unreachable();
}

/* A receive without flags on a datagram socket (the caller holds 1 +
 * WSC_RECV_UNIT); sa NULL: no address wanted.  A datagram cut short
 * returns the part copied, as Linux's recv does. */
static inline __attribute__((always_inline)) ssize_t
ip_recv_dgram(struct wsc_sock *e, void *buf, size_t len, struct sockaddr *sa,
              socklen_t *salen)
{
    long r = wsc_e_recv_dgram(e, buf, len, sa, salen);

    if (__builtin_expect(r == WSC_E_NOT_DIRECT, 0)) {
        wsc_drop_recv_unit(e);
        return recv_general(e, buf, len, 0, sa, salen);
    }
    return ip_result(r == -WSAEMSGSIZE ? (long)len : r);
}

/* A send, and a receive without flags, on an open datagram socket (the
 * references taken): out of line, in a frame of their own, small. */
static ssize_t __attribute__((noinline))
ip_send_dgram(struct wsc_sock *e, const void *buf, size_t len, int flags)
{
    return ip_result(wsc_e_send_dgram(e, buf, len, flags & ~MSG_NOSIGNAL));
}

static ssize_t __attribute__((noinline))
ip_recv_dgram_off(struct wsc_sock *e, void *buf, size_t len)
{
    return ip_recv_dgram(e, buf, len, NULL, NULL);
}

/* A call whose number's flags f kept it off the inlined path and the
 * datagram one, its references taken: kept for the general path if the
 * number is open and not closing (a receive with flags on a datagram
 * socket); else given back, and a foreign descriptor goes to libc, the
 * rest to the trace wrapper. */
static ssize_t __attribute__((noinline))
ip_off(enum ip_call c, struct wsc_sock *e, uint32_t f, int fd, void *buf,
       size_t len, size_t buflen, int flags)
{
    int recv = IP_IS_RECV(c);

    if ((f & (WSC_H_DIRECT_MASK | WSC_H_FOREIGN)) == WSC_H_DIRECT) {
        if (recv) {
            wsc_drop_recv_unit(e);
            return recv_general(e, buf, len, flags, NULL, NULL);
        }
        return send_general(e, buf, len, flags, NULL, 0);
    }
    wsc_release_n(e, recv ? 1 + WSC_RECV_UNIT : 1);
    if (f & WSC_H_FOREIGN)
        return ip_libc(c, fd, buf, len, buflen, flags);
    return ip_slow(c, fd, buf, len, buflen, flags);
}

static inline __attribute__((always_inline)) ssize_t
ip_hot(enum ip_call c, int fd, void *buf, size_t len, size_t buflen,
       int flags)
{
    int recv = IP_IS_RECV(c);
    struct wsc_sock *e = wsc_entry(fd);
    uint32_t f;

    if (__builtin_expect(e == NULL || (recv && (!len ||
                                                (flags & MSG_WAITALL))), 0))
        return ip_slow(c, fd, buf, len, buflen, flags);
    /* read and write see files and pipes too: no atomic pair for those */
    if (IP_IS_RW(c) && (wsc_handle_flags_relaxed(e) & WSC_H_FOREIGN))
        return ip_libc(c, fd, buf, len, buflen, flags);
    f = wsc_ref_flags(e, recv ? 1 + WSC_RECV_UNIT : 1);
    if (__builtin_expect(wsc_direct_stream(f), 1)) {
        if (recv)
            return ip_result(wsc_e_recv(e, buf, len, flags));
        return ip_result(wsc_e_send(e, buf, len, flags & ~MSG_NOSIGNAL));
    }
    if ((f & (WSC_H_DIRECT_STREAM_MASK | WSC_H_FOREIGN)) == WSC_H_DIRECT) {
        if (!recv)
            return ip_send_dgram(e, buf, len, flags);
        if (!flags)
            return ip_recv_dgram_off(e, buf, len);
    }
    return ip_off(c, e, f, fd, buf, len, buflen, flags);
}

/* Off the direct path with an address: as before it, the trace wrapper
 * with the references given back. */
static ssize_t __attribute__((noinline))
ip_recvfrom_off(struct wsc_sock *e, int fd, void *buf, size_t len,
                struct sockaddr *sa, socklen_t *salen)
{
    wsc_release_n(e, 1 + WSC_RECV_UNIT);
    return ipt_slow_recvfrom(fd, buf, len, 0, sa, salen);
}

static ssize_t __attribute__((noinline))
ip_sendto_off(struct wsc_sock *e, int fd, const void *buf, size_t len,
              const struct sockaddr *sa, socklen_t salen)
{
    wsc_release_n(e, 1);
    return ipt_slow_sendto(fd, buf, len, 0, sa, salen);
}

/* recvfrom with an address and sendto with one, on a datagram socket:
 * the kernel reads and writes the caller's address and its length as
 * they are.  A datagram cut short returns the part copied, as Linux's
 * recvfrom does. */
static inline __attribute__((always_inline)) ssize_t
ip_recvfrom_addr(int fd, void *buf, size_t len, struct sockaddr *sa,
                 socklen_t *salen)
{
    struct wsc_sock *e = wsc_entry(fd);
    uint32_t f;

    if (__builtin_expect(e == NULL || !len, 0))
        return ipt_slow_recvfrom(fd, buf, len, 0, sa, salen);
    f = wsc_ref_flags(e, 1 + WSC_RECV_UNIT);
    if (__builtin_expect((f & (WSC_H_DIRECT_STREAM_MASK | WSC_H_FOREIGN)) !=
                         WSC_H_DIRECT, 0))
        return ip_recvfrom_off(e, fd, buf, len, sa, salen);
    return ip_recv_dgram(e, buf, len, sa, salen);
}

static inline __attribute__((always_inline)) ssize_t
ip_sendto_addr(int fd, const void *buf, size_t len,
               const struct sockaddr *sa, socklen_t salen)
{
    struct wsc_sock *e = wsc_entry(fd);
    uint32_t f;
    long r;

    if (__builtin_expect(e == NULL, 0))
        return ipt_slow_sendto(fd, buf, len, 0, sa, salen);
    f = wsc_ref_flags(e, 1);
    if (__builtin_expect((f & (WSC_H_DIRECT_STREAM_MASK | WSC_H_FOREIGN)) !=
                         WSC_H_DIRECT, 0))
        return ip_sendto_off(e, fd, buf, len, sa, salen);
    r = wsc_e_sendto(e, buf, len, 0, sa, salen);
    if (__builtin_expect(r == WSC_E_NOT_DIRECT, 0))
        return send_general(e, buf, len, 0, sa, salen);
    return ip_result(r);
}

IP_PUBLIC(ssize_t, recv, (int fd, void *buf, size_t len, int flags))
{
    return ip_hot(IP_RECV, fd, buf, len, 0, flags);
}

IP_PUBLIC(ssize_t, recvfrom, (int fd, void *buf, size_t len, int flags,
                              struct sockaddr *sa, socklen_t *salen))
{
    /* (With an address, the kernel sets *salen even on a stream.) */
    if (sa)
        return flags ? ipt_slow_recvfrom(fd, buf, len, flags, sa, salen)
                     : ip_recvfrom_addr(fd, buf, len, sa, salen);
    return ip_hot(IP_RECVFROM, fd, buf, len, 0, flags);
}

IP_PUBLIC(ssize_t, read, (int fd, void *buf, size_t len))
{
    return ip_hot(IP_READ, fd, buf, len, 0, 0);
}

IP_PUBLIC(ssize_t, __recv_chk, (int fd, void *buf, size_t len, size_t buflen,
                                int flags))
{
    if (len > buflen)
        __chk_fail();
    return ip_hot(IP_RECV_CHK, fd, buf, len, buflen, flags);
}

IP_PUBLIC(ssize_t, __recvfrom_chk, (int fd, void *buf, size_t len,
                                    size_t buflen, int flags,
                                    struct sockaddr *sa, socklen_t *salen))
{
    if (len > buflen)
        __chk_fail();
    if (sa)
        return ipt_slow___recvfrom_chk(fd, buf, len, buflen, flags, sa, salen);
    return ip_hot(IP_RECVFROM_CHK, fd, buf, len, buflen, flags);
}

IP_PUBLIC(ssize_t, __read_chk, (int fd, void *buf, size_t len, size_t buflen))
{
    if (len > buflen)
        __chk_fail();
    return ip_hot(IP_READ_CHK, fd, buf, len, buflen, 0);
}

IP_PUBLIC(ssize_t, send, (int fd, const void *buf, size_t len, int flags))
{
    return ip_hot(IP_SEND, fd, (void *)buf, len, 0, flags);
}

IP_PUBLIC(ssize_t, sendto, (int fd, const void *buf, size_t len, int flags,
                            const struct sockaddr *sa, socklen_t salen))
{
    if (sa)
        return flags & ~MSG_NOSIGNAL
                   ? ipt_slow_sendto(fd, buf, len, flags, sa, salen)
                   : ip_sendto_addr(fd, buf, len, sa, salen);
    return ip_hot(IP_SENDTO, fd, (void *)buf, len, 0, flags);
}

IP_PUBLIC(ssize_t, write, (int fd, const void *buf, size_t len))
{
    return ip_hot(IP_WRITE, fd, (void *)buf, len, 0, 0);
}
