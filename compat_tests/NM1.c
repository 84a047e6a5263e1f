/* NM1: GetAddrInfoW: wide names in, ADDRINFOW out (a wide ai_canonname),
 * the Windows code returned and in WSAGetLastError, *res NULL on failure,
 * FreeAddrInfoW(NULL) harmless. */
#include <string.h>
#include "harness.h"

/* The first result: family, address and port. */
static void first(ct *t, const char *key, const ADDRINFOW *ai)
{
    const struct sockaddr_in *a;

    if (!ai || ai->ai_family != AF_INET) {
        ct_obs(t, key, "%s", ai ? "other family" : "none");
        return;
    }
    a = (const struct sockaddr_in *)ai->ai_addr;
    ct_obs(t, key, "AF_INET %08lx port %u len %u",
           (unsigned long)ntohl(a->sin_addr.s_addr), ntohs(a->sin_port),
           (unsigned)ai->ai_addrlen);
}

/* ai_canonname as the ANSI call gives it: the same text, wide. */
static int same_name(const wchar_t *w, const char *a)
{
    size_t i;

    if (!w || !a)
        return !w && !a;
    for (i = 0; a[i]; i++)
        if (w[i] != (unsigned char)a[i])
            return 0;
    return w[i] == 0;
}

void sc_NM1(ct *t)
{
    ADDRINFOW hints, *res;
    ADDRINFOA ahints, *ares = NULL;
    int rc;

    ct_startup(t);
    res = (ADDRINFOW *)&hints;
    WSASetLastError(0);
    rc = GetAddrInfoW(NULL, NULL, NULL, &res);
    ct_obs(t, "null_null", "%s", ct_wsa_name(rc));
    ct_obs(t, "null_null_last_error", "%s", ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "null_null_res", "%s", res ? "set" : "NULL");

    res = NULL;
    WSASetLastError(WSAEINVAL);
    rc = GetAddrInfoW(L"localhost", L"80", NULL, &res);
    ct_obs(t, "localhost", "%d", rc);
    ct_obs(t, "localhost_last_error", "%d", WSAGetLastError());
    ct_obs(t, "localhost_res", "%s", res ? "set" : "NULL");
    FreeAddrInfoW(res);

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;
    res = NULL;
    rc = GetAddrInfoW(L"127.0.0.1", L"8080", &hints, &res);
    ct_obs(t, "numeric", "%d", rc);
    first(t, "numeric_first", res);
    if (res)
        ct_obs(t, "numeric_type", "%s",
               res->ai_socktype == SOCK_STREAM ? "SOCK_STREAM" : "other");
    FreeAddrInfoW(res);

    res = (ADDRINFOW *)&hints;
    rc = GetAddrInfoW(L"localhost", L"80", &hints, &res);
    ct_obs(t, "numerichost_name", "%s", ct_wsa_name(rc));
    ct_obs(t, "numerichost_name_res", "%s", res ? "set" : "NULL");

    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = 999;
    hints.ai_protocol = IPPROTO_TCP;
    res = NULL;
    rc = GetAddrInfoW(L"localhost", NULL, &hints, &res);
    ct_obs(t, "bad_socktype", "%s", ct_wsa_name(rc));
    ct_obs(t, "bad_socktype_last_error", "%s",
           ct_wsa_name(WSAGetLastError()));

    /* The canonical name: wide, and what getaddrinfo says. */
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_flags = AI_CANONNAME;
    memset(&ahints, 0, sizeof(ahints));
    ahints.ai_family = AF_INET;
    ahints.ai_flags = AI_CANONNAME;
    res = NULL;
    rc = GetAddrInfoW(L"localhost", NULL, &hints, &res);
    ct_obs(t, "canonname", "%d", rc);
    ct_require(t, getaddrinfo("localhost", NULL, &ahints, &ares) == 0,
               "getaddrinfo localhost");
    ct_obs(t, "canonname_as_ansi", "%s",
           res && same_name(res->ai_canonname, ares->ai_canonname) ? "yes"
                                                                   : "no");
    freeaddrinfo(ares);
    FreeAddrInfoW(res);

    FreeAddrInfoW(NULL);
    ct_obs(t, "free_null", "done");
}
