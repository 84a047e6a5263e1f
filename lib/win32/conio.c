/* <conio.h>: a key at a time from standard input, as the Windows console
 * gives it.  On a terminal each call turns off line editing and echo for
 * its own duration only, so the program's terminal is left as it was; on
 * a pipe or a file the bytes are read as they come. */
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include "conio.h"

static int pushed = -1; /* _ungetch's character */

/* Raw mode on a terminal standard input: 1 and the old settings in *old. */
static int raw_begin(struct termios *old)
{
    struct termios t;

    if (!isatty(0) || tcgetattr(0, old) < 0)
        return 0;
    t = *old;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &t);
    return 1;
}

static void raw_end(int raw, const struct termios *old)
{
    if (raw)
        tcsetattr(0, TCSANOW, old);
}

int wsc__kbhit(void)
{
    struct termios old;
    struct pollfd p = {0, POLLIN, 0};
    int raw, r;

    if (pushed >= 0)
        return 1;
    raw = raw_begin(&old);
    r = poll(&p, 1, 0);
    raw_end(raw, &old);
    return r > 0 && (p.revents & POLLIN) ? 1 : 0;
}

/* A byte of standard input (waiting for it), or EOF at its end. */
static int read_key(void)
{
    struct termios old;
    unsigned char c;
    ssize_t r;
    int raw;

    if (pushed >= 0) {
        r = pushed;
        pushed = -1;
        return (int)r;
    }
    raw = raw_begin(&old);
    r = read(0, &c, 1);
    raw_end(raw, &old);
    return r == 1 ? c : EOF;
}

int wsc__getch(void)
{
    return read_key();
}

int wsc__getche(void)
{
    int c = read_key();

    if (c != EOF)
        wsc__putch(c);
    return c;
}

int wsc__ungetch(int c)
{
    if (c == EOF || pushed >= 0)
        return EOF;
    pushed = c & 0xFF;
    return c;
}

/* Straight to standard output, after what stdio has buffered. */
static int out(const char *s, size_t n)
{
    ssize_t r;

    fflush(stdout);
    while (n) {
        if ((r = write(1, s, n)) <= 0)
            return -1;
        s += r;
        n -= (size_t)r;
    }
    return 0;
}

int wsc__putch(int c)
{
    char b = (char)c;

    return out(&b, 1) ? EOF : (c & 0xFF);
}

int wsc__cputs(const char *s)
{
    return out(s, strlen(s)) ? -1 : 0;
}

int wsc__cprintf(const char *fmt, ...)
{
    va_list ap;
    char small[512], *p = small;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(small) && (p = malloc((size_t)n + 1))) {
        va_start(ap, fmt);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (n < 0 || !p || out(p, (size_t)n))
        n = -1;
    if (p != small)
        free(p);
    return n;
}

/* ---- system's console commands -------------------------------------------
 * The two cmd.exe commands Windows programs give system() for the console
 * alone, which no Linux shell has: PAUSE (its prompt, then a key from
 * standard input; at its end it goes on, as cmd's does) and CLS (the
 * screen cleared on a terminal, a form feed elsewhere).  Anything else
 * is the shell's. */
static int is_command(const char *cmd, const char *name)
{
    size_t n = strlen(name);

    while (*cmd == ' ' || *cmd == '\t' || *cmd == '@')
        cmd++;
    if (strncasecmp(cmd, name, n) != 0)
        return 0;
    for (cmd += n; *cmd == ' ' || *cmd == '\t' || *cmd == '\r' || *cmd == '\n';)
        cmd++;
    return *cmd == '\0';
}

int wsc_system(const char *command)
{
    if (command && is_command(command, "pause")) {
        fputs("Press any key to continue . . . ", stdout);
        fflush(stdout);
        read_key();
        fputs("\n", stdout);
        fflush(stdout);
        return 0;
    }
    if (command && is_command(command, "cls")) {
        fputs(isatty(1) ? "\033[H\033[2J" : "\f", stdout);
        fflush(stdout);
        return 0;
    }
    return system(command);
}
