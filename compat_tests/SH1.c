/* SH1: shutdown(SD_SEND), even with a recv blocked on another thread:
 * FIN now, the recv is unaffected, later sends fail WSAESHUTDOWN, the
 * socket still receives. */
#include <string.h>
#include "harness.h"

void sc_SH1(ct *t)
{
    SOCKET c, s;
    ct_async *a;
    char buf[16];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    a = ct_async_start(t, CT_RECV, c);
    ct_obs_rc(t, "send", send(c, "data", 4, 0));
    ct_obs_rc(t, "shutdown", shutdown(c, SD_SEND));
    ct_obs_rc(t, "shutdown_again", shutdown(c, SD_SEND));
    memset(buf, 0, sizeof(buf));
    ct_obs_rc(t, "peer_recv1", recv(s, buf, sizeof(buf), 0));
    ct_obs(t, "peer_data", "%s", buf);
    ct_obs_rc(t, "peer_recv2", recv(s, buf, sizeof(buf), 0));
    ct_obs_rc(t, "later_send", send(c, "x", 1, 0));
    ct_obs_rc(t, "peer_reply", send(s, "back", 4, 0));
    ct_async_finish(t, a, "blocked_recv", ct_now_ms());
    closesocket(c);
    closesocket(s);
}
