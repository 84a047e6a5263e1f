/* Mailslots: a server's CreateMailslot and its clients' CreateFile of
 * "\\.\mailslot\NAME", one message per WriteFile and per ReadFile.  A
 * mailslot is a datagram socket bound to an abstract UNIX address named
 * for the user and the mailslot, so every process of the user on this
 * machine reaches it; "\\*\mailslot\NAME" and "\\SERVER\mailslot\NAME"
 * (a domain's broadcast, another machine) reach this machine's only. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "handle.h"

#define SLOT_PREFIX "mailslot\\"

/* The NAME of "\\SERVER\mailslot\NAME", or NULL; *local: SERVER is ".". */
static const char *slot_name(const char *path, int *local)
{
    const char *server, *end;

    if (!path || path[0] != '\\' || path[1] != '\\')
        return NULL;
    server = path + 2;
    if (!(end = strchr(server, '\\')) || end == server)
        return NULL;
    if (strncasecmp(end + 1, SLOT_PREFIX, sizeof(SLOT_PREFIX) - 1))
        return NULL;
    *local = end - server == 1 && server[0] == '.';
    return end + sizeof(SLOT_PREFIX);
}

int wsc_w32_is_mailslot(const char *path)
{
    int local;

    return slot_name(path, &local) != NULL;
}

/* The abstract address of the user's mailslot NAME (case ignored). */
static socklen_t slot_address(const char *name, struct sockaddr_un *a)
{
    size_t n, i;

    memset(a, 0, sizeof(*a));
    a->sun_family = AF_UNIX;
    n = (size_t)snprintf(a->sun_path + 1, sizeof(a->sun_path) - 1,
                         "wscompat-mailslot/%u/%s", (unsigned)getuid(), name);
    if (n >= sizeof(a->sun_path) - 1)
        return 0;
    for (i = 1; i <= n; i++)
        if (a->sun_path[i] >= 'A' && a->sun_path[i] <= 'Z')
            a->sun_path[i] = (char)(a->sun_path[i] - 'A' + 'a');
    return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
}

static HANDLE slot_handle(int fd, int kind, DWORD max, DWORD wait)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_FILE);

    if (!o) {
        close(fd);
        return INVALID_HANDLE_VALUE;
    }
    o->u.file.fd = fd;
    o->u.file.slot = kind;
    o->u.file.slot_max = max;
    o->u.file.slot_wait = wait;
    return wsc_w32_handle_new(o);
}

static HANDLE fail_handle(DWORD code)
{
    wsc_w32_set_error(code);
    return INVALID_HANDLE_VALUE;
}

HANDLE wsc_CreateMailslotA(LPCSTR name, DWORD max, DWORD wait,
                           LPSECURITY_ATTRIBUTES sa)
{
    struct sockaddr_un a;
    const char *slot;
    socklen_t len;
    int local = 0, fd;

    (void)sa;
    if (!(slot = slot_name(name, &local)) || !local || !*slot ||
        !(len = slot_address(slot, &a)))
        return fail_handle(ERROR_INVALID_NAME);
    if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
        return fail_handle(wsc_w32_from_errno(errno));
    if (bind(fd, (struct sockaddr *)&a, len) < 0) {
        int err = errno;
        close(fd);
        return fail_handle(err == EADDRINUSE ? ERROR_ALREADY_EXISTS
                                             : wsc_w32_from_errno(err));
    }
    wsc_w32_set_error(ERROR_SUCCESS);
    return slot_handle(fd, W32_SLOT_SERVER, max, wait);
}

HANDLE wsc_CreateMailslotW(LPCWSTR name, DWORD max, DWORD wait,
                           LPSECURITY_ATTRIBUTES sa)
{
    int bad;
    char *u = wsc_w32_utf8(name, &bad);
    HANDLE h;

    if (bad)
        return fail_handle(ERROR_NOT_ENOUGH_MEMORY);
    h = wsc_CreateMailslotA(u, max, wait, sa);
    free(u);
    return h;
}

/* CreateFile of a mailslot: a client.  A broadcast nobody serves here
 * still opens, and its messages are lost, as on a network. */
HANDLE wsc_w32_mailslot_open(const char *path)
{
    struct sockaddr_un a;
    const char *slot;
    socklen_t len;
    int local = 0, fd;

    if (!(slot = slot_name(path, &local)) || !(len = slot_address(slot, &a)))
        return fail_handle(ERROR_INVALID_NAME);
    if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
        return fail_handle(wsc_w32_from_errno(errno));
    if (connect(fd, (struct sockaddr *)&a, len) < 0) {
        close(fd);
        if (local)
            return fail_handle(ERROR_FILE_NOT_FOUND);
        if ((fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0)
            return fail_handle(wsc_w32_from_errno(errno));
    }
    wsc_w32_set_error(ERROR_SUCCESS);
    return slot_handle(fd, W32_SLOT_CLIENT, 0, 0);
}

/* The size of the next message, -1 for none within the wait (ms,
 * MAILSLOT_WAIT_FOREVER), or -2 with errno. */
static ssize_t next_size(int fd, DWORD wait)
{
    struct timeval tv = { (time_t)(wait / 1000), (long)(wait % 1000) * 1000 };
    int flags = MSG_PEEK | MSG_TRUNC | (wait == 0 ? MSG_DONTWAIT : 0);
    ssize_t n;

    if (wait != 0 && wait != MAILSLOT_WAIT_FOREVER &&
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
        return -2;
    if (wait == MAILSLOT_WAIT_FOREVER) {
        tv.tv_sec = tv.tv_usec = 0;
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    }
    while ((n = recv(fd, NULL, 0, flags)) < 0 && errno == EINTR)
        ;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return -1;
    return n < 0 ? -2 : n;
}

/* ReadFile of a mailslot: the next message whole; one larger than the
 * buffer stays (ERROR_INSUFFICIENT_BUFFER), none within the mailslot's
 * read timeout is ERROR_SEM_TIMEOUT. */
BOOL wsc_w32_mailslot_read(struct w32_obj *o, void *buf, DWORD size,
                           DWORD *done)
{
    ssize_t n = next_size(o->u.file.fd,
                          __atomic_load_n(&o->u.file.slot_wait,
                                          __ATOMIC_RELAXED));

    if (n == -1)
        return wsc_w32_fail(ERROR_SEM_TIMEOUT);
    if (n == -2)
        return wsc_w32_fail((int)wsc_w32_from_errno(errno));
    if ((size_t)n > size)
        return wsc_w32_fail(ERROR_INSUFFICIENT_BUFFER);
    while ((n = recv(o->u.file.fd, buf, size, MSG_DONTWAIT)) < 0 &&
           errno == EINTR)
        ;
    if (n < 0)
        return wsc_w32_fail((int)wsc_w32_from_errno(errno));
    *done = (DWORD)n;
    return TRUE;
}

static struct w32_obj *server_get(HANDLE h)
{
    struct w32_obj *o = wsc_w32_get(h, W32_FILE);

    if (o && o->u.file.slot != W32_SLOT_SERVER) {
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return o;
}

/* The count is 1 when a message waits: Linux tells the size of the next
 * datagram, not how many there are. */
BOOL wsc_GetMailslotInfo(HANDLE h, LPDWORD max, LPDWORD next, LPDWORD count,
                         LPDWORD wait)
{
    struct w32_obj *o = server_get(h);
    ssize_t n;

    if (!o)
        return FALSE;
    n = next_size(o->u.file.fd, 0);
    if (max)
        *max = o->u.file.slot_max;
    if (next)
        *next = n >= 0 ? (DWORD)n : MAILSLOT_NO_MESSAGE;
    if (count)
        *count = n >= 0;
    if (wait)
        *wait = __atomic_load_n(&o->u.file.slot_wait, __ATOMIC_RELAXED);
    wsc_w32_put(o);
    return TRUE;
}

BOOL wsc_SetMailslotInfo(HANDLE h, DWORD wait)
{
    struct w32_obj *o = server_get(h);

    if (!o)
        return FALSE;
    __atomic_store_n(&o->u.file.slot_wait, wait, __ATOMIC_RELAXED);
    wsc_w32_put(o);
    return TRUE;
}
