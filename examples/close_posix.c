/* The same with plain Linux calls: close() does not wake the thread
 * blocked in recv(), and the peer sees nothing.  Bounded: after 2 s the
 * program gives up on the reader and says so. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int victim;
static volatile int returned;

static void *reader(void *arg)
{
    char buf[64];
    (void)arg;
    recv(victim, buf, sizeof(buf), 0);
    returned = 1;
    return NULL;
}

int main(void)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int l, peer, waited = 0;
    pthread_t th;
    struct timespec pause = { 0, 100 * 1000000 };
    struct pollfd p;

    l = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    getsockname(l, (struct sockaddr *)&a, &len);
    victim = socket(AF_INET, SOCK_STREAM, 0);
    connect(victim, (struct sockaddr *)&a, sizeof(a));
    peer = accept(l, NULL, NULL);

    pthread_create(&th, NULL, reader, NULL);
    nanosleep(&pause, NULL); /* demo only: let the reader block */
    close(victim);
    while (!returned && waited < 2000) {
        nanosleep(&pause, NULL);
        waited += 100;
    }
    printf("plain Linux: after close(), the blocked recv %s\n",
           returned ? "returned" : "is still blocked after 2000 ms (it hangs)");
    p.fd = peer;
    p.events = POLLIN;
    printf("plain Linux: the peer %s\n",
           poll(&p, 1, 200) == 0 ? "sees nothing (no FIN, no RST)"
                                 : "sees something");
    return returned ? 1 : 0; /* the hang is the expected outcome */
}
