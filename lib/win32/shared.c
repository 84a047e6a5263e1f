/* Named objects the processes of one user share: each is a file in
 * /dev/shm ("wsc-UID-" and the name, escaped) whose first page holds a
 * header, the object's state, and the processes that hold it; a mapping's
 * data follows that page.  A process gone without closing is dropped from
 * the holders when the name is next looked up, and the last holder's
 * detach removes the name, as Windows ends an object with its last
 * handle.  One lock, a futex word in a file of its own, guards every
 * header and state: its sections are short and never sleep, and a holder
 * that died inside one is detected and the lock taken from it. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "handle.h"

#define MAGIC 0x77736331u
#define HOLDERS 64
#define PAGE 4096u

struct holder {
    int32_t pid;
    uint32_t count;
};

struct shm_hdr {
    _Atomic uint32_t seq; /* a futex: bumped by every change of state */
    uint32_t magic, type, dead;
    uint64_t size;
    struct holder holders[HOLDERS];
    union {
        struct w32_event_state event;
        struct w32_sem_state sem;
    } state;
};

struct listener {
    _Atomic int stop;
    struct shm_hdr *hdr; /* a mapping of its own, which it unmaps */
};

struct w32_shared {
    struct shm_hdr *hdr;
    int fd;
    struct listener *listener;
    char path[NAME_MAX + 1];
};

_Static_assert(sizeof(struct shm_hdr) <= PAGE, "the header fits its page");

static long futex(_Atomic uint32_t *w, int op, uint32_t val,
                  const struct timespec *ts)
{
    return syscall(SYS_futex, w, op, val, ts, NULL, 0);
}

static int pid_gone(int32_t pid)
{
    return pid > 0 && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* ---- the lock ------------------------------------------------------------ */
static _Atomic uint32_t *lockword; /* 0, or the holding process's id */
static pthread_once_t lock_once = PTHREAD_ONCE_INIT;

static void lock_map(void)
{
    char path[64];
    void *p;
    int fd;

    snprintf(path, sizeof(path), "/wsc-%u-lock", (unsigned)getuid());
    if ((fd = shm_open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
        return;
    if (ftruncate(fd, 64) == 0 &&
        (p = mmap(NULL, 64, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) !=
            MAP_FAILED)
        lockword = p;
    close(fd);
}

void wsc_w32_shared_lock(void)
{
    const struct timespec slice = {0, 50 * 1000000L};
    uint32_t me = (uint32_t)getpid(), cur = 0;

    while (!atomic_compare_exchange_strong(lockword, &cur, me)) {
        /* A holder that died in its section never wakes us: after a
         * slice, a dead holder's lock is taken from it. */
        if (futex(lockword, FUTEX_WAIT, cur, &slice) < 0 &&
            errno == ETIMEDOUT && pid_gone((int32_t)cur))
            atomic_compare_exchange_strong(lockword, &cur, 0);
        cur = 0;
    }
}

void wsc_w32_shared_unlock(void)
{
    atomic_store(lockword, 0);
    futex(lockword, FUTEX_WAKE, 1, NULL);
}

/* ---- names ------------------------------------------------------------- */
/* The file's name: letters, digits, '.', '_' and '-' kept, other bytes as
 * %XX; a name too long for the file system ends in its hash instead. */
static void shm_path(const char *name, char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = (size_t)snprintf(path, NAME_MAX + 1, "/wsc-%u-", (unsigned)getuid());
    uint64_t h = 14695981039346656037ull;
    const unsigned char *p;

    if (strncmp(name, "Local\\", 6) == 0)
        name += 6;
    for (p = (const unsigned char *)name; *p; p++) {
        h = (h ^ *p) * 1099511628211ull;
        if (n + 4 > NAME_MAX - 20)
            continue;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-') {
            path[n++] = (char)*p;
        } else {
            path[n++] = '%';
            path[n++] = hex[*p >> 4];
            path[n++] = hex[*p & 15];
        }
    }
    path[n] = '\0';
    if (n + 4 > NAME_MAX - 20)
        snprintf(path + n, NAME_MAX + 1 - n, "#%016llx", (unsigned long long)h);
}

/* ---- holders ----------------------------------------------------------- */
/* Drops the holders that are gone; 1 if any is left. */
static int purge(struct shm_hdr *h)
{
    int i, live = 0;

    for (i = 0; i < HOLDERS; i++) {
        if (h->holders[i].count && pid_gone(h->holders[i].pid))
            h->holders[i].count = 0;
        live |= h->holders[i].count != 0;
    }
    return live;
}

static int hold(struct shm_hdr *h)
{
    int32_t me = (int32_t)getpid();
    int i, empty = -1;

    for (i = 0; i < HOLDERS; i++) {
        if (h->holders[i].count && h->holders[i].pid == me) {
            h->holders[i].count++;
            return 1;
        }
        if (!h->holders[i].count && empty < 0)
            empty = i;
    }
    if (empty < 0)
        return 0;
    h->holders[empty].pid = me;
    h->holders[empty].count = 1;
    return 1;
}

static void unhold(struct shm_hdr *h)
{
    int32_t me = (int32_t)getpid();
    int i;

    for (i = 0; i < HOLDERS; i++)
        if (h->holders[i].count && h->holders[i].pid == me) {
            h->holders[i].count--;
            return;
        }
}

/* Under the lock: the name goes (a process that opened the file but has
 * not locked yet sees dead and looks again). */
static void remove_name(struct w32_shared *s, struct shm_hdr *h)
{
    h->dead = 1;
    shm_unlink(s->path);
}

/* ---- attach and detach ------------------------------------------------- */
#define RETRY 0xFFFFFFFFu

/* Under the lock: makes the object new (the file's old state, left by
 * processes gone, is cleared). */
static DWORD make_fresh(struct w32_shared *s, struct shm_hdr *h,
                        enum w32_type type, uint64_t size,
                        void (*init)(void *state, void *arg), void *arg)
{
    if (type == W32_MAPPING &&
        (ftruncate(s->fd, PAGE) < 0 || ftruncate(s->fd, (off_t)(PAGE + size)) < 0))
        return errno == ENOSPC || errno == EFBIG ? ERROR_NOT_ENOUGH_MEMORY
                                                 : wsc_w32_from_errno(errno);
    memset(&h->state, 0, sizeof(h->state));
    memset(h->holders, 0, sizeof(h->holders));
    h->magic = MAGIC;
    h->type = (uint32_t)type;
    h->size = size;
    if (init)
        init(&h->state, arg);
    return 0;
}

/* Under the lock: this process holds the object now; 0 or a Win32 code. */
static DWORD claim(struct w32_shared *s, struct shm_hdr *h, enum w32_type type,
                   int create, uint64_t size,
                   void (*init)(void *state, void *arg), void *arg,
                   int *existed)
{
    DWORD err = 0;

    if (h->dead)
        return RETRY;
    *existed = purge(h);
    if (!*existed && !create) {
        remove_name(s, h);
        return ERROR_FILE_NOT_FOUND;
    }
    if (!*existed)
        err = make_fresh(s, h, type, size, init, arg);
    else if (h->magic != MAGIC || h->type != (uint32_t)type)
        err = ERROR_INVALID_HANDLE;
    if (!err && !hold(h))
        err = ERROR_NOT_ENOUGH_MEMORY;
    if (err && !*existed)
        remove_name(s, h);
    return err;
}

static DWORD try_attach(struct w32_shared *s, enum w32_type type, int create,
                        uint64_t size, void (*init)(void *state, void *arg),
                        void *arg, int *existed)
{
    struct shm_hdr *h;
    struct stat st;
    DWORD err;
    int fd = shm_open(s->path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);

    if (fd < 0)
        return errno == ENOENT ? ERROR_FILE_NOT_FOUND : wsc_w32_from_errno(errno);
    if (fstat(fd, &st) < 0 || (st.st_size < (off_t)PAGE && ftruncate(fd, PAGE) < 0) ||
        (h = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) == MAP_FAILED) {
        err = wsc_w32_from_errno(errno);
        close(fd);
        return err;
    }
    s->fd = fd;
    wsc_w32_shared_lock();
    err = claim(s, h, type, create, size, init, arg, existed);
    wsc_w32_shared_unlock();
    if (err) {
        munmap(h, PAGE);
        close(fd);
        return err;
    }
    s->hdr = h;
    return 0;
}

struct w32_shared *wsc_w32_shared_attach(const char *name, enum w32_type type,
                                         int create, uint64_t size,
                                         void (*init)(void *state, void *arg),
                                         void *arg, int *existed, DWORD *err)
{
    struct w32_shared *s;

    pthread_once(&lock_once, lock_map);
    if (!lockword) {
        *err = ERROR_NOT_SUPPORTED;
        return NULL;
    }
    if (!(s = calloc(1, sizeof(*s)))) {
        *err = ERROR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    shm_path(name, s->path);
    while ((*err = try_attach(s, type, create, size, init, arg, existed)) == RETRY)
        ;
    if (*err) {
        free(s);
        return NULL;
    }
    return s;
}

static void listener_stop(struct w32_shared *s)
{
    if (!s->listener)
        return;
    atomic_store(&s->listener->stop, 1);
    /* A change of its own, so that a listener about to sleep does not. */
    atomic_fetch_add(&s->hdr->seq, 1);
    futex(&s->hdr->seq, FUTEX_WAKE, INT_MAX, NULL);
}

void wsc_w32_shared_detach(struct w32_shared *s)
{
    listener_stop(s);
    wsc_w32_shared_lock();
    unhold(s->hdr);
    if (!purge(s->hdr))
        remove_name(s, s->hdr);
    wsc_w32_shared_unlock();
    munmap(s->hdr, PAGE);
    close(s->fd);
    free(s);
}

int wsc_w32_shared_fd(struct w32_shared *s, uint64_t *size, uint64_t *base)
{
    *size = s->hdr->size;
    *base = PAGE;
    return s->fd;
}

struct w32_event_state *wsc_w32_shared_event(struct w32_shared *s)
{
    return &s->hdr->state.event;
}

struct w32_sem_state *wsc_w32_shared_sem(struct w32_shared *s)
{
    return &s->hdr->state.sem;
}

void wsc_w32_shared_changed(struct w32_shared *s)
{
    atomic_fetch_add(&s->hdr->seq, 1);
    futex(&s->hdr->seq, FUTEX_WAKE, INT_MAX, NULL);
}

/* ---- listening for other processes' changes ----------------------------- */
static void *listen_main(void *arg)
{
    struct listener *l = arg;
    uint32_t seq;

    for (;;) {
        seq = atomic_load(&l->hdr->seq);
        if (atomic_load(&l->stop))
            break;
        wsc_w32_lock();
        wsc_w32_changed();
        wsc_w32_unlock();
        futex(&l->hdr->seq, FUTEX_WAIT, seq, NULL);
    }
    munmap(l->hdr, PAGE);
    free(l);
    return NULL;
}

int wsc_w32_shared_listen(struct w32_shared *s)
{
    struct listener *l = calloc(1, sizeof(*l));

    if (!l)
        return -1;
    l->hdr = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, s->fd, 0);
    if (l->hdr == MAP_FAILED || wsc_w32_helper_thread(listen_main, l)) {
        if (l->hdr != MAP_FAILED)
            munmap(l->hdr, PAGE);
        free(l);
        return -1;
    }
    s->listener = l;
    return 0;
}
