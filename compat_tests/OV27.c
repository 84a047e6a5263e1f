/* OV27: WSASendTo without an OVERLAPPED and with no place for the byte
 * count: WSAEFAULT. */
#include "harness_ov.h"

void sc_OV27(ct *t)
{
    unsigned short port;
    SOCKET rx, tx;
    struct sockaddr_in to;
    WSABUF b = { 5, (char *)"hello" };

    ct_startup(t);
    rx = ct_udp(t, &port);
    to = ct_loopback(port);
    tx = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_obs_rc(t, "sendto_null_count",
              WSASendTo(tx, &b, 1, NULL, 0, (struct sockaddr *)&to,
                        sizeof(to), NULL, NULL));
    closesocket(tx);
    closesocket(rx);
}
