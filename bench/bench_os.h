/* What the benchmark programs need besides Winsock calls: a clock,
 * threads, raising the descriptor limit, knowing a thread is asleep in a
 * call, and the loopback address.  Each program is one Winsock source
 * built several ways (wscompat's headers, a port's POSIX names, mingw-w64
 * for Wine); this file holds its only #ifdef.  Include after winsock2.h. */
#ifndef BENCH_OS_H
#define BENCH_OS_H

static inline struct sockaddr_in loopback(unsigned short port)
{
    struct sockaddr_in a;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

#ifdef _WIN32
#include <windows.h>

typedef HANDLE bench_thread;

static inline double now_ns(void)
{
    static LARGE_INTEGER f;
    LARGE_INTEGER c;

    if (!f.QuadPart)
        QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart * 1e9 / (double)f.QuadPart;
}

struct thread_start {
    void (*fn)(void *);
    void *arg;
};

static DWORD WINAPI thread_tramp(LPVOID p)
{
    struct thread_start ts = *(struct thread_start *)p;

    free(p);
    ts.fn(ts.arg);
    return 0;
}

static inline bench_thread thread_start(void (*fn)(void *), void *arg)
{
    struct thread_start *ts = malloc(sizeof(*ts));

    ts->fn = fn;
    ts->arg = arg;
    return CreateThread(NULL, 0, thread_tramp, ts, 0, NULL);
}

static inline void thread_join(bench_thread t)
{
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
}

static inline void raise_fd_limit(void) {}

/* Resident size in KiB; 0 where the program does not look (Wine). */
static inline long rss_kib(void)
{
    return 0;
}

/* No cheap way to see a thread asleep in a call: a bounded moment. */
static inline void wait_blocked(volatile long *tid)
{
    (void)tid;
    Sleep(1);
}

static inline long my_tid(void)
{
    return (long)GetCurrentThreadId();
}
#else
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef pthread_t bench_thread;

static inline double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

struct thread_start {
    void (*fn)(void *);
    void *arg;
};

static void *thread_tramp(void *p)
{
    struct thread_start ts = *(struct thread_start *)p;

    free(p);
    ts.fn(ts.arg);
    return NULL;
}

static inline bench_thread thread_start(void (*fn)(void *), void *arg)
{
    struct thread_start *ts = malloc(sizeof(*ts));
    pthread_t t;

    ts->fn = fn;
    ts->arg = arg;
    pthread_create(&t, NULL, thread_tramp, ts);
    return t;
}

static inline void thread_join(bench_thread t)
{
    pthread_join(t, NULL);
}

static inline void raise_fd_limit(void)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static inline long my_tid(void)
{
    return (long)syscall(SYS_gettid);
}

/* Resident size in KiB (/proc/self/statm's second field, in pages). */
static inline long rss_kib(void)
{
    long size = 0, res = 0;
    FILE *f = fopen("/proc/self/statm", "r");

    if (f) {
        if (fscanf(f, "%ld %ld", &size, &res) != 2)
            res = 0;
        fclose(f);
    }
    return res * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Until the thread sleeps in the kernel (state S in its stat file). */
static inline void wait_blocked(volatile long *tid)
{
    char path[64], line[256], *p;
    FILE *f;

    while (!*tid)
        sched_yield();
    snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", *tid);
    for (;;) {
        f = fopen(path, "r");
        if (!f)
            return;
        p = fgets(line, sizeof(line), f) ? strrchr(line, ')') : NULL;
        fclose(f);
        if (p && p[2] == 'S')
            return;
        sched_yield();
    }
}
#endif

#endif
