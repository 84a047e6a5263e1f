/* WSAStartup, WSACleanup, the thread's last error, and the entry/exit of
 * every handle-taking call. */
#include <string.h>
#include "ws.h"
#include "overlapped.h"

_Atomic int wsc_startups;
#define startups wsc_startups

int wsc_fail(int code)
{
    wsc_last_error = code;
    return SOCKET_ERROR;
}

int wsc_WSAGetLastError(void)
{
    return wsc_last_error;
}

void wsc_WSASetLastError(int error)
{
    wsc_last_error = error;
}

/* GetProcAddress's table (procs.c) installs itself before main; this
 * reference keeps it in a static link, which takes only the objects a
 * program names. */
__attribute__((used)) static void (*const keep_procs)(void) =
    wsc_procs_install;

int ws_WSAStartup(WORD version, LPWSADATA data)
{
    BYTE major = LOBYTE(version), minor = HIBYTE(version);
    WSADATA d;

    if (major < 1 || (major == 1 && minor < 1))
        return WSAVERNOTSUPPORTED;
    if (wsc_bad_ptr(data))
        return WSAEFAULT;
    if (major > 2 || (major == 2 && minor > 2))
        major = 2, minor = 2;
    memset(&d, 0, sizeof(d));
    d.wVersion = MAKEWORD(major, minor);
    d.wHighVersion = MAKEWORD(2, 2);
    strcpy(d.szDescription, "WinSock 2.0 (wscompat)");
    strcpy(d.szSystemStatus, "Running");
    if (wsc_copy_out(data, &d, sizeof(d)))
        return WSAEFAULT;
    ws_overlapped_init();
    atomic_fetch_add(&startups, 1);
    wsc_last_error = 0;
    return 0;
}

static void close_one(struct wsc_sock *e, void *arg)
{
    (void)arg;
    wsc_e_closesocket(e);
}

int ws_WSACleanup(void)
{
    int n = atomic_load(&startups);

    do {
        if (n <= 0)
            return wsc_fail(WSANOTINITIALISED);
    } while (!atomic_compare_exchange_weak(&startups, &n, n - 1));
    /* The final cleanup destroys every socket of the process (row 8c). */
    if (n == 1)
        wsc_foreach_open(close_one, NULL);
    return wsc_ok(0);
}

struct wsc_sock *wsc_enter(SOCKET s)
{
    struct wsc_sock *e;
    int err;

    if (!wsc_started()) {
        wsc_fail(WSANOTINITIALISED);
        return NULL;
    }
    e = wsc_ref_adopt(s, &err);
    if (!e)
        wsc_fail(-err);
    return e;
}

int wsc_leave(struct wsc_sock *e, long r)
{
    if (e)
        wsc_release(e);
    if (r < 0)
        return wsc_fail((int)-r);
    return wsc_ok((int)r);
}

const char *wsc_version(void)
{
    return PACKAGE_VERSION;
}
