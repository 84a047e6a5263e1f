/* ER2: calls before WSAStartup, an unbalanced WSACleanup, and handles
 * that outlive the final WSACleanup (rows 8a-8c). */
#include "harness.h"

void sc_ER2(ct *t)
{
    WSADATA d;
    SOCKET s;
    struct hostent *h;

    ct_obs_sock(t, "socket_before", socket(AF_INET, SOCK_STREAM, 0));
    h = gethostbyname("localhost");
    ct_obs(t, "gethostbyname_before", "%s/%s", h ? "host" : "NULL",
           ct_wsa_name(WSAGetLastError()));
    ct_obs_rc(t, "cleanup_before", WSACleanup());
    ct_obs(t, "startup", "%d", WSAStartup(MAKEWORD(2, 2), &d));
    ct_obs(t, "version", "%d.%d", LOBYTE(d.wVersion), HIBYTE(d.wVersion));
    ct_obs(t, "startup_again", "%d", WSAStartup(MAKEWORD(2, 2), &d));
    s = socket(AF_INET, SOCK_STREAM, 0);
    ct_require(t, s != INVALID_SOCKET, "socket");
    ct_obs_rc(t, "cleanup1", WSACleanup());
    ct_obs_rc(t, "cleanup2", WSACleanup());
    ct_obs_rc(t, "cleanup3", WSACleanup());
    ct_obs(t, "startup_after", "%d", WSAStartup(MAKEWORD(2, 2), &d));
    ct_obs_rc(t, "old_handle_send", send(s, "x", 1, 0));
    WSACleanup();
}
