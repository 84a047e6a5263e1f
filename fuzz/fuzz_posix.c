/* The POSIX interposer (linked with --wrap) with caller data: setsockopt
 * and getsockopt with any level, name and length, ioctl and fcntl with
 * the commands a port uses, select with any nfds and bits, poll with any
 * array, send/recv flags and shutdown, over TCP and UDP sockets, a
 * listener, a pipe (passed through) and closed or made-up descriptors.
 * The sockets are put back into non-blocking mode after every call, so
 * that nothing can wait. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include "fuzz_input.h"

enum { LIVE = 6, MAX_OPT = 64, MAX_POLL = 32, MAX_IO = 512 };

struct pool {
    int fd[LIVE]; /* client, server, listener, udp, pipe read, pipe write */
    int closed;
};

static int pick_fd(struct fz *f, const struct pool *p)
{
    unsigned k = fz_pick(f, LIVE + 3);

    if (k < LIVE)
        return p->fd[k];
    if (k == LIVE)
        return p->closed;
    if (k == LIVE + 1)
        return -1;
    return (int)fz_u16(f) % 1100 - 50;
}

static void failed(int rc)
{
    FZ_CHECK(rc == -1, rc);
    FZ_CHECK(errno > 0 && errno < 4096, errno);
}

static void opt_call(struct fz *f, int fd)
{
    static const int levels[] = { SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP,
                                  IPPROTO_IPV6 };
    unsigned k = fz_pick(f, 5);
    int level = k < 4 ? levels[k] : (int)fz_u32(f);
    int name = fz_pick(f, 8) ? (int)fz_pick(f, 80) : (int)fz_u32(f);
    socklen_t len = fz_pick(f, 8) ? fz_pick(f, MAX_OPT + 1) : fz_u32(f);
    socklen_t given = len;
    char *v = len && len <= MAX_OPT ? malloc(len) : NULL;
    int rc;

    if (level == SOL_SOCKET && (name == SO_ATTACH_FILTER ||
                                name == SO_ATTACH_BPF || name == SO_LINGER))
        name = SO_KEEPALIVE; /* kernel pointers, and a close that waits */
    if (fz_pick(f, 2)) {
        if (v)
            fz_fill(f, v, len);
        rc = setsockopt(fd, level, name, v, len);
        if (rc)
            failed(rc);
    } else {
        rc = getsockopt(fd, level, name, v, fz_pick(f, 8) ? &len : NULL);
        if (rc)
            failed(rc);
        else
            FZ_CHECK(len <= given, len);
    }
    free(v);
}

static void ctl_call(struct fz *f, int fd)
{
    static const unsigned long reqs[] = { FIONBIO, FIONREAD, SIOCATMARK,
                                          SIOCOUTQ, FIOCLEX, FIONCLEX,
                                          0x8004667e, 0xdeadbeef };
    static const int cmds[] = { F_GETFL, F_SETFL, F_GETFD, F_SETFD,
                                F_DUPFD_CLOEXEC, F_DUPFD, F_GETOWN, -1 };
    int arg = (int)fz_u32(f), rc;

    if (fz_pick(f, 2)) {
        rc = ioctl(fd, reqs[fz_pick(f, 8)], fz_pick(f, 16) ? &arg : NULL);
    } else {
        int cmd = cmds[fz_pick(f, 8)];
        if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
            arg &= 1023;
        rc = fcntl(fd, cmd, arg);
        if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC))
            FZ_CHECK(rc >= arg && close(rc) == 0, rc);
    }
    if (rc < 0)
        failed(rc);
}

static void select_call(struct fz *f)
{
    fd_set sets[3], before[3];
    struct timeval tv = { 0, 0 };
    int nfds = fz_pick(f, 4) ? fz_pick(f, 64) : fz_u16(f) % (FD_SETSIZE + 1);
    int k, fd, rc, total = 0, use[3];

    for (k = 0; k < 3; k++) {
        FD_ZERO(&sets[k]);
        use[k] = fz_pick(f, 4) != 0;
        for (fd = 0; fd < nfds; fd++)
            if (fz_pick(f, 16) == 0)
                FD_SET(fd, &sets[k]);
        before[k] = sets[k];
    }
    rc = select(nfds, use[0] ? &sets[0] : NULL, use[1] ? &sets[1] : NULL,
                use[2] ? &sets[2] : NULL, &tv);
    if (rc < 0) {
        failed(rc);
        /* EINTR: libFuzzer's timer signal (-timeout) may land in it, and
         * even a zero-timeout select reports a pending signal. */
        FZ_CHECK(errno == EBADF || errno == EINTR, errno);
        return;
    }
    for (k = 0; k < 3; k++)
        for (fd = 0; use[k] && fd < nfds; fd++)
            if (FD_ISSET(fd, &sets[k])) {
                FZ_CHECK(FD_ISSET(fd, &before[k]), fd);
                total++;
            }
    FZ_CHECK(rc == total, rc);
}

static void poll_call(struct fz *f, const struct pool *p)
{
    nfds_t i, n = fz_pick(f, MAX_POLL + 1);
    struct pollfd *fds = malloc((n ? n : 1) * sizeof(*fds));
    int rc, ready = 0;

    for (i = 0; i < n; i++) {
        fds[i].fd = pick_fd(f, p);
        fds[i].events = (short)fz_u16(f);
        fds[i].revents = (short)fz_u16(f);
    }
    rc = poll(fds, n, 0);
    if (rc < 0) {
        failed(rc);
    } else {
        for (i = 0; i < n; i++) {
            if (fds[i].fd < 0)
                FZ_CHECK(fds[i].revents == 0, fds[i].revents);
            ready += fds[i].revents != 0;
        }
        FZ_CHECK(rc == ready, rc);
    }
    free(fds);
}

static void io_call(struct fz *f, int fd)
{
    static const int common[] = { 0, MSG_PEEK, MSG_OOB, MSG_DONTWAIT,
                                  MSG_WAITALL, MSG_TRUNC, MSG_NOSIGNAL };
    unsigned k = fz_pick(f, 9);
    int flags = k < 7 ? common[k] : (int)fz_u32(f) & ~MSG_ERRQUEUE;
    size_t len = fz_pick(f, 4) ? fz_u16(f) % MAX_IO : 0;
    char *buf = malloc(len ? len : 1);
    ssize_t r;

    fz_fill(f, buf, len);
    switch (fz_pick(f, 4)) {
    case 0:
        r = send(fd, buf, len, flags);
        break;
    case 1:
        r = recv(fd, buf, len, flags & ~MSG_TRUNC);
        FZ_CHECK(r <= (ssize_t)len, r);
        break;
    case 2:
        r = shutdown(fd, fz_pick(f, 4));
        break;
    default:
        r = write(fd, buf, len);
    }
    if (r < 0)
        failed((int)r);
    free(buf);
}

/* Whatever the call did to the pool's modes: non-blocking again. */
static void unblock(const struct pool *p)
{
    int i;

    for (i = 0; i < LIVE; i++)
        FZ_CHECK(fcntl(p->fd[i], F_SETFL, O_NONBLOCK) == 0, errno);
}

static void tcp_pair(struct pool *p)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    p->fd[2] = socket(AF_INET, SOCK_STREAM, 0);
    p->fd[0] = socket(AF_INET, SOCK_STREAM, 0);
    FZ_CHECK(!bind(p->fd[2], (struct sockaddr *)&a, sizeof(a)) &&
             !listen(p->fd[2], 4) &&
             !getsockname(p->fd[2], (struct sockaddr *)&a, &len) &&
             !connect(p->fd[0], (struct sockaddr *)&a, sizeof(a)), errno);
    p->fd[1] = accept(p->fd[2], NULL, NULL);
    FZ_CHECK(p->fd[1] >= 0, errno);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct pool p;
    int i;

    tcp_pair(&p);
    p.fd[3] = socket(AF_INET, SOCK_DGRAM, 0);
    FZ_CHECK(p.fd[3] >= 0 && pipe(&p.fd[4]) == 0, errno);
    p.closed = socket(AF_INET, SOCK_STREAM, 0);
    FZ_CHECK(p.closed >= 0 && close(p.closed) == 0, errno);
    unblock(&p);
    while (f.n > 0) {
        switch (fz_pick(&f, 5)) {
        case 0:
            opt_call(&f, pick_fd(&f, &p));
            break;
        case 1:
            ctl_call(&f, pick_fd(&f, &p));
            break;
        case 2:
            select_call(&f);
            break;
        case 3:
            poll_call(&f, &p);
            break;
        default:
            io_call(&f, pick_fd(&f, &p));
        }
        unblock(&p);
    }
    /* A reset leaves no TIME_WAIT: millions of inputs would otherwise
     * use up the ephemeral ports. */
    {
        struct linger lg = { 1, 0 };
        FZ_CHECK(setsockopt(p.fd[0], SOL_SOCKET, SO_LINGER, &lg,
                            sizeof(lg)) == 0, errno);
    }
    for (i = 0; i < LIVE; i++)
        FZ_CHECK(close(p.fd[i]) == 0, errno);
    fz_no_leak();
    return 0;
}
