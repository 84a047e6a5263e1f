/* OV9: a blocking select, WSAPoll and accept wait alertably: an APC
 * queued to the thread runs during the wait, which goes on (to the
 * timeout, to the connection); a call that completes at once runs none
 * (row OV9; a blocking recv, asleep in the kernel, does not run them:
 * README's limits). */
#include "harness.h"

static volatile LONG apcs;

static void WINAPI count_apc(ULONG_PTR arg)
{
    (void)arg;
    InterlockedIncrement(&apcs);
}

/* One APC queued to the calling thread, the count cleared. */
static void queue_one(ct *t)
{
    SleepEx(0, TRUE); /* (runs what an earlier step left) */
    apcs = 0;
    ct_require(t, QueueUserAPC(count_apc, GetCurrentThread(), 0) != 0,
               "QueueUserAPC");
}

struct connector {
    unsigned short port;
    HANDLE ran; /* set by the APC */
    SOCKET s;
};

static void WINAPI signal_apc(ULONG_PTR arg)
{
    InterlockedIncrement(&apcs);
    SetEvent(((struct connector *)arg)->ran);
}

/* Connects once the APC has run in the accepting thread (or after 3 s:
 * the accept must not hang either way). */
static DWORD WINAPI connect_after_apc(LPVOID arg)
{
    struct connector *c = arg;
    struct sockaddr_in a = ct_loopback(c->port);

    WaitForSingleObject(c->ran, 3000);
    c->s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    connect(c->s, (struct sockaddr *)&a, sizeof(a));
    return 0;
}

static void accept_alertable(ct *t)
{
    struct connector c;
    SOCKET l = ct_listener(t, &c.port), acc;
    HANDLE th;

    SleepEx(0, TRUE);
    apcs = 0;
    c.ran = CreateEventA(NULL, TRUE, FALSE, NULL);
    c.s = INVALID_SOCKET;
    ct_require(t, QueueUserAPC(signal_apc, GetCurrentThread(),
                               (ULONG_PTR)&c) != 0, "QueueUserAPC");
    th = CreateThread(NULL, 0, connect_after_apc, &c, 0, NULL);
    ct_require(t, th != NULL, "CreateThread");
    acc = accept(l, NULL, NULL);
    ct_obs(t, "accept_after_apc", "%s", acc == INVALID_SOCKET ? "failed"
                                                              : "socket");
    ct_obs(t, "accept_ran_apc", "%ld", (long)apcs);
    WaitForSingleObject(th, 5000);
    CloseHandle(th);
    CloseHandle(c.ran);
    closesocket(acc);
    closesocket(c.s);
    closesocket(l);
}

void sc_OV9(ct *t)
{
    SOCKET c, s;
    fd_set r;
    struct timeval tv = { 0, 200000 };
    WSAPOLLFD p;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    queue_one(t);
    FD_ZERO(&r);
    FD_SET(c, &r);
    ct_obs_rc(t, "select_times_out", select(0, &r, NULL, NULL, &tv));
    ct_obs(t, "select_ran_apc", "%ld", (long)apcs);

    queue_one(t);
    p.fd = c;
    p.events = POLLRDNORM;
    p.revents = 0;
    ct_obs_rc(t, "wsapoll_times_out", WSAPoll(&p, 1, 200));
    ct_obs(t, "wsapoll_ran_apc", "%ld", (long)apcs);

    /* Readable already: no wait, no APC. */
    queue_one(t);
    send(s, "y", 1, 0);
    FD_ZERO(&r);
    FD_SET(c, &r);
    tv.tv_sec = 2;
    tv.tv_usec = 0;
    ct_obs_rc(t, "select_at_once", select(0, &r, NULL, NULL, &tv));
    ct_obs(t, "select_at_once_ran_apc", "%ld", (long)apcs);
    SleepEx(0, TRUE);
    accept_alertable(t);
    closesocket(c);
    closesocket(s);
}
