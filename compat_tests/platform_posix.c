/* The scenario platform on Linux: a plain peer made of libc calls (no
 * wscompat: this file does not include the Winsock headers), threads, time. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include "platform.h"
#include "expect.h"
#include "../unit_tests/proc_self.h"

struct ct_peer {
    int fd;
    long long drained;
    char result[64];
};

static ct_peer *peer_new(ct *t, int fd)
{
    ct_peer *p = calloc(1, sizeof(*p));

    ct_require(t, p != NULL && fd >= 0, "plain peer socket");
    p->fd = fd;
    return p;
}


/* The peer side is plain POSIX, without the Winsock headers that declare
 * the harness's ct_loopback. */
static struct sockaddr_in loop4(unsigned short port)
{
    struct sockaddr_in a;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

ct_peer *ct_peer_listen(ct *t, unsigned short *port)
{
    struct sockaddr_in a = loop4(0);
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    ct_require(t, fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
                      listen(fd, 16) == 0 &&
                      getsockname(fd, (struct sockaddr *)&a, &len) == 0,
               "plain peer listen");
    *port = ntohs(a.sin_port);
    return peer_new(t, fd);
}

ct_peer *ct_peer_accept(ct *t, ct_peer *l, int timeout_ms)
{
    struct pollfd p = { .fd = l->fd, .events = POLLIN };

    ct_require(t, poll(&p, 1, timeout_ms) == 1, "plain peer accept in time");
    return peer_new(t, accept(l->fd, NULL, NULL));
}

ct_peer *ct_peer_connect(ct *t, unsigned short port)
{
    struct sockaddr_in a = loop4(port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    ct_require(t, fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0,
               "plain peer connect");
    return peer_new(t, fd);
}

static const char *word_for(ct_peer *p, ssize_t n, int err)
{
    if (n > 0)
        snprintf(p->result, sizeof(p->result), "data:%zd", n);
    else if (n == 0)
        snprintf(p->result, sizeof(p->result), "eof");
    else if (err == ECONNRESET)
        snprintf(p->result, sizeof(p->result), "reset");
    else if (err == EAGAIN)
        snprintf(p->result, sizeof(p->result), "timeout");
    else
        snprintf(p->result, sizeof(p->result), "error:%s", strerror(err));
    return p->result;
}

const char *ct_peer_recv(ct_peer *p, int timeout_ms)
{
    struct pollfd pf = { .fd = p->fd, .events = POLLIN };
    char buf[65536];
    ssize_t n;

    if (poll(&pf, 1, timeout_ms) == 0)
        return word_for(p, -1, EAGAIN);
    n = recv(p->fd, buf, sizeof(buf), MSG_DONTWAIT);
    return word_for(p, n, errno);
}

const char *ct_peer_drain(ct_peer *p, int timeout_ms)
{
    struct pollfd pf = { .fd = p->fd, .events = POLLIN };
    static char buf[1 << 16];
    long long total = 0, deadline = ct_now_ms() + timeout_ms;
    ssize_t n;
    int err = EAGAIN;

    for (;;) {
        long long left = deadline - ct_now_ms();
        if (left <= 0 || poll(&pf, 1, (int)left) == 0) {
            n = -1, err = EAGAIN;
            break;
        }
        n = recv(p->fd, buf, sizeof(buf), MSG_DONTWAIT);
        if (n > 0) {
            total += n;
            continue;
        }
        err = errno;
        if (n < 0 && err == EAGAIN)
            continue;
        break;
    }
    p->drained = total;
    return word_for(p, n, err);
}

long long ct_peer_drained(ct_peer *p)
{
    return p->drained;
}

void ct_peer_abort(ct_peer *p)
{
    struct linger lg = { 1, 0 };

    setsockopt(p->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
    ct_peer_close(p);
}

const char *ct_peer_send(ct_peer *p, const char *data, int len)
{
    ssize_t n = send(p->fd, data, (size_t)len, MSG_NOSIGNAL);

    if (n >= 0) {
        snprintf(p->result, sizeof(p->result), "sent:%zd", n);
        return p->result;
    }
    return word_for(p, -1, errno == EPIPE ? ECONNRESET : errno);
}

void ct_peer_close(ct_peer *p)
{
    if (p) {
        close(p->fd);
        free(p);
    }
}

/* ---- threads ---------------------------------------------------------- */

struct ct_thread {
    pthread_t th;
    void (*fn)(void *);
    void *arg;
    _Atomic pid_t tid;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int done;
};

static void *thread_main(void *p)
{
    ct_thread *th = p;

    th->tid = (pid_t)syscall(SYS_gettid);
    th->fn(th->arg);
    pthread_mutex_lock(&th->lock);
    th->done = 1;
    pthread_cond_broadcast(&th->cond);
    pthread_mutex_unlock(&th->lock);
    return NULL;
}

ct_thread *ct_thread_start(ct *t, void (*fn)(void *), void *arg)
{
    ct_thread *th = calloc(1, sizeof(*th));

    ct_require(t, th != NULL, "thread memory");
    th->fn = fn;
    th->arg = arg;
    pthread_mutex_init(&th->lock, NULL);
    pthread_cond_init(&th->cond, NULL);
    ct_require(t, pthread_create(&th->th, NULL, thread_main, th) == 0,
               "pthread_create");
    return th;
}

int ct_thread_join(ct_thread *th, int timeout_ms)
{
    struct timespec ts;
    int done;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L)
        ts.tv_sec++, ts.tv_nsec -= 1000000000L;
    pthread_mutex_lock(&th->lock);
    while (!th->done &&
           pthread_cond_timedwait(&th->cond, &th->lock, &ts) != ETIMEDOUT)
        ;
    done = th->done;
    pthread_mutex_unlock(&th->lock);
    if (!done)
        return -1; /* left running: the scenario's process ends soon */
    pthread_join(th->th, NULL);
    free(th);
    return 0;
}


int ct_thread_blocked(ct_thread *th, int timeout_ms)
{
    long long deadline = ct_now_ms() + timeout_ms;
    int seen = 0;

    /* Two sightings in a row: a thread between syscalls can flicker. */
    while (ct_now_ms() < deadline) {
        if (th->tid && proc_thread_state(th->tid) == 'S') {
            if (++seen >= 2)
                return 0;
        } else {
            seen = 0;
        }
        sched_yield();
    }
    return -1;
}

long long ct_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ct_wait_reset(unsigned long long sock, int timeout_ms)
{
    long long deadline = ct_now_ms() + timeout_ms;
    struct tcp_info ti;
    socklen_t len;

    /* (The SOCKET is the descriptor: its state, read past wscompat.) */
    do {
        len = sizeof(ti);
        if (getsockopt((int)sock, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0)
            return -1;
        if (ti.tcpi_state == TCP_CLOSE)
            return 0;
        sched_yield();
    } while (ct_now_ms() < deadline);
    return -1;
}

int ct_open_handles(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    int n = 0;

    if (!d)
        return -1;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n - 1; /* the directory stream itself */
}

/* ---- isolation -------------------------------------------------------- */

void ct_run_isolated(const char *argv0, const char *id, void (*fn)(ct *),
                     int timeout_ms, char *line, size_t len)
{
    static ct t;
    long long deadline = ct_now_ms() + timeout_ms;
    struct pollfd p;
    size_t got = 0;
    int fds[2], status;
    pid_t pid;

    (void)argv0;
    snprintf(line, len, "ROW %s fail setup=cannot start", id);
    if (pipe(fds) < 0 || (pid = fork()) < 0)
        return;
    if (pid == 0) {
        char out[1400];
        close(fds[0]);
        ct_run(&t, id, fn);
        ct_expect_line(&t, out, sizeof(out));
        (void)!write(fds[1], out, strlen(out));
        _exit(0);
    }
    close(fds[1]);
    p.fd = fds[0];
    p.events = POLLIN;
    for (;;) {
        long long left = deadline - ct_now_ms();
        ssize_t n;
        if (left <= 0 || poll(&p, 1, (int)left) == 0) {
            kill(pid, SIGKILL);
            snprintf(line, len, "ROW %s hang", id);
            got = 0;
            break;
        }
        n = read(fds[0], line + got, len - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fds[0]);
    waitpid(pid, &status, 0);
    if (got)
        line[got] = 0;
    else if (WIFSIGNALED(status) && strstr(line, " hang") == NULL)
        snprintf(line, len, "ROW %s fail signal=%d", id, WTERMSIG(status));
}
