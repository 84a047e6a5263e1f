/* CP13: connect (blocking or not) and shutdown on a socket tied to a port
 * queue no packet; ConnectEx does; DisconnectEx without an OVERLAPPED
 * completes at once and queues none. */
#include "harness_ov.h"

void sc_CP13(ct *t)
{
    unsigned short port_no;
    SOCKET l, a, b, x;
    HANDLE port;
    struct sockaddr_in to, any;
    u_long on = 1;
    fd_set w;
    struct timeval tv = { 2, 0 };
    GUID gc = WSAID_CONNECTEX, gd = WSAID_DISCONNECTEX;
    LPFN_CONNECTEX connectex = NULL;
    LPFN_DISCONNECTEX disconnectex = NULL;
    DWORD n = 0;
    OVERLAPPED ov;

    ct_startup(t);
    l = ct_listener(t, &port_no);
    to = ct_loopback(port_no);
    any = ct_loopback(0);
    port = ct_port(t);
    ct_ov_init(t, &ov);

    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CreateIoCompletionPort((HANDLE)a, port, 1, 0);
    ct_obs_rc(t, "blocking_connect", connect(a, (struct sockaddr *)&to, sizeof(to)));
    b = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CreateIoCompletionPort((HANDLE)b, port, 2, 0);
    ioctlsocket(b, FIONBIO, &on);
    ct_obs_rc(t, "nonblocking_connect", connect(b, (struct sockaddr *)&to, sizeof(to)));
    FD_ZERO(&w);
    FD_SET(b, &w);
    ct_obs_rc(t, "connected", select(0, NULL, &w, NULL, &tv));
    ct_obs_rc(t, "shutdown", shutdown(a, SD_SEND));
    ct_obs_packet(t, "no_packet", port, 100, &ov);

    x = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CreateIoCompletionPort((HANDLE)x, port, 3, 0);
    bind(x, (struct sockaddr *)&any, sizeof(any));
    WSAIoctl(x, SIO_GET_EXTENSION_FUNCTION_POINTER, &gc, sizeof(gc),
             &connectex, sizeof(connectex), &n, NULL, NULL);
    WSAIoctl(x, SIO_GET_EXTENSION_FUNCTION_POINTER, &gd, sizeof(gd),
             &disconnectex, sizeof(disconnectex), &n, NULL, NULL);
    ct_require(t, connectex && disconnectex, "extension functions");
    if (connectex(x, (struct sockaddr *)&to, sizeof(to), NULL, 0, NULL, &ov))
        ct_obs(t, "connectex", "TRUE");
    else
        ct_obs(t, "connectex", "FALSE/%s", ct_wsa_name(WSAGetLastError()));
    ct_obs_packet(t, "connectex_packet", port, 2000, &ov);
    setsockopt(x, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0);
    ct_obs_bool(t, "disconnectex_sync", disconnectex(x, NULL, 0, 0));
    ct_obs_packet(t, "disconnectex_packet", port, 100, &ov);

    closesocket(a);
    closesocket(b);
    closesocket(x);
    closesocket(l);
    CloseHandle(port);
    CloseHandle(ov.hEvent);
}
