/* The check of the test programs that stand alone (no check framework):
 * a condition that fails is printed with its place and counted in
 * failures, which main returns. */
#ifndef WSC_PLAIN_CHECK_H
#define WSC_PLAIN_CHECK_H
#include <stdio.h>

static int failures;
#define CHECK(c)                                                            \
    do {                                                                    \
        if (!(c)) {                                                         \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #c);          \
            failures++;                                                     \
        }                                                                   \
    } while (0)

#endif
