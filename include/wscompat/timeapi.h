/* wscompat: <timeapi.h>, the multimedia timer (timeGetTime, timeBeginPeriod,
 * timeEndPeriod, timeGetDevCaps), which windows.h declares. */
#ifndef WSCOMPAT_TIMEAPI_H
#define WSCOMPAT_TIMEAPI_H
#include "windows.h"
#endif
