/* SE1: select: nfds ignored; empty sets -> WSAEINVAL; an invalid handle
 * -> WSAENOTSOCK with the sets untouched; duplicates collapse; the result
 * counts sockets; any fd_count (rows 12a-12f, 9f). */
#include <stdlib.h>
#include "harness.h"

#define MANY 200

void sc_SE1(ct *t)
{
    SOCKET c, s, socks[MANY];
    fd_set r, w, *big;
    struct timeval tv = { 0, 1000 };
    int i;

    ct_startup(t);
    FD_ZERO(&r);
    ct_obs_rc(t, "no_sets", select(0, NULL, NULL, NULL, &tv));
    ct_obs_rc(t, "empty_sets", select(0, &r, &r, &r, &tv));
    ct_tcp_pair(t, &c, &s);
    FD_ZERO(&w);
    FD_SET(c, &w);
    w.fd_array[w.fd_count++] = INVALID_SOCKET;
    ct_obs_rc(t, "invalid", select(0, NULL, &w, NULL, &tv));
    ct_obs(t, "invalid_untouched", "%u", w.fd_count);
    FD_ZERO(&w);
    w.fd_array[0] = c;
    w.fd_array[1] = c;
    w.fd_count = 2;
    ct_obs_rc(t, "duplicate", select(12345, NULL, &w, NULL, &tv));
    ct_obs(t, "duplicate_count", "%u", w.fd_count);
    FD_ZERO(&w);
    FD_SET(c, &w);
    ct_obs_rc(t, "same_set_twice", select(0, &w, &w, NULL, &tv));
    ct_obs(t, "timeout_untouched", "%ld.%06ld", (long)tv.tv_sec,
           (long)tv.tv_usec);
    send(s, "x", 1, 0);
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(c, &r);
    FD_SET(c, &w);
    tv.tv_sec = 2;
    ct_obs_rc(t, "read_and_write", select(0, &r, &w, NULL, &tv));

    big = malloc(sizeof(fd_set) + MANY * sizeof(SOCKET));
    ct_require(t, big != NULL, "memory");
    big->fd_count = 0;
    for (i = 0; i < MANY; i++) {
        socks[i] = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        ct_require(t, socks[i] != INVALID_SOCKET, "socket");
        big->fd_array[big->fd_count++] = socks[i];
    }
    ct_obs_rc(t, "count_200", select(0, NULL, big, NULL, &tv));
    for (i = 0; i < MANY; i++)
        closesocket(socks[i]);
    free(big);
    closesocket(c);
    closesocket(s);
}
