/* MX19: DisconnectEx: invalid WSAENOTSOCK; unconnected WSAENOTCONN; with
 * an OVERLAPPED it pends and succeeds with 0 bytes; without one it
 * succeeds at once, twice; afterwards the socket is as after SD_SEND:
 * send WSAESHUTDOWN, the peer reads 0, data from the peer still comes,
 * connect WSAEISCONN, getpeername works (row MX19). */
#include "mx.h"

void sc_MX19(ct *t)
{
    SOCKET s, c, srv;
    LPFN_DISCONNECTEX DisconnectEx_;
    OVERLAPPED ov;
    struct sockaddr_in peer;
    char in[8];
    int len;

    ct_startup(t);
    s = mx_tcp(t);
    DisconnectEx_ = mx_disconnectex(t, s);
    mx_obs_bool(t, "invalid", DisconnectEx_(INVALID_SOCKET, NULL, 0, 0));
    mx_obs_bool(t, "unconnected", DisconnectEx_(s, NULL, 0, 0));
    closesocket(s);

    ct_tcp_pair(t, &c, &srv);
    mx_ov(&ov);
    mx_obs_bool(t, "overlapped", DisconnectEx_(c, &ov, 0, 0));
    mx_obs_result(t, "overlapped_result", c, &ov, 2000);
    ct_wait_readable(srv, 2000);
    ct_obs_rc(t, "overlapped_peer_recv", recv(srv, in, sizeof(in), 0));
    closesocket(c);
    closesocket(srv);
    CloseHandle(ov.hEvent);

    ct_tcp_pair(t, &c, &srv);
    mx_obs_bool(t, "sync", DisconnectEx_(c, NULL, 0, 0));
    mx_obs_bool(t, "sync_again", DisconnectEx_(c, NULL, 0, 0));
    ct_obs_rc(t, "send_after", send(c, "x", 1, 0));
    ct_wait_readable(srv, 2000);
    ct_obs_rc(t, "peer_recv", recv(srv, in, sizeof(in), 0));
    ct_obs_rc(t, "peer_send", send(srv, "yz", 2, 0));
    ct_wait_readable(c, 2000);
    ct_obs_rc(t, "recv_after", recv(c, in, sizeof(in), 0));
    len = sizeof(peer);
    getsockname(srv, (struct sockaddr *)&peer, &len);
    ct_obs_rc(t, "connect_after",
              connect(c, (struct sockaddr *)&peer, sizeof(peer)));
    len = sizeof(peer);
    ct_obs_rc(t, "getpeername_after",
              getpeername(c, (struct sockaddr *)&peer, &len));
    closesocket(c);
    closesocket(srv);
}
