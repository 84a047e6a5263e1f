/* Processes: CreateProcess as posix_spawn, the child's command line split
 * by Windows' rules (CommandLineToArgvW's) into the argv it sees; a
 * process handle signalled when the child ends, which a thread of its own
 * learns from the child's pidfd (and reaps it); its exit code; and
 * GetCommandLine, the process's argv quoted back by the same rules. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "handle.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

extern char **environ;

/* ---- text buffers -------------------------------------------------------- */
struct buf {
    char *p;
    size_t n, cap;
    int nomem;
};

static void put(struct buf *b, char c)
{
    char *p;

    if (b->n + 1 >= b->cap) {
        if (b->nomem || !(p = realloc(b->p, b->cap ? b->cap * 2 : 64))) {
            b->nomem = 1;
            return;
        }
        b->p = p;
        b->cap = b->cap ? b->cap * 2 : 64;
    }
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
}

static void put_n(struct buf *b, char c, size_t n)
{
    while (n--)
        put(b, c);
}

/* ---- the command line, by CommandLineToArgvW's rules --------------------- */
static int blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The program's name: to the closing quote when it starts with one (no
 * escapes), else to the first blank. */
static const char *arg0(const char *p, struct buf *b)
{
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            put(b, *p);
        return *p ? p + 1 : p;
    }
    for (; *p && !blank(*p); p++)
        put(b, *p);
    return p;
}

/* One later argument: 2n backslashes and a quote are n backslashes and a
 * quote that opens or closes; 2n+1 and a quote, n and a literal quote;
 * other backslashes are themselves.  In a run of quotes every third is a
 * literal one (so "" in a quoted part is a quote and ends the part). */
static const char *arg_next(const char *p, struct buf *b)
{
    int q = 0;
    size_t n;

    while (*p && (q || !blank(*p))) {
        if (*p == '\\') {
            for (n = 0; p[n] == '\\'; n++)
                ;
            put_n(b, '\\', p[n] == '"' ? n / 2 : n);
            p += n;
            if (*p == '"' && n % 2) {
                put(b, '"');
                p++;
            }
            if (*p != '"' || n % 2)
                continue;
        }
        if (*p != '"') {
            put(b, *p++);
            continue;
        }
        for (; *p == '"'; p++)
            if (++q == 3) {
                put(b, '"');
                q = 0;
            }
        if (q == 2)
            q = 0;
    }
    return p;
}

/* argv for a command line: one block, the strings after the pointers;
 * NULL when out of memory. */
static char **split_command_line(const char *cmd)
{
    struct buf b = {0};
    size_t argc = 1, i;
    const char *p = arg0(cmd, &b);
    char **argv, *str;

    put(&b, '\0');
    for (;;) {
        while (blank(*p))
            p++;
        if (!*p)
            break;
        p = arg_next(p, &b);
        put(&b, '\0');
        argc++;
    }
    if (b.nomem || !(argv = malloc((argc + 1) * sizeof(char *) + b.n))) {
        free(b.p);
        return NULL;
    }
    str = memcpy((char *)(argv + argc + 1), b.p, b.n);
    for (i = 0; i < argc; i++, str += strlen(str) + 1)
        argv[i] = str;
    argv[argc] = NULL;
    free(b.p);
    return argv;
}

/* An argument quoted so that arg_next reads it back: backslashes before a
 * quote, or before the closing quote, doubled, and the quote escaped. */
static void quote_arg(struct buf *b, const char *a)
{
    size_t n;

    if (*a && !strpbrk(a, " \t\n\v\"")) {
        for (; *a; a++)
            put(b, *a);
        return;
    }
    put(b, '"');
    for (;; a++) {
        for (n = 0; *a == '\\'; a++)
            n++;
        if (!*a) {
            put_n(b, '\\', 2 * n);
            break;
        }
        put_n(b, '\\', *a == '"' ? 2 * n + 1 : n);
        put(b, *a);
    }
    put(b, '"');
}

/* The program's name: arg0's rule has no escapes, only plain quotes. */
static void quote_arg0(struct buf *b, const char *a)
{
    int q = !*a || strpbrk(a, " \t") != NULL;

    if (q)
        put(b, '"');
    for (; *a; a++)
        put(b, *a);
    if (q)
        put(b, '"');
}

/* ---- GetCommandLine ------------------------------------------------------ */
static char *cmdline_a;
static wchar_t *cmdline_w;
static pthread_once_t cmdline_once = PTHREAD_ONCE_INIT;

/* This process's argv from /proc/self/cmdline, quoted into one line. */
static void cmdline_make(void)
{
    struct buf b = {0}, raw = {0};
    char chunk[4096];
    ssize_t r;
    size_t i;
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    int len;

    while (fd >= 0 && (r = read(fd, chunk, sizeof(chunk))) > 0)
        for (i = 0; i < (size_t)r; i++)
            put(&raw, chunk[i]);
    if (fd >= 0)
        close(fd);
    put(&b, '\0');
    b.n = 0;
    for (i = 0; i < raw.n; i += strlen(raw.p + i) + 1) {
        if (i)
            put(&b, ' ');
        (i ? quote_arg : quote_arg0)(&b, raw.p + i);
    }
    free(raw.p);
    cmdline_a = b.nomem ? calloc(1, 1) : b.p;
    if (!cmdline_a)
        return;
    len = wsc_MultiByteToWideChar(CP_UTF8, 0, cmdline_a, -1, NULL, 0);
    if (len > 0 && (cmdline_w = calloc((size_t)len, sizeof(wchar_t))))
        wsc_MultiByteToWideChar(CP_UTF8, 0, cmdline_a, -1, cmdline_w, len);
}

LPSTR wsc_GetCommandLineA(void)
{
    pthread_once(&cmdline_once, cmdline_make);
    return cmdline_a ? cmdline_a : (LPSTR) "";
}

LPWSTR wsc_GetCommandLineW(void)
{
    pthread_once(&cmdline_once, cmdline_make);
    return cmdline_w ? cmdline_w : (LPWSTR)L"";
}

/* ---- WinMain's arguments -------------------------------------------------- */
/* The command line after the program's name (quoted or not) and the
 * blanks after it, as WinMain's lpCmdLine is. */
#define AFTER_PROGRAM_(T, line)                                           \
    do {                                                                  \
        const T *p_ = (line);                                             \
        int quoted_ = 0;                                                  \
        for (; *p_ && (quoted_ || (*p_ != ' ' && *p_ != '\t')); p_++)      \
            if (*p_ == '"')                                               \
                quoted_ = !quoted_;                                       \
        while (*p_ == ' ' || *p_ == '\t')                                  \
            p_++;                                                         \
        return (T *)p_;                                                   \
    } while (0)

static char *args_after_program_a(void)
{
    AFTER_PROGRAM_(char, wsc_GetCommandLineA());
}

static wchar_t *args_after_program_w(void)
{
    AFTER_PROGRAM_(wchar_t, wsc_GetCommandLineW());
}

int wsc_run_winmain(int argc, char **argv, void (*entry)(void), int wide)
{
    HINSTANCE self = (HINSTANCE)wsc_GetModuleHandleA(NULL);

    (void)argc, (void)argv;
    if (wide) {
        setlocale(LC_CTYPE, "");
        return ((int (*)(HINSTANCE, HINSTANCE, LPWSTR, int))entry)(
            self, NULL, args_after_program_w(), SW_SHOWDEFAULT);
    }
    return ((int (*)(HINSTANCE, HINSTANCE, LPSTR, int))entry)(
        self, NULL, args_after_program_a(), SW_SHOWDEFAULT);
}

/* ---- finding the program ------------------------------------------------- */
/* path is a file; with ".exe" dropped when it is not (a Windows program
 * names itself so).  1 if found. */
static int exists_as(char *path)
{
    size_t n = strlen(path);

    if (access(path, F_OK) == 0)
        return 1;
    if (n > 4 && strcasecmp(path + n - 4, ".exe") == 0) {
        path[n - 4] = '\0';
        if (access(path, F_OK) == 0)
            return 1;
        path[n - 4] = '.';
    }
    return 0;
}

static int try_in(const char *dir, size_t dlen, const char *name, char *out)
{
    size_t nlen = strlen(name);

    if (dlen + nlen + 2 > PATH_MAX)
        return 0;
    memcpy(out, dir, dlen);
    out[dlen] = '/';
    memcpy(out + dlen + 1, name, nlen + 1);
    return exists_as(out);
}

/* Windows' search for a name without a directory: the program's own
 * directory, the current one, then PATH. */
static int search(const char *name, char *out)
{
    char self[PATH_MAX], *slash;
    const char *path = getenv("PATH"), *end;
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

    if (n > 0) {
        self[n] = '\0';
        if ((slash = strrchr(self, '/')) && try_in(self, (size_t)(slash - self), name, out))
            return 1;
    }
    if (try_in(".", 1, name, out))
        return 1;
    for (; path && *path; path = *end ? end + 1 : end) {
        end = strchrnul(path, ':');
        if (end > path && try_in(path, (size_t)(end - path), name, out))
            return 1;
    }
    return 0;
}

/* The file for a program name (backslashes are slashes); 1 if found.  A
 * name with a directory is not searched for, nor is lpApplicationName. */
static int find_program(const char *name, size_t len, int searched, char *out)
{
    char n[PATH_MAX];
    size_t i;

    if (len == 0 || len >= PATH_MAX)
        return 0;
    for (i = 0; i < len; i++)
        n[i] = name[i] == '\\' ? '/' : name[i];
    n[len] = '\0';
    if (!searched || strchr(n, '/')) {
        memcpy(out, n, len + 1);
        return exists_as(out);
    }
    return search(n, out);
}

/* The program a command line names: its quoted first part, or, unquoted,
 * the shortest blank-ended prefix that is a program, as Windows tries
 * "c:\program files\a b" as c:\program, then c:\program files\a, ... */
static int program_of(const char *cmd, char *out)
{
    const char *end, *q;

    if (*cmd == '"') {
        q = strchr(cmd + 1, '"');
        return find_program(cmd + 1, q ? (size_t)(q - cmd - 1) : strlen(cmd + 1), 1, out);
    }
    for (end = cmd;; end++) {
        if (!*end || blank(*end))
            if (find_program(cmd, (size_t)(end - cmd), 1, out))
                return 1;
        if (!*end)
            return 0;
    }
}

/* ---- process objects ----------------------------------------------------- */
/* Windows' exit code for how the child ended: its status, the code
 * TerminateProcess gave, or the NTSTATUS of the fault that killed it. */
static DWORD exit_code(const siginfo_t *si, const struct w32_obj *o)
{
    if (si->si_code == CLD_EXITED)
        return (DWORD)si->si_status;
    if (o->u.process.killed && si->si_status == SIGKILL)
        return o->u.process.kill_code;
    switch (si->si_status) {
    case SIGSEGV: case SIGBUS: return 0xC0000005u; /* access violation */
    case SIGILL: return 0xC000001Du;
    case SIGFPE: return 0xC0000094u; /* integer divide by zero */
    case SIGINT: return 0xC000013Au; /* STATUS_CONTROL_C_EXIT */
    case SIGABRT: return 3; /* abort() */
    default: return 128u + (DWORD)si->si_status;
    }
}

/* Its own thread per process: waits for the end (reaping a child), then
 * signals the process and its thread.  Holds a reference. */
static void *watch(void *arg)
{
    struct w32_obj *o = arg, *t;
    siginfo_t si;
    struct pollfd p = {o->u.process.pidfd, POLLIN, 0};
    int r, child = o->u.process.thread != NULL;
    DWORD code = 0;

    memset(&si, 0, sizeof(si));
    do {
        if (!child)
            r = poll(&p, 1, -1);
        else if (o->u.process.pidfd >= 0)
            r = waitid((idtype_t)P_PIDFD, (id_t)o->u.process.pidfd, &si, WEXITED);
        else
            r = waitid(P_PID, (id_t)o->u.process.pid, &si, WEXITED);
    } while (r < 0 && errno == EINTR);
    wsc_w32_lock();
    if (child && r == 0)
        code = exit_code(&si, o);
    o->u.process.done = 1;
    o->u.process.code = code;
    if ((t = o->u.process.thread)) {
        t->u.thread.done = 1;
        t->u.thread.code = code;
    }
    wsc_w32_changed();
    wsc_w32_unlock();
    wsc_w32_put(o);
    return NULL;
}

static int start_watch(struct w32_obj *o)
{
    int r = wsc_w32_helper_thread(watch, wsc_w32_ref(o));

    if (r)
        wsc_w32_put(o);
    return r;
}

void wsc_w32_process_free(struct w32_obj *o)
{
    if (o->u.process.pidfd >= 0)
        close(o->u.process.pidfd);
    if (o->u.process.thread)
        wsc_w32_put(o->u.process.thread);
}

static int pidfd_of(pid_t pid)
{
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

/* A process object for pid (a child, with a thread object, when child). */
static struct w32_obj *process_new(pid_t pid, int child)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_PROCESS);

    if (!o)
        return NULL;
    o->u.process.pid = (DWORD)pid;
    o->u.process.pidfd = pidfd_of(pid);
    if (o->u.process.pidfd >= 0)
        fcntl(o->u.process.pidfd, F_SETFD, FD_CLOEXEC);
    if (child && (o->u.process.thread = wsc_w32_obj_new(W32_THREAD)))
        o->u.process.thread->u.thread.id = (DWORD)pid; /* its main thread */
    return o;
}

/* ---- CreateProcess ------------------------------------------------------- */
/* The descriptor a std handle stands for, or -1. */
static int handle_fd(HANDLE h)
{
    struct w32_obj *o;
    int fd = -1;

    if (wsc_w32_is_socket(h))
        return (int)(uintptr_t)h;
    wsc_w32_lock();
    if ((o = wsc_w32_find(h, W32_FILE)))
        fd = o->u.file.fd;
    wsc_w32_unlock();
    return fd;
}

struct spawn_req {
    const char *application, *directory;
    char *command_line;
    BOOL inherit;
    DWORD flags;
    char **envp;
    HANDLE std[3];
    int use_std;
};

static void std_actions(posix_spawn_file_actions_t *fa, const struct spawn_req *r)
{
    int i, fd;

    for (i = 0; r->use_std && i < 3; i++)
        if ((fd = handle_fd(r->std[i])) >= 0 && fd != i)
            posix_spawn_file_actions_adddup2(fa, fd, i);
}

static DWORD spawn_error(int err)
{
    switch (err) {
    case ENOENT: case ENOTDIR: return ERROR_FILE_NOT_FOUND;
    case ENOEXEC: return ERROR_BAD_EXE_FORMAT;
    default: return wsc_w32_from_errno(err);
    }
}

/* Starts the program; 0 and *pid, or the Win32 code. */
static DWORD spawn(const struct spawn_req *r, const char *path, char **argv,
                   pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t none;
    int err;

    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    std_actions(&fa, r);
    /* Handles are not inherited unless asked (the std ones always are). */
    if (!r->inherit)
        posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    if (r->directory)
        posix_spawn_file_actions_addchdir_np(&fa, r->directory);
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
    err = posix_spawn(pid, path, &fa, &at, argv, r->envp ? r->envp : environ);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    return err ? spawn_error(err) : 0;
}

/* The objects and handles of a started child. */
static BOOL report(pid_t pid, LPPROCESS_INFORMATION info)
{
    struct w32_obj *o = process_new(pid, 1);
    HANDLE hp, ht;

    if (!o || !o->u.process.thread) {
        if (o)
            wsc_w32_put(o);
        return FALSE; /* (the child runs on, unwatched) */
    }
    start_watch(o);
    wsc_w32_ref(o->u.process.thread);
    if (!(hp = wsc_w32_handle_new(o))) {
        wsc_w32_put(o->u.process.thread);
        return FALSE;
    }
    if (!(ht = wsc_w32_handle_new(o->u.process.thread))) {
        wsc_CloseHandle(hp);
        return FALSE;
    }
    info->hProcess = hp;
    info->hThread = ht;
    info->dwProcessId = (DWORD)pid;
    info->dwThreadId = (DWORD)pid;
    return TRUE;
}

static BOOL create_process(const struct spawn_req *r, LPPROCESS_INFORMATION info)
{
    char path[PATH_MAX], **argv;
    const char *cmd = r->command_line ? r->command_line : r->application;
    pid_t pid;
    DWORD err;

    if (!info || !cmd)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (r->application
            ? !find_program(r->application, strlen(r->application), 0, path)
            : !program_of(cmd, path))
        return wsc_w32_fail(ERROR_FILE_NOT_FOUND);
    if (!(argv = split_command_line(cmd)))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    err = spawn(r, path, argv, &pid);
    free(argv);
    if (err)
        return wsc_w32_fail((int)err);
    return report(pid, info);
}

/* An environment block ("A=1\0B=2\0\0") as an array (one allocation). */
static char **env_array(const char *block)
{
    size_t n = 0, i;
    const char *p;
    char **envp;

    for (p = block; *p; p += strlen(p) + 1)
        n++;
    if (!(envp = malloc((n + 1) * sizeof(char *))))
        return NULL;
    for (p = block, i = 0; *p; p += strlen(p) + 1)
        envp[i++] = (char *)p;
    envp[n] = NULL;
    return envp;
}

/* A wide environment block in UTF-8 (a block again). */
static char *env_utf8(const wchar_t *w)
{
    struct buf b = {0};
    char *u;
    int bad;

    put(&b, '\0');
    b.n = 0;
    for (; *w; w += wcslen(w) + 1) {
        if (!(u = wsc_w32_utf8(w, &bad)))
            b.nomem = 1;
        else {
            for (char *c = u; *c; c++)
                put(&b, *c);
            free(u);
        }
        put(&b, '\0');
    }
    put(&b, '\0');
    if (b.nomem) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

static void req_std(struct spawn_req *r, DWORD flags, HANDLE in, HANDLE out,
                    HANDLE err)
{
    r->use_std = (flags & STARTF_USESTDHANDLES) != 0;
    r->std[0] = in, r->std[1] = out, r->std[2] = err;
}

BOOL wsc_CreateProcessA(LPCSTR application, LPSTR command_line,
                        LPSECURITY_ATTRIBUTES process_sa,
                        LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit,
                        DWORD flags, LPVOID environment, LPCSTR directory,
                        LPSTARTUPINFOA startup, LPPROCESS_INFORMATION info)
{
    struct spawn_req r = {application, directory, command_line, inherit, flags,
                          NULL, {0}, 0};
    char *block = NULL;
    BOOL ok;

    (void)process_sa, (void)thread_sa;
    if (startup)
        req_std(&r, startup->dwFlags, startup->hStdInput, startup->hStdOutput,
                startup->hStdError);
    if (environment && (flags & CREATE_UNICODE_ENVIRONMENT) &&
        !(environment = block = env_utf8(environment)))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    if (environment && !(r.envp = env_array(environment))) {
        free(block);
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    }
    ok = create_process(&r, info);
    free(r.envp);
    free(block);
    return ok;
}

BOOL wsc_CreateProcessW(LPCWSTR application, LPWSTR command_line,
                        LPSECURITY_ATTRIBUTES process_sa,
                        LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit,
                        DWORD flags, LPVOID environment, LPCWSTR directory,
                        LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info)
{
    STARTUPINFOA sa;
    int bad = 0, b2 = 0, b3 = 0;
    char *app = wsc_w32_utf8(application, &bad);
    char *cmd = wsc_w32_utf8(command_line, &b2);
    char *dir = wsc_w32_utf8(directory, &b3);
    BOOL ok = FALSE;

    memset(&sa, 0, sizeof(sa));
    sa.cb = sizeof(sa);
    if (startup) {
        sa.dwFlags = startup->dwFlags;
        sa.hStdInput = startup->hStdInput;
        sa.hStdOutput = startup->hStdOutput;
        sa.hStdError = startup->hStdError;
    }
    if (bad || b2 || b3)
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    else
        ok = wsc_CreateProcessA(app, cmd, process_sa, thread_sa, inherit, flags,
                                environment, dir, startup ? &sa : NULL, info);
    free(app);
    free(cmd);
    free(dir);
    return ok;
}

/* ---- the rest ------------------------------------------------------------ */
#define PSEUDO_PROCESS ((HANDLE)(LONG_PTR)-1)

BOOL wsc_GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    struct w32_obj *o;

    if (process == PSEUDO_PROCESS) {
        if (code)
            *code = STILL_ACTIVE;
        return TRUE;
    }
    wsc_w32_lock();
    if ((o = wsc_w32_find(process, W32_PROCESS)) && code)
        *code = o->u.process.done ? o->u.process.code : STILL_ACTIVE;
    wsc_w32_unlock();
    if (!o)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    return code ? TRUE : wsc_w32_fail(ERROR_NOACCESS);
}

/* An ended process cannot be terminated: ERROR_ACCESS_DENIED, as on
 * Windows. */
BOOL wsc_TerminateProcess(HANDLE process, UINT code)
{
    struct w32_obj *o;
    DWORD err = 0;

    if (process == PSEUDO_PROCESS)
        _exit((int)code);
    wsc_w32_lock();
    if (!(o = wsc_w32_find(process, W32_PROCESS)))
        err = ERROR_INVALID_HANDLE;
    else if (o->u.process.done || o->u.process.pid == (DWORD)getpid())
        err = ERROR_ACCESS_DENIED;
    else {
        o->u.process.killed = 1;
        o->u.process.kill_code = code;
        if (o->u.process.pidfd >= 0
                ? syscall(SYS_pidfd_send_signal, o->u.process.pidfd, SIGKILL, NULL, 0) < 0
                : kill((pid_t)o->u.process.pid, SIGKILL) < 0)
            err = wsc_w32_from_errno(errno);
    }
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}

struct pid_find {
    DWORD pid;
    struct w32_obj *o;
};

static void find_pid(struct w32_obj *o, void *arg)
{
    struct pid_find *f = arg;

    if (!f->o && o->type == W32_PROCESS && o->u.process.pid == f->pid)
        f->o = wsc_w32_ref(o);
}

/* A child this process made is its object again; another process is
 * watched through a pidfd (its exit code is not known: 0). */
HANDLE wsc_OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    struct pid_find found = {pid, NULL};
    struct w32_obj *o;

    (void)access, (void)inherit;
    if (pid == 0 || pid > (DWORD)INT32_MAX || (kill((pid_t)pid, 0) < 0 && errno == ESRCH)) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    wsc_w32_lock();
    wsc_w32_each(find_pid, &found);
    wsc_w32_unlock();
    if (found.o)
        return wsc_w32_handle_new(found.o);
    if (!(o = process_new((pid_t)pid, 0)))
        return NULL;
    if (pid != (DWORD)getpid() && (o->u.process.pidfd < 0 || start_watch(o))) {
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_ACCESS_DENIED);
        return NULL;
    }
    return wsc_w32_handle_new(o);
}

DWORD wsc_GetProcessId(HANDLE process)
{
    struct w32_obj *o;
    DWORD pid = 0;

    if (process == PSEUDO_PROCESS)
        return (DWORD)getpid();
    wsc_w32_lock();
    if ((o = wsc_w32_find(process, W32_PROCESS)))
        pid = o->u.process.pid;
    wsc_w32_unlock();
    if (!o)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return pid;
}
