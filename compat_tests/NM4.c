/* NM4: WSAConnectByNameA/W connect a stream socket to host and port
 * strings (a non-blocking socket too: it blocks), give the remote and
 * local addresses, and leave an ordinary connected socket (getpeername,
 * data both ways); NULL names or a Reserved pointer WSAEINVAL, an
 * invalid socket WSAENOTSOCK. */
#include <stdio.h>
#include <string.h>
#include "harness.h"

void sc_NM4(ct *t)
{
    unsigned short port;
    SOCKET l = INVALID_SOCKET, s, srv;
    struct sockaddr_in remote, local, peer, name;
    DWORD rlen = sizeof(remote), llen = sizeof(local);
    struct timeval tv = { 5, 0 };
    WSAOVERLAPPED ov;
    char service[16], buf[8];
    wchar_t wservice[16];
    u_long on = 1;
    int plen = sizeof(peer), nlen = sizeof(name), i;
    BOOL ok;

    ct_startup(t);
    l = ct_listener(t, &port);
    snprintf(service, sizeof(service), "%u", port);
    for (i = 0; service[i]; i++)
        wservice[i] = (wchar_t)service[i];
    wservice[i] = 0;

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&remote, 0, sizeof(remote));
    memset(&local, 0, sizeof(local));
    ok = WSAConnectByNameA(s, (char *)"127.0.0.1", service, &llen,
                           (SOCKADDR *)&local, &rlen, (SOCKADDR *)&remote,
                           &tv, NULL);
    ct_obs(t, "by_name_a", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "remote", "%08lx port %s len %u",
           (unsigned long)ntohl(remote.sin_addr.s_addr),
           ntohs(remote.sin_port) == port ? "listener's" : "other",
           (unsigned)rlen);
    getsockname(s, (SOCKADDR *)&name, &nlen);
    ct_obs(t, "local", "%s len %u",
           local.sin_port == name.sin_port &&
                   local.sin_addr.s_addr == name.sin_addr.s_addr
               ? "getsockname's" : "other",
           (unsigned)llen);
    ct_obs_rc(t, "getpeername", getpeername(s, (SOCKADDR *)&peer, &plen));
    ct_require(t, ok, "WSAConnectByNameA connects");
    srv = accept(l, NULL, NULL);
    ct_obs_rc(t, "send", send(s, "ping", 4, 0));
    ct_obs_rc(t, "peer_recv", recv(srv, buf, sizeof(buf), 0));
    ct_obs_rc(t, "connect_again", connect(s, (SOCKADDR *)&remote,
                                          sizeof(remote)));
    closesocket(srv);
    closesocket(s);

    /* Wide, on a non-blocking socket, no addresses asked for. */
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ioctlsocket(s, FIONBIO, &on);
    ok = WSAConnectByNameW(s, (wchar_t *)L"127.0.0.1", wservice, NULL, NULL,
                           NULL, NULL, NULL, NULL);
    ct_obs(t, "by_name_w_nonblocking", "%s",
           ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    plen = sizeof(peer);
    ct_obs_rc(t, "w_getpeername", getpeername(s, (SOCKADDR *)&peer, &plen));
    if (ct_wait_readable(l, 2000) == 1) {
        srv = accept(l, NULL, NULL);
        closesocket(srv);
    }
    closesocket(s);

    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok = WSAConnectByNameA(s, NULL, service, NULL, NULL, NULL, NULL, NULL,
                           NULL);
    ct_obs(t, "null_node", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    ok = WSAConnectByNameA(s, (char *)"127.0.0.1", NULL, NULL, NULL, NULL,
                           NULL, NULL, NULL);
    ct_obs(t, "null_service", "%s",
           ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    memset(&ov, 0, sizeof(ov));
    ok = WSAConnectByNameA(s, (char *)"127.0.0.1", service, NULL, NULL, NULL,
                           NULL, NULL, &ov);
    ct_obs(t, "reserved", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    closesocket(s);
    ok = WSAConnectByNameA(s, (char *)"127.0.0.1", service, NULL, NULL, NULL,
                           NULL, NULL, NULL);
    ct_obs(t, "closed_socket", "%s",
           ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    closesocket(l);
}
