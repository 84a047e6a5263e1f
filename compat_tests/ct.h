/* The scenario record: observations and the abort path.  Plain C, shared
 * by the runners and both platforms' harness code. */
#ifndef CT_CT_H
#define CT_CT_H

#include <setjmp.h>

#define CT_MAX_OBS 64

typedef struct ct {
    const char *id;
    int nobs;
    char key[CT_MAX_OBS][48];
    char value[CT_MAX_OBS][96];
    char failure[256];
    jmp_buf abort;
} ct;

/* Record key = value (printf-style). */
void ct_obs(ct *t, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Setup that must work for the scenario to mean anything; aborts the
 * scenario with a failure otherwise. */
void ct_require(ct *t, int cond, const char *what);
/* Run one scenario; 0 when it ran to the end, -1 when it was aborted. */
int ct_run(ct *t, const char *id, void (*fn)(ct *));

#endif
