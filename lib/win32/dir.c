/* Directories: CreateDirectory, RemoveDirectory, the current directory,
 * the temporary one and GetTempFileName.
 * Paths go through wsc_w32_path ('\\' is '/'); an answer that does not
 * fit the caller's buffer is the size it needs, with its NUL, as
 * GetCurrentDirectory and GetTempPath answer. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "handle.h"

/* A UTF-8 string into an A or W caller's buffer of size characters: its
 * length without the NUL, or, when it does not fit, the size it needs
 * with the NUL, the buffer untouched. */
static DWORD answer(const char *u, void *buf, DWORD size, int wide)
{
    size_t n = strlen(u);
    int w;

    if (!buf && size) {
        wsc_w32_set_error(ERROR_NOACCESS);
        return 0;
    }
    if (!wide) {
        if (n + 1 > size)
            return (DWORD)(n + 1);
        memcpy(buf, u, n + 1);
        return (DWORD)n;
    }
    w = wsc_MultiByteToWideChar(CP_UTF8, 0, u, -1, NULL, 0);
    if (w <= 0)
        return 0;
    if ((DWORD)w > size)
        return (DWORD)w;
    wsc_MultiByteToWideChar(CP_UTF8, 0, u, -1, buf, w);
    return (DWORD)w - 1;
}

/* ---- CreateDirectory, RemoveDirectory ------------------------------------ */
/* An existing name, file or directory, is ERROR_ALREADY_EXISTS; a missing
 * parent ERROR_PATH_NOT_FOUND. */
BOOL wsc_CreateDirectoryA(LPCSTR name, LPSECURITY_ATTRIBUTES sa)
{
    char path[PATH_MAX];

    (void)sa;
    if (!wsc_w32_path(name, path))
        return FALSE;
    if (mkdir(path, 0777) == 0)
        return TRUE;
    if (errno == EEXIST)
        return wsc_w32_fail(ERROR_ALREADY_EXISTS);
    if (errno == ENOENT)
        return wsc_w32_fail(ERROR_PATH_NOT_FOUND);
    return wsc_w32_fail_path(path);
}

BOOL wsc_CreateDirectoryW(LPCWSTR name, LPSECURITY_ATTRIBUTES sa)
{
    WSC_W32_VIA_UTF8(name, BOOL, FALSE, wsc_CreateDirectoryA(u_, sa));
}

/* A failed call on a directory: a file where it should be is
 * ERROR_DIRECTORY ("The directory name is invalid"), as on Windows. */
static BOOL fail_dir(const char *path)
{
    struct stat st;
    int err = errno;

    if (err == ENOTDIR && stat(path, &st) == 0)
        return wsc_w32_fail(ERROR_DIRECTORY);
    errno = err;
    return wsc_w32_fail_path(path);
}

/* One with entries is ERROR_DIR_NOT_EMPTY. */
BOOL wsc_RemoveDirectoryA(LPCSTR name)
{
    char path[PATH_MAX];

    if (!wsc_w32_path(name, path))
        return FALSE;
    return rmdir(path) == 0 ? TRUE : fail_dir(path);
}

BOOL wsc_RemoveDirectoryW(LPCWSTR name)
{
    WSC_W32_VIA_UTF8(name, BOOL, FALSE, wsc_RemoveDirectoryA(u_));
}

/* ---- the current directory ------------------------------------------------ */
static DWORD current_directory(DWORD size, void *buf, int wide)
{
    char cwd[PATH_MAX];

    if (!getcwd(cwd, sizeof(cwd))) {
        wsc_w32_set_error(wsc_w32_from_errno(errno));
        return 0;
    }
    return answer(cwd, buf, size, wide);
}

DWORD wsc_GetCurrentDirectoryA(DWORD size, LPSTR buffer)
{
    return current_directory(size, buffer, 0);
}

DWORD wsc_GetCurrentDirectoryW(DWORD size, LPWSTR buffer)
{
    return current_directory(size, buffer, 1);
}

BOOL wsc_SetCurrentDirectoryA(LPCSTR name)
{
    char path[PATH_MAX];

    if (!wsc_w32_path(name, path))
        return FALSE;
    return chdir(path) == 0 ? TRUE : fail_dir(path);
}

BOOL wsc_SetCurrentDirectoryW(LPCWSTR name)
{
    WSC_W32_VIA_UTF8(name, BOOL, FALSE, wsc_SetCurrentDirectoryA(u_));
}

/* ---- the temporary directory ---------------------------------------------- */
/* TMPDIR (Linux's TMP and TEMP), else /tmp, always ending in a separator,
 * as Windows' answer ends in '\\'. */
static DWORD temp_path(DWORD size, void *buf, int wide)
{
    const char *dir = getenv("TMPDIR");
    char path[PATH_MAX];
    size_t n;

    if (!dir || !*dir || strlen(dir) >= sizeof(path) - 1)
        dir = "/tmp";
    n = strlen(dir);
    memcpy(path, dir, n + 1);
    if (path[n - 1] != '/')
        path[n++] = '/', path[n] = '\0';
    return answer(path, buf, size, wide);
}

DWORD wsc_GetTempPathA(DWORD size, LPSTR buffer)
{
    return temp_path(size, buffer, 0);
}

DWORD wsc_GetTempPathW(DWORD size, LPWSTR buffer)
{
    return temp_path(size, buffer, 1);
}

/* Windows' name: the directory, up to three characters of the prefix, the
 * number in hex (four digits at most), ".tmp".  Number 0: the first free
 * one from a value of the clock, and the file is created (empty); else the
 * name only.  The buffer is MAX_PATH characters; 0 on failure, a missing
 * directory ERROR_DIRECTORY. */
static UINT temp_file_name(const char *dir, const char *prefix, UINT unique,
                           char *out)
{
    char path[PATH_MAX];
    const char *sep;
    struct stat st;
    size_t n;
    UINT start, tries;
    int fd;

    if (!wsc_w32_path(dir, path) || !prefix) {
        if (!prefix)
            wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!(n = strlen(path)))
        memcpy(path, ".", 2), n = 1;
    sep = path[n - 1] == '/' ? "" : "/";
    if (unique) { /* the low 16 bits name it; the number comes back */
        if (snprintf(out, MAX_PATH, "%s%s%.3s%X.tmp", path, sep, prefix,
                     unique & 0xFFFF) >= MAX_PATH) {
            wsc_w32_set_error(ERROR_BUFFER_OVERFLOW);
            return 0;
        }
        return unique;
    }
    if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
        wsc_w32_set_error(ERROR_DIRECTORY);
        return 0;
    }
    start = (UINT)(wsc_w32_now_ms() & 0xFFFF);
    for (tries = 0; tries < 0x10000; tries++) {
        unique = ((start + tries) & 0xFFFF) ? (start + tries) & 0xFFFF : 1;
        if (snprintf(out, MAX_PATH, "%s%s%.3s%X.tmp", path, sep, prefix, unique) >= MAX_PATH) {
            wsc_w32_set_error(ERROR_BUFFER_OVERFLOW);
            return 0;
        }
        if ((fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0) {
            close(fd);
            return unique;
        }
        if (errno != EEXIST) {
            wsc_w32_fail_path(out);
            return 0;
        }
    }
    wsc_w32_set_error(ERROR_FILE_EXISTS);
    return 0;
}

UINT wsc_GetTempFileNameA(LPCSTR path, LPCSTR prefix, UINT unique, LPSTR name)
{
    if (!name) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return temp_file_name(path, prefix, unique, name);
}

UINT wsc_GetTempFileNameW(LPCWSTR path, LPCWSTR prefix, UINT unique, LPWSTR name)
{
    int b1, b2;
    char *dir = wsc_w32_utf8(path, &b1), *pre = wsc_w32_utf8(prefix, &b2);
    char out[MAX_PATH * 4];
    UINT r = 0;

    if (b1 || b2)
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    else if (!name)
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
    else if ((r = temp_file_name(dir, pre, unique, out)))
        wsc_MultiByteToWideChar(CP_UTF8, 0, out, -1, name, MAX_PATH);
    free(dir);
    free(pre);
    return r;
}
