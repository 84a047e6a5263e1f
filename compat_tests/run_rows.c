/* The row runner, the same source on Linux and Windows: every scenario in
 * a process of its own, bounded in time, one result line each ("ROW id
 * pass|fail ...|hang"), compared with expected.txt (and, built with
 * CT_PORT, the POSIX-port overlay).  make matrix collects these lines
 * from every way in and from Wine into doc/behavior-matrix.md.
 *
 * Usage: run_rows, or run_rows --one ID to run one scenario in this
 * process (how the Windows side isolates them).  Environment: CT_EXPECTED
 * (default expected.txt in the current folder), CT_OVERLAY (optional). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ct.h"
#include "expect.h"
#include "scenario_list.h"
#include "platform.h"


static const struct {
    const char *id;
    void (*fn)(ct *);
} scenarios[] = {
#define SCENARIO(id) { #id, sc_##id },
#include CT_SCENARIOS
#undef SCENARIO
};

#define NSCEN (sizeof(scenarios) / sizeof(scenarios[0]))

/* A scenario takes under 3 s where it behaves; one that runs longer is
 * stuck in a call that Windows would have ended. */
#define CT_ROW_TIMEOUT_MS 10000

static int run_one_here(const char *id)
{
    static ct t;
    char line[1400];
    size_t i;

    for (i = 0; i < NSCEN; i++) {
        if (strcmp(scenarios[i].id, id))
            continue;
        ct_run(&t, id, scenarios[i].fn);
        ct_expect_line(&t, line, sizeof(line));
        printf("%s\n", line);
        fflush(stdout);
        return 0;
    }
    fprintf(stderr, "no scenario %s\n", id);
    return 2;
}

static int load(const char *path)
{
    if (ct_expect_load(path) == 0)
        return 0;
    fprintf(stderr, "cannot read %s\n", path);
    return -1;
}

int main(int argc, char **argv)
{
    const char *expected = getenv("CT_EXPECTED"), *overlay = getenv("CT_OVERLAY");
    char line[1400];
    size_t i;

    if (!expected)
        expected = "expected.txt";
    if (load(expected) < 0 || (overlay && *overlay && load(overlay) < 0))
        return 2;
    if (argc == 3 && !strcmp(argv[1], "--one"))
        return run_one_here(argv[2]);
    for (i = 0; i < NSCEN; i++) {
        ct_run_isolated(argv[0], scenarios[i].id, scenarios[i].fn,
                        CT_ROW_TIMEOUT_MS, line, sizeof(line));
        printf("%s\n", line);
        fflush(stdout);
    }
    return 0;
}
