/* wsaerr: what a Windows socket error number means.
 *   wsaerr 10054 | WSAECONNRESET | ECONNRESET   one error
 *   wsaerr --list                               every one
 * Prints the number, the Windows name, the errno named like it and
 * Windows' message, from lib/engine/wsa_errors.def (the one table). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct wsa_error {
    int code;
    const char *name, *errno_name, *msg;
};

static const struct wsa_error table[] = {
#define WSC_ERROR(code, name, err, msg) { code, #name, #err, msg },
#include "wsa_errors.def"
#undef WSC_ERROR
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

static void show(const struct wsa_error *e)
{
    printf("%d %s (errno %s): %s\n", e->code, e->name,
           strcmp(e->errno_name, "0") ? e->errno_name : "none", e->msg);
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: wsaerr NUMBER|WSANAME|ERRNONAME...\n"
            "       wsaerr --list\n"
            "Print a Windows socket error: its number, its name, the errno\n"
            "named like it, and Windows' message.  Names are matched without\n"
            "regard to case; an errno name gives the WSA code named like it.\n"
            "  -l, --list      every WSA code wscompat knows\n"
            "  -h, --help      this help\n"
            "  -V, --version   the version\n"
            "Exit status: 0, or 1 when an argument names no WSA code.\n");
}

/* The entry an argument names, or NULL. */
static const struct wsa_error *lookup(const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    size_t i;

    for (i = 0; i < NTABLE; i++) {
        if ((*arg && !*end && table[i].code == n) ||
            !strcasecmp(arg, table[i].name))
            return &table[i];
    }
    /* An errno name: the WSA code named like it (10000 and up first). */
    for (i = 0; i < NTABLE; i++)
        if (table[i].code >= 10000 && !strcasecmp(arg, table[i].errno_name))
            return &table[i];
    for (i = 0; i < NTABLE; i++)
        if (!strcasecmp(arg, table[i].errno_name))
            return &table[i];
    return NULL;
}

int main(int argc, char **argv)
{
    const struct wsa_error *e;
    size_t i;
    int status = 0;

    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
        printf("wsaerr %s\n", VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "-l") || !strcmp(argv[1], "--list")) {
        for (i = 0; i < NTABLE; i++)
            show(&table[i]);
        return 0;
    }
    for (i = 1; i < (size_t)argc; i++) {
        e = lookup(argv[i]);
        if (e) {
            show(e);
        } else {
            fprintf(stderr, "wsaerr: %s: no such WSA code\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
