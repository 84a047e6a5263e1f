/* CP4: an empty port: FALSE, WAIT_TIMEOUT (258), *lpOverlapped NULL, the
 * key and byte count untouched. */
#include "harness_ov.h"

void sc_CP4(ct *t)
{
    HANDLE port;

    ct_startup(t);
    port = ct_port(t);
    ct_obs_packet(t, "poll", port, 0, NULL);
    ct_obs_packet(t, "wait", port, 100, NULL);
    CloseHandle(port);
}
