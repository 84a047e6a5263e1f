/* A fork-per-connection echo server, the classic Unix shape: the parent
 * accepts, a child per connection echoes one 64-byte message and exits.
 * Built with POSIX names and run plain, under wscompat-run and linked
 * with --wrap (bench/run.sh), it measures what fork costs with wscompat
 * loaded: connections per second, and the page faults of each child
 * (getrusage, RUSAGE_CHILDREN), which do not depend on the machine's
 * load.  The client is a process of its own, forked first.
 * Usage: forkserv [quick] */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

static int full(int fd, char *b, int len, int sending)
{
    int got = 0, n;

    while (got < len) {
        n = sending ? (int)send(fd, b + got, len - got, 0)
                    : (int)recv(fd, b + got, len - got, 0);
        if (n <= 0)
            return -1;
        got += n;
    }
    return 0;
}

static void client(struct sockaddr_in a, int n)
{
    char b[64];
    int i, fd;

    memset(b, 'x', sizeof(b));
    for (i = 0; i < n; i++) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
            die("client connect");
        if (full(fd, b, 64, 1) || full(fd, b, 64, 0))
            die("client echo");
        close(fd);
    }
    _exit(0);
}

int main(int argc, char **argv)
{
    int quick = argc > 1 && !strcmp(argv[1], "quick");
    int n = quick ? 200 : 2000, i, l, c, one = 1, status;
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    struct rusage ru;
    pid_t cl;
    double t0, t1;
    char b[64];

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    l = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 ||
        listen(l, 128) < 0 || getsockname(l, (struct sockaddr *)&a, &len) < 0)
        die("listener");
    t0 = now_ns();
    cl = fork();
    if (cl < 0)
        die("fork");
    if (cl == 0) {
        close(l);
        client(a, n);
    }
    for (i = 0; i < n; i++) {
        pid_t p;

        c = accept(l, NULL, NULL);
        if (c < 0)
            die("accept");
        p = fork();
        if (p < 0)
            die("fork");
        if (p == 0) {
            close(l);
            if (full(c, b, 64, 0) || full(c, b, 64, 1))
                _exit(1);
            close(c);
            _exit(0);
        }
        close(c);
        while (waitpid(-1, &status, WNOHANG) > 0)
            ;
    }
    while (waitpid(-1, &status, 0) > 0)
        ;
    t1 = now_ns();
    getrusage(RUSAGE_CHILDREN, &ru);
    /* (The client's faults are in the sum too, the same in every run.) */
    printf("fork_per_connection %.0f connections/s\n", n / ((t1 - t0) / 1e9));
    printf("fork_faults_per_child %.1f faults\n", (double)ru.ru_minflt / n);
    return 0;
}
