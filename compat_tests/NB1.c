/* NB1: a non-blocking TCP send takes all of its bytes or fails
 * WSAEWOULDBLOCK, never a short count (row 9i); what was taken all
 * arrives, in order, before the FIN of a shutdown and a close. */
#include "harness.h"

void sc_NB1(ct *t)
{
    static char chunk[100000], buf[65536];
    SOCKET c, s;
    u_long on = 1;
    long long total = 0, got = 0;
    unsigned char next = 0, want = 0;
    int i, k, r, shorts = 0, bad = 0, err = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "fionbio", ioctlsocket(c, FIONBIO, &on));
    /* The peer reads nothing until the sender's buffers are full. */
    for (i = 0; i < 2000; i++) {
        for (k = 0; k < (int)sizeof(chunk); k++)
            chunk[k] = (char)(next + k);
        r = send(c, chunk, sizeof(chunk), 0);
        if (r == SOCKET_ERROR) {
            err = WSAGetLastError();
            break;
        }
        if (r != (int)sizeof(chunk))
            shorts++;
        next = (unsigned char)(next + r);
        total += r;
    }
    ct_obs(t, "full", "%s", err == WSAEWOULDBLOCK ? "WSAEWOULDBLOCK" : "other");
    ct_obs(t, "short_sends", "%d", shorts);
    ct_obs_rc(t, "shutdown", shutdown(c, SD_SEND));
    ct_obs_rc(t, "close", closesocket(c));
    while ((r = recv(s, buf, sizeof(buf), 0)) > 0) {
        for (k = 0; k < r; k++)
            if ((unsigned char)buf[k] != want++)
                bad++;
        got += r;
    }
    ct_obs(t, "peer_bytes", "%s", got == total ? "all" : "missing");
    ct_obs(t, "peer_order", "%s", bad ? "wrong" : "in order");
    ct_obs_rc(t, "peer_end", r);
    closesocket(s);

    /* A sender with SO_SNDBUF 0 and a peer's SO_RCVBUF of 1024: three
     * sends of 4096 are taken (wine's test_set_getsockopt), however
     * little the kernel holds. */
    ct_tcp_pair(t, &c, &s);
    ioctlsocket(c, FIONBIO, &on);
    ioctlsocket(s, FIONBIO, &on);
    k = 0;
    setsockopt(c, SOL_SOCKET, SO_SNDBUF, (char *)&k, sizeof(k));
    k = 1024;
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&k, sizeof(k));
    for (i = 0, r = 0; i < 3 && r != SOCKET_ERROR; i++)
        r = send(c, chunk, 4096, 0);
    ct_obs_rc(t, "sndbuf0_third_send", r);
    closesocket(c);
    closesocket(s);
}
