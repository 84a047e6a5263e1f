/* MX3: AcceptEx's argument errors, each failing at once: invalid
 * listener or acceptor WSAENOTSOCK; a listener not listening, a UDP,
 * bound or connected acceptor WSAEINVAL; no buffer or a remote address
 * length 0 WSAEFAULT; no OVERLAPPED ERROR_INVALID_PARAMETER; the same
 * acceptor twice WSAEINVAL.  Internal is STATUS_PENDING after a failure
 * (row MX3). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

static void internal(ct *t, const char *key, OVERLAPPED *ov)
{
    /* Read as the completing thread publishes it. */
    unsigned long v = (unsigned long)__atomic_load_n(&ov->Internal,
                                                     __ATOMIC_ACQUIRE);

    if (v == STATUS_PENDING)
        ct_obs(t, key, "STATUS_PENDING");
    else
        ct_obs(t, key, "%#lx", v);
}

void sc_MX3(ct *t)
{
    unsigned short port;
    SOCKET l, acc, nl, u, b, c, srv, cl;
    LPFN_ACCEPTEX AcceptEx_;
    char buf[256];
    DWORD n = 0;
    OVERLAPPED ov, ov2;
    struct sockaddr_in to;

    ct_startup(t);
    l = ct_listener(t, &port);
    acc = mx_tcp(t);
    AcceptEx_ = mx_acceptex(t, l);
    mx_ov(&ov);
    mx_ov(&ov2);
    mx_obs_bool(t, "invalid_listener",
                AcceptEx_(INVALID_SOCKET, acc, buf, 0, AL, AL, &n, &ov));
    mx_obs_bool(t, "invalid_acceptor",
                AcceptEx_(l, INVALID_SOCKET, buf, 0, AL, AL, &n, &ov));
    nl = mx_bound(t);
    ov.Internal = 0xdeadbeef;
    mx_obs_bool(t, "not_listening",
                AcceptEx_(nl, acc, buf, 0, AL, AL, &n, &ov));
    internal(t, "internal_after_failure", &ov);
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    mx_obs_bool(t, "udp_acceptor", AcceptEx_(l, u, buf, 0, AL, AL, &n, &ov));
    b = mx_bound(t);
    mx_obs_bool(t, "bound_acceptor",
                AcceptEx_(l, b, buf, 0, AL, AL, &n, &ov));
    ct_tcp_pair(t, &c, &srv);
    mx_obs_bool(t, "connected_acceptor",
                AcceptEx_(l, c, buf, 0, AL, AL, &n, &ov));
    ov.Internal = 0xdeadbeef;
    mx_obs_bool(t, "null_buffer",
                AcceptEx_(l, acc, NULL, 0, AL, AL, &n, &ov));
    internal(t, "internal_after_null_buffer", &ov);
    mx_obs_bool(t, "remote_length_0",
                AcceptEx_(l, acc, buf, 0, AL, 0, &n, &ov));
    mx_obs_bool(t, "null_overlapped",
                AcceptEx_(l, acc, buf, 0, AL, AL, &n, NULL));
    /* Nothing of these is pending: a good call pends, a second with the
     * same acceptor fails. */
    mx_obs_bool(t, "good", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    mx_obs_bool(t, "same_acceptor_twice",
                AcceptEx_(l, acc, buf + 128, 0, AL, AL, &n, &ov2));
    cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    to = ct_loopback(port);
    ct_obs_rc(t, "client_connect",
              connect(cl, (struct sockaddr *)&to, sizeof(to)));
    mx_obs_result(t, "good_result", l, &ov, 2000);
    ct_obs(t, "second_signalled", "%s", mx_state(&ov2, 0));
    closesocket(cl);
    closesocket(acc);
    closesocket(u);
    closesocket(b);
    closesocket(nl);
    closesocket(c);
    closesocket(srv);
    closesocket(l);
    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
}
