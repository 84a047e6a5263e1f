/* WA2: the condition function is called once per connection with the
 * caller's address in lpCallerId (sizeof(sockaddr_in)), the local address
 * in lpCalleeId, no QoS, and the callback data; CF_ACCEPT gives the
 * socket and the address, as accept does. */
#include "wa.h"

void sc_WA2(ct *t)
{
    unsigned short port;
    SOCKET l, c, a;
    struct sockaddr_in ca, la, got;
    struct wa_cond cond;
    int len;

    ct_startup(t);
    l = ct_listener(t, &port);
    len = sizeof(la);
    getsockname(l, (struct sockaddr *)&la, &len);
    c = wa_client(t, port, &ca);
    memset(&cond, 0, sizeof(cond));
    cond.verdict = CF_ACCEPT;
    len = sizeof(got);
    memset(&got, 0, sizeof(got));
    a = WSAAccept(l, (struct sockaddr *)&got, &len, wa_condition,
                  (DWORD_PTR)&cond);
    ct_obs_sock(t, "accept", a);
    ct_obs(t, "calls", "%d", cond.calls);
    ct_obs(t, "caller", "%s len %lu",
           wa_same(&cond.caller, &ca) ? "client" : "other",
           (unsigned long)cond.caller_len);
    ct_obs(t, "callee", "%s", wa_same(&cond.callee, &la) ? "listener" : "other");
    ct_obs(t, "qos", "%s %s", cond.sqos_null ? "NULL" : "set",
           cond.gqos_null ? "NULL" : "set");
    ct_obs(t, "address", "%s len %d", wa_same(&got, &ca) ? "client" : "other",
           len);
    ct_obs(t, "peer", "%s", wa_peer_is(a, &ca));
    ct_obs_rc(t, "send", send(c, "hi", 2, 0));
    closesocket(a);
    closesocket(c);
    closesocket(l);
}
