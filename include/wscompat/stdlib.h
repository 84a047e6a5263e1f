/* wscompat: <stdlib.h> as Microsoft's C library has it: the C library's
 * own (#include_next, as gnulib's replacement headers do), then the names
 * Microsoft's declares beside it (_itoa_s, _ltoa_s, _dupenv_s, _itoa,
 * _fullpath, ...; wsc_crt.h, from lib/win32/api.def).  Only a program built
 * with wscompat's include directory finds this header. */
#if __GNUC__ >= 3
#pragma GCC system_header
#endif
#if defined __need_malloc_and_calloc || defined __need_system_stdlib_h || \
    defined WSC_INCLUDING_STDLIB_H_
/* A partial or nested inclusion from inside the C library: its own only. */
#include_next <stdlib.h>
#else
/* The guard is split: a header the C library's includes that comes back
 * here gets the C library's alone, before its types are all there. */
#define WSC_INCLUDING_STDLIB_H_
#include_next <stdlib.h>
#undef WSC_INCLUDING_STDLIB_H_
#define WSC_CRT_STDLIB
#include "wsc_crt.h"
#include "wsc_crt_cxx.h" /* the array forms, in C++ */
#undef WSC_CRT_STDLIB
#endif
