/* Helpers of the WA scenarios (WSAAccept and its condition function): a
 * condition function that records what it was given and answers what
 * the scenario asks, and a client connected to a listener. */
#ifndef CT_WA_H
#define CT_WA_H

#include <string.h>
#include "harness.h"

struct wa_cond {
    int verdict;                /* CF_ACCEPT, CF_REJECT, CF_DEFER */
    int calls;
    ULONG caller_len;
    struct sockaddr_in caller;  /* what lpCallerId held */
    struct sockaddr_in callee;  /* what lpCalleeId held */
    int sqos_null, gqos_null;
};

static inline int CALLBACK wa_condition(LPWSABUF caller_id,
                                        LPWSABUF caller_data, LPQOS sqos,
                                        LPQOS gqos, LPWSABUF callee_id,
                                        LPWSABUF callee_data, GROUP *g,
                                        DWORD_PTR data)
{
    struct wa_cond *c = (struct wa_cond *)data;

    (void)caller_data;
    (void)callee_data;
    c->calls++;
    memset(&c->caller, 0, sizeof(c->caller));
    memset(&c->callee, 0, sizeof(c->callee));
    c->caller_len = caller_id ? caller_id->len : 0;
    if (caller_id && caller_id->buf && caller_id->len >= sizeof(c->caller))
        memcpy(&c->caller, caller_id->buf, sizeof(c->caller));
    if (callee_id && callee_id->buf && callee_id->len >= sizeof(c->callee))
        memcpy(&c->callee, callee_id->buf, sizeof(c->callee));
    c->sqos_null = sqos == NULL;
    c->gqos_null = gqos == NULL;
    (void)g; /* its value on entry is not documented */
    return c->verdict;
}

static inline int wa_same(const struct sockaddr_in *a,
                          const struct sockaddr_in *b)
{
    return a->sin_family == AF_INET && a->sin_port == b->sin_port &&
           a->sin_addr.s_addr == b->sin_addr.s_addr;
}

/* A blocking client connected to 127.0.0.1:port; *local its address. */
static inline SOCKET wa_client(ct *t, unsigned short port,
                               struct sockaddr_in *local)
{
    struct sockaddr_in to = ct_loopback(port);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    int len = sizeof(*local);

    ct_require(t, c != INVALID_SOCKET &&
                      connect(c, (struct sockaddr *)&to, sizeof(to)) == 0 &&
                      getsockname(c, (struct sockaddr *)local, &len) == 0,
               "client connected");
    return c;
}

/* Startup, a listener (returned, its port in *port) and a client
 * connected to it (*c, its address *ca), and a condition function that
 * answers verdict. */
static inline SOCKET wa_setup(ct *t, unsigned short *port, SOCKET *c,
                              struct sockaddr_in *ca, struct wa_cond *cond,
                              int verdict)
{
    SOCKET l;

    ct_startup(t);
    l = ct_listener(t, port);
    *c = wa_client(t, *port, ca);
    memset(cond, 0, sizeof(*cond));
    cond->verdict = verdict;
    return l;
}

/* The peer address of an accepted socket is that of *client. */
static inline const char *wa_peer_is(SOCKET a, const struct sockaddr_in *client)
{
    struct sockaddr_in p;
    int len = sizeof(p);

    if (a == INVALID_SOCKET)
        return "none";
    if (getpeername(a, (struct sockaddr *)&p, &len) != 0)
        return "getpeername failed";
    return wa_same(&p, client) ? "client" : "other";
}

#endif
