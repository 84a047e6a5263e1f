/* The C library functions Windows code calls with Microsoft's semantics
 * (lib/win32/api.def lists them): _snprintf's missing NUL on overflow,
 * the secure CRT's error returns, and printf formats read the Microsoft
 * way (%s in a wide format is a wide string, %I64d is 64-bit); and
 * kernel32's lstr functions. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <wctype.h>
#include <wchar.h>
#include <unistd.h>
#include <sys/random.h>
#include "win32.h"

/* The C library's own, under the names windows.h redirected. */
#undef wprintf
#undef fwprintf
#undef vwprintf
#undef vfwprintf
#undef swprintf
#undef vswprintf

/* ---- Microsoft's format conversions in glibc's terms --------------------
 * Rewrites one format: the string and character conversions by their
 * width in Microsoft's rule (wide: %s and %c are wchar_t in a wide format,
 * char in a narrow one; %S/%C the other; h narrow; l and w wide), the
 * I64, I32 and I size prefixes, and l on an integer, which is 32 bits as
 * Windows' long is (a LONG or DWORD read whole, never a 64-bit slot's
 * undefined upper half).  Everything else is copied. */
#define DEFINE_TRANSLATE(name, T)                                       \
    static T *name(const T *fmt, int wide_fmt)                             \
    {                                                                      \
        size_t n = 0, o = 0;                                               \
        T *out;                                                            \
        while (fmt[n])                                                     \
            n++;                                                           \
        out = malloc((2 * n + 1) * sizeof(T)); /* each spec grows <= 1 */ \
        if (!out)                                                          \
            return NULL;                                                   \
        for (size_t i = 0; i < n;) {                                       \
            if (fmt[i] != L'%') {                                          \
                out[o++] = fmt[i++];                                       \
                continue;                                                  \
            }                                                              \
            out[o++] = fmt[i++];                                           \
            if (fmt[i] == L'%') {                                          \
                out[o++] = fmt[i++];                                       \
                continue;                                                  \
            }                                                              \
            while (fmt[i] && wcschr(L"-+ #0'123456789.*$", (wchar_t)fmt[i])) \
                out[o++] = fmt[i++];                                       \
            int len = 0; /* 0 none, 'h' narrow, 'l' wide, 'I' copied */    \
            size_t mark = o;                                               \
            if (fmt[i] == L'I' && fmt[i + 1] == L'6' && fmt[i + 2] == L'4') { \
                out[o++] = L'l', out[o++] = L'l', i += 3, len = 'I';       \
            } else if (fmt[i] == L'I' && fmt[i + 1] == L'3' &&             \
                       fmt[i + 2] == L'2') {                               \
                i += 3, len = 'I';                                         \
            } else if (fmt[i] == L'I') {                                   \
                out[o++] = L'z', i++, len = 'I';                           \
            } else if (fmt[i] == L'w') {                                   \
                i++, len = 'l';                                            \
            } else if (fmt[i] == L'h' && fmt[i + 1] != L'h') {             \
                len = 'h';                                                 \
                out[o++] = fmt[i++];                                       \
            } else if (fmt[i] == L'l' && fmt[i + 1] != L'l') {             \
                len = 'l';                                                 \
                out[o++] = fmt[i++];                                       \
            } else {                                                       \
                while (fmt[i] && wcschr(L"hlLqjzt", (wchar_t)fmt[i]))      \
                    out[o++] = fmt[i++];                                   \
            }                                                              \
            T c = fmt[i];                                                  \
            if (!c)                                                        \
                break;                                                     \
            i++;                                                           \
            if (c == L's' || c == L'c' || c == L'S' || c == L'C') {        \
                int w;                                                     \
                if (len == 'h')                                            \
                    w = 0;                                                 \
                else if (len == 'l')                                       \
                    w = 1;                                                 \
                else                                                       \
                    w = (c == L's' || c == L'c') ? wide_fmt : !wide_fmt;   \
                o = mark;                                                  \
                if (w)                                                     \
                    out[o++] = L'l';                                       \
                out[o++] = (c == L'S' || c == L'C') ? (T)(c + 32) : c;     \
            } else if (len == 'l' && wcschr(L"diouxXn", (wchar_t)c)) {    \
                o = mark;                                                  \
                out[o++] = c;                                              \
            } else {                                                       \
                out[o++] = c;                                              \
            }                                                              \
        }                                                                  \
        out[o] = 0;                                                        \
        return out;                                                        \
    }
DEFINE_TRANSLATE(ms_fmt_a, char)
DEFINE_TRANSLATE(ms_fmt_w, wchar_t)

/* The whole output of a Microsoft narrow format, malloc'd; its length, or
 * -1 (errno set). */
static int fmt_a(char **out, const char *fmt, va_list ap)
{
    char *f = ms_fmt_a(fmt, 0);
    int n;

    if (!f)
        return errno = ENOMEM, -1;
    n = vasprintf(out, f, ap);
    free(f);
    if (n < 0)
        *out = NULL;
    return n;
}

/* ---- printf and its family, formats read the Microsoft way --------------
 * Only I (size prefixes), w (wide) and l (32-bit integers) mean something
 * else to glibc; any other format goes straight through.  The format to use, NULL (errno
 * set) when out of memory; *copy is what to free. */
static const char *ms_format(const char *fmt, char **copy)
{
    *copy = NULL;
    if (!fmt || (!strchr(fmt, 'I') && !strchr(fmt, 'w') && !strchr(fmt, 'l')))
        return fmt;
    if (!(*copy = ms_fmt_a(fmt, 0)))
        errno = ENOMEM;
    return *copy;
}

#define DEFINE_MS_VPRINTF(name, params, call)                            \
    int name params                                                      \
    {                                                                    \
        char *copy;                                                      \
        const char *f = ms_format(fmt, &copy);                           \
        int n;                                                           \
        if (!f)                                                          \
            return -1;                                                   \
        n = call;                                                        \
        free(copy);                                                      \
        return n;                                                        \
    }
/* Narrow output to a stream: a stream something made wide-oriented
 * (glibc's fputws or putwchar: Windows' streams take both kinds) takes it
 * as wide characters, where glibc would drop it. */
static int stream_vprintf(FILE *out, const char *f, va_list ap)
{
    char *s;
    wchar_t *w;
    size_t len;
    int n;

    if (fwide(out, 0) <= 0)
        return vfprintf(out, f, ap);
    if ((n = vasprintf(&s, f, ap)) < 0)
        return -1;
    len = mbstowcs(NULL, s, 0);
    w = len == (size_t)-1 ? NULL : malloc((len + 1) * sizeof *w);
    if (!w) {
        /* Not the locale's multibyte text: a byte a character. */
        len = (size_t)n;
        if ((w = malloc((len + 1) * sizeof *w)))
            for (size_t i = 0; i <= len; i++)
                w[i] = (unsigned char)s[i];
    } else {
        mbstowcs(w, s, len + 1);
    }
    free(s);
    if (!w)
        return -1;
    if (fputws(w, out) < 0)
        n = -1;
    free(w);
    return n;
}

DEFINE_MS_VPRINTF(wsc_vfprintf, (FILE *out, const char *fmt, va_list ap),
                  stream_vprintf(out, f, ap))
DEFINE_MS_VPRINTF(wsc_vprintf, (const char *fmt, va_list ap),
                  stream_vprintf(stdout, f, ap))
DEFINE_MS_VPRINTF(wsc_vsprintf, (char *buf, const char *fmt, va_list ap),
                  vsprintf(buf, f, ap))
DEFINE_MS_VPRINTF(wsc_vsnprintf,
                  (char *buf, size_t size, const char *fmt, va_list ap),
                  vsnprintf(buf, size, f, ap))

#define DEFINE_VARIADIC(name, vname, params, args, last)                 \
    int name params                                                      \
    {                                                                    \
        va_list ap;                                                      \
        int n;                                                           \
        va_start(ap, last);                                              \
        n = vname args;                                                  \
        va_end(ap);                                                      \
        return n;                                                        \
    }
DEFINE_VARIADIC(wsc_printf, wsc_vprintf, (const char *fmt, ...), (fmt, ap), fmt)
DEFINE_VARIADIC(wsc_fprintf, wsc_vfprintf, (FILE *f, const char *fmt, ...),
                (f, fmt, ap), fmt)
DEFINE_VARIADIC(wsc_sprintf, wsc_vsprintf, (char *buf, const char *fmt, ...),
                (buf, fmt, ap), fmt)
DEFINE_VARIADIC(wsc_snprintf, wsc_vsnprintf,
                (char *buf, size_t size, const char *fmt, ...),
                (buf, size, fmt, ap), fmt)

/* The same for a wide format. */
static int fmt_w(wchar_t **out, const wchar_t *fmt, va_list ap)
{
    wchar_t *f = ms_fmt_w(fmt, 1);
    size_t size = 0;
    FILE *m;
    int n;

    *out = NULL;
    if (!f)
        return errno = ENOMEM, -1;
    m = open_wmemstream(out, &size);
    if (!m) {
        free(f);
        return -1;
    }
    n = vfwprintf(m, f, ap);
    free(f);
    if (fclose(m) != 0 || n < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return (int)size;
}

/* ---- _snprintf: no NUL when the output fills the buffer, -1 if cut ---- */
int wsc__vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    char *s;
    int n = fmt_a(&s, fmt, ap);

    if (n < 0)
        return -1;
    if ((size_t)n < count) {
        memcpy(buf, s, (size_t)n + 1);
    } else {
        memcpy(buf, s, count);
        if ((size_t)n > count)
            n = -1;
    }
    free(s);
    return n;
}

int wsc__snprintf(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc__vsnprintf(buf, count, fmt, ap);
    va_end(ap);
    return n;
}

int wsc__vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap)
{
    wchar_t *s;
    int n = fmt_w(&s, fmt, ap);

    if (n < 0)
        return -1;
    if ((size_t)n < count) {
        wmemcpy(buf, s, (size_t)n + 1);
    } else {
        wmemcpy(buf, s, count);
        if ((size_t)n > count)
            n = -1;
    }
    free(s);
    return n;
}

int wsc__snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc__vsnwprintf(buf, count, fmt, ap);
    va_end(ap);
    return n;
}

int wsc__swprintf(wchar_t *buf, const wchar_t *fmt, ...)
{
    va_list ap;
    wchar_t *s;
    int n;

    va_start(ap, fmt);
    n = fmt_w(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    wmemcpy(buf, s, (size_t)n + 1);
    free(s);
    return n;
}

/* ---- wsprintf: user32's, at most 1024 characters with the NUL --------
 * The output is cut there (with its NUL) and the count stored returned;
 * the W form reads %s as a wide string, as Microsoft's do. */
#define WSPRINTF_MAX 1024
#define DEFINE_WVSPRINTF(name, T, fmt_fn, copy)                            \
    int name(T *buf, const T *fmt, va_list ap)                             \
    {                                                                      \
        T *s;                                                              \
        int n = fmt_fn(&s, fmt, ap);                                       \
        if (n < 0)                                                         \
            return -1;                                                     \
        if (n > WSPRINTF_MAX - 1)                                          \
            n = WSPRINTF_MAX - 1;                                          \
        copy(buf, s, (size_t)n);                                           \
        buf[n] = 0;                                                        \
        free(s);                                                           \
        return n;                                                          \
    }
DEFINE_WVSPRINTF(wsc_wvsprintfA, char, fmt_a, memcpy)
DEFINE_WVSPRINTF(wsc_wvsprintfW, wchar_t, fmt_w, wmemcpy)
DEFINE_VARIADIC(wsc_wsprintfA, wsc_wvsprintfA, (LPSTR buf, LPCSTR fmt, ...),
                (buf, fmt, ap), fmt)
DEFINE_VARIADIC(wsc_wsprintfW, wsc_wvsprintfW, (LPWSTR buf, LPCWSTR fmt, ...),
                (buf, fmt, ap), fmt)

/* ---- GUIDs: CoCreateGuid and StringFromGUID2 ------------------------------
 * A new GUID is 16 random bytes marked as version 4, variant 1 (RFC 4122),
 * as Windows makes them.  Its text is "{XXXXXXXX-XXXX-XXXX-XXXX-
 * XXXXXXXXXXXX}" in capitals: 39 characters with the NUL, the count
 * StringFromGUID2 returns, or 0 when the buffer is smaller. */
HRESULT wsc_CoCreateGuid(GUID *guid)
{
    unsigned char b[16];
    size_t got = 0;
    ssize_t n;

    if (!guid)
        return E_INVALIDARG;
    while (got < sizeof b) {
        n = getrandom(b + got, sizeof b - got, 0);
        if (n < 0 && errno != EINTR)
            return E_FAIL;
        if (n > 0)
            got += (size_t)n;
    }
    memcpy(guid, b, sizeof b);
    guid->Data3 = (unsigned short)((guid->Data3 & 0x0FFFu) | 0x4000u);
    guid->Data4[0] = (unsigned char)((guid->Data4[0] & 0x3Fu) | 0x80u);
    return S_OK;
}

int wsc_StringFromGUID2(const GUID *g, LPOLESTR buf, int size)
{
    if (!g || !buf || size < 39)
        return 0;
    swprintf(buf, (size_t)size,
             L"{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
             (unsigned)g->Data1, (unsigned)g->Data2, (unsigned)g->Data3,
             g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4],
             g->Data4[5], g->Data4[6], g->Data4[7]);
    return 39;
}

/* ---- the _s printf family -----------------------------------------------
 * As with Microsoft's invalid parameter handler returning: a NULL buffer,
 * size or format fails EINVAL; output that does not fit empties the
 * buffer and fails ERANGE (-1), unless a count (_snprintf_s) allows
 * truncation: then the result is cut, NUL-terminated, and -1 returned. */
#define DEFINE_PRINTF_S(name, T, fmtfn, copy)                              \
    static int name(T *buf, size_t size, size_t count, const T *fmt,       \
                    va_list ap)                                            \
    {                                                                      \
        T *s;                                                              \
        int n;                                                             \
        size_t lim;                                                        \
        if (!buf || size == 0 || !fmt) {                                   \
            if (buf && size)                                               \
                buf[0] = 0;                                                \
            errno = EINVAL;                                                \
            return -1;                                                     \
        }                                                                  \
        n = fmtfn(&s, fmt, ap);                                            \
        if (n < 0) {                                                       \
            buf[0] = 0;                                                    \
            return -1;                                                     \
        }                                                                  \
        if ((size_t)n < size && (size_t)n <= count) {                      \
            copy(buf, s, (size_t)n + 1);                                   \
        } else if (count == _TRUNCATE || count < size) {                   \
            lim = count == _TRUNCATE ? size - 1 : count;                   \
            if (lim > size - 1)                                            \
                lim = size - 1;                                            \
            copy(buf, s, lim);                                             \
            buf[lim] = 0;                                                  \
            n = -1;                                                        \
        } else {                                                           \
            buf[0] = 0;                                                    \
            errno = ERANGE;                                                \
            n = -1;                                                        \
        }                                                                  \
        free(s);                                                           \
        return n;                                                          \
    }
#define COPY_A(d, s, n) memcpy((d), (s), (n))
#define COPY_W(d, s, n) wmemcpy((d), (s), (n))
DEFINE_PRINTF_S(printf_s_a, char, fmt_a, COPY_A)
DEFINE_PRINTF_S(printf_s_w, wchar_t, fmt_w, COPY_W)

/* Without a count, the whole output must fit. */
#define WHOLE ((size_t)-2)

int wsc_vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap)
{
    return printf_s_a(buf, size, WHOLE, fmt, ap);
}

int wsc_sprintf_s(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = printf_s_a(buf, size, WHOLE, fmt, ap);
    va_end(ap);
    return n;
}

int wsc__vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt,
                     va_list ap)
{
    return printf_s_a(buf, size, count, fmt, ap);
}

int wsc__snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = printf_s_a(buf, size, count, fmt, ap);
    va_end(ap);
    return n;
}

int wsc_vswprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, va_list ap)
{
    return printf_s_w(buf, size, WHOLE, fmt, ap);
}

int wsc_swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = printf_s_w(buf, size, WHOLE, fmt, ap);
    va_end(ap);
    return n;
}

int wsc__vsnwprintf_s(wchar_t *buf, size_t size, size_t count,
                      const wchar_t *fmt, va_list ap)
{
    return printf_s_w(buf, size, count, fmt, ap);
}

int wsc__snwprintf_s(wchar_t *buf, size_t size, size_t count,
                     const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = printf_s_w(buf, size, count, fmt, ap);
    va_end(ap);
    return n;
}

/* ---- strcpy_s and friends -----------------------------------------------
 * NULL destination or zero size: EINVAL.  NULL source: the destination
 * emptied, EINVAL.  Too small: emptied, ERANGE; with count _TRUNCATE the
 * n functions cut instead and return STRUNCATE. */
#define DEFINE_COPY_S(name, T)                                      \
    static errno_t name(T *dst, rsize_t size, size_t at, const T *src,     \
                        rsize_t count)                                     \
    {                                                                      \
        size_t n;                                                          \
        if (!dst || size == 0)                                             \
            return EINVAL;                                                 \
        if (!src) {                                                        \
            dst[0] = 0;                                                    \
            return EINVAL;                                                 \
        }                                                                  \
        if (at >= size) { /* strcat_s: dst not terminated in size */       \
            dst[0] = 0;                                                    \
            return EINVAL;                                                 \
        }                                                                  \
        for (n = 0; src[n] && (count == _TRUNCATE || n < count); n++)      \
            ;                                                              \
        if (at + n >= size) {                                              \
            if (count == _TRUNCATE) {                                      \
                n = size - 1 - at;                                         \
                memmove(dst + at, src, n * sizeof(T));                     \
                dst[at + n] = 0;                                           \
                return STRUNCATE;                                          \
            }                                                              \
            dst[0] = 0;                                                    \
            return ERANGE;                                                 \
        }                                                                  \
        memmove(dst + at, src, n * sizeof(T));                             \
        dst[at + n] = 0;                                                   \
        return 0;                                                          \
    }                                                                      \
    static size_t name##_len(const T *dst, rsize_t size)                   \
    {                                                                      \
        size_t n = 0;                                                      \
        if (!dst)                                                          \
            return 0;                                                      \
        while (n < size && dst[n])                                         \
            n++;                                                           \
        return n;                                                          \
    }
DEFINE_COPY_S(copy_s_a, char)
DEFINE_COPY_S(copy_s_w, wchar_t)
#define ALL ((rsize_t)-2)

errno_t wsc_strcpy_s(char *dst, rsize_t size, const char *src)
{
    return copy_s_a(dst, size, 0, src, ALL);
}

errno_t wsc_strncpy_s(char *dst, rsize_t size, const char *src, rsize_t count)
{
    return copy_s_a(dst, size, 0, src, count);
}

errno_t wsc_strcat_s(char *dst, rsize_t size, const char *src)
{
    return copy_s_a(dst, size, copy_s_a_len(dst, size), src, ALL);
}

errno_t wsc_strncat_s(char *dst, rsize_t size, const char *src, rsize_t count)
{
    return copy_s_a(dst, size, copy_s_a_len(dst, size), src, count);
}

errno_t wsc_wcscpy_s(wchar_t *dst, rsize_t size, const wchar_t *src)
{
    return copy_s_w(dst, size, 0, src, ALL);
}

errno_t wsc_wcsncpy_s(wchar_t *dst, rsize_t size, const wchar_t *src,
                      rsize_t count)
{
    return copy_s_w(dst, size, 0, src, count);
}

errno_t wsc_wcscat_s(wchar_t *dst, rsize_t size, const wchar_t *src)
{
    return copy_s_w(dst, size, copy_s_w_len(dst, size), src, ALL);
}

/* ---- _itoa and friends: negative only in base 10, as Microsoft's -------- */
static char *to_str(unsigned long long v, int neg, char *buf, int radix)
{
    char tmp[72];
    int n = 0, i = 0;

    if (!buf)
        return buf;
    if (radix < 2 || radix > 36) {
        buf[0] = 0;
        return buf;
    }
    do {
        int d = (int)(v % (unsigned)radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= (unsigned)radix;
    } while (v);
    if (neg)
        buf[i++] = '-';
    while (n)
        buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}

static char *signed_str(long long v, char *buf, int radix, unsigned bits)
{
    if (radix == 10 && v < 0)
        return to_str(0ull - (unsigned long long)v, 1, buf, radix);
    if (bits < 64)
        return to_str((unsigned long long)v & ((1ull << bits) - 1), 0, buf,
                      radix);
    return to_str((unsigned long long)v, 0, buf, radix);
}

char *wsc__itoa(int value, char *buf, int radix)
{
    return signed_str(value, buf, radix, 32);
}

/* Windows' long is 32-bit; a Linux long holds what the program gave. */
char *wsc__ltoa(long value, char *buf, int radix)
{
    return signed_str(value, buf, radix, 64);
}

char *wsc__ultoa(unsigned long value, char *buf, int radix)
{
    return to_str(value, 0, buf, radix);
}

char *wsc__i64toa(long long value, char *buf, int radix)
{
    return signed_str(value, buf, radix, 64);
}

char *wsc__ui64toa(unsigned long long value, char *buf, int radix)
{
    return to_str(value, 0, buf, radix);
}

wchar_t *wsc__itow(int value, wchar_t *buf, int radix)
{
    char tmp[72];
    int i;

    if (!buf)
        return buf;
    signed_str(value, tmp, radix, 32);
    for (i = 0; tmp[i]; i++)
        buf[i] = (wchar_t)tmp[i];
    buf[i] = 0;
    return buf;
}

/* The _s forms: a NULL buffer or size 0 is EINVAL; a bad radix empties
 * the buffer, EINVAL; a number that does not fit with its NUL empties
 * it, ERANGE.  errno is set to the result too. */
static errno_t to_str_s(unsigned long long v, int neg, unsigned bits,
                        char *buf, size_t size, int radix)
{
    char tmp[72];

    if (!buf || size == 0)
        return errno = EINVAL;
    if (radix < 2 || radix > 36) {
        buf[0] = 0;
        return errno = EINVAL;
    }
    if (neg)
        signed_str((long long)v, tmp, radix, bits);
    else
        to_str(v, 0, tmp, radix);
    if (strlen(tmp) >= size) {
        buf[0] = 0;
        return errno = ERANGE;
    }
    strcpy(buf, tmp);
    return 0;
}

errno_t wsc__itoa_s(int value, char *buf, size_t size, int radix)
{
    return to_str_s((unsigned long long)(long long)value, 1, 32, buf, size,
                    radix);
}

errno_t wsc__ltoa_s(long value, char *buf, size_t size, int radix)
{
    return to_str_s((unsigned long long)(long long)value, 1, 64, buf, size,
                    radix);
}

errno_t wsc__ultoa_s(unsigned long value, char *buf, size_t size, int radix)
{
    return to_str_s(value, 0, 64, buf, size, radix);
}

errno_t wsc__i64toa_s(long long value, char *buf, size_t size, int radix)
{
    return to_str_s((unsigned long long)value, 1, 64, buf, size, radix);
}

errno_t wsc__ui64toa_s(unsigned long long value, char *buf, size_t size,
                       int radix)
{
    return to_str_s(value, 0, 64, buf, size, radix);
}

/* ---- memcpy_s, memmove_s ------------------------------------------------
 * A count of 0 does nothing and succeeds.  NULL destination: EINVAL.
 * memcpy_s zeroes the destination (all size bytes) for a NULL source
 * (EINVAL) or a count above size (ERANGE); memmove_s leaves it as it
 * was.  errno is set to the result. */
errno_t wsc_memcpy_s(void *dst, rsize_t size, const void *src, rsize_t count)
{
    if (count == 0)
        return 0;
    if (!dst)
        return errno = EINVAL;
    if (!src || count > size) {
        memset(dst, 0, size);
        return errno = src ? ERANGE : EINVAL;
    }
    memcpy(dst, src, count);
    return 0;
}

errno_t wsc_memmove_s(void *dst, rsize_t size, const void *src, rsize_t count)
{
    if (count == 0)
        return 0;
    if (!dst || !src)
        return errno = EINVAL;
    if (count > size)
        return errno = ERANGE;
    memmove(dst, src, count);
    return 0;
}

/* ---- strnlen_s, wcsnlen_s: 0 for NULL, else at most size ---------------- */
size_t wsc_strnlen_s(const char *s, size_t size)
{
    return s ? strnlen(s, size) : 0;
}

size_t wsc_wcsnlen_s(const wchar_t *s, size_t size)
{
    return s ? wcsnlen(s, size) : 0;
}

/* ---- strtok_s, wcstok_s: strtok_r's with Microsoft's checks ------------
 * A NULL delimiter set or context, or a NULL string with no context to
 * go on from, is EINVAL (errno) and NULL. */
#define DEFINE_TOK_S(name, T, span, cspan)                                \
    T *name(T *s, const T *delim, T **context)                             \
    {                                                                      \
        if (!delim || !context || (!s && !*context)) {                     \
            errno = EINVAL;                                                \
            return NULL;                                                   \
        }                                                                  \
        if (!s)                                                            \
            s = *context;                                                  \
        s += span(s, delim);                                               \
        if (!*s) {                                                         \
            *context = s;                                                  \
            return NULL;                                                   \
        }                                                                  \
        T *end = s + cspan(s, delim);                                      \
        if (*end)                                                          \
            *end++ = 0;                                                    \
        *context = end;                                                    \
        return s;                                                          \
    }
DEFINE_TOK_S(wsc_strtok_s, char, strspn, strcspn)
DEFINE_TOK_S(wsc_wcstok_s, wchar_t, wcsspn, wcscspn)

/* ---- strerror_s: the message, cut to the buffer ------------------------ */
errno_t wsc_strerror_s(char *buf, size_t size, int err)
{
    char tmp[256];
    const char *msg;
    size_t n;

    if (!buf || size == 0)
        return errno = EINVAL;
    msg = strerror_r(err, tmp, sizeof tmp); /* GNU: the message */
    n = strlen(msg);
    if (n > size - 1)
        n = size - 1;
    memcpy(buf, msg, n);
    buf[n] = 0;
    return 0;
}

/* ---- _strlwr_s, _strupr_s, _strrev --------------------------------------
 * A NULL string is EINVAL; so is one with no NUL in size characters (it
 * is emptied).  ASCII letters only, as in the "C" locale. */
static errno_t case_s(char *s, size_t size, int upper)
{
    size_t i, n;

    if (!s)
        return errno = EINVAL;
    n = strnlen(s, size);
    if (n >= size) {
        if (size)
            s[0] = 0;
        return errno = EINVAL;
    }
    for (i = 0; i < n; i++)
        if (upper ? (s[i] >= 'a' && s[i] <= 'z') : (s[i] >= 'A' && s[i] <= 'Z'))
            s[i] = (char)(s[i] ^ 0x20);
    return 0;
}

errno_t wsc__strlwr_s(char *s, size_t size)
{
    return case_s(s, size, 0);
}

errno_t wsc__strupr_s(char *s, size_t size)
{
    return case_s(s, size, 1);
}

char *wsc__strrev(char *s)
{
    size_t i, j;

    if (!s) {
        errno = EINVAL;
        return NULL;
    }
    for (i = 0, j = strlen(s); i + 1 < j; i++, j--) {
        char c = s[i];
        s[i] = s[j - 1];
        s[j - 1] = c;
    }
    return s;
}

/* ---- _dupenv_s: a malloc'ed copy of a variable, free() to release -------
 * A NULL buffer or name is EINVAL (the outputs NULL and 0 when given); a
 * variable that is not set is 0 with NULL and 0. */
errno_t wsc__dupenv_s(char **buf, size_t *size, const char *name)
{
    const char *v;
    size_t n;

    if (!buf)
        return errno = EINVAL;
    *buf = NULL;
    if (size)
        *size = 0;
    if (!name)
        return errno = EINVAL;
    v = getenv(name);
    if (!v)
        return 0;
    n = strlen(v) + 1;
    if (!(*buf = malloc(n)))
        return errno = ENOMEM;
    memcpy(*buf, v, n);
    if (size)
        *size = n;
    return 0;
}

/* ---- the wide printf family, Microsoft's way ----------------------------
 * A stream the program has made wide-oriented gets wide output; any other
 * gets the text in the locale's multibyte encoding (a character it cannot
 * encode as '?'), so that printf and wprintf can share stdout as they do
 * on Windows. */
static int put_wide(FILE *f, const wchar_t *s, int n)
{
    mbstate_t st;
    char mb[MB_LEN_MAX];
    int i;

    if (fwide(f, 0) > 0) {
        for (i = 0; i < n; i++)
            if (fputwc(s[i], f) == WEOF)
                return -1;
        return n;
    }
    memset(&st, 0, sizeof st);
    for (i = 0; i < n; i++) {
        size_t k = wcrtomb(mb, s[i], &st);
        if (k == (size_t)-1) {
            memset(&st, 0, sizeof st);
            mb[0] = '?';
            k = 1;
        }
        if (fwrite(mb, 1, k, f) != k)
            return -1;
    }
    return n;
}

int wsc_fputws(const wchar_t *s, FILE *f)
{
    if (!s || !f) {
        errno = EINVAL;
        return -1;
    }
    return put_wide(f, s, (int)wcslen(s)) < 0 ? -1 : 0;
}

wint_t wsc_fputwc(wchar_t c, FILE *f)
{
    if (!f) {
        errno = EINVAL;
        return WEOF;
    }
    return put_wide(f, &c, 1) < 0 ? WEOF : (wint_t)c;
}

wint_t wsc_putwc(wchar_t c, FILE *f)
{
    return wsc_fputwc(c, f);
}

wint_t wsc_putwchar(wchar_t c)
{
    return wsc_fputwc(c, stdout);
}

int wsc__putws(const wchar_t *s)
{
    return wsc_fputws(s, stdout) < 0 || wsc_fputwc(L'\n', stdout) == WEOF
               ? (int)WEOF
               : 0;
}

int wsc_vfwprintf(FILE *f, const wchar_t *fmt, va_list ap)
{
    wchar_t *s;
    int n = fmt_w(&s, fmt, ap);

    if (n < 0)
        return -1;
    n = put_wide(f, s, n);
    free(s);
    return n;
}

int wsc_fwprintf(FILE *f, const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfwprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int wsc_vwprintf(const wchar_t *fmt, va_list ap)
{
    return wsc_vfwprintf(stdout, fmt, ap);
}

int wsc_wprintf(const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfwprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

/* ISO swprintf: -1 when the output and its NUL do not fit (the buffer
 * then holds as much as fits, terminated). */
int wsc_vswprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap)
{
    wchar_t *s;
    int n = fmt_w(&s, fmt, ap);

    if (n < 0 || !buf || count == 0) {
        free(s);
        return -1;
    }
    if ((size_t)n < count) {
        wmemcpy(buf, s, (size_t)n + 1);
    } else {
        wmemcpy(buf, s, count - 1);
        buf[count - 1] = 0;
        n = -1;
    }
    free(s);
    return n;
}

int wsc_swprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vswprintf(buf, count, fmt, ap);
    va_end(ap);
    return n;
}

/* ---- lstrlen, lstrcpy, lstrcpyn, lstrcat ---------------------------------
 * A NULL string is ERROR_INVALID_PARAMETER (Windows catches the fault):
 * lstrlen returns 0, the others NULL.  lstrcpyn copies at most n - 1
 * characters and always ends the copy with a NUL (none when n is 0); it
 * reads src only as far as it copies. */
static void *lstr_fail(void)
{
    wsc_w32_set_error(ERROR_INVALID_PARAMETER);
    return NULL;
}

#define DEFINE_LSTR(S, T, len)                                              \
    int wsc_lstrlen##S(const T *s)                                          \
    {                                                                       \
        size_t n;                                                           \
        if (!s) {                                                           \
            lstr_fail();                                                    \
            return 0;                                                       \
        }                                                                   \
        n = len(s);                                                         \
        return n > INT_MAX ? INT_MAX : (int)n;                              \
    }                                                                       \
    T *wsc_lstrcpy##S(T *dst, const T *src)                                 \
    {                                                                       \
        if (!dst || !src)                                                   \
            return lstr_fail();                                             \
        memmove(dst, src, (len(src) + 1) * sizeof(T));                      \
        return dst;                                                         \
    }                                                                       \
    T *wsc_lstrcpyn##S(T *dst, const T *src, int n)                         \
    {                                                                       \
        unsigned count = (unsigned)n; /* Windows': a negative n is huge */  \
        T *d = dst;                                                         \
        if ((!dst && count) || (!src && count > 1))                         \
            return lstr_fail();                                             \
        for (; count > 1 && *src; count--)                                  \
            *d++ = *src++;                                                  \
        if (count)                                                          \
            *d = 0;                                                         \
        return dst;                                                         \
    }                                                                       \
    T *wsc_lstrcat##S(T *dst, const T *src)                                 \
    {                                                                       \
        if (!dst || !src)                                                   \
            return lstr_fail();                                             \
        memmove(dst + len(dst), src, (len(src) + 1) * sizeof(T));           \
        return dst;                                                         \
    }
DEFINE_LSTR(A, char, strlen)
DEFINE_LSTR(W, wchar_t, wcslen)

/* ---- lstrcmp, lstrcmpi -----------------------------------------------------
 * Windows compares as its word sort does (CompareString), not by code
 * point: punctuation and symbols before digits before letters, letters
 * without their case first (lstrcmp("abc", "ABD") < 0); then, for lstrcmp
 * alone, the first difference of case, lower case first
 * (lstrcmp("abc", "ABC") < 0); hyphens and apostrophes count only after
 * that, an earlier one weighing more ("ab" < "ab-c" < "a-bc" < "ac").
 * Within a class, ASCII order; characters beyond ASCII come after the
 * ASCII letters, by the code point of their lower case (accents are not
 * folded: Windows puts "é" between "e" and "f").  A strings are UTF-8
 * (the ANSI code page here).  -1, 0 or 1; a NULL string is less than any
 * other. */
struct lstr_cursor {
    const char *a;
    const wchar_t *w;
};

/* The next character, 0 at the end. */
static uint32_t lstr_next(struct lstr_cursor *c)
{
    uint32_t ch;

    if (c->w)
        return *c->w ? (uint32_t)*c->w++ : 0;
    if (!*c->a)
        return 0;
    c->a += wsc_w32_utf8_decode(c->a, SIZE_MAX, &ch);
    return ch == WSC_W32_ILL_FORMED ? 0xFFFD : ch;
}

/* Case beyond ASCII by Unicode's tables, whatever the program's locale. */
static locale_t lstr_locale;
static pthread_once_t lstr_once = PTHREAD_ONCE_INIT;

static void lstr_locale_init(void)
{
    lstr_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

static uint32_t lstr_lower(uint32_t c)
{
    if (c < 0x80)
        return (uint32_t)tolower((int)c);
    pthread_once(&lstr_once, lstr_locale_init);
    if (lstr_locale)
        return (uint32_t)towlower_l((wint_t)c, lstr_locale);
    return (uint32_t)towlower((wint_t)c);
}

static uint32_t lstr_weight(uint32_t c)
{
    if (c >= 0x80)
        return 0x1000 + lstr_lower(c);
    if (isalpha((int)c))
        return 0x300 + lstr_lower(c);
    return (isdigit((int)c) ? 0x200 : 0x100) + c;
}

static int lstr_ignored(uint32_t c)
{
    return c == '-' || c == '\'';
}

static int lstr_compare(struct lstr_cursor x, struct lstr_cursor y, int nocase)
{
    struct lstr_cursor x0 = x, y0 = y;
    uint32_t a, b;
    int case_diff = 0;

    for (;;) {
        while (lstr_ignored(a = lstr_next(&x)))
            ;
        while (lstr_ignored(b = lstr_next(&y)))
            ;
        if (!a || !b)
            break;
        if (lstr_weight(a) != lstr_weight(b))
            return lstr_weight(a) < lstr_weight(b) ? -1 : 1;
        if (!case_diff && a != b)
            case_diff = lstr_lower(a) == a ? -1 : 1;
    }
    if (a || b)
        return a ? 1 : -1;
    if (case_diff && !nocase)
        return case_diff;
    /* Equal but for the hyphens: the first place where one has one. */
    do {
        a = lstr_lower(lstr_next(&x0));
        b = lstr_lower(lstr_next(&y0));
    } while (a && a == b);
    if (a == b)
        return 0;
    if (lstr_ignored(a) != lstr_ignored(b))
        return lstr_ignored(a) ? 1 : -1;
    return a < b ? -1 : 1;
}

/* A and W alike: one pair of strings is given, the other pair is NULL. */
static int lstr_cmp(const char *a, const char *b, const wchar_t *wa, const wchar_t *wb,
                    int nocase)
{
    int a_null = !a && !wa, b_null = !b && !wb;

    if (a_null || b_null)
        return b_null - a_null;
    return lstr_compare((struct lstr_cursor){a, wa}, (struct lstr_cursor){b, wb}, nocase);
}

int wsc_lstrcmpA(LPCSTR a, LPCSTR b) { return lstr_cmp(a, b, NULL, NULL, 0); }
int wsc_lstrcmpiA(LPCSTR a, LPCSTR b) { return lstr_cmp(a, b, NULL, NULL, 1); }
int wsc_lstrcmpW(LPCWSTR a, LPCWSTR b) { return lstr_cmp(NULL, NULL, a, b, 0); }
int wsc_lstrcmpiW(LPCWSTR a, LPCWSTR b) { return lstr_cmp(NULL, NULL, a, b, 1); }

/* ---- wmain -------------------------------------------------------------- */
/* A wide copy of the NULL-terminated vector v (n strings, or up to its
 * NULL when n < 0); NULL when out of memory. */
static wchar_t **wide_vector(char **v, int n)
{
    wchar_t **w;
    int i;

    if (n < 0)
        for (n = 0; v && v[n]; n++)
            ;
    w = calloc((size_t)n + 1, sizeof *w);
    if (!w)
        return NULL;
    for (i = 0; i < n; i++) {
        size_t len = strlen(v[i]), k;
        w[i] = calloc(len + 1, sizeof(wchar_t));
        if (!w[i])
            return NULL;
        if (mbstowcs(w[i], v[i], len + 1) == (size_t)-1)
            for (k = 0; k <= len; k++)
                w[i][k] = (wchar_t)(unsigned char)v[i][k];
    }
    return w;
}

static void free_vector(wchar_t **w)
{
    int i;

    for (i = 0; w && w[i]; i++)
        free(w[i]);
    free(w);
}

int wsc_run_wmain_env(int argc, char **argv, char **envp, void (*entry)(void),
                      int returns_void)
{
    wchar_t **wargv, **wenvp;
    int rc = 0;

    setlocale(LC_CTYPE, "");
    wargv = wide_vector(argv, argc);
    wenvp = wide_vector(envp, -1);
    if (!wargv || !wenvp)
        return 1;
    if (returns_void)
        ((void (*)(int, wchar_t **, wchar_t **))entry)(argc, wargv, wenvp);
    else
        rc = ((int (*)(int, wchar_t **, wchar_t **))entry)(argc, wargv, wenvp);
    free_vector(wargv);
    free_vector(wenvp);
    return rc;
}

int wsc_run_tmain(int argc, char **argv, char **envp, void (*entry)(void),
                  int returns_void)
{
    if (!returns_void)
        return ((int (*)(int, char **, char **))entry)(argc, argv, envp);
    ((void (*)(int, char **, char **))entry)(argc, argv, envp);
    return 0;
}

int wsc_run_wmain(int argc, char **argv, int (*entry)(int, wchar_t **))
{
    return wsc_run_wmain_env(argc, argv, NULL, (void (*)(void))entry, 0);
}

/* ---- _fullpath: the absolute path, folded without the file system ------- */
/* As Microsoft's: relative paths are taken from the current directory,
 * "." and ".." and repeated separators are folded by name (the file need
 * not exist, links are not followed), a NULL or empty path is the current
 * directory; a NULL buffer is malloc'ed; NULL with ERANGE if the result
 * does not fit.  The separator stays '/'. */
char *wsc__fullpath(char *abs, const char *rel, size_t size)
{
    char cwd[4096], *path, *out, *p, *save;
    size_t n, len = 0;

    if (!rel || !*rel)
        rel = ".";
    if (rel[0] != '/' && !getcwd(cwd, sizeof cwd))
        return NULL;
    n = (rel[0] == '/' ? 0 : strlen(cwd) + 1) + strlen(rel) + 1;
    if (!(path = malloc(n)) || !(out = malloc(n + 1))) {
        free(path);
        errno = ENOMEM;
        return NULL;
    }
    snprintf(path, n, "%s%s%s", rel[0] == '/' ? "" : cwd,
             rel[0] == '/' ? "" : "/", rel);
    for (p = strtok_r(path, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
        if (!strcmp(p, "."))
            continue;
        if (!strcmp(p, "..")) {
            while (len > 0 && out[--len] != '/')
                ;
            continue;
        }
        out[len++] = '/';
        memcpy(out + len, p, strlen(p));
        len += strlen(p);
    }
    if (!len)
        out[len++] = '/';
    out[len] = 0;
    free(path);
    if (!abs) {
        size = len + 1 > _MAX_PATH ? len + 1 : _MAX_PATH;
        if (!(abs = malloc(size))) {
            free(out);
            errno = ENOMEM;
            return NULL;
        }
    } else if (len + 1 > size) {
        free(out);
        errno = ERANGE;
        return NULL;
    }
    memcpy(abs, out, len + 1);
    free(out);
    return abs;
}
