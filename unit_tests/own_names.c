/* A program with functions of its own named like wscompat's internals
 * (ws_connect is a common name in websocket code): wscompat's calls must
 * still reach wscompat's code, and the program's functions run only when
 * the program calls them.  Built against wscompat's Winsock headers (the
 * source API, linked with --export-dynamic as a program loading plugins
 * is), and against a port's headers, run under wscompat-run and linked
 * with --wrap.  Prints its results; own_names.sh compares. */
#include <stdio.h>
#include <string.h>
#include <winsock2.h>
#include <ws2tcpip.h>

static int own_calls;

/* The names of the Winsock front end (ws_), the engine (wsc_) and the
 * interposer (ip_), with signatures of the program's own. */
int ws_connect(const char *url)
{
    own_calls++;
    return url ? 7 : -7;
}

int ws_send(const char *frame) { own_calls++; return frame ? 7 : -7; }
int ws_closesocket(void *ws) { own_calls++; return ws ? 7 : -7; }
int ws_shutdown(void *ws) { own_calls++; return ws ? 7 : -7; }
long wsc_ref_adopt(long n) { own_calls++; return n; }
long wsc_release(long n) { own_calls++; return n; }
int ip_close(void *p) { own_calls++; return p ? 7 : -7; }
int ip_connect(void *p) { own_calls++; return p ? 7 : -7; }
int ip_send(void *p) { own_calls++; return p ? 7 : -7; }
int ip_shutdown(void *p) { own_calls++; return p ? 7 : -7; }

/* A connected pair on loopback; 0 on success. */
static int pair(SOCKET *c, SOCKET *a, int *connect_rc)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);

    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l == INVALID_SOCKET || bind(l, (struct sockaddr *)&sa, sizeof(sa)) ||
        listen(l, 1) || getsockname(l, (struct sockaddr *)&sa, (void *)&len))
        return -1;
    *c = socket(AF_INET, SOCK_STREAM, 0);
    *connect_rc = connect(*c, (struct sockaddr *)&sa, sizeof(sa));
    *a = accept(l, NULL, NULL);
    closesocket(l);
    return *a == INVALID_SOCKET ? -1 : 0;
}

int main(void)
{
    WSADATA d;
    SOCKET c, a;
    int rc = -2, sent, err, calls_by_wscompat;

    if (WSAStartup(MAKEWORD(2, 2), &d) || pair(&c, &a, &rc))
        return 2;
    printf("connect=%d\n", rc);
    /* Windows: a send after SD_SEND fails WSAESHUTDOWN (Linux: EPIPE,
     * and SIGPIPE). */
    shutdown(c, SD_SEND);
    sent = send(c, "x", 1, 0);
    err = WSAGetLastError();
    printf("send_after_shutdown=%s\n",
           sent == SOCKET_ERROR && err == WSAESHUTDOWN ? "WSAESHUTDOWN" : "other");
    printf("closesocket=%d\n", closesocket(c) | closesocket(a));
    WSACleanup();
    calls_by_wscompat = own_calls;
    printf("own_called_by_wscompat=%d\n", calls_by_wscompat);
    ws_connect("ws://x");
    ws_send("f");
    ws_closesocket(&c);
    ws_shutdown(&c);
    wsc_ref_adopt(1);
    wsc_release(1);
    ip_close(&c);
    ip_connect(&c);
    ip_send(&c);
    ip_shutdown(&c);
    printf("own_called_by_program=%d\n", own_calls - calls_by_wscompat);
    return 0;
}
