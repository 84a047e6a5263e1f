/* wscompat: text as Windows code writes it: WCHAR and TCHAR, TEXT(), the
 * Microsoft names of the C library (_stricmp, _strdup, ...), errno_t and
 * the secure CRT's constants.  The library functions (sprintf_s,
 * strcpy_s, _snprintf, the wide printf family with Microsoft's %s, ...)
 * are declared from lib/win32/api.def at the end of windows.h.
 *
 * wchar_t is Linux's, 32-bit (Windows' is 16-bit): the W functions and a
 * UNICODE build's TCHAR take Linux wide strings, L"..." literals work, and
 * code that assumes two bytes per character (sizeof(WCHAR) == 2, UTF-16
 * surrogates) does not. */
#ifndef WSCOMPAT_WSC_TEXT_H
#define WSCOMPAT_WSC_TEXT_H

#include <wchar.h>
#include <strings.h>
#include <unistd.h>
#include "wscompat.h" /* WSC_API */

typedef wchar_t WCHAR;
typedef WCHAR *PWCHAR, *LPWCH, *PWCH, *LPWSTR, *PWSTR, *NWPSTR;
typedef const WCHAR *LPCWCH, *PCWCH, *LPCWSTR, *PCWSTR;
typedef char *PSTR, *NPSTR, *PCHAR, *LPCH, *PCH;
typedef const char *PCSTR, *LPCCH, *PCCH;

#ifdef UNICODE
typedef WCHAR TCHAR, *PTCHAR;
typedef WCHAR TBYTE, *PTBYTE;
typedef LPWSTR LPTSTR, PTSTR, LPTCH, PTCH;
typedef LPCWSTR LPCTSTR, PCTSTR;
#define WSC_TEXT_(s) L##s
#else
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
typedef LPSTR LPTSTR, PTSTR, LPTCH, PTCH;
typedef LPCSTR LPCTSTR, PCTSTR;
#define WSC_TEXT_(s) s
#endif
#ifndef TEXT
#define TEXT(s) WSC_TEXT_(s)
#endif
#ifndef __TEXT
#define __TEXT(s) WSC_TEXT_(s)
#endif

/* ---- the secure CRT ----------------------------------------------------- */
#ifndef _ERRCODE_DEFINED
#define _ERRCODE_DEFINED
typedef int errno_t;
#endif
#ifndef _RSIZE_T_DEFINED
#define _RSIZE_T_DEFINED
typedef size_t rsize_t;
#endif
#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
#ifndef STRUNCATE
#define STRUNCATE 80
#endif
#ifndef _CRT_SECURE_NO_WARNINGS
#define _CRT_SECURE_NO_WARNINGS 1
#endif

/* ---- Microsoft's names of C library functions --------------------------- */
#define _stricmp strcasecmp
#define _strnicmp strncasecmp
#define stricmp strcasecmp
#define strnicmp strncasecmp
#define _strcmpi strcasecmp
#define strcmpi strcasecmp
#define _wcsicmp wcscasecmp
#define _wcsnicmp wcsncasecmp
#define wcsicmp wcscasecmp
#define _strdup strdup
#define _wcsdup wcsdup
#define _fileno fileno
#define _unlink unlink
#define _close close
#define _read read
#define _write write
#define _getpid getpid
#define _strtoui64 strtoull
#define _strtoi64 strtoll
#define _wcstoui64 wcstoull
#define _wcstoi64 wcstoll
#define _atoi64 atoll
#define _wtoi(s) ((int)wcstol((s), NULL, 10))
#define _wtol(s) wcstol((s), NULL, 10)
#define _wtoi64(s) wcstoll((s), NULL, 10)
#define _wtof(s) wcstod((s), NULL)
#define _fdopen fdopen
#define _tzset tzset
#define _putenv putenv
#define _vscprintf(fmt, ap) vsnprintf(NULL, 0, (fmt), (ap))
/* <sys/stat.h>'s Microsoft names: struct _stat64 and _stat64() are
 * struct stat and stat() (64-bit sizes and times on x86-64 Linux); the
 * _S_ mode bits have the same numbers on both. */
#define _stat stat
#define _stat64 stat
#define _stati64 stat
#define _fstat fstat
#define _fstat64 fstat
#define _fstati64 fstat
#define _S_IFMT S_IFMT
#define _S_IFDIR S_IFDIR
#define _S_IFREG S_IFREG
#define _S_IFCHR S_IFCHR
#define _S_IREAD S_IRUSR
#define _S_IWRITE S_IWUSR
#define _S_IEXEC S_IXUSR

static inline char *wsc_strlwr_(char *s)
{
    char *p;
    for (p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}
static inline char *wsc_strupr_(char *s)
{
    char *p;
    for (p = s; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return s;
}
static inline wchar_t *wsc_wcslwr_(wchar_t *s)
{
    wchar_t *p;
    for (p = s; *p; p++)
        *p = (wchar_t)towlower((wint_t)*p);
    return s;
}
static inline wchar_t *wsc_wcsupr_(wchar_t *s)
{
    wchar_t *p;
    for (p = s; *p; p++)
        *p = (wchar_t)towupper((wint_t)*p);
    return s;
}
#define _strlwr wsc_strlwr_
#define _strupr wsc_strupr_
#define strlwr wsc_strlwr_
#define strupr wsc_strupr_
#define _wcslwr wsc_wcslwr_
#define _wcsupr wsc_wcsupr_

#ifdef __cplusplus
extern "C" {
#endif
/* The entry of a program that defines wmain (tchar.h's _tmain under
 * _UNICODE): converts argv and envp (setlocale(LC_CTYPE, ""), mbstowcs; a
 * byte per character where that fails) and calls it.  wsc_run_wmain is
 * the two-argument form older builds call. */
WSC_API int wsc_run_wmain(int argc, char **argv, int (*entry)(int, wchar_t **));
/* entry is called as int (*)(int, wchar_t **, wchar_t **), whatever its
 * own parameters (as the C library calls main); returns_void: it returns
 * nothing and the status is 0. */
WSC_API int wsc_run_wmain_env(int argc, char **argv, char **envp,
                              void (*entry)(void), int returns_void);
/* The same for an ANSI build's _tmain: the arguments as they are. */
WSC_API int wsc_run_tmain(int argc, char **argv, char **envp,
                          void (*entry)(void), int returns_void);
#ifdef __cplusplus
}
#endif

/* Linux has no wmain: `int wmain(int argc, wchar_t *argv[]) { ... }`
 * becomes wsc_wmain_, and a main that converts argv and calls it.  As
 * with MSVC, the entry may return void (the exit status is then 0) and
 * take (), (argc, argv) or (argc, argv, envp): the main calls it with all
 * three, as the C library calls main.  The definition's return type is
 * the declaration's (whatever came before the name), found by
 * __typeof__ in C and a trailing return type in C++. */
#if defined(__cplusplus) && __cplusplus >= 201103L
extern "C++" {
template <class R> struct wsc_entry_void_ { enum { value = 0 }; };
template <> struct wsc_entry_void_<void> { enum { value = 1 }; };
template <class R, class... A> R wsc_entry_ret_(R (*)(A...));
}
#define WSC_ENTRY_RET_(f) decltype(wsc_entry_ret_(f))
#define WSC_ENTRY_VOID_(f, ...) (wsc_entry_void_<WSC_ENTRY_RET_(f)>::value != 0)
#define WSC_ENTRY_DEF_(f, ...) auto f(__VA_ARGS__)->WSC_ENTRY_RET_(f)
#elif defined(__cplusplus) /* C++98: an int entry only */
#define WSC_ENTRY_VOID_(f, ...) 0
#define WSC_ENTRY_DEF_(f, ...) int f(__VA_ARGS__)
#else
#define WSC_ENTRY_VOID_(f, ...)                                          \
    __builtin_types_compatible_p(__typeof__(f), void(__VA_ARGS__))
#define WSC_ENTRY_DEF_(f, ...)                                           \
    __typeof__(__builtin_choose_expr(WSC_ENTRY_VOID_(f, __VA_ARGS__),     \
                                     (void)0, 0)) f(__VA_ARGS__)
#endif
/* The entry f's declaration, the main that calls it through the runner
 * run (wsc_run_wmain_env, wsc_run_tmain), and its definition's head. */
#define WSC_ENTRY_(f, run, ...)                                          \
    f(__VA_ARGS__);                                                      \
    int main(int wsc_argc_, char **wsc_argv_, char **wsc_envp_)          \
    {                                                                    \
        return run(wsc_argc_, wsc_argv_, wsc_envp_, (void (*)(void))f,   \
                   WSC_ENTRY_VOID_(f, __VA_ARGS__));                      \
    }                                                                    \
    WSC_ENTRY_DEF_(f, __VA_ARGS__)
#ifndef WSC_NO_WMAIN
#define wmain(...) WSC_ENTRY_(wsc_wmain_, wsc_run_wmain_env, __VA_ARGS__)
#endif

/* A GUI program's WinMain (wWinMain; tchar.h's _tWinMain) gets a main
 * that calls it as Windows does: the module's handle, no previous
 * instance, the command line after the program's name, SW_SHOWDEFAULT.
 * Its windows are message targets only (nothing is drawn). */
#ifdef __cplusplus
extern "C"
#endif
WSC_API int wsc_run_winmain(int argc, char **argv, void (*entry)(void),
                            int wide);
#ifndef WSC_NO_WINMAIN
#define WSC_WINMAIN_(f, wide, ...)                                       \
    f(__VA_ARGS__);                                                      \
    int main(int wsc_argc_, char **wsc_argv_)                            \
    {                                                                    \
        return wsc_run_winmain(wsc_argc_, wsc_argv_, (void (*)(void))f,  \
                               wide);                                    \
    }                                                                    \
    int f(__VA_ARGS__)
#define WinMain(...) WSC_WINMAIN_(wsc_winmain_, 0, __VA_ARGS__)
#define wWinMain(...) WSC_WINMAIN_(wsc_wwinmain_, 1, __VA_ARGS__)
#endif

/* printf and its family read formats the Microsoft way: %I64d, %I64u,
 * %Id and %Iu (64-bit, pointer-sized), %I32d, %ws and %hs.  The names
 * stay the C library's, so a format attribute or std::printf still means
 * printf: an asm label sends the calls to wscompat.  A build with
 * _FORTIFY_SOURCE calls glibc's checking functions instead, which read
 * formats as glibc does. */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>
WSC_API int wsc_printf(const char *fmt, ...);
WSC_API int wsc_fprintf(FILE *f, const char *fmt, ...);
WSC_API int wsc_vprintf(const char *fmt, va_list ap);
WSC_API int wsc_vfprintf(FILE *f, const char *fmt, va_list ap);
WSC_API int wsc_sprintf(char *buf, const char *fmt, ...);
WSC_API int wsc_vsprintf(char *buf, const char *fmt, va_list ap);
WSC_API int wsc_snprintf(char *buf, size_t n, const char *fmt, ...);
WSC_API int wsc_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
#if defined(__GNUC__) && !defined(WSC_INSIDE_LIB) && !defined(WSC_GLIBC_PRINTF)
#ifdef __cplusplus
#define WSC_CRT_NOTHROW_ __THROWNL
extern "C" {
#else
#define WSC_CRT_NOTHROW_
#endif
extern int printf(const char *__restrict, ...) __asm__("wsc_printf");
extern int fprintf(FILE *__restrict, const char *__restrict, ...)
    __asm__("wsc_fprintf");
extern int vprintf(const char *__restrict, va_list) __asm__("wsc_vprintf");
extern int vfprintf(FILE *__restrict, const char *__restrict, va_list)
    __asm__("wsc_vfprintf");
extern int sprintf(char *__restrict, const char *__restrict, ...)
    WSC_CRT_NOTHROW_ __asm__("wsc_sprintf");
extern int vsprintf(char *__restrict, const char *__restrict, va_list)
    WSC_CRT_NOTHROW_ __asm__("wsc_vsprintf");
extern int snprintf(char *__restrict, size_t, const char *__restrict, ...)
    WSC_CRT_NOTHROW_ __asm__("wsc_snprintf");
extern int vsnprintf(char *__restrict, size_t, const char *__restrict,
                     va_list) WSC_CRT_NOTHROW_ __asm__("wsc_vsnprintf");
/* The wide family too: libstdc++'s <cwchar> #undefs the macros that name
 * them (wsc_api.h), and glibc's wprintf reads %s as a narrow string and
 * makes stdout wide, which loses the narrow output after it. */
extern int (wprintf)(const wchar_t *__restrict, ...) __asm__("wsc_wprintf");
extern int (fwprintf)(FILE *__restrict, const wchar_t *__restrict, ...)
    __asm__("wsc_fwprintf");
extern int (vwprintf)(const wchar_t *__restrict, va_list)
    __asm__("wsc_vwprintf");
extern int (vfwprintf)(FILE *__restrict, const wchar_t *__restrict, va_list)
    __asm__("wsc_vfwprintf");
extern int (swprintf)(wchar_t *__restrict, size_t, const wchar_t *__restrict,
                      ...) WSC_CRT_NOTHROW_ __asm__("wsc_swprintf");
extern int (vswprintf)(wchar_t *__restrict, size_t,
                       const wchar_t *__restrict, va_list)
    WSC_CRT_NOTHROW_ __asm__("wsc_vswprintf");
#ifdef __cplusplus
}
#endif
#endif

#endif /* WSCOMPAT_WSC_TEXT_H */
