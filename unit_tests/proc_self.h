/* What /proc says of this process, for the tests that must know where a
 * thread is before they act (a thread asleep inside a call, without
 * sleeping to wait for it) and how many descriptors are open.  Linux
 * only; plain C, for the Winsock tests, the POSIX ones and the examples. */
#ifndef WSC_PROC_SELF_H
#define WSC_PROC_SELF_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* The state letter of a thread of this process ('S' asleep, 'R'
 * running, ...), or '?' when it is gone. */
static inline char proc_thread_state(pid_t tid)
{
    char path[64], buf[512], *p;
    FILE *f;
    size_t n;

    snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
    f = fopen(path, "r");
    if (!f)
        return '?';
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = 0;
    p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : '?';
}

/* The system call the thread is blocked in, or -1 (running, or gone). */
static inline long proc_thread_syscall(pid_t tid)
{
    char path[64], line[128];
    FILE *f;
    long nr = -1;

    snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
    f = fopen(path, "r");
    if (!f)
        return -1;
    if (!fgets(line, sizeof(line), f) || sscanf(line, "%ld", &nr) != 1)
        nr = -1;
    fclose(f);
    return nr;
}

/* Open descriptors, less the one reading the list and the anonymous
 * inodes the engine keeps for itself (wake eventfds, the SD_RECEIVE
 * watcher's epoll); -1 if /proc cannot be read. */
static inline int proc_open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    char path[300], target[64];
    ssize_t len;
    int n = -1;

    if (!d)
        return -1;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "/proc/self/fd/%s", de->d_name);
        len = readlink(path, target, sizeof(target) - 1);
        if (len > 0 && (target[len] = 0,
                        !strcmp(target, "anon_inode:[eventfd]") ||
                        !strcmp(target, "anon_inode:[eventpoll]")))
            continue;
        n++;
    }
    closedir(d);
    return n;
}

#endif
