/* Observations and the scenario abort path. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "ct.h"

void ct_obs(ct *t, const char *key, const char *fmt, ...)
{
    va_list ap;

    if (t->nobs >= CT_MAX_OBS)
        return;
    snprintf(t->key[t->nobs], sizeof(t->key[0]), "%s", key);
    va_start(ap, fmt);
    vsnprintf(t->value[t->nobs], sizeof(t->value[0]), fmt, ap);
    va_end(ap);
    t->nobs++;
}

void ct_require(ct *t, int cond, const char *what)
{
    if (cond)
        return;
    snprintf(t->failure, sizeof(t->failure), "setup failed: %s", what);
    longjmp(t->abort, 1);
}

int ct_run(ct *t, const char *id, void (*fn)(ct *))
{
    memset(t, 0, sizeof(*t));
    t->id = id;
    if (setjmp(t->abort))
        return -1;
    fn(t);
    return 0;
}
