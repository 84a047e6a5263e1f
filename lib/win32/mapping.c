/* File mappings: of a file (its descriptor), of the page file (a memfd, or
 * for a named one the file in /dev/shm the user's processes share,
 * shared.c), and their views.  A view keeps its mapping alive, as on
 * Windows: the name lasts while a handle or a view does. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "handle.h"

#define GRANULARITY 65536u /* GetSystemInfo's dwAllocationGranularity */

/* ---- views ------------------------------------------------------------- */
struct view {
    char *addr;
    size_t len;
    struct w32_obj *mapping; /* a reference */
    struct view *next;
};

static pthread_mutex_t views_lock = PTHREAD_MUTEX_INITIALIZER;
static struct view *views;

/* Under views_lock: the view holding addr. */
static struct view **view_at(const void *addr)
{
    struct view **v;

    for (v = &views; *v; v = &(*v)->next)
        if ((const char *)addr >= (*v)->addr &&
            (const char *)addr < (*v)->addr + (*v)->len)
            return v;
    return NULL;
}

/* ---- mapping objects ----------------------------------------------------- */
static int writable(DWORD protect)
{
    return protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE;
}

static int valid_protect(DWORD protect)
{
    switch (protect) {
    case PAGE_READONLY: case PAGE_READWRITE: case PAGE_WRITECOPY:
    case PAGE_EXECUTE_READ: case PAGE_EXECUTE_READWRITE:
    case PAGE_EXECUTE_WRITECOPY:
        return 1;
    default:
        return 0;
    }
}

static struct w32_obj *mapping_new(int fd, DWORD protect, uint64_t size,
                                   uint64_t base)
{
    struct w32_obj *o = wsc_w32_obj_new(W32_MAPPING);

    if (!o) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    o->u.mapping.fd = fd;
    o->u.mapping.protect = protect;
    o->u.mapping.size = size;
    o->u.mapping.base = base;
    return o;
}

/* A file handle's mapping: its own copy of the descriptor (the file handle
 * may be closed first); the file grows to a larger size if writable. */
static struct w32_obj *file_mapping(HANDLE file, DWORD protect, uint64_t size)
{
    struct w32_obj *f;
    struct stat st;
    int fd = -1;

    wsc_w32_lock();
    if ((f = wsc_w32_find(file, W32_FILE)))
        fd = fcntl(f->u.file.fd, F_DUPFD_CLOEXEC, 0);
    wsc_w32_unlock();
    if (!f || fd < 0 || fstat(fd, &st) < 0) {
        if (fd >= 0)
            close(fd);
        wsc_w32_set_error(f ? wsc_w32_from_errno(errno) : ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (size == 0 && (size = (uint64_t)st.st_size) == 0) {
        close(fd);
        wsc_w32_set_error(ERROR_FILE_INVALID);
        return NULL;
    }
    if (size > (uint64_t)st.st_size &&
        (!writable(protect) || ftruncate(fd, (off_t)size) < 0)) {
        close(fd);
        wsc_w32_set_error(writable(protect) ? wsc_w32_from_errno(errno)
                                            : ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return mapping_new(fd, protect, size, 0);
}

/* An unnamed page-file mapping. */
static struct w32_obj *anon_mapping(DWORD protect, uint64_t size)
{
    int fd = memfd_create("wsc-mapping", MFD_CLOEXEC);

    if (fd < 0 || ftruncate(fd, (off_t)size) < 0) {
        wsc_w32_set_error(errno == EFBIG || errno == ENOSPC || errno == EINVAL
                              ? ERROR_NOT_ENOUGH_MEMORY
                              : wsc_w32_from_errno(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    return mapping_new(fd, protect, size, 0);
}

/* The shared named page-file mapping (made if create and none is), bound
 * to a new object; *existed when some process has it already. */
static struct w32_obj *shared_mapping(const char *name, int create,
                                      DWORD protect, uint64_t size,
                                      int *existed)
{
    struct w32_shared *s;
    struct w32_obj *o;
    uint64_t base;
    DWORD err;

    if (!(s = wsc_w32_shared_attach(name, W32_MAPPING, create, size, NULL,
                                    NULL, existed, &err))) {
        /* Without /dev/shm the name is the process's. */
        if (err == ERROR_NOT_SUPPORTED && create)
            return anon_mapping(protect, size);
        wsc_w32_set_error(err == ERROR_NOT_SUPPORTED ? ERROR_FILE_NOT_FOUND : err);
        return NULL;
    }
    if (!(o = mapping_new(-1, protect, 0, 0))) {
        wsc_w32_shared_detach(s);
        return NULL;
    }
    o->shared = s;
    o->u.mapping.fd = wsc_w32_shared_fd(s, &o->u.mapping.size, &base);
    o->u.mapping.base = base;
    return o;
}

/* A handle for o, registered under name (NULL: none); last error 0, or
 * ERROR_ALREADY_EXISTS when existed.  A name this process gave another
 * object first wins: its mapping, or ERROR_INVALID_HANDLE. */
static HANDLE named_mapping_handle(struct w32_obj *o, const char *name,
                                   int existed, DWORD access)
{
    struct w32_obj *had;
    HANDLE h;
    int err;

    if (name && ((had = wsc_w32_name_claim(name, o, &err)) || err)) {
        wsc_w32_put(o);
        if (!had) {
            wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        if (had->type != W32_MAPPING) {
            wsc_w32_put(had);
            wsc_w32_set_error(ERROR_INVALID_HANDLE);
            return NULL;
        }
        o = had, existed = 1;
    }
    if ((h = wsc_w32_handle_new_access(o, access)))
        wsc_w32_set_error(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
}

/* A name this process already has: its mapping, or NULL (and *found when
 * it names another kind of object). */
static struct w32_obj *local_mapping(const char *name, int *found)
{
    struct w32_obj *o = wsc_w32_name_find(name);

    *found = o != NULL;
    if (o && o->type != W32_MAPPING) {
        wsc_w32_put(o);
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return o;
}

static HANDLE create_mapping(HANDLE file, DWORD protect, uint64_t size,
                             const char *name)
{
    struct w32_obj *o;
    int existed = 0, found;

    protect &= 0xFF; /* the SEC_ flags change nothing here */
    if (!valid_protect(protect) || (file == INVALID_HANDLE_VALUE && size == 0)) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (name && (o = local_mapping(name, &found)))
        return named_mapping_handle(o, NULL, 1, 0xFFFFFFFFu);
    if (name && found)
        return NULL;
    if (file != INVALID_HANDLE_VALUE)
        o = file_mapping(file, protect, size);
    else if (name)
        o = shared_mapping(name, 1, protect, size, &existed);
    else
        o = anon_mapping(protect, size);
    return o ? named_mapping_handle(o, name, existed, 0xFFFFFFFFu) : NULL;
}

HANDLE wsc_CreateFileMappingA(HANDLE file, LPSECURITY_ATTRIBUTES sa,
                              DWORD protect, DWORD size_high, DWORD size_low,
                              LPCSTR name)
{
    (void)sa;
    return create_mapping(file, protect, (uint64_t)size_high << 32 | size_low,
                          name);
}

/* A wide name's UTF-8; *nomem when it cannot be made. */
static char *name_utf8(LPCWSTR name, int *nomem)
{
    int bad = 0;
    char *u = wsc_w32_utf8(name, &bad);

    *nomem = bad;
    if (bad)
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    return u;
}

HANDLE wsc_CreateFileMappingW(HANDLE file, LPSECURITY_ATTRIBUTES sa,
                              DWORD protect, DWORD size_high, DWORD size_low,
                              LPCWSTR name)
{
    int nomem;
    char *u = name_utf8(name, &nomem);
    HANDLE h = nomem ? NULL
                     : wsc_CreateFileMappingA(file, sa, protect, size_high,
                                              size_low, u);

    free(u);
    return h;
}

/* The handle has the access asked for: a view beyond it is
 * ERROR_ACCESS_DENIED. */
HANDLE wsc_OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    struct w32_obj *o;
    int found, existed;

    (void)inherit;
    if (!name) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if ((o = local_mapping(name, &found)) || found)
        return o ? named_mapping_handle(o, NULL, 0, access) : NULL;
    if (!(o = shared_mapping(name, 0, PAGE_READWRITE, 0, &existed)))
        return NULL;
    return named_mapping_handle(o, name, 0, access);
}

HANDLE wsc_OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
    int nomem;
    char *u = name_utf8(name, &nomem);
    HANDLE h = nomem ? NULL : wsc_OpenFileMappingA(access, inherit, u);

    free(u);
    return h;
}

/* ---- MapViewOfFile ------------------------------------------------------- */
/* mmap's protection and flags for a view's access; 0 if the mapping or the
 * handle does not allow it. */
static int view_prot(DWORD access, DWORD protect, DWORD handle_access,
                     int *flags)
{
    int prot = PROT_READ;

    *flags = MAP_SHARED;
    if ((access & ~handle_access & (FILE_MAP_WRITE | FILE_MAP_READ | FILE_MAP_COPY |
                                    FILE_MAP_EXECUTE)))
        return 0;
    /* FILE_MAP_ALL_ACCESS has the copy bit too: a write view wins. */
    if (access & FILE_MAP_WRITE) {
        if (!writable(protect))
            return 0;
        prot |= PROT_WRITE;
    } else if (access & FILE_MAP_COPY) {
        *flags = MAP_PRIVATE, prot |= PROT_WRITE;
    }
    if (access & FILE_MAP_EXECUTE)
        prot |= PROT_EXEC;
    return prot;
}

static LPVOID map_view(struct w32_obj *o, DWORD handle_access, DWORD access,
                       uint64_t offset, SIZE_T bytes, LPVOID base)
{
    struct view *v;
    int flags, prot = view_prot(access, o->u.mapping.protect, handle_access, &flags);
    void *p;

    if (offset % GRANULARITY) {
        wsc_w32_set_error(ERROR_MAPPED_ALIGNMENT);
        return NULL;
    }
    if (!prot || offset >= o->u.mapping.size ||
        (bytes && bytes > o->u.mapping.size - offset)) {
        wsc_w32_set_error(ERROR_ACCESS_DENIED);
        return NULL;
    }
    if (!bytes)
        bytes = (SIZE_T)(o->u.mapping.size - offset);
    if (!(v = malloc(sizeof(*v)))) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    p = mmap(base, bytes, prot, flags | (base ? MAP_FIXED_NOREPLACE : 0),
             o->u.mapping.fd, (off_t)(o->u.mapping.base + offset));
    if (p == MAP_FAILED || (base && p != base)) {
        if (p != MAP_FAILED)
            munmap(p, bytes);
        free(v);
        wsc_w32_set_error(base ? ERROR_INVALID_ADDRESS : ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    v->addr = p;
    v->len = bytes;
    v->mapping = wsc_w32_ref(o);
    pthread_mutex_lock(&views_lock);
    v->next = views;
    views = v;
    pthread_mutex_unlock(&views_lock);
    return p;
}

LPVOID wsc_MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD offset_high,
                           DWORD offset_low, SIZE_T bytes, LPVOID base)
{
    struct w32_obj *o;
    DWORD handle_access = 0;
    LPVOID p;

    wsc_w32_lock();
    if ((o = wsc_w32_find_access(mapping, W32_MAPPING, &handle_access)))
        wsc_w32_ref(o);
    wsc_w32_unlock();
    if (!o) {
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    p = map_view(o, handle_access, access,
                 (uint64_t)offset_high << 32 | offset_low, bytes, base);
    wsc_w32_put(o);
    return p;
}

LPVOID wsc_MapViewOfFile(HANDLE mapping, DWORD access, DWORD offset_high,
                         DWORD offset_low, SIZE_T bytes)
{
    return wsc_MapViewOfFileEx(mapping, access, offset_high, offset_low, bytes,
                               NULL);
}

BOOL wsc_UnmapViewOfFile(LPCVOID base)
{
    struct view **at, *v = NULL;

    pthread_mutex_lock(&views_lock);
    if (base && (at = view_at(base))) {
        v = *at;
        *at = v->next;
    }
    pthread_mutex_unlock(&views_lock);
    if (!v)
        return wsc_w32_fail(ERROR_INVALID_ADDRESS);
    munmap(v->addr, v->len);
    wsc_w32_put(v->mapping);
    free(v);
    return TRUE;
}

/* bytes 0: to the end of the view. */
BOOL wsc_FlushViewOfFile(LPCVOID base, SIZE_T bytes)
{
    struct view **at = NULL;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), start, end;
    int r = -1;

    pthread_mutex_lock(&views_lock);
    if (base && (at = view_at(base))) {
        end = (uintptr_t)(*at)->addr + (*at)->len;
        if (bytes && (uintptr_t)base + bytes < end)
            end = (uintptr_t)base + bytes;
        start = (uintptr_t)base & ~(page - 1);
        r = msync((void *)start, end - start, MS_SYNC);
    }
    pthread_mutex_unlock(&views_lock);
    if (r < 0)
        return wsc_w32_fail(at ? (int)wsc_w32_from_errno(errno) : ERROR_INVALID_ADDRESS);
    return TRUE;
}
