/* The public Winsock functions api.def traces: each calls its
 * ws_NAME, and when WSCOMPAT_TRACE is on writes one line for it. */
#include "ws.h"
#include "trace.h"

/* The result, and the last error's name when the call failed. */
static void end_line(struct wsc_trace *t, long long r, int failed)
{
    int code = wsc_WSAGetLastError();
    const char *name = wsc_strerror_name(code);

    if (!failed)
        wsc_trace_end(t, "%lld", r);
    else if (name)
        wsc_trace_end(t, "%lld %s", r, name);
    else
        wsc_trace_end(t, "%lld error %d", r, code);
}

static void end_INT(struct wsc_trace *t, int r)
{
    end_line(t, r, r == SOCKET_ERROR);
}

#define end_HOT end_INT

static void end_SOCKET(struct wsc_trace *t, SOCKET r)
{
    if (r == INVALID_SOCKET)
        end_line(t, -1, 1);
    else
        end_line(t, (long long)r, 0);
}

static void end_CODE(struct wsc_trace *t, int r)
{
    const char *name = wsc_strerror_name(r);

    if (r && name)
        wsc_trace_end(t, "%s", name);
    else
        wsc_trace_end(t, "%d", r);
}

static void end_PTON(struct wsc_trace *t, int r)
{
    end_line(t, r, r < 0);
}

static void end_PTR(struct wsc_trace *t, const void *r)
{
    if (r)
        wsc_trace_end(t, "%p", r);
    else
        end_line(t, 0, 1);
}

/* The traced call is a function of its own, so that the untraced one
 * is a load, a branch and a jump, with no stack frame. */
/* (name is pasted or quoted only: the headers redirect it by macro.) */
/* The entry's name: wsc_NAME, or wsc_slow_NAME for a HOT function. */
#define WSC_ENTRY_INT(public, slow) public
#define WSC_ENTRY_SOCKET(public, slow) public
#define WSC_ENTRY_PTR(public, slow) public
#define WSC_ENTRY_PTON(public, slow) public
#define WSC_ENTRY_CODE(public, slow) public
#define WSC_ENTRY_HOT(public, slow) slow
#define WINSOCK(header, ret, name, params, args, kind)                 \
    WSC_IF_TRACED_##kind(                                              \
    static __attribute__((noinline, cold)) ret traced_##name params    \
    {                                                                  \
        struct wsc_trace t;                                            \
        ret r = ws_##name args;                                        \
                                                                       \
        wsc_trace_begin(&t, #name);                                    \
        WSC_TRACE_ARGS(&t, WSC_UNPAREN args)                           \
        end_##kind(&t, r);                                             \
        return r;                                                      \
    }                                                                  \
    ret WSC_ENTRY_##kind(wsc_##name, wsc_slow_##name) params                                 \
    {                                                                  \
        if (__builtin_expect(!wsc_trace_on, 1))                        \
            return ws_##name args;                                     \
        return traced_##name args;                                     \
    })
#include "api.def"
