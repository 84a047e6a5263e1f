/* Shared by the guard-page tests: caller buffers that run into a page the
 * process cannot touch, and a runner that calls each probe in a child of
 * its own, so that a crash is counted and named instead of ending the
 * run. */
#ifndef WSC_GUARD_H
#define WSC_GUARD_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* Room before the guard page: enough for any buffer placed whole. */
enum { GUARD_ARENA = 64 * 1024, GUARD_PAGE = 4096 };

static char *guard_page;
static int guard_prot;

/* prot: PROT_NONE (nothing may touch it) or PROT_READ (no writes). */
static inline void guard_init(int prot)
{
    char *m = mmap(NULL, GUARD_ARENA + GUARD_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (m == MAP_FAILED || mprotect(m + GUARD_ARENA, GUARD_PAGE, prot))
        abort();
    guard_page = m + GUARD_ARENA;
    guard_prot = prot;
}

/* A copy of what (len bytes) placed so that byte k is the first of the
 * guard page: the stated len runs into it.  On a read-only guard page the
 * whole copy is there to read; on the other, only the first k bytes. */
static inline void *at_guard(const void *what, size_t len, size_t k)
{
    char *p = guard_page - k;
    size_t n = guard_prot == PROT_READ ? len : k < len ? k : len;

    if (mprotect(guard_page, GUARD_PAGE, PROT_READ | PROT_WRITE))
        abort();
    memcpy(p, what, n < k + GUARD_PAGE ? n : k + GUARD_PAGE);
    if (mprotect(guard_page, GUARD_PAGE, guard_prot))
        abort();
    return p;
}

/* A probe: NULL when the call failed as Windows says, else why not. */
struct probe {
    const char *name;
    const char *(*run)(size_t k);
    size_t len;   /* the stated length of the buffer under test */
    size_t only;  /* if non-zero: the one placement to try */
    int writes;   /* the call writes the buffer: also try a read-only page */
};

static char why[256];

static inline const char *failf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof(why), fmt, ap);
    va_end(ap);
    return why;
}

/* The placements tried: nothing, one unit, half and all but one unit of
 * the buffer before the guard page, where a unit keeps the buffer as
 * aligned as its type (guessed from its size, at most 8). */
static inline size_t guard_ks(const struct probe *p, size_t *ks)
{
    size_t a = p->len & -p->len, n = 0, i, j, cand[4];

    if (a > 8)
        a = 8;
    cand[0] = 0;
    cand[1] = a;
    cand[2] = p->len / 2 / a * a;
    cand[3] = p->len - a;

    if (p->only) {
        ks[0] = p->only;
        return 1;
    }
    for (i = 0; i < 4; i++) {
        if (cand[i] >= p->len || cand[i] > GUARD_ARENA)
            continue;
        for (j = 0; j < n && ks[j] != cand[i]; j++)
            ;
        if (j == n)
            ks[n++] = cand[i];
    }
    return n;
}

struct guard_count {
    int probes, crashes, failures;
};

/* One probe with the buffer k bytes before a guard page of prot, in a
 * child: 0 passed, 1 failed, 2 crashed (or hung past its alarm). */
static inline int guard_one(const struct probe *p, size_t k, int prot,
                            const char *(*check_after)(void))
{
    pid_t pid;
    int st;

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        const char *msg;
        alarm(10);
        guard_init(prot);
        msg = p->run(k);
        if (!msg && check_after)
            msg = check_after();
        if (msg) {
            fprintf(stderr, "guard: %s (%zu of %zu bytes mapped%s): %s\n",
                    p->name, k, p->len,
                    prot == PROT_READ ? ", read-only page" : "", msg);
            _exit(1);
        }
        _exit(0);
    }
    if (pid < 0 || waitpid(pid, &st, 0) != pid)
        abort();
    if (WIFSIGNALED(st)) {
        fprintf(stderr, "guard: %s (%zu of %zu bytes mapped%s): CRASHED, "
                "signal %d\n", p->name, k, p->len,
                prot == PROT_READ ? ", read-only page" : "", WTERMSIG(st));
        return 2;
    }
    return WEXITSTATUS(st) != 0;
}

/* Every probe at every placement; prints and returns the counts. */
static inline struct guard_count guard_run(const char *what,
                                           const struct probe *ps, size_t n,
                                           const char *(*check_after)(void))
{
    struct guard_count c = { 0, 0, 0 };
    size_t i, j, ks[4], nk;
    int r, pass;

    for (i = 0; i < n; i++) {
        nk = guard_ks(&ps[i], ks);
        for (pass = 0; pass < 1 + ps[i].writes; pass++) {
            for (j = 0; j < nk; j++) {
                r = guard_one(&ps[i], ks[j], pass ? PROT_READ : PROT_NONE,
                              check_after);
                c.crashes += r == 2;
                c.failures += r == 1;
            }
        }
        c.probes++;
    }
    printf("%s: %d entry points probed, %d crashes, %d wrong results\n",
           what, c.probes, c.crashes, c.failures);
    fflush(stdout);
    return c;
}

#endif
