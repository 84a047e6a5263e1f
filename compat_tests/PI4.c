/* PI4: Winsock 1's pseudo-blocking functions, which Winsock 2
 * applications do not have: WSAIsBlocking FALSE, the others
 * WSAEOPNOTSUPP. */
#include "harness.h"

static INT_PTR WINAPI hook(void)
{
    return FALSE;
}

void sc_PI4(ct *t)
{
    FARPROC old;

    ct_startup(t);
    ct_obs(t, "is_blocking", "%d", (int)WSAIsBlocking());
    WSASetLastError(0);
    old = WSASetBlockingHook((FARPROC)hook);
    ct_obs(t, "set_hook", "%s %s", old ? "set" : "NULL",
           ct_wsa_name(WSAGetLastError()));
    ct_obs_rc(t, "unhook", WSAUnhookBlockingHook());
    ct_obs_rc(t, "cancel", WSACancelBlockingCall());
}
