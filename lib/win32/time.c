/* Tick counts, the performance counter, FILETIME and SYSTEMTIME, the
 * system's description. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "win32.h"

/* 100 ns intervals from 1601-01-01 to 1970-01-01. */
#define EPOCH_1601 116444736000000000ULL
/* Windows 10 and later report 10 MHz. */
#define QPC_HZ 10000000LL

static uint64_t clock_ns(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t wsc_w32_now_ms(void)
{
    return clock_ns(CLOCK_MONOTONIC) / 1000000u;
}

uint64_t wsc_w32_coarse_ms(void)
{
    return clock_ns(CLOCK_MONOTONIC_COARSE) / 1000000u;
}

DWORD wsc_GetTickCount(void)
{
    return (DWORD)wsc_w32_now_ms();
}

ULONGLONG wsc_GetTickCount64(void)
{
    return wsc_w32_now_ms();
}

/* The multimedia timer counts what GetTickCount counts; Linux's timers
 * have the resolution timeBeginPeriod asks for without asking. */
#define PERIOD_MIN 1u
#define PERIOD_MAX 1000000u

DWORD wsc_timeGetTime(void)
{
    return (DWORD)wsc_w32_now_ms();
}

static MMRESULT period_ok(UINT period)
{
    return period >= PERIOD_MIN && period <= PERIOD_MAX ? TIMERR_NOERROR
                                                        : TIMERR_NOCANDO;
}

MMRESULT wsc_timeBeginPeriod(UINT period)
{
    return period_ok(period);
}

MMRESULT wsc_timeEndPeriod(UINT period)
{
    return period_ok(period);
}

MMRESULT wsc_timeGetDevCaps(LPTIMECAPS caps, UINT size)
{
    if (!caps || size != sizeof(*caps))
        return TIMERR_NOCANDO;
    caps->wPeriodMin = PERIOD_MIN;
    caps->wPeriodMax = PERIOD_MAX;
    return TIMERR_NOERROR;
}

BOOL wsc_QueryPerformanceCounter(LARGE_INTEGER *count)
{
    if (!count)
        return wsc_w32_fail(ERROR_NOACCESS);
    count->QuadPart = (LONGLONG)(clock_ns(CLOCK_MONOTONIC) / (1000000000u / QPC_HZ));
    return TRUE;
}

BOOL wsc_QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    if (!frequency)
        return wsc_w32_fail(ERROR_NOACCESS);
    frequency->QuadPart = QPC_HZ;
    return TRUE;
}

void wsc_GetSystemTimeAsFileTime(LPFILETIME ft)
{
    uint64_t t = clock_ns(CLOCK_REALTIME) / 100u + EPOCH_1601;

    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

static void to_systemtime(const struct tm *tm, long ns, LPSYSTEMTIME st)
{
    st->wYear = (WORD)(tm->tm_year + 1900);
    st->wMonth = (WORD)(tm->tm_mon + 1);
    st->wDayOfWeek = (WORD)tm->tm_wday;
    st->wDay = (WORD)tm->tm_mday;
    st->wHour = (WORD)tm->tm_hour;
    st->wMinute = (WORD)tm->tm_min;
    st->wSecond = (WORD)tm->tm_sec;
    st->wMilliseconds = (WORD)(ns / 1000000L);
}

static void system_time(LPSYSTEMTIME st, int local)
{
    struct timespec ts;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &ts);
    if (local)
        localtime_r(&ts.tv_sec, &tm);
    else
        gmtime_r(&ts.tv_sec, &tm);
    to_systemtime(&tm, ts.tv_nsec, st);
}

void wsc_GetSystemTime(LPSYSTEMTIME st)
{
    system_time(st, 0);
}

void wsc_GetLocalTime(LPSYSTEMTIME st)
{
    system_time(st, 1);
}

static WORD architecture(void)
{
#if defined(__x86_64__)
    return PROCESSOR_ARCHITECTURE_AMD64;
#elif defined(__i386__)
    return PROCESSOR_ARCHITECTURE_INTEL;
#elif defined(__aarch64__)
    return PROCESSOR_ARCHITECTURE_ARM64;
#elif defined(__arm__)
    return PROCESSOR_ARCHITECTURE_ARM;
#else
    return PROCESSOR_ARCHITECTURE_UNKNOWN;
#endif
}

void wsc_GetSystemInfo(LPSYSTEM_INFO info)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN), page = sysconf(_SC_PAGESIZE);

    memset(info, 0, sizeof(*info));
    info->wProcessorArchitecture = architecture();
    info->dwPageSize = (DWORD)page;
    info->lpMinimumApplicationAddress = (LPVOID)(uintptr_t)0x10000;
    info->lpMaximumApplicationAddress = (LPVOID)(uintptr_t)(UINTPTR_MAX >> 17 << 16);
    info->dwNumberOfProcessors = cpus > 0 ? (DWORD)cpus : 1;
    info->dwActiveProcessorMask = info->dwNumberOfProcessors >= 8 * sizeof(DWORD_PTR)
        ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << info->dwNumberOfProcessors) - 1;
    info->dwAllocationGranularity = 65536;
}

/* *size: the buffer's capacity in, the length without the NUL out; too
 * small: ERROR_BUFFER_OVERFLOW with the capacity needed. */
static BOOL computer_name(char *name, size_t cap)
{
    if (gethostname(name, cap - 1))
        return wsc_w32_fail(wsc_w32_from_errno(errno));
    name[cap - 1] = 0;
    return TRUE;
}

BOOL wsc_GetComputerNameA(LPSTR buffer, LPDWORD size)
{
    char name[256];
    size_t n;

    if (!size || !computer_name(name, sizeof(name)))
        return size ? FALSE : wsc_w32_fail(ERROR_INVALID_PARAMETER);
    n = strlen(name);
    if (!buffer || *size < n + 1) {
        *size = (DWORD)n + 1;
        return wsc_w32_fail(ERROR_BUFFER_OVERFLOW);
    }
    memcpy(buffer, name, n + 1);
    *size = (DWORD)n;
    return TRUE;
}

BOOL wsc_GetComputerNameW(LPWSTR buffer, LPDWORD size)
{
    char name[256];
    size_t i, n;

    if (!size || !computer_name(name, sizeof(name)))
        return size ? FALSE : wsc_w32_fail(ERROR_INVALID_PARAMETER);
    n = strlen(name);
    if (!buffer || *size < n + 1) {
        *size = (DWORD)n + 1;
        return wsc_w32_fail(ERROR_BUFFER_OVERFLOW);
    }
    for (i = 0; i <= n; i++) /* host names are ASCII */
        buffer[i] = (unsigned char)name[i];
    *size = (DWORD)n;
    return TRUE;
}

/* ---- the version ------------------------------------------------------
 * What Windows 8 and later report to a program without a manifest that
 * names a later version: 6.2, build 9200, an NT workstation, no service
 * pack. */
#define VER_MAJOR 6
#define VER_MINOR 2
#define VER_BUILD 9200

DWORD wsc_GetVersion(void)
{
    return VER_MAJOR | VER_MINOR << 8 | (DWORD)VER_BUILD << 16;
}

/* A size that is neither structure's is ERROR_INSUFFICIENT_BUFFER; the
 * EX fields are written when the size is the EX structure's. */
#define DEFINE_GETVERSIONEX(S)                                               \
    BOOL wsc_GetVersionEx##S(LPOSVERSIONINFO##S info)                        \
    {                                                                        \
        OSVERSIONINFOEX##S *ex = (OSVERSIONINFOEX##S *)info;                 \
        if (!info)                                                           \
            return wsc_w32_fail(ERROR_NOACCESS);                             \
        if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFO##S) &&         \
            info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEX##S))         \
            return wsc_w32_fail(ERROR_INSUFFICIENT_BUFFER);                  \
        info->dwMajorVersion = VER_MAJOR;                                    \
        info->dwMinorVersion = VER_MINOR;                                    \
        info->dwBuildNumber = VER_BUILD;                                     \
        info->dwPlatformId = VER_PLATFORM_WIN32_NT;                          \
        memset(info->szCSDVersion, 0, sizeof(info->szCSDVersion));           \
        if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEX##S)) {       \
            ex->wServicePackMajor = ex->wServicePackMinor = 0;               \
            ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;                         \
            ex->wProductType = VER_NT_WORKSTATION;                           \
            ex->wReserved = 0;                                               \
        }                                                                    \
        return TRUE;                                                         \
    }
DEFINE_GETVERSIONEX(A)
DEFINE_GETVERSIONEX(W)

/* ---- localtime_s, gmtime_s: the Microsoft argument order -----------------
 * (struct tm *, const time_t *): 0, or EINVAL (errno too) for a NULL
 * argument or a time before 1970 or after 3000-12-31 23:59:59 UTC
 * (_MAX__TIME64_T), the fields then all -1. */
#define MAX_TIME64 32535215999LL

static errno_t tm_s(struct tm *result, const time_t *t, int local)
{
    if (!result)
        return errno = EINVAL;
    if (!t || *t < 0 || (long long)*t > MAX_TIME64 ||
        !(local ? localtime_r(t, result) : gmtime_r(t, result))) {
        memset(result, 0xff, sizeof(*result));
#ifdef __USE_MISC
        result->tm_gmtoff = 0;
        result->tm_zone = NULL;
#endif
        return errno = EINVAL;
    }
    return 0;
}

errno_t wsc_localtime_s(struct tm *result, const time_t *t)
{
    return tm_s(result, t, 1);
}

errno_t wsc_gmtime_s(struct tm *result, const time_t *t)
{
    return tm_s(result, t, 0);
}

/* ---- asctime_s, ctime_s: "Wed Jan 02 02:03:55 1980\n", 26 with the NUL --
 * Microsoft's text (the day of the month two digits, 0-padded).  A NULL
 * buffer or size 0 is EINVAL, the buffer as it was; a size under 26, a
 * NULL time or one out of range (a field out of its range, a year
 * before 1900 or after 9999; a time out of localtime_s's range) is
 * EINVAL with the buffer emptied.  errno is set to the result. */
#define ASCBUFSIZE 26

static int tm_valid(const struct tm *tm)
{
    static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y;

    if (tm->tm_year < 0 || tm->tm_year > 9999 - 1900 || tm->tm_mon < 0 ||
        tm->tm_mon > 11 || tm->tm_hour < 0 || tm->tm_hour > 23 ||
        tm->tm_min < 0 || tm->tm_min > 59 || tm->tm_sec < 0 ||
        tm->tm_sec > 59 || tm->tm_wday < 0 || tm->tm_wday > 6 ||
        tm->tm_mday < 1 || tm->tm_mday > days[tm->tm_mon])
        return 0;
    y = tm->tm_year + 1900;
    if (tm->tm_mon == 1 && tm->tm_mday == 29 &&
        !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return 0;
    return 1;
}

errno_t wsc_asctime_s(char *buf, size_t size, const struct tm *tm)
{
    static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

    if (!buf || size == 0)
        return errno = EINVAL;
    buf[0] = 0;
    if (size < ASCBUFSIZE || !tm || !tm_valid(tm))
        return errno = EINVAL;
    snprintf(buf, size, "%s %s %02d %02d:%02d:%02d %04d\n", wday[tm->tm_wday],
             mon[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min,
             tm->tm_sec, tm->tm_year + 1900);
    return 0;
}

errno_t wsc_ctime_s(char *buf, size_t size, const time_t *t)
{
    struct tm tm;

    if (!buf || size == 0)
        return errno = EINVAL;
    buf[0] = 0;
    if (size < ASCBUFSIZE || !t || tm_s(&tm, t, 1) != 0)
        return errno = EINVAL;
    return wsc_asctime_s(buf, size, &tm);
}
