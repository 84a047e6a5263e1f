/* NM7: GetAddrInfoExW with an OVERLAPPED and its event: WSA_IO_PENDING
 * (the last error too), *ppResult cleared, Internal WSAEINPROGRESS or
 * already 0; then the event, GetAddrInfoExOverlappedResult 0, Internal 0,
 * Pointer &result, hEvent as it was, the list with 127.0.0.1.  No names
 * at all: WSAHOST_NOT_FOUND at once, the event not set; an event and a
 * routine together WSAEINVAL; a timeout with the OVERLAPPED is taken;
 * GetAddrInfoExOverlappedResult(NULL) WSAEINVAL; the ANSI form with an
 * OVERLAPPED WSAEINVAL. */
#include "gaiex.h"

static void CALLBACK never(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov)
{
    (void)error, (void)bytes, (void)ov;
}

/* Issue a lookup of 127.0.0.1 with the event, wait for its end, and
 * record it under prefix_. */
static void event_lookup(ct *t, const char *prefix, HANDLE ev,
                         struct timeval *tv)
{
    char key[48];
    ADDRINFOEXW hints, *res = GAI_UNSET;
    OVERLAPPED ov;
    unsigned long internal;
    int rc;

    gai_hints(&hints);
    gai_ov(&ov, ev);
    ResetEvent(ev);
    WSASetLastError(0);
    rc = GetAddrInfoExW(L"127.0.0.1", L"80", NS_DNS, NULL, &hints, &res, tv,
                        &ov, NULL, NULL);
    internal = ct_ov_internal(&ov);
    snprintf(key, sizeof(key), "%s_call", prefix);
    ct_obs(t, key, "%d", rc);
    snprintf(key, sizeof(key), "%s_last_error", prefix);
    ct_obs(t, key, "%d", WSAGetLastError());
    snprintf(key, sizeof(key), "%s_res_cleared", prefix);
    ct_obs(t, key, "%s", res != GAI_UNSET ? "yes" : "no");
    snprintf(key, sizeof(key), "%s_internal_at_return", prefix);
    if (internal == WSAEINPROGRESS || internal == 0)
        ct_obs(t, key, "WSAEINPROGRESS or 0");
    else
        ct_obs(t, key, "%lu", internal);
    snprintf(key, sizeof(key), "%s_wait", prefix);
    ct_obs_wait(t, key, WaitForSingleObject(ev, GAI_WAIT_MS));
    snprintf(key, sizeof(key), "%s_result", prefix);
    gai_obs_code(t, key, GetAddrInfoExOverlappedResult(&ov));
    snprintf(key, sizeof(key), "%s_internal", prefix);
    ct_obs(t, key, "%lu", ct_ov_internal(&ov));
    snprintf(key, sizeof(key), "%s_pointer", prefix);
    ct_obs(t, key, "%s", ov.Pointer == (PVOID)&res ? "&result" : "other");
    snprintf(key, sizeof(key), "%s_hevent", prefix);
    ct_obs(t, key, "%s", ov.hEvent == ev ? "unchanged" : "changed");
    snprintf(key, sizeof(key), "%s_first", prefix);
    gai_obs_first(t, key, res);
    if (res != GAI_UNSET)
        FreeAddrInfoExW(res);
}

void sc_NM7(ct *t)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    struct timeval tv = { 5, 0 };
    ADDRINFOEXW *res;
    ADDRINFOEXA *ares;
    OVERLAPPED ov;
    int rc;

    ct_require(t, ev != NULL, "CreateEvent");
    ct_startup(t);
    event_lookup(t, "event", ev, NULL);
    event_lookup(t, "timeout", ev, &tv);

    /* No names at all: the synchronous answer, nothing pending. */
    res = GAI_UNSET;
    gai_ov(&ov, ev);
    ResetEvent(ev);
    rc = GetAddrInfoExW(NULL, NULL, NS_DNS, NULL, NULL, &res, NULL, &ov,
                        NULL, NULL);
    gai_obs_code(t, "no_names", rc);
    ct_obs(t, "no_names_last_error", "%s", ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "no_names_res", "%s", res == GAI_UNSET ? "unset"
                                    : res ? "set" : "NULL");
    if (rc == WSA_IO_PENDING) /* (not Windows: let it end before ov goes) */
        WaitForSingleObject(ev, GAI_WAIT_MS);
    ct_obs_wait(t, "no_names_event", WaitForSingleObject(ev, 0));

    /* An event and a completion routine. */
    res = GAI_UNSET;
    gai_ov(&ov, ev);
    ResetEvent(ev);
    rc = GetAddrInfoExW(L"127.0.0.1", NULL, NS_DNS, NULL, NULL, &res, NULL,
                        &ov, (LPLOOKUPSERVICE_COMPLETION_ROUTINE)never, NULL);
    gai_obs_code(t, "event_and_routine", rc);
    if (rc == WSA_IO_PENDING)
        WaitForSingleObject(ev, GAI_WAIT_MS);

    gai_obs_code(t, "null_overlapped_result",
                 GetAddrInfoExOverlappedResult(NULL));

    /* The ANSI form: its OVERLAPPED is reserved. */
    ares = NULL;
    gai_ov(&ov, ev);
    rc = GetAddrInfoExA("127.0.0.1", NULL, NS_DNS, NULL, NULL, &ares, NULL,
                        &ov, NULL, NULL);
    gai_obs_code(t, "ansi_overlapped", rc);
    CloseHandle(ev);
}
