/* wscompat: <process.h>, the C runtime's threads: _beginthreadex,
 * _endthreadex, _beginthread and _endthread, which windows.h declares
 * (lib/win32/api.def) and the Win32 layer implements.  _beginthreadex's
 * handle is a HANDLE for WaitForSingleObject and CloseHandle;
 * _beginthread's closes itself when its thread ends, as Microsoft's does
 * (wait on it only with a handle of your own from DuplicateHandle). */
#ifndef WSCOMPAT_PROCESS_H
#define WSCOMPAT_PROCESS_H

#include "windows.h"

#endif /* WSCOMPAT_PROCESS_H */
