/* Prints how many mappings the process has once it has a socket (the
 * lines of /proc/self/maps), read without malloc: every mapping is one
 * more for each fork to copy (maps_count.sh). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    char buf[4096];
    ssize_t n;
    int fd, s = socket(AF_INET, SOCK_STREAM, 0), lines = 0;

    if (s < 0 || (fd = open("/proc/self/maps", O_RDONLY)) < 0)
        return 1;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        for (ssize_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
    close(fd);
    close(s);
    printf("%d\n", lines);
    return n < 0;
}
