/* Addresses in every form a caller can get wrong: bind, connect, sendto,
 * accept, recvfrom, getsockname and getpeername with any family, length
 * and bytes; getaddrinfo with any hints, getnameinfo with any address and
 * buffer sizes; inet_pton and inet_ntop.  Every address that can reach
 * the network is rewritten to loopback first, and name lookups are held
 * to numeric forms, so that nothing leaves the machine. */
#include "fuzz.h"

#define MAX_ADDR 128

static const int families[] = { AF_INET, AF_INET6, AF_UNSPEC, AF_UNIX };

struct addr {
    struct sockaddr *sa; /* exactly len bytes, or NULL */
    int len;
};

static int pick_family(struct fz *f)
{
    unsigned k = fz_pick(f, 5);

    return k < 4 ? families[k] : (int)fz_u16(f);
}

static int pick_addr_len(struct fz *f)
{
    switch (fz_pick(f, 5)) {
    case 0:
        return sizeof(struct sockaddr_in);
    case 1:
        return sizeof(struct sockaddr_in6);
    case 2:
        return (int)fz_u32(f);
    default:
        return fz_pick(f, MAX_ADDR + 1);
    }
}

/* Keep whatever the input says, but only loopback or wildcard hosts. */
static void keep_local(struct sockaddr *sa, int len)
{
    if (len < 2)
        return;
    if (sa->sa_family == AF_INET && len >= 8) {
        unsigned char *a = (unsigned char *)sa + 4;
        if (a[0] != 0)
            a[0] = 127;
        else
            memset(a, 0, 4);
    } else if (sa->sa_family == AF_INET6 && len >= 24) {
        struct in6_addr *a = &((struct sockaddr_in6 *)sa)->sin6_addr;
        int any = a->s6_addr[0] == 0 && a->s6_addr[15] == 0;
        memset(a, 0, sizeof(*a));
        if (!any)
            a->s6_addr[15] = 1;
    } else if (sa->sa_family != AF_UNIX && len >= 8) {
        memset((char *)sa + 2, 0, (size_t)(len < 28 ? len : 28) - 2);
    }
}

static void new_addr(struct fz *f, struct addr *a)
{
    int family = pick_family(f);

    a->len = pick_addr_len(f);
    a->sa = NULL;
    if (a->len <= 0 || a->len > MAX_ADDR)
        return;
    a->sa = malloc((size_t)a->len);
    fz_fill(f, a->sa, (size_t)a->len);
    if (a->len >= 2)
        a->sa->sa_family = (sa_family_t)family;
    if (family == AF_UNIX && a->len > 2)
        memset((char *)a->sa + 2, 0, (size_t)a->len - 2); /* unnamed */
    keep_local(a->sa, a->len);
}

/* A buffer of a length the input chooses, with the length beside it. */
struct out {
    struct sockaddr *sa;
    int len, given;
};

static void new_out(struct fz *f, struct out *o)
{
    o->given = o->len = pick_addr_len(f);
    o->sa = o->len > 0 && o->len <= MAX_ADDR ? malloc((size_t)o->len) : NULL;
}

static void check_out(const struct out *o, int rc)
{
    if (rc == 0) {
        FZ_CHECK(o->sa && o->len > 0 && o->len <= o->given, o->len);
    } else {
        fz_failed_with(SOCKET_ERROR);
        FZ_CHECK(o->len == o->given, o->len);
    }
}

static void addr_call(struct fz *f, SOCKET *s)
{
    SOCKET t = s[fz_pick(f, 3)], a;
    struct addr in;
    struct out out;
    char byte = 'x';
    int rc;

    new_addr(f, &in);
    new_out(f, &out);
    switch (fz_pick(f, 7)) {
    case 0:
        rc = bind(t, in.sa, in.len);
        break;
    case 1:
        rc = connect(t, in.sa, in.len); /* non-blocking: no wait */
        break;
    case 2:
        rc = sendto(s[1], &byte, 1, 0, in.sa, in.len);
        rc = rc == 1 ? 0 : rc;
        break;
    case 3:
        rc = getsockname(t, out.sa, fz_pick(f, 8) ? &out.len : NULL);
        check_out(&out, rc);
        break;
    case 4:
        rc = getpeername(t, out.sa, fz_pick(f, 8) ? &out.len : NULL);
        check_out(&out, rc);
        break;
    case 5:
        a = accept(s[2], out.sa, fz_pick(f, 8) ? &out.len : NULL);
        rc = a == INVALID_SOCKET ? SOCKET_ERROR : 0;
        if (out.sa)
            check_out(&out, rc);
        if (a != INVALID_SOCKET)
            fz_close_reset(a);
        break;
    default:
        rc = recvfrom(s[1], &byte, 1, 0, out.sa,
                      fz_pick(f, 8) ? &out.len : NULL);
        rc = rc == 1 ? 0 : rc;
    }
    if (rc != 0)
        fz_failed_with(rc);
    free(in.sa);
    free(out.sa);
}

/* A NUL-terminated string of the input, at most max bytes. */
static char *new_string(struct fz *f, size_t max)
{
    size_t n = fz_pick(f, (unsigned)max + 1);
    char *str = malloc(n + 1);

    fz_fill(f, str, n);
    str[n] = 0;
    return str;
}

static void name_call(struct fz *f)
{
    struct addrinfo hints, *res = NULL, *ai;
    char *node = fz_pick(f, 8) ? new_string(f, 48) : NULL;
    char *serv = fz_pick(f, 4) ? new_string(f, 8) : NULL;
    int rc, use_hints = fz_pick(f, 4) != 0;

    memset(&hints, 0, sizeof(hints));
    hints.ai_flags = (int)fz_u32(f);
    hints.ai_flags = (hints.ai_flags & ~AI_CANONNAME) | AI_NUMERICHOST;
    hints.ai_family = pick_family(f);
    hints.ai_socktype = fz_pick(f, 4) ? (int)fz_pick(f, 4) : (int)fz_u32(f);
    hints.ai_protocol = fz_pick(f, 4) ? 0 : (int)fz_u32(f);
    if (!use_hints && node) /* no hints: no AI_NUMERICHOST either */
        node[strspn(node, "0123456789.:abcdef%")] = 0;
    rc = getaddrinfo(node, serv, use_hints ? &hints : NULL, &res);
    if (rc == 0) {
        FZ_CHECK(res != NULL, 0);
        for (ai = res; ai; ai = ai->ai_next)
            FZ_CHECK(ai->ai_addrlen == (ai->ai_family == AF_INET ?
                     sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6)),
                     ai->ai_addrlen);
        freeaddrinfo(res);
    } else {
        FZ_CHECK(wsc_strerror_name(rc) != NULL, rc);
        FZ_CHECK(WSAGetLastError() == rc, WSAGetLastError());
    }
    free(node);
    free(serv);
}

static void numeric_call(struct fz *f)
{
    struct addr in;
    DWORD hl = fz_pick(f, 64), sl = fz_pick(f, 12);
    char *host = hl ? malloc(hl) : NULL, *serv = sl ? malloc(sl) : NULL;
    int flags = ((int)fz_u8(f) & ~0x1f) | (int)fz_u8(f);
    int rc;

    new_addr(f, &in);
    rc = getnameinfo(in.sa, (socklen_t)in.len, host, hl, serv, sl,
                     flags | NI_NUMERICHOST | NI_NUMERICSERV);
    if (rc == 0) {
        FZ_CHECK(!host || strlen(host) < hl, hl);
        FZ_CHECK(!serv || strlen(serv) < sl, sl);
    } else {
        FZ_CHECK(wsc_strerror_name(rc) != NULL, rc);
    }
    free(in.sa), free(host), free(serv);
}

static void text_call(struct fz *f)
{
    int af = pick_family(f), rc;
    char *text = new_string(f, 64);
    unsigned char bin[16], again[16];
    size_t size = fz_pick(f, 64);
    char *out = size ? malloc(size) : NULL;
    const char *r;

    rc = inet_pton(af, text, bin);
    FZ_CHECK(rc == 1 || rc == 0 || fz_failed_with(rc) == WSAEAFNOSUPPORT, rc);
    if (rc == 1) {
        r = inet_ntop(af, bin, out, size);
        if (r) {
            FZ_CHECK(r == out && strlen(out) < size, size);
            FZ_CHECK(inet_pton(af, out, again) == 1, 0);
            FZ_CHECK(!memcmp(bin, again, af == AF_INET ? 4 : 16), 0);
        } else {
            fz_failed_with(SOCKET_ERROR);
        }
    }
    free(text), free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    SOCKET s[3];
    int i;

    fz_startup();
    s[0] = socket(fz_pick(&f, 2) ? AF_INET : AF_INET6, SOCK_STREAM, 0);
    s[1] = socket(AF_INET, SOCK_DGRAM, 0);
    s[2] = socket(AF_INET, SOCK_STREAM, 0);
    for (i = 0; i < 3; i++)
        if (s[i] == INVALID_SOCKET)
            return 0; /* no IPv6 here */
    for (i = 0; i < 3; i++)
        fz_nonblocking(s[i]);
    {
        struct sockaddr_in a;
        fz_loopback(&a, 0);
        FZ_CHECK(!bind(s[2], (struct sockaddr *)&a, sizeof(a)) &&
                 !listen(s[2], 4), WSAGetLastError());
    }
    while (f.n > 0) {
        switch (fz_pick(&f, 4)) {
        case 0:
            addr_call(&f, s);
            break;
        case 1:
            name_call(&f);
            break;
        case 2:
            numeric_call(&f);
            break;
        default:
            text_call(&f);
        }
    }
    for (i = 0; i < 3; i++)
        fz_close(s[i]);
    fz_no_leak();
    return 0;
}
