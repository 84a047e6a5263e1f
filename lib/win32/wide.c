/* Text encodings: wchar_t strings (Linux's: 32-bit code points) to UTF-8
 * for what the W functions hand to the system (file names and console
 * text), UTF-8 to code points, and MultiByteToWideChar and
 * WideCharToMultiByte.  The ANSI and OEM code pages are UTF-8 on Linux:
 * CP_ACP, CP_OEMCP and CP_THREAD_ACP convert as CP_UTF8 does, and no other
 * code page is provided.  A wide string may hold UTF-16 surrogate pairs
 * (text made for Windows' 16-bit wchar_t): a pair is the one character it
 * stands for; a lone surrogate or a value that is not a code point
 * becomes U+FFFD. */
#include <limits.h>
#include <stdlib.h>
#include "win32.h"

static size_t encode(uint32_t c, char *u)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        u[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The character at w[*i] (of n), a surrogate pair taken together; *i
 * moves past it.  A lone surrogate or a value above U+10FFFF is
 * WSC_W32_ILL_FORMED. */
static uint32_t wide_next(const wchar_t *w, size_t n, size_t *i)
{
    uint32_t c = (uint32_t)w[(*i)++], lo;

    if (c >= 0xD800 && c <= 0xDBFF && *i < n) {
        lo = (uint32_t)w[*i];
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            (*i)++;
            return 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        }
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return WSC_W32_ILL_FORMED;
    return c;
}

size_t wsc_w32_utf8_n(const wchar_t *w, size_t n, char *buf, size_t cap,
                      size_t *len)
{
    char u[4];
    size_t i = 0, next, k;

    while (i < n) {
        next = i;
        k = encode(wide_next(w, n, &next), u);
        if (*len + k >= cap)
            break;
        memcpy(buf + *len, u, k);
        *len += k;
        i = next;
    }
    return i;
}

char *wsc_w32_utf8(const wchar_t *w, int *bad)
{
    size_t n, cap, len = 0;
    char *s;

    *bad = 0;
    if (!w)
        return NULL;
    n = wcslen(w);
    cap = n * 4 + 1;
    if (!(s = malloc(cap))) {
        *bad = 1;
        return NULL;
    }
    wsc_w32_utf8_n(w, n, s, cap, &len);
    s[len] = 0;
    return s;
}

static int is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* An ill-formed sequence is one U+FFFD for its lead byte and the
 * continuation bytes that still fit the lead (C0 41 42 is U+FFFD A B,
 * Windows' answer since Vista; E2 82 41 is U+FFFD A); the second byte is
 * taken with the lead before the overlong, surrogate and above-U+10FFFF
 * checks, so E0 80 80 is two U+FFFD, ED A0 80 two and F4 90 80 80
 * three, as Wine's MultiByteToWideChar counts them. */
size_t wsc_w32_utf8_decode(const char *str, size_t n, uint32_t *c)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t len, k;
    uint32_t v;

    *c = WSC_W32_ILL_FORMED;
    if (s[0] < 0x80) {
        *c = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2, v = s[0] & 0x1F;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3, v = s[0] & 0x0F;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4, v = s[0] & 0x07;
    else
        return 1; /* a continuation byte, C0, C1, F5..FF */
    for (k = 1; k < len; k++) {
        if (k >= n || !is_cont(s[k]))
            return k;
        v = v << 6 | (s[k] & 0x3F);
        if (k == 1 && ((len == 3 && (v < 0x20 || (v >= 0x360 && v < 0x380))) ||
                       (len == 4 && (v < 0x10 || v >= 0x110))))
            return 2; /* overlong, a surrogate, above U+10FFFF */
    }
    *c = v;
    return len;
}

/* ---- MultiByteToWideChar, WideCharToMultiByte -------------------------- */
#define MB_FLAGS (MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS)
#define WC_FLAGS (WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR | WC_ERR_INVALID_CHARS | \
                  WC_COMPOSITECHECK | WC_NO_BEST_FIT_CHARS)

static int utf8_page(UINT codepage)
{
    return codepage == CP_UTF8 || codepage == CP_ACP || codepage == CP_OEMCP ||
           codepage == CP_THREAD_ACP;
}

static int fail0(int code)
{
    wsc_w32_set_error(code);
    return 0;
}

UINT wsc_GetACP(void)
{
    return CP_UTF8;
}

UINT wsc_GetOEMCP(void)
{
    return CP_UTF8;
}

/* Flags that change nothing in UTF-8 (MB_PRECOMPOSED, ...) are accepted,
 * as Windows does; a negative srclen is "to the NUL, included". */
int wsc_MultiByteToWideChar(UINT codepage, DWORD flags, LPCCH src, int srclen,
                            LPWSTR dst, int dstlen)
{
    size_t n, i = 0;
    int out = 0, bad = 0;
    uint32_t c;

    if (!src || !srclen || (!dst && dstlen) || dstlen < 0 || !utf8_page(codepage))
        return fail0(ERROR_INVALID_PARAMETER);
    if (flags & ~(DWORD)MB_FLAGS)
        return fail0(ERROR_INVALID_FLAGS);
    n = srclen < 0 ? strlen(src) + 1 : (size_t)srclen;
    while (i < n) {
        i += wsc_w32_utf8_decode(src + i, n - i, &c);
        if (c == WSC_W32_ILL_FORMED)
            bad = 1, c = 0xFFFD;
        if (dstlen) {
            if (out == dstlen)
                return fail0(ERROR_INSUFFICIENT_BUFFER);
            dst[out] = (wchar_t)c;
        }
        if (out == INT_MAX)
            return fail0(ERROR_INSUFFICIENT_BUFFER);
        out++;
    }
    if (bad && (flags & MB_ERR_INVALID_CHARS))
        return fail0(ERROR_NO_UNICODE_TRANSLATION);
    return out;
}

/* CP_UTF8 takes no default character (ERROR_INVALID_PARAMETER, as on
 * Windows); the ANSI code page, UTF-8 here, writes defchar's first byte
 * for a character it cannot encode (else U+FFFD) and reports it in
 * *used.  A character that does not fit whole is not written. */
int wsc_WideCharToMultiByte(UINT codepage, DWORD flags, LPCWCH src, int srclen,
                            LPSTR dst, int dstlen, LPCCH defchar, LPBOOL used)
{
    size_t n, i = 0, k;
    int out = 0, bad = 0;
    uint32_t c;
    char u[4];

    if (!src || !srclen || (!dst && dstlen) || dstlen < 0 || !utf8_page(codepage) ||
        (codepage == CP_UTF8 && (defchar || used)))
        return fail0(ERROR_INVALID_PARAMETER);
    if (flags & ~(DWORD)WC_FLAGS)
        return fail0(ERROR_INVALID_FLAGS);
    if (used)
        *used = FALSE;
    n = srclen < 0 ? wcslen(src) + 1 : (size_t)srclen;
    while (i < n) {
        c = wide_next(src, n, &i);
        if (c == WSC_W32_ILL_FORMED && defchar)
            bad = 1, u[0] = defchar[0], k = 1;
        else
            bad |= c == WSC_W32_ILL_FORMED, k = encode(c, u);
        if (dstlen) {
            if ((size_t)(dstlen - out) < k)
                return fail0(ERROR_INSUFFICIENT_BUFFER);
            memcpy(dst + out, u, k);
        }
        if ((size_t)(INT_MAX - out) < k)
            return fail0(ERROR_INSUFFICIENT_BUFFER);
        out += (int)k;
    }
    if (bad && used)
        *used = TRUE;
    if (bad && (flags & WC_ERR_INVALID_CHARS))
        return fail0(ERROR_NO_UNICODE_TRANSLATION);
    return out;
}
