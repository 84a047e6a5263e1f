/* CP23: GetQueuedCompletionStatusEx takes several packets at once, in
 * order, each with its bytes, key and OVERLAPPED. */
#include <stdio.h>
#include "harness_ov.h"

void sc_CP23(ct *t)
{
    HANDLE port;
    OVERLAPPED o[3];
    OVERLAPPED_ENTRY e[8];
    ULONG got = 99, i;

    ct_startup(t);
    port = ct_port(t);
    for (i = 0; i < 3; i++)
        PostQueuedCompletionStatus(port, 10 * (i + 1), i + 1, &o[i]);
    ct_obs_bool(t, "dequeue", GetQueuedCompletionStatusEx(port, e, 8, &got,
                                                          1000, FALSE));
    ct_obs(t, "removed", "%lu", (unsigned long)got);
    for (i = 0; i < got && i < 3; i++) {
        char k[16];

        snprintf(k, sizeof(k), "entry%lu", (unsigned long)i);
        ct_obs(t, k, "bytes %lu key %lu ov %s",
               (unsigned long)e[i].dwNumberOfBytesTransferred,
               (unsigned long)e[i].lpCompletionKey,
               e[i].lpOverlapped == &o[i] ? "same" : "other");
    }
    ct_obs_bool(t, "empty", GetQueuedCompletionStatusEx(port, e, 8, &got, 0,
                                                        FALSE));
    CloseHandle(port);
}
