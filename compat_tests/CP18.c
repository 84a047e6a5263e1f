/* CP18: ioctls that complete at once, given an OVERLAPPED on a socket tied
 * to a port (FIONBIO, FIONREAD, SIOCATMARK): 0 and a 0-byte packet; a
 * failed one (no output buffer: WSAEFAULT) queues nothing and leaves
 * Internal alone; a NULL lpcbBytesReturned with an OVERLAPPED: WSAEFAULT. */
#include "harness_ov.h"

void sc_CP18(ct *t)
{
    SOCKET c, s;
    HANDLE port;
    OVERLAPPED ov;
    u_long on = 1, v = 0xdead;
    DWORD n = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "fionbio", WSAIoctl(s, FIONBIO, &on, sizeof(on), NULL, 0,
                                     &n, &ov, NULL));
    ct_obs_packet(t, "fionbio_packet", port, 1000, &ov);
    ct_obs_rc(t, "fionread", WSAIoctl(s, FIONREAD, NULL, 0, &v, sizeof(v),
                                      &n, &ov, NULL));
    ct_obs(t, "fionread_value", "%lu", (unsigned long)v);
    ct_obs_packet(t, "fionread_packet", port, 1000, &ov);
    ct_obs_rc(t, "siocatmark", WSAIoctl(s, SIOCATMARK, NULL, 0, &v, sizeof(v),
                                        &n, &ov, NULL));
    ct_obs_packet(t, "siocatmark_packet", port, 1000, &ov);
    ov.Internal = 0x1234;
    ct_obs_rc(t, "fionread_no_buffer", WSAIoctl(s, FIONREAD, NULL, 0, NULL, 0,
                                                &n, &ov, NULL));
    ct_obs(t, "failed_internal", "0x%lx", ct_ov_internal(&ov));
    ct_obs_packet(t, "failed_packet", port, 100, &ov);
    ct_obs_rc(t, "null_returned", WSAIoctl(s, FIONREAD, NULL, 0, &v, sizeof(v),
                                           NULL, &ov, NULL));
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
