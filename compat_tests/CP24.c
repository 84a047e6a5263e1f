/* CP24: PostQueuedCompletionStatus queues the bytes, key and OVERLAPPED
 * (NULL allowed) as given; GetQueuedCompletionStatus returns them TRUE. */
#include "harness_ov.h"

void sc_CP24(ct *t)
{
    HANDLE port;
    OVERLAPPED o;

    ct_startup(t);
    port = ct_port(t);
    ct_obs_bool(t, "post_null", PostQueuedCompletionStatus(port, 77, 88, NULL));
    ct_obs_bool(t, "post_ov", PostQueuedCompletionStatus(port, 1, 2, &o));
    ct_obs_packet(t, "packet_null", port, 1000, &o);
    ct_obs_packet(t, "packet_ov", port, 1000, &o);
    CloseHandle(port);
}
