/* Harness helpers for the overlapped I/O and completion port scenarios
 * (OV, CP): Win32 results, waits, OVERLAPPED state, completion packets.
 * Header-only so that the POSIX-port build, which has no windows.h, does
 * not compile them. */
#ifndef CT_HARNESS_OV_H
#define CT_HARNESS_OV_H

#include <stdio.h>
#include <string.h>
#include "harness.h" /* winsock2.h first, as mingw-w64 asks */
#include <windows.h>
#include <mswsock.h>


static inline void ct_obs_bool(ct *t, const char *key, BOOL ok)
{
    if (ok)
        ct_obs(t, key, "TRUE");
    else
        ct_obs(t, key, "FALSE/%lu", (unsigned long)GetLastError());
}

static inline void ct_obs_wait(ct *t, const char *key, DWORD r)
{
    if (r == WAIT_OBJECT_0)
        ct_obs(t, key, "WAIT_OBJECT_0");
    else if (r == WAIT_TIMEOUT)
        ct_obs(t, key, "WAIT_TIMEOUT");
    else if (r == WAIT_IO_COMPLETION)
        ct_obs(t, key, "WAIT_IO_COMPLETION");
    else if (r == WAIT_FAILED)
        ct_obs(t, key, "WAIT_FAILED/%lu", (unsigned long)GetLastError());
    else
        ct_obs(t, key, "%lu", (unsigned long)r);
}

/* An OVERLAPPED's fields while the system may still be writing them (a
 * pending operation): read as the completing thread publishes them. */
static inline unsigned long ct_ov_internal(const OVERLAPPED *ov)
{
    return (unsigned long)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE);
}

static inline unsigned long ct_ov_internal_high(const OVERLAPPED *ov)
{
    return (unsigned long)__atomic_load_n(&ov->InternalHigh, __ATOMIC_ACQUIRE);
}

static inline void ct_obs_ov(ct *t, const char *key, const OVERLAPPED *ov)
{
    ct_obs(t, key, "Internal 0x%lx InternalHigh %lu", ct_ov_internal(ov),
           ct_ov_internal_high(ov));
}

#define CT_SENTINEL 0xdeadbeefu
static inline OVERLAPPED *ct_obs_packet(ct *t, const char *key, HANDLE port, DWORD ms,
                          const OVERLAPPED *mine)
{
    DWORD bytes = CT_SENTINEL;
    ULONG_PTR k = CT_SENTINEL;
    OVERLAPPED *got = (OVERLAPPED *)(ULONG_PTR)CT_SENTINEL;
    char b[16] = "-", kb[24] = "-", res[24] = "TRUE";
    BOOL ok;

    SetLastError(CT_SENTINEL);
    ok = GetQueuedCompletionStatus(port, &bytes, &k, &got, ms);
    if (!ok)
        snprintf(res, sizeof(res), "FALSE/%lu", (unsigned long)GetLastError());
    else if (GetLastError() != CT_SENTINEL)
        snprintf(res, sizeof(res), "TRUE/%lu", (unsigned long)GetLastError());
    if (bytes != CT_SENTINEL)
        snprintf(b, sizeof(b), "%lu", (unsigned long)bytes);
    if (k != CT_SENTINEL)
        snprintf(kb, sizeof(kb), "%lu", (unsigned long)k);
    ct_obs(t, key, "%s bytes %s key %s ov %s", res, b, kb,
           got == (OVERLAPPED *)(ULONG_PTR)CT_SENTINEL ? "-"
           : !got ? "NULL" : got == mine ? "ov" : "other");
    return got == (OVERLAPPED *)(ULONG_PTR)CT_SENTINEL ? NULL : got;
}

static inline void ct_ov_init(ct *t, OVERLAPPED *ov)
{
    memset(ov, 0, sizeof(*ov));
    ov->hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ct_require(t, ov->hEvent != NULL, "CreateEvent");
}

static inline HANDLE ct_port(ct *t)
{
    HANDLE p = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);

    ct_require(t, p != NULL, "CreateIoCompletionPort");
    return p;
}

static inline LPFN_ACCEPTEX ct_acceptex(ct *t, SOCKET s)
{
    GUID g = WSAID_ACCEPTEX;
    LPFN_ACCEPTEX fn = NULL;
    DWORD n = 0;

    ct_require(t, WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g,
                           sizeof(g), &fn, sizeof(fn), &n, NULL, NULL) == 0 &&
                      fn != NULL,
               "AcceptEx pointer");
    return fn;
}

#endif
