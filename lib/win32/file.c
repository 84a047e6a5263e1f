/* Files as handles: CreateFile, synchronous ReadFile/WriteFile, sizes and
 * the file pointer, DeleteFile, GetFileAttributes; errno becomes the Win32
 * code.  Every path a Win32 call takes goes through wsc_w32_path. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "handle.h"
#include "w32async.h"

static BOOL fail_errno(void)
{
    return wsc_w32_fail((int)wsc_w32_from_errno(errno));
}

/* ---- Windows paths ------------------------------------------------------ */
/* '\' is a separator, as '/' is; a drive ("C:") has no meaning here and
 * is left as it is. */
char *wsc_w32_path(const char *path, char *buf)
{
    size_t i;

    if (!path) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    for (i = 0; path[i]; i++) {
        if (i == PATH_MAX - 1) {
            wsc_w32_set_error(ERROR_FILENAME_EXCED_RANGE);
            return NULL;
        }
        buf[i] = path[i] == '\\' ? '/' : path[i];
    }
    buf[i] = '\0';
    return buf;
}

/* Windows tells a missing file (ERROR_FILE_NOT_FOUND) from a missing
 * directory on the way to it (ERROR_PATH_NOT_FOUND); Linux says ENOENT
 * for both. */
BOOL wsc_w32_fail_path(const char *path)
{
    char dir[PATH_MAX];
    struct stat st;
    int err = errno;
    size_t n = strlen(path);

    while (n > 1 && path[n - 1] == '/') /* "a/" is a */
        n--;
    while (n > 0 && path[n - 1] != '/')
        n--;
    if (err == ENOENT && n > 1) {
        memcpy(dir, path, n - 1);
        dir[n - 1] = '\0';
        if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
            return wsc_w32_fail(ERROR_PATH_NOT_FOUND);
    }
    return wsc_w32_fail((int)wsc_w32_from_errno(err));
}

static int open_flags(DWORD access, DWORD disposition, DWORD flags)
{
    int rw = (access & GENERIC_WRITE) ? ((access & GENERIC_READ) ? O_RDWR : O_WRONLY)
                                      : O_RDONLY;

    (void)flags; /* FILE_FLAG_OVERLAPPED is accepted; I/O stays synchronous */
    switch (disposition) {
    case CREATE_NEW: return rw | O_CREAT | O_EXCL;
    case CREATE_ALWAYS: return rw | O_CREAT | O_TRUNC;
    case OPEN_EXISTING: return rw;
    case OPEN_ALWAYS: return rw | O_CREAT;
    case TRUNCATE_EXISTING: return rw | O_TRUNC;
    default: return -1;
    }
}

/* Opens the file; *existed tells CREATE_ALWAYS and OPEN_ALWAYS apart. */
static int open_file(const char *name, int oflags, int *existed)
{
    int fd;

    *existed = 0;
    if (!(oflags & O_CREAT) || (oflags & O_EXCL))
        return open(name, oflags | O_CLOEXEC, 0666);
    fd = open(name, (oflags & ~O_TRUNC) | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
        return fd;
    *existed = 1;
    return open(name, (oflags & ~O_CREAT) | O_CLOEXEC);
}

static HANDLE file_handle(int fd, int borrowed)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_FILE);

    if (!o) {
        if (!borrowed)
            close(fd);
        return INVALID_HANDLE_VALUE;
    }
    o->u.file.fd = fd;
    o->u.file.borrowed = borrowed;
    return wsc_w32_handle_new(o);
}

HANDLE wsc_w32_file_adopt(int fd)
{
    return file_handle(fd, 0);
}

HANDLE wsc_w32_file_borrow(int fd)
{
    HANDLE h = file_handle(fd, 1);
    return h ? h : INVALID_HANDLE_VALUE;
}

HANDLE wsc_CreateFileA(LPCSTR name, DWORD access, DWORD share,
                       LPSECURITY_ATTRIBUTES sa, DWORD disposition,
                       DWORD flags, HANDLE template_file)
{
    int oflags = open_flags(access, disposition, flags), existed, fd;
    char path[PATH_MAX];
    HANDLE h;

    (void)share, (void)sa, (void)template_file;
    if (wsc_w32_is_mailslot(name))
        return wsc_w32_mailslot_open(name);
    if (!name || oflags < 0 ||
        (disposition == TRUNCATE_EXISTING && !(access & GENERIC_WRITE))) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (!wsc_w32_path(name, path))
        return INVALID_HANDLE_VALUE;
    if ((fd = open_file(path, oflags, &existed)) < 0) {
        wsc_w32_fail_path(path);
        return INVALID_HANDLE_VALUE;
    }
    if (!(h = file_handle(fd, 0)))
        return INVALID_HANDLE_VALUE;
    wsc_w32_set_error(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
}

HANDLE wsc_CreateFileW(LPCWSTR name, DWORD access, DWORD share,
                       LPSECURITY_ATTRIBUTES sa, DWORD disposition,
                       DWORD flags, HANDLE template_file)
{
    WSC_W32_VIA_UTF8(name, HANDLE, INVALID_HANDLE_VALUE,
                     wsc_CreateFileA(u_, access, share, sa, disposition, flags,
                                     template_file));
}

/* The descriptor of a file handle, with a reference, or NULL. */
static struct w32_obj *file_get(HANDLE h)
{
    return wsc_w32_get(h, W32_FILE);
}

int wsc_w32_file_dup(HANDLE h)
{
    struct w32_obj *o = file_get(h);
    int fd;

    if (!o)
        return -1;
    fd = fcntl(o->u.file.fd, F_DUPFD_CLOEXEC, 0);
    wsc_w32_put(o);
    return fd;
}

BOOL wsc_w32_file_write(HANDLE h, const void *buf, size_t n, size_t *done)
{
    struct w32_obj *o = file_get(h);
    ssize_t r = 0;

    *done = 0;
    if (!o)
        return FALSE;
    while (*done < n) {
        r = write(o->u.file.fd, (const char *)buf + *done, n - *done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        *done += (size_t)r;
    }
    if (r < 0)
        fail_errno();
    wsc_w32_put(o);
    return r >= 0;
}

BOOL wsc_WriteFile(HANDLE file, LPCVOID buffer, DWORD size, LPDWORD done,
                   LPOVERLAPPED ov)
{
    size_t n = 0;
    BOOL ok;

    if (ov)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (!buffer && size)
        return wsc_w32_fail(ERROR_NOACCESS);
    ok = wsc_w32_file_write(file, buffer, size, &n);
    if (done)
        *done = (DWORD)n;
    return ok;
}

/* At the end of the file: TRUE with 0 bytes read, as on Windows. */
BOOL wsc_ReadFile(HANDLE file, LPVOID buffer, DWORD size, LPDWORD done,
                  LPOVERLAPPED ov)
{
    struct w32_obj *o;
    ssize_t r;

    if (done)
        *done = 0;
    if (ov)
        return wsc_w32_fail(ERROR_INVALID_PARAMETER);
    if (!buffer && size)
        return wsc_w32_fail(ERROR_NOACCESS);
    if (!(o = file_get(file)))
        return FALSE;
    if (o->u.file.slot == W32_SLOT_SERVER) {
        DWORD n = 0;
        BOOL ok = wsc_w32_mailslot_read(o, buffer, size, &n);
        if (done)
            *done = n;
        wsc_w32_put(o);
        return ok;
    }
    while ((r = read(o->u.file.fd, buffer, size)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        fail_errno();
    else if (done)
        *done = (DWORD)r;
    wsc_w32_put(o);
    return r >= 0;
}

/* The file's size, or -1 with the last error set. */
static int64_t file_size(HANDLE file)
{
    struct w32_obj *o = file_get(file);
    struct stat st;
    int r;

    if (!o)
        return -1;
    if ((r = fstat(o->u.file.fd, &st)) < 0)
        fail_errno();
    wsc_w32_put(o);
    return r < 0 ? -1 : (int64_t)st.st_size;
}

/* INVALID_FILE_SIZE is also a valid low part: the last error tells. */
DWORD wsc_GetFileSize(HANDLE file, LPDWORD high)
{
    int64_t n = file_size(file);

    if (n < 0)
        return INVALID_FILE_SIZE;
    if (high)
        *high = (DWORD)((uint64_t)n >> 32);
    wsc_w32_set_error(ERROR_SUCCESS);
    return (DWORD)n;
}

BOOL wsc_GetFileSizeEx(HANDLE file, PLARGE_INTEGER size)
{
    int64_t n = file_size(file);

    if (n < 0)
        return FALSE;
    if (!size)
        return wsc_w32_fail(ERROR_NOACCESS);
    size->QuadPart = n;
    return TRUE;
}

FILETIME wsc_w32_filetime(struct timespec t)
{
    uint64_t v = (uint64_t)t.tv_sec * 10000000u + (uint64_t)t.tv_nsec / 100u +
                 116444736000000000ULL;
    FILETIME ft = {(DWORD)v, (DWORD)(v >> 32)};

    return ft;
}

BOOL wsc_GetFileInformationByHandle(HANDLE file, LPBY_HANDLE_FILE_INFORMATION info)
{
    struct w32_obj *o = file_get(file);
    struct stat st;
    int r;

    if (!o)
        return FALSE;
    r = fstat(o->u.file.fd, &st);
    wsc_w32_put(o);
    if (r < 0)
        return fail_errno();
    if (!info)
        return wsc_w32_fail(ERROR_NOACCESS);
    memset(info, 0, sizeof(*info));
    info->dwFileAttributes = wsc_w32_attributes(&st);
    info->ftCreationTime = wsc_w32_filetime(st.st_ctim);
    info->ftLastAccessTime = wsc_w32_filetime(st.st_atim);
    info->ftLastWriteTime = wsc_w32_filetime(st.st_mtim);
    info->dwVolumeSerialNumber = (DWORD)st.st_dev;
    info->nFileSizeHigh = (DWORD)((uint64_t)st.st_size >> 32);
    info->nFileSizeLow = (DWORD)st.st_size;
    info->nNumberOfLinks = (DWORD)st.st_nlink;
    info->nFileIndexHigh = (DWORD)((uint64_t)st.st_ino >> 32);
    info->nFileIndexLow = (DWORD)st.st_ino;
    return TRUE;
}

/* Moves the pointer; the new position, or -1 with the last error set. */
static int64_t seek(HANDLE file, int64_t distance, DWORD method)
{
    static const int whence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
    struct w32_obj *o;
    off_t r;

    if (method > FILE_END) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return -1;
    }
    if (!(o = file_get(file)))
        return -1;
    r = lseek(o->u.file.fd, (off_t)distance, whence[method]);
    if (r < 0)
        wsc_w32_set_error(errno == EINVAL ? ERROR_NEGATIVE_SEEK
                                          : (int)wsc_w32_from_errno(errno));
    wsc_w32_put(o);
    return r;
}

DWORD wsc_SetFilePointer(HANDLE file, LONG distance, PLONG high, DWORD method)
{
    int64_t d = high ? (int64_t)(((uint64_t)(uint32_t)*high << 32) | (uint32_t)distance)
                     : distance;
    int64_t r = seek(file, d, method);

    if (r < 0)
        return INVALID_SET_FILE_POINTER;
    if (high)
        *high = (LONG)(r >> 32);
    wsc_w32_set_error(ERROR_SUCCESS);
    return (DWORD)r;
}

BOOL wsc_SetFilePointerEx(HANDLE file, LARGE_INTEGER distance,
                          PLARGE_INTEGER position, DWORD method)
{
    int64_t r = seek(file, distance.QuadPart, method);

    if (r < 0)
        return FALSE;
    if (position)
        position->QuadPart = r;
    return TRUE;
}

BOOL wsc_SetEndOfFile(HANDLE file)
{
    struct w32_obj *o = file_get(file);
    off_t at;
    int r = -1;

    if (!o)
        return FALSE;
    if ((at = lseek(o->u.file.fd, 0, SEEK_CUR)) >= 0)
        r = ftruncate(o->u.file.fd, at);
    if (r < 0)
        fail_errno();
    wsc_w32_put(o);
    return r == 0;
}

BOOL wsc_FlushFileBuffers(HANDLE file)
{
    struct w32_obj *o = file_get(file);
    int r;

    if (!o)
        return FALSE;
    /* a terminal or pipe has nothing to flush: Windows says no error */
    if ((r = fsync(o->u.file.fd)) < 0 && errno == EINVAL)
        r = 0;
    if (r < 0)
        fail_errno();
    wsc_w32_put(o);
    return r == 0;
}

BOOL wsc_DeleteFileA(LPCSTR name)
{
    char path[PATH_MAX];

    if (!wsc_w32_path(name, path))
        return FALSE;
    return unlink(path) == 0 ? TRUE : wsc_w32_fail_path(path);
}

BOOL wsc_DeleteFileW(LPCWSTR name)
{
    WSC_W32_VIA_UTF8(name, BOOL, FALSE, wsc_DeleteFileA(u_));
}

/* Windows' attributes for what stat says: a directory, or a file, read-only
 * when nobody may write it, else ARCHIVE (what a new file on Windows has,
 * and what Wine answers). */
DWORD wsc_w32_attributes(const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return FILE_ATTRIBUTE_DIRECTORY;
    return (st->st_mode & 0222) ? FILE_ATTRIBUTE_ARCHIVE : FILE_ATTRIBUTE_READONLY;
}

DWORD wsc_GetFileAttributesA(LPCSTR name)
{
    char path[PATH_MAX];
    struct stat st;

    if (!wsc_w32_path(name, path))
        return INVALID_FILE_ATTRIBUTES;
    if (stat(path, &st) < 0) {
        wsc_w32_fail_path(path);
        return INVALID_FILE_ATTRIBUTES;
    }
    return wsc_w32_attributes(&st);
}

DWORD wsc_GetFileAttributesW(LPCWSTR name)
{
    WSC_W32_VIA_UTF8(name, DWORD, INVALID_FILE_ATTRIBUTES, wsc_GetFileAttributesA(u_));
}

/* ---- shlwapi's PathFindFileName and PathFindExtension ---------------------
 * As Windows': the file name is what follows the last '\\', '/' or ':'
 * that something other than a separator follows ("a\\b\\" is "b\\"); the
 * extension is the last '.' of that name with no space after it, or the
 * name's end.  Pointers into the path given. */
#define DEFINE_PATH_FIND(suffix, T)                                        \
    T *wsc_PathFindFileName##suffix(const T *path)                         \
    {                                                                      \
        const T *last = path;                                              \
        if (!path)                                                         \
            return NULL;                                                   \
        for (; *path; path++)                                              \
            if ((*path == '\\' || *path == '/' || *path == ':') &&         \
                path[1] && path[1] != '\\' && path[1] != '/')              \
                last = path + 1;                                           \
        return (T *)last;                                                  \
    }                                                                      \
    T *wsc_PathFindExtension##suffix(const T *path)                        \
    {                                                                      \
        const T *dot = NULL;                                               \
        if (!path)                                                         \
            return NULL;                                                   \
        for (; *path; path++) {                                            \
            if (*path == '\\' || *path == ' ')                             \
                dot = NULL;                                                \
            else if (*path == '.')                                         \
                dot = path;                                                \
        }                                                                  \
        return (T *)(dot ? dot : path);                                    \
    }
DEFINE_PATH_FIND(A, char)
DEFINE_PATH_FIND(W, wchar_t)
