/* send and recv on the fast path, for an instruction count: a connected
 * pair with data always waiting, so no call blocks.  bench/run.sh runs it
 * under valgrind --tool=callgrind --toggle-collect=hot_loop, built with
 * wscompat's headers and with a port's POSIX names (the floor). */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_os.h"

#define ROUNDS 10000

/* ROUNDS sends and ROUNDS receives of one byte: 2 * ROUNDS calls. */
__attribute__((noinline)) static int hot_loop(SOCKET c, SOCKET s)
{
    char b = 'x';
    int i, ok = 0;

    for (i = 0; i < ROUNDS; i++) {
        ok += send(c, &b, 1, 0) == 1;
        ok += recv(s, &b, 1, 0) == 1;
    }
    return ok;
}

int main(void)
{
    struct sockaddr_in a = loopback(0);
    int len = sizeof(a), ok;
    SOCKET l, c, s;
    WSADATA d;

    WSAStartup(MAKEWORD(2, 2), &d);
    l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    getsockname(l, (struct sockaddr *)&a, &len);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    connect(c, (struct sockaddr *)&a, sizeof(a));
    s = accept(l, NULL, NULL);
    ok = hot_loop(c, s);
    printf("fastpath_calls %d\n", ok);
    return ok == 2 * ROUNDS ? 0 : 1;
}
