/* wscompat: the small part of <windows.h> that network code uses.
 * Windows sizes: DWORD, LONG, ULONG, INT are 32-bit whatever the platform. */
#ifndef WSCOMPAT_WINDOWS_H
#define WSCOMPAT_WINDOWS_H

/* The POSIX and BSD names these headers need (u_int, pthread_rwlock_t)
 * even under -std=c99 or -std=c11, which hide them: pkg-config's flags
 * say _DEFAULT_SOURCE; this covers a program whose first header is ours. */
#if !defined(_DEFAULT_SOURCE) && !defined(_GNU_SOURCE)
#define _DEFAULT_SOURCE 1
#endif

#include <stdint.h>
#include <stddef.h>
#include <string.h>
/* The target version first, as the SDK's windows.h has it: code tests
 * WINVER and _WIN32_WINNT after including windows.h or winsock2.h. */
#include "sdkddkver.h"
#include "wsc_msvc.h" /* C library headers, __cdecl, SAL, min/max, __try */

typedef uint8_t BYTE;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef int BOOL;
typedef char CHAR;
typedef unsigned char UCHAR;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef uintptr_t UINT_PTR;
typedef intptr_t INT_PTR;
typedef uintptr_t ULONG_PTR;
typedef intptr_t LONG_PTR;
typedef uintptr_t DWORD_PTR;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef void VOID;
typedef void *PVOID;
typedef void *LPVOID;
typedef const void *LPCVOID;
typedef void *HANDLE;
typedef char *LPSTR;
typedef const char *LPCSTR;
typedef DWORD *LPDWORD;
typedef DWORD *PDWORD;
typedef BOOL *LPBOOL;
typedef INT *LPINT;
typedef BYTE *LPBYTE;
typedef ULONG *PULONG;
/* basetsd.h's fixed sizes and the pointers windef.h and winnt.h name. */
typedef int8_t INT8;
typedef uint8_t UINT8;
typedef int16_t INT16;
typedef uint16_t UINT16;
typedef int32_t INT32, LONG32;
typedef uint32_t UINT32, ULONG32, DWORD32;
typedef int64_t INT64;
typedef uint64_t UINT64, DWORDLONG;
typedef INT64 *PINT64;
typedef UINT64 *PUINT64;
typedef DWORDLONG *PDWORDLONG;
typedef BYTE *PBYTE;
typedef WORD *PWORD, *LPWORD;
typedef SHORT *PSHORT;
typedef USHORT *PUSHORT;
typedef UCHAR *PUCHAR;
typedef INT *PINT;
typedef UINT *PUINT, *LPUINT;
typedef BOOL *PBOOL;
typedef LONGLONG *PLONGLONG;
typedef ULONGLONG *PULONGLONG;
typedef INT_PTR *PINT_PTR;
typedef UINT_PTR *PUINT_PTR;
typedef LONG_PTR *PLONG_PTR;
typedef DWORD_PTR *PDWORD_PTR;
typedef float FLOAT, *PFLOAT;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef WINAPI
#define WINAPI
#endif
#ifndef PASCAL
#define PASCAL
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

#define MAKEWORD(lo, hi) ((WORD)(((BYTE)(lo)) | ((WORD)((BYTE)(hi))) << 8))
#define MAKELONG(lo, hi) ((LONG)(((WORD)(lo)) | ((DWORD)((WORD)(hi))) << 16))
#define LOBYTE(w) ((BYTE)((w) & 0xff))
#define HIBYTE(w) ((BYTE)(((WORD)(w) >> 8) & 0xff))
#define LOWORD(l) ((WORD)((l) & 0xffff))
#define HIWORD(l) ((WORD)(((DWORD)(l) >> 16) & 0xffff))

#define ZeroMemory(p, n) memset((p), 0, (n))
#define SecureZeroMemory(p, n) memset((p), 0, (n))
#define CopyMemory(d, s, n) memcpy((d), (s), (n))
#define MoveMemory(d, s, n) memmove((d), (s), (n))
#define FillMemory(d, n, c) memset((d), (c), (n))

/* winnt.h: the offset of a field, and the structure holding a field at an
 * address (how IOCP code finds its context from the OVERLAPPED it got) */
#ifndef FIELD_OFFSET
#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#endif
#ifndef CONTAINING_RECORD
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((char *)(address) - offsetof(type, field)))
#endif

#define INFINITE 0xFFFFFFFFu

#include "wsc_winerror.h" /* ERROR_*, from lib/win32/errors.def */
#include "wsc_text.h" /* TCHAR, the CRT's Microsoft names, wide printf */
#include "wsc_win32.h" /* the Win32 baseline and its prototypes */
#ifdef __cplusplus
/* std::wprintf and the rest, redirected like the global names. */
namespace std {
using ::wsc_wprintf; using ::wsc_fwprintf; using ::wsc_vwprintf;
using ::wsc_vfwprintf; using ::wsc_swprintf; using ::wsc_vswprintf;
}
#endif

#endif /* WSCOMPAT_WINDOWS_H */
