/* Interposer: the life of a socket (socket, socketpair, bind, listen,
 * accept, accept4, connect, shutdown) and its options. */
#include <sys/time.h>
#include "interpose.h"

/* The sockets the engine takes: TCP and UDP over IPv4 and IPv6. */
static int engine_kind(int domain, int type)
{
    type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    return (domain == AF_INET || domain == AF_INET6) &&
           (type == SOCK_STREAM || type == SOCK_DGRAM);
}

IP_DEFINE(int, socket, (int domain, int type, int proto))
{
    int fd;

    if (!ip_on || !engine_kind(domain, type)) {
        fd = wsc_os.socket(domain, type, proto);
        if (fd >= 0 && ip_on)
            wsc_mark_foreign(fd);
        return fd;
    }
    fd = wsc_e_socket(domain, type & ~SOCK_NONBLOCK, proto,
                      (type & SOCK_NONBLOCK) ? WSC_F_NONBLOCK : 0);
    return (int)ip_result(fd);
}

IP_DEFINE(int, socketpair, (int domain, int type, int proto, int *sv))
{
    int r = wsc_os.socketpair(domain, type, proto, sv);

    if (r == 0 && ip_on) {
        wsc_mark_foreign(sv[0]);
        wsc_mark_foreign(sv[1]);
    }
    return r;
}

IP_DEFINE(int, bind, (int fd, const struct sockaddr *sa, socklen_t len))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.bind(fd, sa, len);
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_leave(e, wsc_e_kernel_bind(e, sa, len));
}

IP_DEFINE(int, listen, (int fd, int backlog))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.listen(fd, backlog);
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_leave(e, wsc_e_kernel_listen(e, backlog));
}

IP_DEFINE(int, accept4,
          (int fd, struct sockaddr *sa, socklen_t *len, int flags))
{
    struct wsc_sock *e = wsc_claim(fd), *ne;
    int r;

    if (!e)
        return wsc_os.accept4(fd, sa, len, flags);
    if (e == WSC_GONE)
        return ip_gone();
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return (int)ip_leave(e, -WSAEINVAL);
    r = wsc_e_accept(e, sa, len, flags & SOCK_CLOEXEC);
    /* POSIX: the new socket does not inherit the listener's mode. */
    if (r >= 0 && (ne = wsc_ref(r)) != NULL) {
        if (!(flags & SOCK_NONBLOCK) != !(wsc_flags(ne) & WSC_F_NONBLOCK))
            wsc_e_set_nonblock(ne, flags & SOCK_NONBLOCK);
        wsc_release(ne);
    }
    return (int)ip_leave(e, r);
}

IP_DEFINE(int, accept, (int fd, struct sockaddr *sa, socklen_t *len))
{
    return ip_accept4(fd, sa, len, 0);
}

IP_DEFINE(int, connect, (int fd, const struct sockaddr *sa, socklen_t len))
{
    struct wsc_sock *e = wsc_claim(fd);
    struct sockaddr_storage ss;
    long r;

    if (!e)
        return wsc_os.connect(fd, sa, len);
    if (e == WSC_GONE)
        return ip_gone();
    /* The engine reads the family; a longer len is the kernel's to refuse. */
    if (!sa || wsc_copy_addr(&ss, sa, len))
        return (int)ip_leave(e, -WSAEFAULT);
    r = wsc_e_connect(e, (struct sockaddr *)&ss, len);
    if (r == -WSAEWOULDBLOCK)
        r = -WSAEINPROGRESS; /* POSIX names a pending connect so */
    return (int)ip_leave(e, r);
}

IP_DEFINE(int, shutdown, (int fd, int how))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.shutdown(fd, how);
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_leave(e, wsc_e_shutdown(e, how));
}

/* ---- options ------------------------------------------------------------ */

static int is_timeout(int level, int name)
{
    return level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO);
}

/* SO_RCVTIMEO/SO_SNDTIMEO: receives are timed by the kernel, sends by
 * the engine.  A struct timeval as POSIX has it, or a 4-byte DWORD of
 * milliseconds as a port from Windows may still pass. */
static int set_timeout(struct wsc_sock *e, int name, const void *val,
                       socklen_t len)
{
    uint32_t dw;

    if (!val || len < sizeof(uint32_t))
        return -WSAEFAULT; /* as Windows says for a short DWORD */
    if (len != sizeof(uint32_t))
        return wsc_e_kernel_timeout(e, name, val, len);
    if (wsc_copy_in(&dw, val, sizeof(dw)))
        return -WSAEFAULT;
    return name == SO_RCVTIMEO ? wsc_e_set_rcvtimeo(e, dw)
                               : wsc_e_set_sndtimeo(e, dw);
}

IP_DEFINE(int, setsockopt,
          (int fd, int level, int name, const void *val, socklen_t len))
{
    struct wsc_sock *e = wsc_claim(fd);

    if (!e)
        return wsc_os.setsockopt(fd, level, name, val, len);
    if (e == WSC_GONE)
        return ip_gone();
    if (is_timeout(level, name))
        return (int)ip_leave(e, set_timeout(e, name, val, len));
    if (level == SOL_SOCKET && name == SO_OOBINLINE && val &&
        len >= sizeof(int)) {
        int on;
        if (wsc_copy_in(&on, val, sizeof(on)))
            return (int)ip_leave(e, -WSAEFAULT);
        return (int)ip_leave(e, wsc_e_setopt_int(e, level, name, on));
    }
    {
        int r = wsc_os.setsockopt(e->fd, level, name, val, len);
        wsc_release(e);
        return r;
    }
}

/* A 4-byte value and its length out to the caller: 0 or -WSAEFAULT. */
static int put_int_opt(void *val, socklen_t *len, uint32_t v)
{
    socklen_t n = sizeof(v);

    if (wsc_copy_out(val, &v, sizeof(v)) || wsc_copy_out(len, &n, sizeof(n)))
        return -WSAEFAULT;
    return 0;
}

/* SO_ERROR as Windows keeps it: the failure of a non-blocking connect,
 * which stays until the next connect; a reset is left for the next call
 * to report, not consumed here. */
static int get_so_error(struct wsc_sock *e, void *val, socklen_t *len)
{
    socklen_t n = 0;
    int code, err;

    if (!val || !len || wsc_copy_in(&n, len, sizeof(n)) || n < sizeof(int))
        return -WSAEFAULT;
    code = wsc_e_so_error(e);
    err = code ? ip_errno(-code) : 0;
    return put_int_opt(val, len, err);
}

IP_DEFINE(int, getsockopt,
          (int fd, int level, int name, void *val, socklen_t *len))
{
    struct wsc_sock *e = wsc_claim(fd);
    int r;

    if (!e)
        return wsc_os.getsockopt(fd, level, name, val, len);
    if (e == WSC_GONE)
        return ip_gone();
    if (level == SOL_SOCKET && name == SO_ERROR)
        return (int)ip_leave(e, get_so_error(e, val, len));
    if (is_timeout(level, name) && val && len) {
        socklen_t n = 0;
        if (wsc_copy_in(&n, len, sizeof(n)))
            return (int)ip_leave(e, -WSAEFAULT);
        if (n == sizeof(uint32_t))
            return (int)ip_leave(e, put_int_opt(val, len,
                                                name == SO_RCVTIMEO
                                                    ? wsc_e_rcvtimeo(e)
                                                    : wsc_e_sndtimeo(e)));
    }
    r = wsc_os.getsockopt(e->fd, level, name, val, len);
    wsc_release(e);
    return r;
}
