/* The one handle model: every waitable object (threads, events, mutexes,
 * semaphores), completion port and file is a reference-counted object
 * behind a generation-checked handle.  One process-wide lock guards the
 * table and every object's state, and one condition variable tells
 * waiters that some state changed: a wait for all of several objects sees
 * them all at once, and takes all or none.  A completion port is the
 * exception: its queue has a lock and waiters of its own (port.c), so
 * that a busy port never takes the process-wide lock per packet.
 * References are atomic: dropping one takes no lock. */
#ifndef WSC_W32_HANDLE_H
#define WSC_W32_HANDLE_H

#include <pthread.h>
#include <stdatomic.h>
#include "win32.h"

enum w32_type {
    W32_ANY, W32_EVENT, W32_MUTEX, W32_SEMAPHORE, W32_THREAD, W32_FILE,
    W32_PORT, W32_PROCESS, W32_MAPPING
};

/* An event's state: in the object, or for a named event in the memory
 * the processes naming it share (shared.c). */
/* (set is atomic for event_peek, which reads it without the lock.) */
struct w32_event_state { int manual; _Atomic int set; int tokens; unsigned pulses; };
struct w32_sem_state { LONG count, max; };
struct w32_shared;

struct w32_port;
struct w32_apc_target;

struct w32_obj {
    enum w32_type type;
    atomic_int refs;
    /* A named event, mutex or semaphore: its name (UTF-8, malloc'd) and
     * the next on the list of named objects (handle.c). */
    char *name;
    struct w32_obj *next_named;
    /* Under the lock: the handles naming it (a port is closed when its
     * last handle is). */
    int handles;
    /* Under the lock: the waits that include it now (the change of an
     * event nobody waits on wakes nobody). */
    int waiters;
    /* A named event, semaphore or page-file mapping: its part other
     * processes see. */
    struct w32_shared *shared;
    union {
        struct w32_event_state event;
        struct { DWORD owner; unsigned count; int abandoned; } mutex;
        struct w32_sem_state sem;
        struct {
            int done, suspended;
            DWORD id, code;
            LPTHREAD_START_ROUTINE fn;
            void *arg;
            /* Its APC queue (a reference), made with the thread. */
            struct w32_apc_target *apc;
        } thread;
        /* slot: a mailslot's server or client end (mailslot.c), whose
         * fd is a datagram socket; slot_wait: its read timeout. */
        struct {
            int fd, borrowed, slot;
            DWORD slot_max, slot_wait;
        } file;
        struct {
            int done, pidfd, killed;
            DWORD pid, code, kill_code;
            struct w32_obj *thread; /* its primary thread's object */
        } process;
        struct {
            int fd;
            DWORD protect;
            uint64_t size, base; /* the data's size and file offset */
        } mapping;
        struct w32_port *port;
    } u;
};

/* Waits on c, m held, until woken or until the CLOCK_MONOTONIC ms
 * `until` (UINT64_MAX: no bound; c is on that clock): 1 when the wait
 * timed out. */
int wsc_w32_cond_until(pthread_cond_t *c, pthread_mutex_t *m, uint64_t until);
/* The process-wide lock, and the broadcast after a change of state. */
void wsc_w32_lock(void);
void wsc_w32_unlock(void);
void wsc_w32_changed(void);
/* Under the lock: sleep until a change or the deadline (a wsc_w32_now_ms
 * value, UINT64_MAX for none); 1 once the deadline has passed. */
int wsc_w32_sleep_until(uint64_t deadline);
/* The same for a wait that may do the sockets' asynchronous work while
 * it waits (not an alertable one): woken by every change of state, its
 * own included. */
int wsc_w32_wait_until(uint64_t deadline);
/* Milliseconds until the deadline (UINT64_MAX: -1, none), 0 once it has
 * passed, at most INT32_MAX: a timeout for poll or epoll_wait. */
int wsc_w32_ms_until(uint64_t deadline);
/* A completion port's waiter wants the sockets' work: waits leave it to
 * the ports' waiters from now on. */
void wsc_w32_ports_poll(void);

/* A wait on handles and one more condition (MsgWaitForMultipleObjects:
 * the thread's message queue), ready(arg) checked under the lock, its
 * index count; a change of it must call wsc_w32_changed. */
struct wsc_w32_extra {
    int (*ready)(void *arg);
    /* When ready may turn true without a change (a timer), or
     * UINT64_MAX; NULL: never. */
    uint64_t (*wake)(void *arg);
    void *arg;
};
DWORD wsc_w32_wait_with(DWORD count, const HANDLE *handles, BOOL all,
                        DWORD ms, BOOL alertable,
                        const struct wsc_w32_extra *x);

/* Names of events, mutexes and semaphores, one namespace for the process
 * (another process does not see them).  wsc_w32_name_claim: the object
 * already named name, with a new reference, or NULL after giving fresh
 * the name (a copy); -1 in *err when out of memory.  "Local\\" names the
 * same object as the name without it. */
struct w32_obj *wsc_w32_name_claim(const char *name, struct w32_obj *fresh,
                                   int *err);
/* The object named name with a new reference, or NULL. */
struct w32_obj *wsc_w32_name_find(const char *name);

/* A new object of the type, with one reference; NULL (last error set). */
struct w32_obj *wsc_w32_obj_new(enum w32_type type);
/* A handle for the object, taking over one reference; NULL (object
 * released, last error set) if the table is full. */
HANDLE wsc_w32_handle_new(struct w32_obj *o);
/* Under the lock: the object of a handle of the type (W32_ANY: any), or
 * NULL; no reference taken. */
struct w32_obj *wsc_w32_find(HANDLE h, enum w32_type type);
/* Under the lock: the same, with the access the handle was opened with. */
struct w32_obj *wsc_w32_find_access(HANDLE h, enum w32_type type,
                                    DWORD *access);
/* wsc_w32_handle_new for a handle with only that access (OpenEvent). */
HANDLE wsc_w32_handle_new_access(struct w32_obj *o, DWORD access);
/* The object with a reference taken, or NULL with ERROR_INVALID_HANDLE. */
struct w32_obj *wsc_w32_get(HANDLE h, enum w32_type type);
/* Takes another reference; returns o. */
struct w32_obj *wsc_w32_ref(struct w32_obj *o);
/* Drops a reference; the last one frees the object. */
void wsc_w32_put(struct w32_obj *o);
/* Under the lock: calls fn on every object in the table. */
void wsc_w32_each(void (*fn)(struct w32_obj *o, void *arg), void *arg);

/* ---- shared.c: objects other processes of the user see by name -------
 * A named event, semaphore or page-file mapping is also a file in /dev/shm, which
 * holds its state (or data) and the processes that have it open; the
 * name goes with the last of them.  Their state is guarded by one lock
 * all those processes share, taken after the process-wide lock. */
/* Attaches the shared object name of the type: created (its state zeroed,
 * then init(state, arg) under the shared lock) if create and no process
 * has it, *existed 0; else *existed 1.  size: a mapping's data bytes.
 * NULL with *err the Win32 code (ERROR_FILE_NOT_FOUND,
 * ERROR_INVALID_HANDLE for another kind of object, ...). */
struct w32_shared *wsc_w32_shared_attach(const char *name, enum w32_type type,
                                         int create, uint64_t size,
                                         void (*init)(void *state, void *arg),
                                         void *arg, int *existed, DWORD *err);
/* Drops this process's hold; the last process's removes the name. */
void wsc_w32_shared_detach(struct w32_shared *s);
/* The descriptor of a mapping's file, its data size and offset. */
int wsc_w32_shared_fd(struct w32_shared *s, uint64_t *size, uint64_t *base);
/* The lock the processes share, and the wake-up of every process waiting
 * on the object after its state changed (under that lock). */
void wsc_w32_shared_lock(void);
void wsc_w32_shared_unlock(void);
void wsc_w32_shared_changed(struct w32_shared *s);
/* From now until the detach, another process's change of the object's
 * state broadcasts the process-wide change (a thread of its own). */
int wsc_w32_shared_listen(struct w32_shared *s);
/* A shared event's or semaphore's state. */
struct w32_event_state *wsc_w32_shared_event(struct w32_shared *s);
struct w32_sem_state *wsc_w32_shared_sem(struct w32_shared *s);

/* An event's state, its own or the shared one. */
static inline struct w32_event_state *wsc_w32_event(struct w32_obj *o)
{
    return o->shared ? wsc_w32_shared_event(o->shared) : &o->u.event;
}

static inline struct w32_sem_state *wsc_w32_sem(struct w32_obj *o)
{
    return o->shared ? wsc_w32_shared_sem(o->shared) : &o->u.sem;
}

/* process.c: a process object's end (its descriptor, its thread). */
void wsc_w32_process_free(struct w32_obj *o);

/* Writes all of buf to a file handle; FALSE with the last error set. */
BOOL wsc_w32_file_write(HANDLE h, const void *buf, size_t n, size_t *done);
/* Handles taken out of the table so far (CloseHandle): while it has not
 * moved, a handle still names the object it named (a closed handle's
 * number comes back with another generation only). */
extern _Atomic unsigned wsc_w32_handles_closed;
/* A handle that owns fd (closes it with its last handle); on failure fd
 * is closed and INVALID_HANDLE_VALUE returned. */
HANDLE wsc_w32_file_adopt(int fd);
/* Mailslots (mailslot.c): the kinds of u.file.slot; whether a CreateFile
 * name is a mailslot's; a client's CreateFile; a server's ReadFile. */
enum { W32_SLOT_NONE, W32_SLOT_SERVER, W32_SLOT_CLIENT };
int wsc_w32_is_mailslot(const char *path);
HANDLE wsc_w32_mailslot_open(const char *path);
BOOL wsc_w32_mailslot_read(struct w32_obj *o, void *buf, DWORD size,
                           DWORD *done);
/* A handle for a descriptor the handle does not own (the std handles). */
HANDLE wsc_w32_file_borrow(int fd);

/* window.c: the calling thread ends; its windows and message queue go
 * (before its thread object is signalled, as on Windows). */
void wsc_w32_queue_exit(void);

/* The calling thread's id (GetCurrentThreadId). */
DWORD wsc_w32_tid(void);
/* A detached thread of the library's own, small, with every signal
 * blocked, running fn(arg); 0 or pthread_create's error. */
int wsc_w32_helper_thread(void *(*fn)(void *), void *arg);
/* Marks the calling thread as owning a mutex: its exit abandons them. */
void wsc_w32_note_owner(void);
/* Under the lock: abandons the mutexes the thread owns. */
void wsc_w32_abandon_owned(DWORD tid);

/* ---- the parts of the asynchronous layer (w32async.h) the rest of the
 * layer calls ---------------------------------------------------------- */
/* port.c: a port's state for a new W32_PORT object; its end when the last
 * handle is closed (waiters fail ERROR_ABANDONED_WAIT_0, packets go); its
 * release with the object.  0 or a Win32 code. */
DWORD wsc_w32_port_init(struct w32_obj *o, DWORD concurrency);
void wsc_w32_port_close(struct w32_obj *o);
void wsc_w32_port_free(struct w32_obj *o);

/* overlapped.c: the hooks of sockets (w32async.h's wsc_w32_sockops), or
 * NULL before the Winsock layer installs them. */
const struct wsc_w32_sockops *wsc_w32_get_sockops(void);
/* The calling thread sleeps without polling: a poll role lent to it goes
 * back (no lock taken). */
void wsc_w32_poll_return(void);
/* A value that can only be a socket: below 2^31 and not NULL (the table's
 * handles never are, handle.c). */
static inline int wsc_w32_is_socket(HANDLE h)
{
    return h != NULL && (uintptr_t)h < 0x80000000u;
}

/* apc.c: alertable waits.  A thread in an alertable wait sleeps on the
 * condition variable c with the mutex m held; an APC queued meanwhile
 * broadcasts c under m, so the sleeper, which checks for APCs under m
 * before each sleep, misses none. */
struct w32_wake {
    pthread_mutex_t *m;
    pthread_cond_t *c;
    /* Or, for a wait outside this layer (wsc_w32_apc_watch), m NULL: */
    void (*fn)(void *arg);
    void *arg;
    int users; /* under the target's lock: queuers about to use it */
};
/* The calling thread's APC queue (made on first use, also for threads
 * not made by CreateThread); NULL only when out of memory.  No reference:
 * the thread's own. */
struct w32_apc_target *wsc_w32_apc_mine(void);
/* A queue for a thread CreateThread is making, with a reference for the
 * thread object; the new thread adopts it as its own. */
struct w32_apc_target *wsc_w32_apc_new(void);
void wsc_w32_apc_adopt(struct w32_apc_target *t);
/* The calling thread is ending: later APCs are refused, queued ones
 * dropped. */
void wsc_w32_apc_exit(void);
/* Under m: APCs queued from now on wake w; 1 if some are queued already. */
int wsc_w32_alert_begin(struct w32_apc_target *t, struct w32_wake *w);
/* Under m: 1 if APCs are queued. */
int wsc_w32_apc_pending(struct w32_apc_target *t);
/* With m released: no queuer uses w after this returns. */
void wsc_w32_alert_end(struct w32_apc_target *t, struct w32_wake *w);
/* The process-wide lock and condition variable, as a w32_wake. */
void wsc_w32_wake_global(struct w32_wake *w);
/* QueueUserAPC's target for a thread handle (a reference), or NULL with
 * the last error set. */
struct w32_apc_target *wsc_w32_thread_apc(HANDLE thread);

#endif
