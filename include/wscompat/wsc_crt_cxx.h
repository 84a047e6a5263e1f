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

/* A form whose destination array gives the size: the C form's name, its
 * array parameter, then the rest, passed on with the size after the
 * array. */
#define WSC_CXX_ARRAY_FORM_(ret, name, ch, ...)                            \
    template <size_t WscN> inline ret name(ch(&wsc_d_)[WscN], __VA_ARGS__)

#if defined(WSC_CRT_STRING) && !defined(WSC_CRT_CXX_STRING_DONE_)
#define WSC_CRT_CXX_STRING_DONE_
#ifndef strcpy_s
WSC_CXX_ARRAY_FORM_(errno_t, strcpy_s, char, const char *s)
{ return wsc_strcpy_s(wsc_d_, WscN, s); }
#endif
#ifndef strcat_s
WSC_CXX_ARRAY_FORM_(errno_t, strcat_s, char, const char *s)
{ return wsc_strcat_s(wsc_d_, WscN, s); }
#endif
#ifndef strncpy_s
WSC_CXX_ARRAY_FORM_(errno_t, strncpy_s, char, const char *s, size_t n)
{ return wsc_strncpy_s(wsc_d_, WscN, s, n); }
#endif
#ifndef strncat_s
WSC_CXX_ARRAY_FORM_(errno_t, strncat_s, char, const char *s, size_t n)
{ return wsc_strncat_s(wsc_d_, WscN, s, n); }
#endif
#ifndef strerror_s
WSC_CXX_ARRAY_FORM_(errno_t, strerror_s, char, int err)
{ return wsc_strerror_s(wsc_d_, WscN, err); }
#endif
#ifndef _strlwr_s
template <size_t WscN> inline errno_t _strlwr_s(char (&wsc_d_)[WscN])
{ return wsc__strlwr_s(wsc_d_, WscN); }
#endif
#ifndef _strupr_s
template <size_t WscN> inline errno_t _strupr_s(char (&wsc_d_)[WscN])
{ return wsc__strupr_s(wsc_d_, WscN); }
#endif
#endif

#if (defined(WSC_CRT_STRING) || defined(WSC_CRT_WCHAR)) &&                 \
    !defined(WSC_CRT_CXX_WCS_DONE_)
#define WSC_CRT_CXX_WCS_DONE_
#ifndef wcscpy_s
WSC_CXX_ARRAY_FORM_(errno_t, wcscpy_s, wchar_t, const wchar_t *s)
{ return wsc_wcscpy_s(wsc_d_, WscN, s); }
#endif
#ifndef wcscat_s
WSC_CXX_ARRAY_FORM_(errno_t, wcscat_s, wchar_t, const wchar_t *s)
{ return wsc_wcscat_s(wsc_d_, WscN, s); }
#endif
#ifndef wcsncpy_s
WSC_CXX_ARRAY_FORM_(errno_t, wcsncpy_s, wchar_t, const wchar_t *s, size_t n)
{ return wsc_wcsncpy_s(wsc_d_, WscN, s, n); }
#endif
#endif

#if defined(WSC_CRT_STDIO) && !defined(WSC_CRT_CXX_STDIO_DONE_)
#define WSC_CRT_CXX_STDIO_DONE_
#ifndef sprintf_s
WSC_CXX_ARRAY_FORM_(int, sprintf_s, char, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wsc_vsprintf_s(wsc_d_, WscN, fmt, ap);
    va_end(ap);
    return n;
}
#endif
#ifndef vsprintf_s
WSC_CXX_ARRAY_FORM_(int, vsprintf_s, char, const char *fmt, va_list ap)
{ return wsc_vsprintf_s(wsc_d_, WscN, fmt, ap); }
#endif
#ifndef _snprintf_s
WSC_CXX_ARRAY_FORM_(int, _snprintf_s, char, size_t count, const char *fmt,
                    ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wsc__vsnprintf_s(wsc_d_, WscN, count, fmt, ap);
    va_end(ap);
    return n;
}
#endif
#ifndef _vsnprintf_s
WSC_CXX_ARRAY_FORM_(int, _vsnprintf_s, char, size_t count, const char *fmt,
                    va_list ap)
{ return wsc__vsnprintf_s(wsc_d_, WscN, count, fmt, ap); }
#endif
#ifndef gets_s
template <size_t WscN> inline char *gets_s(char (&wsc_d_)[WscN])
{ return wsc_gets_s(wsc_d_, WscN); }
#endif
#endif

#if (defined(WSC_CRT_STDIO) || defined(WSC_CRT_WCHAR)) &&                  \
    !defined(WSC_CRT_CXX_WPRINTF_DONE_)
#define WSC_CRT_CXX_WPRINTF_DONE_
#ifndef swprintf_s
WSC_CXX_ARRAY_FORM_(int, swprintf_s, wchar_t, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wsc_vswprintf_s(wsc_d_, WscN, fmt, ap);
    va_end(ap);
    return n;
}
#endif
#ifndef vswprintf_s
WSC_CXX_ARRAY_FORM_(int, vswprintf_s, wchar_t, const wchar_t *fmt,
                    va_list ap)
{ return wsc_vswprintf_s(wsc_d_, WscN, fmt, ap); }
#endif
#ifndef _snwprintf_s
WSC_CXX_ARRAY_FORM_(int, _snwprintf_s, wchar_t, size_t count,
                    const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wsc__vsnwprintf_s(wsc_d_, WscN, count, fmt, ap);
    va_end(ap);
    return n;
}
#endif
#ifndef _vsnwprintf_s
WSC_CXX_ARRAY_FORM_(int, _vsnwprintf_s, wchar_t, size_t count,
                    const wchar_t *fmt, va_list ap)
{ return wsc__vsnwprintf_s(wsc_d_, WscN, count, fmt, ap); }
#endif
#endif

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
WSC_CXX_ARRAY_FORM_(errno_t, asctime_s, char, const struct tm *tm)
{ return wsc_asctime_s(wsc_d_, WscN, tm); }
#endif
#ifndef ctime_s
WSC_CXX_ARRAY_FORM_(errno_t, ctime_s, char, const time_t *t)
{ return wsc_ctime_s(wsc_d_, WscN, t); }
#endif
#endif

#undef WSC_CXX_ARRAY_FORM_
#endif
