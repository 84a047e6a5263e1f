/* Between the asynchronous benchmark's two halves: the Windows servers
 * (async_win.c) and the native servers and client (async_native.c). */
#ifndef ASYNC_BENCH_H
#define ASYNC_BENCH_H

enum { BENCH_IOCP, BENCH_EVSEL };

/* Starts a server of the kind on a loopback port (*port); 0 or -1. */
int win_server_start(int kind, int threads, unsigned short *port);
void win_server_stop(int kind);

#endif
