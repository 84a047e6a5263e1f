/* EV27: WSAWaitForMultipleEvents: the lowest signalled index; wait-all
 * needs every one; WSA_WAIT_TIMEOUT; 0 or more than 64 events
 * WSA_WAIT_FAILED (WSA_INVALID_PARAMETER 87); alertable with an APC
 * queued: the APC runs and the wait returns WSA_WAIT_IO_COMPLETION. */
#include "ev.h"
#include <windows.h>

static int apcs;

static void CALLBACK apc(ULONG_PTR arg)
{
    (void)arg;
    apcs++;
}

static void wait_obs(ct *t, const char *key, DWORD n, const WSAEVENT *evs,
                     BOOL all, DWORD ms, BOOL alertable)
{
    DWORD r;

    WSASetLastError(0);
    r = WSAWaitForMultipleEvents(n, evs, all, ms, alertable);
    if (r == WSA_WAIT_FAILED)
        ct_obs(t, key, "WSA_WAIT_FAILED/%d", WSAGetLastError());
    else
        ct_obs(t, key, "%s", ev_wait_name(r));
}

void sc_EV27(ct *t)
{
    WSAEVENT evs[65];
    int i;

    ct_startup(t);
    for (i = 0; i < 3; i++)
        evs[i] = WSACreateEvent();
    wait_obs(t, "none_set", 3, evs, FALSE, 0, FALSE);
    WSASetEvent(evs[2]);
    WSASetEvent(evs[1]);
    wait_obs(t, "two_set", 3, evs, FALSE, 0, FALSE);
    wait_obs(t, "all_two_set", 3, evs, TRUE, EV_NO, FALSE);
    WSASetEvent(evs[0]);
    wait_obs(t, "all_set", 3, evs, TRUE, 0, FALSE);
    WSAResetEvent(evs[0]);
    WSAResetEvent(evs[1]);
    WSAResetEvent(evs[2]);
    wait_obs(t, "zero_events", 0, evs, FALSE, 0, FALSE);
    for (i = 3; i < 65; i++)
        evs[i] = evs[0];
    wait_obs(t, "65_events", 65, evs, FALSE, 0, FALSE);
    apcs = 0;
    ct_require(t, QueueUserAPC(apc, GetCurrentThread(), 0) != 0,
               "QueueUserAPC");
    wait_obs(t, "alertable_apc", 1, evs, FALSE, EV_YES, TRUE);
    ct_obs(t, "apcs", "%d", apcs);
    WSASetEvent(evs[0]);
    wait_obs(t, "alertable_set", 1, evs, FALSE, 0, TRUE);
    for (i = 0; i < 3; i++)
        WSACloseEvent(evs[i]);
}
