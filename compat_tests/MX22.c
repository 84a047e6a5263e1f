/* MX22: WSARecvMsg and WSASendMsg come through
 * SIO_GET_EXTENSION_FUNCTION_POINTER; WSASendMsg on TCP fails; on an
 * unbound UDP socket it binds it; WSARecvMsg with IP_PKTINFO reports the
 * destination address in Windows' IN_PKTINFO. */
#include "mx.h"
#include <ws2tcpip.h>

static void *ext(SOCKET s, GUID g)
{
    void *fn = NULL;
    DWORD n = 0;

    if (WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g, sizeof(g), &fn,
                 sizeof(fn), &n, NULL, NULL) || n != sizeof(fn))
        return NULL;
    return fn;
}

void sc_MX22(ct *t)
{
    GUID grecv = WSAID_WSARECVMSG, gsend = WSAID_WSASENDMSG;
    LPFN_WSARECVMSG recvmsg_fn;
    LPFN_WSASENDMSG sendmsg_fn;
    struct sockaddr_in to, bound, from;
    SOCKET r, w, c, srv;
    WSABUF b = { 5, (char *)"hello" }, rb;
    WSAMSG m, rm;
    WSACMSGHDR *cm;
    char buf[16], ctl[64];
    DWORD on = 1, n = 0;
    unsigned short port;
    int len, found = 0;

    ct_startup(t);
    r = ct_udp(t, &port);
    w = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    to = ct_loopback(port);
    recvmsg_fn = (LPFN_WSARECVMSG)ext(r, grecv);
    sendmsg_fn = (LPFN_WSASENDMSG)ext(r, gsend);
    ct_obs(t, "pointers", "%s", recvmsg_fn && sendmsg_fn ? "both" : "missing");
    if (!recvmsg_fn || !sendmsg_fn)
        return;
    memset(&m, 0, sizeof(m));
    m.name = (LPSOCKADDR)&to;
    m.namelen = sizeof(to);
    m.lpBuffers = &b;
    m.dwBufferCount = 1;

    ct_tcp_pair(t, &c, &srv);
    ct_obs_rc(t, "tcp_sendmsg", sendmsg_fn(c, &m, 0, &n, NULL, NULL));
    closesocket(c);
    closesocket(srv);

    ct_obs_rc(t, "pktinfo", setsockopt(r, IPPROTO_IP, IP_PKTINFO, (char *)&on,
                                       sizeof(on)));
    ct_obs_rc(t, "udp_sendmsg", sendmsg_fn(w, &m, 0, &n, NULL, NULL));
    ct_obs(t, "sent", "%lu", (unsigned long)n);
    len = sizeof(bound);
    memset(&bound, 0, sizeof(bound));
    getsockname(w, (struct sockaddr *)&bound, &len);
    ct_obs(t, "bound", "%s", bound.sin_port ? "yes" : "no");

    ct_wait_readable(r, 2000);
    rb.buf = buf;
    rb.len = sizeof(buf);
    memset(&rm, 0, sizeof(rm));
    rm.name = (LPSOCKADDR)&from;
    rm.namelen = sizeof(from);
    rm.lpBuffers = &rb;
    rm.dwBufferCount = 1;
    rm.Control.buf = ctl;
    rm.Control.len = sizeof(ctl);
    n = 0;
    ct_obs_rc(t, "recvmsg", recvmsg_fn(r, &rm, &n, NULL, NULL));
    ct_obs(t, "received", "%lu %.5s", (unsigned long)n, buf);
    ct_obs(t, "from_port", "%s", from.sin_port == bound.sin_port ? "sender" : "other");
    for (cm = WSA_CMSG_FIRSTHDR(&rm); cm; cm = WSA_CMSG_NXTHDR(&rm, cm)) {
        if (cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_PKTINFO) {
            IN_PKTINFO *p = (IN_PKTINFO *)WSA_CMSG_DATA(cm);

            found = p->ipi_addr.s_addr == htonl(INADDR_LOOPBACK) ? 1 : 2;
        }
    }
    ct_obs(t, "pktinfo_data", "%s", found == 1 ? "127.0.0.1" : found ? "other" : "none");
    ct_obs(t, "msg_flags", "%lu", (unsigned long)rm.dwFlags);
    closesocket(r);
    closesocket(w);
}
