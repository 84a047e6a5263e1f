/* Winsock name resolution and address text: Windows flag values in,
 * Windows error codes out. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "ws.h"
#include "win32.h" /* the UTF-8 of wide strings */
#include "lookup.h"

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
    /* glibc encodes no IDN unless asked (AI_IDN): nothing to disable. */
    { AI_DISABLE_IDN_ENCODING, 0 },
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

/* Linux flags -> Windows flags (a result's ai_flags). */
static int unmap_flags(int lin, const struct flag_pair *t, size_t n)
{
    int out = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (lin & t[i].lin)
            out |= t[i].win;
    return out;
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

/* Hints with Windows flags -> the system's hints, into *h: 0 or
 * WSAEINVAL for a flag Linux has no match for. */
static int linux_hints(struct addrinfo *h, int flags, int family,
                       int socktype, int protocol)
{
    int lf = map_flags(flags, ai_flags,
                       sizeof(ai_flags) / sizeof(ai_flags[0]));

    if (lf < 0)
        return WSAEINVAL;
    memset(h, 0, sizeof(*h));
    h->ai_flags = lf;
    h->ai_family = family;
    h->ai_socktype = socktype;
    h->ai_protocol = protocol;
    return 0;
}

/* The caller's hints with Linux flags, into *h: 0 or the WSA code. */
static int copy_hints(struct addrinfo *h, const struct addrinfo *hints)
{
    struct addrinfo c;

    if (wsc_bad_ptr(hints) || wsc_copy_in(&c, hints, sizeof(c)))
        return WSAEFAULT;
    return linux_hints(h, c.ai_flags, c.ai_family, c.ai_socktype,
                       c.ai_protocol);
}

const char *wsc_lookup_name(const char *name, char buf[256])
{
    if (name[0])
        return name;
    if (gethostname(buf, 256) < 0)
        return "localhost";
    buf[255] = 0;
    return buf;
}

/* "[addr]" and "[addr]:port", addr an IPv6 literal (with its %scope, if
 * any): addr into buf, or NULL when node is not one.  Windows ignores
 * the port (protocol.c test_getaddrinfo: sin6_port stays 0). */
static const char *unbracket(const char *node, char buf[NI_MAXHOST])
{
    const char *end = strchr(node, ']');
    unsigned char bin[16];
    size_t n;

    if (node[0] != '[' || !end)
        return NULL;
    if (end[1] && (end[1] != ':' || !end[2] ||
                   strspn(end + 2, "0123456789") != strlen(end + 2)))
        return NULL;
    n = (size_t)(end - node - 1);
    if (n == 0 || n >= NI_MAXHOST)
        return NULL;
    memcpy(buf, node + 1, n);
    buf[n] = 0;
    buf[strcspn(buf, "%")] = 0;
    if (inet_pton(AF_INET6, buf, bin) != 1)
        return NULL;
    memcpy(buf, node + 1, n); /* the scope back */
    buf[n] = 0;
    return buf;
}

/* Windows' results carry the hints' socktype and protocol as they were
 * given, whatever the pair (SOCK_STREAM with IPPROTO_UDP, 0 with
 * IPPROTO_TCP, SOCK_DGRAM with 0) and 0 for no hints, one result an
 * address: glibc's, one a socktype, lose their twins (their own nodes,
 * freed one by one; the first, which holds the canonical name, stays). */
static void as_hinted(struct addrinfo *ai, int socktype, int protocol)
{
    struct addrinfo *p, **link, *dup;

    for (p = ai; p; p = p->ai_next) {
        p->ai_socktype = socktype;
        p->ai_protocol = protocol;
        for (link = &p->ai_next; (dup = *link);) {
            if (dup->ai_family == p->ai_family &&
                dup->ai_addrlen == p->ai_addrlen &&
                !memcmp(dup->ai_addr, p->ai_addr, p->ai_addrlen)) {
                *link = dup->ai_next;
                dup->ai_next = NULL;
                freeaddrinfo(dup);
            } else {
                link = &dup->ai_next;
            }
        }
    }
}

/* The one resolution of every getaddrinfo form and WSAConnectByName:
 * node and service in library memory, hints with Linux flags (or NULL);
 * 0 with *ai set, or the Windows code.  glibc is asked with the socktype
 * the hints name or their protocol implies, and no protocol, which it
 * would refuse in a pair Windows takes. */
int wsc_resolve(const char *node, const char *service,
                const struct addrinfo *h, struct addrinfo **ai)
{
    char buf[NI_MAXHOST];
    struct addrinfo q;
    const char *v6 = NULL;
    int socktype = h ? h->ai_socktype : 0, protocol = h ? h->ai_protocol : 0;
    int code;

    *ai = NULL;
    if (!node && !service)
        return WSAHOST_NOT_FOUND;
    if (node && !node[0])
        node = wsc_lookup_name(node, buf);
    else if (node && (v6 = unbracket(node, buf)))
        node = v6;
    memset(&q, 0, sizeof(q));
    if (h)
        q = *h;
    if (!q.ai_socktype)
        q.ai_socktype = protocol == IPPROTO_TCP   ? SOCK_STREAM
                        : protocol == IPPROTO_UDP ? SOCK_DGRAM
                                                  : 0;
    q.ai_protocol = 0;
    code = getaddrinfo(node, service, &q, ai);
    /* This host, which Windows always finds, by the name every host has
     * when its own does not resolve. */
    if (node == buf && !v6 && (code == L_EAI_NONAME || code == L_EAI_AGAIN))
        code = getaddrinfo("localhost", service, &q, ai);
    /* A bracketed literal of the other family is no host at all. */
    if (code == L_EAI_ADDRFAMILY && v6)
        return WSAHOST_NOT_FOUND;
    if (code) {
        *ai = NULL;
        return wsc_eai_to_wsa(code);
    }
    as_hinted(*ai, socktype, protocol);
    return 0;
}

/* Windows answers a failed lookup with *res NULL. */
static void clear_result(void *res)
{
    void *none = NULL;

    if (!wsc_bad_ptr(res))
        wsc_copy_out(res, &none, sizeof(none));
}

int ws_getaddrinfo(const char *node, const char *service,
                    const struct addrinfo *hints, struct addrinfo **res)
{
    char nbuf[NI_MAXHOST], sbuf[NI_MAXHOST];
    struct addrinfo h, *ai = NULL;
    int code;

    if (!wsc_started())
        return gai_result(WSANOTINITIALISED);
    clear_result(res);
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
    code = wsc_resolve(node, service, hints ? &h : NULL, &ai);
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

/* An IPv6 host's scope as Windows writes it: its number ("fe80::1%2"),
 * where glibc names a link-local one's interface ("%eth0").  0, or
 * WSAEFAULT when the number does not fit size. */
static int numeric_scope(char *host, size_t size,
                         const struct sockaddr_storage *ss)
{
    const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)ss;
    char *pct = strchr(host, '%');

    if (ss->ss_family != AF_INET6 || !pct || !s6->sin6_scope_id ||
        strspn(pct + 1, "0123456789") == strlen(pct + 1))
        return 0;
    if ((size_t)snprintf(pct + 1, size - (size_t)(pct + 1 - host), "%u",
                         (unsigned)s6->sin6_scope_id) >=
        size - (size_t)(pct + 1 - host))
        return WSAEFAULT;
    return 0;
}

/* getnameinfo's work, the results out to host and serv (caller memory
 * or the library's): 0 or the Windows code. */
static int name_info(const struct sockaddr *sa, socklen_t salen, char *host,
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
        return WSANOTINITIALISED;
    a.nul = 0;
    if (wsc_bad_ptr(sa) || wsc_copy_addr(&a.ss, sa, salen))
        return WSAEFAULT;
    /* Shorter than its family's address: WSAEFAULT (Linux: EAI_FAMILY). */
    if ((a.ss.ss_family == AF_INET || a.ss.ss_family == AF_INET6) &&
        salen < (socklen_t)wsc_addr_size(a.ss.ss_family))
        return WSAEFAULT;
    lf = map_flags(flags, ni_flags, sizeof(ni_flags) / sizeof(ni_flags[0]));
    if (lf < 0)
        return WSAEINVAL;
    if (!host && !serv)
        return WSAHOST_NOT_FOUND; /* glibc answers 0 */
    hbuf[0] = sbuf[0] = 0;
    code = wsc_eai_to_wsa(getnameinfo(
        (struct sockaddr *)&a.ss, salen, host ? hbuf : NULL,
        hostlen < sizeof(hbuf) ? hostlen : sizeof(hbuf), serv ? sbuf : NULL,
        servlen < sizeof(sbuf) ? servlen : sizeof(sbuf), lf));
    if (!code && host)
        code = numeric_scope(hbuf, hostlen < sizeof(hbuf) ? hostlen
                                                          : sizeof(hbuf),
                             &a.ss);
    if (!code)
        code = copy_result(host, hbuf);
    if (!code)
        code = copy_result(serv, sbuf);
    return code;
}

int ws_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
                    DWORD hostlen, char *serv, DWORD servlen, int flags)
{
    return gai_result(name_info(sa, salen, host, hostlen, serv, servlen,
                                flags));
}

const char *wsc_gai_strerror(int code)
{
    const char *m = wsc_strerror(code);
    return m ? m : "Unknown error";
}

/* Windows reads the dotted quad that ends an IPv6 address with up to
 * three digits a part, leading zeros and all ("1::001.2.3.4"), where
 * glibc refuses a leading zero: those parts lose theirs, in place. */
static void unpad_ipv4_tail(char *text)
{
    char *tail = strrchr(text, ':'), *in, *out, *part;

    if (!tail || !strchr(tail, '.') ||
        strspn(tail + 1, "0123456789.") != strlen(tail + 1))
        return;
    for (in = out = tail + 1; *in;) {
        part = in;
        while (*in >= '0' && *in <= '9')
            in++;
        if (in - part <= 3)
            while (in - part > 1 && *part == '0')
                part++;
        while (part < in)
            *out++ = *part++;
        if (*in)
            *out++ = *in++;
    }
    *out = 0;
}

/* Windows' inet_pton reads a strict dotted quad first and then looks at
 * what follows it: an address followed by anything but the end, a
 * fifth part or a hex or octal look is not one, but is written all the
 * same (protocol.c test_inet_pton: "1.1.1.0a", "127.127.127.255:123").
 * 1 when s starts with such an address, into out. */
static int ipv4_prefix(const char *s, unsigned char out[4])
{
    unsigned v;
    int i;

    for (i = 0; i < 4; i++) {
        if (*s < '0' || *s > '9' ||
            (s[0] == '0' && ((s[1] >= '0' && s[1] <= '9') || s[1] == 'x' ||
                             s[1] == 'X')))
            return 0;
        for (v = 0; *s >= '0' && *s <= '9'; s++)
            if ((v = v * 10 + (unsigned)(*s - '0')) > 255)
                return 0;
        out[i] = (unsigned char)v;
        if (i < 3 && *s++ != '.')
            return 0;
    }
    return *s && *s != '.';
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
    if (n >= 0 && af == AF_INET6)
        unpad_ipv4_tail(text);
    /* Longer than any address: not one, if the family is known. */
    r = inet_pton(af, n < 0 ? "" : text, bin);
    if (r < 0)
        wsc_fail(WSAEAFNOSUPPORT);
    if (r == 0 && af == AF_INET && n >= 0 && ipv4_prefix(text, bin) &&
        wsc_copy_out(dst, bin, 4)) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    if (r == 1 && wsc_copy_out(dst, bin, af == AF_INET ? 4 : sizeof(bin))) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    return r;
}

/* A NULL destination is WSAEINVAL, as too little room is (protocol.c
 * test_addr_to_print); another bad one WSAEFAULT. */
const char *ws_inet_ntop(int af, const void *src, char *dst, size_t size)
{
    unsigned char bin[sizeof(struct in6_addr)];
    char text[INET6_ADDRSTRLEN];
    size_t n = af == AF_INET ? 4 : af == AF_INET6 ? sizeof(bin) : 0;

    if (wsc_bad_ptr(src) || wsc_copy_in(bin, src, n)) {
        wsc_fail(WSAEFAULT);
        return NULL;
    }
    if (!dst) {
        wsc_fail(WSAEINVAL);
        return NULL;
    }
    if (wsc_bad_ptr(dst)) {
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
    int mine;

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
    /* The empty name is this host (protocol.c test_dns), as in
     * getaddrinfo. */
    mine = !name[0];
    h = gethostbyname(wsc_lookup_name(name, name));
    if (!h && mine)
        h = gethostbyname("localhost");
    if (!h)
        wsc_fail(wsc_h_errno_code(h_errno));
    return h;
}

int wsc_h_errno_code(int herr)
{
    switch (herr) {
    case HOST_NOT_FOUND:
        return WSAHOST_NOT_FOUND;
    case TRY_AGAIN:
        return WSATRY_AGAIN;
    case NO_DATA:
        return WSANO_DATA;
    default:
        return WSANO_RECOVERY;
    }
}

/* The host's name for a caller's buffer of namelen characters: its
 * length, or the negated WSA code (gethostname's checks). */
static long host_name(char buf[256], const void *name, int namelen)
{
    size_t n;

    if (!wsc_started())
        return -WSANOTINITIALISED;
    if (wsc_bad_ptr(name) || namelen <= 0)
        return -WSAEFAULT;
    if (gethostname(buf, 256) < 0)
        return -WSANO_RECOVERY;
    buf[255] = 0;
    n = strlen(buf);
    return n + 1 > (size_t)namelen ? -WSAEFAULT : (long)n;
}

int ws_gethostname(char *name, int namelen)
{
    char buf[256];
    long n = host_name(buf, name, namelen);

    if (n >= 0 && wsc_copy_out(name, buf, (size_t)n + 1))
        n = -WSAEFAULT;
    return n < 0 ? wsc_fail((int)-n) : wsc_ok(0);
}

int ws_GetHostNameW(wchar_t *name, int namelen)
{
    char buf[256];
    wchar_t wide[256];
    long i, n = host_name(buf, name, namelen);

    for (i = 0; i <= n; i++) /* host names are ASCII */
        wide[i] = (unsigned char)buf[i];
    if (n >= 0 && wsc_copy_out(name, wide, ((size_t)n + 1) * sizeof(wchar_t)))
        n = -WSAEFAULT;
    return n < 0 ? wsc_fail((int)-n) : wsc_ok(0);
}

/* ---- the wide and the Ex forms ------------------------------------------ */

/* A caller's wide string as UTF-8 (wide.c's encoding) in buf; *s points
 * at it, or stays NULL for NULL: 0, WSAEFAULT, or too_long when it does
 * not fit. */
static int copy_wide(char *buf, size_t cap, const wchar_t *w, const char **s,
                     int too_long)
{
    size_t len = 0, i;
    wchar_t c;

    *s = NULL;
    if (!w)
        return 0;
    if (wsc_bad_ptr(w))
        return WSAEFAULT;
    for (i = 0;; i++) {
        if (wsc_copy_in(&c, w + i, sizeof(c)))
            return WSAEFAULT;
        if (!c)
            break;
        if (wsc_w32_utf8_n(&c, 1, buf, cap, &len) == 0)
            return too_long;
    }
    buf[len] = 0;
    *s = buf;
    return 0;
}

/* What ADDRINFOW, ADDRINFOEXA and ADDRINFOEXW begin with. */
struct ai_head {
    int ai_flags, ai_family, ai_socktype, ai_protocol;
    size_t ai_addrlen;
    void *ai_canonname;
    struct sockaddr *ai_addr;
};

/* Free a list whose next pointer is at next_off in each node. */
static void free_list(void *ai, size_t next_off)
{
    while (ai) {
        void *next = *(void **)((char *)ai + next_off);
        free(ai);
        ai = next;
    }
}

/* The system's results as a list of Windows nodes of `size` bytes (next
 * pointer at next_off), each one allocation with its address and its
 * name (wide: a wchar_t a byte, host names being ASCII); NULL when out of
 * memory. */
static void *convert_list(const struct addrinfo *ai, size_t size,
                          size_t next_off, int wide)
{
    void *head = NULL, **link = &head;
    size_t unit = wide ? sizeof(wchar_t) : 1, n, room, i;

    for (; ai; ai = ai->ai_next) {
        struct ai_head *h;
        char *p, *name;

        n = ai->ai_canonname ? strlen(ai->ai_canonname) + 1 : 0;
        room = (ai->ai_addrlen + 7) & ~(size_t)7;
        if (!(p = calloc(1, size + room + n * unit))) {
            free_list(head, next_off);
            return NULL;
        }
        h = (struct ai_head *)p;
        h->ai_flags = unmap_flags(ai->ai_flags, ai_flags,
                                  sizeof(ai_flags) / sizeof(ai_flags[0]));
        h->ai_family = ai->ai_family;
        h->ai_socktype = ai->ai_socktype;
        h->ai_protocol = ai->ai_protocol;
        h->ai_addrlen = ai->ai_addrlen;
        h->ai_addr = (struct sockaddr *)(p + size);
        memcpy(h->ai_addr, ai->ai_addr, ai->ai_addrlen);
        name = p + size + room;
        for (i = 0; i < n; i++) {
            if (wide)
                ((wchar_t *)name)[i] = (unsigned char)ai->ai_canonname[i];
            else
                name[i] = ai->ai_canonname[i];
        }
        if (n)
            h->ai_canonname = name;
        *link = p;
        link = (void **)(p + next_off);
    }
    return head;
}

/* The shape of one result list: node size, where its next pointer is,
 * and whether its names are wide. */
struct ai_shape {
    size_t size, next_off;
    int wide;
};
static const struct ai_shape shape_w = {
    sizeof(ADDRINFOW), offsetof(ADDRINFOW, ai_next), 1 };
static const struct ai_shape shape_exa = {
    sizeof(ADDRINFOEXA), offsetof(ADDRINFOEXA, ai_next), 0 };
static const struct ai_shape shape_exw = {
    sizeof(ADDRINFOEXW), offsetof(ADDRINFOEXW, ai_next), 1 };

/* The checks getaddrinfo makes first, in its order. */
static int lookup_start(const void *node, const void *service, void *res)
{
    if (!wsc_started())
        return WSANOTINITIALISED;
    clear_result(res);
    if (!node && !service)
        return WSAHOST_NOT_FOUND;
    return wsc_bad_ptr(res) ? WSAEINVAL : 0;
}

/* A node and a service of the caller's, narrow or wide, as UTF-8 in
 * nbuf and sbuf (NI_MAXHOST each); *n and *s point at them (NULL stays
 * NULL): 0 or the code getaddrinfo gives. */
static int copy_names(char *nbuf, char *sbuf, const void *node,
                      const void *service, int wide, const char **n,
                      const char **s)
{
    int code;

    if (wide) {
        code = copy_wide(nbuf, NI_MAXHOST, node, n, WSAHOST_NOT_FOUND);
        return code ? code : copy_wide(sbuf, NI_MAXHOST, service, s,
                                       WSATYPE_NOT_FOUND);
    }
    *n = node;
    *s = service;
    code = copy_name(nbuf, NI_MAXHOST, n, WSAHOST_NOT_FOUND);
    return code ? code : copy_name(sbuf, NI_MAXHOST, s, WSATYPE_NOT_FOUND);
}

/* GetAddrInfoW's and GetAddrInfoEx's lookup read into q: the names, the
 * hints (their first four fields, which every Windows form shares), and
 * a check that the result can be written. */
static int prepare(struct wsc_lookup *q, const void *node,
                   const void *service, int wide, const void *hints,
                   void *res)
{
    const char *n = NULL, *s = NULL;
    int f[4], code = lookup_start(node, service, res);

    if (!code)
        code = copy_names(q->node, q->service, node, service, wide, &n, &s);
    if (!code && hints &&
        (wsc_bad_ptr(hints) || wsc_copy_in(f, hints, sizeof(f))))
        code = WSAEFAULT;
    else if (!code && hints)
        code = linux_hints(&q->hints, f[0], f[1], f[2], f[3]);
    if (!code && !wsc_user_writable(res, sizeof(void *)))
        code = WSAEFAULT;
    q->has_node = n != NULL;
    q->has_service = s != NULL;
    q->has_hints = hints != NULL;
    return code;
}

/* The resolution of q, as a list of the shape's nodes in *out. */
static int run(const struct wsc_lookup *q, const struct ai_shape *shape,
               void **out)
{
    struct addrinfo *ai;
    int code = wsc_resolve(q->has_node ? q->node : NULL,
                           q->has_service ? q->service : NULL,
                           q->has_hints ? &q->hints : NULL, &ai);

    *out = NULL;
    if (code)
        return code;
    *out = convert_list(ai, shape->size, shape->next_off, shape->wide);
    freeaddrinfo(ai);
    return *out ? 0 : WSA_NOT_ENOUGH_MEMORY;
}

int wsc_lookup_prepare_w(struct wsc_lookup *q, const wchar_t *node,
                         const wchar_t *service, const ADDRINFOEXW *hints,
                         PADDRINFOEXW *res)
{
    return prepare(q, node, service, 1, hints, res);
}

int wsc_lookup_run_w(const struct wsc_lookup *q, PADDRINFOEXW *list)
{
    void *out;
    int code = run(q, &shape_exw, &out);

    *list = out;
    return code;
}

/* The whole lookup now, the list out to *res. */
static int lookup_names(const void *node, const void *service, int wide,
                        const void *hints, void *res,
                        const struct ai_shape *shape)
{
    struct wsc_lookup q;
    void *out;
    int code = prepare(&q, node, service, wide, hints, res);

    if (!code)
        code = run(&q, shape, &out);
    if (!code && wsc_copy_out(res, &out, sizeof(out))) {
        free_list(out, shape->next_off);
        code = WSAEFAULT;
    }
    return code;
}

int ws_GetAddrInfoW(const wchar_t *node, const wchar_t *service,
                    const ADDRINFOW *hints, PADDRINFOW *res)
{
    return gai_result(lookup_names(node, service, 1, hints, res, &shape_w));
}

void wsc_FreeAddrInfoW(PADDRINFOW ai)
{
    free_list(ai, shape_w.next_off);
}

/* GetAddrInfoEx's own parameters.  The ANSI form's timeout, OVERLAPPED,
 * completion routine and cancel handle are reserved: not NULL is
 * WSAEINVAL, as in every form before Windows 8.  The wide form takes
 * them (gaiex.c); a completion routine needs an OVERLAPPED (INFERRED: the
 * routine is handed one), and a cancel handle without one is not
 * written (the lookup is over when the call returns).  Only the default
 * providers resolve: another name space or a provider's GUID is
 * WSASERVICE_NOT_FOUND. */
static int ex_start(int wide, DWORD ns, LPGUID nsid, struct timeval *timeout,
                    LPOVERLAPPED ov, LPLOOKUPSERVICE_COMPLETION_ROUTINE cr,
                    LPHANDLE handle, void *res)
{
    if (!wsc_started())
        return WSANOTINITIALISED;
    if ((!wide && (timeout || ov || cr || handle)) || (cr && !ov)) {
        clear_result(res);
        return WSAEINVAL;
    }
    if ((ns != NS_ALL && ns != NS_DNS) || nsid) {
        clear_result(res);
        return WSASERVICE_NOT_FOUND;
    }
    return 0;
}

static int lookup_ex(const void *node, const void *service, int wide,
                     DWORD ns, LPGUID nsid, const void *hints, void *res,
                     struct timeval *timeout, LPOVERLAPPED ov,
                     LPLOOKUPSERVICE_COMPLETION_ROUTINE cr, LPHANDLE handle)
{
    int code = ex_start(wide, ns, nsid, timeout, ov, cr, handle, res);

    if (!code && (ov || timeout))
        code = wsc_gaiex_start(node, service, hints, res, timeout, ov, cr,
                               handle);
    else if (!code)
        code = lookup_names(node, service, wide, hints, res,
                            wide ? &shape_exw : &shape_exa);
    return gai_result(code);
}

int ws_GetAddrInfoExA(const char *node, const char *service, DWORD ns,
                      LPGUID nsid, const ADDRINFOEXA *hints, PADDRINFOEXA *res,
                      struct timeval *timeout, LPOVERLAPPED ov,
                      LPLOOKUPSERVICE_COMPLETION_ROUTINE cr, LPHANDLE handle)
{
    return lookup_ex(node, service, 0, ns, nsid, hints, res, timeout, ov, cr,
                     handle);
}

int ws_GetAddrInfoExW(const wchar_t *node, const wchar_t *service, DWORD ns,
                      LPGUID nsid, const ADDRINFOEXW *hints, PADDRINFOEXW *res,
                      struct timeval *timeout, LPOVERLAPPED ov,
                      LPLOOKUPSERVICE_COMPLETION_ROUTINE cr, LPHANDLE handle)
{
    return lookup_ex(node, service, 1, ns, nsid, hints, res, timeout, ov, cr,
                     handle);
}

void wsc_FreeAddrInfoExA(PADDRINFOEXA ai)
{
    free_list(ai, shape_exa.next_off);
}

void wsc_FreeAddrInfoExW(PADDRINFOEXW ai)
{
    free_list(ai, shape_exw.next_off);
}

/* A result string out to the caller as wchar_t (if it asked). */
static int copy_result_wide(wchar_t *dst, const char *src)
{
    wchar_t w[NI_MAXHOST];
    size_t n = strlen(src) + 1, i;

    for (i = 0; i < n; i++)
        w[i] = (unsigned char)src[i];
    return dst && wsc_copy_out(dst, w, n * sizeof(wchar_t)) ? WSAEFAULT : 0;
}

/* The sizes count characters: host names and services are ASCII, a
 * byte each. */
int ws_GetNameInfoW(const struct sockaddr *sa, socklen_t salen,
                    wchar_t *host, DWORD hostlen, wchar_t *serv,
                    DWORD servlen, int flags)
{
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    int code = name_info(sa, salen, host ? hbuf : NULL, hostlen,
                         serv ? sbuf : NULL, servlen, flags);

    if (!code)
        code = copy_result_wide(host, hbuf);
    if (!code)
        code = copy_result_wide(serv, sbuf);
    return gai_result(code);
}

/* ---- connecting by name or by a list ------------------------------------ */

/* An address out to the caller when both it and its length are given
 * (getsockname's or getpeername's): too little room is WSAEFAULT. */
static long addr_out(LPDWORD lenp, LPSOCKADDR out,
                     const struct sockaddr_storage *ss, DWORD n)
{
    DWORD have;

    if (!lenp || !out)
        return 0;
    if (wsc_bad_ptr(lenp) || wsc_copy_in(&have, lenp, sizeof(have)) ||
        have < n || wsc_bad_ptr(out) || wsc_copy_out(out, ss, n) ||
        wsc_copy_out(lenp, &n, sizeof(n)))
        return -WSAEFAULT;
    return 0;
}

/* Connect e to the first of the n addresses that takes the connection,
 * one after the other, blocking whatever the socket's mode; the error is
 * the last attempt's, and the time is up between attempts and within
 * one (Microsoft's WSAConnectByList page).  Then the addresses out. */
static long connect_each(struct wsc_sock *e,
                         const struct sockaddr_storage *addrs,
                         const socklen_t *lens, int n,
                         const struct timeval *timeout, LPDWORD llen,
                         LPSOCKADDR local, LPDWORD rlen, LPSOCKADDR remote)
{
    int64_t deadline = WSC_FOREVER;
    struct sockaddr_storage me;
    socklen_t melen = sizeof(me);
    struct timeval tv;
    long r = -WSAEINVAL;
    int i;

    if (timeout) {
        if (wsc_bad_ptr(timeout) || wsc_copy_in(&tv, timeout, sizeof(tv)))
            return -WSAEFAULT;
        deadline = wsc_now_ms() + (int64_t)tv.tv_sec * 1000 +
                   tv.tv_usec / 1000;
    }
    for (i = 0; i < n; i++) {
        if (deadline != WSC_FOREVER && wsc_now_ms() >= deadline) {
            r = -WSAETIMEDOUT;
            break;
        }
        r = wsc_e_connect_until(e, (const struct sockaddr *)&addrs[i],
                                lens[i], deadline);
        if (r == 0 || r == -WSAETIMEDOUT)
            break;
    }
    if (r)
        return r;
    memset(&me, 0, sizeof(me));
    r = wsc_e_getname(e, 0, (struct sockaddr *)&me, &melen);
    if (!r)
        r = addr_out(rlen, remote, &addrs[i], lens[i]);
    if (!r)
        r = addr_out(llen, local, &me, melen);
    return r;
}

/* WSAConnectByName's socket: a stream (Microsoft: connection-oriented
 * sockets only; WSAEFAULT otherwise, as Wine's implementation answers),
 * and hints for its family. */
static long stream_hints(struct wsc_sock *e, struct addrinfo *h)
{
    int v6only = 1;

    if (e->type != SOCK_STREAM)
        return -WSAEFAULT;
    memset(h, 0, sizeof(*h));
    h->ai_family = e->family;
    h->ai_socktype = SOCK_STREAM;
    h->ai_protocol = IPPROTO_TCP;
    /* A dual-stack socket reaches IPv4 hosts at their mapped addresses. */
    if (e->family == AF_INET6 &&
        wsc_e_getopt_int(e, IPPROTO_IPV6, L_IPV6_V6ONLY, &v6only) == 0 &&
        !v6only)
        h->ai_flags = L_AI_V4MAPPED | L_AI_ALL;
    return 0;
}

/* The resolved addresses of node:service, tried in turn. */
static long connect_name(struct wsc_sock *e, const char *node,
                         const char *service, LPDWORD llen, LPSOCKADDR local,
                         LPDWORD rlen, LPSOCKADDR remote,
                         const struct timeval *timeout)
{
    struct sockaddr_storage *addrs;
    struct addrinfo h, *ai, *p;
    socklen_t *lens;
    long r = stream_hints(e, &h);
    int n = 0;

    if (!r)
        r = -(long)wsc_resolve(node, service, &h, &ai);
    if (r)
        return r;
    for (p = ai; p; p = p->ai_next)
        n++;
    addrs = calloc((size_t)n, sizeof(*addrs));
    lens = calloc((size_t)n, sizeof(*lens));
    if (!addrs || !lens) {
        r = -WSAENOBUFS;
    } else {
        for (n = 0, p = ai; p; p = p->ai_next, n++) {
            memcpy(&addrs[n], p->ai_addr, p->ai_addrlen);
            lens[n] = p->ai_addrlen;
        }
        r = connect_each(e, addrs, lens, n, timeout, llen, local, rlen,
                         remote);
    }
    free(addrs);
    free(lens);
    freeaddrinfo(ai);
    return r;
}

/* Arguments first (Microsoft: NULL names or a Reserved pointer are
 * WSAEINVAL), then the socket, then the names (narrow or wide). */
static BOOL connect_by_name(SOCKET s, const void *node, const void *service,
                            int wide, LPDWORD llen, LPSOCKADDR local,
                            LPDWORD rlen, LPSOCKADDR remote,
                            const struct timeval *timeout,
                            LPWSAOVERLAPPED reserved)
{
    char nbuf[NI_MAXHOST], sbuf[NI_MAXHOST];
    const char *n, *sv;
    struct wsc_sock *e;
    long r;

    if (!node || !service || reserved)
        return wsc_fail(WSAEINVAL), FALSE;
    if (!(e = wsc_enter(s)))
        return FALSE;
    r = -(long)copy_names(nbuf, sbuf, node, service, wide, &n, &sv);
    if (!r)
        r = connect_name(e, n, sv, llen, local, rlen, remote, timeout);
    return wsc_leave(e, r) == 0;
}

BOOL wsc_WSAConnectByNameA(SOCKET s, const char *node, const char *service,
                           LPDWORD llen, LPSOCKADDR local, LPDWORD rlen,
                           LPSOCKADDR remote, const struct timeval *timeout,
                           LPWSAOVERLAPPED reserved)
{
    return connect_by_name(s, node, service, 0, llen, local, rlen, remote,
                           timeout, reserved);
}

BOOL wsc_WSAConnectByNameW(SOCKET s, wchar_t *node, wchar_t *service,
                           LPDWORD llen, LPSOCKADDR local, LPDWORD rlen,
                           LPSOCKADDR remote, const struct timeval *timeout,
                           LPWSAOVERLAPPED reserved)
{
    return connect_by_name(s, node, service, 1, llen, local, rlen, remote,
                           timeout, reserved);
}

/* The list's addresses into library memory, then tried in turn. */
BOOL wsc_WSAConnectByList(SOCKET s, PSOCKET_ADDRESS_LIST list, LPDWORD llen,
                          LPSOCKADDR local, LPDWORD rlen, LPSOCKADDR remote,
                          const struct timeval *timeout,
                          LPWSAOVERLAPPED reserved)
{
    struct sockaddr_storage *addrs = NULL;
    socklen_t *lens = NULL;
    struct wsc_sock *e;
    SOCKET_ADDRESS sa;
    INT count = 0, i;
    long r = 0;

    if (reserved)
        return wsc_fail(WSAEINVAL), FALSE;
    if (!(e = wsc_enter(s)))
        return FALSE;
    if (wsc_bad_ptr(list) || wsc_copy_in(&count, &list->iAddressCount,
                                         sizeof(count)))
        r = -WSAEFAULT;
    else if (count <= 0)
        r = -WSAEINVAL;
    else if (!(addrs = calloc((size_t)count, sizeof(*addrs))) ||
             !(lens = calloc((size_t)count, sizeof(*lens))))
        r = -WSAENOBUFS;
    for (i = 0; !r && i < count; i++) {
        if (wsc_copy_in(&sa, &list->Address[i], sizeof(sa)) ||
            sa.iSockaddrLength <= 0 || wsc_bad_ptr(sa.lpSockaddr) ||
            wsc_copy_addr(&addrs[i], sa.lpSockaddr,
                          (size_t)sa.iSockaddrLength))
            r = -WSAEFAULT;
        else
            lens[i] = (socklen_t)(sa.iSockaddrLength < (INT)sizeof(addrs[i])
                                      ? sa.iSockaddrLength
                                      : (INT)sizeof(addrs[i]));
    }
    if (!r && e->type != SOCK_STREAM)
        r = -WSAEFAULT;
    if (!r)
        r = connect_each(e, addrs, lens, count, timeout, llen, local, rlen,
                         remote);
    free(addrs);
    free(lens);
    return wsc_leave(e, r) == 0;
}
