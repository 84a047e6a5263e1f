/* Helpers of the MX and KA scenarios (the mswsock extensions and the
 * socket ioctls): the extension pointers through WSAIoctl (so that the
 * Windows build needs ws2_32 only), BOOL results with GetLastError, and
 * the end of an overlapped operation by event or completion port.
 * Everything is static inline: each scenario uses a part. */
#ifndef CT_MX_H
#define CT_MX_H

#include <stdio.h>
#include <string.h>
#include "harness.h"
#include <windows.h>
#include <mswsock.h>

/* Win32 error names the extensions report, else the WSA name. */
static inline const char *mx_err(DWORD e)
{
    switch (e) {
    case ERROR_IO_PENDING: return "ERROR_IO_PENDING";
    case ERROR_IO_INCOMPLETE: return "ERROR_IO_INCOMPLETE";
    case ERROR_OPERATION_ABORTED: return "ERROR_OPERATION_ABORTED";
    case ERROR_INVALID_PARAMETER: return "ERROR_INVALID_PARAMETER";
    case ERROR_INSUFFICIENT_BUFFER: return "ERROR_INSUFFICIENT_BUFFER";
    case ERROR_CONNECTION_REFUSED: return "ERROR_CONNECTION_REFUSED";
    case ERROR_CONNECTION_ABORTED: return "ERROR_CONNECTION_ABORTED";
    case ERROR_NETNAME_DELETED: return "ERROR_NETNAME_DELETED";
    case ERROR_NOT_SUPPORTED: return "ERROR_NOT_SUPPORTED";
    case WAIT_TIMEOUT: return "WAIT_TIMEOUT";
    }
    return ct_wsa_name((int)e);
}

/* "TRUE", or "FALSE/<GetLastError>". */
static inline void mx_obs_bool(ct *t, const char *key, BOOL r)
{
    if (r)
        ct_obs(t, key, "TRUE");
    else
        ct_obs(t, key, "FALSE/%s", mx_err(GetLastError()));
}

/* An extension's pointer, required to be there. */
static inline void *mx_ext(ct *t, SOCKET s, GUID g)
{
    void *fn = NULL;
    DWORD n = 0;

    ct_require(t, WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g,
                           sizeof(g), &fn, sizeof(fn), &n, NULL, NULL) == 0 &&
                      fn != NULL,
               "extension pointer");
    return fn;
}

static inline LPFN_ACCEPTEX mx_acceptex(ct *t, SOCKET s)
{
    GUID g = WSAID_ACCEPTEX;
    return (LPFN_ACCEPTEX)mx_ext(t, s, g);
}

static inline LPFN_GETACCEPTEXSOCKADDRS mx_sockaddrs(ct *t, SOCKET s)
{
    GUID g = WSAID_GETACCEPTEXSOCKADDRS;
    return (LPFN_GETACCEPTEXSOCKADDRS)mx_ext(t, s, g);
}

static inline LPFN_CONNECTEX mx_connectex(ct *t, SOCKET s)
{
    GUID g = WSAID_CONNECTEX;
    return (LPFN_CONNECTEX)mx_ext(t, s, g);
}

static inline LPFN_DISCONNECTEX mx_disconnectex(ct *t, SOCKET s)
{
    GUID g = WSAID_DISCONNECTEX;
    return (LPFN_DISCONNECTEX)mx_ext(t, s, g);
}

static inline LPFN_TRANSMITFILE mx_transmitfile(ct *t, SOCKET s)
{
    GUID g = WSAID_TRANSMITFILE;
    return (LPFN_TRANSMITFILE)mx_ext(t, s, g);
}

static inline SOCKET mx_tcp(ct *t)
{
    SOCKET s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                          WSA_FLAG_OVERLAPPED);

    ct_require(t, s != INVALID_SOCKET, "socket");
    return s;
}

/* A TCP socket bound to 127.0.0.1:0 (what ConnectEx needs). */
static inline SOCKET mx_bound(ct *t)
{
    SOCKET s = mx_tcp(t);
    struct sockaddr_in a = ct_loopback(0);

    ct_require(t, bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    return s;
}

/* A fresh OVERLAPPED with its own manual-reset event. */
static inline void mx_ov(OVERLAPPED *ov)
{
    memset(ov, 0, sizeof(*ov));
    ov->hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
}

/* Wait (bounded) for ov's event; then GetOverlappedResult:
 * "TRUE bytes N" or "FALSE/<error> bytes N", or "HANG". */
static inline void mx_obs_result(ct *t, const char *key, SOCKET s,
                                 OVERLAPPED *ov, int timeout_ms)
{
    DWORD n = 12345;
    BOOL r;

    if (WaitForSingleObject(ov->hEvent, (DWORD)timeout_ms) != WAIT_OBJECT_0) {
        ct_obs(t, key, "HANG");
        return;
    }
    r = GetOverlappedResult((HANDLE)s, ov, &n, FALSE);
    if (r)
        ct_obs(t, key, "TRUE bytes %lu", (unsigned long)n);
    else
        ct_obs(t, key, "FALSE/%s bytes %lu", mx_err(GetLastError()),
               (unsigned long)n);
}

/* Has ov ended?  "pending" or "done" (its event). */
static inline const char *mx_state(OVERLAPPED *ov, int wait_ms)
{
    return WaitForSingleObject(ov->hEvent, (DWORD)wait_ms) == WAIT_OBJECT_0
               ? "done" : "pending";
}

/* One packet from the port: "TRUE bytes N key K ov X" or
 * "FALSE/<error> bytes N key K ov X" (X: which, or "none"). */
static inline void mx_obs_packet(ct *t, const char *key, HANDLE port,
                                 OVERLAPPED *expect, int timeout_ms)
{
    DWORD n = 12345;
    ULONG_PTR k = 0;
    OVERLAPPED *got = NULL;
    BOOL r = GetQueuedCompletionStatus(port, &n, &k, &got, (DWORD)timeout_ms);
    DWORD e = r ? 0 : GetLastError();
    const char *which = !got ? "none" : got == expect ? "same" : "other";

    if (r)
        ct_obs(t, key, "TRUE bytes %lu key %lu ov %s", (unsigned long)n,
               (unsigned long)k, which);
    else if (!got)
        ct_obs(t, key, "FALSE/%s", mx_err(e));
    else
        ct_obs(t, key, "FALSE/%s bytes %lu key %lu ov %s", mx_err(e),
               (unsigned long)n, (unsigned long)k, which);
}

/* "a.b.c.d:port" of an IPv4 address, for comparisons. */
static inline const char *mx_addr(const struct sockaddr *sa, char *buf,
                                  size_t len)
{
    const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
    unsigned long h;

    if (!sa)
        return "NULL";
    if (a->sin_family != AF_INET) {
        snprintf(buf, len, "family %d", a->sin_family);
        return buf;
    }
    h = ntohl(a->sin_addr.s_addr);
    snprintf(buf, len, "%lu.%lu.%lu.%lu:%u", h >> 24, (h >> 16) & 255,
             (h >> 8) & 255, h & 255, ntohs(a->sin_port));
    return buf;
}

static inline unsigned short mx_port(ct *t, SOCKET s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    ct_require(t, getsockname(s, (struct sockaddr *)&a, &len) == 0,
               "getsockname");
    return ntohs(a.sin_port);
}

#endif
