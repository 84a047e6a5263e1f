/* ExitProcess, the std handles, WriteConsole and ReadConsole, the console's
 * text attributes, size, modes, title and code pages (on a terminal), Beep
 * and OutputDebugString, and SetConsoleCtrlHandler:
 * SIGINT (CTRL_C_EVENT), SIGQUIT (CTRL_BREAK_EVENT), SIGTERM and SIGHUP
 * (CTRL_CLOSE_EVENT) run the handlers, newest first, on a thread of their
 * own as on Windows; when none returns TRUE the process ends by the
 * signal, and after CTRL_CLOSE_EVENT it ends in any case.
 * GenerateConsoleCtrlEvent posts CTRL_C_EVENT or CTRL_BREAK_EVENT the
 * same way. */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
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

/* ---- the console as a terminal ------------------------------------------
 * A handle is a console when its descriptor is a terminal; a redirected
 * one is not (GetConsoleMode, GetConsoleScreenBufferInfo and
 * FlushConsoleInputBuffer fail ERROR_INVALID_HANDLE there, as on
 * Windows).  What Windows keeps in the console and a terminal has no
 * place for (the attributes last set, the output mode, the input mode's
 * other bits, the title, the code pages) is kept here, for the process. */
static pthread_mutex_t con_lock = PTHREAD_MUTEX_INITIALIZER;
static WORD con_attr = FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE;
static DWORD con_out_mode = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT;
/* The input mode's bits no terminal setting holds (Windows' default). */
#define TERMIOS_MODES (ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)
static DWORD con_in_other = ENABLE_MOUSE_INPUT | ENABLE_INSERT_MODE |
                            ENABLE_QUICK_EDIT_MODE | ENABLE_EXTENDED_FLAGS |
                            ENABLE_AUTO_POSITION;
static char *con_title;
static _Atomic UINT con_cp = CP_UTF8, con_output_cp = CP_UTF8;

/* The descriptor of a file handle, with a reference in *o; -1 with
 * ERROR_INVALID_HANDLE for anything else.  *tty: it is a terminal. */
static int handle_fd(HANDLE h, struct w32_obj **o, int *tty)
{
    if (!(*o = wsc_w32_get(h, W32_FILE)))
        return -1;
    *tty = isatty((*o)->u.file.fd);
    return (*o)->u.file.fd;
}

/* The terminal's descriptor of a console handle, with a reference in *o;
 * -1 with ERROR_INVALID_HANDLE when it is not one. */
static int console_fd(HANDLE h, struct w32_obj **o)
{
    int tty, fd = handle_fd(h, o, &tty);

    if (fd >= 0 && !tty) {
        wsc_w32_put(*o);
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return -1;
    }
    return fd;
}

/* An input handle: standard input, or a descriptor open for reading only. */
static int is_input(int fd)
{
    return fd == 0 || (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDONLY;
}

/* Writes all of s to fd, after what stdio holds for it. */
static void put_text(int fd, const char *s, size_t n)
{
    ssize_t r;

    if (fd == 1)
        fflush(stdout);
    else if (fd == 2)
        fflush(stderr);
    while (n > 0) {
        if ((r = write(fd, s, n)) < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        s += r, n -= (size_t)r;
    }
}

/* The ANSI escape for Windows' attributes: colours 0-7 are blue, green and
 * red bits (ANSI's are red, green, blue), the intensity bit the bright
 * colours; the console's defaults (grey on black) are the terminal's own,
 * so that a program's saved attributes restore the terminal as it was. */
static int attr_escape(WORD a, char *out, size_t cap)
{
    static const int ansi[8] = {0, 4, 2, 6, 1, 5, 3, 7};
    int fg = a & 7, bg = (a >> 4) & 7;
    int fgi = (a & FOREGROUND_INTENSITY) != 0, bgi = (a & BACKGROUND_INTENSITY) != 0;

    return snprintf(out, cap, "\033[0;%d;%d%s%sm",
                    fg == 7 && !fgi ? 39 : (fgi ? 90 : 30) + ansi[fg],
                    bg == 0 && !bgi ? 49 : (bgi ? 100 : 40) + ansi[bg],
                    (a & COMMON_LVB_UNDERSCORE) ? ";4" : "",
                    (a & COMMON_LVB_REVERSE_VIDEO) ? ";7" : "");
}

/* On a terminal the colours change; on another file handle nothing
 * happens and the answer is TRUE (Windows fails ERROR_INVALID_HANDLE
 * there; programs colouring their output do not look). */
BOOL wsc_SetConsoleTextAttribute(HANDLE console, WORD attributes)
{
    struct w32_obj *o;
    char esc[32];
    int tty, fd = handle_fd(console, &o, &tty), n;

    if (fd < 0)
        return FALSE;
    if (tty) {
        pthread_mutex_lock(&con_lock);
        con_attr = attributes;
        pthread_mutex_unlock(&con_lock);
        n = attr_escape(attributes, esc, sizeof(esc));
        put_text(fd, esc, (size_t)n);
    }
    wsc_w32_put(o);
    return TRUE;
}

/* The terminal's size is both the buffer's and the window's (80x25 when
 * it does not say); the cursor's position is not known: 0, 0. */
BOOL wsc_GetConsoleScreenBufferInfo(HANDLE console, PCONSOLE_SCREEN_BUFFER_INFO info)
{
    struct w32_obj *o;
    struct winsize ws = {0};
    int fd = console_fd(console, &o);
    SHORT cols = 80, rows = 25;

    if (fd < 0)
        return FALSE;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row)
        cols = (SHORT)(ws.ws_col > 0x7FFF ? 0x7FFF : ws.ws_col),
        rows = (SHORT)(ws.ws_row > 0x7FFF ? 0x7FFF : ws.ws_row);
    wsc_w32_put(o);
    if (!info)
        return wsc_w32_fail(ERROR_NOACCESS);
    memset(info, 0, sizeof(*info));
    info->dwSize.X = cols, info->dwSize.Y = rows;
    info->srWindow.Right = (SHORT)(cols - 1), info->srWindow.Bottom = (SHORT)(rows - 1);
    info->dwMaximumWindowSize = info->dwSize;
    pthread_mutex_lock(&con_lock);
    info->wAttributes = con_attr;
    pthread_mutex_unlock(&con_lock);
    return TRUE;
}

/* An input handle's line, echo and Ctrl+C processing are the terminal's
 * ICANON, ECHO and ISIG; the other bits, and an output handle's mode, are
 * kept. */
BOOL wsc_GetConsoleMode(HANDLE console, LPDWORD mode)
{
    struct w32_obj *o;
    struct termios t;
    int fd = console_fd(console, &o), input, r = 0;
    DWORD m;

    if (fd < 0)
        return FALSE;
    if ((input = is_input(fd)))
        r = tcgetattr(fd, &t);
    wsc_w32_put(o);
    if (r < 0)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (!mode)
        return wsc_w32_fail(ERROR_NOACCESS);
    pthread_mutex_lock(&con_lock);
    if (input)
        m = con_in_other | ((t.c_lflag & ISIG) ? ENABLE_PROCESSED_INPUT : 0) |
            ((t.c_lflag & ICANON) ? ENABLE_LINE_INPUT : 0) |
            ((t.c_lflag & ECHO) ? ENABLE_ECHO_INPUT : 0);
    else
        m = con_out_mode;
    pthread_mutex_unlock(&con_lock);
    *mode = m;
    return TRUE;
}

/* Echo without line input is ERROR_INVALID_PARAMETER, as on Windows. */
BOOL wsc_SetConsoleMode(HANDLE console, DWORD mode)
{
    struct w32_obj *o;
    struct termios t;
    int fd = console_fd(console, &o);
    BOOL ok = TRUE;

    if (fd < 0)
        return FALSE;
    if (!is_input(fd)) {
        if (mode & ~(DWORD)0x1F)
            ok = wsc_w32_fail(ERROR_INVALID_PARAMETER);
        else {
            pthread_mutex_lock(&con_lock);
            con_out_mode = mode;
            pthread_mutex_unlock(&con_lock);
        }
    } else if (mode & ~(DWORD)0x3FF ||
               ((mode & ENABLE_ECHO_INPUT) && !(mode & ENABLE_LINE_INPUT))) {
        ok = wsc_w32_fail(ERROR_INVALID_PARAMETER);
    } else if (tcgetattr(fd, &t) < 0) {
        ok = wsc_w32_fail(ERROR_INVALID_HANDLE);
    } else {
        t.c_lflag &= ~(tcflag_t)(ISIG | ICANON | ECHO);
        t.c_lflag |= ((mode & ENABLE_PROCESSED_INPUT) ? ISIG : 0) |
                     ((mode & ENABLE_LINE_INPUT) ? ICANON : 0) |
                     ((mode & ENABLE_ECHO_INPUT) ? ECHO : 0);
        if (tcsetattr(fd, TCSANOW, &t) < 0)
            ok = wsc_w32_fail((int)wsc_w32_from_errno(errno));
        else {
            pthread_mutex_lock(&con_lock);
            con_in_other = mode & ~(DWORD)TERMIOS_MODES;
            pthread_mutex_unlock(&con_lock);
        }
    }
    wsc_w32_put(o);
    return ok;
}

/* The bytes the last UTF-8 character of buf[0..n) still lacks. */
static size_t utf8_missing(const char *buf, size_t n)
{
    size_t i = n, need, have;
    unsigned char b;

    while (i > 0 && n - i < 3 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return 0;
    b = (unsigned char)buf[i - 1];
    need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
         : b >= 0xF0 && b <= 0xF4 ? 4 : 1;
    have = n - i + 1;
    return need > have ? need - have : 0;
}

/* Reads what the handle has, up to size bytes: from a terminal a line, its
 * "\n" given as Windows' "\r\n" when line input is on (room kept for the
 * '\r'); from a redirected handle the bytes as they are (Windows fails
 * there; the program still gets its input). *n: the bytes. */
static BOOL console_read(HANDLE h, char *buf, size_t size, size_t *n, int whole)
{
    struct w32_obj *o;
    struct termios t;
    int tty, fd = handle_fd(h, &o, &tty), lines;
    ssize_t r;
    size_t miss;

    *n = 0;
    if (fd < 0)
        return FALSE;
    lines = tty && tcgetattr(fd, &t) == 0 && (t.c_lflag & ICANON) && size > 1;
    while ((r = read(fd, buf, size - (lines ? 1 : 0))) < 0 && errno == EINTR)
        ;
    if (r < 0) {
        wsc_w32_fail((int)wsc_w32_from_errno(errno));
        wsc_w32_put(o);
        return FALSE;
    }
    *n = (size_t)r;
    /* the W form: the rest of a character cut at the end (size + 3) */
    for (miss = whole ? utf8_missing(buf, *n) : 0; miss > 0; miss -= (size_t)r) {
        while ((r = read(fd, buf + *n, miss)) < 0 && errno == EINTR)
            ;
        if (r <= 0)
            break;
        *n += (size_t)r;
    }
    if (lines && *n > 0 && buf[*n - 1] == '\n' && (*n == 1 || buf[*n - 2] != '\r')) {
        buf[*n - 1] = '\r';
        buf[(*n)++] = '\n';
    }
    wsc_w32_put(o);
    return TRUE;
}

/* ReadConsoleA, and ReadConsoleW: UTF-8 from the terminal as wide
 * characters, a character never cut (at most chars of them). */
static BOOL read_console(HANDLE console, void *buffer, DWORD chars,
                         LPDWORD done, int wide)
{
    size_t n = 0;
    char *u = buffer;
    BOOL ok;

    if (done)
        *done = 0;
    if (!buffer)
        return wsc_w32_fail(ERROR_NOACCESS);
    if (chars == 0)
        return TRUE;
    if (wide && !(u = malloc((size_t)chars + 4)))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    ok = console_read(console, u, chars, &n, wide);
    if (wide) {
        if (ok && n > 0)
            n = (size_t)wsc_MultiByteToWideChar(CP_UTF8, 0, u, (int)n, buffer, (int)chars);
        free(u);
    }
    if (done)
        *done = (DWORD)n;
    return ok;
}

BOOL wsc_ReadConsoleA(HANDLE console, LPVOID buffer, DWORD chars, LPDWORD done,
                      PCONSOLE_READCONSOLE_CONTROL control)
{
    (void)control;
    return read_console(console, buffer, chars, done, 0);
}

BOOL wsc_ReadConsoleW(HANDLE console, LPVOID buffer, DWORD chars, LPDWORD done,
                      PCONSOLE_READCONSOLE_CONTROL control)
{
    (void)control;
    return read_console(console, buffer, chars, done, 1);
}

BOOL wsc_FlushConsoleInputBuffer(HANDLE console)
{
    struct w32_obj *o;
    int fd = console_fd(console, &o);

    if (fd < 0)
        return FALSE;
    tcflush(fd, TCIFLUSH);
    wsc_w32_put(o);
    return TRUE;
}

/* The title goes to the terminal of standard output or error (xterm's
 * OSC 0), and is kept for GetConsoleTitle; before any, the title is the
 * program's path, as a Windows console's is. */
BOOL wsc_SetConsoleTitleA(LPCSTR title)
{
    char *copy;
    int fd = isatty(1) ? 1 : isatty(2) ? 2 : -1;

    if (!title)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (!(copy = strdup(title)))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    pthread_mutex_lock(&con_lock);
    free(con_title);
    con_title = copy;
    pthread_mutex_unlock(&con_lock);
    if (fd >= 0) {
        put_text(fd, "\033]0;", 4);
        put_text(fd, title, strlen(title));
        put_text(fd, "\007", 1);
    }
    return TRUE;
}

BOOL wsc_SetConsoleTitleW(LPCWSTR title)
{
    WSC_W32_VIA_UTF8(title, BOOL, FALSE, wsc_SetConsoleTitleA(u_));
}

/* The title's length; one that does not fit is 0 with ERROR_SUCCESS, as
 * Microsoft documents. */
static DWORD console_title(void *buf, DWORD size, int wide)
{
    char path[PATH_MAX], *t;
    ssize_t k;
    DWORD n;
    int w;

    pthread_mutex_lock(&con_lock);
    if (con_title)
        t = strdup(con_title);
    else {
        k = readlink("/proc/self/exe", path, sizeof(path) - 1);
        path[k > 0 ? k : 0] = '\0';
        t = strdup(path);
    }
    pthread_mutex_unlock(&con_lock);
    if (!t) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    if (!buf && size)
        n = 0, wsc_w32_set_error(ERROR_NOACCESS);
    else if (!wide) {
        n = (DWORD)strlen(t);
        if (n + 1 > size)
            n = 0, wsc_w32_set_error(ERROR_SUCCESS);
        else
            memcpy(buf, t, n + 1);
    } else {
        w = wsc_MultiByteToWideChar(CP_UTF8, 0, t, -1, NULL, 0);
        if (w <= 0 || (DWORD)w > size)
            n = 0, wsc_w32_set_error(ERROR_SUCCESS);
        else
            n = (DWORD)wsc_MultiByteToWideChar(CP_UTF8, 0, t, -1, buf, w) - 1;
    }
    free(t);
    return n;
}

DWORD wsc_GetConsoleTitleA(LPSTR title, DWORD size)
{
    return console_title(title, size, 0);
}

DWORD wsc_GetConsoleTitleW(LPWSTR title, DWORD size)
{
    return console_title(title, size, 1);
}

/* The code pages are remembered; text stays UTF-8 whatever they say (the
 * terminal's).  0 to 3 are not code pages of their own. */
static BOOL set_cp(_Atomic UINT *cp, UINT value)
{
    if (value < 4 || value > 65535)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    atomic_store(cp, value);
    return TRUE;
}

UINT wsc_GetConsoleCP(void)
{
    return atomic_load(&con_cp);
}

BOOL wsc_SetConsoleCP(UINT codepage)
{
    return set_cp(&con_cp, codepage);
}

UINT wsc_GetConsoleOutputCP(void)
{
    return atomic_load(&con_output_cp);
}

BOOL wsc_SetConsoleOutputCP(UINT codepage)
{
    return set_cp(&con_output_cp, codepage);
}

/* No sound, and no wait for it. */
BOOL wsc_Beep(DWORD frequency, DWORD duration)
{
    (void)frequency, (void)duration;
    return TRUE;
}

/* No debugger listens: the text goes nowhere unless WSCOMPAT_DEBUGSTRING
 * is 1 (standard error) or a file's name (appended to it). */
void wsc_OutputDebugStringA(LPCSTR text)
{
    const char *v = getenv("WSCOMPAT_DEBUGSTRING");
    int fd;

    if (!text || !v || !*v || !strcmp(v, "0"))
        return;
    if (!strcmp(v, "1"))
        put_text(2, text, strlen(text));
    else if ((fd = open(v, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666)) >= 0) {
        put_text(fd, text, strlen(text));
        close(fd);
    }
}

void wsc_OutputDebugStringW(LPCWSTR text)
{
    int bad;
    char *u;

    if (!text || !getenv("WSCOMPAT_DEBUGSTRING"))
        return;
    if ((u = wsc_w32_utf8(text, &bad)))
        wsc_OutputDebugStringA(u);
    free(u);
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
