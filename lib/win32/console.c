/* ExitProcess, the std handles and WriteConsole, and SetConsoleCtrlHandler:
 * SIGINT (CTRL_C_EVENT), SIGQUIT (CTRL_BREAK_EVENT), SIGTERM and SIGHUP
 * (CTRL_CLOSE_EVENT) run the handlers, newest first, on a thread of their
 * own as on Windows; when none returns TRUE the process ends by the
 * signal, and after CTRL_CLOSE_EVENT it ends in any case.
 * GenerateConsoleCtrlEvent posts CTRL_C_EVENT or CTRL_BREAK_EVENT the
 * same way. */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>
#include "handle.h"

void wsc_ExitProcess(UINT code)
{
    exit((int)code);
}

/* ---- std handles ------------------------------------------------------- */
static HANDLE std_handles[3];
static pthread_once_t std_once = PTHREAD_ONCE_INIT;

static void std_init(void)
{
    int i;

    for (i = 0; i < 3; i++)
        std_handles[i] = wsc_w32_file_borrow(i);
}

HANDLE wsc_GetStdHandle(DWORD which)
{
    DWORD i = STD_INPUT_HANDLE - which; /* -10, -11, -12 -> 0, 1, 2 */

    if (i > 2) {
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return INVALID_HANDLE_VALUE;
    }
    pthread_once(&std_once, std_init);
    return std_handles[i];
}

/* Any file handle is accepted, not only a console's: output redirected to
 * a file or pipe still arrives. */
BOOL wsc_WriteConsoleA(HANDLE console, const void *buffer, DWORD chars,
                       LPDWORD written, LPVOID reserved)
{
    size_t n = 0;
    BOOL ok;

    (void)reserved;
    if (!buffer && chars)
        return wsc_w32_fail(ERROR_NOACCESS);
    ok = wsc_w32_file_write(console, buffer, chars, &n);
    if (written)
        *written = (DWORD)n;
    return ok;
}

/* Wide text is written as UTF-8. */
BOOL wsc_WriteConsoleW(HANDLE console, const void *buffer, DWORD chars,
                       LPDWORD written, LPVOID reserved)
{
    const wchar_t *w = buffer;
    char u[1024];
    size_t done = 0, len, n, out;

    (void)reserved;
    if (written)
        *written = 0;
    if (!buffer && chars)
        return wsc_w32_fail(ERROR_NOACCESS);
    while (done < chars || chars == 0) {
        len = 0;
        n = wsc_w32_utf8_n(w + done, chars - done, u, sizeof(u), &len);
        if (!wsc_w32_file_write(console, u, len, &out))
            return FALSE;
        done += n;
        if (written)
            *written = (DWORD)done;
        if (chars == 0)
            break;
    }
    return TRUE;
}

/* ---- console control handlers ------------------------------------------ */
#define MAX_HANDLERS 64

static pthread_mutex_t ctrl_lock = PTHREAD_MUTEX_INITIALIZER;
static PHANDLER_ROUTINE handlers[MAX_HANDLERS];
static int nhandlers, ignore_ctrl_c, ctrl_started;
static sem_t ctrl_sem;
static atomic_int pending[3];
static const int ctrl_signal[3] = {SIGINT, SIGQUIT, SIGTERM};

/* Hands an event to the dispatcher (async-signal-safe). */
static void post_event(int ev)
{
    atomic_fetch_add(&pending[ev], 1);
    sem_post(&ctrl_sem);
}

static void on_signal(int sig)
{
    int ev = sig == SIGINT ? CTRL_C_EVENT : sig == SIGQUIT ? CTRL_BREAK_EVENT
                                                          : CTRL_CLOSE_EVENT;
    int saved = errno;

    post_event(ev);
    errno = saved;
}

/* The default: end by the signal, as the process would have without us. */
static void die(int ev)
{
    int sig = ctrl_signal[ev];

    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

static BOOL run_handlers(DWORD ev)
{
    PHANDLER_ROUTINE copy[MAX_HANDLERS];
    int i, n, ignore;

    pthread_mutex_lock(&ctrl_lock);
    n = nhandlers;
    memcpy(copy, handlers, sizeof(copy));
    ignore = ignore_ctrl_c;
    pthread_mutex_unlock(&ctrl_lock);
    for (i = n - 1; i >= 0; i--)
        if (copy[i](ev))
            return TRUE;
    return ev == CTRL_C_EVENT && ignore;
}

static void *dispatcher(void *arg)
{
    int ev;

    (void)arg;
    for (;;) {
        while (sem_wait(&ctrl_sem) && errno == EINTR)
            ;
        for (ev = 0; ev < 3; ev++)
            while (atomic_load(&pending[ev]) > 0) {
                atomic_fetch_sub(&pending[ev], 1);
                if (!run_handlers((DWORD)ev) || ev == CTRL_CLOSE_EVENT)
                    die(ev);
            }
    }
    return NULL;
}

/* Under ctrl_lock: the dispatcher and the signal handlers, once. */
static int ctrl_start(void)
{
    static const int sigs[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
    struct sigaction sa;
    pthread_t t;
    size_t i;

    if (ctrl_started)
        return 0;
    if (sem_init(&ctrl_sem, 0, 0) || pthread_create(&t, NULL, dispatcher, NULL))
        return -1;
    pthread_detach(t);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, NULL);
    ctrl_started = 1;
    return 0;
}

static BOOL remove_handler(PHANDLER_ROUTINE handler)
{
    int i;

    for (i = nhandlers - 1; i >= 0; i--)
        if (handlers[i] == handler) {
            memmove(&handlers[i], &handlers[i + 1],
                    (size_t)(nhandlers - i - 1) * sizeof(handlers[0]));
            handlers[--nhandlers] = NULL;
            return TRUE;
        }
    return wsc_w32_fail(ERROR_INVALID_PARAMETER);
}

BOOL wsc_SetConsoleCtrlHandler(PHANDLER_ROUTINE handler, BOOL add)
{
    BOOL ok = TRUE;

    pthread_mutex_lock(&ctrl_lock);
    if (ctrl_start())
        ok = wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    else if (!handler)
        ignore_ctrl_c = add != 0;
    else if (!add)
        ok = remove_handler(handler);
    else if (nhandlers == MAX_HANDLERS)
        ok = wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    else
        handlers[nhandlers++] = handler;
    pthread_mutex_unlock(&ctrl_lock);
    return ok;
}

/* The event goes to this process only (group 0 is "every process on the
 * console" on Windows; here it does not signal the process group), and
 * runs the handlers as the signal would: on the dispatcher thread, after
 * the call has returned TRUE; when none returns TRUE the process ends.
 * A group id is not provided: ERROR_INVALID_PARAMETER. */
BOOL wsc_GenerateConsoleCtrlEvent(DWORD event, DWORD group)
{
    int failed;

    if ((event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT) || group != 0)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    pthread_mutex_lock(&ctrl_lock);
    failed = ctrl_start();
    pthread_mutex_unlock(&ctrl_lock);
    if (failed)
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    post_event((int)event);
    return TRUE;
}
