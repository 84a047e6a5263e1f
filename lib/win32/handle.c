/* The handle table.  A handle is (generation << 32) | (slot << 2): a
 * multiple of 4 as on Windows, never a socket number (those are below
 * 2^31), and never its slot's next user's, whose generation differs. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "handle.h"
#include "w32async.h"

#if UINTPTR_MAX > 0xffffffffu
#define GEN_SHIFT 32
#define GEN_MASK 0x7fffffffu
#define SLOT_MAX ((1u << 30) - 1)
#define TAG 0
#else
/* 32-bit: the top bit tags a handle, 11 bits of generation, 18 of slot. */
#define GEN_SHIFT 20
#define GEN_MASK 0x7ffu
#define SLOT_MAX ((1u << 18) - 1)
#define TAG 0x80000000u
#endif

struct slot {
    uint32_t gen;
    uint32_t next_free;
    DWORD access; /* what the handle may do (OpenEvent's access) */
    struct w32_obj *obj;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed;
static pthread_once_t changed_once = PTHREAD_ONCE_INIT;
static struct slot *slots;
static uint32_t nslots, free_head; /* free_head 0: none (slot 0 unused) */

static void init_changed(void)
{
    pthread_condattr_t a;

    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&changed, &a);
    pthread_condattr_destroy(&a);
}

void wsc_w32_lock(void)
{
    pthread_once(&changed_once, init_changed);
    pthread_mutex_lock(&lock);
}

void wsc_w32_unlock(void)
{
    pthread_mutex_unlock(&lock);
}

/* A waiter doing the sockets' work (wsc_w32_wait_until): under lock, and
 * the thread's own mark, so that its own changes do not wake it.  While
 * completion ports' waiters want the work (one did in the last PORTS_MS),
 * waits leave it to those (a thread waiting for its workers to end would
 * keep it from them). */
#define PORTS_MS 50
static _Atomic int waiter_polls; /* (written under lock, read anywhere) */
static __thread int i_poll;
static _Atomic uint64_t ports_until; /* (wsc_w32_coarse_ms) */

void wsc_w32_ports_poll(void)
{
    const struct wsc_w32_sockops *ops;
    uint64_t now = wsc_w32_coarse_ms();
    uint64_t was = atomic_load_explicit(&ports_until, memory_order_relaxed);

    if (was >= now + PORTS_MS / 2)
        return; /* (recent enough: no store each time) */
    atomic_store(&ports_until, now + PORTS_MS);
    if (was > now)
        return;
    /* (Not under the lock: the caller holds a port's, which comes after
     * it.  A waiter that starts polling just now sees ports_until.) */
    if (atomic_load(&waiter_polls) && (ops = wsc_w32_get_sockops()))
        ops->poll_kick(); /* the waiter stops doing it */
}

static int ports_want_poll(void)
{
    return wsc_w32_coarse_ms() < atomic_load(&ports_until);
}

void wsc_w32_changed(void)
{
    const struct wsc_w32_sockops *ops;

    pthread_cond_broadcast(&changed);
    if (waiter_polls && !i_poll && (ops = wsc_w32_get_sockops()))
        ops->poll_kick();
}

int wsc_w32_cond_until(pthread_cond_t *c, pthread_mutex_t *m, uint64_t until)
{
    struct timespec ts;

    if (until == UINT64_MAX) {
        pthread_cond_wait(c, m);
        return 0;
    }
    ts.tv_sec = (time_t)(until / 1000);
    ts.tv_nsec = (long)(until % 1000) * 1000000L;
    return pthread_cond_timedwait(c, m, &ts) == ETIMEDOUT;
}

int wsc_w32_sleep_until(uint64_t deadline)
{
    if (deadline != UINT64_MAX && wsc_w32_now_ms() >= deadline)
        return 1;
    return wsc_w32_cond_until(&changed, &lock, deadline) &&
           wsc_w32_now_ms() >= deadline;
}

int wsc_w32_ms_until(uint64_t deadline)
{
    uint64_t now;

    if (deadline == UINT64_MAX)
        return -1;
    now = wsc_w32_now_ms();
    if (now >= deadline)
        return 0;
    return deadline - now > INT32_MAX ? INT32_MAX : (int)(deadline - now);
}

int wsc_w32_wait_until(uint64_t deadline)
{
    const struct wsc_w32_sockops *ops = wsc_w32_get_sockops();
    int ms;

    if (!ops || !ops->poll_begin || waiter_polls || ports_want_poll()) {
        wsc_w32_poll_return();
        return wsc_w32_sleep_until(deadline);
    }
    /* Marked before ports_until is read again (wsc_w32_ports_poll sets
     * it, then reads this): one of the two sees the other. */
    waiter_polls = 1;
    if (ports_want_poll() || !ops->poll_begin()) {
        waiter_polls = 0;
        wsc_w32_poll_return();
        return wsc_w32_sleep_until(deadline);
    }
    ms = wsc_w32_ms_until(deadline);
    i_poll = 1;
    pthread_mutex_unlock(&lock);
    ops->poll(ms);
    pthread_mutex_lock(&lock);
    waiter_polls = i_poll = 0;
    /* Lent, not given up: a waiter comes back to wait again at once, or
     * after running the program's code for what it waited for. */
    ops->poll_end(1);
    return deadline != UINT64_MAX && wsc_w32_now_ms() >= deadline;
}

struct w32_obj *wsc_w32_obj_new(enum w32_type type)
{
    struct w32_obj *o = calloc(1, sizeof(*o));

    if (!o) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    o->type = type;
    atomic_init(&o->refs, 1);
    return o;
}

/* ---- names -------------------------------------------------------------- */
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;
static struct w32_obj *named; /* every named object not yet freed */

static const char *plain_name(const char *name)
{
    return strncmp(name, "Local\\", 6) == 0 ? name + 6 : name;
}

/* Under names_lock: the live object of that name with a new reference (a
 * dying one, its references gone, is no longer there). */
static struct w32_obj *named_ref(const char *name)
{
    struct w32_obj *o;
    int refs;

    for (o = named; o; o = o->next_named) {
        if (strcmp(o->name, name))
            continue;
        refs = atomic_load(&o->refs);
        while (refs > 0 &&
               !atomic_compare_exchange_weak(&o->refs, &refs, refs + 1))
            ;
        if (refs > 0)
            return o;
    }
    return NULL;
}

struct w32_obj *wsc_w32_name_claim(const char *name, struct w32_obj *fresh,
                                   int *err)
{
    struct w32_obj *o;

    name = plain_name(name);
    *err = 0;
    pthread_mutex_lock(&names_lock);
    if (!(o = named_ref(name))) {
        if ((fresh->name = strdup(name))) {
            fresh->next_named = named;
            named = fresh;
        } else {
            *err = -1;
        }
    }
    pthread_mutex_unlock(&names_lock);
    return o;
}

struct w32_obj *wsc_w32_name_find(const char *name)
{
    struct w32_obj *o;

    pthread_mutex_lock(&names_lock);
    o = named_ref(plain_name(name));
    pthread_mutex_unlock(&names_lock);
    return o;
}

static void name_drop(struct w32_obj *o)
{
    struct w32_obj **p;

    pthread_mutex_lock(&names_lock);
    for (p = &named; *p; p = &(*p)->next_named)
        if (*p == o) {
            *p = o->next_named;
            break;
        }
    pthread_mutex_unlock(&names_lock);
    free(o->name);
}

static void obj_free(struct w32_obj *o)
{
    if (o->name)
        name_drop(o);
    if (o->shared)
        wsc_w32_shared_detach(o->shared);
    if (o->type == W32_FILE && !o->u.file.borrowed)
        close(o->u.file.fd);
    else if (o->type == W32_PROCESS)
        wsc_w32_process_free(o);
    else if (o->type == W32_MAPPING && o->u.mapping.fd >= 0 && !o->shared)
        close(o->u.mapping.fd);
    else if (o->type == W32_PORT)
        wsc_w32_port_free(o);
    else if (o->type == W32_THREAD && o->u.thread.apc)
        wsc_w32_apc_put(o->u.thread.apc);
    free(o);
}

_Atomic unsigned wsc_w32_handles_closed;

/* Under the lock: a free slot index, or 0. */
static uint32_t slot_take(void)
{
    uint32_t i, n;
    struct slot *s;

    if (free_head) {
        i = free_head;
        free_head = slots[i].next_free;
        return i;
    }
    n = nslots ? nslots * 2 : 64;
    if (n - 1 > SLOT_MAX || !(s = realloc(slots, n * sizeof(*s))))
        return 0;
    slots = s;
    for (i = nslots ? nslots : 1; i < n; i++) {
        slots[i].gen = 1;
        slots[i].obj = NULL;
        slots[i].next_free = i + 1 < n ? i + 1 : 0;
    }
    i = nslots ? nslots : 1;
    free_head = slots[i].next_free;
    nslots = n;
    return i;
}

static HANDLE encode(uint32_t i)
{
    return (HANDLE)(TAG | ((uintptr_t)slots[i].gen << GEN_SHIFT) |
                    ((uintptr_t)i << 2));
}

/* The slot a live handle names, or 0.  As Windows', a handle's low two
 * bits are tags that every use of it ignores: an OVERLAPPED's hEvent with
 * the low bit set (no completion packet) is still the event to wait on,
 * set and reset.  Values that name no live handle stay invalid. */
static uint32_t decode(HANDLE h)
{
    uintptr_t v = (uintptr_t)h & ~(uintptr_t)3;
    uint32_t i = (uint32_t)((v & (((uintptr_t)1 << GEN_SHIFT) - 1)) >> 2);
    uint32_t gen = (uint32_t)((v & ~(uintptr_t)TAG) >> GEN_SHIFT);

    if ((TAG && !(v & TAG)) || i == 0 || i >= nslots ||
        slots[i].gen != gen || !slots[i].obj)
        return 0;
    return i;
}

HANDLE wsc_w32_handle_new(struct w32_obj *o)
{
    return wsc_w32_handle_new_access(o, 0xFFFFFFFFu);
}

HANDLE wsc_w32_handle_new_access(struct w32_obj *o, DWORD access)
{
    uint32_t i;
    HANDLE h = NULL;

    wsc_w32_lock();
    if ((i = slot_take())) {
        slots[i].obj = o;
        slots[i].access = access;
        o->handles++;
        h = encode(i);
    }
    wsc_w32_unlock();
    if (!h) {
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    }
    return h;
}

struct w32_obj *wsc_w32_find(HANDLE h, enum w32_type type)
{
    uint32_t i = decode(h);
    struct w32_obj *o = i ? slots[i].obj : NULL;

    return o && (type == W32_ANY || o->type == type) ? o : NULL;
}

struct w32_obj *wsc_w32_find_access(HANDLE h, enum w32_type type,
                                    DWORD *access)
{
    uint32_t i = decode(h);
    struct w32_obj *o = i ? slots[i].obj : NULL;

    if (!o || (type != W32_ANY && o->type != type))
        return NULL;
    *access = slots[i].access;
    return o;
}

struct w32_obj *wsc_w32_get(HANDLE h, enum w32_type type)
{
    struct w32_obj *o;

    wsc_w32_lock();
    if ((o = wsc_w32_find(h, type)))
        atomic_fetch_add_explicit(&o->refs, 1, memory_order_relaxed);
    wsc_w32_unlock();
    if (!o)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return o;
}

struct w32_obj *wsc_w32_ref(struct w32_obj *o)
{
    atomic_fetch_add_explicit(&o->refs, 1, memory_order_relaxed);
    return o;
}

/* An object in the table has its handle's reference, dropped only once
 * the handle is out of the table: no lock is needed to drop one. */
void wsc_w32_put(struct w32_obj *o)
{
    if (atomic_fetch_sub_explicit(&o->refs, 1, memory_order_acq_rel) == 1)
        obj_free(o);
}

void wsc_w32_wake_global(struct w32_wake *w)
{
    pthread_once(&changed_once, init_changed);
    w->m = &lock;
    w->c = &changed;
}

void wsc_w32_each(void (*fn)(struct w32_obj *o, void *arg), void *arg)
{
    uint32_t i;

    for (i = 1; i < nslots; i++)
        if (slots[i].obj)
            fn(slots[i].obj, arg);
}

/* The pseudo-handles of GetCurrentProcess and GetCurrentThread. */
#define PSEUDO_PROCESS ((HANDLE)(LONG_PTR)-1)
#define PSEUDO_THREAD ((HANDLE)(LONG_PTR)-2)

HANDLE wsc_GetCurrentProcess(void)
{
    return PSEUDO_PROCESS;
}

HANDLE wsc_GetCurrentThread(void)
{
    return PSEUDO_THREAD;
}

DWORD wsc_GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}

/* A socket's handle is closed by the Winsock layer (closesocket); a port's
 * last handle ends the port (port.c). */
BOOL wsc_CloseHandle(HANDLE h)
{
    uint32_t i;
    struct w32_obj *o = NULL;
    const struct wsc_w32_sockops *ops;
    int port_closed = 0;
    DWORD err;

    if (h == PSEUDO_PROCESS || h == PSEUDO_THREAD)
        return TRUE;
    if (wsc_w32_is_socket(h)) {
        if (!(ops = wsc_w32_get_sockops()) || !ops->close)
            return wsc_w32_fail(ERROR_INVALID_HANDLE);
        return (err = ops->close(h)) ? wsc_w32_fail((int)err) : TRUE;
    }
    wsc_w32_lock();
    if ((i = decode(h))) {
        o = slots[i].obj;
        atomic_fetch_add_explicit(&wsc_w32_handles_closed, 1,
                                  memory_order_release);
        port_closed = --o->handles == 0 && o->type == W32_PORT;
        slots[i].obj = NULL;
        slots[i].gen = (slots[i].gen + 1) & GEN_MASK;
        if (!slots[i].gen)
            slots[i].gen = 1;
        slots[i].next_free = free_head;
        free_head = i;
    }
    wsc_w32_unlock();
    if (!o)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (port_closed)
        wsc_w32_port_close(o);
    wsc_w32_put(o);
    return TRUE;
}

/* Within this process only; the pseudo-handles are not duplicated. */
BOOL wsc_DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process,
                         LPHANDLE dst, DWORD access, BOOL inherit,
                         DWORD options)
{
    struct w32_obj *o;
    HANDLE h;

    (void)inherit;
    if (src_process != PSEUDO_PROCESS || dst_process != PSEUDO_PROCESS)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    /* A copy of a socket's handle keeps the socket open but is no socket
     * to Winsock (row OV24): a handle of a descriptor of its own. */
    if (wsc_w32_is_socket(src)) {
        int fd = fcntl((int)(uintptr_t)src, F_DUPFD_CLOEXEC, 0);

        if (fd < 0)
            return wsc_w32_fail(ERROR_INVALID_HANDLE);
        if (!(h = wsc_w32_file_adopt(fd)) || h == INVALID_HANDLE_VALUE)
            return FALSE;
        if (options & DUPLICATE_CLOSE_SOURCE)
            wsc_CloseHandle(src);
        if (dst)
            *dst = h;
        return TRUE;
    }
    /* The copy may do what the source may (OpenEvent's access). */
    wsc_w32_lock();
    if ((o = wsc_w32_find_access(src, W32_ANY, &access)))
        wsc_w32_ref(o);
    wsc_w32_unlock();
    if (!o)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (!(h = wsc_w32_handle_new_access(o, access)))
        return FALSE;
    if (options & DUPLICATE_CLOSE_SOURCE)
        wsc_CloseHandle(src);
    if (dst)
        *dst = h;
    return TRUE;
}
