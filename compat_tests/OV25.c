/* OV25: WSAGetOverlappedResult with fWait TRUE waits on hEvent once, not
 * alertably: with the event set but the status still pending it returns
 * TRUE (STATUS_PENDING maps to a success, sock.c
 * test_WSAGetOverlappedResult) and a queued APC does not run. */
#include <string.h>
#include "harness_ov.h"

static int count;

static void CALLBACK apc(ULONG_PTR arg)
{
    (void)arg;
    count++;
}

void sc_OV25(ct *t)
{
    SOCKET s;
    OVERLAPPED ov;
    DWORD n = 0, fl = 0;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&ov, 0, sizeof(ov));
    ov.Internal = 0x103;
    ov.hEvent = CreateEventA(NULL, TRUE, TRUE, NULL);
    QueueUserAPC(apc, GetCurrentThread(), 0);
    if (WSAGetOverlappedResult(s, &ov, &n, TRUE, &fl))
        ct_obs(t, "wait_result", "TRUE");
    else
        ct_obs(t, "wait_result", "FALSE/%s", ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "apc_count", "%d", count);
    ct_obs_wait(t, "sleepex", SleepEx(0, TRUE));
    ct_obs(t, "apc_count_after", "%d", count);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
