/* closesocket() while another thread is blocked in recv(), Winsock style.
 * With wscompat, as on Windows: the recv fails WSAECONNABORTED at once and
 * the peer's connection is reset. */
#include <winsock2.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static SOCKET victim;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void *reader(void *arg)
{
    char buf[64];
    int rc = recv(victim, buf, sizeof(buf), 0);
    *(int *)arg = rc == SOCKET_ERROR ? WSAGetLastError() : 0;
    return NULL;
}

int main(void)
{
    WSADATA d;
    SOCKET l, peer;
    struct sockaddr_in a;
    int len = sizeof(a), err = -1, rc;
    pthread_t th;
    struct timespec pause = { 0, 100 * 1000000 };
    double t0;
    char buf[8];

    WSAStartup(MAKEWORD(2, 2), &d);
    l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ZeroMemory(&a, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (SOCKADDR *)&a, sizeof(a));
    listen(l, 1);
    getsockname(l, (SOCKADDR *)&a, &len);
    victim = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    connect(victim, (SOCKADDR *)&a, sizeof(a));
    peer = accept(l, NULL, NULL);

    pthread_create(&th, NULL, reader, &err);
    nanosleep(&pause, NULL); /* demo only: let the reader block */
    t0 = now_ms();
    closesocket(victim);
    pthread_join(th, NULL);
    printf("wscompat: closesocket woke the blocked recv after %.2f ms: %s (%d)\n",
           now_ms() - t0, err == WSAECONNABORTED ? "WSAECONNABORTED" : "?", err);
    rc = recv(peer, buf, sizeof(buf), 0);
    printf("wscompat: the peer's recv: %s\n",
           rc == SOCKET_ERROR && WSAGetLastError() == WSAECONNRESET
               ? "WSAECONNRESET (RST on the wire)"
               : "something else");
    closesocket(peer);
    closesocket(l);
    WSACleanup();
    return err == WSAECONNABORTED ? 0 : 1;
}
