/* Winsock name resolution and address text: Windows flag values in,
 * Windows error codes out. */
#include <string.h>
#include <unistd.h>
#include "frontend.h"

/* This file wraps libc's resolver: reach it by its own names. */
#undef getaddrinfo
#undef freeaddrinfo
#undef getnameinfo
#undef inet_pton
#undef inet_ntop
#undef gethostbyname
#undef gethostname

struct flag_pair {
    int win, lin;
};

static const struct flag_pair ai_flags[] = {
    { AI_PASSIVE, L_AI_PASSIVE }, { AI_CANONNAME, L_AI_CANONNAME },
    { AI_NUMERICHOST, L_AI_NUMERICHOST }, { AI_NUMERICSERV, L_AI_NUMERICSERV },
    { AI_ALL, L_AI_ALL }, { AI_ADDRCONFIG, L_AI_ADDRCONFIG },
    { AI_V4MAPPED, L_AI_V4MAPPED },
};

static const struct flag_pair ni_flags[] = {
    { NI_NOFQDN, L_NI_NOFQDN }, { NI_NUMERICHOST, L_NI_NUMERICHOST },
    { NI_NAMEREQD, L_NI_NAMEREQD }, { NI_NUMERICSERV, L_NI_NUMERICSERV },
    { NI_DGRAM, L_NI_DGRAM },
};

/* Windows flags -> Linux flags; -1 when a bit is unknown. */
static int map_flags(int win, const struct flag_pair *t, size_t n)
{
    int out = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (win & t[i].win) {
            out |= t[i].lin;
            win &= ~t[i].win;
        }
    return win ? -1 : out;
}

/* An EAI_ code of glibc -> the Windows code getaddrinfo returns. */
int wsc_eai_to_wsa(int eai)
{
    switch (eai) {
    case 0:
        return 0;
    case L_EAI_AGAIN:
        return WSATRY_AGAIN;
    case L_EAI_BADFLAGS:
        return WSAEINVAL;
    case L_EAI_FAIL:
        return WSANO_RECOVERY;
    case L_EAI_FAMILY:
    case L_EAI_ADDRFAMILY:
        return WSAEAFNOSUPPORT;
    case L_EAI_MEMORY:
        return WSA_NOT_ENOUGH_MEMORY;
    case L_EAI_NONAME:
        return WSAHOST_NOT_FOUND;
    case L_EAI_NODATA:
        return WSANO_DATA;
    case L_EAI_SERVICE:
        return WSATYPE_NOT_FOUND;
    case L_EAI_SOCKTYPE:
        return WSAESOCKTNOSUPPORT;
    default:
        return WSANO_RECOVERY;
    }
}

static int gai_result(int code)
{
    if (code)
        wsc_fail(code);
    else
        wsc_ok(0);
    return code;
}

int ws_getaddrinfo(const char *node, const char *service,
                    const struct addrinfo *hints, struct addrinfo **res)
{
    struct addrinfo h;
    int lf;

    if (!wsc_started())
        return gai_result(WSANOTINITIALISED);
    if (wsc_bad_ptr(res) || (!node && !service))
        return gai_result(!node && !service ? WSAHOST_NOT_FOUND : WSAEINVAL);
    if (hints) {
        h = *hints;
        lf = map_flags(h.ai_flags, ai_flags,
                       sizeof(ai_flags) / sizeof(ai_flags[0]));
        if (lf < 0)
            return gai_result(WSAEINVAL);
        h.ai_flags = lf;
        hints = &h;
    }
    return gai_result(wsc_eai_to_wsa(getaddrinfo(node, service, hints, res)));
}

void wsc_freeaddrinfo(struct addrinfo *ai)
{
    if (ai)
        freeaddrinfo(ai);
}

int ws_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
                    DWORD hostlen, char *serv, DWORD servlen, int flags)
{
    int lf;

    if (!wsc_started())
        return gai_result(WSANOTINITIALISED);
    if (wsc_bad_ptr(sa))
        return gai_result(WSAEFAULT);
    lf = map_flags(flags, ni_flags, sizeof(ni_flags) / sizeof(ni_flags[0]));
    if (lf < 0)
        return gai_result(WSAEINVAL);
    return gai_result(wsc_eai_to_wsa(getnameinfo(sa, salen, host, hostlen,
                                                 serv, servlen, lf)));
}

const char *wsc_gai_strerror(int code)
{
    const char *m = wsc_strerror(code);
    return m ? m : "Unknown error";
}

int ws_inet_pton(int af, const char *src, void *dst)
{
    int r;

    if (wsc_bad_ptr(src) || wsc_bad_ptr(dst)) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    r = inet_pton(af, src, dst);
    if (r < 0)
        wsc_fail(WSAEAFNOSUPPORT);
    return r;
}

const char *ws_inet_ntop(int af, const void *src, char *dst, size_t size)
{
    const char *r;

    if (wsc_bad_ptr(src) || wsc_bad_ptr(dst)) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    r = inet_ntop(af, src, dst, (socklen_t)size);
    if (!r)
        wsc_fail(af == AF_INET || af == AF_INET6 ? WSAEINVAL
                                                 : WSAEAFNOSUPPORT);
    return r;
}

struct hostent *ws_gethostbyname(const char *name)
{
    struct hostent *h;

    if (!wsc_started()) {
        wsc_fail(WSANOTINITIALISED);
        return NULL;
    }
    if (wsc_bad_ptr(name)) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    h = gethostbyname(name);
    if (!h) {
        switch (h_errno) {
        case HOST_NOT_FOUND:
            wsc_fail(WSAHOST_NOT_FOUND);
            break;
        case TRY_AGAIN:
            wsc_fail(WSATRY_AGAIN);
            break;
        case NO_DATA:
            wsc_fail(WSANO_DATA);
            break;
        default:
            wsc_fail(WSANO_RECOVERY);
        }
    }
    return h;
}

int ws_gethostname(char *name, int namelen)
{
    char buf[256];

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (wsc_bad_ptr(name) || namelen <= 0)
        return wsc_fail(WSAEFAULT);
    if (gethostname(buf, sizeof(buf)) < 0)
        return wsc_fail(WSANO_RECOVERY);
    buf[sizeof(buf) - 1] = 0;
    if (strlen(buf) + 1 > (size_t)namelen)
        return wsc_fail(WSAEFAULT);
    strcpy(name, buf);
    return wsc_ok(0);
}
