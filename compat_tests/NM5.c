/* NM5: WSAConnectByName's timeout: a listener whose queue is full leaves
 * the connection unanswered; the call gives up with WSAETIMEDOUT once the
 * time is up. */
#include <stdio.h>
#include "harness.h"

void sc_NM5(ct *t)
{
    SOCKET l, s, fill[CT_FULL_FILL];
    struct sockaddr_in a;
    struct timeval tv = { 0, 300000 };
    char service[16];
    long long start, took;
    int i;
    BOOL ok;

    ct_startup(t);
    l = ct_full_listener(t, fill, &a);
    snprintf(service, sizeof(service), "%u", ntohs(a.sin_port));
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    start = ct_now_ms();
    ok = WSAConnectByNameA(s, (char *)"127.0.0.1", service, NULL, NULL, NULL,
                           NULL, &tv, NULL);
    took = ct_now_ms() - start;
    ct_obs(t, "by_name", "%s", ok ? "TRUE" : ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "waited", "%s", took >= 250 ? "yes" : "no");
    ct_obs(t, "prompt", "%s", took < 2000 ? "yes" : "no");
    closesocket(s);
    for (i = 0; i < CT_FULL_FILL; i++)
        closesocket(fill[i]);
    closesocket(l);
}
