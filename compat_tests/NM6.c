/* NM6: WSAConnectByList tries the addresses one after the other: past a
 * refused one to the listener, whose address it gives; all refused: the
 * last attempt's error; a Reserved pointer WSAEINVAL, an invalid socket
 * WSAENOTSOCK. */
#include <string.h>
#include "harness.h"

/* A loopback port nobody listens on (bound, then closed). */
static unsigned short closed_port(ct *t)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = ct_loopback(0);
    int len = sizeof(a);

    ct_require(t, bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    getsockname(s, (struct sockaddr *)&a, &len);
    closesocket(s);
    return ntohs(a.sin_port);
}

void sc_NM6(ct *t)
{
    unsigned short port, closed;
    SOCKET l, s, srv;
    struct sockaddr_in addrs[2], remote, peer;
    DWORD rlen = sizeof(remote);
    struct {
        INT count;
        SOCKET_ADDRESS a[2];
    } list;
    WSAOVERLAPPED ov;
    int plen = sizeof(peer);
    BOOL ok;

    ct_startup(t);
    l = ct_listener(t, &port);
    closed = closed_port(t);
    addrs[0] = ct_loopback(closed);
    addrs[1] = ct_loopback(port);
    list.count = 2;
    list.a[0].lpSockaddr = (LPSOCKADDR)&addrs[0];
    list.a[0].iSockaddrLength = sizeof(addrs[0]);
    list.a[1].lpSockaddr = (LPSOCKADDR)&addrs[1];
    list.a[1].iSockaddrLength = sizeof(addrs[1]);

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&remote, 0, sizeof(remote));
    ok = WSAConnectByList(s, (PSOCKET_ADDRESS_LIST)&list, NULL, NULL, &rlen,
                          (SOCKADDR *)&remote, NULL, NULL);
    ct_obs(t, "by_list", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "remote", "%s len %u",
           ntohs(remote.sin_port) == port ? "listener's"
           : ntohs(remote.sin_port) == closed ? "the refused one" : "other",
           (unsigned)rlen);
    ct_obs_rc(t, "getpeername", getpeername(s, (SOCKADDR *)&peer, &plen));
    if (ok) {
        srv = accept(l, NULL, NULL);
        closesocket(srv);
    }
    closesocket(s);

    list.count = 1;
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok = WSAConnectByList(s, (PSOCKET_ADDRESS_LIST)&list, NULL, NULL, NULL,
                          NULL, NULL, NULL);
    ct_obs(t, "all_refused", "%s",
           ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    memset(&ov, 0, sizeof(ov));
    ok = WSAConnectByList(s, (PSOCKET_ADDRESS_LIST)&list, NULL, NULL, NULL,
                          NULL, NULL, &ov);
    ct_obs(t, "reserved", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    closesocket(s);
    ok = WSAConnectByList(s, (PSOCKET_ADDRESS_LIST)&list, NULL, NULL, NULL,
                          NULL, NULL, NULL);
    ct_obs(t, "closed_socket", "%s",
           ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    closesocket(l);
}
