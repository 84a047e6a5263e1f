/* Directories: CreateDirectory, RemoveDirectory, the current directory,
 * the temporary one and GetTempFileName, and FindFirstFile's searches.
 * Paths go through wsc_w32_path ('\\' is '/'); an answer that does not
 * fit the caller's buffer is the size it needs, with its NUL, as
 * GetCurrentDirectory and GetTempPath answer. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "handle.h"
#include "direct.h"

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

/* ---- FindFirstFile, FindNextFile, FindClose -------------------------------
 * The last component may hold '*' (any run, dots too) and '?' (one
 * character), compared without case as Windows does; "*.*" is every name
 * and a final ".*" also matches a name without a dot.  The entries are
 * read at FindFirstFile, "." and ".." first, then the others in the order
 * of their upper-case names (NTFS's); a search that matches nothing is
 * ERROR_FILE_NOT_FOUND, a missing directory ERROR_PATH_NOT_FOUND, the end
 * ERROR_NO_MORE_FILES.  A search handle is not a kernel handle: only
 * FindClose ends it. */
struct find {
    struct find *next; /* the open searches */
    size_t n, at;
    struct find_entry {
        char *name;
        struct stat st;
    } *e;
};

static pthread_mutex_t finds_lock = PTHREAD_MUTEX_INITIALIZER;
static struct find *finds;

static int fold(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int match(const char *p, const char *s)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            while (p[1] == '*')
                p++;
            if (!p[1])
                return 1;
            for (; *s; s++)
                if (match(p + 1, s))
                    return 1;
            return match(p + 1, s);
        }
        if (*p == '.' && p[1] == '*' && !p[2] && !*s)
            return 1; /* "name.*" is also "name" */
        if (!*s || (*p != '?' && fold((unsigned char)*p) != fold((unsigned char)*s)))
            return 0;
    }
    return !*s;
}

static int entry_order(const void *a, const void *b)
{
    const char *x = ((const struct find_entry *)a)->name;
    const char *y = ((const struct find_entry *)b)->name;
    int dx = !strcmp(x, ".") ? 0 : !strcmp(x, "..") ? 1 : 2;
    int dy = !strcmp(y, ".") ? 0 : !strcmp(y, "..") ? 1 : 2;

    if (dx != dy || dx < 2)
        return dx - dy;
    for (; *x && fold((unsigned char)*x) == fold((unsigned char)*y); x++, y++)
        ;
    return fold((unsigned char)*x) - fold((unsigned char)*y);
}

static void find_free(struct find *f)
{
    size_t i;

    for (i = 0; i < f->n; i++)
        free(f->e[i].name);
    free(f->e);
    free(f);
}

/* The entries of dir that match pat; NULL with the last error set. */
static struct find *find_read(const char *dir, const char *pat)
{
    struct find *f = calloc(1, sizeof(*f));
    struct find_entry *e;
    struct dirent *d;
    size_t cap = 0;
    DIR *dp;
    int fd;

    if (!f) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (!(dp = opendir(dir))) {
        if (errno == ENOENT || errno == ENOTDIR)
            wsc_w32_set_error(ERROR_PATH_NOT_FOUND);
        else
            wsc_w32_set_error(wsc_w32_from_errno(errno));
        free(f);
        return NULL;
    }
    fd = dirfd(dp);
    while ((d = readdir(dp))) {
        if (!match(pat, d->d_name) ||
            (!strcmp(dir, "/") && (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))))
            continue; /* a drive's root has neither */
        if (f->n == cap) {
            cap = cap ? cap * 2 : 16;
            if (!(e = realloc(f->e, cap * sizeof(*e))))
                break;
            f->e = e;
        }
        e = &f->e[f->n];
        if (!(e->name = strdup(d->d_name)))
            break;
        /* a link is what it names; a dangling one is itself */
        if (fstatat(fd, d->d_name, &e->st, 0) < 0 &&
            fstatat(fd, d->d_name, &e->st, AT_SYMLINK_NOFOLLOW) < 0) {
            free(e->name);
            continue;
        }
        f->n++;
    }
    closedir(dp);
    if (d) {
        find_free(f);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (!f->n) {
        find_free(f);
        wsc_w32_set_error(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    qsort(f->e, f->n, sizeof(*f->e), entry_order);
    return f;
}

/* The entry into the caller's record (the name cut at MAX_PATH - 1). */
static void find_fill(const struct find_entry *e, void *data, int wide)
{
    WIN32_FIND_DATAA *a = data;
    WIN32_FIND_DATAW *w = data;
    DWORD attr = wsc_w32_attributes(&e->st);
    uint64_t size = S_ISDIR(e->st.st_mode) ? 0 : (uint64_t)e->st.st_size;
    FILETIME c = wsc_w32_filetime(e->st.st_ctim);
    FILETIME at = wsc_w32_filetime(e->st.st_atim);
    FILETIME m = wsc_w32_filetime(e->st.st_mtim);

    if (wide) {
        memset(w, 0, sizeof(*w));
        w->dwFileAttributes = attr;
        w->ftCreationTime = c, w->ftLastAccessTime = at, w->ftLastWriteTime = m;
        w->nFileSizeHigh = (DWORD)(size >> 32), w->nFileSizeLow = (DWORD)size;
        if (!wsc_MultiByteToWideChar(CP_UTF8, 0, e->name, -1, w->cFileName, MAX_PATH))
            w->cFileName[MAX_PATH - 1] = 0;
    } else {
        memset(a, 0, sizeof(*a));
        a->dwFileAttributes = attr;
        a->ftCreationTime = c, a->ftLastAccessTime = at, a->ftLastWriteTime = m;
        a->nFileSizeHigh = (DWORD)(size >> 32), a->nFileSizeLow = (DWORD)size;
        snprintf(a->cFileName, MAX_PATH, "%s", e->name);
    }
}

static HANDLE find_first(LPCSTR pattern, void *data, int wide)
{
    char path[PATH_MAX], *slash;
    const char *dir = ".", *pat = path;
    struct find *f;

    if (!wsc_w32_path(pattern, path))
        return INVALID_HANDLE_VALUE;
    if (!data) {
        wsc_w32_set_error(ERROR_NOACCESS);
        return INVALID_HANDLE_VALUE;
    }
    if ((slash = strrchr(path, '/'))) {
        *slash = '\0';
        dir = slash == path ? "/" : path;
        pat = slash + 1;
    }
    if (!*pat) { /* "dir\\": Windows finds nothing to match */
        wsc_w32_set_error(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    if (!strcmp(pat, "*.*"))
        pat = "*";
    if (!(f = find_read(dir, pat)))
        return INVALID_HANDLE_VALUE;
    find_fill(&f->e[f->at++], data, wide);
    pthread_mutex_lock(&finds_lock);
    f->next = finds;
    finds = f;
    pthread_mutex_unlock(&finds_lock);
    return (HANDLE)f;
}

HANDLE wsc_FindFirstFileA(LPCSTR pattern, LPWIN32_FIND_DATAA data)
{
    return find_first(pattern, data, 0);
}

HANDLE wsc_FindFirstFileW(LPCWSTR pattern, LPWIN32_FIND_DATAW data)
{
    WSC_W32_VIA_UTF8(pattern, HANDLE, INVALID_HANDLE_VALUE, find_first(u_, data, 1));
}

/* Under finds_lock: the open search h is, or NULL. */
static struct find **find_of(HANDLE h)
{
    struct find **p;

    for (p = &finds; *p; p = &(*p)->next)
        if ((HANDLE)*p == h)
            return p;
    return NULL;
}

static BOOL find_next(HANDLE h, void *data, int wide)
{
    struct find **p;
    BOOL ok = TRUE;

    pthread_mutex_lock(&finds_lock);
    if (!(p = find_of(h)))
        ok = wsc_w32_fail(ERROR_INVALID_HANDLE);
    else if (!data)
        ok = wsc_w32_fail(ERROR_NOACCESS);
    else if ((*p)->at == (*p)->n)
        ok = wsc_w32_fail(ERROR_NO_MORE_FILES);
    else
        find_fill(&(*p)->e[(*p)->at++], data, wide);
    pthread_mutex_unlock(&finds_lock);
    return ok;
}

BOOL wsc_FindNextFileA(HANDLE find, LPWIN32_FIND_DATAA data)
{
    return find_next(find, data, 0);
}

BOOL wsc_FindNextFileW(HANDLE find, LPWIN32_FIND_DATAW data)
{
    return find_next(find, data, 1);
}

BOOL wsc_FindClose(HANDLE find)
{
    struct find **p, *f = NULL;

    pthread_mutex_lock(&finds_lock);
    if ((p = find_of(find))) {
        f = *p;
        *p = f->next;
    }
    pthread_mutex_unlock(&finds_lock);
    if (!f)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    find_free(f);
    return TRUE;
}

/* ---- <direct.h> ------------------------------------------------------------
 * The CRT's forms: 0, or -1 with errno (Linux's, which has the CRT's
 * names); a path too long is ENAMETOOLONG. */
static int crt_path(const char *path, char *buf)
{
    if (!path) {
        errno = EINVAL;
        return -1;
    }
    if (!wsc_w32_path(path, buf)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

/* A wide path in UTF-8, as the W functions take it; -1 with errno. */
static int crt_wpath(const wchar_t *path, char *buf)
{
    char u[PATH_MAX];

    if (!path) {
        errno = EINVAL;
        return -1;
    }
    if (wsc_WideCharToMultiByte(CP_UTF8, 0, path, -1, u, sizeof(u), NULL,
                                NULL) <= 0) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return crt_path(u, buf);
}

static int mkdir_crt(const char *path)
{
    return mkdir(path, 0777);
}

/* op on a narrow or a wide path, after crt_path: 0, or -1 with errno. */
static int on_path(const char *path, int (*op)(const char *))
{
    char p[PATH_MAX];

    return crt_path(path, p) < 0 ? -1 : op(p);
}

static int on_wpath(const wchar_t *path, int (*op)(const char *))
{
    char p[PATH_MAX];

    return crt_wpath(path, p) < 0 ? -1 : op(p);
}

int wsc__mkdir(const char *path) { return on_path(path, mkdir_crt); }
int wsc__rmdir(const char *path) { return on_path(path, rmdir); }
int wsc__chdir(const char *path) { return on_path(path, chdir); }
int wsc__wmkdir(const wchar_t *path) { return on_wpath(path, mkdir_crt); }
int wsc__wrmdir(const wchar_t *path) { return on_wpath(path, rmdir); }
int wsc__wchdir(const wchar_t *path) { return on_wpath(path, chdir); }

/* A NULL buffer is one malloc'ed, of size bytes or more (the CRT's rule;
 * free it with free). */
char *wsc__getcwd(char *buf, int size)
{
    if (size <= 0 && buf) {
        errno = EINVAL;
        return NULL;
    }
    return getcwd(buf, buf ? (size_t)size : 0);
}

wchar_t *wsc__wgetcwd(wchar_t *buf, int size)
{
    char u[PATH_MAX];
    int n;

    if (!getcwd(u, sizeof(u)))
        return NULL;
    n = wsc_MultiByteToWideChar(CP_UTF8, 0, u, -1, NULL, 0);
    if (n <= 0) {
        errno = EILSEQ;
        return NULL;
    }
    if (!buf) {
        if (!(buf = malloc((size_t)(n > size ? n : size) * sizeof(*buf))))
            return NULL;
    } else if (n > size) {
        errno = ERANGE;
        return NULL;
    }
    wsc_MultiByteToWideChar(CP_UTF8, 0, u, -1, buf, n);
    return buf;
}

/* One drive, C: (3): the file system's root. */
int wsc__getdrive(void)
{
    return 3;
}

int wsc__chdrive(int drive)
{
    if (drive == 3)
        return 0;
    errno = EACCES;
    return -1;
}
