/* One socket in two processes: the halves of WSADuplicateSocket and of
 * WSASocket(FROM_PROTOCOL_INFO).  Linux has no way to push a descriptor
 * into a process that does not ask for it, so the source only describes
 * the socket (process, descriptor, inode) and the target pulls it with
 * pidfd_getfd, which needs ptrace permission over the source. */
#include <errno.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "engine.h"
#include "os.h"

/* The inode of the socket at fd, or 0. */
static uint64_t socket_ino(int fd)
{
    struct stat st;

    if (fstat(fd, &st) < 0 || !S_ISSOCK(st.st_mode))
        return 0;
    return (uint64_t)st.st_ino;
}

int wsc_e_share(struct wsc_sock *e, uint32_t pid, struct wsc_share *sh)
{
    int pidfd;

    if (pid == 0 || pid > (uint32_t)INT32_MAX)
        return -WSAEINVAL;
    if (pid != (uint32_t)getpid()) {
        pidfd = wsc_os.pidfd_open((pid_t)pid, 0);
        if (pidfd < 0 && errno != ENOSYS)
            return -WSAEINVAL; /* no such process */
        if (pidfd >= 0)
            wsc_os.close(pidfd);
        /* Under Yama's ptrace_scope 1 only an ancestor, or the process
         * named here, may take our descriptors (no Yama: EINVAL). */
        prctl(PR_SET_PTRACER, (unsigned long)pid, 0, 0, 0);
    }
    sh->pid = (uint32_t)getpid(); /* the source: the target takes from it */
    sh->fd = e->fd;
    sh->ino = socket_ino(e->fd);
    return sh->ino ? 0 : -WSAENOTSOCK;
}

/* In the source's process: a copy of the descriptor with its state. */
static int take_own(const struct wsc_share *sh, int cloexec)
{
    struct wsc_sock *src = wsc_ref(sh->fd);
    int fd;

    if (!src)
        return -WSAEINVAL;
    if (socket_ino(sh->fd) != sh->ino) {
        wsc_release(src);
        return -WSAEINVAL;
    }
    fd = wsc_os.fcntl(sh->fd, cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, 0);
    if (fd >= 0 && wsc_register_copy(src, fd) < 0) {
        wsc_os.close(fd);
        fd = -1;
        errno = EMFILE;
    }
    wsc_release(src);
    return fd >= 0 ? fd : -WSAEMFILE;
}

static int getfd_error(int err)
{
    switch (err) {
    case EPERM:
        return -WSAEACCES;
    case ENOSYS:
        return -WSAEOPNOTSUPP;
    case EMFILE:
    case ENFILE:
        return -WSAEMFILE;
    default:
        return -WSAEINVAL; /* ESRCH, EBADF: the process or socket is gone */
    }
}

int wsc_e_take_share(const struct wsc_share *sh, int cloexec)
{
    struct wsc_sock *e;
    int pidfd, fd, err;

    if (sh->pid == 0 || sh->pid > (uint32_t)INT32_MAX || sh->fd < 0)
        return -WSAEINVAL;
    if (sh->pid == (uint32_t)getpid())
        return take_own(sh, cloexec);
    pidfd = wsc_os.pidfd_open((pid_t)sh->pid, 0);
    if (pidfd < 0)
        return getfd_error(errno);
    fd = wsc_os.pidfd_getfd(pidfd, sh->fd, 0); /* close-on-exec */
    err = errno;
    wsc_os.close(pidfd);
    if (fd < 0)
        return getfd_error(err);
    if (socket_ino(fd) != sh->ino) {
        wsc_os.close(fd);
        return -WSAEINVAL; /* the number holds another socket now */
    }
    if (!cloexec)
        wsc_os.fcntl(fd, F_SETFD, 0);
    /* Taken over as a socket inherited is, in the mode its open file
     * has (shared with the source: the kernel's O_NONBLOCK is). */
    e = wsc_ref_adopt((uintptr_t)fd, &err);
    if (!e) {
        wsc_os.close(fd);
        return -WSAEMFILE;
    }
    wsc_release(e);
    return fd;
}
