/* NM3: GetAddrInfoExA/W, synchronous: ADDRINFOEX results (no blob, no
 * provider), FreeAddrInfoEx/FreeAddrInfoExW; the ANSI form's reserved
 * parameters (timeout, OVERLAPPED, routine, handle) must be NULL:
 * WSAEINVAL. */
#include <string.h>
#include "harness.h"

void sc_NM3(ct *t)
{
    ADDRINFOEXA ha, *ra;
    ADDRINFOEXW hw, *rw;
    struct timeval tv = { 1, 0 };
    const struct sockaddr_in *a;
    int rc;

    ct_startup(t);
    memset(&hw, 0, sizeof(hw));
    hw.ai_family = AF_INET;
    hw.ai_flags = AI_NUMERICHOST;
    rw = NULL;
    WSASetLastError(WSAEINVAL);
    rc = GetAddrInfoExW(L"127.0.0.1", L"80", NS_DNS, NULL, &hw, &rw, NULL,
                        NULL, NULL, NULL);
    ct_obs(t, "w_numeric", "%d", rc);
    ct_obs(t, "w_numeric_last_error", "%d", WSAGetLastError());
    if (rw && rw->ai_family == AF_INET) {
        a = (const struct sockaddr_in *)rw->ai_addr;
        ct_obs(t, "w_first", "AF_INET %08lx port %u blob %s provider %s",
               (unsigned long)ntohl(a->sin_addr.s_addr), ntohs(a->sin_port),
               rw->ai_blob ? "set" : "NULL",
               rw->ai_provider ? "set" : "NULL");
    } else {
        ct_obs(t, "w_first", "%s", rw ? "other family" : "none");
    }
    FreeAddrInfoExW(rw);

    rw = (ADDRINFOEXW *)&hw;
    WSASetLastError(0);
    rc = GetAddrInfoExW(NULL, NULL, NS_DNS, NULL, NULL, &rw, NULL, NULL,
                        NULL, NULL);
    ct_obs(t, "w_null_null", "%s", ct_wsa_name(rc));
    ct_obs(t, "w_null_null_last_error", "%s",
           ct_wsa_name(WSAGetLastError()));
    ct_obs(t, "w_null_null_res", "%s", rw ? "set" : "NULL");

    rw = NULL;
    rc = GetAddrInfoExW(L"localhost", NULL, NS_ALL, NULL, NULL, &rw, NULL,
                        NULL, NULL, NULL);
    ct_obs(t, "w_localhost", "%d", rc);
    FreeAddrInfoExW(rw);

    memset(&ha, 0, sizeof(ha));
    ha.ai_family = AF_INET;
    ha.ai_socktype = SOCK_STREAM;
    ra = NULL;
    rc = GetAddrInfoExA("127.0.0.1", "443", NS_ALL, NULL, &ha, &ra, NULL,
                        NULL, NULL, NULL);
    ct_obs(t, "a_numeric", "%d", rc);
    if (ra && ra->ai_family == AF_INET) {
        a = (const struct sockaddr_in *)ra->ai_addr;
        ct_obs(t, "a_first", "AF_INET %08lx port %u type %d",
               (unsigned long)ntohl(a->sin_addr.s_addr), ntohs(a->sin_port),
               ra->ai_socktype);
    } else {
        ct_obs(t, "a_first", "%s", ra ? "other family" : "none");
    }
    FreeAddrInfoEx(ra);

    ra = NULL;
    rc = GetAddrInfoExA("127.0.0.1", "443", NS_ALL, NULL, &ha, &ra, &tv,
                        NULL, NULL, NULL);
    ct_obs(t, "a_timeout", "%s", ct_wsa_name(rc));
    ct_obs(t, "a_timeout_last_error", "%s", ct_wsa_name(WSAGetLastError()));
    FreeAddrInfoEx(ra);

    FreeAddrInfoEx(NULL);
    FreeAddrInfoExW(NULL);
    ct_obs(t, "free_null", "done");
}
