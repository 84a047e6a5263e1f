/* OV20: the thread that issued an overlapped receive exits; the receive
 * is not cancelled and completes with the data that comes later. */
#include "harness_ov.h"

struct ov20 {
    SOCKET s;
    OVERLAPPED ov;
    char buf[16];
    int rc;
};

static void issuer(void *arg)
{
    struct ov20 *r = arg;
    WSABUF b = { sizeof(r->buf), r->buf };
    DWORD n = 0, fl = 0;

    r->rc = WSARecv(r->s, &b, 1, &n, &fl, &r->ov, NULL);
    if (r->rc == SOCKET_ERROR)
        r->rc = WSAGetLastError();
}

void sc_OV20(ct *t)
{
    static struct ov20 r;
    SOCKET c;
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &r.s);
    ct_ov_init(t, &r.ov);
    ct_require(t, ct_thread_join(ct_thread_start(t, issuer, &r), 2000) == 0,
               "issuer exits");
    ct_obs(t, "recv", "%d", r.rc);
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "wait", WaitForSingleObject(r.ov.hEvent, 2000));
    ct_obs_bool(t, "result", WSAGetOverlappedResult(r.s, &r.ov, &n, FALSE, &fl));
    ct_obs(t, "data", "%lu %.5s", (unsigned long)n, r.buf);
    closesocket(c);
    closesocket(r.s);
    CloseHandle(r.ov.hEvent);
}
