/* wscompat: <wchar.h> as Microsoft's C library has it: the C library's own
 * (#include_next, as gnulib's replacement headers do), then the names
 * Microsoft's declares beside it (wcscpy_s, wcstok_s, wcsnlen_s,
 * _wfopen_s, swprintf_s, ...; wsc_crt.h, from lib/win32/api.def).  Only a
 * program built with wscompat's include directory finds this header. */
#if __GNUC__ >= 3
#pragma GCC system_header
#endif
#if defined __need_mbstate_t || defined __need_wint_t || \
    defined WSC_INCLUDING_WCHAR_H_
/* A partial or nested inclusion from inside the C library: its own only. */
#include_next <wchar.h>
#else
/* The guard is split: a header the C library's includes that comes back
 * here gets the C library's alone, before its types are all there. */
#define WSC_INCLUDING_WCHAR_H_
#include_next <wchar.h>
#undef WSC_INCLUDING_WCHAR_H_
#define WSC_CRT_WCHAR
#include "wsc_crt.h"
#include "wsc_crt_cxx.h" /* the array forms, in C++ */
#undef WSC_CRT_WCHAR
#endif
