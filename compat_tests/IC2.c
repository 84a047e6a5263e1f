/* IC2: SIO_ROUTING_INTERFACE_QUERY: the local address that reaches a
 * destination (127.0.0.1 for 127.0.0.1), sizeof(sockaddr_in) bytes; no
 * input or no room for the answer WSAEFAULT. */
#include "harness.h"

void sc_IC2(ct *t)
{
    SOCKET s;
    struct sockaddr_in to = ct_loopback(9), out;
    DWORD n = 0;

    ct_startup(t);
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_obs_rc(t, "no_input", WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, NULL, 0,
                                      &out, sizeof(out), &n, NULL, NULL));
    ct_obs_rc(t, "no_room", WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &to,
                                     sizeof(to), &out, 4, &n, NULL, NULL));
    memset(&out, 0, sizeof(out));
    ct_obs_rc(t, "query", WSAIoctl(s, SIO_ROUTING_INTERFACE_QUERY, &to,
                                   sizeof(to), &out, sizeof(out), &n, NULL,
                                   NULL));
    ct_obs(t, "bytes", "%lu", (unsigned long)n);
    ct_obs(t, "address", "%s",
           out.sin_family == AF_INET &&
                   out.sin_addr.s_addr == htonl(INADDR_LOOPBACK)
               ? "127.0.0.1"
               : "other");
    closesocket(s);
}
