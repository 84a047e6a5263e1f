/* A cross-platform network program in the style portable C code is
 * written in: one source, a Winsock branch under #if defined(_WIN32) and
 * a POSIX one, macros (ISVALIDSOCKET, CLOSESOCKET, GETSOCKETERRNO) over
 * the differences, and typedef int socklen_t on Windows.  It echoes
 * through a loopback connection made with a connect timeout (non-blocking
 * connect, select for writing and errors), tries a closed port the same
 * way, and keeps a log in a folder named with the platform's separator.
 * Exits 0 when each step behaves as its platform says; prints which
 * branch was built.  Usage: xplat_echo */
#if defined(_WIN32)
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0600
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#include <direct.h>
#pragma comment(lib, "ws2_32.lib")
typedef int socklen_t;
#define ISVALIDSOCKET(s) ((s) != INVALID_SOCKET)
#define CLOSESOCKET(s) closesocket(s)
#define GETSOCKETERRNO() (WSAGetLastError())
#define MAKEDIR(d) _mkdir(d)
#define RMDIR(d) _rmdir(d)
#define SEP "\\"
#define BRANCH "winsock"
#else
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#define ISVALIDSOCKET(s) ((s) >= 0)
#define CLOSESOCKET(s) close(s)
#define SOCKET int
#define GETSOCKETERRNO() (errno)
#define MAKEDIR(d) mkdir((d), 0777)
#define RMDIR(d) rmdir(d)
#define SEP "/"
#define BRANCH "posix"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int set_nonblocking(SOCKET s, int on)
{
#if defined(_WIN32)
    unsigned long mode = on ? 1 : 0;
    return ioctlsocket(s, FIONBIO, &mode);
#else
    int flags = fcntl(s, F_GETFL, 0);
    return fcntl(s, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK);
#endif
}

static int in_progress(void)
{
#if defined(_WIN32)
    return GETSOCKETERRNO() == WSAEWOULDBLOCK;
#else
    return GETSOCKETERRNO() == EINPROGRESS;
#endif
}

/* connect with a timeout; 0 connected, 1 refused, -1 otherwise. */
static int connect_timeout(SOCKET s, struct sockaddr *a, socklen_t len,
                           int seconds)
{
    fd_set w, e;
    struct timeval tv;
    int err = 0;
    socklen_t elen = sizeof(err);

    set_nonblocking(s, 1);
    if (connect(s, a, len) == 0)
        return set_nonblocking(s, 0), 0;
    if (!in_progress())
        return -1;
    FD_ZERO(&w);
    FD_SET(s, &w);
    FD_ZERO(&e);
    FD_SET(s, &e);
    tv.tv_sec = seconds;
    tv.tv_usec = 0;
    if (select((int)s + 1, NULL, &w, &e, &tv) <= 0)
        return -1;
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &elen);
#if defined(_WIN32)
    /* Windows: a failed connect is in the error set, never writable. */
    if (FD_ISSET(s, &e))
        return FD_ISSET(s, &w) || err != WSAECONNREFUSED ? -1 : 1;
#else
    if (err)
        return err == ECONNREFUSED ? 1 : -1;
#endif
    set_nonblocking(s, 0);
    return FD_ISSET(s, &w) ? 0 : -1;
}

static int send_all(SOCKET s, const char *buf, int len)
{
    int sent = 0, n;

    while (sent < len) {
        n = send(s, buf + sent, len - sent, 0);
        if (n <= 0)
            return -1;
        sent += n;
    }
    return 0;
}

int main(void)
{
    struct addrinfo hints, *bind_address;
    struct sockaddr_storage peer;
    socklen_t peer_len = sizeof(peer), alen;
    struct sockaddr_in addr;
    SOCKET listener, client, server, refused;
    char out[1000], in[1000], line[64];
    int i, got = 0, n, failed = 0;
    FILE *log;

#if defined(_WIN32)
    WSADATA d;
    if (WSAStartup(MAKEWORD(2, 2), &d)) {
        fprintf(stderr, "Failed to initialize.\n");
        return 1;
    }
#endif
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    if (getaddrinfo("127.0.0.1", "0", &hints, &bind_address)) {
        fprintf(stderr, "getaddrinfo() failed. (%d)\n", GETSOCKETERRNO());
        return 1;
    }
    listener = socket(bind_address->ai_family, bind_address->ai_socktype,
                      bind_address->ai_protocol);
    if (!ISVALIDSOCKET(listener) ||
        bind(listener, bind_address->ai_addr, (int)bind_address->ai_addrlen) ||
        listen(listener, 10) < 0) {
        fprintf(stderr, "listener failed. (%d)\n", GETSOCKETERRNO());
        return 1;
    }
    freeaddrinfo(bind_address);
    alen = sizeof(addr);
    getsockname(listener, (struct sockaddr *)&addr, &alen);

    client = socket(AF_INET, SOCK_STREAM, 0);
    if (connect_timeout(client, (struct sockaddr *)&addr, sizeof(addr), 5)) {
        fprintf(stderr, "connect failed. (%d)\n", GETSOCKETERRNO());
        return 1;
    }
    server = accept(listener, (struct sockaddr *)&peer, &peer_len);
    if (!ISVALIDSOCKET(server)) {
        fprintf(stderr, "accept() failed. (%d)\n", GETSOCKETERRNO());
        return 1;
    }
    for (i = 0; i < (int)sizeof(out); i++)
        out[i] = (char)('a' + i % 26);
    if (send_all(client, out, sizeof(out))) {
        fprintf(stderr, "send() failed. (%d)\n", GETSOCKETERRNO());
        return 1;
    }
    while (got < (int)sizeof(in) &&
           (n = recv(server, in + got, (int)sizeof(in) - got, 0)) > 0)
        got += n;
    if (got != (int)sizeof(out) || memcmp(in, out, sizeof(out)) != 0) {
        fprintf(stderr, "echo: got %d bytes\n", got);
        failed++;
    }
    send_all(server, in, got);
    got = 0;
    while (got < (int)sizeof(in) &&
           (n = recv(client, in + got, (int)sizeof(in) - got, 0)) > 0)
        got += n;
    if (got != (int)sizeof(out) || memcmp(in, out, sizeof(out)) != 0)
        failed++;
    CLOSESOCKET(server);
    CLOSESOCKET(client);

    /* The same port, nobody listening: refused, within the timeout. */
    CLOSESOCKET(listener);
    refused = socket(AF_INET, SOCK_STREAM, 0);
    if (connect_timeout(refused, (struct sockaddr *)&addr, sizeof(addr), 10) != 1) {
        fprintf(stderr, "a closed port was not refused\n");
        failed++;
    }
    CLOSESOCKET(refused);

    MAKEDIR("xplat_logs");
    log = fopen("xplat_logs" SEP "echo.log", "w");
    if (!log) {
        fprintf(stderr, "cannot open the log\n");
        return 1;
    }
    fprintf(log, "echoed %d bytes\n", got);
    fclose(log);
    log = fopen("xplat_logs/echo.log", "r");
    if (!log || !fgets(line, sizeof(line), log) ||
        strcmp(line, "echoed 1000 bytes\n") != 0)
        failed++;
    if (log)
        fclose(log);
    remove("xplat_logs/echo.log");
    RMDIR("xplat_logs");

#if defined(_WIN32)
    WSACleanup();
#endif
    printf("xplat_echo (%s): %s\n", BRANCH, failed ? "FAILED" : "ok");
    return failed ? 1 : 0;
}
