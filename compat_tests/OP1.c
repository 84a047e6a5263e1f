/* OP1: socket option errors and round trips: an unknown level, SO_ERROR
 * written and read back, short and NULL values, SO_LINGER as a boolean
 * and a time, SO_LINGER on UDP, SO_ACCEPTCONN read-only (rows 10b-10g,
 * 3y, 6z). */
#include <stdio.h>
#include "harness.h"

static const struct { u_short onoff, secs; const char *key; } lingers[] = {
    { 0, 0, "linger_0_0" }, { 0, 73, "linger_0_73" },
    { 1, 0, "linger_1_0" }, { 5, 189, "linger_5_189" },
};

/* SO_LINGER set to {onoff, secs} and read back: "off", or "on,SECS";
 * then SO_DONTLINGER, which is !l_onoff. */
static void linger_round_trip(ct *t, SOCKET s, int i)
{
    struct linger lg, out;
    int len = sizeof(out), dont = -1, dlen = sizeof(dont);
    char key[48];

    lg.l_onoff = lingers[i].onoff;
    lg.l_linger = lingers[i].secs;
    ct_require(t, setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg,
                             sizeof(lg)) == 0, "SO_LINGER");
    memset(&out, 0xff, sizeof(out));
    ct_require(t, getsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&out,
                             &len) == 0, "get SO_LINGER");
    if (out.l_onoff)
        ct_obs(t, lingers[i].key, "on,%u", (unsigned)out.l_linger);
    else
        ct_obs(t, lingers[i].key, "off");
    getsockopt(s, SOL_SOCKET, SO_DONTLINGER, (char *)&dont, &dlen);
    snprintf(key, sizeof(key), "dont%s", lingers[i].key);
    ct_obs(t, key, "%d", dont);
}

void sc_OP1(ct *t)
{
    SOCKET s, u;
    struct linger out;
    int v = 4096, len;
    size_t i;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_obs_rc(t, "level_ffffffff", setsockopt(s, (int)0xffffffff, SO_RCVBUF,
                                              (char *)&v, sizeof(v)));
    ct_obs_rc(t, "level_8000", setsockopt(s, 0x8000, SO_RCVBUF, (char *)&v,
                                          sizeof(v)));
    v = 1234;
    ct_obs_rc(t, "set_so_error", setsockopt(s, SOL_SOCKET, SO_ERROR,
                                            (char *)&v, sizeof(v)));
    v = 0;
    len = sizeof(v);
    ct_obs_rc(t, "get_so_error", getsockopt(s, SOL_SOCKET, SO_ERROR,
                                            (char *)&v, &len));
    ct_obs(t, "so_error_value", "%d", v);
    len = 1;
    ct_obs_rc(t, "so_error_len1", getsockopt(s, SOL_SOCKET, SO_ERROR,
                                             (char *)&v, &len));
    ct_obs_rc(t, "linger_null", setsockopt(s, SOL_SOCKET, SO_LINGER, NULL,
                                           sizeof(struct linger)));
    ct_obs_rc(t, "linger_null_0", setsockopt(s, SOL_SOCKET, SO_LINGER, NULL,
                                             0));
    ct_obs_rc(t, "dontlinger_null", setsockopt(s, SOL_SOCKET, SO_DONTLINGER,
                                               NULL, sizeof(int)));
    ct_obs_rc(t, "bad_pointer", setsockopt(s, SOL_SOCKET, SO_RCVBUF,
                                           (char *)1, sizeof(int)));
    for (i = 0; i < sizeof(lingers) / sizeof(lingers[0]); i++)
        linger_round_trip(t, s, (int)i);
    v = 1;
    ct_obs_rc(t, "set_acceptconn", setsockopt(s, SOL_SOCKET, SO_ACCEPTCONN,
                                              (char *)&v, sizeof(v)));
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    len = sizeof(out);
    ct_obs_rc(t, "udp_linger", getsockopt(u, SOL_SOCKET, SO_LINGER,
                                          (char *)&out, &len));
    closesocket(u);
    closesocket(s);
}
