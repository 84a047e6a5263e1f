/* expected.txt: lines "ID key = value"; '#' starts a comment.  A file
 * loaded after it overrides rows with the same id and key.  Keys that
 * start with '@' say something about the row, not an observation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"

struct row {
    char id[16], key[48], value[96];
};

static struct row *rows;
static int nrows;

static char *trim(char *s)
{
    char *e;

    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
                     e[-1] == '\r'))
        *--e = 0;
    return s;
}

static struct row *find(const char *id, const char *key)
{
    int i;

    for (i = 0; i < nrows; i++)
        if (!strcmp(rows[i].id, id) && !strcmp(rows[i].key, key))
            return &rows[i];
    return NULL;
}

const char *ct_expect_value(const char *id, const char *key)
{
    struct row *r = find(id, key);

    return r ? r->value : NULL;
}

int ct_expect_load(const char *path)
{
    char line[256];
    FILE *f = fopen(path, "r");

    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f)) {
        char *s = trim(line), *eq, id[16], key[48];
        struct row *r;
        if (!*s || *s == '#')
            continue;
        eq = strchr(s, '=');
        if (!eq || sscanf(s, "%15s %47s", id, key) != 2)
            continue;
        r = find(id, key);
        if (!r) {
            r = realloc(rows, sizeof(*rows) * (size_t)(nrows + 1));
            if (!r)
                break;
            rows = r;
            r = &rows[nrows++];
            snprintf(r->id, sizeof(r->id), "%s", id);
            snprintf(r->key, sizeof(r->key), "%s", key);
        }
        snprintf(r->value, sizeof(r->value), "%s", trim(eq + 1));
    }
    fclose(f);
    return 0;
}

int ct_expect_has(const char *id)
{
    int i;

    for (i = 0; i < nrows; i++)
        if (!strcmp(rows[i].id, id))
            return 1;
    return 0;
}

static void add(char *diff, size_t len, const char *fmt, const char *a,
                const char *b, const char *c)
{
    size_t n = strlen(diff);

    if (n < len)
        snprintf(diff + n, len - n, fmt, a, b, c);
}

/* Calls fn for each difference between t's observations and the
 * expectations for t->id: (key, expected, observed), with NULL for the
 * side that is missing.  Returns the number of differences. */
static int each_difference(const ct *t,
                           void (*fn)(const char *key, const char *want,
                                      const char *got, void *arg),
                           void *arg)
{
    int i, j, n = 0;

    for (i = 0; i < nrows; i++) {
        if (strcmp(rows[i].id, t->id) || rows[i].key[0] == '@')
            continue;
        for (j = 0; j < t->nobs; j++)
            if (!strcmp(t->key[j], rows[i].key))
                break;
        if (j == t->nobs || strcmp(t->value[j], rows[i].value)) {
            fn(rows[i].key, rows[i].value, j == t->nobs ? NULL : t->value[j],
               arg);
            n++;
        }
    }
    for (j = 0; j < t->nobs; j++)
        if (!find(t->id, t->key[j])) {
            fn(t->key[j], NULL, t->value[j], arg);
            n++;
        }
    return n;
}

struct text {
    char *buf;
    size_t len;
};

static void describe(const char *key, const char *want, const char *got,
                     void *arg)
{
    struct text *d = arg;

    if (!got)
        add(d->buf, d->len, "%s: expected %s, not observed%s\n", key, want, "");
    else if (!want)
        add(d->buf, d->len, "%s = %s: observed, no expectation%s\n", key, got,
            "");
    else
        add(d->buf, d->len, "%s: Windows %s, observed %s\n", key, want, got);
}

int ct_expect_check(const ct *t, char *diff, size_t difflen)
{
    struct text d = { diff, difflen };
    int bad = 0;

    diff[0] = 0;
    if (t->failure[0]) {
        add(diff, difflen, "%s%s%s\n", t->failure, "", "");
        bad = 1;
    }
    if (each_difference(t, describe, &d))
        bad = 1;
    return bad ? -1 : 0;
}

/* Append "key=observed" (or "(none)") to a line of differences. */
static void add_pair(const char *key, const char *want, const char *got,
                     void *arg)
{
    struct text *d = arg;
    size_t n = strlen(d->buf);

    (void)want;
    if (n < d->len)
        snprintf(d->buf + n, d->len - n, "%s%s=%s", n ? "|" : "", key,
                 got ? got : "(none)");
}

void ct_expect_line(const ct *t, char *out, size_t len)
{
    char diffs[1024];
    struct text d = { diffs, sizeof(diffs) };

    diffs[0] = 0;
    if (t->failure[0]) {
        snprintf(out, len, "ROW %s fail setup=%s", t->id, t->failure);
        return;
    }
    if (each_difference(t, add_pair, &d))
        snprintf(out, len, "ROW %s fail %s", t->id, diffs);
    else
        snprintf(out, len, "ROW %s pass", t->id);
}
