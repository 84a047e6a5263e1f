/* The Windows truth, read from expected.txt, and the comparison of a
 * scenario's observations with it.  Shared by the check runner here and
 * the Windows runner in win32/. */
#ifndef CT_EXPECT_H
#define CT_EXPECT_H

#include "ct.h"

/* Loads the file (over any loaded before); 0 or -1. */
int ct_expect_load(const char *path);
/* The value of row "id key", or NULL. */
const char *ct_expect_value(const char *id, const char *key);
/* 1 when the file has rows for id. */
int ct_expect_has(const char *id);
/* Compares; returns 0 when every expected observation was made with its
 * value and nothing else was observed, else writes the differences. */
int ct_expect_check(const ct *t, char *diff, size_t difflen);

/* The result line every runner prints, on every platform:
 * "ROW id pass", or "ROW id fail key=observed|key=observed...", or
 * "ROW id fail setup=why".  (A runner adds "ROW id hang".) */
void ct_expect_line(const ct *t, char *out, size_t len);

#endif
