/* RM1: WSARecvMsg on UDP with a control buffer too small for IP_PKTINFO:
 * SOCKET_ERROR WSAEMSGSIZE, dwFlags MSG_CTRUNC, the data delivered; the
 * overlapped form ends FALSE WSAEMSGSIZE with the data's length (row 9z). */
#include "mx.h"
#include <ws2tcpip.h>

static LPFN_WSARECVMSG recvmsg_ptr(SOCKET s)
{
    GUID g = WSAID_WSARECVMSG;
    LPFN_WSARECVMSG fn = NULL;
    DWORD n = 0;

    WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g, sizeof(g), &fn,
             sizeof(fn), &n, NULL, NULL);
    return fn;
}

void sc_RM1(ct *t)
{
    struct sockaddr_in to;
    SOCKET r, w;
    LPFN_WSARECVMSG recvmsg_fn;
    WSAOVERLAPPED ov;
    WSABUF rb;
    WSAMSG m;
    char buf[16], ctl[8];
    DWORD on = 1, n = 0, fl = 0;
    unsigned short port;
    BOOL ok;

    ct_startup(t);
    r = ct_udp(t, &port);
    w = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    to = ct_loopback(port);
    setsockopt(r, IPPROTO_IP, IP_PKTINFO, (char *)&on, sizeof(on));
    recvmsg_fn = recvmsg_ptr(r);
    ct_require(t, recvmsg_fn != NULL, "WSARecvMsg pointer");

    sendto(w, "hello", 5, 0, (struct sockaddr *)&to, sizeof(to));
    ct_wait_readable(r, 2000);
    rb.buf = buf;
    rb.len = sizeof(buf);
    memset(&m, 0, sizeof(m));
    m.lpBuffers = &rb;
    m.dwBufferCount = 1;
    m.Control.buf = ctl;
    m.Control.len = sizeof(ctl);
    ct_obs_rc(t, "recvmsg", recvmsg_fn(r, &m, &n, NULL, NULL));
    ct_obs(t, "flags", "%s", m.dwFlags == MSG_CTRUNC ? "MSG_CTRUNC" : "other");
    ct_obs(t, "data", "%.5s", buf);

    sendto(w, "world", 5, 0, (struct sockaddr *)&to, sizeof(to));
    ct_wait_readable(r, 2000);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    m.Control.len = sizeof(ctl);
    m.dwFlags = 0;
    recvmsg_fn(r, &m, &n, &ov, NULL);
    WaitForSingleObject(ov.hEvent, 2000);
    ok = WSAGetOverlappedResult(r, &ov, &n, FALSE, &fl);
    if (ok)
        ct_obs(t, "overlapped", "TRUE %lu", (unsigned long)n);
    else
        ct_obs(t, "overlapped", "FALSE/%s %lu", ct_wsa_name(WSAGetLastError()),
               (unsigned long)n);
    ct_obs(t, "overlapped_data", "%.5s", buf);
    WSACloseEvent(ov.hEvent);
    closesocket(r);
    closesocket(w);
}
