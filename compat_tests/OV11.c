/* OV11: an overlapped send completes only when every byte is taken: with
 * SO_SNDBUF 0, 1 MiB pends, and so does a second one; each reports its
 * full length once the peer reads. */
#include "harness_ov.h"

#define MIB (1024 * 1024)

struct ov11 {
    SOCKET s;
    long long total;
};

static void reader(void *arg)
{
    static char buf[65536];
    struct ov11 *r = arg;
    int n;

    while (r->total < 2LL * MIB && (n = recv(r->s, buf, sizeof(buf), 0)) > 0)
        r->total += n;
}

void sc_OV11(ct *t)
{
    static char big1[MIB], big2[MIB];
    static struct ov11 r;
    SOCKET c, s;
    OVERLAPPED o1, o2;
    WSABUF w1 = { MIB, big1 }, w2 = { MIB, big2 };
    DWORD n = 0, fl = 0;
    int zero = 0;
    ct_thread *th;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "sndbuf", setsockopt(c, SOL_SOCKET, SO_SNDBUF,
                                      (char *)&zero, sizeof(zero)));
    ct_ov_init(t, &o1);
    ct_ov_init(t, &o2);
    ct_obs_rc(t, "send1", WSASend(c, &w1, 1, &n, 0, &o1, NULL));
    ct_obs_rc(t, "send2", WSASend(c, &w2, 1, &n, 0, &o2, NULL));
    r.s = s, r.total = 0;
    th = ct_thread_start(t, reader, &r);
    ct_obs_wait(t, "wait1", WaitForSingleObject(o1.hEvent, 5000));
    ct_obs_bool(t, "result1", WSAGetOverlappedResult(c, &o1, &n, FALSE, &fl));
    ct_obs(t, "bytes1", "%lu", (unsigned long)n);
    ct_obs_wait(t, "wait2", WaitForSingleObject(o2.hEvent, 5000));
    ct_obs_bool(t, "result2", WSAGetOverlappedResult(c, &o2, &n, FALSE, &fl));
    ct_obs(t, "bytes2", "%lu", (unsigned long)n);
    ct_thread_join(th, 5000);
    ct_obs(t, "peer_total", "%lld", r.total);
    closesocket(c);
    closesocket(s);
    CloseHandle(o1.hEvent);
    CloseHandle(o2.hEvent);
}
