/* wscompat: <winternl.h>, what network code takes from it: NTSTATUS (in
 * windows.h), NT_SUCCESS and its kin, the STATUS_ values (ntstatus.h)
 * and RtlNtStatusToDosError, the Win32 error of an NTSTATUS (the one
 * GetOverlappedResult sets), and the IO_STATUS_BLOCK an APC of
 * IcmpSendEcho2 is given.  The native API (Nt*, the PEB) is not
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

#ifndef PIO_APC_ROUTINE_DEFINED
typedef struct _IO_STATUS_BLOCK {
    __extension__ union { /* (anonymous, as Windows' compilers allow) */
        NTSTATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;
typedef VOID(NTAPI *PIO_APC_ROUTINE)(PVOID ApcContext,
                                     PIO_STATUS_BLOCK IoStatusBlock,
                                     ULONG Reserved);
#define PIO_APC_ROUTINE_DEFINED
#endif

#endif /* WSCOMPAT_WINTERNL_H */
