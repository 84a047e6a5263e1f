/* RS2: the peer closes gracefully: recv returns 0 every time; send is
 * still allowed. */
#include "harness.h"

void sc_RS2(ct *t)
{
    SOCKET c, s;
    char buf[8];

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "peer_shutdown", shutdown(s, SD_SEND));
    ct_obs_rc(t, "recv1", recv(c, buf, sizeof(buf), 0));
    ct_obs_rc(t, "recv2", recv(c, buf, sizeof(buf), 0));
    ct_obs_rc(t, "recv3", recv(c, buf, sizeof(buf), 0));
    ct_obs_rc(t, "send", send(c, "x", 1, 0));
    ct_obs_rc(t, "peer_recv", recv(s, buf, sizeof(buf), 0));
    closesocket(c);
    closesocket(s);
}
