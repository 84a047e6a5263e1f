/* Open descriptors of the process, less the directory stream used to count
 * them and the wake eventfd each thread keeps from its first blocking wait
 * on (closed when the thread exits). */
#ifndef WSC_FDCOUNT_H
#define WSC_FDCOUNT_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static inline int open_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    char path[300], target[64];
    int n = -1;
    ssize_t len;

    if (!d)
        return -1;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "/proc/self/fd/%s", de->d_name);
        len = readlink(path, target, sizeof(target) - 1);
        if (len > 0) {
            target[len] = 0;
            if (!strcmp(target, "anon_inode:[eventfd]"))
                continue;
        }
        n++;
    }
    closedir(d);
    return n;
}

#endif
