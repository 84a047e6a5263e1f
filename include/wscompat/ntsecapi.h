/* wscompat: <ntsecapi.h> (NTSecAPI.h), what network code takes from it:
 * NTSTATUS and LsaNtStatusToWinError (both declared by windows.h), the
 * Win32 error of an OVERLAPPED's Internal.  The LSA itself is not
 * provided. */
#ifndef WSCOMPAT_NTSECAPI_H
#define WSCOMPAT_NTSECAPI_H

#include "windows.h"

#endif /* WSCOMPAT_NTSECAPI_H */
