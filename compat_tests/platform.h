/* What the scenarios need from the platform besides Winsock: the plain
 * peer, threads, time.  Implemented by platform_posix.c here and by
 * win32/platform_win32.c on Windows. */
#ifndef CT_PLATFORM_H
#define CT_PLATFORM_H

#include "ct.h"

typedef struct ct_thread ct_thread;
typedef struct ct_peer ct_peer;

/* ---- the plain peer: the platform's own sockets, without wscompat ------ */
/* On Linux plain libc calls, on Windows Winsock.  Results are neutral
 * words: "data:N", "eof", "reset", "timeout", "error:NAME". */
ct_peer *ct_peer_listen(ct *t, unsigned short *port);
ct_peer *ct_peer_accept(ct *t, ct_peer *listener, int timeout_ms);
ct_peer *ct_peer_connect(ct *t, unsigned short port);
const char *ct_peer_recv(ct_peer *p, int timeout_ms);
/* Read until EOF or error: the word that ended it ("eof", "reset",
 * "timeout"); ct_peer_drained tells how many bytes came before. */
const char *ct_peer_drain(ct_peer *p, int timeout_ms);
long long ct_peer_drained(ct_peer *p);
/* Close with SO_LINGER {1,0}: RST. */
void ct_peer_abort(ct_peer *p);
const char *ct_peer_send(ct_peer *p, const char *data, int len);
void ct_peer_close(ct_peer *p);

/* ---- threads and time ------------------------------------------------- */
ct_thread *ct_thread_start(ct *t, void (*fn)(void *), void *arg);
/* 0 when joined, -1 when the thread is still running after timeout_ms. */
int ct_thread_join(ct_thread *th, int timeout_ms);
/* Wait (bounded) until the thread sleeps inside a call; 0 when it does,
 * -1 on timeout. */
int ct_thread_blocked(ct_thread *th, int timeout_ms);
long long ct_now_ms(void);
/* Wait (bounded) until the peer's RST has reached socket sock (a SOCKET):
 * 0 once it has, -1 on timeout.  Linux asks the kernel for the
 * connection's state; Windows, which has no way to ask that Wine
 * answers too, lets the time pass. */
int ct_wait_reset(unsigned long long sock, int timeout_ms);
/* Open descriptors/handles of the process (leak checks). */
int ct_open_handles(void);

/* ---- isolation -------------------------------------------------------- */
/* Run scenario id in a process of its own, at most timeout_ms, and put
 * its result line (ct_expect_line) in line, or "ROW id hang".  POSIX
 * forks and runs fn; Windows starts argv0 again as "argv0 --one id". */
void ct_run_isolated(const char *argv0, const char *id, void (*fn)(ct *),
                     int timeout_ms, char *line, size_t len);

#endif
