/* wscompat: a pointer to an unsigned long or a long where Windows takes a
 * pointer to a 32-bit DWORD, ULONG, u_long or LONG.  Windows code passes
 * either (the same type there); here unsigned long and long are 64-bit.
 * Such an argument goes through a 32-bit copy that is written back, zero-
 * or sign-extended, when the call returns (every such parameter is
 * written, if at all, before the call returns, overlapped calls included).
 * wsc_api.h's generated wrappers use these; in C, WSC_U32ARG_ picks by
 * _Generic, in C++ a wsc_u32p_ parameter converts from either pointer. */
#ifndef WSCOMPAT_WSC_PTR32_H
#define WSCOMPAT_WSC_PTR32_H

typedef struct {
    unsigned long *wide;
    DWORD *narrow;
} wsc_u32arg_;
typedef struct {
    long *wide;
    LONG *narrow;
} wsc_s32arg_;

static inline DWORD *wsc_u32_at_(const wsc_u32arg_ *a, DWORD *copy)
{
    if (!a->wide)
        return a->narrow;
    *copy = (DWORD)*a->wide;
    return copy;
}
static inline void wsc_u32_back_(const wsc_u32arg_ *a, const DWORD *copy)
{
    if (a->wide)
        *a->wide = *copy;
}
static inline LONG *wsc_s32_at_(const wsc_s32arg_ *a, LONG *copy)
{
    if (!a->wide)
        return a->narrow;
    *copy = (LONG)*a->wide;
    return copy;
}
static inline void wsc_s32_back_(const wsc_s32arg_ *a, const LONG *copy)
{
    if (a->wide)
        *a->wide = *copy;
}

#ifdef __cplusplus
/* The pointer forms are a template, so that 0, NULL and nullptr, which
 * convert to any pointer, take the nullptr_t form alone; another pointer
 * type is an error, as on Windows.  (windows.h includes this inside its
 * extern "C".) */
extern "C++" {
static inline void wsc_u32p_set_(wsc_u32arg_ &a, DWORD *p) { a.wide = 0; a.narrow = p; }
static inline void wsc_u32p_set_(wsc_u32arg_ &a, unsigned long *p) { a.wide = p; a.narrow = 0; }
static inline void wsc_s32p_set_(wsc_s32arg_ &a, LONG *p) { a.wide = 0; a.narrow = p; }
static inline void wsc_s32p_set_(wsc_s32arg_ &a, long *p) { a.wide = p; a.narrow = 0; }
struct wsc_u32p_ {
    wsc_u32arg_ a;
    template <class T> wsc_u32p_(T *p) { wsc_u32p_set_(a, p); }
    wsc_u32p_(decltype(nullptr)) { a.wide = 0; a.narrow = 0; }
};
struct wsc_s32p_ {
    wsc_s32arg_ a;
    template <class T> wsc_s32p_(T *p) { wsc_s32p_set_(a, p); }
    wsc_s32p_(decltype(nullptr)) { a.wide = 0; a.narrow = 0; }
};
}
#else
/* Each _Generic evaluates the argument in one branch only. */
#define WSC_U32ARG_(p)                                                       \
    (__extension__(wsc_u32arg_){                                             \
        __extension__ _Generic((p), unsigned long *: (unsigned long *)(p),   \
                               default: (unsigned long *)0),                 \
        __extension__ _Generic((p), unsigned long *: (DWORD *)0,             \
                               default: (p))})
#define WSC_S32ARG_(p)                                                       \
    (__extension__(wsc_s32arg_){                                             \
        __extension__ _Generic((p), long *: (long *)(p),                     \
                               default: (long *)0),                          \
        __extension__ _Generic((p), long *: (LONG *)0, default: (p))})
#endif

#endif /* WSCOMPAT_WSC_PTR32_H */
