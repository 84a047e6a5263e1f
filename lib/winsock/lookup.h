/* GetAddrInfoEx's lookup, shared by its synchronous form (names.c) and
 * its asynchronous one (gaiex.c): a lookup read into library memory at
 * the call, resolved later, possibly on another thread. */
#ifndef WSC_WS_LOOKUP_H
#define WSC_WS_LOOKUP_H

#include "ws.h"

struct wsc_lookup {
    char node[NI_MAXHOST], service[NI_MAXHOST]; /* UTF-8 */
    unsigned char has_node, has_service, has_hints;
    struct addrinfo hints; /* Linux flags */
};

/* The caller's wide names and ADDRINFOEXW hints into q, checked in
 * getaddrinfo's order (WSAStartup, *res cleared, no names at all, the
 * result pointer, the names, the hints, *res writable): 0 or the
 * Windows code. */
int wsc_lookup_prepare_w(struct wsc_lookup *q, const wchar_t *node,
                         const wchar_t *service, const ADDRINFOEXW *hints,
                         PADDRINFOEXW *res);
/* Resolves q: 0 with *list set (FreeAddrInfoExW), or the Windows code
 * with *list NULL. */
int wsc_lookup_run_w(const struct wsc_lookup *q, PADDRINFOEXW *list);

/* GetAddrInfoExW with an OVERLAPPED or a timeout (names.c has checked
 * the rest): WSA_IO_PENDING, or the code of a call that ended before it
 * returned (a synchronous one with a timeout, or a refusal); the last
 * error is the caller's to set. */
int wsc_gaiex_start(const wchar_t *node, const wchar_t *service,
                    const ADDRINFOEXW *hints, PADDRINFOEXW *res,
                    struct timeval *timeout, LPOVERLAPPED ov,
                    LPLOOKUPSERVICE_COMPLETION_ROUTINE cr, LPHANDLE handle);
/* A caller's name into dst (cap bytes): 0, WSAEFAULT, or too_long when
 * it does not fit (netdb.c). */
int wsc_take_name(char *dst, const char *src, size_t cap, int too_long);
/* The name to ask the resolver for name: itself, or for the empty name,
 * which Windows resolves as this host (getaddrinfo, gethostbyname,
 * WSAAsyncGetHostByName), this host's name in buf, or localhost if it
 * has none; buf may be name's own buffer (names.c). */
const char *wsc_lookup_name(const char *name, char buf[256]);
/* The WSA code of a resolver's h_errno (names.c). */
int wsc_h_errno_code(int herr);

/* Lookup threads still running (tests: none left once all are done). */
int wsc_gaiex_threads(void);

#endif
