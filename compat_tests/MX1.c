/* MX1: the extensions' pointers through WSAIoctl(SIO_GET_EXTENSION_
 * FUNCTION_POINTER) with their GUIDs, the pointer's size returned; a
 * bogus GUID fails WSAEINVAL at once and queues no packet (rows MX1,
 * MX2). */
#include "mx.h"

static void get(ct *t, SOCKET s, const char *key, GUID g)
{
    void *fn = NULL;
    DWORD n = 12345;
    int rc = WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g, sizeof(g),
                      &fn, sizeof(fn), &n, NULL, NULL);

    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "0 bytes %s %s",
               n == sizeof(fn) ? "sizeof(fn)" : "other",
               fn ? "pointer" : "NULL");
}

void sc_MX1(ct *t)
{
    GUID acceptex = WSAID_ACCEPTEX, sockaddrs = WSAID_GETACCEPTEXSOCKADDRS,
         connectex = WSAID_CONNECTEX, disconnectex = WSAID_DISCONNECTEX,
         transmitfile = WSAID_TRANSMITFILE,
         bogus = { 0x01234567, 0x89ab, 0xcdef, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    SOCKET s;
    HANDLE port;
    OVERLAPPED ov;
    void *fn = NULL;
    DWORD n = 0;

    ct_startup(t);
    s = mx_tcp(t);
    get(t, s, "acceptex", acceptex);
    get(t, s, "getacceptexsockaddrs", sockaddrs);
    get(t, s, "connectex", connectex);
    get(t, s, "disconnectex", disconnectex);
    get(t, s, "transmitfile", transmitfile);
    get(t, s, "bogus", bogus);

    /* On a completion port: the bogus GUID fails at once, no packet. */
    port = CreateIoCompletionPort((HANDLE)s, NULL, 7, 0);
    ct_require(t, port != NULL, "completion port");
    memset(&ov, 0, sizeof(ov));
    ct_obs_rc(t, "bogus_overlapped",
              WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &bogus,
                       sizeof(bogus), &fn, sizeof(fn), &n, &ov, NULL));
    mx_obs_packet(t, "bogus_packet", port, &ov, 0);
    closesocket(s);
    CloseHandle(port);
}
