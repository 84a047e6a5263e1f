/* ER5: a UDP datagram larger than the buffer: WSAEMSGSIZE, the first part
 * copied, the rest discarded, by recv and by recvfrom; the next one read
 * whole, recvfrom naming its sender; a datagram of no bytes reads as 0
 * (rows 9v, D5). */
#include <string.h>
#include "harness.h"

void sc_ER5(ct *t)
{
    unsigned short pa, pb;
    SOCKET a, b;
    struct sockaddr_in to, from;
    char buf[16];
    int len;

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
    sendto(a, "abcdefghij", 10, 0, (struct sockaddr *)&to, sizeof(to));
    sendto(a, "last", 4, 0, (struct sockaddr *)&to, sizeof(to));
    sendto(a, "", 0, 0, (struct sockaddr *)&to, sizeof(to));
    memset(buf, 0, sizeof(buf));
    len = sizeof(from);
    ct_obs_rc(t, "recvfrom_short",
              recvfrom(b, buf, 4, 0, (struct sockaddr *)&from, &len));
    ct_obs(t, "recvfrom_copied", "%s", buf);
    memset(buf, 0, sizeof(buf));
    memset(&from, 0, sizeof(from));
    len = sizeof(from);
    ct_obs_rc(t, "recvfrom_next",
              recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
    ct_obs(t, "recvfrom_next_from", "%s,%d",
           ntohs(from.sin_port) == pa ? "sender" : "other", len);
    len = sizeof(from);
    ct_obs_rc(t, "recvfrom_empty",
              recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
    closesocket(a);
    closesocket(b);
}
