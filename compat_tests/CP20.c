/* CP20: SIO_GET_INTERFACE_LIST with an OVERLAPPED pends (997) though it is
 * done at once; the packet carries the size (whole INTERFACE_INFOs, 76 bytes each); with
 * too little room the packet is FALSE ERROR_INSUFFICIENT_BUFFER (122). */
#include "harness_ov.h"

void sc_CP20(ct *t)
{
    static char list[64 * 76];
    SOCKET s;
    HANDLE port;
    OVERLAPPED ov, *got = NULL;
    DWORD n = 0, bytes = 0;
    ULONG_PTR key = 0;
    BOOL ok;

    ct_startup(t);
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    port = ct_port(t);
    CreateIoCompletionPort((HANDLE)s, port, 1, 0);
    ct_ov_init(t, &ov);
    ct_obs_rc(t, "list", WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, list,
                                  sizeof(list), &n, &ov, NULL));
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, 1000);
    ct_obs(t, "list_packet", "%s key %lu ov %s size %s",
           ok ? "TRUE" : "FALSE", (unsigned long)key, got == &ov ? "ov" : "other",
           bytes && bytes % 76 == 0 ? "whole entries"
                                                        : "other");
    ct_obs_rc(t, "short", WSAIoctl(s, SIO_GET_INTERFACE_LIST, NULL, 0, list, 1,
                                   &n, &ov, NULL));
    ct_obs_packet(t, "short_packet", port, 1000, &ov);
    closesocket(s);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
