/* OP6: SO_OPENTYPE, the calling thread's: read and set on INVALID_SOCKET
 * (no socket needed), 0 by default, read back as set; socket() still
 * works with SO_SYNCHRONOUS_NONALERT; a length below 4 WSAEFAULT. */
#include "harness.h"
#include "optnames.h"

void sc_OP6(ct *t)
{
    SOCKET s;
    DWORD v = 0xdeadbeef;
    int len = sizeof(v);

    ct_startup(t);
    ct_obs_rc(t, "get_invalid", getsockopt(INVALID_SOCKET, SOL_SOCKET,
                                           SO_OPENTYPE, (char *)&v, &len));
    ct_obs(t, "default", "%lu,%d", (unsigned long)v, len);
    v = SO_SYNCHRONOUS_NONALERT;
    ct_obs_rc(t, "set_invalid", setsockopt(INVALID_SOCKET, SOL_SOCKET,
                                           SO_OPENTYPE, (char *)&v, 4));
    ct_obs_rc(t, "set_len2", setsockopt(INVALID_SOCKET, SOL_SOCKET,
                                        SO_OPENTYPE, (char *)&v, 2));
    v = 0;
    len = sizeof(v);
    getsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&v, &len);
    ct_obs(t, "after_set", "%#lx", (unsigned long)v);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs(t, "socket", "%s", s == INVALID_SOCKET ? "INVALID_SOCKET" : "ok");
    if (s != INVALID_SOCKET)
        closesocket(s);
    v = 0;
    setsockopt(INVALID_SOCKET, SOL_SOCKET, SO_OPENTYPE, (char *)&v, 4);
}
