/* The one handle model: every waitable object (threads, events, mutexes,
 * semaphores; completion ports next) and file is a reference-counted
 * object behind a generation-checked handle.  One process-wide lock
 * guards the table and every object's state, and one condition variable
 * tells waiters that some state changed: a wait for all of several
 * objects sees them all at once, and takes all or none. */
#ifndef WSC_W32_HANDLE_H
#define WSC_W32_HANDLE_H

#include <pthread.h>
#include "win32.h"

enum w32_type { W32_ANY, W32_EVENT, W32_MUTEX, W32_SEMAPHORE, W32_THREAD, W32_FILE };

struct w32_obj {
    enum w32_type type;
    int refs;
    union {
        struct { int manual, set, tokens; unsigned pulses; } event;
        struct { DWORD owner; unsigned count; int abandoned; } mutex;
        struct { LONG count, max; } sem;
        struct {
            int done, suspended;
            DWORD id, code;
            LPTHREAD_START_ROUTINE fn;
            void *arg;
        } thread;
        struct { int fd, borrowed; } file;
    } u;
};

/* The process-wide lock, and the broadcast after a change of state. */
void wsc_w32_lock(void);
void wsc_w32_unlock(void);
void wsc_w32_changed(void);
/* Under the lock: sleep until a change or the deadline (a wsc_w32_now_ms
 * value, UINT64_MAX for none); 1 once the deadline has passed. */
int wsc_w32_sleep_until(uint64_t deadline);

/* A new object of the type, with one reference; NULL (last error set). */
struct w32_obj *wsc_w32_obj_new(enum w32_type type);
/* A handle for the object, taking over one reference; NULL (object
 * released, last error set) if the table is full. */
HANDLE wsc_w32_handle_new(struct w32_obj *o);
/* Under the lock: the object of a handle of the type (W32_ANY: any), or
 * NULL; no reference taken. */
struct w32_obj *wsc_w32_find(HANDLE h, enum w32_type type);
/* The object with a reference taken, or NULL with ERROR_INVALID_HANDLE. */
struct w32_obj *wsc_w32_get(HANDLE h, enum w32_type type);
/* Drops a reference; the last one frees the object. */
void wsc_w32_put(struct w32_obj *o);
/* Under the lock: calls fn on every object in the table. */
void wsc_w32_each(void (*fn)(struct w32_obj *o, void *arg), void *arg);

/* Writes all of buf to a file handle; FALSE with the last error set. */
BOOL wsc_w32_file_write(HANDLE h, const void *buf, size_t n, size_t *done);
/* A handle for a descriptor the handle does not own (the std handles). */
HANDLE wsc_w32_file_borrow(int fd);

/* The calling thread's id (GetCurrentThreadId). */
DWORD wsc_w32_tid(void);
/* Marks the calling thread as owning a mutex: its exit abandons them. */
void wsc_w32_note_owner(void);
/* Under the lock: abandons the mutexes the thread owns. */
void wsc_w32_abandon_owned(DWORD tid);

#endif
