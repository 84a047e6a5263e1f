/* wscompat: <strsafe.h>, Microsoft's bounded string functions, inline.
 * As Microsoft documents them: the destination is always NUL-terminated
 * (when its size is not 0); output that does not fit is cut and
 * STRSAFE_E_INSUFFICIENT_BUFFER returned with the cut result; a size of 0
 * or above STRSAFE_MAX_CCH is STRSAFE_E_INVALID_PARAMETER.  The A
 * functions take char, the W functions wchar_t (Linux's, 32-bit); the
 * names without a suffix follow UNICODE.  The Printf functions read the
 * format the Microsoft way (%s in a W format is a wide string). */
#ifndef WSCOMPAT_STRSAFE_H
#define WSCOMPAT_STRSAFE_H

#include "windows.h"

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)
#ifndef STRSAFEAPI
#define STRSAFEAPI static inline HRESULT
#endif
typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef wchar_t *STRSAFE_LPWSTR;
typedef const wchar_t *STRSAFE_LPCWSTR;

/* ---- CH: char ---- */
STRSAFEAPI wsc_ss_copy_A(char *d, size_t cch, const char *s, size_t n)
{
    size_t i;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    if (!s)
        s = "";
    for (i = 0; i < n && s[i]; i++) {
        if (i == cch - 1) {
            d[i] = 0;
            return STRSAFE_E_INSUFFICIENT_BUFFER;
        }
        d[i] = s[i];
    }
    d[i] = 0;
    return S_OK;
}
STRSAFEAPI wsc_ss_len_A(const char *s, size_t cch, size_t *len)
{
    size_t i = 0;
    if (s && cch <= STRSAFE_MAX_CCH)
        for (; i < cch; i++)
            if (!s[i]) {
                if (len)
                    *len = i;
                return S_OK;
            }
    if (len)
        *len = 0;
    return STRSAFE_E_INVALID_PARAMETER;
}
STRSAFEAPI wsc_ss_cat_A(char *d, size_t cch, const char *s, size_t n)
{
    size_t at;
    if (cch == 0 || cch > STRSAFE_MAX_CCH ||
        FAILED(wsc_ss_len_A(d, cch, &at)))
        return STRSAFE_E_INVALID_PARAMETER;
    return wsc_ss_copy_A(d + at, cch - at, s, n);
}
STRSAFEAPI wsc_ss_vprintf_A(char *d, size_t cch, const char *fmt, va_list ap)
{
    int n;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    n = wsc__vsnprintf(d, cch - 1, fmt, ap);
    d[cch - 1] = 0;
    if (n < 0 || (size_t)n > cch - 1)
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    if ((size_t)n < cch - 1)
        d[n] = 0;
    return S_OK;
}
STRSAFEAPI StringCchCopyA(char *d, size_t cch, const char *s)
{
    return wsc_ss_copy_A(d, cch, s, (size_t)-1);
}
STRSAFEAPI StringCbCopyA(char *d, size_t cb, const char *s)
{
    return wsc_ss_copy_A(d, cb / sizeof(char), s, (size_t)-1);
}
STRSAFEAPI StringCchCopyNA(char *d, size_t cch, const char *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH) {
        if (cch && cch <= STRSAFE_MAX_CCH)
            d[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return wsc_ss_copy_A(d, cch, s, n);
}
STRSAFEAPI StringCbCopyNA(char *d, size_t cb, const char *s, size_t cbn)
{
    return StringCchCopyNA(d, cb / sizeof(char), s, cbn / sizeof(char));
}
STRSAFEAPI StringCchCatA(char *d, size_t cch, const char *s)
{
    return wsc_ss_cat_A(d, cch, s, (size_t)-1);
}
STRSAFEAPI StringCbCatA(char *d, size_t cb, const char *s)
{
    return wsc_ss_cat_A(d, cb / sizeof(char), s, (size_t)-1);
}
STRSAFEAPI StringCchCatNA(char *d, size_t cch, const char *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    return wsc_ss_cat_A(d, cch, s, n);
}
STRSAFEAPI StringCbCatNA(char *d, size_t cb, const char *s, size_t cbn)
{
    return StringCchCatNA(d, cb / sizeof(char), s, cbn / sizeof(char));
}
STRSAFEAPI StringCchLengthA(const char *s, size_t cch, size_t *len)
{
    return wsc_ss_len_A(s, cch, len);
}
STRSAFEAPI StringCbLengthA(const char *s, size_t cb, size_t *lenb)
{
    size_t n;
    HRESULT hr = wsc_ss_len_A(s, cb / sizeof(char), &n);
    if (lenb)
        *lenb = SUCCEEDED(hr) ? n * sizeof(char) : 0;
    return hr;
}
STRSAFEAPI StringCchVPrintfA(char *d, size_t cch, const char *fmt, va_list ap)
{
    return wsc_ss_vprintf_A(d, cch, fmt, ap);
}
STRSAFEAPI StringCbVPrintfA(char *d, size_t cb, const char *fmt, va_list ap)
{
    return wsc_ss_vprintf_A(d, cb / sizeof(char), fmt, ap);
}
STRSAFEAPI StringCchPrintfA(char *d, size_t cch, const char *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = wsc_ss_vprintf_A(d, cch, fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI StringCbPrintfA(char *d, size_t cb, const char *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = wsc_ss_vprintf_A(d, cb / sizeof(char), fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI StringCchGetsA(char *d, size_t cch)
{
    size_t i = 0;
    int c = 0;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    while (i < cch - 1 && (c = getc(stdin)) != EOF && c != '\n')
        d[i++] = (char)c;
    d[i] = 0;
    if (i == 0 && c == EOF)
        return STRSAFE_E_END_OF_FILE;
    return i == cch - 1 ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}
STRSAFEAPI StringCbGetsA(char *d, size_t cb)
{
    return StringCchGetsA(d, cb / sizeof(char));
}

/* ---- CH: wchar_t ---- */
STRSAFEAPI wsc_ss_copy_W(wchar_t *d, size_t cch, const wchar_t *s, size_t n)
{
    size_t i;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    if (!s)
        s = L"";
    for (i = 0; i < n && s[i]; i++) {
        if (i == cch - 1) {
            d[i] = 0;
            return STRSAFE_E_INSUFFICIENT_BUFFER;
        }
        d[i] = s[i];
    }
    d[i] = 0;
    return S_OK;
}
STRSAFEAPI wsc_ss_len_W(const wchar_t *s, size_t cch, size_t *len)
{
    size_t i = 0;
    if (s && cch <= STRSAFE_MAX_CCH)
        for (; i < cch; i++)
            if (!s[i]) {
                if (len)
                    *len = i;
                return S_OK;
            }
    if (len)
        *len = 0;
    return STRSAFE_E_INVALID_PARAMETER;
}
STRSAFEAPI wsc_ss_cat_W(wchar_t *d, size_t cch, const wchar_t *s, size_t n)
{
    size_t at;
    if (cch == 0 || cch > STRSAFE_MAX_CCH ||
        FAILED(wsc_ss_len_W(d, cch, &at)))
        return STRSAFE_E_INVALID_PARAMETER;
    return wsc_ss_copy_W(d + at, cch - at, s, n);
}
STRSAFEAPI wsc_ss_vprintf_W(wchar_t *d, size_t cch, const wchar_t *fmt, va_list ap)
{
    int n;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    n = wsc__vsnwprintf(d, cch - 1, fmt, ap);
    d[cch - 1] = 0;
    if (n < 0 || (size_t)n > cch - 1)
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    if ((size_t)n < cch - 1)
        d[n] = 0;
    return S_OK;
}
STRSAFEAPI StringCchCopyW(wchar_t *d, size_t cch, const wchar_t *s)
{
    return wsc_ss_copy_W(d, cch, s, (size_t)-1);
}
STRSAFEAPI StringCbCopyW(wchar_t *d, size_t cb, const wchar_t *s)
{
    return wsc_ss_copy_W(d, cb / sizeof(wchar_t), s, (size_t)-1);
}
STRSAFEAPI StringCchCopyNW(wchar_t *d, size_t cch, const wchar_t *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH) {
        if (cch && cch <= STRSAFE_MAX_CCH)
            d[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return wsc_ss_copy_W(d, cch, s, n);
}
STRSAFEAPI StringCbCopyNW(wchar_t *d, size_t cb, const wchar_t *s, size_t cbn)
{
    return StringCchCopyNW(d, cb / sizeof(wchar_t), s, cbn / sizeof(wchar_t));
}
STRSAFEAPI StringCchCatW(wchar_t *d, size_t cch, const wchar_t *s)
{
    return wsc_ss_cat_W(d, cch, s, (size_t)-1);
}
STRSAFEAPI StringCbCatW(wchar_t *d, size_t cb, const wchar_t *s)
{
    return wsc_ss_cat_W(d, cb / sizeof(wchar_t), s, (size_t)-1);
}
STRSAFEAPI StringCchCatNW(wchar_t *d, size_t cch, const wchar_t *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    return wsc_ss_cat_W(d, cch, s, n);
}
STRSAFEAPI StringCbCatNW(wchar_t *d, size_t cb, const wchar_t *s, size_t cbn)
{
    return StringCchCatNW(d, cb / sizeof(wchar_t), s, cbn / sizeof(wchar_t));
}
STRSAFEAPI StringCchLengthW(const wchar_t *s, size_t cch, size_t *len)
{
    return wsc_ss_len_W(s, cch, len);
}
STRSAFEAPI StringCbLengthW(const wchar_t *s, size_t cb, size_t *lenb)
{
    size_t n;
    HRESULT hr = wsc_ss_len_W(s, cb / sizeof(wchar_t), &n);
    if (lenb)
        *lenb = SUCCEEDED(hr) ? n * sizeof(wchar_t) : 0;
    return hr;
}
STRSAFEAPI StringCchVPrintfW(wchar_t *d, size_t cch, const wchar_t *fmt, va_list ap)
{
    return wsc_ss_vprintf_W(d, cch, fmt, ap);
}
STRSAFEAPI StringCbVPrintfW(wchar_t *d, size_t cb, const wchar_t *fmt, va_list ap)
{
    return wsc_ss_vprintf_W(d, cb / sizeof(wchar_t), fmt, ap);
}
STRSAFEAPI StringCchPrintfW(wchar_t *d, size_t cch, const wchar_t *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = wsc_ss_vprintf_W(d, cch, fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI StringCbPrintfW(wchar_t *d, size_t cb, const wchar_t *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = wsc_ss_vprintf_W(d, cb / sizeof(wchar_t), fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI StringCchGetsW(wchar_t *d, size_t cch)
{
    size_t i = 0;
    wint_t c = 0;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    while (i < cch - 1 && (c = getwc(stdin)) != WEOF && c != '\n')
        d[i++] = (wchar_t)c;
    d[i] = 0;
    if (i == 0 && c == WEOF)
        return STRSAFE_E_END_OF_FILE;
    return i == cch - 1 ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}
STRSAFEAPI StringCbGetsW(wchar_t *d, size_t cb)
{
    return StringCchGetsW(d, cb / sizeof(wchar_t));
}

/* The names without a suffix, by UNICODE. */
#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCbCopy StringCbCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCbCopyN StringCbCopyNW
#define StringCchCat StringCchCatW
#define StringCbCat StringCbCatW
#define StringCchCatN StringCchCatNW
#define StringCbCatN StringCbCatNW
#define StringCchLength StringCchLengthW
#define StringCbLength StringCbLengthW
#define StringCchVPrintf StringCchVPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCchPrintf StringCchPrintfW
#define StringCbPrintf StringCbPrintfW
#define StringCchGets StringCchGetsW
#define StringCbGets StringCbGetsW
#else
#define StringCchCopy StringCchCopyA
#define StringCbCopy StringCbCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCbCopyN StringCbCopyNA
#define StringCchCat StringCchCatA
#define StringCbCat StringCbCatA
#define StringCchCatN StringCchCatNA
#define StringCbCatN StringCbCatNA
#define StringCchLength StringCchLengthA
#define StringCbLength StringCbLengthA
#define StringCchVPrintf StringCchVPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCchPrintf StringCchPrintfA
#define StringCbPrintf StringCbPrintfA
#define StringCchGets StringCchGetsA
#define StringCbGets StringCbGetsA
#endif

#endif /* WSCOMPAT_STRSAFE_H */
