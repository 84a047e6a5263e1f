/* The secure CRT from the C library's headers alone, as Microsoft's
 * declares it: a program that includes only <stdio.h>, <string.h>,
 * <stdlib.h> and <time.h> (or, in C++, <cstdio>, <cstring>, <cstdlib>
 * and <ctime>), with <winsock2.h> before them (ORDER 1), after them
 * (ORDER 2) or not at all (0), compiles with -Wall -Wextra -pedantic
 * -Werror and runs.  Its own macros of the same names, for a compiler
 * without them (#ifndef _MSC_VER), replace wscompat's without a warning,
 * defined before the headers or after. */
#ifndef _MSC_VER
#define _strrev(s) own_strrev(s) /* before the headers */
#endif
#if ORDER == 1
#include <winsock2.h>
#endif
#ifdef __cplusplus
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#else
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
#endif
#if ORDER == 2
#include <winsock2.h>
#endif
#include <errno.h>
#ifndef _MSC_VER
#define strnlen_s(s, n) own_strnlen(s, n) /* after them */
#endif

static int own_calls;
static char *own_strrev(char *s)
{
    own_calls++;
    return s;
}
static size_t own_strnlen(const char *s, size_t n)
{
    own_calls++;
    return strlen(s) < n ? strlen(s) : n;
}

#include "plain_check.h"

int main(void)
{
    char a[16], b[8], *tok, *ctx = NULL, line[] = "a b", *env = NULL;
    int x = 0;
    size_t envn = 9;
    FILE *f = NULL;
    time_t t = 0;
    struct tm tm;

    /* <stdio.h> */
    CHECK(sprintf_s(a, sizeof a, "%d", 42) == 2 && !strcmp(a, "42"));
    CHECK(_snprintf(a, sizeof a, "%s", "x") == 1);
    CHECK(sscanf_s("7 word", "%d %s", &x, b, (unsigned)sizeof b) == 2 && x == 7 &&
          !strcmp(b, "word"));
    CHECK(fopen_s(&f, "/nonexistent/wscompat", "r") == ENOENT && f == NULL);
    CHECK(fopen_s(NULL, "x", "r") == EINVAL);
    CHECK(printf_s("%s", "") == 0 && fprintf_s(stdout, "%s", "") == 0);
    /* <string.h> */
    CHECK(strcpy_s(a, sizeof a, "abc") == 0 && strcat_s(a, sizeof a, "d") == 0);
    CHECK(memcpy_s(b, sizeof b, "xyz", 4) == 0 && !strcmp(b, "xyz"));
    CHECK(memmove_s(b, 2, "xyz", 4) == ERANGE);
    tok = strtok_s(line, " ", &ctx);
    CHECK(tok && !strcmp(tok, "a"));
    CHECK(strerror_s(a, sizeof a, ENOENT) == 0 && a[0] != 0);
    CHECK(_strupr_s(b, sizeof b) == 0 && !strcmp(b, "XYZ"));
#ifdef __cplusplus
    /* The C++ forms that take the array's size (Microsoft's templates). */
    CHECK(strcpy_s(a, "abc") == 0 && strcat_s(a, "d") == 0 &&
          !strcmp(a, "abcd"));
    CHECK(strcpy_s(b, "longer than b") == ERANGE && b[0] == 0);
    CHECK(strncpy_s(a, "hello world", 5) == 0 && !strcmp(a, "hello"));
    CHECK(sprintf_s(a, "%d-%s", 42, "x") == 4 && !strcmp(a, "42-x"));
    CHECK(_snprintf_s(b, _TRUNCATE, "%s", "too long") == -1 &&
          !strcmp(b, "too lon"));
    CHECK(_itoa_s(255, a, 16) == 0 && !strcmp(a, "ff"));
    CHECK(strerror_s(a, ENOENT) == 0 && a[0] != 0);
    CHECK(strcpy_s(b, "MiX") == 0 && _strupr_s(b) == 0 && !strcmp(b, "MIX"));
    {
        time_t zero = 0;
        char tb[32];

        CHECK(ctime_s(tb, &zero) == 0 && strlen(tb) == 25);
    }
#endif
    /* <stdlib.h> */
    CHECK(_itoa_s(-5, a, sizeof a, 10) == 0 && !strcmp(a, "-5"));
    CHECK(_i64toa_s(1LL << 40, a, sizeof a, 16) == 0 && !strcmp(a, "10000000000"));
    CHECK(_ltoa_s(7, a, sizeof a, 2) == 0 && !strcmp(a, "111"));
    CHECK(_dupenv_s(&env, &envn, "WSCOMPAT_NO_SUCH_VARIABLE") == 0 && !env && !envn);
    free(env);
    /* <time.h> */
    CHECK(gmtime_s(&tm, &t) == 0 && tm.tm_year == 70);
    CHECK(localtime_s(&tm, &t) == 0);
    CHECK(asctime_s(a, sizeof a, &tm) == EINVAL && a[0] == 0); /* 16 < 26 */
    {
        char c[26];
        CHECK(ctime_s(c, sizeof c, &t) == 0 && strlen(c) == 25);
    }
    /* of a stated width */
    {
        __time64_t t64 = 86400;
        __time32_t t32 = 0;
        char c[26];

        CHECK(sizeof(__time32_t) == 4 && sizeof(__time64_t) == 8);
        CHECK(_gmtime64_s(&tm, &t64) == 0 && tm.tm_mday == 2);
        CHECK(_localtime32_s(&tm, NULL) == EINVAL);
        CHECK(_ctime32_s(c, sizeof c, &t32) == 0 && strlen(c) == 25);
        CHECK(_mkgmtime64(_gmtime64(&t64)) == 86400);
        CHECK(_difftime64(t64, 0) == 86400.0);
        CHECK(_time64(&t64) == t64 && t64 > 1600000000);
    }
    /* the program's own, by its macros */
    CHECK(_strrev(a) == a && strnlen_s("abc", 2) == 2 && own_calls == 2);
    if (failures)
        return 1;
    puts("ok");
    return 0;
}
