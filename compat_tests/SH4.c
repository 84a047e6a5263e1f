/* SH4: shutdown(SD_BOTH): FIN; send and recv fail WSAESHUTDOWN; once
 * both sides have shut down, each still knows its peer (row 6d). */
#include "harness.h"

void sc_SH4(ct *t)
{
    SOCKET c, s;
    char buf[8];
    struct sockaddr_in a;
    int len = sizeof(a);

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "shutdown", shutdown(c, SD_BOTH));
    ct_obs_rc(t, "send", send(c, "x", 1, 0));
    ct_obs_rc(t, "recv", recv(c, buf, sizeof(buf), 0));
    ct_obs_rc(t, "peer_recv", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "getpeername", getpeername(c, (struct sockaddr *)&a, &len));
    /* The peer's FIN too: the connection is over on both sides. */
    ct_require(t, shutdown(s, SD_BOTH) == 0, "peer shutdown");
    ct_require(t, ct_wait_readable(s, 2000) == 1, "peer readable");
    len = sizeof(a);
    ct_obs_rc(t, "getpeername_both_shut",
              getpeername(c, (struct sockaddr *)&a, &len));
    len = sizeof(a);
    ct_obs_rc(t, "peer_getpeername_both_shut",
              getpeername(s, (struct sockaddr *)&a, &len));
    closesocket(c);
    closesocket(s);
}
