/* IO1: ioctlsocket with Windows' numbers: FIONBIO, FIONREAD, SIOCATMARK;
 * anything else WSAEOPNOTSUPP; a bad pointer WSAEFAULT (rows 13a-13e). */
#include "harness.h"

void sc_IO1(ct *t)
{
    SOCKET c, s, u;
    u_long v = 1;
    char buf[8];
    long long deadline;

    ct_startup(t);
    ct_obs(t, "FIONBIO", "0x%08lx", (unsigned long)(DWORD)FIONBIO);
    ct_obs(t, "FIONREAD", "0x%08lx", (unsigned long)(DWORD)FIONREAD);
    ct_obs(t, "SIOCATMARK", "0x%08lx", (unsigned long)(DWORD)SIOCATMARK);
    ct_obs(t, "u_long_size", "%d", (int)sizeof(u_long));
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "fionbio", ioctlsocket(c, FIONBIO, &v));
    ct_obs_rc(t, "recv_nonblocking", recv(c, buf, sizeof(buf), 0));
    v = 0;
    ct_obs_rc(t, "fionread_empty", ioctlsocket(c, FIONREAD, &v));
    ct_obs(t, "fionread_empty_value", "%lu", (unsigned long)v);
    send(s, "hello", 5, 0);
    deadline = ct_now_ms() + 2000;
    do
        ioctlsocket(c, FIONREAD, &v);
    while (v < 5 && ct_now_ms() < deadline);
    ct_obs(t, "fionread_value", "%lu", (unsigned long)v);
    v = 7;
    ct_obs_rc(t, "siocatmark", ioctlsocket(c, SIOCATMARK, &v));
    ct_obs(t, "siocatmark_value", "%lu", (unsigned long)v);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    v = 7;
    ioctlsocket(u, FIONREAD, &v);
    ct_obs(t, "fionread_unbound", "%lu", (unsigned long)v);
    ct_obs_rc(t, "unknown", ioctlsocket(c, (LONG)0xdeadbeef, &v));
    ct_obs_rc(t, "fioasync", ioctlsocket(c, FIOASYNC, &v));
    ct_obs_rc(t, "bad_pointer", ioctlsocket(c, FIONREAD, (u_long *)1));
    closesocket(c);
    closesocket(s);
    /* In line, an urgent byte that is next to read is data, and none is
     * pending before it: TRUE (wine's test_fionread_siocatmark). */
    ct_tcp_pair(t, &c, &s);
    v = 1;
    setsockopt(c, SOL_SOCKET, SO_OOBINLINE, (char *)&v, sizeof(int));
    send(s, "a", 1, MSG_OOB);
    deadline = ct_now_ms() + 2000;
    do
        ioctlsocket(c, FIONREAD, &v);
    while (v < 1 && ct_now_ms() < deadline);
    ct_obs(t, "inline_fionread", "%lu", (unsigned long)v);
    v = 7;
    ioctlsocket(c, SIOCATMARK, &v);
    ct_obs(t, "inline_siocatmark", "%lu", (unsigned long)v);
    closesocket(c);
    closesocket(s);
    closesocket(u);
}
