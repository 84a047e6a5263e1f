/* CP21: with nothing pending CancelIoEx fails ERROR_NOT_FOUND (1168);
 * CancelIo succeeds. */
#include "harness_ov.h"

void sc_CP21(ct *t)
{
    SOCKET c, s;
    OVERLAPPED ov;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    ct_ov_init(t, &ov);
    ct_obs_bool(t, "cancelioex_all", CancelIoEx((HANDLE)s, NULL));
    ct_obs_bool(t, "cancelioex_one", CancelIoEx((HANDLE)s, &ov));
    ct_obs_bool(t, "cancelio", CancelIo((HANDLE)s));
    closesocket(c);
    closesocket(s);
    CloseHandle(ov.hEvent);
}
