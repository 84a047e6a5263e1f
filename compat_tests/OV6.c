/* OV6: a completion routine: WSA_IO_PENDING; the routine runs only in an
 * alertable wait of the issuing thread (SleepEx returns
 * WAIT_IO_COMPLETION), hEvent is not signalled, and the routine's error
 * is a WSA code (a long datagram: WSAEMSGSIZE). */
#include "harness_ov.h"

static int calls;
static DWORD r_err, r_bytes, r_flags;
static LPWSAOVERLAPPED r_ov;

static void CALLBACK routine(DWORD err, DWORD bytes, LPWSAOVERLAPPED ov,
                             DWORD flags)
{
    calls++;
    r_err = err, r_bytes = bytes, r_ov = ov, r_flags = flags;
}

void sc_OV6(ct *t)
{
    SOCKET c, s, u, tx;
    unsigned short port;
    struct sockaddr_in to;
    OVERLAPPED ov;
    char buf[16];
    WSABUF b = { sizeof(buf), buf };
    DWORD n = 0, fl = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "recv", WSARecv(s, &b, 1, &n, &fl, &ov, routine));
    send(c, "hello", 5, 0);
    ct_obs_wait(t, "event", WaitForSingleObject(ov.hEvent, 300));
    ct_obs(t, "calls_before", "%d", calls);
    ct_obs_wait(t, "sleepex", SleepEx(2000, TRUE));
    ct_obs(t, "calls_after", "%d", calls);
    ct_obs(t, "routine_args", "err %lu bytes %lu ov %s flags %lu",
           (unsigned long)r_err, (unsigned long)r_bytes,
           r_ov == &ov ? "ov" : "other", (unsigned long)r_flags);
    ct_obs_wait(t, "event_after", WaitForSingleObject(ov.hEvent, 0));

    u = ct_udp(t, &port);
    to = ct_loopback(port);
    tx = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    b.len = 2;
    calls = 0;
    ct_obs_rc(t, "udp_recv", WSARecv(u, &b, 1, &n, &fl, &ov, routine));
    sendto(tx, "hello", 5, 0, (struct sockaddr *)&to, sizeof(to));
    ct_obs_wait(t, "udp_sleepex", SleepEx(2000, TRUE));
    ct_obs(t, "udp_routine_err", "%d %s", calls, ct_wsa_name((int)r_err));
    closesocket(tx);
    closesocket(u);
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
