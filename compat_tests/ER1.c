/* ER1: every call on a closed or invalid handle fails WSAENOTSOCK, before
 * any pointer is looked at, and writes nothing (rows 8d, 8e, 8h, 6x). */
#include <stdio.h>
#include <string.h>
#include "harness.h"

static void each_call(ct *t, const char *prefix, SOCKET s)
{
    char key[48], buf[8];
    struct sockaddr_in a = ct_loopback(9);
    int len = sizeof(a), v = 0x5a5a5a5a, vlen = sizeof(v);
    u_long arg = 1;
    fd_set r;
    struct timeval tv = { 0, 0 };

#define OBS(name, call) \
    snprintf(key, sizeof(key), "%s_%s", prefix, name), ct_obs_rc(t, key, call)
    OBS("send", send(s, "x", 1, 0));
    OBS("recv", recv(s, buf, sizeof(buf), 0));
    OBS("sendto", sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)));
    OBS("recvfrom", recvfrom(s, buf, sizeof(buf), 0, NULL, NULL));
    OBS("bind", bind(s, (struct sockaddr *)&a, sizeof(a)));
    OBS("listen", listen(s, 1));
    OBS("connect", connect(s, (struct sockaddr *)&a, sizeof(a)));
    OBS("shutdown", shutdown(s, SD_BOTH));
    OBS("ioctlsocket", ioctlsocket(s, FIONBIO, &arg));
    OBS("setsockopt", setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (char *)&v,
                                 sizeof(v)));
    OBS("getsockopt", getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&v, &vlen));
    OBS("getsockopt_null", getsockopt(s, SOL_SOCKET, SO_ERROR, NULL, NULL));
    OBS("getsockname", getsockname(s, (struct sockaddr *)&a, &len));
    OBS("getpeername_null", getpeername(s, NULL, NULL));
    OBS("closesocket", closesocket(s));
    FD_ZERO(&r);
    FD_SET(s, &r);
    OBS("select", select(0, &r, NULL, NULL, &tv));
    snprintf(key, sizeof(key), "%s_accept", prefix);
    ct_obs_sock(t, key, accept(s, NULL, NULL));
#undef OBS
    snprintf(key, sizeof(key), "%s_optval_untouched", prefix);
    ct_obs(t, key, "%d", v == 0x5a5a5a5a);
}

void sc_ER1(ct *t)
{
    SOCKET s;

    ct_startup(t);
    each_call(t, "invalid", INVALID_SOCKET);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_require(t, closesocket(s) == 0, "closesocket");
    each_call(t, "closed", s);
}
