/* WSAStartup, WSACleanup, the thread's last error, and the entry/exit of
 * every handle-taking call. */
#include <stddef.h>
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

/* The version Windows answers for the one asked (protocol.c
 * test_startup): 1.0 and 1.1 as asked, 1.1 for a higher 1.x, 2.0-2.2 as
 * asked, 2.2 for anything higher and for 0.x (which fails). */
static WORD startup_version(BYTE major, BYTE minor)
{
    if (major == 1)
        return MAKEWORD(1, minor ? 1 : 0);
    if (major == 2 && minor <= 2)
        return MAKEWORD(2, minor);
    return MAKEWORD(2, 2);
}

/* Windows fills WSADATA even when the version fails, leaves lpVendorInfo
 * as it was, and gives Winsock 1.x its socket and datagram limits. */
int ws_WSAStartup(WORD version, LPWSADATA data)
{
    BYTE major = LOBYTE(version), minor = HIBYTE(version);
    size_t head = offsetof(WSADATA, lpVendorInfo),
           tail = offsetof(WSADATA, szDescription);
    WSADATA d;

    if (wsc_bad_ptr(data))
        return major ? WSAEFAULT : WSAVERNOTSUPPORTED;
    memset(&d, 0, sizeof(d));
    d.wVersion = startup_version(major, minor);
    d.wHighVersion = MAKEWORD(2, 2);
    if (major == 1) {
        d.iMaxSockets = 32767;
        d.iMaxUdpDg = 65467;
    }
    strcpy(d.szDescription, "WinSock 2.0");
    strcpy(d.szSystemStatus, "Running");
    if (wsc_copy_out(data, &d, head) ||
        wsc_copy_out((char *)data + tail, (char *)&d + tail,
                     sizeof(d) - tail))
        return WSAEFAULT;
    if (!major)
        return WSAVERNOTSUPPORTED;
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
