/* Winsock helpers shared by every scenario, on every platform. */
#include <stdio.h>
#include <string.h>
#include "harness.h"

#define N(code) { code, #code }
static const struct {
    int code;
    const char *name;
} names[] = {
    N(WSAEINTR), N(WSAEBADF), N(WSAEACCES), N(WSAEFAULT), N(WSAEINVAL),
    N(WSAEMFILE), N(WSAEWOULDBLOCK), N(WSAEINPROGRESS), N(WSAEALREADY),
    N(WSAENOTSOCK), N(WSAEDESTADDRREQ), N(WSAEMSGSIZE), N(WSAEPROTOTYPE),
    N(WSAENOPROTOOPT), N(WSAEPROTONOSUPPORT), N(WSAESOCKTNOSUPPORT),
    N(WSAEOPNOTSUPP), N(WSAEAFNOSUPPORT), N(WSAEADDRINUSE),
    N(WSAEADDRNOTAVAIL), N(WSAENETDOWN), N(WSAENETUNREACH), N(WSAENETRESET),
    N(WSAECONNABORTED), N(WSAECONNRESET), N(WSAENOBUFS), N(WSAEISCONN),
    N(WSAENOTCONN), N(WSAESHUTDOWN), N(WSAETIMEDOUT), N(WSAECONNREFUSED),
    N(WSAEHOSTUNREACH), N(WSAEHOSTDOWN), N(WSANOTINITIALISED), N(WSAEDISCON),
    N(WSA_OPERATION_ABORTED), N(WSAHOST_NOT_FOUND), N(WSATRY_AGAIN),
    N(WSANO_RECOVERY), N(WSANO_DATA), N(WSATYPE_NOT_FOUND),
    N(WSASERVICE_NOT_FOUND), N(WSA_NOT_ENOUGH_MEMORY),
};
#undef N

const char *ct_wsa_name(int code)
{
    static char buf[32];
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].code == code)
            return names[i].name;
    snprintf(buf, sizeof(buf), "%d", code);
    return buf;
}

void ct_obs_rc(ct *t, const char *key, int rc)
{
    if (rc == SOCKET_ERROR)
        ct_obs(t, key, "SOCKET_ERROR/%s", ct_wsa_name(WSAGetLastError()));
    else
        ct_obs(t, key, "%d", rc);
}

void ct_obs_sock(ct *t, const char *key, SOCKET s)
{
    if (s == INVALID_SOCKET)
        ct_obs(t, key, "INVALID_SOCKET/%s", ct_wsa_name(WSAGetLastError()));
    else
        ct_obs(t, key, "socket");
}

void ct_poll_invalid_beside(WSAPOLLFD p[2], short events, SOCKET s)
{
    SOCKET gone = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    closesocket(gone);
    p[0].fd = gone;
    p[0].events = events;
    p[0].revents = 0;
    p[1].fd = s;
    p[1].events = POLLWRNORM;
    p[1].revents = 0;
}

const char *ct_poll_names(int revents)
{
    static const struct { int bit; const char *name; } bits[] = {
        { POLLERR, "POLLERR" }, { POLLHUP, "POLLHUP" },
        { POLLNVAL, "POLLNVAL" }, { POLLPRI, "POLLPRI" },
        { POLLRDBAND, "POLLRDBAND" }, { POLLRDNORM, "POLLRDNORM" },
        { POLLWRNORM, "POLLWRNORM" },
    };
    static char buf[128];
    size_t i;

    buf[0] = 0;
    for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
        if (!(revents & bits[i].bit))
            continue;
        if (buf[0])
            strcat(buf, "|");
        strcat(buf, bits[i].name);
        revents &= ~bits[i].bit;
    }
    if (revents)
        snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s0x%x",
                 buf[0] ? "|" : "", (unsigned)revents);
    return buf[0] ? buf : "0";
}

void ct_startup(ct *t)
{
    WSADATA d;

    ct_require(t, WSAStartup(MAKEWORD(2, 2), &d) == 0, "WSAStartup");
}

struct sockaddr_in ct_loopback(unsigned short port)
{
    struct sockaddr_in a;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static unsigned short port_of(ct *t, SOCKET s)
{
    struct sockaddr_in a;
    int len = sizeof(a);

    ct_require(t, getsockname(s, (struct sockaddr *)&a, &len) == 0,
               "getsockname");
    return ntohs(a.sin_port);
}

SOCKET ct_listener(ct *t, unsigned short *port)
{
    struct sockaddr_in a = ct_loopback(0);
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_require(t, bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    ct_require(t, listen(s, 16) == 0, "listen");
    *port = port_of(t, s);
    return s;
}

SOCKET ct_full_listener(ct *t, SOCKET fill[CT_FULL_FILL],
                        struct sockaddr_in *addr)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    u_long on = 1;
    int len = sizeof(*addr), i;

    *addr = ct_loopback(0);
    ct_require(t, bind(l, (struct sockaddr *)addr, sizeof(*addr)) == 0,
               "bind");
    ct_require(t, listen(l, 0) == 0, "listen");
    getsockname(l, (struct sockaddr *)addr, &len);
    for (i = 0; i < CT_FULL_FILL; i++) {
        fill[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ioctlsocket(fill[i], FIONBIO, &on);
        connect(fill[i], (struct sockaddr *)addr, sizeof(*addr));
    }
    return l;
}

void ct_tcp_pair(ct *t, SOCKET *client, SOCKET *server)
{
    unsigned short port;
    SOCKET l = ct_listener(t, &port);
    struct sockaddr_in a = ct_loopback(port);

    *client = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, *client != INVALID_SOCKET, "socket");
    ct_require(t, connect(*client, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    *server = accept(l, NULL, NULL);
    ct_require(t, *server != INVALID_SOCKET, "accept");
    closesocket(l);
}

SOCKET ct_udp(ct *t, unsigned short *port)
{
    struct sockaddr_in a = ct_loopback(0);
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);

    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_require(t, bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
    *port = port_of(t, s);
    return s;
}

void ct_fill(ct *t, SOCKET s)
{
    static char chunk[65536];
    u_long on = 1, off = 0;
    int n, total = 0;

    ct_require(t, ioctlsocket(s, FIONBIO, &on) == 0, "FIONBIO 1");
    for (;;) {
        n = send(s, chunk, sizeof(chunk), 0);
        if (n == SOCKET_ERROR)
            break;
        total += n;
        ct_require(t, total < 512 * 1024 * 1024, "buffers fill");
    }
    ct_require(t, WSAGetLastError() == WSAEWOULDBLOCK, "fill ends in WOULDBLOCK");
    ct_require(t, ioctlsocket(s, FIONBIO, &off) == 0, "FIONBIO 0");
}

struct ct_async {
    ct *t;
    enum ct_call call;
    SOCKET s;
    int rc, err, flag;
    long long returned;
    ct_thread *th;
};

static void async_main(void *arg)
{
    static char buf[1 << 20];
    ct_async *a = arg;
    fd_set set;
    WSAPOLLFD pf;

    switch (a->call) {
    case CT_RECV:
        a->rc = recv(a->s, buf, 4096, 0);
        break;
    case CT_SEND_BIG:
        a->rc = send(a->s, buf, sizeof(buf), 0);
        break;
    case CT_ACCEPT:
        a->rc = accept(a->s, NULL, NULL) == INVALID_SOCKET ? SOCKET_ERROR : 0;
        break;
    case CT_RECVFROM: {
        struct sockaddr_in from;
        int len = sizeof(from);
        a->rc = recvfrom(a->s, buf, 4096, 0, (struct sockaddr *)&from, &len);
        break;
    }
    case CT_SELECT_READ:
    case CT_SELECT_EXCEPT:
        FD_ZERO(&set);
        FD_SET(a->s, &set);
        if (a->call == CT_SELECT_READ)
            a->rc = select(0, &set, NULL, NULL, NULL);
        else
            a->rc = select(0, NULL, NULL, &set, NULL);
        a->flag = FD_ISSET(a->s, &set);
        break;
    case CT_WSAPOLL:
        pf.fd = a->s;
        pf.events = POLLRDNORM;
        pf.revents = 0;
        a->rc = WSAPoll(&pf, 1, -1);
        a->flag = pf.revents;
        break;
    }
    a->err = WSAGetLastError();
    a->returned = ct_now_ms();
}

ct_async *ct_async_start(ct *t, enum ct_call call, SOCKET s)
{
    static ct_async slots[8];
    static int used;
    ct_async *a;

    ct_require(t, used < 8, "async slots");
    a = &slots[used++];
    a->t = t;
    a->call = call;
    a->s = s;
    a->th = ct_thread_start(t, async_main, a);
    ct_require(t, ct_thread_blocked(a->th, 2000) == 0, "call blocks");
    return a;
}

long long ct_async_finish(ct *t, ct_async *a, const char *key,
                          long long since)
{
    if (ct_thread_join(a->th, 2000) < 0) {
        ct_obs(t, key, "HANG");
        return -1;
    }
    if (a->rc == SOCKET_ERROR)
        ct_obs(t, key, "SOCKET_ERROR/%s", ct_wsa_name(a->err));
    else
        ct_obs(t, key, "%d", a->rc);
    return a->returned - since;
}

int ct_async_flag(ct_async *a)
{
    return a->flag;
}

SOCKET ct_plain_pair(ct *t, ct_peer **peer)
{
    unsigned short port;
    ct_peer *l = ct_peer_listen(t, &port);
    struct sockaddr_in a = ct_loopback(port);
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_require(t, connect(s, (struct sockaddr *)&a, sizeof(a)) == 0,
               "connect");
    *peer = ct_peer_accept(t, l, 2000);
    ct_peer_close(l);
    return s;
}

const char *ct_select_sets(SOCKET s, int timeout_ms)
{
    static char out[4];
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    fd_set r, w, x;
    int n = 0;

    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&x);
    FD_SET(s, &r);
    FD_SET(s, &w);
    FD_SET(s, &x);
    out[0] = 0;
    if (select(0, &r, &w, &x, &tv) > 0) {
        if (FD_ISSET(s, &r))
            out[n++] = 'r';
        if (FD_ISSET(s, &w))
            out[n++] = 'w';
        if (FD_ISSET(s, &x))
            out[n++] = 'x';
    }
    out[n] = 0;
    return n ? out : "none";
}

int ct_wait_readable(SOCKET s, int timeout_ms)
{
    fd_set r;
    struct timeval tv;

    tv.tv_sec = timeout_ms / 1000;
    tv.tv_usec = (timeout_ms % 1000) * 1000;
    FD_ZERO(&r);
    FD_SET(s, &r);
    return select(0, &r, NULL, NULL, &tv);
}
