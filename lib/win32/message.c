/* FormatMessageA/W: Windows' English text for the Win32 codes of
 * errors.def and the WSA codes of wsa_errors.def, and messages built from
 * a string, with inserts (%1 ... %99, !printf format!), %n, %0 and the
 * other escapes.  Both forms format into wide characters: the A form
 * carries bytes as code units 0-255, so its text round-trips unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "win32.h"

struct msg {
    DWORD code;
    const char *text;
};

static const struct msg win32_msgs[] = {
#define WIN32_ERROR(code, name, text) {code, text},
#include "errors.def"
#undef WIN32_ERROR
};

/* The WSA list is data this layer reads, not an engine interface. */
static const struct msg wsa_msgs[] = {
#define WSC_ERROR(code, name, err, text) {code, text},
#include "../engine/wsa_errors.def"
#undef WSC_ERROR
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_INSERTS 99

static const char *find_text(const struct msg *m, size_t n, DWORD code)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (m[i].code == code && m[i].text[0])
            return m[i].text;
    return NULL;
}

static const char *system_text(DWORD code)
{
    const char *t = find_text(win32_msgs, COUNT(win32_msgs), code);
    return t ? t : find_text(wsa_msgs, COUNT(wsa_msgs), code);
}

/* wscompat has English only, under any neutral or English language id. */
static int lang_known(DWORD lang)
{
    WORD primary = PRIMARYLANGID(lang);
    return lang == 0 || primary == LANG_NEUTRAL || primary == LANG_ENGLISH;
}

struct out {
    wchar_t *p;
    size_t len, cap;
    int oom;
};

static void put(struct out *o, wchar_t c)
{
    if (o->len == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 256;
        wchar_t *p = realloc(o->p, cap * sizeof(*p));
        if (!p) {
            o->oom = 1;
            return;
        }
        o->p = p, o->cap = cap;
    }
    o->p[o->len++] = c;
}

static void put_bytes(struct out *o, const char *s)
{
    while (*s)
        put(o, (unsigned char)*s++);
}

static void put_wide(struct out *o, const wchar_t *s, int wide)
{
    char u[8];
    size_t len;

    for (; *s; s++) {
        if (wide) {
            put(o, *s);
            continue;
        }
        len = 0;
        wsc_w32_utf8_n(s, 1, u, sizeof(u), &len);
        u[len] = 0;
        put_bytes(o, u);
    }
}

/* A narrow string into a wide message: bytes as UTF-8. */
static void put_narrow(struct out *o, const char *s, int wide)
{
    mbstate_t st;
    wchar_t c;
    size_t r;

    if (!wide) {
        put_bytes(o, s);
        return;
    }
    memset(&st, 0, sizeof(st));
    while (*s && (r = mbrtowc(&c, s, strlen(s), &st)) > 0 && r < (size_t)-2)
        put(o, c), s += r;
    for (; *s; s++)
        put(o, (unsigned char)*s);
}

struct inserts {
    const uintptr_t *arg;
    size_t n;
    int ignore, wide;
};

/* One insert: its !format! (default s) applied to its argument. */
static void put_insert(struct out *o, const struct inserts *in, unsigned n,
                       const char *fmt)
{
    uintptr_t v = in->arg[n - 1];
    char conv = fmt[strlen(fmt) - 1], spec[32], text[64];
    int wide_arg = (conv == 's') == in->wide;

    if (conv == 's' || conv == 'S') {
        if (wide_arg)
            put_wide(o, v ? (const wchar_t *)v : L"(null)", in->wide);
        else
            put_narrow(o, v ? (const char *)v : "(null)", in->wide);
        return;
    }
    snprintf(spec, sizeof(spec), "%%%s", fmt);
    if (strstr(spec, "ll") || strstr(spec, "I64")) {
        char *i64 = strstr(spec, "I64");
        if (i64)
            memmove(i64 + 2, i64 + 3, strlen(i64 + 3) + 1), i64[0] = 'l', i64[1] = 'l';
        snprintf(text, sizeof(text), spec, (long long)v);
    } else if (conv == 'p') {
        snprintf(text, sizeof(text), spec, (void *)v);
    } else {
        snprintf(text, sizeof(text), spec, (int)v);
    }
    put_bytes(o, text);
}

/* Reads "N" or "NN" and an optional "!fmt!" after a '%'; returns the
 * characters read. */
static size_t parse_insert(const wchar_t *t, unsigned *n, char *fmt,
                           size_t cap)
{
    size_t i = 0, f = 0;

    *n = (unsigned)(t[i++] - L'0');
    if (t[i] >= L'0' && t[i] <= L'9')
        *n = *n * 10 + (unsigned)(t[i++] - L'0');
    strcpy(fmt, "s");
    if (t[i] == L'!') {
        size_t j = i + 1;
        while (t[j] && t[j] != L'!' && f + 1 < cap)
            fmt[f++] = (char)t[j++];
        if (t[j] == L'!' && f > 0) {
            fmt[f] = 0;
            i = j + 1;
        }
    }
    return i;
}

static int is_digit(wchar_t c)
{
    return c >= L'1' && c <= L'9';
}

/* Formats the template; 0, or the Win32 code of the failure. */
static DWORD format(struct out *o, const wchar_t *t, const struct inserts *in)
{
    char fmt[24];
    unsigned n;
    size_t k;

    while (*t) {
        if (*t != L'%') {
            put(o, *t++);
            continue;
        }
        t++;
        if (is_digit(*t)) {
            k = parse_insert(t, &n, fmt, sizeof(fmt));
            if (in->ignore) {
                put(o, L'%');
                while (k--)
                    put(o, *t++);
                continue;
            }
            if (n > in->n)
                return ERROR_INVALID_PARAMETER;
            put_insert(o, in, n, fmt);
            t += k;
            continue;
        }
        switch (*t) {
        case 0: case L'0': return o->oom ? ERROR_NOT_ENOUGH_MEMORY : 0;
        case L'n': put(o, L'\r'), put(o, L'\n'); break;
        case L'r': put(o, L'\r'); break;
        case L't': put(o, L'\t'); break;
        default: put(o, *t); break;
        }
        t++;
    }
    return o->oom ? ERROR_NOT_ENOUGH_MEMORY : 0;
}

/* The highest insert number in the template. */
static size_t max_insert(const wchar_t *t)
{
    size_t max = 0;
    unsigned n;
    char fmt[24];

    for (; *t; t++)
        if (t[0] == L'%' && is_digit(t[1])) {
            t += parse_insert(t + 1, &n, fmt, sizeof(fmt));
            if (n > max)
                max = n;
        } else if (t[0] == L'%' && t[1]) {
            t++;
        }
    return max;
}

/* Windows reads va_list inserts as pointer-sized arguments too. */
static DWORD collect_args(DWORD flags, va_list *args, const wchar_t *t,
                          uintptr_t *arg, struct inserts *in)
{
    size_t i, n = (flags & FORMAT_MESSAGE_IGNORE_INSERTS) ? 0 : max_insert(t);

    in->n = n;
    in->arg = arg;
    if (n == 0)
        return 0;
    if (!args)
        return ERROR_INVALID_PARAMETER;
    if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) {
        in->arg = (const uintptr_t *)args;
        return 0;
    }
    for (i = 0; i < n; i++)
        arg[i] = va_arg(*args, uintptr_t);
    return 0;
}

static wchar_t *widen_bytes(const char *s)
{
    size_t i, n = strlen(s);
    wchar_t *w = malloc((n + 1) * sizeof(*w));

    if (w)
        for (i = 0; i <= n; i++)
            w[i] = (unsigned char)s[i];
    return w;
}

static wchar_t *widen_system(const char *s)
{
    size_t n = strlen(s);
    char *crlf = malloc(n + 3);
    wchar_t *w;

    if (!crlf)
        return NULL;
    memcpy(crlf, s, n);
    memcpy(crlf + n, "\r\n", 3);
    w = widen_bytes(crlf);
    free(crlf);
    return w;
}

static wchar_t *dup_wide(const wchar_t *s)
{
    size_t n = wcslen(s) + 1;
    wchar_t *w = malloc(n * sizeof(*w));

    if (w)
        memcpy(w, s, n * sizeof(*w));
    return w;
}

/* The template the flags name, malloc'ed, or NULL with *err set. */
static wchar_t *get_template(DWORD flags, LPCVOID source, DWORD id,
                             DWORD lang, int wide, DWORD *err)
{
    const char *text;
    wchar_t *t;

    *err = ERROR_NOT_ENOUGH_MEMORY;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        if (!source) {
            *err = ERROR_INVALID_PARAMETER;
            return NULL;
        }
        return wide ? dup_wide(source) : widen_bytes(source);
    }
    if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM) ||
        ((flags & FORMAT_MESSAGE_FROM_HMODULE) && source)) {
        *err = (flags & FORMAT_MESSAGE_FROM_HMODULE) ? ERROR_MR_MID_NOT_FOUND
                                                     : ERROR_INVALID_PARAMETER;
        return NULL;
    }
    if (!lang_known(lang)) {
        *err = ERROR_RESOURCE_LANG_NOT_FOUND;
        return NULL;
    }
    if (!(text = system_text(id))) {
        *err = ERROR_MR_MID_NOT_FOUND;
        return NULL;
    }
    t = widen_system(text);
    return t;
}

/* Copies the result to the caller's buffer or a LocalAlloc'ed one. */
static DWORD deliver(const struct out *o, DWORD flags, void *buffer,
                     DWORD size, int wide)
{
    size_t el = wide ? sizeof(wchar_t) : 1, n = o->len + 1, i;
    unsigned char *dst;

    if (!buffer)
        return ERROR_INVALID_PARAMETER;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        dst = wsc_LocalAlloc(LMEM_FIXED, (n > size ? n : size) * el);
        if (!dst)
            return ERROR_NOT_ENOUGH_MEMORY;
        *(void **)buffer = dst;
    } else if (n > size) {
        return ERROR_INSUFFICIENT_BUFFER;
    } else {
        dst = buffer;
    }
    for (i = 0; i < o->len; i++)
        if (wide)
            ((wchar_t *)dst)[i] = o->p[i];
        else
            dst[i] = (unsigned char)o->p[i];
    if (wide)
        ((wchar_t *)dst)[o->len] = 0;
    else
        dst[o->len] = 0;
    return 0;
}

static DWORD format_message(DWORD flags, LPCVOID source, DWORD id,
                            DWORD lang, void *buffer, DWORD size,
                            va_list *args, int wide)
{
    uintptr_t arg[MAX_INSERTS];
    struct inserts in = {NULL, 0, 0, wide};
    struct out o = {NULL, 0, 0, 0};
    DWORD err;
    wchar_t *t = get_template(flags, source, id, lang, wide, &err);

    in.ignore = (flags & FORMAT_MESSAGE_IGNORE_INSERTS) != 0;
    if (t && !(err = collect_args(flags, args, t, arg, &in)))
        err = format(&o, t, &in);
    if (t && !err)
        err = deliver(&o, flags, buffer, size, wide);
    free(t);
    free(o.p);
    if (err) {
        wsc_w32_set_error((int)err);
        return 0;
    }
    return (DWORD)o.len;
}

DWORD wsc_FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang,
                         LPSTR buffer, DWORD size, va_list *args)
{
    return format_message(flags, source, id, lang, buffer, size, args, 0);
}

DWORD wsc_FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang,
                         LPWSTR buffer, DWORD size, va_list *args)
{
    return format_message(flags, source, id, lang, buffer, size, args, 1);
}
