/* wscompat: the C++ forms of Microsoft's secure CRT, templates that take
 * the size of an array argument (strcpy_s(buf, src), sprintf_s(buf, fmt,
 * ...), _itoa_s(v, buf, 10), ...), as Microsoft's headers declare them
 * for C++.  Included by wscompat's string.h, stdio.h, stdlib.h, time.h
 * and wchar.h after wsc_crt.h, with the same section macro; each name is
 * left out when the program has a macro of it, and all of them when it
 * sets __STDC_WANT_SECURE_LIB__ to 0. */
#if __GNUC__ >= 3
#pragma GCC system_header
#endif
#if defined(__cplusplus) && !defined(WSC_INSIDE_LIB) &&                    \
    (!defined(__STDC_WANT_SECURE_LIB__) || __STDC_WANT_SECURE_LIB__)
#include <stdarg.h>
#include <stddef.h>

/* A form whose destination array gives the size, passed on to the C
 * form after the array: FORWARD_ for a fixed list (args: the rest of the
 * call), VA_ for a format and its arguments (vcall: the v form's call). */
#define WSC_CXX_ARGS_(...) __VA_ARGS__
#define WSC_CXX_FORWARD_(ret, name, ch, args, ...)                         \
    template <size_t WscN> inline ret name(ch(&wsc_d_)[WscN], __VA_ARGS__) \
    { return wsc_##name(wsc_d_, WscN, WSC_CXX_ARGS_ args); }
#define WSC_CXX_ALONE_(ret, name, ch)                                      \
    template <size_t WscN> inline ret name(ch(&wsc_d_)[WscN])              \
    { return wsc_##name(wsc_d_, WscN); }
#define WSC_CXX_VA_(name, ch, fmt_t, vcall, ...)                           \
    template <size_t WscN>                                                 \
    inline int name(ch(&wsc_d_)[WscN], __VA_ARGS__ fmt_t fmt, ...)         \
    {                                                                      \
        va_list ap;                                                        \
        va_start(ap, fmt);                                                 \
        int n = vcall;                                                     \
        va_end(ap);                                                        \
        return n;                                                          \
    }

#if defined(WSC_CRT_STRING) && !defined(WSC_CRT_CXX_STRING_DONE_)
#define WSC_CRT_CXX_STRING_DONE_
#ifndef strcpy_s
WSC_CXX_FORWARD_(errno_t, strcpy_s, char, (s), const char *s)
#endif
#ifndef strcat_s
WSC_CXX_FORWARD_(errno_t, strcat_s, char, (s), const char *s)
#endif
#ifndef strncpy_s
WSC_CXX_FORWARD_(errno_t, strncpy_s, char, (s, n), const char *s, size_t n)
#endif
#ifndef strncat_s
WSC_CXX_FORWARD_(errno_t, strncat_s, char, (s, n), const char *s, size_t n)
#endif
#ifndef strerror_s
WSC_CXX_FORWARD_(errno_t, strerror_s, char, (err), int err)
#endif
#ifndef _strlwr_s
WSC_CXX_ALONE_(errno_t, _strlwr_s, char)
#endif
#ifndef _strupr_s
WSC_CXX_ALONE_(errno_t, _strupr_s, char)
#endif
#endif

#if (defined(WSC_CRT_STRING) || defined(WSC_CRT_WCHAR)) &&                 \
    !defined(WSC_CRT_CXX_WCS_DONE_)
#define WSC_CRT_CXX_WCS_DONE_
#ifndef wcscpy_s
WSC_CXX_FORWARD_(errno_t, wcscpy_s, wchar_t, (s), const wchar_t *s)
#endif
#ifndef wcscat_s
WSC_CXX_FORWARD_(errno_t, wcscat_s, wchar_t, (s), const wchar_t *s)
#endif
#ifndef wcsncpy_s
WSC_CXX_FORWARD_(errno_t, wcsncpy_s, wchar_t, (s, n), const wchar_t *s,
                 size_t n)
#endif
#endif

/* The four array forms of a printf family (a program's macro of any of
 * the four leaves all four out). */
#define WSC_CXX_PRINTF_FORMS_(ch, s, vs, sn, vsn)                          \
    WSC_CXX_VA_(s, ch, const ch *, wsc_##vs(wsc_d_, WscN, fmt, ap), )     \
    WSC_CXX_FORWARD_(int, vs, ch, (fmt, ap), const ch *fmt, va_list ap)    \
    WSC_CXX_VA_(sn, ch, const ch *,                                        \
                wsc_##vsn(wsc_d_, WscN, count, fmt, ap), size_t count, )   \
    WSC_CXX_FORWARD_(int, vsn, ch, (count, fmt, ap), size_t count,         \
                     const ch *fmt, va_list ap)

#if defined(WSC_CRT_STDIO) && !defined(WSC_CRT_CXX_STDIO_DONE_)
#define WSC_CRT_CXX_STDIO_DONE_
#if !defined(sprintf_s) && !defined(vsprintf_s) && !defined(_snprintf_s) && \
    !defined(_vsnprintf_s)
WSC_CXX_PRINTF_FORMS_(char, sprintf_s, vsprintf_s, _snprintf_s, _vsnprintf_s)
#endif
#ifndef gets_s
WSC_CXX_ALONE_(char *, gets_s, char)
#endif
#endif

#if (defined(WSC_CRT_STDIO) || defined(WSC_CRT_WCHAR)) &&                  \
    !defined(WSC_CRT_CXX_WPRINTF_DONE_)
#define WSC_CRT_CXX_WPRINTF_DONE_
#if !defined(swprintf_s) && !defined(vswprintf_s) &&                       \
    !defined(_snwprintf_s) && !defined(_vsnwprintf_s)
WSC_CXX_PRINTF_FORMS_(wchar_t, swprintf_s, vswprintf_s, _snwprintf_s,
                      _vsnwprintf_s)
#endif
#endif
#undef WSC_CXX_PRINTF_FORMS_

#if defined(WSC_CRT_STDLIB) && !defined(WSC_CRT_CXX_STDLIB_DONE_)
#define WSC_CRT_CXX_STDLIB_DONE_
/* The number first, then the array, then the radix. */
#define WSC_CXX_TOA_FORM_(name, type)                                      \
    template <size_t WscN>                                                 \
    inline errno_t name(type v, char (&wsc_d_)[WscN], int radix)           \
    { return wsc_##name(v, wsc_d_, WscN, radix); }
#ifndef _itoa_s
WSC_CXX_TOA_FORM_(_itoa_s, int)
#endif
#ifndef _ltoa_s
WSC_CXX_TOA_FORM_(_ltoa_s, long)
#endif
#ifndef _ultoa_s
WSC_CXX_TOA_FORM_(_ultoa_s, unsigned long)
#endif
#ifndef _i64toa_s
WSC_CXX_TOA_FORM_(_i64toa_s, long long)
#endif
#ifndef _ui64toa_s
WSC_CXX_TOA_FORM_(_ui64toa_s, unsigned long long)
#endif
#undef WSC_CXX_TOA_FORM_
#endif

#if defined(WSC_CRT_TIME) && !defined(WSC_CRT_CXX_TIME_DONE_)
#define WSC_CRT_CXX_TIME_DONE_
#ifndef asctime_s
WSC_CXX_FORWARD_(errno_t, asctime_s, char, (tm), const struct tm *tm)
#endif
#ifndef ctime_s
WSC_CXX_FORWARD_(errno_t, ctime_s, char, (t), const time_t *t)
#endif
#endif

#undef WSC_CXX_ARGS_
#undef WSC_CXX_FORWARD_
#undef WSC_CXX_ALONE_
#undef WSC_CXX_VA_
#endif
