/* What the Winsock fuzz targets share beside the input cursor: the
 * invariants checked after each call, and loopback sockets to aim the
 * calls at. */
#ifndef WSC_FUZZ_H
#define WSC_FUZZ_H

#include "fuzz_input.h"
#include <winsock2.h>
#include <ws2tcpip.h>
#include <wscompat.h>

/* A call that failed must leave a Windows code that Windows defines. */
static inline int fz_failed_with(int rc)
{
    int code = WSAGetLastError();

    FZ_CHECK(rc == SOCKET_ERROR, rc);
    FZ_CHECK(wsc_strerror_name(code) != NULL, code);
    return code;
}

static inline void fz_startup(void)
{
    static int done;
    WSADATA d;

    if (!done && WSAStartup(MAKEWORD(2, 2), &d) != 0)
        fz_die("WSAStartup", WSAGetLastError());
    done = 1;
}

static inline void fz_close(SOCKET s)
{
    if (s != INVALID_SOCKET)
        FZ_CHECK(closesocket(s) == 0, WSAGetLastError());
}

/* Close with a reset, so that the connection leaves no TIME_WAIT behind:
 * millions of inputs would otherwise use up the ephemeral ports. */
static inline void fz_close_reset(SOCKET s)
{
    struct linger lg = { 1, 0 };

    FZ_CHECK(setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg,
                        sizeof(lg)) == 0, WSAGetLastError());
    fz_close(s);
}

static inline void fz_loopback(struct sockaddr_in *a, unsigned short port)
{
    memset(a, 0, sizeof(*a));
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a->sin_port = htons(port);
}

/* A connected TCP pair over loopback, through a listener that is then
 * closed.  *listen_out, if given, keeps it open instead. */
static inline void fz_tcp_pair(SOCKET *client, SOCKET *server,
                               SOCKET *listen_out)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);

    fz_loopback(&a, 0);
    if (l == INVALID_SOCKET || bind(l, (struct sockaddr *)&a, sizeof(a)) ||
        listen(l, 4) || getsockname(l, (struct sockaddr *)&a, &len))
        fz_die("listener", WSAGetLastError());
    *client = socket(AF_INET, SOCK_STREAM, 0);
    if (*client == INVALID_SOCKET ||
        connect(*client, (struct sockaddr *)&a, sizeof(a)))
        fz_die("connect", WSAGetLastError());
    *server = accept(l, NULL, NULL);
    if (*server == INVALID_SOCKET)
        fz_die("accept", WSAGetLastError());
    if (listen_out)
        *listen_out = l;
    else
        fz_close(l);
}

static inline void fz_nonblocking(SOCKET s)
{
    u_long on = 1;

    FZ_CHECK(ioctlsocket(s, FIONBIO, &on) == 0, WSAGetLastError());
}

#endif
