/* The os layer: the only way the engine reaches libc's socket calls.  The
 * table holds every call of calls.def; the source build binds it to libc
 * by name (libc.c), the wrap build to the __real_ names (wrap.c), the
 * preload build through dlsym (preload.c). */
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

/* For the take column of calls.def: in an OS_CALL(..., take, ...) macro,
 * WSC_IF_TAKEN_##take(x) is x for the calls the interposer takes over
 * (TAKEN and HOT), WSC_IF_OWN_##take(x) x for the engine's own,
 * WSC_IF_HOT_##take(x) x for the HOT ones, WSC_IF_COLD_##take(x) for the
 * other TAKEN ones. */
#define WSC_IF_TAKEN_TAKEN(...) __VA_ARGS__
#define WSC_IF_TAKEN_HOT(...) __VA_ARGS__
#define WSC_IF_TAKEN_OWN(...)
#define WSC_IF_OWN_OWN(...) __VA_ARGS__
#define WSC_IF_OWN_TAKEN(...)
#define WSC_IF_OWN_HOT(...)
#define WSC_IF_HOT_HOT(...) __VA_ARGS__
#define WSC_IF_HOT_TAKEN(...)
#define WSC_IF_HOT_OWN(...)
#define WSC_IF_COLD_TAKEN(...) __VA_ARGS__
#define WSC_IF_COLD_HOT(...)
#define WSC_IF_COLD_OWN(...)

struct wsc_os_table {
#define OS_CALL(ret, name, params, args, take, windows, kind) ret(*name) params;
#include "calls.def"
#undef OS_CALL
};

/* Call as wsc_os.recvfrom(...).  Hidden, as everything of the library's
 * own: a call through it is one RIP-relative indirect call, not a load of
 * its address from the GOT first. */
extern struct wsc_os_table wsc_os __attribute__((visibility("hidden")));

#endif
