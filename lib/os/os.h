/* The os layer: the only way the engine reaches libc's socket calls.  The
 * table holds every call of os_calls.def and interpose.def; the source
 * build binds it to libc by name (os_libc.c), the wrap build to the
 * __real_ names (os_wrap.c), the preload build through dlsym (os_preload.c). */
#ifndef WSC_OS_H
#define WSC_OS_H

#include <signal.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/uio.h>
#include <poll.h>
#include <time.h>

struct mmsghdr;

struct wsc_os_table {
#define OS_CALL(ret, name, params, args) ret(*name) params;
#define INTERPOSE OS_CALL
#include "calls.def"
#include "interpose.def"
#undef INTERPOSE
#undef OS_CALL
};

/* Call as wsc_os.recvfrom(...). */
extern struct wsc_os_table wsc_os;

/* 1 in the interposer builds: POSIX conventions (a signal interrupts a
 * blocking call with EINTR; close never refuses).  Set by the binding. */
extern const int wsc_posix_mode;

#endif
