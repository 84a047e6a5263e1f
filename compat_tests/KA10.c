/* KA10: unsupported WSAIoctl codes without an OVERLAPPED fail
 * WSAEOPNOTSUPP and return size 0, on TCP and UDP (row KA10; with an
 * OVERLAPPED see CP19). */
#include "mx.h"

static void code(ct *t, const char *key, SOCKET s, DWORD c)
{
    char out[16];
    DWORD n = 12345;
    int rc = WSAIoctl(s, c, NULL, 0, out, sizeof(out), &n, NULL, NULL);

    if (rc == SOCKET_ERROR)
        ct_obs(t, key, "SOCKET_ERROR/%s size %lu",
               ct_wsa_name(WSAGetLastError()), (unsigned long)n);
    else
        ct_obs(t, key, "%d size %lu", rc, (unsigned long)n);
}

void sc_KA10(ct *t)
{
    SOCKET s, u;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    code(t, "tcp_deadbeef", s, 0xdeadbeef);
    code(t, "tcp_667e", s, 0x667e);
    code(t, "tcp_fioasync", s, (DWORD)FIOASYNC);
    code(t, "udp_deadbeef", u, 0xdeadbeef);
    code(t, "udp_667e", u, 0x667e);
    code(t, "udp_fioasync", u, (DWORD)FIOASYNC);
    closesocket(u);
    closesocket(s);
}
