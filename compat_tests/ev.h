/* What the WSAEventSelect scenarios (EV*) share: selecting, and checking
 * the event and the recorded network events the way Wine's test_events
 * does (a bounded wait on the event, then WSAEnumNetworkEvents with the
 * event, which resets it).  Header-only, Winsock calls only. */
#ifndef CT_EV_H
#define CT_EV_H

#include <stdio.h>
#include <string.h>
#include "harness.h"

#define EV_ALL (FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE)
/* How long to wait for an event that should come, and for one that
 * should not (a bound, not a synchronisation). */
#define EV_YES 2000
#define EV_NO 50

/* "FD_READ+FD_CLOSE=WSAECONNABORTED": the bits, each with its iErrorCode
 * when that is not 0; "0" for none. */
static inline const char *ev_names(const WSANETWORKEVENTS *ne)
{
    static const char *name[] = { "FD_READ", "FD_WRITE", "FD_OOB",
                                  "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE" };
    static char buf[160];
    size_t n = 0;
    int i;

    buf[0] = 0;
    for (i = 0; i < 6; i++) {
        if (!(ne->lNetworkEvents & (1L << i)))
            continue;
        n += snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "+" : "", name[i]);
        if (ne->iErrorCode[i])
            n += snprintf(buf + n, sizeof(buf) - n, "=%s",
                          ct_wsa_name(ne->iErrorCode[i]));
    }
    if (ne->lNetworkEvents & ~(long)EV_ALL)
        n += snprintf(buf + n, sizeof(buf) - n, "%s0x%lx", n ? "+" : "",
                      (unsigned long)(ne->lNetworkEvents & ~(long)EV_ALL));
    return n ? buf : "0";
}

static inline const char *ev_wait_name(DWORD r)
{
    static char buf[32];

    if (r == WSA_WAIT_TIMEOUT)
        return "WSA_WAIT_TIMEOUT";
    if (r == WSA_WAIT_FAILED)
        return "WSA_WAIT_FAILED";
    if (r == WSA_WAIT_IO_COMPLETION)
        return "WSA_WAIT_IO_COMPLETION";
    snprintf(buf, sizeof(buf), "WSA_WAIT_EVENT_0+%lu",
             (unsigned long)(r - WSA_WAIT_EVENT_0));
    return buf;
}

/* The wait's result on ev alone. */
static inline const char *ev_state(WSAEVENT ev, DWORD ms)
{
    DWORD r = WSAWaitForMultipleEvents(1, &ev, FALSE, ms, FALSE);

    return r == WSA_WAIT_EVENT_0 ? "signalled" : ev_wait_name(r);
}

static inline void ev_select(ct *t, SOCKET s, WSAEVENT ev, long mask)
{
    ct_require(t, WSAEventSelect(s, ev, mask) == 0, "WSAEventSelect");
}

/* Wait (ms at most) for ev, then take s's network events with ev:
 * key = the events ("0" when the wait timed out and nothing was
 * recorded), with " unsignalled" when events were recorded but the event
 * was not set, "signalled 0" when it was set with nothing recorded. */
static inline void ev_check(ct *t, const char *key, SOCKET s, WSAEVENT ev,
                            DWORD ms)
{
    WSANETWORKEVENTS ne;
    DWORD r = WSAWaitForMultipleEvents(1, &ev, FALSE, ms, FALSE);
    int rc;

    memset(&ne, 0, sizeof(ne));
    rc = WSAEnumNetworkEvents(s, ev, &ne);
    if (rc == SOCKET_ERROR)
        ct_obs_rc(t, key, rc);
    else if (r == WSA_WAIT_EVENT_0)
        ct_obs(t, key, "%s%s", ne.lNetworkEvents ? "" : "signalled ",
               ev_names(&ne));
    else
        ct_obs(t, key, "%s%s", ev_names(&ne),
               ne.lNetworkEvents ? " unsignalled" : "");
}

/* A TCP client connected to a listener, and the listener's side. */
static inline SOCKET ev_connect(ct *t, unsigned short port)
{
    struct sockaddr_in a = ct_loopback(port);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    ct_require(t, c != INVALID_SOCKET, "socket");
    ct_require(t, connect(c, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    return c;
}

/* Close with SO_LINGER {1,0}: a RST. */
static inline void ev_close_rst(SOCKET s)
{
    struct linger l = { 1, 0 };

    setsockopt(s, SOL_SOCKET, SO_LINGER, (const char *)&l, sizeof(l));
    closesocket(s);
}

#endif
