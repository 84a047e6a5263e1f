/* EV3: data arrives and is read in parts: FD_READ once, nothing on a
 * second look; recv of 2 of 10 bytes records FD_READ again; 1-byte
 * receives re-record it while data remains, not after the last byte. */
#include "ev.h"

void sc_EV3(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    WSANETWORKEVENTS ne;
    SOCKET c, s;
    char buf[16], seq[64] = "";
    int i, rc;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ev_select(t, s, ev, EV_ALL & ~FD_WRITE);
    ev_check(t, "before", s, ev, EV_NO);
    ct_obs_rc(t, "send", send(c, "data\0data", 10, 0));
    ev_check(t, "data", s, ev, EV_YES);
    ev_check(t, "again", s, ev, EV_NO);
    ct_obs_rc(t, "recv2", recv(s, buf, 2, 0));
    ev_check(t, "after_recv2", s, ev, EV_YES);
    ev_check(t, "after_recv2_again", s, ev, EV_NO);
    /* Eight 1-byte reads: R when FD_READ came back, - when nothing. */
    for (i = 0; i < 8; i++) {
        rc = recv(s, buf, 1, 0);
        if (rc != 1) {
            strcat(seq, "E");
            continue;
        }
        memset(&ne, 0, sizeof(ne));
        WSAWaitForMultipleEvents(1, &ev, FALSE, i < 7 ? EV_YES : EV_NO, FALSE);
        WSAEnumNetworkEvents(s, ev, &ne);
        strcat(seq, ne.lNetworkEvents == FD_READ ? "R"
                    : ne.lNetworkEvents ? "?" : "-");
    }
    ct_obs(t, "one_byte_reads", "%s", seq);
    ev_check(t, "after_last", s, ev, EV_NO);
    closesocket(c);
    closesocket(s);
    WSACloseEvent(ev);
}
