/* wscompat: <process.h>, the C runtime's threads.  _beginthreadex and
 * the rest are implemented by the Win32 layer (lib/win32); the handle
 * they return is a HANDLE for WaitForSingleObject and CloseHandle. */
#ifndef WSCOMPAT_PROCESS_H
#define WSCOMPAT_PROCESS_H

#include "windows.h"

#ifdef __cplusplus
extern "C" {
#endif
WSC_API uintptr_t
wsc__beginthreadex(void *security, unsigned stack_size,
                   unsigned(__stdcall *start)(void *), void *arg,
                   unsigned initflag, unsigned *thread_id);
WSC_API void
wsc__endthreadex(unsigned retval);
WSC_API uintptr_t
wsc__beginthread(void(__cdecl *start)(void *), unsigned stack_size,
                 void *arg);
WSC_API void
wsc__endthread(void);
#ifdef __cplusplus
}
#endif
#define _beginthreadex wsc__beginthreadex
#define _endthreadex wsc__endthreadex
#define _beginthread wsc__beginthread
#define _endthread wsc__endthread

#endif /* WSCOMPAT_PROCESS_H */
