/* MX15: ConnectEx pends and completes with the bytes of its send buffer
 * (0 or 3), which the peer receives; the same as a packet on a
 * completion port; a refused ConnectEx ends ERROR_CONNECTION_REFUSED,
 * by event and by packet (rows MX15, MX16). */
#include "mx.h"

static void recv_some(ct *t, const char *key, SOCKET s)
{
    char in[8];
    int r;

    ct_wait_readable(s, 2000);
    r = recv(s, in, sizeof(in), 0);
    if (r > 0)
        ct_obs(t, key, "%d %.*s", r, r, in);
    else
        ct_obs_rc(t, key, r);
}

void sc_MX15(ct *t)
{
    unsigned short port, dead;
    SOCKET l, s, a, d;
    LPFN_CONNECTEX ConnectEx_;
    OVERLAPPED ov;
    HANDLE cp;
    DWORD n = 0;
    struct sockaddr_in to, nowhere;

    ct_startup(t);
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    d = ct_listener(t, &dead);
    closesocket(d);
    nowhere = ct_loopback(dead);

    s = mx_bound(t);
    ConnectEx_ = mx_connectex(t, s);
    mx_ov(&ov);
    mx_obs_bool(t, "no_data", ConnectEx_(s, (struct sockaddr *)&to,
                                         sizeof(to), NULL, 0, &n, &ov));
    mx_obs_result(t, "no_data_result", s, &ov, 2000);
    ct_obs_rc(t, "update_connect_context",
              setsockopt(s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0));
    a = accept(l, NULL, NULL);
    ct_obs_sock(t, "accepted", a);
    closesocket(a);
    closesocket(s);
    CloseHandle(ov.hEvent);

    s = mx_bound(t);
    mx_ov(&ov);
    mx_obs_bool(t, "data", ConnectEx_(s, (struct sockaddr *)&to, sizeof(to),
                                      "abc", 3, &n, &ov));
    mx_obs_result(t, "data_result", s, &ov, 2000);
    a = accept(l, NULL, NULL);
    recv_some(t, "peer_data", a);
    closesocket(a);
    closesocket(s);
    CloseHandle(ov.hEvent);

    s = mx_bound(t);
    cp = CreateIoCompletionPort((HANDLE)s, NULL, 5, 0);
    ct_require(t, cp != NULL, "completion port");
    memset(&ov, 0, sizeof(ov));
    mx_obs_bool(t, "port_data", ConnectEx_(s, (struct sockaddr *)&to,
                                           sizeof(to), "xyz", 3, &n, &ov));
    mx_obs_packet(t, "port_packet", cp, &ov, 2000);
    a = accept(l, NULL, NULL);
    recv_some(t, "port_peer_data", a);
    closesocket(a);
    closesocket(s);
    CloseHandle(cp);

    /* Refused. */
    s = mx_bound(t);
    mx_ov(&ov);
    mx_obs_bool(t, "refused", ConnectEx_(s, (struct sockaddr *)&nowhere,
                                         sizeof(nowhere), NULL, 0, &n, &ov));
    mx_obs_result(t, "refused_result", s, &ov, 5000);
    closesocket(s);
    CloseHandle(ov.hEvent);

    s = mx_bound(t);
    cp = CreateIoCompletionPort((HANDLE)s, NULL, 6, 0);
    ct_require(t, cp != NULL, "completion port");
    memset(&ov, 0, sizeof(ov));
    mx_obs_bool(t, "port_refused", ConnectEx_(s, (struct sockaddr *)&nowhere,
                                              sizeof(nowhere), NULL, 0, &n,
                                              &ov));
    mx_obs_packet(t, "port_refused_packet", cp, &ov, 5000);
    closesocket(s);
    CloseHandle(cp);
    closesocket(l);
}
