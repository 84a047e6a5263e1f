/* wscompat: <winerror.h>, Win32 error numbers and HRESULTs. */
#include "windows.h"
#include "wsc_winerror.h"
