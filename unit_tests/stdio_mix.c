/* Narrow and wide output share a stream, as on Windows: printf after
 * wprintf, fputws and putwchar after printf, on stdout and on a file, in
 * either order, with the wide %s of Microsoft's formats.  Built as C and
 * as C++, where <iostream> and <cwchar> come after <winsock2.h> (libstdc++
 * #undefs the wide names there: glibc's wprintf then read %s as narrow
 * and made stdout wide, and the narrow output after it was lost). */
#ifndef UNICODE
#define UNICODE
#endif
#include <winsock2.h>
#ifdef __cplusplus
#include <iostream>
#include <cwchar>
#include <cstdio>
#else
#include <wchar.h>
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plain_check.h"

/* What f holds, from its start (n bytes at most). */
static size_t contents(FILE *f, char *buf, size_t n)
{
    size_t got;

    fflush(f);
    rewind(f);
    got = fread(buf, 1, n - 1, f);
    buf[got] = 0;
    return got;
}

static void on_a_file(void)
{
    FILE *f = tmpfile();
    char buf[256];

    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(fwprintf(f, L"%s|", L"wide") == 5);
    CHECK(fprintf(f, "narrow|") == 7);
    CHECK(fputws(L"fputws|", f) >= 0);
    CHECK(fputwc(L'c', f) == L'c');
    CHECK(putwc(L'd', f) == L'd');
    CHECK(fprintf(f, "%d|", 5) == 2);
    CHECK(fwprintf(f, L"%hs|%ls", "hs", L"ls") == 5);
#ifdef __cplusplus
    CHECK(std::fwprintf(f, L"|%s", L"std") == 4);
#endif
    contents(f, buf, sizeof buf);
#ifdef __cplusplus
    CHECK(!strcmp(buf, "wide|narrow|fputws|cd5|hs|ls|std"));
#else
    CHECK(!strcmp(buf, "wide|narrow|fputws|cd5|hs|ls"));
#endif
    fclose(f);

    /* A stream something made wide takes narrow output too. */
    f = tmpfile();
    CHECK(f && fwide(f, 1) > 0);
    if (!f)
        return;
    CHECK(fprintf(f, "n%d", 1) == 2);
    CHECK(fwprintf(f, L"%s", L"w") == 1);
    CHECK(fputws(L"s", f) >= 0);
    {
        wchar_t w[16];

        fflush(f);
        rewind(f);
        CHECK(fgetws(w, 16, f) && !wcscmp(w, L"n1ws"));
    }
    fclose(f);
}

static void on_stdout(void)
{
    int p[2], saved = dup(1);
    char buf[256];
    ssize_t n;

    CHECK(saved >= 0 && pipe(p) == 0);
    fflush(stdout);
    dup2(p[1], 1);
    wprintf(L"Connected %s.\n", L"wide");
    printf("Bytes received: %d\n", 3);
    _putws(L"putws");
    putwchar(L'P');
    printf("%s\n", "end");
    fflush(stdout);
    dup2(saved, 1);
    close(p[1]);
    n = read(p[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    close(p[0]);
    close(saved);
    CHECK(!strcmp(buf, "Connected wide.\nBytes received: 3\nputws\nPend\n"));
}

int main(void)
{
    on_a_file();
    on_stdout();
    printf(failures ? "stdio_mix: %d failed\n" : "stdio_mix: ok\n", failures);
    return failures ? 1 : 0;
}
