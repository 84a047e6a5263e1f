/* WSCOMPAT_TRACE: one line per socket call, with the Windows name, the
 * arguments, the result and the error's name.  Read once at load; when
 * it is off a call pays one load of wsc_trace_on and a branch. */
#ifndef WSC_TRACE_H
#define WSC_TRACE_H

#include <stddef.h>

extern int wsc_trace_on;

/* One line being written. */
struct wsc_trace {
    char buf[480];
    size_t n;
    int args;
};

void wsc_trace_begin(struct wsc_trace *t, const char *name);
void wsc_trace_printf(struct wsc_trace *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Closes the argument list and writes the line; keeps errno. */
void wsc_trace_end(struct wsc_trace *t, const char *result_fmt, ...)
    __attribute__((format(printf, 2, 3)));

void wsc_trace_arg_i(struct wsc_trace *t, long long v);
void wsc_trace_arg_u(struct wsc_trace *t, unsigned long long v);
void wsc_trace_arg_p(struct wsc_trace *t, const void *p);

/* Each argument in the form its type prints best: integers in decimal,
 * everything else (pointers) as an address. */
#define WSC_TRACE_ARG(t, x)                                            \
    _Generic((x),                                                      \
        char: wsc_trace_arg_i, signed char: wsc_trace_arg_i,           \
        short: wsc_trace_arg_i, int: wsc_trace_arg_i,                  \
        long: wsc_trace_arg_i, long long: wsc_trace_arg_i,             \
        unsigned char: wsc_trace_arg_u, unsigned short: wsc_trace_arg_u,\
        unsigned int: wsc_trace_arg_u, unsigned long: wsc_trace_arg_u, \
        unsigned long long: wsc_trace_arg_u,                           \
        default: wsc_trace_arg_p)(t, x)

/* (a, b, c) -> a, b, c: the argument lists of the .def files. */
#define WSC_UNPAREN(...) __VA_ARGS__

#define WSC_TRACE_A0(t)
#define WSC_TRACE_A1(t, a) WSC_TRACE_ARG(t, a);
#define WSC_TRACE_A2(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A1(t, __VA_ARGS__)
#define WSC_TRACE_A3(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A2(t, __VA_ARGS__)
#define WSC_TRACE_A4(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A3(t, __VA_ARGS__)
#define WSC_TRACE_A5(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A4(t, __VA_ARGS__)
#define WSC_TRACE_A6(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A5(t, __VA_ARGS__)
#define WSC_TRACE_A7(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A6(t, __VA_ARGS__)
#define WSC_TRACE_A8(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A7(t, __VA_ARGS__)
#define WSC_TRACE_A9(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A8(t, __VA_ARGS__)
#define WSC_TRACE_A10(t, a, ...) WSC_TRACE_ARG(t, a); WSC_TRACE_A9(t, __VA_ARGS__)
#define WSC_TRACE_PICK(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, m, ...) m
/* WSC_TRACE_ARGS(t, a, b, c): one WSC_TRACE_ARG per argument, 0 to 10.
 * The first level expands the arguments (a parenthesised list). */
#define WSC_TRACE_ARGS(t, ...) WSC_TRACE_ARGS_(t, __VA_ARGS__)
#define WSC_TRACE_ARGS_(t, ...)                                        \
    WSC_TRACE_PICK(_0 __VA_OPT__(,) __VA_ARGS__, WSC_TRACE_A10,        \
                   WSC_TRACE_A9, WSC_TRACE_A8, WSC_TRACE_A7,           \
                   WSC_TRACE_A6, WSC_TRACE_A5, WSC_TRACE_A4,           \
                   WSC_TRACE_A3, WSC_TRACE_A2, WSC_TRACE_A1,           \
                   WSC_TRACE_A0)(t __VA_OPT__(,) __VA_ARGS__)

#endif
