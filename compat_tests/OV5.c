/* OV5: a socket made without WSA_FLAG_OVERLAPPED, non-blocking: WSARecv
 * with an OVERLAPPED blocks until data comes and returns 0; without one
 * it fails WSAEWOULDBLOCK. */
#include "harness_ov.h"

struct ov5 {
    SOCKET s;
    OVERLAPPED ov;
    char buf[16];
    DWORD n;
    int rc, err;
};

static void reader(void *arg)
{
    struct ov5 *r = arg;
    WSABUF b = { sizeof(r->buf), r->buf };
    DWORD fl = 0;

    r->rc = WSARecv(r->s, &b, 1, &r->n, &fl, &r->ov, NULL);
    r->err = WSAGetLastError();
}

void sc_OV5(ct *t)
{
    static struct ov5 r;
    unsigned short port;
    SOCKET l, c;
    struct sockaddr_in a;
    char buf[16];
    u_long on = 1;
    ct_thread *th;

    ct_startup(t);
    l = ct_listener(t, &port);
    a = ct_loopback(port);
    r.s = WSASocketA(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0);
    ct_require(t, r.s != INVALID_SOCKET, "WSASocket");
    ct_require(t, connect(r.s, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    c = accept(l, NULL, NULL);
    closesocket(l);
    ct_obs_rc(t, "fionbio", ioctlsocket(r.s, FIONBIO, &on));
    ct_obs_rc(t, "plain_recv", recv(r.s, buf, sizeof(buf), 0));
    ct_ov_init(t, &r.ov);
    th = ct_thread_start(t, reader, &r);
    ct_obs(t, "overlapped_recv_blocks", "%s",
           ct_thread_blocked(th, 2000) == 0 ? "yes" : "no");
    send(c, "hello", 5, 0);
    ct_require(t, ct_thread_join(th, 2000) == 0, "reader returns");
    if (r.rc == SOCKET_ERROR)
        ct_obs(t, "overlapped_recv", "SOCKET_ERROR/%s", ct_wsa_name(r.err));
    else
        ct_obs(t, "overlapped_recv", "%d", r.rc);
    WaitForSingleObject(r.ov.hEvent, 2000);
    ct_obs(t, "bytes", "%lu", (unsigned long)r.ov.InternalHigh);
    closesocket(c);
    closesocket(r.s);
    CloseHandle(r.ov.hEvent);
}
