/* KA8: SIO_BASE_HANDLE returns the socket itself (no LSP) (row KA8). */
#include "mx.h"

static void base(ct *t, const char *key, SOCKET s)
{
    SOCKET b = INVALID_SOCKET;
    DWORD n = 0;
    int rc = WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &b, sizeof(b), &n, NULL,
                      NULL);

    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "0 %s", b == s ? "itself" : "other");
}

void sc_KA8(ct *t)
{
    SOCKET s, u;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    base(t, "tcp", s);
    base(t, "udp", u);
    closesocket(u);
    closesocket(s);
}
