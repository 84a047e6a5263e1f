/* wscompat: <time.h> as Microsoft's C library has it: the C library's own
 * (#include_next, as gnulib's replacement headers do), then the names
 * Microsoft's declares beside it (localtime_s, gmtime_s, ctime_s,
 * asctime_s; wsc_crt.h, from lib/win32/api.def; and the functions of a
 * stated width, _time64, _localtime32_s, ...: wsc_time_widths.h).  Only a program built with
 * wscompat's include directory finds this header. */
#if __GNUC__ >= 3
#pragma GCC system_header
#endif
#if defined __need_time_t || defined __need_clock_t || \
    defined __need_timespec || defined __need_timer_t || \
    defined __need_clockid_t || defined WSC_INCLUDING_TIME_H_
/* A partial or nested inclusion from inside the C library: its own only. */
#include_next <time.h>
#else
/* The guard is split: a header the C library's includes that comes back
 * here gets the C library's alone, before its types are all there. */
#define WSC_INCLUDING_TIME_H_
#include_next <time.h>
#undef WSC_INCLUDING_TIME_H_
#define WSC_CRT_TIME
#include "wsc_crt.h"
#include "wsc_crt_cxx.h" /* the array forms, in C++ */
#undef WSC_CRT_TIME
#include "wsc_time_widths.h" /* _time64, _localtime32_s, ... */
#endif
