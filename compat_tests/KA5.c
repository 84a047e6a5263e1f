/* KA5: SIO_LOOPBACK_FAST_PATH (a BOOL) is accepted on TCP sockets before
 * connect and accept, on both ends, and the connection then works as
 * any (row KA5: emulated as accept-and-ignore). */
#include "mx.h"
#include <mstcpip.h>

void sc_KA5(ct *t)
{
    SOCKET l, c, a;
    BOOL on = TRUE;
    DWORD n = 12345;
    struct sockaddr_in to = ct_loopback(0);
    char in[4];
    int len = sizeof(to);

    ct_startup(t);
    l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "listener", WSAIoctl(l, SIO_LOOPBACK_FAST_PATH, &on,
                                      sizeof(on), NULL, 0, &n, NULL, NULL));
    bind(l, (struct sockaddr *)&to, sizeof(to));
    listen(l, 1);
    getsockname(l, (struct sockaddr *)&to, &len);
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "client", WSAIoctl(c, SIO_LOOPBACK_FAST_PATH, &on,
                                    sizeof(on), NULL, 0, &n, NULL, NULL));
    ct_obs_rc(t, "connect", connect(c, (struct sockaddr *)&to, sizeof(to)));
    a = accept(l, NULL, NULL);
    ct_obs_sock(t, "accept", a);
    ct_obs_rc(t, "send", send(c, "fp", 2, 0));
    ct_wait_readable(a, 2000);
    ct_obs_rc(t, "recv", recv(a, in, sizeof(in), 0));
    closesocket(a);
    closesocket(c);
    closesocket(l);
}
