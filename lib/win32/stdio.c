/* The stdio functions of Microsoft's secure CRT (lib/win32/api.def lists
 * them): fopen_s and its relatives, gets_s, printf_s, and the scanf_s
 * family.  As with Microsoft's invalid parameter handler returning: the
 * error code is returned (and set in errno), the outputs set as its
 * documentation says. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "win32.h"

/* ---- fopen_s, _wfopen_s, freopen_s --------------------------------------
 * A NULL FILE ** is EINVAL; past it *f is the stream or NULL.  A NULL or
 * empty name or mode is EINVAL; a failed open is its errno.  Microsoft's
 * ", ccs=ENCODING" asks for a wide file's encoding: the text is kept as
 * Linux's (the program's wide I/O converts with the locale). */
/* fopen and freopen (and the _s forms): '\\' in a path is '/', as the
 * Win32 calls read it (wsc_w32_path); a NULL name or mode is EINVAL,
 * except freopen's NULL name (the same file in another mode).  The C
 * library's own are its 64-bit names, which wscompat's headers leave
 * alone. */
static FILE *open_path(const char *name, const char *mode, FILE *stream)
{
    char p[PATH_MAX];

    if ((!name && !stream) || !mode) {
        errno = EINVAL;
        return NULL;
    }
    if (!name)
        return freopen64(NULL, mode, stream);
    if (!wsc_w32_path(name, p)) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    return stream ? freopen64(p, mode, stream) : fopen64(p, mode);
}

FILE *wsc_fopen(const char *name, const char *mode)
{
    return open_path(name, mode, NULL);
}

FILE *wsc_freopen(const char *name, const char *mode, FILE *stream)
{
    if (!stream) {
        errno = EINVAL;
        return NULL;
    }
    return open_path(name, mode, stream);
}

FILE *wsc__wfopen(const wchar_t *name, const wchar_t *mode)
{
    FILE *f = NULL;
    errno_t e = wsc__wfopen_s(&f, name, mode);

    if (e)
        errno = e;
    return f;
}

static FILE *open_s(const char *name, const char *mode, FILE *stream)
{
    char m[16];
    size_t n = strcspn(mode, ",");

    if (n >= sizeof m)
        n = sizeof m - 1;
    memcpy(m, mode, n);
    m[n] = 0;
    return open_path(name, m, stream);
}

errno_t wsc_fopen_s(FILE **f, const char *name, const char *mode)
{
    if (!f)
        return errno = EINVAL;
    *f = NULL;
    if (!name || !mode || !*name || !*mode)
        return errno = EINVAL;
    if (!(*f = open_s(name, mode, NULL)))
        return errno;
    return 0;
}

errno_t wsc__wfopen_s(FILE **f, const wchar_t *name, const wchar_t *mode)
{
    char *n, *m;
    int bad = 0;
    errno_t e;

    if (!f)
        return errno = EINVAL;
    *f = NULL;
    if (!name || !mode)
        return errno = EINVAL;
    n = wsc_w32_utf8(name, &bad);
    m = wsc_w32_utf8(mode, &bad);
    e = bad ? (errno = ENOMEM) : wsc_fopen_s(f, n, m);
    free(n);
    free(m);
    return e;
}

errno_t wsc_freopen_s(FILE **f, const char *name, const char *mode,
                      FILE *stream)
{
    if (!f)
        return errno = EINVAL;
    *f = NULL;
    if (!name || !mode || !stream || !*name || !*mode)
        return errno = EINVAL;
    if (!(*f = open_s(name, mode, stream)))
        return errno;
    return 0;
}

/* ---- gets_s: a line of stdin without its newline ------------------------
 * NULL buffer or size 0: EINVAL, NULL.  End of file before any character:
 * the buffer emptied, NULL.  A line of size characters or more is read to
 * its end and dropped: the buffer emptied, ERANGE, NULL. */
char *wsc_gets_s(char *buf, rsize_t size)
{
    size_t n = 0;
    int c;

    if (!buf || size == 0) {
        errno = EINVAL;
        return NULL;
    }
    c = getchar();
    if (c == EOF) {
        buf[0] = 0;
        return NULL;
    }
    for (; c != EOF && c != '\n'; c = getchar()) {
        if (n < size)
            buf[n] = (char)c;
        n++;
    }
    if (c == EOF && ferror(stdin)) {
        buf[0] = 0;
        return NULL;
    }
    if (n >= size) {
        buf[0] = 0;
        errno = ERANGE;
        return NULL;
    }
    buf[n] = 0;
    return buf;
}

/* ---- printf_s and company: printf's (Microsoft's formats), and a NULL
 * format or stream is EINVAL and -1 ---------------------------------------- */
int wsc_vfprintf_s(FILE *f, const char *fmt, va_list ap)
{
    if (!f || !fmt) {
        errno = EINVAL;
        return -1;
    }
    return wsc_vfprintf(f, fmt, ap);
}

int wsc_vprintf_s(const char *fmt, va_list ap)
{
    return wsc_vfprintf_s(stdout, fmt, ap);
}

int wsc_fprintf_s(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfprintf_s(f, fmt, ap);
    va_end(ap);
    return n;
}

int wsc_printf_s(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfprintf_s(stdout, fmt, ap);
    va_end(ap);
    return n;
}

/* ---- the scanf_s family -------------------------------------------------
 * scanf's, except that each %s, %c and %[ that assigns takes, after its
 * pointer, the buffer's size in characters (an unsigned).  A string that
 * does not fit with its NUL, or fewer places than %Nc's N, fails the
 * conversion: the buffer gets an empty string (its first character 0)
 * and the call ends with the count so far.  The format is walked one
 * directive at a time: white space and ordinary characters here, each
 * conversion by the C library's own sscanf or fscanf with a %n after it,
 * which says how much it took (so that %n and the next directive go on
 * from there).  Microsoft's conversions are read as its scanf reads them:
 * %S and %C are wide (%hs, %hc narrow), %I64d 64-bit, %Id pointer-sized,
 * and l on an integer is 32 bits as Windows' long is (a LONG or DWORD
 * gets four bytes, never eight).  The result is the number of fields
 * assigned, or EOF when the input ends before the first one; a NULL
 * string, stream or format is EINVAL and EOF. */
struct scan_in {
    const char *s; /* the string, or NULL: the stream */
    FILE *f;
    size_t pos;    /* characters taken so far */
};

static int in_get(struct scan_in *in)
{
    int c;

    if (in->s) {
        c = (unsigned char)in->s[in->pos];
        if (!c)
            return EOF;
    } else if ((c = getc(in->f)) == EOF) {
        return EOF;
    }
    in->pos++;
    return c;
}

static void in_unget(struct scan_in *in, int c)
{
    if (c == EOF)
        return;
    in->pos--;
    if (!in->s)
        ungetc(c, in->f);
}

/* How many characters are left, as far as is known. */
static size_t in_left(const struct scan_in *in)
{
    return in->s ? strlen(in->s + in->pos) : SIZE_MAX;
}

/* One conversion, piece being "%...X%n": 1 when done, 0 for a matching
 * failure, EOF for an input failure.  arg is NULL when suppressed. */
static int in_run(struct scan_in *in, const char *piece, void *arg)
{
    int n = -1, r;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (in->s)
        r = arg ? sscanf(in->s + in->pos, piece, arg, &n)
                : sscanf(in->s + in->pos, piece, &n);
    else
        r = arg ? fscanf(in->f, piece, arg, &n) : fscanf(in->f, piece, &n);
#pragma GCC diagnostic pop
    if (n >= 0) {
        in->pos += (size_t)n;
        return 1;
    }
    return r == EOF ? EOF : 0;
}

/* Stores the count %n asks for, by its length modifier. */
static void store_count(void *p, const char *len, size_t n)
{
    if (!strcmp(len, "hh"))
        *(signed char *)p = (signed char)n;
    else if (!strcmp(len, "h"))
        *(short *)p = (short)n;
    else if (!strcmp(len, "ll") || !strcmp(len, "j"))
        *(long long *)p = (long long)n;
    else if (!strcmp(len, "z") || !strcmp(len, "t"))
        *(size_t *)p = n;
    else
        *(int *)p = (int)n;
}

static int scan_s(struct scan_in *in, const char *fmt, va_list *ap)
{
    char *piece = malloc(strlen(fmt) + 64), *o;
    const char *p = fmt;
    int count = 0, r = 1, c;

    if (!piece) {
        errno = ENOMEM;
        return EOF;
    }
    while (*p) {
        /* white space: any amount of it, none included */
        if (isspace((unsigned char)*p)) {
            while (isspace((unsigned char)*p))
                p++;
            while ((c = in_get(in)) != EOF && isspace(c))
                ;
            in_unget(in, c);
            continue;
        }
        /* an ordinary character, or %% (after white space) */
        if (*p != '%' || p[1] == '%') {
            int want = (unsigned char)*p, pct = *p == '%';
            p += pct ? 2 : 1;
            c = in_get(in);
            while (pct && c != EOF && isspace(c))
                c = in_get(in);
            if (c == EOF) {
                r = EOF;
                break;
            }
            if (c != want) {
                in_unget(in, c);
                r = 0;
                break;
            }
            continue;
        }
        /* a conversion: %[*][width][length]conversion */
        int suppress = 0, has_width = 0, wide = 0;
        unsigned long width = 0;
        char len[3] = "";
        p++;
        if (*p == '*') {
            suppress = 1;
            p++;
        }
        while (*p >= '0' && *p <= '9') {
            has_width = 1;
            if (width < 100000000ul)
                width = width * 10 + (unsigned long)(*p - '0');
            p++;
        }
        if (p[0] == 'I' && p[1] == '6' && p[2] == '4') {
            strcpy(len, "ll");
            p += 3;
        } else if (p[0] == 'I' && p[1] == '3' && p[2] == '2') {
            strcpy(len, "-");
            p += 3;
        } else if (p[0] == 'I') {
            strcpy(len, "z");
            p++;
        } else if ((p[0] == 'h' || p[0] == 'l') && p[1] == p[0]) {
            len[0] = len[1] = p[0];
            p += 2;
        } else if (*p && strchr("hlLjztqw", *p)) {
            len[0] = *p == 'q' ? 'L' : *p;
            p++;
        }
        int conv = (unsigned char)*p;
        if (!conv) {
            errno = EINVAL;
            r = 0;
            break;
        }
        p++;
        if (conv == 'n') {
            if (!suppress)
                store_count(va_arg(*ap, void *), len, in->pos);
            continue;
        }
        o = piece;
        *o++ = '%';
        if (suppress)
            *o++ = '*';
        if (conv == 'c' || conv == 'C' || conv == 's' || conv == 'S' ||
            conv == '[') {
            const char *set = p;
            size_t set_len = 0;
            if (conv == 'C' || conv == 'S')
                wide = len[0] != 'h';
            else
                wide = len[0] == 'l' || len[0] == 'w';
            if (conv == '[') { /* [^]...] : the set as written */
                if (*p == '^')
                    p++;
                if (*p == ']')
                    p++;
                while (*p && *p != ']')
                    p++;
                if (!*p) {
                    errno = EINVAL;
                    r = 0;
                    break;
                }
                p++;
                set_len = (size_t)(p - set);
            }
            char spec = conv == 'C' ? 'c' : conv == 'S' ? 's' : (char)conv;
            void *dst = NULL, *tmp = NULL;
            unsigned size = 0;
            size_t unit = wide ? sizeof(wchar_t) : 1;
            unsigned long w = width;
            if (!suppress) {
                dst = va_arg(*ap, void *);
                size = va_arg(*ap, unsigned);
                if (spec == 'c') {
                    if (!has_width)
                        w = 1;
                    if (size < w) {
                        if (size)
                            memset(dst, 0, unit);
                        r = 0;
                        break;
                    }
                    has_width = 1;
                } else if (size == 0) {
                    r = 0;
                    break;
                } else if (!(has_width && w < size) &&
                           !(!has_width && in_left(in) < size)) {
                    /* read one more than fits, to see a string too long */
                    w = size;
                    has_width = 1;
                    if (!(tmp = malloc(((size_t)size + 1) * unit))) {
                        errno = ENOMEM;
                        r = 0;
                        break;
                    }
                }
            }
            if (has_width)
                o += sprintf(o, "%lu", w);
            if (wide)
                *o++ = 'l';
            *o++ = spec;
            memcpy(o, set, set_len);
            o += set_len;
            strcpy(o, "%n");
            r = in_run(in, piece, tmp ? tmp : dst);
            if (r == 1 && tmp) {
                size_t n = wide ? wcslen(tmp) : strlen(tmp);
                if (n >= size) {
                    memset(dst, 0, unit);
                    r = 0;
                } else {
                    memcpy(dst, tmp, (n + 1) * unit);
                }
            }
            free(tmp);
        } else if (strchr("diouxXaAeEfFgGp", conv)) {
            int integer = strchr("diouxX", conv) != NULL;
            if (has_width)
                o += sprintf(o, "%lu", width);
            if (integer && (len[0] == 'l' && !len[1])) /* Windows' long */
                len[0] = 0;
            if (len[0] == '-' || len[0] == 'w')
                len[0] = 0;
            o += sprintf(o, "%s%c%%n", len, conv);
            r = in_run(in, piece, suppress ? NULL : va_arg(*ap, void *));
        } else {
            errno = EINVAL;
            r = 0;
            break;
        }
        if (r != 1)
            break;
        if (!suppress)
            count++;
    }
    free(piece);
    return r == EOF && count == 0 ? EOF : count;
}

int wsc_vsscanf_s(const char *s, const char *fmt, va_list ap)
{
    struct scan_in in = { s, NULL, 0 };
    va_list aq;
    int n;

    if (!s || !fmt) {
        errno = EINVAL;
        return EOF;
    }
    va_copy(aq, ap);
    n = scan_s(&in, fmt, &aq);
    va_end(aq);
    return n;
}

int wsc_vfscanf_s(FILE *f, const char *fmt, va_list ap)
{
    struct scan_in in = { NULL, f, 0 };
    va_list aq;
    int n;

    if (!f || !fmt) {
        errno = EINVAL;
        return EOF;
    }
    va_copy(aq, ap);
    n = scan_s(&in, fmt, &aq);
    va_end(aq);
    return n;
}

int wsc_vscanf_s(const char *fmt, va_list ap)
{
    return wsc_vfscanf_s(stdin, fmt, ap);
}

int wsc_sscanf_s(const char *s, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vsscanf_s(s, fmt, ap);
    va_end(ap);
    return n;
}

int wsc_fscanf_s(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfscanf_s(f, fmt, ap);
    va_end(ap);
    return n;
}

int wsc_scanf_s(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wsc_vfscanf_s(stdin, fmt, ap);
    va_end(ap);
    return n;
}
