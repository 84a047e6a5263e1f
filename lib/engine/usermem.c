/* Caller memory, copied by the kernel: process_vm_readv/writev on the
 * process itself (always allowed on oneself, no ptrace rights needed)
 * fail with EFAULT where a plain copy would raise SIGSEGV, and need no
 * signal handler, which a library must not install. */
#define _GNU_SOURCE 1 /* (dl_iterate_phdr, sbrk) */
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "engine.h"
#include "os.h"
#include "usermem.h"

/* Steps of the probes: no Linux page is smaller. */
#define STEP 4096
/* Pages probed per system call. */
#define BATCH 64

/* 1 once process_vm_readv/writev turned out to be missing (ENOSYS) or
 * refused (EPERM, from a seccomp filter): then, for the whole process,
 * caller memory is accessed directly, and a bad pointer crashes as it
 * would without this module.  Nothing safer exists without signals. */
static _Atomic int plain;

static int unavailable(void)
{
    if (errno != ENOSYS && errno != EPERM)
        return 0;
    atomic_store(&plain, 1);
    return 1;
}

/* The process's own pid, asked once (getpid is a system call); a fork
 * child forgets it (wsc_usermem_atfork_child). */
static _Atomic pid_t self_pid; /* (any thread may be the first to ask) */

static pid_t self(void)
{
    pid_t pid = atomic_load_explicit(&self_pid, memory_order_relaxed);

    if (!pid) {
        wsc_fork_init();
        pid = getpid();
        atomic_store_explicit(&self_pid, pid, memory_order_relaxed);
    }
    return pid;
}

void wsc_usermem_atfork_child(void)
{
    /* (A child of a process that never asked writes nothing.) */
    if (atomic_load_explicit(&self_pid, memory_order_relaxed))
        atomic_store_explicit(&self_pid, 0, memory_order_relaxed);
}

/* One transfer between local and caller iovecs of the same total. */
static ssize_t vm(const struct iovec *local, unsigned long nl,
                  const struct iovec *remote, unsigned long nr, int out)
{
    if (out)
        return wsc_os.process_vm_writev(self(), local, nl, remote, nr, 0);
    return wsc_os.process_vm_readv(self(), local, nl, remote, nr, 0);
}

/* The calling thread's stack, once looked up; lo > hi until then. */
__thread uintptr_t wsc_stack_lo = 1, wsc_stack_hi;
#define stack_lo wsc_stack_lo
#define stack_hi wsc_stack_hi

static void __attribute__((noinline, cold)) find_stack(void)
{
    pthread_attr_t at;
    void *lo;
    size_t size;

    stack_lo = stack_hi = 0;
    if (pthread_getattr_np(pthread_self(), &at) != 0)
        return;
    if (pthread_attr_getstack(&at, &lo, &size) == 0) {
        stack_lo = (uintptr_t)lo;
        stack_hi = (uintptr_t)lo + size;
    }
    pthread_attr_destroy(&at);
}

/* 1 when [p, p + n) lies between this frame and the top of the thread's
 * stack, which is mapped and writable: the caller's own locals, where
 * most counts, lengths and WSABUF arrays live, need no system call. */
static int on_live_stack(const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p, here = (uintptr_t)__builtin_frame_address(0);

    if (stack_lo > stack_hi)
        find_stack();
    /* here outside the stack: a signal or coroutine stack of its own. */
    return here >= stack_lo && here < stack_hi && a >= here &&
           a < stack_hi && n <= stack_hi - a;
}

/* Memory that stays mapped while the process lives, so that a copy
 * needs no system call: the main program's loaded segments (a write only
 * to a writable one) and the heap below the program break, which malloc
 * grows for the main thread's allocations.  (A pointer into heap that
 * malloc has since given back to the kernel is a pointer to freed memory:
 * it may crash, as it would without this module.) */
enum { SEGS = 8 };
static struct { uintptr_t lo, hi; int w; } segs[SEGS];
static int nsegs;
static uintptr_t relro_lo, relro_hi; /* read-only once relocated */
static uintptr_t heap_lo;
static pthread_once_t segs_once = PTHREAD_ONCE_INIT;

static int main_segments(struct dl_phdr_info *info, size_t size, void *arg)
{
    int i;

    (void)size, (void)arg;
    for (i = 0; i < info->dlpi_phnum && nsegs < SEGS; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

        if (ph->p_type == PT_GNU_RELRO) {
            relro_lo = info->dlpi_addr + ph->p_vaddr;
            relro_hi = relro_lo + ph->p_memsz;
        }
        if (ph->p_type != PT_LOAD || !ph->p_memsz)
            continue;
        segs[nsegs].lo = info->dlpi_addr + ph->p_vaddr;
        segs[nsegs].hi = segs[nsegs].lo + ph->p_memsz;
        segs[nsegs].w = (ph->p_flags & PF_W) != 0;
        nsegs++;
    }
    return 1; /* the first object is the main program */
}

/* The start of the heap (start_brk, field 47 of /proc/self/stat), or 0. */
static uintptr_t heap_start(void)
{
    char buf[1024], *p;
    unsigned long long v = 0;
    FILE *f = fopen("/proc/self/stat", "re");
    size_t n;
    int field;

    if (!f)
        return 0;
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = 0;
    if (!(p = strrchr(buf, ')')))
        return 0;
    for (field = 2; *p && field < 47; p++)
        if (*p == ' ')
            field++;
    return sscanf(p, "%llu", &v) == 1 ? (uintptr_t)v : 0;
}

static void segs_init(void)
{
    dl_iterate_phdr(main_segments, NULL);
    heap_lo = heap_start();
}

/* The arenas malloc makes for other threads (glibc's; their pointers are
 * above the break): each arena's first heap is ARENA_HEAP bytes at an
 * ARENA_HEAP boundary, its header (struct arena_heap) first and the arena
 * right after it; such a heap is never unmapped, and its first `size`
 * bytes are mapped read and write.  A worker thread's I/O contexts live
 * there, and every WSARecv or WSASend reads one: a heap is checked once,
 * by the kernel, and known from then on (no other C library has this
 * header at such a place: nothing is learnt there). */
#define ARENA_HEAP (2 * 4 * 1024 * 1024 * sizeof(long))
#define ARENAS 32
struct arena_heap {
    void *arena;
    struct arena_heap *prev;
    size_t size, mprotect_size;
};
static _Atomic uintptr_t arenas[ARENAS]; /* the first heaps known */

static uintptr_t arena_base(const void *p)
{
    return (uintptr_t)p & ~(uintptr_t)(ARENA_HEAP - 1);
}

static int arena_known(uintptr_t base)
{
    int i;
    uintptr_t b;

    for (i = 0; i < ARENAS && (b = atomic_load_explicit(
                                   &arenas[i], memory_order_acquire)); i++)
        if (b == base)
            return 1;
    return 0;
}

/* The bytes from p on in a known arena heap (its size now), or 0. */
static size_t arena_room(const void *p)
{
    uintptr_t base = arena_base(p), a = (uintptr_t)p;
    size_t size;

    if (!arena_known(base))
        return 0;
    size = __atomic_load_n(&((struct arena_heap *)base)->size,
                           __ATOMIC_RELAXED);
    return a - base < size ? size - (a - base) : 0;
}

/* The bytes from p on that stay mapped (readable; writable too for a
 * write), 0 when p is in none of those places. */
static size_t mapped_room(const void *p, int write)
{
    uintptr_t a = (uintptr_t)p, brk;
    int i;

    pthread_once(&segs_once, segs_init);
    for (i = 0; i < nsegs; i++) {
        if (a < segs[i].lo || a >= segs[i].hi)
            continue;
        if (!write)
            return segs[i].hi - a;
        if (!segs[i].w || (a >= relro_lo && a < relro_hi))
            return 0;
        return (a < relro_lo && relro_lo < segs[i].hi ? relro_lo
                                                      : segs[i].hi) - a;
    }
    if (heap_lo && a >= heap_lo) {
        brk = (uintptr_t)sbrk(0);
        if (brk != (uintptr_t)-1 && a < brk)
            return brk - a;
    }
    return 0;
}

static int always_mapped(const void *p, size_t n, int write)
{
    return n <= mapped_room(p, write) || n <= arena_room(p);
}

/* The copy by the kernel: 0, -WSAEFAULT (a short copy too: the rest is
 * not mapped), or 1 when the kernel will not (plain access from now on).
 * errno as it was. */
static int copy_by_kernel(void *dst, const void *src, size_t n, int out)
{
    struct iovec mine = { out ? (void *)src : dst, n };
    struct iovec theirs = { out ? dst : (void *)src, n };
    int saved = errno, r;
    ssize_t got = vm(&mine, 1, &theirs, 1, out);

    if (got == (ssize_t)n)
        r = 0;
    else if (got >= 0 || !unavailable())
        r = -WSAEFAULT;
    else
        r = 1;
    errno = saved;
    return r;
}

/* Caller memory at p was just copied by the kernel: if it lies in an
 * arena's first heap, that heap is known from now on. */
static void arena_learn(const void *p)
{
    uintptr_t base = arena_base(p), none;
    struct arena_heap h;
    int i;

    if (mapped_room(p, 0) || arena_known(base) ||
        copy_by_kernel(&h, (void *)base, sizeof(h), 0) != 0)
        return;
    /* The arena right after the header (its size differs between
     * versions), no heap before it, a size within the heap. */
    if ((uintptr_t)h.arena <= base + sizeof(h) ||
        (uintptr_t)h.arena > base + 64 || h.prev ||
        h.size > ARENA_HEAP || (uintptr_t)p - base >= h.size)
        return;
    for (i = 0; i < ARENAS; i++) {
        none = 0;
        if (atomic_compare_exchange_strong(&arenas[i], &none, base) ||
            none == base)
            return;
    }
}

static int copy(void *dst, const void *src, size_t n, int out)
{
    const void *theirs = out ? dst : src;
    int r;

    if (n == 0)
        return 0;
    if (!on_live_stack(theirs, n) && !always_mapped(theirs, n, out) &&
        !atomic_load_explicit(&plain, memory_order_relaxed) &&
        (r = copy_by_kernel(dst, src, n, out)) <= 0) {
        if (r == 0)
            arena_learn(theirs);
        return r;
    }
    memcpy(dst, src, n);
    return 0;
}

int wsc_copy_in_any(void *dst, const void *src, size_t n)
{
    return copy(dst, src, n, 0);
}

int wsc_copy_out_any(void *dst, const void *src, size_t n)
{
    return copy(dst, src, n, 1);
}

/* Up to BATCH pages from *a (advanced) to end, one byte of each. */
static unsigned long batch(struct iovec *iov, uintptr_t *a, uintptr_t end)
{
    unsigned long k = 0;

    while (k < BATCH && *a < end) {
        iov[k].iov_base = (void *)*a;
        iov[k].iov_len = 1;
        k++;
        if ((*a | (STEP - 1)) == UINTPTR_MAX)
            *a = end;
        else
            *a = (*a | (STEP - 1)) + 1;
    }
    return k;
}

static int probe(const void *p, size_t n, int write)
{
    struct iovec theirs[BATCH], mine;
    char bytes[BATCH];
    uintptr_t a = (uintptr_t)p, end = a + n;
    unsigned long k;
    int saved = errno, ok = 1;

    if (end < a)
        return 0;
    mine.iov_base = bytes;
    while (ok && a < end && !atomic_load_explicit(&plain,
                                                  memory_order_relaxed)) {
        k = batch(theirs, &a, end);
        mine.iov_len = k;
        if (vm(&mine, 1, theirs, k, 0) != (ssize_t)k)
            ok = unavailable();
        else if (write && vm(&mine, 1, theirs, k, 1) != (ssize_t)k)
            ok = unavailable();
    }
    errno = saved;
    return ok;
}

int wsc_user_readable(const void *p, size_t n)
{
    return probe(p, n, 0);
}

int wsc_user_writable(void *p, size_t n)
{
    return probe(p, n, 1);
}

long wsc_copy_str(char *dst, const char *src, size_t cap)
{
    size_t got = 0, chunk;
    char *nul;

    /* The caller's own stack, and what stays mapped, need no probe: read
     * no further than the NUL. */
    int stack = on_live_stack(src, 1);
    size_t room = stack ? stack_hi - (uintptr_t)src : mapped_room(src, 0);

    if (room) {
        size_t n = strnlen(src, cap < room ? cap : room);
        if (n == cap)
            return -WSAENAMETOOLONG;
        if (n < room) {
            memcpy(dst, src, n + 1);
            return (long)n;
        }
        if (stack)
            return -WSAEFAULT;
        /* (The string runs on past what is known to be mapped: probe.) */
    }
    while (got < cap) {
        /* Never past the page the string has reached. */
        chunk = STEP - (((uintptr_t)src + got) & (STEP - 1));
        if (chunk > cap - got)
            chunk = cap - got;
        if (wsc_copy_in(dst + got, src + got, chunk))
            return -WSAEFAULT;
        nul = memchr(dst + got, 0, chunk);
        if (nul)
            return nul - dst;
        got += chunk;
    }
    return -WSAENAMETOOLONG;
}

int wsc_copy_addr(struct sockaddr_storage *ss, const void *sa, size_t len)
{
    memset(ss, 0, sizeof(*ss));
    return wsc_copy_in(ss, sa, len < sizeof(*ss) ? len : sizeof(*ss));
}
