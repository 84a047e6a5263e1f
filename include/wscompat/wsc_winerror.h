/* wscompat: Win32 error numbers and HRESULTs (<winerror.h>).
 * PLACEHOLDER of the header branch: the few values its headers use.  The
 * Win32 runtime (lib/win32/) owns this file; its version replaces this one
 * at the merge. */
#ifndef WSCOMPAT_WSC_WINERROR_H
#define WSCOMPAT_WSC_WINERROR_H

#ifndef NO_ERROR
#define NO_ERROR 0L
#endif
#define ERROR_SUCCESS 0L
#define ERROR_NOT_ENOUGH_MEMORY 8L
#define ERROR_INVALID_PARAMETER 87L
#define ERROR_INSUFFICIENT_BUFFER 122L

typedef int32_t HRESULT;
#define S_OK ((HRESULT)0L)
#define S_FALSE ((HRESULT)1L)
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define E_INVALIDARG ((HRESULT)0x80070057L)
#define E_OUTOFMEMORY ((HRESULT)0x8007000EL)
#define HRESULT_FROM_WIN32(x)                                            \
    ((HRESULT)(x) <= 0 ? ((HRESULT)(x))                                  \
                       : ((HRESULT)(((x) & 0x0000FFFF) | (7 << 16) | 0x80000000)))

#endif
