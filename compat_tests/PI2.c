/* PI2: getsockopt(SO_PROTOCOL_INFOA/W): the entry of the socket's
 * family, type and protocol; NULL pointers WSAEFAULT; a short length
 * WSAEFAULT with the size needed; a longer one is kept. */
#include <string.h>
#include "harness.h"

void sc_PI2(ct *t)
{
    WSAPROTOCOL_INFOA a[2];
    WSAPROTOCOL_INFOW w;
    SOCKET s;
    int size, rc;

    ct_startup(t);
    size = sizeof(a[0]);
    ct_obs_rc(t, "invalid", getsockopt(INVALID_SOCKET, SOL_SOCKET,
                                       SO_PROTOCOL_INFOA, (char *)a, &size));
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_obs_rc(t, "null_both", getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                         NULL, NULL));
    ct_obs_rc(t, "null_len", getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                        (char *)a, NULL));
    size = sizeof(a[0]) / 2;
    ct_obs_rc(t, "short", getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                     (char *)a, &size));
    ct_obs(t, "short_size", "%s", size == (int)sizeof(a[0]) ? "sizeof" : "other");
    size = sizeof(a);
    ct_obs_rc(t, "long", getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA,
                                    (char *)a, &size));
    ct_obs(t, "long_size", "%s", size == (int)sizeof(a) ? "kept" : "other");
    memset(a, 0, sizeof(a));
    size = sizeof(a[0]);
    rc = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (char *)a, &size);
    ct_obs_rc(t, "tcp4", rc);
    ct_obs(t, "tcp4_entry", "%d %d %d %s", a[0].iAddressFamily == AF_INET,
           a[0].iSocketType, a[0].iProtocol, a[0].szProtocol);
    size = sizeof(w);
    memset(&w, 0, sizeof(w));
    rc = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)&w, &size);
    ct_obs_rc(t, "tcp4_wide", rc);
    ct_obs(t, "wide_same", "%s",
           memcmp(&w, &a[0], offsetof(WSAPROTOCOL_INFOA, szProtocol)) == 0 &&
                   wcscmp(w.szProtocol, L"MSAFD Tcpip [TCP/IP]") == 0
               ? "yes" : "no");
    closesocket(s);

    s = socket(AF_INET6, SOCK_DGRAM, 0);
    ct_require(t, s != INVALID_SOCKET, "socket");
    size = sizeof(a[0]);
    rc = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOA, (char *)a, &size);
    ct_obs_rc(t, "udp6", rc);
    ct_obs(t, "udp6_entry", "%d %d %d %s", a[0].iAddressFamily == AF_INET6,
           a[0].iSocketType, a[0].iProtocol, a[0].szProtocol);
    closesocket(s);
}
