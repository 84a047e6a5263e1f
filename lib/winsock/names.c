/* Winsock name resolution and address text: Windows flag values in,
 * Windows error codes out. */
#include <string.h>
#include <unistd.h>
#include "ws.h"

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

/* A caller's string into buf: 0, WSAEFAULT, or too_long when it does
 * not fit (no name or service that long exists). */
static int copy_name(char *buf, size_t cap, const char **s, int too_long)
{
    long n;

    if (!*s)
        return 0;
    if (wsc_bad_ptr(*s))
        return WSAEFAULT;
    n = wsc_copy_str(buf, *s, cap);
    if (n == -WSAENAMETOOLONG)
        return too_long;
    if (n < 0)
        return WSAEFAULT;
    *s = buf;
    return 0;
}

/* The caller's hints with Linux flags, into *h: 0 or the WSA code. */
static int copy_hints(struct addrinfo *h, const struct addrinfo *hints)
{
    int lf;

    if (wsc_bad_ptr(hints) || wsc_copy_in(h, hints, sizeof(*h)))
        return WSAEFAULT;
    lf = map_flags(h->ai_flags, ai_flags,
                   sizeof(ai_flags) / sizeof(ai_flags[0]));
    if (lf < 0)
        return WSAEINVAL;
    h->ai_flags = lf;
    return 0;
}

int ws_getaddrinfo(const char *node, const char *service,
                    const struct addrinfo *hints, struct addrinfo **res)
{
    char nbuf[NI_MAXHOST], sbuf[NI_MAXHOST];
    struct addrinfo h, *ai = NULL;
    int code;

    if (!wsc_started())
        return gai_result(WSANOTINITIALISED);
    if (wsc_bad_ptr(res) || (!node && !service))
        return gai_result(!node && !service ? WSAHOST_NOT_FOUND : WSAEINVAL);
    code = copy_name(nbuf, sizeof(nbuf), &node, WSAHOST_NOT_FOUND);
    if (!code)
        code = copy_name(sbuf, sizeof(sbuf), &service, WSATYPE_NOT_FOUND);
    if (!code && hints)
        code = copy_hints(&h, hints);
    if (!code && !wsc_user_writable(res, sizeof(*res)))
        code = WSAEFAULT;
    if (code)
        return gai_result(code);
    code = wsc_eai_to_wsa(getaddrinfo(node, service, hints ? &h : NULL, &ai));
    if (!code && wsc_copy_out(res, &ai, sizeof(ai))) {
        freeaddrinfo(ai);
        code = WSAEFAULT;
    }
    return gai_result(code);
}

void wsc_freeaddrinfo(struct addrinfo *ai)
{
    if (ai)
        freeaddrinfo(ai);
}

/* A result string out to the caller's buffer (if it asked). */
static int copy_result(char *dst, const char *src)
{
    return dst && wsc_copy_out(dst, src, strlen(src) + 1) ? WSAEFAULT : 0;
}

int ws_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
                    DWORD hostlen, char *serv, DWORD servlen, int flags)
{
    /* NUL after the copy: an AF_UNIX path is read as a string. */
    struct {
        struct sockaddr_storage ss;
        char nul;
    } a;
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    int lf, code;

    if (!wsc_started())
        return gai_result(WSANOTINITIALISED);
    a.nul = 0;
    if (wsc_bad_ptr(sa) || wsc_copy_addr(&a.ss, sa, salen))
        return gai_result(WSAEFAULT);
    lf = map_flags(flags, ni_flags, sizeof(ni_flags) / sizeof(ni_flags[0]));
    if (lf < 0)
        return gai_result(WSAEINVAL);
    hbuf[0] = sbuf[0] = 0;
    code = wsc_eai_to_wsa(getnameinfo(
        (struct sockaddr *)&a.ss, salen, host ? hbuf : NULL,
        hostlen < sizeof(hbuf) ? hostlen : sizeof(hbuf), serv ? sbuf : NULL,
        servlen < sizeof(sbuf) ? servlen : sizeof(sbuf), lf));
    if (!code)
        code = copy_result(host, hbuf);
    if (!code)
        code = copy_result(serv, sbuf);
    return gai_result(code);
}

const char *wsc_gai_strerror(int code)
{
    const char *m = wsc_strerror(code);
    return m ? m : "Unknown error";
}

int ws_inet_pton(int af, const char *src, void *dst)
{
    char text[INET6_ADDRSTRLEN + 1];
    unsigned char bin[sizeof(struct in6_addr)];
    long n;
    int r;

    if (wsc_bad_ptr(src) || wsc_bad_ptr(dst) ||
        (n = wsc_copy_str(text, src, sizeof(text))) == -WSAEFAULT) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    /* Longer than any address: not one, if the family is known. */
    r = inet_pton(af, n < 0 ? "" : text, bin);
    if (r < 0)
        wsc_fail(WSAEAFNOSUPPORT);
    if (r == 1 && wsc_copy_out(dst, bin, af == AF_INET ? 4 : sizeof(bin))) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    return r;
}

const char *ws_inet_ntop(int af, const void *src, char *dst, size_t size)
{
    unsigned char bin[sizeof(struct in6_addr)];
    char text[INET6_ADDRSTRLEN];
    size_t n = af == AF_INET ? 4 : af == AF_INET6 ? sizeof(bin) : 0;

    if (wsc_bad_ptr(src) || wsc_bad_ptr(dst) || wsc_copy_in(bin, src, n)) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    if (!inet_ntop(af, bin, text,
                   (socklen_t)(size < sizeof(text) ? size : sizeof(text)))) {
        wsc_fail(n ? WSAEINVAL : WSAEAFNOSUPPORT);
        return NULL;
    }
    if (wsc_copy_out(dst, text, strlen(text) + 1)) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    return dst;
}

struct hostent *ws_gethostbyname(const char *caller_name)
{
    char name[NI_MAXHOST];
    struct hostent *h;
    long n;

    if (!wsc_started()) {
        wsc_fail(WSANOTINITIALISED);
        return NULL;
    }
    n = wsc_bad_ptr(caller_name) ? -WSAEFAULT
                                 : wsc_copy_str(name, caller_name, sizeof(name));
    if (n == -WSAEFAULT) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    if (n < 0) {
        wsc_fail(WSAHOST_NOT_FOUND); /* longer than any host name */
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
    if (strlen(buf) + 1 > (size_t)namelen ||
        wsc_copy_out(name, buf, strlen(buf) + 1))
        return wsc_fail(WSAEFAULT);
    return wsc_ok(0);
}
