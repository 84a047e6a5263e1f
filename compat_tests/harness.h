/* The scenario harness: what a compat scenario may use besides Winsock.
 * Scenarios are written once against the Winsock API and run on Linux with
 * wscompat (harness_posix.c) and on Windows (win32/); they contain no
 * #ifdef.  A scenario records what it observes with ct_obs*; the runner
 * compares the observations with the Windows truth in expected.txt. */
#ifndef CT_HARNESS_H
#define CT_HARNESS_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include "ct.h"


/* ---- observations ----------------------------------------------------- */
/* Record a Winsock result: the number, or SOCKET_ERROR/WSAExxx from
 * WSAGetLastError() when rc is SOCKET_ERROR. */
void ct_obs_rc(ct *t, const char *key, int rc);
/* The same for calls that return a SOCKET. */
void ct_obs_sock(ct *t, const char *key, SOCKET s);
/* The WSA code's name ("WSAECONNRESET"), or its number as text. */
const char *ct_wsa_name(int code);

/* WSAPoll revents as names joined by '|' ("POLLHUP|POLLWRNORM"), or 0. */
const char *ct_poll_names(int revents);
/* p[0]: a closed socket's number asking for events; p[1]: s asking for
 * POLLWRNORM (the invalid handle beside a valid one of row 12i). */
void ct_poll_invalid_beside(WSAPOLLFD p[2], short events, SOCKET s);

/* WSAStartup(2.2), required to succeed. */
void ct_startup(ct *t);

/* ---- sockets ---------------------------------------------------------- */
/* A TCP listener on 127.0.0.1, port chosen by the system. */
SOCKET ct_listener(ct *t, unsigned short *port);
/* A TCP listener on 127.0.0.1 whose queue is full: four non-blocking
 * connects (fill, closed by the caller) take it, so a further SYN goes
 * unanswered.  Its address in *addr. */
#define CT_FULL_FILL 4
SOCKET ct_full_listener(ct *t, SOCKET fill[CT_FULL_FILL],
                        struct sockaddr_in *addr);
/* A connected TCP pair on loopback (client, server side). */
void ct_tcp_pair(ct *t, SOCKET *client, SOCKET *server);
/* A UDP socket bound to 127.0.0.1, port chosen by the system. */
SOCKET ct_udp(ct *t, unsigned short *port);
struct sockaddr_in ct_loopback(unsigned short port);
/* Wait (bounded) until s is readable; returns select's result. */
int ct_wait_readable(SOCKET s, int timeout_ms);
/* The sets s is in after a select (bounded) with s in all three: "r",
 * "w", "x" in that order, or "none". */
const char *ct_select_sets(SOCKET s, int timeout_ms);
/* Fill the connection until send would block (socket left blocking). */
void ct_fill(ct *t, SOCKET s);

#include "platform.h"

/* Our TCP socket connected to a plain peer (see platform.h), which the
 * harness accepted; the peer's listener is closed. */
SOCKET ct_plain_pair(ct *t, ct_peer **peer);

/* ---- a blocking call on another thread -------------------------------- */
typedef struct ct_async ct_async;
enum ct_call { CT_RECV, CT_SEND_BIG, CT_ACCEPT, CT_RECVFROM, CT_SELECT_READ,
               CT_SELECT_EXCEPT, CT_WSAPOLL };
/* Start the call on s in a new thread and wait until it is blocked. */
ct_async *ct_async_start(ct *t, enum ct_call call, SOCKET s);
/* Wait (2 s at most) for it to return and record its result under key
 * ("HANG" if it did not).  Returns the ms from `since` to its return. */
long long ct_async_finish(ct *t, ct_async *a, const char *key,
                          long long since);
/* Extra results of select/WSAPoll calls: set membership, revents. */
int ct_async_flag(ct_async *a);

#endif
