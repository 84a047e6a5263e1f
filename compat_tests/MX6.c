/* MX6: AcceptEx with no receive length completes on connect with 0
 * bytes; GetAcceptExSockaddrs gives the listener's address and the
 * client's, sizeof(sockaddr_in) each; SO_UPDATE_ACCEPT_CONTEXT, then
 * getsockname and getpeername agree; the accepted socket is bound,
 * writable, readable when data comes (rows MX6, MX7, MX8, MX12). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

static int same(const struct sockaddr *a, const struct sockaddr_in *b)
{
    const struct sockaddr_in *x = (const struct sockaddr_in *)a;

    return a && x->sin_family == AF_INET && x->sin_port == b->sin_port &&
           x->sin_addr.s_addr == b->sin_addr.s_addr;
}

void sc_MX6(ct *t)
{
    unsigned short port;
    SOCKET l, acc, cl;
    LPFN_ACCEPTEX AcceptEx_;
    LPFN_GETACCEPTEXSOCKADDRS Sockaddrs;
    char buf[2 * AL], in[8];
    DWORD n = 0;
    OVERLAPPED ov;
    struct sockaddr_in to, la, ca, got;
    struct sockaddr *lp = NULL, *rp = NULL;
    int ll = -1, rl = -1, len;
    fd_set w;
    struct timeval tv = { 2, 0 };

    ct_startup(t);
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    len = sizeof(la);
    getsockname(l, (struct sockaddr *)&la, &len);
    AcceptEx_ = mx_acceptex(t, l);
    Sockaddrs = mx_sockaddrs(t, l);

    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "client_connect",
              connect(cl, (struct sockaddr *)&to, sizeof(to)));
    len = sizeof(ca);
    getsockname(cl, (struct sockaddr *)&ca, &len);
    mx_obs_result(t, "result", l, &ov, 2000);

    Sockaddrs(buf, 0, AL, AL, &lp, &ll, &rp, &rl);
    ct_obs(t, "local", "%s len %d", same(lp, &la) ? "listener" : "other", ll);
    ct_obs(t, "remote", "%s len %d", same(rp, &ca) ? "client" : "other", rl);

    ct_obs_rc(t, "update_accept_context",
              setsockopt(acc, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT,
                         (char *)&l, sizeof(l)));
    len = sizeof(got);
    ct_obs_rc(t, "getsockname", getsockname(acc, (struct sockaddr *)&got,
                                            &len));
    ct_obs(t, "getsockname_addr", "%s",
           same((struct sockaddr *)&got, &la) ? "listener" : "other");
    len = sizeof(got);
    ct_obs_rc(t, "getpeername", getpeername(acc, (struct sockaddr *)&got,
                                            &len));
    ct_obs(t, "getpeername_addr", "%s",
           same((struct sockaddr *)&got, &ca) ? "client" : "other");

    FD_ZERO(&w);
    FD_SET(acc, &w);
    ct_obs_rc(t, "writable", select(0, NULL, &w, NULL, &tv));
    ct_obs_rc(t, "send", send(acc, "ab", 2, 0));
    ct_wait_readable(cl, 2000);
    ct_obs_rc(t, "client_recv", recv(cl, in, sizeof(in), 0));
    send(cl, "xyz", 3, 0);
    ct_obs_rc(t, "readable", ct_wait_readable(acc, 2000));
    ct_obs_rc(t, "recv", recv(acc, in, sizeof(in), 0));
    closesocket(cl);
    closesocket(acc);
    closesocket(l);
    CloseHandle(ov.hEvent);
}
