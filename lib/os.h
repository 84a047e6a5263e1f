/* The os layer: the only way the engine reaches libc's socket calls. */
#ifndef WSC_OS_H
#define WSC_OS_H

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <poll.h>

struct wsc_os_table {
#define OS_CALL(ret, name, params, args) ret(*name) params;
#include "os_calls.def"
#undef OS_CALL
};

/* Call as wsc_os.recvfrom(...). */
extern struct wsc_os_table wsc_os;

#endif
