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
/* The body of a W function that is its A form on one string: w as UTF-8
 * in u_ (ERROR_NOT_ENOUGH_MEMORY and fail when it cannot be made), then
 * call's answer. */
#define WSC_W32_VIA_UTF8(w, ret, fail, call)                               \
    do {                                                                   \
        int bad_;                                                          \
        char *u_ = wsc_w32_utf8(w, &bad_);                                 \
        ret r_;                                                            \
        if (bad_) {                                                        \
            wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);                    \
            return fail;                                                   \
        }                                                                  \
        r_ = call;                                                         \
        free(u_);                                                          \
        return r_;                                                         \
    } while (0)
/* Appends the UTF-8 of wide characters to buf[*len..cap), keeping a byte
 * for a NUL; returns the number of wide characters converted. */
size_t wsc_w32_utf8_n(const wchar_t *w, size_t n, char *buf, size_t cap,
                      size_t *len);
/* One character of UTF-8 from s[0..n), n >= 1: returns the bytes it
 * takes (at least 1) and sets *c to its code point, or to
 * WSC_W32_ILL_FORMED for an ill-formed sequence (one U+FFFD). */
#define WSC_W32_ILL_FORMED 0xFFFFFFFFu
size_t wsc_w32_utf8_decode(const char *s, size_t n, uint32_t *c);

/* file.c: a Windows path as Linux spells it, into buf (PATH_MAX bytes):
 * each '\\' a '/'; every Win32 call taking a path calls it.  NULL with the
 * last error set: a NULL path ERROR_INVALID_PARAMETER, one too long
 * ERROR_FILENAME_EXCED_RANGE. */
char *wsc_w32_path(const char *path, char *buf);
/* FALSE with the last error of a failed call on path (such a path), errno
 * as it left it: ENOENT is ERROR_PATH_NOT_FOUND when a directory on the
 * way is missing, else ERROR_FILE_NOT_FOUND. */
BOOL wsc_w32_fail_path(const char *path);
/* Windows' attributes of what stat found; a time as a FILETIME. */
struct stat;
struct timespec;
DWORD wsc_w32_attributes(const struct stat *st);
FILETIME wsc_w32_filetime(struct timespec t);

/* Milliseconds on CLOCK_MONOTONIC. */
uint64_t wsc_w32_now_ms(void);
/* The same, read cheaply (no time-stamp counter), a few ms coarse. */
uint64_t wsc_w32_coarse_ms(void);

/* Process heap allocation (Local/Global share it). */
void *wsc_w32_alloc(size_t n, int zero);

#endif
