/* PL3: with SO_OOBINLINE an urgent byte is normal data to WSAPoll:
 * POLLRDNORM, not POLLRDBAND; without it POLLRDBAND. */
#include "harness.h"

static const char *urgent(ct *t, BOOL inline_oob)
{
    SOCKET c, s;
    WSAPOLLFD p;
    long long deadline;

    ct_tcp_pair(t, &c, &s);
    setsockopt(s, SOL_SOCKET, SO_OOBINLINE, (char *)&inline_oob,
               sizeof(inline_oob));
    ct_require(t, send(c, "u", 1, MSG_OOB) == 1, "urgent byte sent");
    deadline = ct_now_ms() + 2000;
    do {
        p.fd = s;
        p.events = POLLRDNORM | POLLRDBAND;
        p.revents = 0;
        WSAPoll(&p, 1, 100);
    } while (!p.revents && ct_now_ms() < deadline);
    closesocket(c);
    closesocket(s);
    return ct_poll_names(p.revents);
}

void sc_PL3(ct *t)
{
    ct_startup(t);
    ct_obs(t, "oobinline", "%s", urgent(t, TRUE));
    ct_obs(t, "not_inline", "%s", urgent(t, FALSE));
}
