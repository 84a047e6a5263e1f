/* MX13: 32 AcceptEx pending on one listener at once (libuv's
 * simultaneous accepts): each pends, 32 clients connect, all 32 complete
 * with 0 bytes, each with a client of its own (row MX13). */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)
#define NACC 32

void sc_MX13(ct *t)
{
    static char buf[NACC][2 * AL];
    SOCKET l, acc[NACC], cl[NACC];
    OVERLAPPED ov[NACC];
    HANDLE ev[NACC];
    LPFN_ACCEPTEX AcceptEx_;
    LPFN_GETACCEPTEXSOCKADDRS Sockaddrs;
    struct sockaddr_in to = ct_loopback(0);
    int i, j, pend = 0, ok = 0, connected = 0, distinct = 1, len;
    DWORD n;

    ct_startup(t);
    l = mx_tcp(t);
    ct_require(t, bind(l, (struct sockaddr *)&to, sizeof(to)) == 0, "bind");
    ct_require(t, listen(l, SOMAXCONN) == 0, "listen");
    len = sizeof(to);
    getsockname(l, (struct sockaddr *)&to, &len);
    AcceptEx_ = mx_acceptex(t, l);
    Sockaddrs = mx_sockaddrs(t, l);
    for (i = 0; i < NACC; i++) {
        acc[i] = mx_tcp(t);
        mx_ov(&ov[i]);
        ev[i] = ov[i].hEvent;
        if (!AcceptEx_(l, acc[i], buf[i], 0, AL, AL, &n, &ov[i]) &&
            GetLastError() == ERROR_IO_PENDING)
            pend++;
    }
    ct_obs(t, "pending", "%d", pend);
    for (i = 0; i < NACC; i++) {
        cl[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (connect(cl[i], (struct sockaddr *)&to, sizeof(to)) == 0)
            connected++;
    }
    ct_obs(t, "connected", "%d", connected);
    ct_obs(t, "all_done", "%s",
           WaitForMultipleObjects(NACC, ev, TRUE, 5000) == WAIT_OBJECT_0
               ? "yes" : "no");
    for (i = 0; i < NACC; i++)
        if (GetOverlappedResult((HANDLE)acc[i], &ov[i], &n, FALSE) && n == 0)
            ok++;
    ct_obs(t, "succeeded", "%d", ok);
    /* Each remote address once. */
    for (i = 0; i < NACC; i++) {
        struct sockaddr *lp, *rp, *rq;
        int ll, rl;

        Sockaddrs(buf[i], 0, AL, AL, &lp, &ll, &rp, &rl);
        for (j = 0; j < i; j++) {
            Sockaddrs(buf[j], 0, AL, AL, &lp, &ll, &rq, &rl);
            if (rp && rq && !memcmp(rp, rq, sizeof(struct sockaddr_in)))
                distinct = 0;
        }
    }
    ct_obs(t, "distinct_clients", "%s", distinct ? "yes" : "no");
    for (i = 0; i < NACC; i++) {
        closesocket(cl[i]);
        closesocket(acc[i]);
        CloseHandle(ev[i]);
    }
    closesocket(l);
}
