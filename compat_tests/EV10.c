/* EV10: a pending AcceptEx takes the connection: it completes and the
 * listener records no FD_ACCEPT; the next connection, with no AcceptEx
 * pending, records FD_ACCEPT. */
#include <mswsock.h>
#include "ev.h"

void sc_EV10(ct *t)
{
    WSAEVENT ev = WSACreateEvent();
    GUID guid = WSAID_ACCEPTEX;
    LPFN_ACCEPTEX acceptex = NULL;
    WSAOVERLAPPED ov;
    unsigned short port;
    SOCKET l, as, c, s;
    char buf[2 * (sizeof(struct sockaddr_in) + 16)];
    DWORD size = 0, flags = 0;
    BOOL ok;

    ct_startup(t);
    l = ct_listener(t, &port);
    ct_require(t, WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid,
                           sizeof(guid), &acceptex, sizeof(acceptex), &size,
                           NULL, NULL) == 0, "AcceptEx pointer");
    ev_select(t, l, ev, FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = WSACreateEvent();
    as = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok = acceptex(l, as, buf, 0, sizeof(struct sockaddr_in) + 16,
                  sizeof(struct sockaddr_in) + 16, &size, &ov);
    ct_obs(t, "acceptex", "%s", ok ? "TRUE"
                                   : ct_wsa_name(WSAGetLastError()));
    c = ev_connect(t, port);
    ct_obs(t, "acceptex_done", "%s", ev_state(ov.hEvent, EV_YES));
    size = 1;
    ok = WSAGetOverlappedResult(l, &ov, &size, FALSE, &flags);
    ct_obs(t, "acceptex_result", "%s size %lu", ok ? "TRUE" : "FALSE",
           (unsigned long)size);
    ev_check(t, "listener", l, ev, EV_NO);
    closesocket(as);
    closesocket(c);
    c = ev_connect(t, port);
    ev_check(t, "next_connection", l, ev, EV_YES);
    ev_check(t, "again", l, ev, EV_NO);
    s = accept(l, NULL, NULL);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(ov.hEvent);
    WSACloseEvent(ev);
}
