/* MX17: ConnectEx's state errors: on a connected socket WSAEISCONN;
 * while a connect is in progress WSAEINVAL; connect while a ConnectEx is
 * pending WSAEINVAL; ConnectEx twice WSAEINVAL; getpeername while a
 * ConnectEx is pending WSAENOTCONN (it works during a plain connect).
 * MX18: after a ConnectEx connect fails WSAEINVAL until
 * SO_UPDATE_CONNECT_CONTEXT, then WSAEISCONN (rows MX17, MX18). */
#include "mx.h"

void sc_MX17(ct *t)
{
    unsigned short port;
    SOCKET l, c, srv, s, a, fill[CT_FULL_FILL];
    LPFN_CONNECTEX ConnectEx_;
    OVERLAPPED ov, ov2;
    DWORD n = 0;
    u_long one = 1;
    struct sockaddr_in to, peer;
    int len, i;

    ct_startup(t);
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    ct_tcp_pair(t, &c, &srv);
    ConnectEx_ = mx_connectex(t, c);
    mx_ov(&ov);
    mx_ov(&ov2);
    mx_obs_bool(t, "connected", ConnectEx_(c, (struct sockaddr *)&to,
                                           sizeof(to), NULL, 0, &n, &ov));
    closesocket(c);
    closesocket(srv);

    /* A plain non-blocking connect in progress. */
    s = mx_bound(t);
    ioctlsocket(s, FIONBIO, &one);
    ct_obs_rc(t, "nb_connect", connect(s, (struct sockaddr *)&to, sizeof(to)));
    len = sizeof(peer);
    ct_obs_rc(t, "nb_connect_getpeername",
              getpeername(s, (struct sockaddr *)&peer, &len));
    mx_obs_bool(t, "during_connect", ConnectEx_(s, (struct sockaddr *)&to,
                                                sizeof(to), NULL, 0, &n, &ov));
    closesocket(s);
    a = accept(l, NULL, NULL);
    closesocket(a);

    /* A ConnectEx pending for sure: the listener's queue is full, so its
     * SYN waits for a retry (once completed, a ConnectEx is WSAEISCONN). */
    closesocket(l);
    l = ct_full_listener(t, fill, &to);
    s = mx_bound(t);
    mx_obs_bool(t, "connectex", ConnectEx_(s, (struct sockaddr *)&to,
                                           sizeof(to), NULL, 0, &n, &ov));
    len = sizeof(peer);
    ct_obs_rc(t, "pending_getpeername",
              getpeername(s, (struct sockaddr *)&peer, &len));
    mx_obs_bool(t, "twice", ConnectEx_(s, (struct sockaddr *)&to, sizeof(to),
                                       NULL, 0, &n, &ov2));
    ct_obs_rc(t, "pending_connect",
              connect(s, (struct sockaddr *)&to, sizeof(to)));
    /* Room in the queue: the SYN's next try connects. */
    closesocket(accept(l, NULL, NULL));
    mx_obs_result(t, "result", s, &ov, 5000);
    ct_obs(t, "twice_signalled", "%s", mx_state(&ov2, 0));

    /* Done, the context not updated yet. */
    ct_obs_rc(t, "connect_after",
              connect(s, (struct sockaddr *)&to, sizeof(to)));
    ct_obs_rc(t, "update_connect_context",
              setsockopt(s, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0));
    ct_obs_rc(t, "connect_updated",
              connect(s, (struct sockaddr *)&to, sizeof(to)));
    len = sizeof(peer);
    ct_obs_rc(t, "getpeername_updated",
              getpeername(s, (struct sockaddr *)&peer, &len));
    for (i = 0; i < CT_FULL_FILL; i++)
        closesocket(fill[i]);
    closesocket(s);
    closesocket(l);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
