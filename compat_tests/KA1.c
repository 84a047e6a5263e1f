/* KA1: SIO_KEEPALIVE_VALS takes struct tcp_keepalive (times in ms):
 * success returns size 0; input length 0 or no input WSAEFAULT; no
 * lpcbBytesReturned without an OVERLAPPED WSAEFAULT; {0,0,0}, {1,0,0},
 * {1,100,100}, {1,1000,1000}, {0,100,100} all accepted on an unconnected
 * socket (row KA1). */
#include "mx.h"
#include <mstcpip.h>

static void vals(ct *t, SOCKET s, const char *key, ULONG on, ULONG time,
                 ULONG intvl)
{
    struct tcp_keepalive k;
    DWORD n = 12345;
    int rc;

    k.onoff = on;
    k.keepalivetime = time;
    k.keepaliveinterval = intvl;
    rc = WSAIoctl(s, SIO_KEEPALIVE_VALS, &k, sizeof(k), NULL, 0, &n, NULL,
                  NULL);
    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "0 size %lu", (unsigned long)n);
}

void sc_KA1(ct *t)
{
    SOCKET s;
    struct tcp_keepalive k = { 1, 1000, 1000 };
    DWORD n = 0;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    n = 0xdeadbeef;
    ct_obs_rc(t, "length_0", WSAIoctl(s, SIO_KEEPALIVE_VALS, &k, 0, NULL, 0,
                                      &n, NULL, NULL));
    ct_obs(t, "length_0_size", "%lu", (unsigned long)n);
    n = 0xdeadbeef;
    ct_obs_rc(t, "null_input", WSAIoctl(s, SIO_KEEPALIVE_VALS, NULL,
                                        sizeof(k), NULL, 0, &n, NULL, NULL));
    ct_obs(t, "null_input_size", "%lu", (unsigned long)n);
    ct_obs_rc(t, "null_returned", WSAIoctl(s, SIO_KEEPALIVE_VALS, &k,
                                           sizeof(k), NULL, 0, NULL, NULL,
                                           NULL));
    vals(t, s, "off_0_0", 0, 0, 0);
    vals(t, s, "on_0_0", 1, 0, 0);
    vals(t, s, "on_100_100", 1, 100, 100);
    vals(t, s, "on_1000_1000", 1, 1000, 1000);
    vals(t, s, "off_100_100", 0, 100, 100);
    closesocket(s);
}
