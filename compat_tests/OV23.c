/* OV23: GetOverlappedResult gives the Win32 codes of the same statuses
 * (RtlNtStatusToDosError): ERROR_NETNAME_DELETED 64 for a reset,
 * ERROR_CONNECTION_ABORTED 1236, ERROR_CONNECTION_REFUSED 1225,
 * ERROR_INSUFFICIENT_BUFFER 122, ERROR_OPERATION_ABORTED 995, and
 * ERROR_IO_INCOMPLETE 996 while pending. */
#include <string.h>
#include "harness_ov.h"

static void status(ct *t, SOCKET s, const char *key, DWORD st)
{
    OVERLAPPED ov;
    DWORD n = 0xdeadbeef;

    memset(&ov, 0, sizeof(ov));
    ov.Internal = st;
    ov.InternalHigh = 3;
    SetLastError(0xdead);
    ct_obs_bool(t, key, GetOverlappedResult((HANDLE)s, &ov, &n, FALSE));
}

void sc_OV23(ct *t)
{
    SOCKET s;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    status(t, s, "pending", 0x103);
    status(t, s, "success", 0);
    status(t, s, "connection_reset", 0xC000020D);
    status(t, s, "connection_aborted", 0xC0000241);
    status(t, s, "connection_refused", 0xC0000236);
    status(t, s, "buffer_too_small", 0xC0000023);
    status(t, s, "cancelled", 0xC0000120);
    closesocket(s);
}
