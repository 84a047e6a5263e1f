/* NM11: Winsock 1's asynchronous database calls (Microsoft's
 * WSAAsyncGetHostByName, WSAAsyncGetServByName, WSAAsyncGetProtoByNumber
 * and WSACancelAsyncRequest pages): a non-zero task handle at once, then
 * the window's message with that handle in wParam and
 * WSAMAKEASYNCREPLY(size, 0) in lParam, the structure and all it points
 * to in the caller's buffer; a buffer too small: WSAENOBUFS in the
 * reply's high word, its low word the size needed; cancelling a task
 * that has ended is WSAEALREADY (INFERRED: the page's "already
 * completed"), a handle no task had WSAEINVAL.  (A task still running is
 * not cancelled here: which comes first is a race on Windows too.) */
#include <string.h>
#include "as.h"

/* The reply to task h within 2 s: "size-ok,error" or "none". */
static void obs_reply(ct *t, const char *key, HWND hwnd, HANDLE h, int buflen)
{
    MSG m;

    if (!h) {
        ct_obs(t, key, "NULL/%s", ct_wsa_name(WSAGetLastError()));
        return;
    }
    if (!as_next(hwnd, 2000, &m)) {
        ct_obs(t, key, "none");
        return;
    }
    ct_obs(t, key, "%s,%s,%s", m.wParam == (WPARAM)h ? "task" : "other",
           WSAGETASYNCBUFLEN(m.lParam) > 0 &&
                   (int)WSAGETASYNCBUFLEN(m.lParam) <= buflen
               ? "fits"
               : WSAGETASYNCBUFLEN(m.lParam) > buflen ? "needs more" : "0",
           ct_wsa_name(WSAGETASYNCERROR(m.lParam)));
}

/* The buffer holds its own pointers. */
static int inside(const char *buf, int len, const void *p)
{
    return (const char *)p >= buf && (const char *)p < buf + len;
}

void sc_NM11(ct *t)
{
    static char host[MAXGETHOSTSTRUCT], serv[MAXGETHOSTSTRUCT];
    static char proto[MAXGETHOSTSTRUCT], small[8];
    HWND hwnd;
    HANDLE h;
    struct hostent *he = (struct hostent *)host;
    struct servent *se = (struct servent *)serv;
    struct protoent *pe = (struct protoent *)proto;
    struct in_addr a;
    MSG m;

    ct_startup(t);
    hwnd = as_window(t);
    h = WSAAsyncGetHostByName(hwnd, AS_MSG, "localhost", host, sizeof(host));
    obs_reply(t, "host", hwnd, h, sizeof(host));
    memcpy(&a, he->h_addr_list[0], sizeof(a));
    ct_obs(t, "host_entry", "%d,%d,%s,%s", (int)he->h_addrtype,
           (int)he->h_length, inet_ntoa(a),
           inside(host, sizeof(host), he->h_name) &&
                   inside(host, sizeof(host), he->h_addr_list[0])
               ? "in buffer" : "elsewhere");
    h = WSAAsyncGetServByName(hwnd, AS_MSG, "telnet", "tcp", serv,
                              sizeof(serv));
    obs_reply(t, "serv", hwnd, h, sizeof(serv));
    ct_obs(t, "serv_entry", "%s,%d,%s", se->s_name,
           ntohs((u_short)se->s_port), se->s_proto);
    h = WSAAsyncGetProtoByNumber(hwnd, AS_MSG, 6, proto, sizeof(proto));
    obs_reply(t, "proto", hwnd, h, sizeof(proto));
    ct_obs(t, "proto_entry", "%s,%d", pe->p_name, (int)pe->p_proto);
    h = WSAAsyncGetProtoByNumber(hwnd, AS_MSG, 17, small, sizeof(small));
    obs_reply(t, "small", hwnd, h, sizeof(small));
    ct_obs_rc(t, "cancel_ended", WSACancelAsyncRequest(h));
    ct_obs_rc(t, "cancel_bogus", WSACancelAsyncRequest((HANDLE)0x7ff01234));
    ct_obs(t, "more_messages", "%s",
           as_next(hwnd, 100, &m) ? "a message" : "none");
    DestroyWindow(hwnd);
}
