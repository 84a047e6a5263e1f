/* ER4: SO_RCVTIMEO/SO_SNDTIMEO are DWORD milliseconds; when they expire
 * the call fails WSAETIMEDOUT (rows 10a, 10h). */
#include "harness.h"

void sc_ER4(ct *t)
{
    SOCKET c, s;
    DWORD ms = 100, got = 0;
    int len = sizeof(got);
    long long t0, took;
    char buf[8] = { 0 };

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_obs_rc(t, "default_get", getsockopt(c, SOL_SOCKET, SO_RCVTIMEO,
                                           (char *)&got, &len));
    ct_obs(t, "default", "%u len %d", (unsigned)got, len);
    ct_obs_rc(t, "set_rcv", setsockopt(c, SOL_SOCKET, SO_RCVTIMEO,
                                       (char *)&ms, sizeof(ms)));
    ct_obs_rc(t, "set_short", setsockopt(c, SOL_SOCKET, SO_RCVTIMEO,
                                         (char *)&ms, 2));
    getsockopt(c, SOL_SOCKET, SO_RCVTIMEO, (char *)&got, &len);
    ct_obs(t, "get_rcv", "%u", (unsigned)got);
    t0 = ct_now_ms();
    ct_obs_rc(t, "recv", recv(c, buf, sizeof(buf), 0));
    took = ct_now_ms() - t0;
    ct_obs(t, "recv_waited", "%s", took >= 90 && took < 2000 ? "about 100ms"
                                                             : "no");
    ct_obs_rc(t, "set_snd", setsockopt(c, SOL_SOCKET, SO_SNDTIMEO,
                                       (char *)&ms, sizeof(ms)));
    ct_fill(t, c);
    t0 = ct_now_ms();
    ct_obs_rc(t, "send", send(c, buf, sizeof(buf), 0));
    took = ct_now_ms() - t0;
    ct_obs(t, "send_waited", "%s", took >= 90 && took < 2000 ? "about 100ms"
                                                             : "no");
    closesocket(c);
    closesocket(s);
}
