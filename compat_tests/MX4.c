/* MX4: AcceptEx's local address length: 0 pends and completes with
 * success; 3 pends, then fails ERROR_INSUFFICIENT_BUFFER with 0 bytes;
 * sizeof(sockaddr_in) + 15 (one short of the documented room) pends
 * (row MX4). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

static void one(ct *t, SOCKET l, unsigned short port, const char *key,
                DWORD llen, int connect_too)
{
    LPFN_ACCEPTEX AcceptEx_ = mx_acceptex(t, l);
    SOCKET acc = mx_tcp(t), cl;
    char buf[256], k[48];
    DWORD n = 0;
    OVERLAPPED ov;
    struct sockaddr_in to = ct_loopback(port);

    mx_ov(&ov);
    mx_obs_bool(t, key, AcceptEx_(l, acc, buf, 0, llen, AL, &n, &ov));
    if (connect_too) {
        cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        connect(cl, (struct sockaddr *)&to, sizeof(to));
        snprintf(k, sizeof(k), "%s_result", key);
        mx_obs_result(t, k, l, &ov, 2000);
        closesocket(cl);
    }
    closesocket(acc);
    WaitForSingleObject(ov.hEvent, 2000);
    CloseHandle(ov.hEvent);
}

void sc_MX4(ct *t)
{
    unsigned short port;
    SOCKET l;

    ct_startup(t);
    l = ct_listener(t, &port);
    one(t, l, port, "local_length_0", 0, 1);
    one(t, l, port, "local_length_3", 3, 1);
    one(t, l, port, "local_length_15", sizeof(struct sockaddr_in) + 15, 0);
    closesocket(l);
}
