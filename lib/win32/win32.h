/* The Win32 baseline's internals: libc, pthreads and the public headers
 * only (this layer is below the engine). */
#ifndef WSC_WIN32_H
#define WSC_WIN32_H

#include <stdint.h>
#include "windows.h"
#include "lasterror.h"

/* Returns FALSE with the last error set to code. */
static inline BOOL wsc_w32_fail(int code)
{
    wsc_w32_set_error(code);
    return FALSE;
}

/* The Win32 code for a failed libc call's errno. */
DWORD wsc_w32_from_errno(int err);

/* A wide string as UTF-8, malloc'ed (NULL stays NULL); *bad is set when
 * it cannot be converted (out of memory). */
char *wsc_w32_utf8(const wchar_t *w, int *bad);
/* Appends the UTF-8 of wide characters to buf[*len..cap), keeping a byte
 * for a NUL; returns the number of wide characters converted. */
size_t wsc_w32_utf8_n(const wchar_t *w, size_t n, char *buf, size_t cap,
                      size_t *len);
/* One character of UTF-8 from s[0..n), n >= 1: returns the bytes it
 * takes (at least 1) and sets *c to its code point, or to
 * WSC_W32_ILL_FORMED for an ill-formed sequence (one U+FFFD). */
#define WSC_W32_ILL_FORMED 0xFFFFFFFFu
size_t wsc_w32_utf8_decode(const char *s, size_t n, uint32_t *c);

/* Milliseconds on CLOCK_MONOTONIC. */
uint64_t wsc_w32_now_ms(void);
/* The same, read cheaply (no time-stamp counter), a few ms coarse. */
uint64_t wsc_w32_coarse_ms(void);

/* Process heap allocation (Local/Global share it). */
void *wsc_w32_alloc(size_t n, int zero);

#endif
