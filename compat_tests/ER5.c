/* ER5: a UDP datagram larger than the buffer: WSAEMSGSIZE, the first part
 * copied, the rest discarded (rows 9v, D5). */
#include <string.h>
#include "harness.h"

void sc_ER5(ct *t)
{
    unsigned short pa, pb;
    SOCKET a, b;
    struct sockaddr_in to;
    char buf[16];

    ct_startup(t);
    a = ct_udp(t, &pa);
    b = ct_udp(t, &pb);
    to = ct_loopback(pb);
    sendto(a, "0123456789", 10, 0, (struct sockaddr *)&to, sizeof(to));
    sendto(a, "next", 4, 0, (struct sockaddr *)&to, sizeof(to));
    memset(buf, 0, sizeof(buf));
    ct_obs_rc(t, "recv_short", recv(b, buf, 4, 0));
    ct_obs(t, "copied", "%s", buf);
    memset(buf, 0, sizeof(buf));
    ct_obs_rc(t, "recv_next", recv(b, buf, sizeof(buf), 0));
    ct_obs(t, "next", "%s", buf);
    closesocket(a);
    closesocket(b);
}
