/* wscompat: <tchar.h>, generic-text names.  With _UNICODE, _TCHAR is
 * wchar_t (Linux's, 32-bit: see wsc_text.h), _T("x") is L"x", _tprintf is
 * wprintf with Microsoft's %s (a wide string) and _tmain is wmain, which
 * windows.h turns into a main that converts argv.  Without it, the narrow
 * C library functions, and _tmain is a main (void or int, as wmain). */
#ifndef WSCOMPAT_TCHAR_H
#define WSCOMPAT_TCHAR_H

#include "windows.h"
#include <wctype.h>

#ifdef _UNICODE
typedef wchar_t _TCHAR, _TSCHAR, _TUCHAR, _TXCHAR;
typedef wint_t _TINT;
#define __T(x) L##x
#define _TEOF WEOF
#define _tmain wmain
#define _tWinMain wWinMain
#define _tenviron _wenviron
#define _targv __wargv
#define _tprintf wprintf
#define _ftprintf fwprintf
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _stprintf _swprintf
#define _sntprintf _snwprintf
#define _vsntprintf _vsnwprintf
#define _stprintf_s swprintf_s
#define _sntprintf_s _snwprintf_s
#define _vstprintf_s vswprintf_s
#define _vsntprintf_s _vsnwprintf_s
#define _tscanf wscanf
#define _ftscanf fwscanf
#define _stscanf swscanf
#define _fgetts fgetws
#define _fputts fputws
#define _putts _putws
#define _puttc putwc
#define _puttchar putwchar
#define _gettc getwc
#define _gettchar getwchar
#define _fputtc fputwc
#define _fgettc fgetwc
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcsncat wcsncat
#define _tcscpy_s wcscpy_s
#define _tcsncpy_s wcsncpy_s
#define _tcscat_s wcscat_s
#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcsclen wcslen
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcscoll wcscoll
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcspbrk wcspbrk
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcstok wcstok
#define _tcsdup _wcsdup
#define _tcslwr _wcslwr
#define _tcsupr _wcsupr
#define _tcsftime wcsftime
#define _tstoi _wtoi
#define _ttoi _wtoi
#define _tstol _wtol
#define _ttol _wtol
#define _tstoi64 _wtoi64
#define _ttoi64 _wtoi64
#define _tstof _wtof
#define _ttof _wtof
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoll wcstoll
#define _tcstoull wcstoull
#define _tcstod wcstod
#define _tcstoi64 wcstoll
#define _tcstoui64 wcstoull
#define _itot _itow
#define _totlower towlower
#define _totupper towupper
#define _istdigit iswdigit
#define _istxdigit iswxdigit
#define _istspace iswspace
#define _istalpha iswalpha
#define _istalnum iswalnum
#define _istupper iswupper
#define _istlower iswlower
#define _istpunct iswpunct
#define _istprint iswprint
#define _istcntrl iswcntrl
#define _istgraph iswgraph
#else
typedef char _TCHAR, _TSCHAR, _TXCHAR;
typedef unsigned char _TUCHAR;
typedef int _TINT;
#define __T(x) x
#define _TEOF EOF
/* _tmain is main, by way of the entry wsc_text.h makes for wmain, so
 * that a void _tmain (Visual Studio's wizard writes one) builds as C++
 * too and exits 0. */
#ifndef WSC_NO_WMAIN
#define _tmain(...) WSC_ENTRY_(wsc_tmain_, wsc_run_tmain, __VA_ARGS__)
#else
#define _tmain main
#endif
#define _tWinMain WinMain
#define _tenviron environ
#define _tprintf printf
#define _ftprintf fprintf
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _stprintf sprintf
#define _sntprintf _snprintf
#define _vsntprintf _vsnprintf
#define _stprintf_s sprintf_s
#define _sntprintf_s _snprintf_s
#define _vstprintf_s vsprintf_s
#define _vsntprintf_s _vsnprintf_s
#define _tscanf scanf
#define _ftscanf fscanf
#define _stscanf sscanf
#define _fgetts fgets
#define _fputts fputs
#define _putts puts
#define _puttc putc
#define _puttchar putchar
#define _gettc getc
#define _gettchar getchar
#define _fputtc fputc
#define _fgettc fgetc
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscpy_s strcpy_s
#define _tcsncpy_s strncpy_s
#define _tcscat_s strcat_s
#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcsclen strlen
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp _stricmp
#define _tcsnicmp _strnicmp
#define _tcscoll strcoll
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcspbrk strpbrk
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcstok strtok
#define _tcsdup _strdup
#define _tcslwr _strlwr
#define _tcsupr _strupr
#define _tcsftime strftime
#define _tstoi atoi
#define _ttoi atoi
#define _tstol atol
#define _ttol atol
#define _tstoi64 _atoi64
#define _ttoi64 _atoi64
#define _tstof atof
#define _ttof atof
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoll strtoll
#define _tcstoull strtoull
#define _tcstod strtod
#define _tcstoi64 strtoll
#define _tcstoui64 strtoull
#define _itot _itoa
#define _totlower tolower
#define _totupper toupper
#define _istdigit isdigit
#define _istxdigit isxdigit
#define _istspace isspace
#define _istalpha isalpha
#define _istalnum isalnum
#define _istupper isupper
#define _istlower islower
#define _istpunct ispunct
#define _istprint isprint
#define _istcntrl iscntrl
#define _istgraph isgraph
#define _tgetenv getenv
#define _tfopen fopen
#endif
#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* WSCOMPAT_TCHAR_H */
