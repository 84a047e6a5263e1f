/* WA1: WSAAccept without a condition function is accept: INVALID_SOCKET
 * WSAENOTSOCK, not listening WSAEINVAL, *addrlen 0 WSAEFAULT with the
 * connection kept; then the socket, the client's address and its length. */
#include "wa.h"

void sc_WA1(ct *t)
{
    unsigned short port;
    SOCKET l, c, c2, a, u;
    struct sockaddr_in ca, ca2, got;
    int len;

    ct_startup(t);
    ct_obs_sock(t, "invalid",
                WSAAccept(INVALID_SOCKET, NULL, NULL, NULL, 0));
    u = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_sock(t, "not_listening", WSAAccept(u, NULL, NULL, NULL, 0));
    closesocket(u);

    l = ct_listener(t, &port);
    c = wa_client(t, port, &ca);
    c2 = wa_client(t, port, &ca2); /* what a lost first connection yields */
    len = 0;
    ct_obs_sock(t, "addrlen_zero",
                WSAAccept(l, (struct sockaddr *)&got, &len, NULL, 0));
    ct_obs(t, "addrlen_zero_len", "%d", len);
    len = sizeof(got);
    memset(&got, 0, sizeof(got));
    a = WSAAccept(l, (struct sockaddr *)&got, &len, NULL, 0);
    ct_obs_sock(t, "accept", a);
    ct_obs(t, "address", "%s len %d", wa_same(&got, &ca) ? "client" : "other",
           len);
    ct_obs(t, "peer", "%s", wa_peer_is(a, &ca));
    closesocket(a);
    closesocket(c);
    closesocket(c2);
    closesocket(l);
}
