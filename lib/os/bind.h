/* Shared by the three bindings of the os table: declarations of the
 * calls libc only declares under _FORTIFY_SOURCE, and the fixed-argument
 * functions that call libc's own for the engine's own calls. */
#ifndef WSC_OS_BIND_H
#define WSC_OS_BIND_H

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/pidfd.h>
#include <unistd.h>
#include "os.h"

ssize_t __recv_chk(int, void *, size_t, size_t, int);
ssize_t __recvfrom_chk(int, void *, size_t, size_t, int, struct sockaddr *,
                       socklen_t *);
ssize_t __read_chk(int, void *, size_t, size_t);
int __poll_chk(struct pollfd *, nfds_t, int, size_t);
int __ppoll_chk(struct pollfd *, nfds_t, const struct timespec *,
                const sigset_t *, size_t);

/* libc_NAME: the engine's own calls, by their names. */
#define OS_CALL(ret, name, params, args, take, windows, kind) \
    WSC_IF_OWN_##take(static ret libc_##name params { return name args; })
#include "calls.def"
#undef OS_CALL

#endif
