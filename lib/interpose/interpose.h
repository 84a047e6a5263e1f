/* The POSIX interposer: the calls lib/os/calls.def marks TAKEN, defined once and
 * compiled twice, as the libc names themselves (libwscompat-preload.so,
 * started by wscompat-run) and as __wrap_ names (libwscompat-wrap.a, for
 * -Wl,--wrap=).  POSIX return conventions, Windows connection semantics:
 * TCP and UDP sockets go to the engine, every other descriptor straight
 * to libc.  The errno of a failure is the one named like the Windows code
 * (WSAECONNABORTED -> ECONNABORTED). */
#ifndef WSC_IP_H
#define WSC_IP_H

#include <errno.h>
#include <string.h>
#include "engine.h"
#include "os.h"
#include "usermem.h"
#include "wscompat.h"

#ifdef WSC_WRAP
#define IP_SYMBOL(name) "__wrap_" #name
#else
#define IP_SYMBOL(name) #name
#endif

/* Defines the interposer for libc's NAME as ip_NAME.  The public symbol
 * (NAME, or __wrap_NAME) is ip_trace.c's, which calls ip_NAME. */
#define IP_DEFINE(ret, name, params)                                  \
    ret ip_##name params __attribute__((visibility("hidden")));      \
    ret ip_##name params
/* A HOT call's public symbol, its direct path (io.c); ip_NAME is then the
 * rest of it, which the direct path reaches through the trace wrapper
 * ipt_slow_NAME (trace.c). */
#define IP_PUBLIC(ret, name, params)                                  \
    ret ipp_##name params __asm__(IP_SYMBOL(name))                    \
        __attribute__((visibility("default")));                      \
    ret ipp_##name params
#define OS_CALL(ret, name, params, args, take, windows, kind)          \
    WSC_IF_HOT_##take(ret ipt_slow_##name params                      \
                      __attribute__((visibility("hidden")));)
#include "calls.def"
#undef OS_CALL

/* 1 once the interposer has started and was not switched off. */
extern int ip_on;


/* The errno named like a WSA code (EINTR for WSC_E_SIGNAL). */
int ip_errno(long r);

/* An engine result as a POSIX one: r, or -1 with errno set. */
static inline long ip_result(long r)
{
    if (r >= 0)
        return r;
    if (r != WSC_E_ERRNO)
        errno = ip_errno(r);
    return -1;
}

/* Leave a call: drop the reference and convert the result. */
static inline long ip_leave(struct wsc_sock *e, long r)
{
    wsc_release(e);
    return ip_result(r);
}

static inline int ip_gone(void)
{
    errno = EBADF;
    return -1;
}

/* A socket dup'd from e now also lives at fd: track it with e's state. */
void ip_register_copy(struct wsc_sock *e, int fd);

#endif
