/* The interposer's public symbols, one per call calls.def marks TAKEN:
 * each calls ip_NAME, and when WSCOMPAT_TRACE is on writes one line for a
 * call on an engine socket, under the Windows name of what it does.  A HOT
 * call's public symbol is its direct path (io.c), and the same wrapper is
 * its ipt_slow_NAME. */
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include "interpose.h"
#include "trace.h"

enum trace_kind {
    ON_FD,     /* the first argument is the descriptor */
    ON_RESULT, /* the result is the descriptor (socket) */
    ON_POLL,   /* any descriptor of a pollfd array */
    ON_SELECT, /* any descriptor of the read or write set */
    NEVER,     /* fork, socketpair, close_range: not one socket's call */
};

/* A call's Windows name ("SAME": its own) and kind, from calls.def. */
struct trace_name {
    const char *windows;
    enum trace_kind kind;
};

static int ours(long fd)
{
    struct wsc_sock *e;

    if (!ip_on || fd < 0 || fd > INT32_MAX)
        return 0;
    e = wsc_entry((int)fd);
    return e && (wsc_handle_flags(e) & (WSC_H_OPEN | WSC_H_FOREIGN)) == WSC_H_OPEN;
}

static int any_in_pollfds(const struct pollfd *fds, long n)
{
    long i;

    for (i = 0; fds && i < n; i++)
        if (ours(fds[i].fd))
            return 1;
    return 0;
}

static int any_in_sets(long n, const fd_set *rd, const fd_set *wr)
{
    long fd;

    for (fd = 0; fd < n && fd < FD_SETSIZE; fd++)
        if ((rd && FD_ISSET(fd, rd)) || (wr && FD_ISSET(fd, wr)))
            if (ours(fd))
                return 1;
    return 0;
}

/* Whether the call is one to trace, judged before it runs (a close
 * forgets its descriptor) and after (a descriptor is adopted at first
 * sight, a socket exists only after). */
static int wanted(const struct trace_name *n, long a1, long a2, long a3,
                  long r, int after)
{
    switch (n->kind) {
    case ON_FD:
        return ours(a1);
    case ON_RESULT:
        return after && ours(r);
    case ON_POLL:
        return any_in_pollfds((const struct pollfd *)a1, a2);
    case ON_SELECT:
        return any_in_sets(a1, (const fd_set *)a2, (const fd_set *)a3);
    default:
        return 0;
    }
}

struct ip_trace {
    struct wsc_trace t;
    const struct trace_name *n;
    int before;
};

static void trace_before(struct ip_trace *c, const struct trace_name *n,
                         long a1, long a2, long a3)
{
    c->n = n;
    c->before = wanted(c->n, a1, a2, a3, -1, 0);
}

static int trace_start(struct ip_trace *c, const char *name, long a1,
                       long a2, long a3, long r)
{
    char title[64];
    int saved = errno;

    if (!c->before && !wanted(c->n, a1, a2, a3, r, 1))
        return 0;
    if (strcmp(c->n->windows, "SAME") && strcmp(c->n->windows, name))
        snprintf(title, sizeof(title), "%s [%s]", c->n->windows, name);
    else
        snprintf(title, sizeof(title), "%s", name);
    wsc_trace_begin(&c->t, title);
    errno = saved;
    return 1;
}

/* The result, and for a failure the errno with its Windows code. */
static void trace_result(struct ip_trace *c, long r)
{
    int err = errno, code = wsc_errno_to_wsa(err);
    const char *wsa = wsc_strerror_name(code);

    if (r != -1)
        wsc_trace_end(&c->t, "%ld", r);
    else if (wsa)
        wsc_trace_end(&c->t, "-1 %s (%s)", wsa + 3, wsa);
    else
        wsc_trace_end(&c->t, "-1 errno %d", err);
}

#define IP_ARG1(a, ...) a
#define IP_ARG2(a, b, ...) b
#define IP_ARG3(a, b, c, ...) c
#define IP_APPLY(m, ...) m(__VA_ARGS__)
/* The k-th argument as a long, 0 past the last. */
#define IP_ARGN(k, args) ((long)(IP_APPLY(k, WSC_UNPAREN args, 0, 0, 0) + 0))

/* As in the Winsock front end, the traced call is a function of its own. */
#define IP_TRACED(ret, name, params, args, take, windows, kind)        \
    ret ip_##name params;                                              \
    static __attribute__((noinline, cold)) ret traced_##name params    \
    {                                                                  \
        static const struct trace_name wsc_tn = { #windows, kind };    \
        struct ip_trace c;                                             \
        ret r;                                                         \
                                                                       \
        trace_before(&c, &wsc_tn, IP_ARGN(IP_ARG1, args),                   \
                     IP_ARGN(IP_ARG2, args), IP_ARGN(IP_ARG3, args));  \
        r = ip_##name args;                                            \
        if (trace_start(&c, #name, IP_ARGN(IP_ARG1, args),             \
                        IP_ARGN(IP_ARG2, args), IP_ARGN(IP_ARG3, args),\
                        (long)r)) {                                    \
            WSC_TRACE_ARGS(&c.t, WSC_UNPAREN args)                      \
            trace_result(&c, (long)r);                                 \
        }                                                              \
        return r;                                                      \
    }                                                                  \
    WSC_IF_COLD_##take(                                                \
    ret ipt_##name params __asm__(IP_SYMBOL(name))                     \
        __attribute__((visibility("default")));                       \
    ret ipt_##name params                                              \
    {                                                                  \
        if (__builtin_expect(!wsc_trace_on, 1))                        \
            return ip_##name args;                                     \
        return traced_##name args;                                     \
    })                                                                 \
    WSC_IF_HOT_##take(                                                 \
    ret ipt_slow_##name params                                         \
    {                                                                  \
        if (__builtin_expect(!wsc_trace_on, 1))                        \
            return ip_##name args;                                     \
        return traced_##name args;                                     \
    })
#define OS_CALL(ret, name, params, args, take, windows, kind) \
    WSC_IF_TAKEN_##take(IP_TRACED(ret, name, params, args, take, windows, kind))
#include "calls.def"
#undef OS_CALL
