/* WSCOMPAT_TRACE=1 writes the trace to standard error, WSCOMPAT_TRACE=FILE
 * appends it to FILE; unset, empty or 0, there is none. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "engine.h"
#include "os.h"
#include "trace.h"

int wsc_trace_on;
static int trace_fd = -1;

__attribute__((constructor)) static void trace_init(void)
{
    const char *v = getenv("WSCOMPAT_TRACE");

    if (!v || !*v || !strcmp(v, "0"))
        return;
    if (!strcmp(v, "1")) {
        trace_fd = 2;
    } else {
        trace_fd = open(v, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (trace_fd < 0) {
            fprintf(stderr, "wscompat: WSCOMPAT_TRACE: cannot open %s: %s\n",
                    v, strerror(errno));
            return;
        }
    }
    wsc_trace_on = 1;
}

/* Append to the line; a line too long is cut, never overrun. */
static void append(struct wsc_trace *t, const char *fmt, va_list ap)
{
    int k;

    if (t->n >= sizeof(t->buf) - 1)
        return;
    k = vsnprintf(t->buf + t->n, sizeof(t->buf) - t->n, fmt, ap);
    if (k > 0)
        t->n += (size_t)k;
    if (t->n > sizeof(t->buf) - 1)
        t->n = sizeof(t->buf) - 1;
}

void wsc_trace_printf(struct wsc_trace *t, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    append(t, fmt, ap);
    va_end(ap);
}

void wsc_trace_begin(struct wsc_trace *t, const char *name)
{
    t->n = 0;
    t->args = 0;
    wsc_trace_printf(t, "wscompat %d.%ld: %s(", (int)getpid(),
                     (long)syscall(SYS_gettid), name);
}

static void separate(struct wsc_trace *t)
{
    if (t->args++)
        wsc_trace_printf(t, ", ");
}

void wsc_trace_arg_i(struct wsc_trace *t, long long v)
{
    separate(t);
    wsc_trace_printf(t, "%lld", v);
}

void wsc_trace_arg_u(struct wsc_trace *t, unsigned long long v)
{
    separate(t);
    wsc_trace_printf(t, "%llu", v);
}

void wsc_trace_arg_p(struct wsc_trace *t, const void *p)
{
    separate(t);
    if (p)
        wsc_trace_printf(t, "%p", p);
    else
        wsc_trace_printf(t, "NULL");
}

void wsc_trace_end(struct wsc_trace *t, const char *result_fmt, ...)
{
    int saved = errno;
    va_list ap;

    wsc_trace_printf(t, ") = ");
    va_start(ap, result_fmt);
    append(t, result_fmt, ap);
    va_end(ap);
    t->buf[t->n++] = '\n';
    if (wsc_os.write(trace_fd, t->buf, t->n) < 0)
        wsc_trace_on = 0; /* nowhere to write: stop trying */
    errno = saved;
}
