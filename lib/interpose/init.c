/* The interposer's start: read the environment once, before main, and
 * decide whether the engine takes sockets over at all. */
#include <stdio.h>
#include <stdlib.h>
#include "interpose.h"

int ip_on;

static int env_is(const char *name, const char *value)
{
    const char *v = getenv(name);

    return v && strcmp(v, value) == 0;
}

static int env_set(const char *name)
{
    const char *v = getenv(name);

    return v && *v && strcmp(v, "0") != 0;
}

/* A program built against the Winsock source API has its own engine; a
 * second one underneath it would track every socket twice.  (A weak
 * reference, bound at load: dlsym's failed lookup would malloc its
 * message, and the heap it made would be one more mapping for every
 * fork to copy.) */
#ifndef WSC_WRAP
extern int wsc_WSAStartup(unsigned short version, void *data)
    __attribute__((weak));
#endif

static int source_api_present(void)
{
#ifdef WSC_WRAP
    return 0;
#else
    return &wsc_WSAStartup != NULL;
#endif
}

__attribute__((constructor(102))) static void ip_start(void)
{
    if (env_set("WSCOMPAT_DISABLE") || source_api_present())
        return;
    wsc_e_posix_start(!env_is("WSCOMPAT_CLOSE", "linux"),
                      !env_is("WSCOMPAT_SHUTRD", "linux"));
    ip_on = 1;
}

int ip_errno(long r)
{
    int code = (int)-r, err;

    if (r == WSC_E_SIGNAL)
        return EINTR;
    switch (code) {
    case WSAEWOULDBLOCK:
        return EAGAIN;
    case WSAENOTSOCK:
        return EBADF; /* a descriptor another thread closed */
    default:
        err = wsc_wsa_to_errno(code);
        return err ? err : EIO;
    }
}

void ip_register_copy(struct wsc_sock *e, int fd)
{
    wsc_register_copy(e, fd);
}
