/* wscompat: what MSVC and its headers give every Windows translation unit
 * before the first line of <windows.h> proper: the C library headers
 * Windows' headers bring in, calling conventions, __declspec, the __intN
 * types, SEH keywords as plain control flow, min/max, MAX_PATH, _countof
 * and the SAL annotations (sal.h).  Included by windows.h. */
#ifndef WSCOMPAT_WSC_MSVC_H
#define WSCOMPAT_WSC_MSVC_H

/* Windows programs call tolower, va_start, printf, malloc, wcslen, errno
 * ... with only <windows.h> or <winsock2.h> included: MSVC's headers
 * include these. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>

#include "sal.h"

/* ---- calling conventions: one convention on x86-64 Linux ---------------- */
#ifndef __cdecl
#define __cdecl
#endif
#ifndef _cdecl
#define _cdecl
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef _stdcall
#define _stdcall
#endif
#ifndef __fastcall
#define __fastcall
#endif
#ifndef _fastcall
#define _fastcall
#endif
#ifndef __thiscall
#define __thiscall
#endif
#ifndef __vectorcall
#define __vectorcall
#endif
#ifndef __clrcall
#define __clrcall
#endif
#ifndef WSAAPI
#define WSAAPI
#endif
#ifndef WINAPI
#define WINAPI
#endif
#ifndef WINAPIV
#define WINAPIV
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef PASCAL
#define PASCAL
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef __w64
#define __w64
#endif
#ifndef __ptr32
#define __ptr32
#endif
#ifndef __ptr64
#define __ptr64
#endif
#ifndef __unaligned
#define __unaligned
#endif
#ifndef UNALIGNED
#define UNALIGNED
#endif

/* ---- inline ------------------------------------------------------------- */
#ifndef __forceinline
#define __forceinline __inline__ __attribute__((__always_inline__))
#endif
#ifndef FORCEINLINE
#define FORCEINLINE __forceinline
#endif
#ifndef _inline
#define _inline __inline__
#endif
/* __inline is a GCC keyword already. */

/* ---- __declspec(x): each form Windows code writes, by name -------------- */
#ifndef __declspec
#define __declspec(x) WSC_DECLSPEC_##x
#endif
#define WSC_DECLSPEC_dllimport
#define WSC_DECLSPEC_dllexport __attribute__((__visibility__("default")))
#define WSC_DECLSPEC_noinline __attribute__((__noinline__))
#define WSC_DECLSPEC_noreturn __attribute__((__noreturn__))
#define WSC_DECLSPEC_nothrow
#define WSC_DECLSPEC_novtable
#define WSC_DECLSPEC_noalias
#define WSC_DECLSPEC_restrict
#define WSC_DECLSPEC_safebuffers
#define WSC_DECLSPEC_deprecated __attribute__((__deprecated__))
#define WSC_DECLSPEC_selectany __attribute__((__weak__))
#define WSC_DECLSPEC_thread __thread
#define WSC_DECLSPEC_naked __attribute__((__naked__))
#define WSC_DECLSPEC_align(n) __attribute__((__aligned__(n)))
#define WSC_DECLSPEC_uuid(x)
#define WSC_DECLSPEC_property(...)
#define WSC_DECLSPEC_allocator
#define WSC_DECLSPEC_empty_bases
#ifndef DECLSPEC_IMPORT
#define DECLSPEC_IMPORT
#endif
#ifndef DECLSPEC_NORETURN
#define DECLSPEC_NORETURN __attribute__((__noreturn__))
#endif
#ifndef DECLSPEC_ALIGN
#define DECLSPEC_ALIGN(n) __attribute__((__aligned__(n)))
#endif
#ifndef DECLSPEC_NOINLINE
#define DECLSPEC_NOINLINE __attribute__((__noinline__))
#endif
#ifndef DECLSPEC_SELECTANY
#define DECLSPEC_SELECTANY __attribute__((__weak__))
#endif
#ifndef DECLSPEC_NOVTABLE
#define DECLSPEC_NOVTABLE
#endif

/* ---- the __intN types (MSVC keywords) ----------------------------------- */
#ifndef __int8
#define __int8 char
#endif
#ifndef __int16
#define __int16 short
#endif
#ifndef __int32
#define __int32 int
#endif
#ifndef __int64
#define __int64 long long
#endif
#ifndef _int8
#define _int8 char
#endif
#ifndef _int16
#define _int16 short
#endif
#ifndef _int32
#define _int32 int
#endif
#ifndef _int64
#define _int64 long long
#endif

/* ---- small macros every program uses ------------------------------------ */
#ifndef UNREFERENCED_PARAMETER
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#endif
#ifndef DBG_UNREFERENCED_PARAMETER
#define DBG_UNREFERENCED_PARAMETER(p) ((void)(p))
#endif
#ifndef DBG_UNREFERENCED_LOCAL_VARIABLE
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#endif
#ifndef UNREFERENCED_LOCAL_VARIABLE
#define UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#endif
#ifndef MAX_PATH
#define MAX_PATH 260
#endif
#ifndef _MAX_PATH
#define _MAX_PATH 260
#endif
#ifndef _countof
#ifdef __cplusplus
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#else
/* A pointer in place of an array is refused, as MSVC refuses it in C++. */
#define _countof(a)                                                        \
    (sizeof(a) / sizeof((a)[0]) +                                          \
     0 * sizeof(struct { int wsc_not_an_array_ :                          \
                             1 - 2 * __builtin_types_compatible_p(         \
                                         __typeof__(a),                    \
                                         __typeof__(&(a)[0])); }))
#endif
#endif
#ifndef ARRAYSIZE
#define ARRAYSIZE(a) _countof(a)
#endif
#ifndef RTL_NUMBER_OF
#define RTL_NUMBER_OF(a) _countof(a)
#endif

/* min and max unless NOMINMAX: <windef.h>'s macros in C.  In C++ a
 * macro would break every libstdc++ header included after this one
 * (they call std::min, std::max and numeric_limits<T>::max()), so there
 * they are function templates of the same meaning: min(a, b) and
 * max(a, b) work as with the macros, mixed types included, and so do
 * (std::min)(a, b), std::max(a, b) and <algorithm> in any order. */
#ifndef NOMINMAX
#ifdef __cplusplus
#include <type_traits>
extern "C++" {
template <typename WscA, typename WscB>
inline constexpr auto min(WscA a, WscB b) ->
    typename std::decay<decltype((a < b) ? a : b)>::type
{
    return (a < b) ? a : b;
}
template <typename WscA, typename WscB>
inline constexpr auto max(WscA a, WscB b) ->
    typename std::decay<decltype((a > b) ? a : b)>::type
{
    return (a > b) ? a : b;
}
}
#else
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif
#endif

/* ---- structured exception handling as plain control flow --------------
 * __try { ... } __finally { ... }: the finally block runs after the try
 * block, whether it ends normally or by __leave; AbnormalTermination() is
 * FALSE.  __try { ... } __except (filter) { ... }: the handler never runs
 * (no exception is caught: an access violation still kills the process).
 * A return, goto or break out of the try block skips the finally block.
 * In C++ __try is try, as libstdc++ itself defines it (its headers use
 * __try/__catch, before or after this one), __leave throws a marker that
 * __finally and __except catch, and a C++ exception thrown in the try
 * block leaves it without the finally block (needs exceptions on). */
#if defined(__cplusplus) && (defined(__cpp_exceptions) || defined(__EXCEPTIONS))
struct wsc_seh_leave_ {};
#ifndef __try
#define __try try
#endif
#ifndef __leave
#define __leave throw ::wsc_seh_leave_()
#endif
#ifndef __finally
#define __finally catch (const ::wsc_seh_leave_ &) {}
#endif
#ifndef __except
#define __except(filter) catch (const ::wsc_seh_leave_ &) {} if (0 && (filter))
#endif
#elif !defined(__cplusplus)
#ifndef __try
#define __try for (int wsc_try_once_ = 1; wsc_try_once_; wsc_try_once_ = 0)
#endif
#ifndef __leave
#define __leave break
#endif
#ifndef __finally
#define __finally
#endif
#ifndef __except
#define __except(filter) if (0 && (filter))
#endif
#endif
#ifndef AbnormalTermination
#define AbnormalTermination() 0
#endif
#ifndef _abnormal_termination
#define _abnormal_termination() 0
#endif
#ifndef GetExceptionCode
#define GetExceptionCode() ((unsigned long)0)
#endif
#ifndef _exception_code
#define _exception_code() ((unsigned long)0)
#endif
#ifndef GetExceptionInformation
#define GetExceptionInformation() ((void *)0)
#endif
#ifndef EXCEPTION_EXECUTE_HANDLER
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)
#endif

#endif /* WSCOMPAT_WSC_MSVC_H */
