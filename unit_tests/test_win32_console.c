/* The console in the Win32 baseline, through the public headers: on a
 * pseudo-terminal (the colours' escapes the terminal receives, its size,
 * its modes as the terminal's settings, lines read as Windows gives them)
 * and on a redirected handle (what Windows refuses), the title, the code
 * pages, Beep and OutputDebugString, with their exact results and
 * last-error codes. */
#include <check.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <windows.h>

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

static int master, slave;
static char slave_name[64];

/* A pseudo-terminal: its master, and its slave open twice, as the
 * descriptor the test inspects and as what a console handle names. */
static void open_pty(void)
{
    master = posix_openpt(O_RDWR | O_NOCTTY);
    ck_assert_int_ge(master, 0);
    ck_assert_int_eq(grantpt(master), 0);
    ck_assert_int_eq(unlockpt(master), 0);
    snprintf(slave_name, sizeof(slave_name), "%s", ptsname(master));
    slave = open(slave_name, O_RDWR | O_NOCTTY);
    ck_assert_int_ge(slave, 0);
}

static HANDLE open_console(DWORD access)
{
    HANDLE h = CreateFileA(slave_name, access, 0, NULL, OPEN_EXISTING, 0, NULL);

    ck_assert_ptr_ne(h, INVALID_HANDLE_VALUE);
    return h;
}

/* What the terminal shows, n bytes of it (5 s at most). */
static void expect_shown(const char *want)
{
    char buf[128];
    size_t n = strlen(want), got = 0;
    struct pollfd p = {master, POLLIN, 0};
    ssize_t r;

    while (got < n && poll(&p, 1, 5000) == 1 &&
           (r = read(master, buf + got, n - got)) > 0)
        got += (size_t)r;
    buf[got] = '\0';
    ck_assert_str_eq(buf, want);
}

static void type_in(const char *s)
{
    ck_assert_int_eq(write(master, s, strlen(s)), (ssize_t)strlen(s));
}

/* A file with the text, as a redirected handle. */
static HANDLE redirected(const char *text, char *path)
{
    HANDLE h;
    int fd;

    strcpy(path, "/tmp/wsc_console_XXXXXX");
    ck_assert_int_ge(fd = mkstemp(path), 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ck_assert_ptr_ne(h, INVALID_HANDLE_VALUE);
    return h;
}

START_TEST(text_attributes)
{
    struct winsize ws = {30, 100, 0, 0};
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE out, file;
    char path[64];

    open_pty();
    out = open_console(GENERIC_READ | GENERIC_WRITE);
    ck_assert_int_eq(ioctl(master, TIOCSWINSZ, &ws), 0);
    ck_assert_int_eq(GetConsoleScreenBufferInfo(out, &info), TRUE);
    ck_assert_int_eq(info.dwSize.X, 100);
    ck_assert_int_eq(info.dwSize.Y, 30);
    ck_assert_int_eq(info.srWindow.Left, 0);
    ck_assert_int_eq(info.srWindow.Top, 0);
    ck_assert_int_eq(info.srWindow.Right, 99);
    ck_assert_int_eq(info.srWindow.Bottom, 29);
    ck_assert_int_eq(info.dwMaximumWindowSize.X, 100);
    ck_assert_uint_eq(info.wAttributes, FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE);

    ck_assert_int_eq(SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_INTENSITY), TRUE);
    expect_shown("\033[0;91;49m");
    ck_assert_int_eq(SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_GREEN |
                                                      FOREGROUND_BLUE | BACKGROUND_BLUE),
                     TRUE);
    expect_shown("\033[0;39;44m");
    ck_assert_int_eq(SetConsoleTextAttribute(out, FOREGROUND_GREEN | BACKGROUND_RED |
                                                      BACKGROUND_INTENSITY |
                                                      COMMON_LVB_UNDERSCORE),
                     TRUE);
    expect_shown("\033[0;32;101;4m");
    ck_assert_int_eq(GetConsoleScreenBufferInfo(out, &info), TRUE);
    ck_assert_uint_eq(info.wAttributes, FOREGROUND_GREEN | BACKGROUND_RED |
                                            BACKGROUND_INTENSITY | COMMON_LVB_UNDERSCORE);
    /* the console's default (grey on black) is the terminal's own */
    ck_assert_int_eq(SetConsoleTextAttribute(out, 7), TRUE);
    expect_shown("\033[0;39;49m");
    ERR(GetConsoleScreenBufferInfo(out, NULL), FALSE, ERROR_NOACCESS);

    /* redirected: no escapes written, no buffer to describe */
    file = redirected("", path);
    ck_assert_int_eq(SetConsoleTextAttribute(file, FOREGROUND_RED), TRUE);
    ck_assert_uint_eq(GetFileSize(file, NULL), 0);
    ERR(GetConsoleScreenBufferInfo(file, &info), FALSE, ERROR_INVALID_HANDLE);
    ERR(SetConsoleTextAttribute(NULL, FOREGROUND_RED), FALSE, ERROR_INVALID_HANDLE);
    ERR(GetConsoleScreenBufferInfo((HANDLE)(uintptr_t)0x12345678u, &info), FALSE,
        ERROR_INVALID_HANDLE);
    CloseHandle(file);
    unlink(path);
    CloseHandle(out);
}
END_TEST

START_TEST(console_modes)
{
    HANDLE in, out, file;
    struct termios t;
    char path[64];
    DWORD mode;

    open_pty();
    in = open_console(GENERIC_READ);
    out = open_console(GENERIC_READ | GENERIC_WRITE);
    ck_assert_int_eq(GetConsoleMode(in, &mode), TRUE);
    ck_assert_uint_eq(mode, 0x1F7); /* Windows' default input mode */
    ck_assert_int_eq(SetConsoleMode(in, mode & ~(DWORD)ENABLE_ECHO_INPUT), TRUE);
    ck_assert_int_eq(tcgetattr(slave, &t), 0);
    ck_assert(!(t.c_lflag & ECHO) && (t.c_lflag & ICANON) && (t.c_lflag & ISIG));
    ck_assert_int_eq(GetConsoleMode(in, &mode), TRUE);
    ck_assert_uint_eq(mode, 0x1F3);
    ERR(SetConsoleMode(in, ENABLE_ECHO_INPUT), FALSE, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(SetConsoleMode(in, ENABLE_PROCESSED_INPUT), TRUE);
    ck_assert_int_eq(tcgetattr(slave, &t), 0);
    ck_assert(!(t.c_lflag & (ECHO | ICANON)) && (t.c_lflag & ISIG));
    ck_assert_int_eq(GetConsoleMode(in, &mode), TRUE);
    ck_assert_uint_eq(mode, ENABLE_PROCESSED_INPUT);
    ck_assert_int_eq(SetConsoleMode(in, 0x1F7), TRUE);
    ck_assert_int_eq(tcgetattr(slave, &t), 0);
    ck_assert((t.c_lflag & (ECHO | ICANON | ISIG)) == (ECHO | ICANON | ISIG));

    ck_assert_int_eq(GetConsoleMode(out, &mode), TRUE);
    ck_assert_uint_eq(mode, ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT);
    ck_assert_int_eq(SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING), TRUE);
    ck_assert_int_eq(GetConsoleMode(out, &mode), TRUE);
    ck_assert_uint_eq(mode, 7);
    ERR(SetConsoleMode(out, 0x100), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GetConsoleMode(out, NULL), FALSE, ERROR_NOACCESS);

    file = redirected("", path);
    ERR(GetConsoleMode(file, &mode), FALSE, ERROR_INVALID_HANDLE);
    ERR(SetConsoleMode(file, 3), FALSE, ERROR_INVALID_HANDLE);
    ERR(FlushConsoleInputBuffer(file), FALSE, ERROR_INVALID_HANDLE);
    ERR(GetConsoleMode(NULL, &mode), FALSE, ERROR_INVALID_HANDLE);
    CloseHandle(file);
    unlink(path);
    CloseHandle(in);
    CloseHandle(out);
}
END_TEST

START_TEST(console_read)
{
    struct pollfd p;
    HANDLE in, file;
    char buf[64], path[64];
    wchar_t wbuf[64];
    DWORD n;

    open_pty();
    in = open_console(GENERIC_READ);
    /* a line as Windows' console gives it: "\r\n" */
    type_in("abc\n");
    ck_assert_int_eq(ReadConsoleA(in, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(memcmp(buf, "abc\r\n", 5), 0);
    type_in("h\xc3\xa9\n");
    ck_assert_int_eq(ReadConsoleW(in, wbuf, 64, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 4);
    ck_assert(!wmemcmp(wbuf, L"h\u00e9\r\n", 4));
    /* a line longer than the buffer comes in parts */
    type_in("abcdef\n");
    ck_assert_int_eq(ReadConsoleA(in, buf, 3, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(memcmp(buf, "ab", 2), 0);
    ck_assert_int_eq(ReadConsoleA(in, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(memcmp(buf, "cdef\r\n", 6), 0);
    /* without line input: the keys as they come */
    ck_assert_int_eq(SetConsoleMode(in, ENABLE_PROCESSED_INPUT), TRUE);
    type_in("x\n");
    ck_assert_int_eq(ReadConsoleA(in, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(memcmp(buf, "x\n", 2), 0);
    ck_assert_int_eq(SetConsoleMode(in, 0x1F7), TRUE);
    ck_assert_int_eq(ReadConsoleA(in, buf, 0, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 0);
    ERR(ReadConsoleA(NULL, buf, sizeof(buf), &n, NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(ReadConsoleA(in, NULL, 4, &n, NULL), FALSE, ERROR_NOACCESS);

    /* FlushConsoleInputBuffer drops what was typed */
    type_in("junk\n");
    p.fd = slave, p.events = POLLIN;
    ck_assert_int_eq(poll(&p, 1, 5000), 1);
    ck_assert_int_eq(FlushConsoleInputBuffer(in), TRUE);
    ck_assert_int_eq(poll(&p, 1, 0), 0);

    /* redirected input: the bytes as they are, a character never cut */
    file = redirected("hello\n\xc3\xa9z", path);
    ck_assert_int_eq(ReadConsoleA(file, buf, 6, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(memcmp(buf, "hello\n", 6), 0);
    ck_assert_int_eq(ReadConsoleW(file, wbuf, 1, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(wbuf[0], 0xE9);
    ck_assert_int_eq(ReadConsoleW(file, wbuf, 64, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(wbuf[0], 'z');
    ck_assert_int_eq(ReadConsoleA(file, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 0); /* the end */
    CloseHandle(file);
    unlink(path);
    CloseHandle(in);
}
END_TEST

START_TEST(title_and_code_pages)
{
    char self[PATH_MAX], buf[PATH_MAX];
    wchar_t wbuf[64];
    ssize_t k = readlink("/proc/self/exe", self, sizeof(self) - 1);

    ck_assert_int_gt(k, 0);
    self[k] = '\0';
    /* before any title, the program's path, as a console's first title */
    ck_assert_uint_eq(GetConsoleTitleA(buf, sizeof(buf)), (DWORD)k);
    ck_assert_str_eq(buf, self);
    ck_assert_int_eq(SetConsoleTitleA("wscompat test"), TRUE);
    ck_assert_uint_eq(GetConsoleTitleA(buf, sizeof(buf)), 13);
    ck_assert_str_eq(buf, "wscompat test");
    ERR(GetConsoleTitleA(buf, 13), 0, ERROR_SUCCESS);
    ck_assert_uint_eq(GetConsoleTitleW(wbuf, 64), 13);
    ck_assert(!wcscmp(wbuf, L"wscompat test"));
    ck_assert_int_eq(SetConsoleTitleW(L"w\u00e9"), TRUE);
    ck_assert_uint_eq(GetConsoleTitleA(buf, sizeof(buf)), 3);
    ck_assert_str_eq(buf, "w\xc3\xa9");
    ck_assert_uint_eq(GetConsoleTitleW(wbuf, 64), 2);
    ERR(GetConsoleTitleW(wbuf, 2), 0, ERROR_SUCCESS);
    ERR(SetConsoleTitleA(NULL), FALSE, ERROR_INVALID_PARAMETER);

    ck_assert_uint_eq(GetConsoleOutputCP(), CP_UTF8);
    ck_assert_uint_eq(GetConsoleCP(), CP_UTF8);
    ck_assert_int_eq(SetConsoleOutputCP(437), TRUE);
    ck_assert_uint_eq(GetConsoleOutputCP(), 437);
    ck_assert_uint_eq(GetConsoleCP(), CP_UTF8);
    ck_assert_int_eq(SetConsoleCP(1252), TRUE);
    ck_assert_uint_eq(GetConsoleCP(), 1252);
    ERR(SetConsoleOutputCP(0), FALSE, ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetConsoleOutputCP(), 437);
    ck_assert_int_eq(SetConsoleOutputCP(CP_UTF8), TRUE);
    ck_assert_uint_eq(GetConsoleOutputCP(), CP_UTF8);
    ck_assert_int_eq(Beep(750, 300), TRUE);
}
END_TEST

static void expect_file(const char *path, const char *want)
{
    char buf[128] = "";
    FILE *f = fopen(path, "r");
    size_t n;

    ck_assert_ptr_nonnull(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    ck_assert_str_eq(buf, want);
}

START_TEST(output_debug_string)
{
    char path[] = "/tmp/wsc_debug_XXXXXX", err[] = "/tmp/wsc_stderr_XXXXXX";
    int fd = mkstemp(path), efd = mkstemp(err), saved;

    ck_assert_int_ge(fd, 0);
    ck_assert_int_ge(efd, 0);
    unsetenv("WSCOMPAT_DEBUGSTRING");
    OutputDebugStringA("never\n");
    setenv("WSCOMPAT_DEBUGSTRING", path, 1);
    SetLastError(1234);
    OutputDebugStringA("one\n");
    OutputDebugStringW(L"t\u00e9\n");
    ck_assert_uint_eq(GetLastError(), 1234);
    setenv("WSCOMPAT_DEBUGSTRING", "0", 1);
    OutputDebugStringA("never\n");
    OutputDebugStringA(NULL);
    expect_file(path, "one\nt\xc3\xa9\n");
    /* 1: standard error */
    fflush(stderr);
    saved = dup(2);
    dup2(efd, 2);
    setenv("WSCOMPAT_DEBUGSTRING", "1", 1);
    OutputDebugStringA("to stderr");
    dup2(saved, 2);
    close(saved);
    expect_file(err, "to stderr");
    unsetenv("WSCOMPAT_DEBUGSTRING");
    close(fd);
    close(efd);
    unlink(path);
    unlink(err);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("win32_console");
    TCase *tc = tcase_create("win32_console");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, text_attributes);
    tcase_add_test(tc, console_modes);
    tcase_add_test(tc, console_read);
    tcase_add_test(tc, title_and_code_pages);
    tcase_add_test(tc, output_debug_string);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
