/* wscompat: <mmsystem.h>, the multimedia timer (timeGetTime, timeBeginPeriod,
 * timeEndPeriod, timeGetDevCaps), which windows.h declares. */
#ifndef WSCOMPAT_MMSYSTEM_H
#define WSCOMPAT_MMSYSTEM_H
#include "windows.h"
#endif
