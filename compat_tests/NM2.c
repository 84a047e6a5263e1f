/* NM2: GetNameInfoW: wide host and service, sizes in characters; a
 * socket address shorter than its family's WSAEFAULT; neither buffer
 * WSAHOST_NOT_FOUND; the code returned is WSAGetLastError's too. */
#include <string.h>
#include "harness.h"

void sc_NM2(ct *t)
{
    struct sockaddr_in a = ct_loopback(8080);
    wchar_t host[NI_MAXHOST], serv[NI_MAXSERV];
    int rc;

    ct_startup(t);
    rc = GetNameInfoW((struct sockaddr *)&a, sizeof(a), host, NI_MAXHOST,
                      serv, NI_MAXSERV, NI_NUMERICHOST | NI_NUMERICSERV);
    ct_obs(t, "numeric", "%d", rc);
    ct_obs(t, "numeric_host", "%s",
           rc == 0 && wcscmp(host, L"127.0.0.1") == 0 ? "127.0.0.1" : "other");
    ct_obs(t, "numeric_serv", "%s",
           rc == 0 && wcscmp(serv, L"8080") == 0 ? "8080" : "other");

    rc = GetNameInfoW((struct sockaddr *)&a, sizeof(a), NULL, 0, serv,
                      NI_MAXSERV, NI_NUMERICSERV);
    ct_obs(t, "serv_only", "%d", rc);

    rc = GetNameInfoW((struct sockaddr *)&a, sizeof(a) - 1, host, NI_MAXHOST,
                      NULL, 0, NI_NUMERICHOST);
    ct_obs(t, "short_address", "%s", ct_wsa_name(rc));
    ct_obs(t, "short_address_last_error", "%s",
           ct_wsa_name(WSAGetLastError()));
    rc = getnameinfo((struct sockaddr *)&a, sizeof(a) - 1, NULL, 0, NULL, 0,
                     NI_NUMERICHOST);
    ct_obs(t, "short_address_ansi", "%s", ct_wsa_name(rc));

    rc = GetNameInfoW(NULL, sizeof(a), host, NI_MAXHOST, NULL, 0,
                      NI_NUMERICHOST);
    ct_obs(t, "null_address", "%s", ct_wsa_name(rc));

    rc = GetNameInfoW((struct sockaddr *)&a, sizeof(a), NULL, 0, NULL, 0,
                      NI_NUMERICHOST);
    ct_obs(t, "no_buffers", "%s", ct_wsa_name(rc));
}
