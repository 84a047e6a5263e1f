/* Helpers for the asynchronous GetAddrInfoExW scenarios (NM7, NM8, NM9).
 * Header-only, as harness_ov.h. */
#ifndef CT_GAIEX_H
#define CT_GAIEX_H

#include "harness_ov.h"

#ifdef __MINGW32__
/* mingw-w64's ws2tcpip.h has no prototypes for these two (its import
 * library has them), and LPLOOKUPSERVICE_COMPLETION_ROUTINE is a PVOID
 * there: the scenarios cast their routines to it. */
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED);
WINSOCK_API_LINKAGE INT WSAAPI GetAddrInfoExCancel(LPHANDLE);
#endif

/* Every wait for a lookup's end (local names: milliseconds). */
#define GAI_WAIT_MS 2000

/* A result pointer's value before the call, to see that it was cleared. */
#define GAI_UNSET ((PADDRINFOEXW)(ULONG_PTR)0xdeadbeef)

/* An OVERLAPPED as Wine's test_GetAddrInfoExW has it: 0xcc throughout,
 * then the event (or NULL for a completion routine). */
static inline void gai_ov(OVERLAPPED *ov, HANDLE ev)
{
    memset(ov, 0xcc, sizeof(*ov));
    ov->hEvent = ev;
}

/* AF_INET hints, so that 127.0.0.1 and localhost give one known first
 * address. */
static inline void gai_hints(ADDRINFOEXW *h)
{
    memset(h, 0, sizeof(*h));
    h->ai_family = AF_INET;
}

/* A list's first address: "AF_INET 7f000001 port N blob NULL provider
 * NULL", or what there is instead. */
static inline void gai_obs_first(ct *t, const char *key,
                                 const ADDRINFOEXW *r)
{
    const struct sockaddr_in *a;

    if (r == GAI_UNSET || !r || r->ai_family != AF_INET || !r->ai_addr) {
        ct_obs(t, key, "%s", r == GAI_UNSET ? "unset" : !r ? "NULL"
                                                     : "other family");
        return;
    }
    a = (const struct sockaddr_in *)r->ai_addr;
    ct_obs(t, key, "AF_INET %08lx port %u blob %s provider %s",
           (unsigned long)ntohl(a->sin_addr.s_addr), ntohs(a->sin_port),
           r->ai_blob ? "set" : "NULL", r->ai_provider ? "set" : "NULL");
}

/* A GetAddrInfoEx code: its name, or its number (WSA_IO_PENDING is 997,
 * WSA_INVALID_HANDLE 6, WSA_E_CANCELLED 10111). */
static inline void gai_obs_code(ct *t, const char *key, int code)
{
    ct_obs(t, key, "%s", ct_wsa_name(code));
}

#endif
