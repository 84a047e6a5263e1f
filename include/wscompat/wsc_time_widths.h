/* wscompat: Microsoft's time functions of a stated width (_time64,
 * _localtime64_s, _mktime32, ... and __time32_t, __time64_t), which
 * Windows code calls to be sure of time_t's size; each is the C library's
 * (or the secure CRT's) call on a time_t.  Included by wscompat's time.h
 * after wsc_crt.h. */
#ifndef WSCOMPAT_WSC_TIME_WIDTHS_H
#define WSCOMPAT_WSC_TIME_WIDTHS_H
#if __GNUC__ >= 3
#pragma GCC system_header
#endif
#if !defined(WSC_INSIDE_LIB)
#include <stdint.h>
typedef int32_t __time32_t;
typedef int64_t __time64_t;

#define WSC_TIME_WIDTH_(w)                                                 \
    static inline __time##w##_t _time##w(__time##w##_t *t)                 \
    {                                                                      \
        __time##w##_t now = (__time##w##_t)time(NULL);                     \
        if (t)                                                             \
            *t = now;                                                      \
        return now;                                                        \
    }                                                                      \
    static inline struct tm *_localtime##w(const __time##w##_t *t)         \
    {                                                                      \
        time_t v;                                                          \
        return t ? (v = (time_t)*t, localtime(&v)) : NULL;                 \
    }                                                                      \
    static inline struct tm *_gmtime##w(const __time##w##_t *t)            \
    {                                                                      \
        time_t v;                                                          \
        return t ? (v = (time_t)*t, gmtime(&v)) : NULL;                    \
    }                                                                      \
    static inline char *_ctime##w(const __time##w##_t *t)                  \
    {                                                                      \
        time_t v;                                                          \
        return t ? (v = (time_t)*t, ctime(&v)) : NULL;                     \
    }                                                                      \
    static inline __time##w##_t _mktime##w(struct tm *tm)                  \
    {                                                                      \
        return (__time##w##_t)mktime(tm);                                  \
    }                                                                      \
    static inline __time##w##_t _mkgmtime##w(struct tm *tm)                \
    {                                                                      \
        return (__time##w##_t)timegm(tm);                                  \
    }                                                                      \
    static inline double _difftime##w(__time##w##_t a, __time##w##_t b)    \
    {                                                                      \
        return difftime((time_t)a, (time_t)b);                             \
    }
WSC_TIME_WIDTH_(32)
WSC_TIME_WIDTH_(64)
#undef WSC_TIME_WIDTH_
#define _mkgmtime(tm) timegm(tm)

#if !defined(__STDC_WANT_SECURE_LIB__) || __STDC_WANT_SECURE_LIB__
/* The secure forms: EINVAL for a NULL time, as localtime_s has it. */
#define WSC_TIME_WIDTH_S_(w)                                               \
    static inline errno_t _localtime##w##_s(struct tm *r,                  \
                                            const __time##w##_t *t)        \
    {                                                                      \
        time_t v = t ? (time_t)*t : 0;                                     \
        return wsc_localtime_s(r, t ? &v : NULL);                          \
    }                                                                      \
    static inline errno_t _gmtime##w##_s(struct tm *r,                     \
                                         const __time##w##_t *t)           \
    {                                                                      \
        time_t v = t ? (time_t)*t : 0;                                     \
        return wsc_gmtime_s(r, t ? &v : NULL);                             \
    }                                                                      \
    static inline errno_t _ctime##w##_s(char *buf, size_t size,            \
                                        const __time##w##_t *t)            \
    {                                                                      \
        time_t v = t ? (time_t)*t : 0;                                     \
        return wsc_ctime_s(buf, size, t ? &v : NULL);                      \
    }
WSC_TIME_WIDTH_S_(32)
WSC_TIME_WIDTH_S_(64)
#undef WSC_TIME_WIDTH_S_
#endif
#endif
#endif /* WSCOMPAT_WSC_TIME_WIDTHS_H */
