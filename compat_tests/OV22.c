/* OV22: how WSAGetOverlappedResult maps the NTSTATUS in Internal (Windows
 * 10 1809 on): pending WSA_IO_INCOMPLETE (996), the connection statuses to
 * WSAECONNABORTED and WSAECONNRESET, a buffer overflow WSAEMSGSIZE with
 * the bytes reported, unknown failures WSAEINVAL, successes TRUE. */
#include <string.h>
#include "harness_ov.h"

static void status(ct *t, SOCKET s, const char *key, DWORD st)
{
    OVERLAPPED ov;
    DWORD n = 0xdeadbeef, fl = 0xdeadbeef;
    BOOL ok;

    memset(&ov, 0, sizeof(ov));
    ov.Internal = st;
    ov.InternalHigh = 7;
    WSASetLastError(0xdead);
    ok = WSAGetOverlappedResult(s, &ov, &n, FALSE, &fl);
    if (ok)
        ct_obs(t, key, "TRUE bytes %lu", (unsigned long)n);
    else if (st == 0x80000005)
        ct_obs(t, key, "FALSE/%s bytes %lu", ct_wsa_name(WSAGetLastError()),
               (unsigned long)n);
    else
        ct_obs(t, key, "FALSE/%s", ct_wsa_name(WSAGetLastError()));
}

void sc_OV22(ct *t)
{
    SOCKET s;

    ct_startup(t);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    status(t, s, "pending", 0x103);
    status(t, s, "success", 0);
    status(t, s, "success_wait1", 0x1);
    status(t, s, "informational", 0x40000000);
    status(t, s, "cancelled", 0xC0000120);
    status(t, s, "connection_aborted", 0xC0000241);
    status(t, s, "local_disconnect", 0xC000013B);
    status(t, s, "transaction_aborted", 0xC000020F);
    status(t, s, "connection_reset", 0xC000020D);
    status(t, s, "remote_disconnect", 0xC000013C);
    status(t, s, "connection_disconnected", 0xC000020C);
    status(t, s, "link_failed", 0xC000013E);
    status(t, s, "protocol_unreachable", 0xC000023E);
    status(t, s, "access_violation", 0xC0000005);
    status(t, s, "invalid_handle", 0xC0000008);
    status(t, s, "device_not_ready", 0xC00000A3);
    status(t, s, "pipe_disconnected", 0xC00000B0);
    status(t, s, "host_down", 0xC0000350);
    status(t, s, "port_unreachable", 0xC000023F);
    status(t, s, "buffer_overflow", 0x80000005);
    status(t, s, "buffer_too_small", 0xC0000023);
    status(t, s, "io_timeout", 0xC00000B5);
    status(t, s, "request_aborted", 0xC0000240);
    status(t, s, "graceful_disconnect", 0xC0000237);
    status(t, s, "connection_refused", 0xC0000236);
    status(t, s, "not_supported", 0xC00000BB);
    status(t, s, "unknown_failure", 0xC0001234);
    closesocket(s);
}
