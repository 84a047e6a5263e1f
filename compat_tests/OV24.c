/* OV24: WSAGetOverlappedResult on a handle that is not a socket (an
 * event, a bad number, a DuplicateHandle copy of a socket): FALSE,
 * WSAENOTSOCK. */
#include <string.h>
#include "harness_ov.h"

static void on(ct *t, const char *key, SOCKET s)
{
    OVERLAPPED ov;
    DWORD n = 0, fl = 0;

    memset(&ov, 0, sizeof(ov));
    WSASetLastError(0);
    if (WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl))
        ct_obs(t, key, "TRUE");
    else
        ct_obs(t, key, "FALSE/%s", ct_wsa_name(WSAGetLastError()));
}

void sc_OV24(ct *t)
{
    SOCKET s;
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), dup = NULL;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    on(t, "socket", s);
    on(t, "event", (SOCKET)ev);
    on(t, "bad_number", (SOCKET)0xdeadbeef);
    ct_obs_bool(t, "duplicate", DuplicateHandle(GetCurrentProcess(), (HANDLE)s,
                                                GetCurrentProcess(), &dup, 0,
                                                FALSE, DUPLICATE_SAME_ACCESS));
    if (dup) {
        on(t, "duplicated", (SOCKET)dup);
        CloseHandle(dup);
    }
    closesocket(s);
    CloseHandle(ev);
}
