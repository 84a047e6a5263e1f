/* CP19: an unsupported ioctl given an OVERLAPPED pends (997), then its
 * packet is FALSE ERROR_NOT_SUPPORTED (50), Internal STATUS_NOT_SUPPORTED;
 * SIO_BASE_HANDLE the same way, while without an OVERLAPPED it gives the
 * socket itself. */
#include "harness_ov.h"

void sc_CP19(ct *t)
{
    SOCKET c, s, base = 0;
    HANDLE port;
    OVERLAPPED ov;
    DWORD n = 0;

    ct_startup(t);
    ct_tcp_pair(t, &c, &s);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "fioasync", WSAIoctl(s, FIOASYNC, NULL, 0, NULL, 0, &n, &ov,
                                      NULL));
    ct_obs_packet(t, "fioasync_packet", port, 1000, &ov);
    ct_obs(t, "fioasync_internal", "0x%lx", ct_ov_internal(&ov));
    ct_obs_rc(t, "base_handle", WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base,
                                         sizeof(base), &n, NULL, NULL));
    ct_obs(t, "base_is_socket", "%s", base == s ? "yes" : "no");
    ct_obs_rc(t, "base_handle_ov", WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base,
                                            sizeof(base), &n, &ov, NULL));
    ct_obs_packet(t, "base_handle_packet", port, 1000, &ov);
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
