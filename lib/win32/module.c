/* Modules, as a program finds a function at run time: LoadLibrary of
 * the system's DLLs (ws2_32, mswsock, kernel32, ...) gives a module
 * handle, GetProcAddress the function of that name from the lists of the
 * Winsock API and the Win32 baseline, whichever DLL Windows has it in.
 * No other library can be loaded: there are no DLLs here. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "handle.h"
#include "w32async.h"

/* The DLLs whose functions the two lists hold. */
static const char *const dlls[] = {
    "ws2_32", "wsock32", "mswsock", "kernel32", "kernelbase", "user32",
    "iphlpapi", "ntdll", "advapi32", "msvcrt", "ucrtbase",
};
#define NDLLS (sizeof(dlls) / sizeof(dlls[0]))
/* GetModuleHandle(NULL): the program itself. */
static const char program_module = 0;

static const struct wsc_w32_proc *procs;
static size_t nprocs;

void wsc_w32_set_procs(const struct wsc_w32_proc *table, size_t n)
{
    procs = table;
    nprocs = n;
}

/* The DLL a name means (a path, any case, ".dll" or not), or -1. */
static int dll_index(const char *name)
{
    const char *base = name, *p;
    size_t i, n;

    for (p = name; *p; p++)
        if (*p == '\\' || *p == '/')
            base = p + 1;
    n = strlen(base);
    if (n > 4 && !strcasecmp(base + n - 4, ".dll"))
        n -= 4;
    for (i = 0; i < NDLLS; i++)
        if (strlen(dlls[i]) == n && !strncasecmp(base, dlls[i], n))
            return (int)i;
    return -1;
}

static HMODULE module_named(LPCSTR name)
{
    int i;

    if (!name) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if ((i = dll_index(name)) < 0) {
        wsc_w32_set_error(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    return (HMODULE)(uintptr_t)&dlls[i];
}

static HMODULE module_named_w(LPCWSTR name, HMODULE (*fn)(LPCSTR))
{
    int bad;
    char *u;
    HMODULE m;

    if (!name)
        return fn(NULL);
    if (!(u = wsc_w32_utf8(name, &bad)) || bad) {
        free(u);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    m = fn(u);
    free(u);
    return m;
}

HMODULE wsc_LoadLibraryA(LPCSTR name)
{
    return module_named(name);
}

HMODULE wsc_LoadLibraryW(LPCWSTR name)
{
    return module_named_w(name, wsc_LoadLibraryA);
}

HMODULE wsc_LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
    (void)file, (void)flags;
    return module_named(name);
}

HMODULE wsc_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
    (void)file, (void)flags;
    return module_named_w(name, wsc_LoadLibraryA);
}

HMODULE wsc_GetModuleHandleA(LPCSTR name)
{
    return name ? module_named(name)
                : (HMODULE)(uintptr_t)&program_module;
}

HMODULE wsc_GetModuleHandleW(LPCWSTR name)
{
    return name ? module_named_w(name, wsc_GetModuleHandleA)
                : (HMODULE)(uintptr_t)&program_module;
}

static int is_module(HMODULE m)
{
    uintptr_t a = (uintptr_t)m, first = (uintptr_t)&dlls[0];

    return m == (HMODULE)(uintptr_t)&program_module ||
           (a >= first && a < first + sizeof(dlls) &&
            (a - first) % sizeof(dlls[0]) == 0);
}

/* A name below 0x10000 is an ordinal, which no function here has; the
 * program exports nothing. */
FARPROC wsc_GetProcAddress(HMODULE module, LPCSTR name)
{
    size_t i;

    if (!is_module(module)) {
        wsc_w32_set_error(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    if ((uintptr_t)name >= 0x10000 &&
        module != (HMODULE)(uintptr_t)&program_module)
        for (i = 0; i < nprocs; i++)
            if (!strcmp(procs[i].name, name))
                return (FARPROC)procs[i].fn;
    wsc_w32_set_error(ERROR_PROC_NOT_FOUND);
    return NULL;
}

BOOL wsc_FreeLibrary(HMODULE module)
{
    if (!is_module(module))
        return wsc_w32_fail(ERROR_MOD_NOT_FOUND);
    return TRUE;
}

/* ---- GetModuleFileName ----------------------------------------------------
 * The program (NULL, or GetModuleHandle(NULL)) is /proc/self/exe; a system
 * DLL is the library its functions are in (libwscompat, or the program
 * when it is linked in).  As Microsoft documents: the length without the
 * NUL; a name that does not fit is cut to size - 1 characters and a NUL,
 * and the answer is size, with ERROR_INSUFFICIENT_BUFFER. */
static int module_path(HMODULE module, char *path)
{
    Dl_info info;
    ssize_t n;

    if (module && module != (HMODULE)(uintptr_t)&program_module &&
        dladdr((void *)(uintptr_t)wsc_GetModuleFileNameA, &info) &&
        info.dli_fname && info.dli_fname[0] == '/' &&
        realpath(info.dli_fname, path))
        return 0;
    if ((n = readlink("/proc/self/exe", path, PATH_MAX - 1)) < 0)
        return -1;
    path[n] = '\0';
    return 0;
}

static DWORD module_file_name(HMODULE module, void *buf, DWORD size, int wide)
{
    char path[PATH_MAX];
    wchar_t wpath[PATH_MAX], *w = buf;
    char *a = buf;
    size_t n;
    int len;

    if (module && !is_module(module)) {
        wsc_w32_set_error(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    if (module_path(module, path) < 0) {
        wsc_w32_set_error(wsc_w32_from_errno(errno));
        return 0;
    }
    if (!buf && size) {
        wsc_w32_set_error(ERROR_NOACCESS);
        return 0;
    }
    if (wide) {
        len = wsc_MultiByteToWideChar(CP_UTF8, 0, path, -1, wpath, PATH_MAX) - 1;
        if (len < 0)
            len = 0, wpath[0] = 0;
        n = (size_t)len < size ? (size_t)len : size ? size - 1 : 0;
        if (size) {
            memcpy(w, wpath, n * sizeof(wchar_t));
            w[n] = 0;
        }
    } else {
        len = (int)strlen(path);
        n = (size_t)len < size ? (size_t)len : size ? size - 1 : 0;
        if (size) {
            memcpy(a, path, n);
            a[n] = '\0';
        }
    }
    if ((size_t)len >= size) {
        wsc_w32_set_error(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    wsc_w32_set_error(ERROR_SUCCESS);
    return (DWORD)len;
}

DWORD wsc_GetModuleFileNameA(HMODULE module, LPSTR name, DWORD size)
{
    return module_file_name(module, name, size, 0);
}

DWORD wsc_GetModuleFileNameW(HMODULE module, LPWSTR name, DWORD size)
{
    return module_file_name(module, name, size, 1);
}
