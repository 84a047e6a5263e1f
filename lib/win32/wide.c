/* wchar_t strings (Linux's: 32-bit code points) to UTF-8, for what the W
 * functions hand to the system: file names and console text.  A value
 * that is not a code point becomes U+FFFD. */
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

size_t wsc_w32_utf8_n(const wchar_t *w, size_t n, char *buf, size_t cap,
                      size_t *len)
{
    char u[4];
    size_t i, k;

    for (i = 0; i < n; i++) {
        k = encode((uint32_t)w[i], u);
        if (*len + k >= cap)
            break;
        memcpy(buf + *len, u, k);
        *len += k;
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
