/* Interposer: the life of a descriptor (close, close_range, dup, dup2,
 * dup3, fcntl, ioctl, fork).  close is Windows' closesocket for engine
 * sockets; duplicates of an engine socket are engine sockets too; the
 * application's blocking mode lives in the entry, not in the kernel. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/close_range.h>
#include "interpose.h"

IP_DEFINE(int, close, (int fd))
{
    struct wsc_sock *e = wsc_claim_known(fd);

    if (!e) {
        wsc_forget(fd);
        return wsc_os.close(fd);
    }
    if (e == WSC_GONE)
        return ip_gone();
    return (int)ip_result(wsc_e_closesocket(e));
}

/* Close [first, last] except the descriptors the engine holds, which it
 * closes itself (some only when their last call leaves). */
IP_DEFINE(int, close_range, (unsigned int first, unsigned int last,
                             int flags))
{
    unsigned int lo = first;
    int fd, r = 0;

    if (!ip_on || (flags & CLOSE_RANGE_CLOEXEC) || first > last)
        return wsc_os.close_range(first, last, flags);
    while (lo <= last) {
        fd = wsc_next_held((int)lo, last > INT32_MAX ? INT32_MAX : (int)last);
        if (fd < 0)
            return wsc_os.close_range(lo, last, flags);
        if ((unsigned int)fd > lo && wsc_os.close_range(lo, fd - 1, flags) < 0)
            r = -1;
        ip_close(fd);
        if ((unsigned int)fd == last)
            break;
        lo = (unsigned int)fd + 1;
    }
    return r;
}

/* The new descriptor of a successful dup of fd: an engine socket if fd
 * is one, else remembered as foreign like fd. */
static int dup_done(struct wsc_sock *e, int nfd)
{
    if (nfd < 0)
        return nfd;
    if (e)
        ip_register_copy(e, nfd);
    else if (ip_on)
        wsc_forget(nfd);
    return nfd;
}

IP_DEFINE(int, dup, (int fd))
{
    struct wsc_sock *e = wsc_claim(fd);
    int nfd;

    if (e == WSC_GONE)
        return ip_gone();
    nfd = dup_done(e, wsc_os.dup(fd));
    if (e)
        wsc_release(e);
    return nfd;
}

/* 0 when fd is an open descriptor (dup2's own first check). */
static int fcntl_valid(int fd)
{
    return wsc_os.fcntl(fd, F_GETFD, 0) < 0 ? -1 : 0;
}

struct dup_args {
    int fd, fd2, flags;
};

static int real_dup3(void *arg)
{
    struct dup_args *a = arg;

    if (a->flags < 0)
        return wsc_os.dup2(a->fd, a->fd2);
    return wsc_os.dup3(a->fd, a->fd2, a->flags);
}

/* dup2 (flags < 0) and dup3.  An engine socket at fd2 is closed as by
 * closesocket, but its number goes straight to the copy. */
static int dup_onto(int fd, int fd2, int flags)
{
    struct dup_args a = { fd, fd2, flags };
    struct wsc_sock *e, *target;
    int r;

    if (fd == fd2 || fcntl_valid(fd) < 0)
        return real_dup3(&a);
    target = wsc_claim_known(fd2);
    if (target == WSC_GONE) {
        errno = EBUSY; /* as Linux says when racing with a close */
        return -1;
    }
    e = wsc_claim(fd);
    if (e == WSC_GONE) {
        if (target)
            wsc_release(target);
        return ip_gone();
    }
    if (target) {
        r = wsc_e_close_replace(target, real_dup3, &a, e);
        if (r == -WSAENOTSOCK) {
            errno = EBUSY;
            r = -1;
        }
    } else {
        r = dup_done(e, real_dup3(&a));
    }
    if (e)
        wsc_release(e);
    return r;
}

IP_DEFINE(int, dup2, (int fd, int fd2))
{
    return dup_onto(fd, fd2, -1);
}

IP_DEFINE(int, dup3, (int fd, int fd2, int flags))
{
    return dup_onto(fd, fd2, flags);
}

/* fcntl on an engine socket: the kernel socket is in the application's
 * blocking mode; the engine keeps a copy of it. */
static int fcntl_engine(struct wsc_sock *e, int cmd, long arg)
{
    switch (cmd) {
    case F_SETFL:
        return (int)ip_result(wsc_e_kernel_setfl(e, arg));
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        return dup_done(e, wsc_os.fcntl(e->fd, cmd, arg));
    default:
        return wsc_os.fcntl(e->fd, cmd, arg);
    }
}

static int fcntl_any(int fd, int cmd, long arg)
{
    struct wsc_sock *e = wsc_claim(fd);
    int r;

    if (!e) {
        r = wsc_os.fcntl(fd, cmd, arg);
        if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
            dup_done(NULL, r);
        return r;
    }
    if (e == WSC_GONE)
        return ip_gone();
    r = fcntl_engine(e, cmd, arg);
    wsc_release(e);
    return r;
}

IP_DEFINE(int, fcntl, (int fd, int cmd, ...))
{
    va_list ap;
    long arg;

    va_start(ap, cmd);
    arg = va_arg(ap, long);
    va_end(ap);
    return fcntl_any(fd, cmd, arg);
}

/* fcntl64 is fcntl on a 64-bit system: the same function, two names. */
int ip_fcntl64(int fd, int cmd, ...)
    __attribute__((alias("ip_fcntl"), visibility("hidden")));

IP_DEFINE(int, ioctl, (int fd, unsigned long req, ...))
{
    struct wsc_sock *e;
    va_list ap;
    void *arg;
    int on;

    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    e = wsc_claim(fd);
    if (!e)
        return wsc_os.ioctl(fd, req, arg);
    if (e == WSC_GONE)
        return ip_gone();
    if (req != FIONBIO) {
        on = wsc_os.ioctl(e->fd, req, arg);
        wsc_release(e);
        return on;
    }
    if (!arg || wsc_copy_in(&on, arg, sizeof(on)))
        return (int)ip_leave(e, -WSAEFAULT);
    return (int)ip_leave(e, wsc_e_set_nonblock(e, on != 0));
}

/* The engine's pthread_atfork handlers do the work; fork is listed so
 * that the trace shows it and a wrapped binary resolves it here. */
IP_DEFINE(pid_t, fork, (void))
{
    return wsc_os.fork();
}
