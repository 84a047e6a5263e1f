/* NM8: GetAddrInfoExW with a completion routine (hEvent NULL):
 * WSA_IO_PENDING; the routine runs once, on a thread that is not the
 * issuer's, while the issuer waits without being alertable (Wine's
 * test_GetAddrInfoExW waits so; so does Microsoft's asynchronous sample),
 * with dwError 0, dwBytes 0, the caller's OVERLAPPED, Internal 0, Pointer
 * &result and the list in place; nothing is left queued to the issuer
 * (an alertable SleepEx after it runs no APC). */
#include "gaiex.h"

static struct {
    HANDLE done;
    DWORD issuer, error, bytes, tid;
    LPWSAOVERLAPPED ov;
    unsigned long internal;
    PVOID pointer;
    HANDLE hevent;
    char first[96];
    volatile LONG calls;
} seen;

static void CALLBACK routine(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov)
{
    const ADDRINFOEXW *r = *(PADDRINFOEXW *)ov->Pointer;
    const struct sockaddr_in *a;

    seen.error = error;
    seen.bytes = bytes;
    seen.ov = ov;
    seen.tid = GetCurrentThreadId();
    seen.internal = ct_ov_internal(ov);
    seen.pointer = ov->Pointer;
    seen.hevent = ov->hEvent;
    if (r && r != GAI_UNSET && r->ai_family == AF_INET) {
        a = (const struct sockaddr_in *)r->ai_addr;
        snprintf(seen.first, sizeof(seen.first), "AF_INET %08lx port %u",
                 (unsigned long)ntohl(a->sin_addr.s_addr), ntohs(a->sin_port));
    } else {
        snprintf(seen.first, sizeof(seen.first), "%s",
                 r == GAI_UNSET ? "unset" : r ? "other family" : "NULL");
    }
    InterlockedIncrement(&seen.calls);
    SetEvent(seen.done);
}

void sc_NM8(ct *t)
{
    ADDRINFOEXW hints, *res = GAI_UNSET;
    OVERLAPPED ov;
    int rc;

    seen.done = CreateEventA(NULL, TRUE, FALSE, NULL);
    ct_require(t, seen.done != NULL, "CreateEvent");
    seen.issuer = GetCurrentThreadId();
    ct_startup(t);
    gai_hints(&hints);
    gai_ov(&ov, NULL);
    rc = GetAddrInfoExW(L"localhost", L"443", NS_ALL, NULL, &hints, &res,
                        NULL, &ov, (LPLOOKUPSERVICE_COMPLETION_ROUTINE)routine,
                        NULL);
    gai_obs_code(t, "call", rc);
    ct_obs(t, "last_error", "%d", WSAGetLastError());
    /* Not alertable: the routine's own thread ends this wait. */
    ct_obs_wait(t, "plain_wait", WaitForSingleObject(seen.done, GAI_WAIT_MS));
    ct_obs(t, "calls", "%ld", (long)seen.calls);
    if (seen.calls) {
        ct_obs(t, "thread", "%s",
               seen.tid == seen.issuer ? "the issuer" : "another");
        ct_obs(t, "dwError", "%lu", (unsigned long)seen.error);
        ct_obs(t, "dwBytes", "%lu", (unsigned long)seen.bytes);
        ct_obs(t, "lpOverlapped", "%s", seen.ov == &ov ? "ov" : "other");
        ct_obs(t, "internal", "%lu", seen.internal);
        ct_obs(t, "pointer", "%s",
               seen.pointer == (PVOID)&res ? "&result" : "other");
        ct_obs(t, "hevent", "%s", seen.hevent ? "set" : "NULL");
        ct_obs(t, "first", "%s", seen.first);
    }
    gai_obs_code(t, "overlapped_result", GetAddrInfoExOverlappedResult(&ov));
    /* Nothing queued to the issuer: an alertable sleep runs no APC. */
    ct_obs(t, "alertable_after", "%s",
           SleepEx(0, TRUE) == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION"
                                                  : "0");
    ct_obs(t, "calls_after", "%ld", (long)seen.calls);
    if (!seen.calls) {
        /* (not Windows: give a routine queued as an APC its chance, so
         * that it does not run on after the scenario) */
        SleepEx(GAI_WAIT_MS, TRUE);
    }
    if (res != GAI_UNSET && seen.calls)
        FreeAddrInfoExW(res);
    CloseHandle(seen.done);
}
