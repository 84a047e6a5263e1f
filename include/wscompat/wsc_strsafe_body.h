/* wscompat: the body of <strsafe.h>, once for each character type:
 * strsafe.h includes it with WSC_SS_CH char (the A functions) and again
 * with wchar_t (the W functions). */
#define WSC_SS_PASTE(a, b) a##b
#define WSC_SS_PASTE2(a, b) WSC_SS_PASTE(a, b)
#define WSC_SS(name) WSC_SS_PASTE2(name, WSC_SS_SFX)

STRSAFEAPI WSC_SS(wsc_ss_copy_)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s, size_t n)
{
    size_t i;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    if (!s)
        s = WSC_SS_EMPTY;
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
STRSAFEAPI WSC_SS(wsc_ss_len_)(const WSC_SS_CH *s, size_t cch, size_t *len)
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
STRSAFEAPI WSC_SS(wsc_ss_cat_)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s, size_t n)
{
    size_t at;
    if (cch == 0 || cch > STRSAFE_MAX_CCH ||
        FAILED(WSC_SS(wsc_ss_len_)(d, cch, &at)))
        return STRSAFE_E_INVALID_PARAMETER;
    return WSC_SS(wsc_ss_copy_)(d + at, cch - at, s, n);
}
STRSAFEAPI WSC_SS(wsc_ss_vprintf_)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *fmt, va_list ap)
{
    int n;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    n = WSC_SS_VSNPRINTF(d, cch - 1, fmt, ap);
    d[cch - 1] = 0;
    if (n < 0 || (size_t)n > cch - 1)
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    if ((size_t)n < cch - 1)
        d[n] = 0;
    return S_OK;
}
STRSAFEAPI WSC_SS(StringCchCopy)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s)
{
    return WSC_SS(wsc_ss_copy_)(d, cch, s, (size_t)-1);
}
STRSAFEAPI WSC_SS(StringCbCopy)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *s)
{
    return WSC_SS(wsc_ss_copy_)(d, cb / sizeof(WSC_SS_CH), s, (size_t)-1);
}
STRSAFEAPI WSC_SS(StringCchCopyN)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH) {
        if (cch && cch <= STRSAFE_MAX_CCH)
            d[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return WSC_SS(wsc_ss_copy_)(d, cch, s, n);
}
STRSAFEAPI WSC_SS(StringCbCopyN)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *s, size_t cbn)
{
    return WSC_SS(StringCchCopyN)(d, cb / sizeof(WSC_SS_CH), s, cbn / sizeof(WSC_SS_CH));
}
STRSAFEAPI WSC_SS(StringCchCat)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s)
{
    return WSC_SS(wsc_ss_cat_)(d, cch, s, (size_t)-1);
}
STRSAFEAPI WSC_SS(StringCbCat)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *s)
{
    return WSC_SS(wsc_ss_cat_)(d, cb / sizeof(WSC_SS_CH), s, (size_t)-1);
}
STRSAFEAPI WSC_SS(StringCchCatN)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *s, size_t n)
{
    if (n > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    return WSC_SS(wsc_ss_cat_)(d, cch, s, n);
}
STRSAFEAPI WSC_SS(StringCbCatN)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *s, size_t cbn)
{
    return WSC_SS(StringCchCatN)(d, cb / sizeof(WSC_SS_CH), s, cbn / sizeof(WSC_SS_CH));
}
STRSAFEAPI WSC_SS(StringCchLength)(const WSC_SS_CH *s, size_t cch, size_t *len)
{
    return WSC_SS(wsc_ss_len_)(s, cch, len);
}
STRSAFEAPI WSC_SS(StringCbLength)(const WSC_SS_CH *s, size_t cb, size_t *lenb)
{
    size_t n;
    HRESULT hr = WSC_SS(wsc_ss_len_)(s, cb / sizeof(WSC_SS_CH), &n);
    if (lenb)
        *lenb = SUCCEEDED(hr) ? n * sizeof(WSC_SS_CH) : 0;
    return hr;
}
STRSAFEAPI WSC_SS(StringCchVPrintf)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *fmt, va_list ap)
{
    return WSC_SS(wsc_ss_vprintf_)(d, cch, fmt, ap);
}
STRSAFEAPI WSC_SS(StringCbVPrintf)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *fmt, va_list ap)
{
    return WSC_SS(wsc_ss_vprintf_)(d, cb / sizeof(WSC_SS_CH), fmt, ap);
}
STRSAFEAPI WSC_SS(StringCchPrintf)(WSC_SS_CH *d, size_t cch, const WSC_SS_CH *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = WSC_SS(wsc_ss_vprintf_)(d, cch, fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI WSC_SS(StringCbPrintf)(WSC_SS_CH *d, size_t cb, const WSC_SS_CH *fmt, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, fmt);
    hr = WSC_SS(wsc_ss_vprintf_)(d, cb / sizeof(WSC_SS_CH), fmt, ap);
    va_end(ap);
    return hr;
}
STRSAFEAPI WSC_SS(StringCchGets)(WSC_SS_CH *d, size_t cch)
{
    size_t i = 0;
    WSC_SS_INT c = 0;
    if (cch == 0 || cch > STRSAFE_MAX_CCH)
        return STRSAFE_E_INVALID_PARAMETER;
    while (i < cch - 1 && (c = WSC_SS_GETC(stdin)) != WSC_SS_EOF && c != '\n')
        d[i++] = (WSC_SS_CH)c;
    d[i] = 0;
    if (i == 0 && c == WSC_SS_EOF)
        return STRSAFE_E_END_OF_FILE;
    return i == cch - 1 ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}
STRSAFEAPI WSC_SS(StringCbGets)(WSC_SS_CH *d, size_t cb)
{
    return WSC_SS(StringCchGets)(d, cb / sizeof(WSC_SS_CH));
}

#undef WSC_SS
#undef WSC_SS_PASTE2
#undef WSC_SS_PASTE
