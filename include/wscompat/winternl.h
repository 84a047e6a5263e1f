/* wscompat: <winternl.h>, what network code takes from it: NTSTATUS (in
 * windows.h), NT_SUCCESS and its kin, the STATUS_ values (ntstatus.h)
 * and RtlNtStatusToDosError, the Win32 error of an NTSTATUS (the one
 * GetOverlappedResult sets).  The native API (Nt*, the PEB) is not
 * provided. */
#ifndef WSCOMPAT_WINTERNL_H
#define WSCOMPAT_WINTERNL_H

#include "windows.h"
#include "ntstatus.h"

#ifndef NT_SUCCESS
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#endif
#ifndef NT_INFORMATION
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#endif
#ifndef NT_WARNING
#define NT_WARNING(Status) ((((ULONG)(Status)) >> 30) == 2)
#endif
#ifndef NT_ERROR
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)
#endif

#endif /* WSCOMPAT_WINTERNL_H */
