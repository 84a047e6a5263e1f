/* Winsock: an address between its forms: WSAAddressToString and
 * WSAStringToAddress (text with a port, Windows' lenient IPv4 syntax),
 * inet_addr (the same syntax), InetPtonW/InetNtopW, and the byte-order
 * functions that take a socket (WSAHtonl, WSAHtons, WSANtohl,
 * WSANtohs).  The W forms take Linux's wchar_t strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "ws.h"

/* ---- byte order ---------------------------------------------------------- */

/* Windows checks the socket, then the pointer. */
static int put_order(SOCKET s, const void *v, void *out, size_t n)
{
    struct wsc_sock *e = wsc_enter(s);

    if (!e)
        return SOCKET_ERROR;
    if (wsc_bad_ptr(out) || wsc_copy_out(out, v, n))
        return wsc_leave(e, -WSAEFAULT);
    return wsc_leave(e, 0);
}

int wsc_WSAHtonl(SOCKET s, u_long host, u_long *net)
{
    u_long v = htonl(host);

    return put_order(s, &v, net, sizeof(v));
}

int wsc_WSANtohl(SOCKET s, u_long net, u_long *host)
{
    u_long v = ntohl(net);

    return put_order(s, &v, host, sizeof(v));
}

int wsc_WSAHtons(SOCKET s, u_short host, u_short *net)
{
    u_short v = htons(host);

    return put_order(s, &v, net, sizeof(v));
}

int wsc_WSANtohs(SOCKET s, u_short net, u_short *host)
{
    u_short v = ntohs(net);

    return put_order(s, &v, host, sizeof(v));
}

/* ---- address to text ----------------------------------------------------- */

/* "a.b.c.d[:port]" or "addr[%scope]", "[addr[%scope]]:port"; 0 or a WSA
 * code. */
static int format_address(const struct sockaddr_storage *ss, char *out,
                          size_t cap)
{
    char ip[INET6_ADDRSTRLEN], scope[16] = "";

    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
        if (a->sin_port)
            snprintf(out, cap, "%s:%u", ip, ntohs(a->sin_port));
        else
            snprintf(out, cap, "%s", ip);
        return 0;
    }
    if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
        inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof(ip));
        if (a->sin6_scope_id)
            snprintf(scope, sizeof(scope), "%%%u", a->sin6_scope_id);
        if (a->sin6_port)
            snprintf(out, cap, "[%s%s]:%u", ip, scope, ntohs(a->sin6_port));
        else
            snprintf(out, cap, "%s%s", ip, scope);
        return 0;
    }
    return WSAEINVAL;
}

/* The text of an address, checked as Windows does: the address, its
 * length for its family, then the room (*len counts characters with the
 * NUL and is set to that on success and on WSAEFAULT). */
static int address_text(const struct sockaddr *sa, DWORD salen, char *text,
                        size_t cap, const DWORD *len)
{
    struct sockaddr_storage ss;

    if (!wsc_started())
        return WSANOTINITIALISED;
    if (wsc_bad_ptr(sa) || wsc_bad_ptr(len) || salen < sizeof(sa_family_t) ||
        wsc_copy_addr(&ss, sa, salen))
        return WSAEFAULT;
    if ((ss.ss_family == AF_INET || ss.ss_family == AF_INET6) &&
        salen < (DWORD)wsc_addr_size(ss.ss_family))
        return WSAEFAULT;
    return format_address(&ss, text, cap);
}

/* text out to the caller, as char or (wide) as wchar_t: *len is set to
 * the room needed with the NUL, and too little room is WSAEFAULT. */
static int put_text(const char *text, void *out, DWORD *len, int wide)
{
    wchar_t w[96];
    DWORD need = (DWORD)strlen(text) + 1, have, i;
    size_t unit = wide ? sizeof(wchar_t) : 1;

    for (i = 0; wide && i < need; i++)
        w[i] = (unsigned char)text[i];
    if (wsc_copy_in(&have, len, sizeof(have)) ||
        wsc_copy_out(len, &need, sizeof(need)))
        return wsc_fail(WSAEFAULT);
    if (have < need || wsc_bad_ptr(out) ||
        wsc_copy_out(out, wide ? (const void *)w : text, need * unit))
        return wsc_fail(WSAEFAULT);
    return wsc_ok(0);
}

int wsc_WSAAddressToStringA(struct sockaddr *sa, DWORD salen, void *info,
                            char *out, DWORD *len)
{
    char text[96];
    int r = address_text(sa, salen, text, sizeof(text), len);

    (void)info;
    return r ? wsc_fail(r) : put_text(text, out, len, 0);
}

int wsc_WSAAddressToStringW(struct sockaddr *sa, DWORD salen, void *info,
                            wchar_t *out, DWORD *len)
{
    char text[96];
    int r = address_text(sa, salen, text, sizeof(text), len);

    (void)info;
    return r ? wsc_fail(r) : put_text(text, out, len, 1);
}

/* ---- text to address ----------------------------------------------------- */

/* One number of Windows' IPv4 syntax at *p: decimal, octal after a 0, hex
 * after 0x; wraps at 32 bits as Windows does.  -1 when there is none or a
 * digit does not belong to its base. */
static int parse_number(const char **p, uint32_t *v)
{
    const char *s = *p;
    unsigned base = 10, d;
    int digits = 0;

    *v = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    else if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
        base = 8, s++;
    for (;; s++, digits++) {
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if (base == 16 && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f'))
            d = (unsigned)((*s | 0x20) - 'a' + 10);
        else
            break;
        if (d >= base)
            return -1;
        *v = *v * base + d;
    }
    if (!digits)
        return -1;
    *p = s;
    return 0;
}

/* a, a.b, a.b.c or a.b.c.d (the last part fills what is left) at *p,
 * into *addr (host order), *p left after it; 0 or -1. */
static int parse_dotted(const char **p, uint32_t *addr)
{
    uint32_t part[4];
    int n = 0, i;

    for (;;) {
        if (n == 4 || parse_number(p, &part[n]) < 0)
            return -1;
        n++;
        if (**p != '.')
            break;
        (*p)++;
    }
    for (i = 0; i < n - 1; i++)
        if (part[i] > 255)
            return -1;
    if (n > 1 && part[n - 1] >> (8 * (5 - n)))
        return -1;
    *addr = part[n - 1];
    for (i = 0; i < n - 1; i++)
        *addr |= part[i] << (24 - 8 * i);
    return 0;
}

/* An address as parse_dotted reads it, then an optional :port; 0 or
 * -1.  What follows a good address failing it, the address is out all
 * the same, without family or port, as Windows leaves it (protocol.c
 * test_WSAStringToAddress: "3.4.5.6 ", "127.127.127.127:0"). */
static int parse_ipv4(const char *s, struct sockaddr_in *out)
{
    uint32_t addr, port = 0;

    if (parse_dotted(&s, &addr) < 0)
        return -1;
    out->sin_addr.s_addr = htonl(addr);
    if (*s == ':') {
        s++;
        if (parse_number(&s, &port) < 0 || port == 0 || port > 65535)
            return -1;
    }
    if (*s)
        return -1;
    out->sin_family = AF_INET;
    out->sin_port = htons((uint16_t)port);
    return 0;
}

/* inet_addr as Windows has it (protocol.c test_inet_addr): the syntax
 * above, ended by the string's end or by white space (after which
 * anything goes); a leading space, an empty string or other trailing
 * text is INADDR_NONE, except that " " alone is 0.  NULL is WSAEFAULT;
 * nothing else touches the last error.  Only the first 63 characters
 * are read (a longer address is one ended by white space). */
u_long wsc_inet_addr(const char *cp)
{
    char text[64];
    const char *s = text;
    uint32_t addr;
    long n;

    if (wsc_bad_ptr(cp)) {
        wsc_fail(WSAEFAULT);
        return INADDR_NONE;
    }
    n = wsc_copy_str(text, cp, sizeof(text));
    if (n == -WSAENAMETOOLONG && !wsc_copy_in(text, cp, sizeof(text) - 1))
        text[sizeof(text) - 1] = 0, n = 0;
    if (n < 0) {
        wsc_fail(WSAEFAULT);
        return INADDR_NONE;
    }
    if (!strcmp(text, " "))
        return 0;
    if (parse_dotted(&s, &addr) < 0 ||
        (*s && !strchr(" \t\n\v\f\r", *s)))
        return INADDR_NONE;
    return htonl(addr);
}

/* addr, addr%scope, [addr], [addr%scope]:port; 0 or -1. */
static int parse_ipv6(const char *s, struct sockaddr_in6 *out)
{
    char ip[INET6_ADDRSTRLEN + 16], *end, *pct;
    unsigned long port = 0, scope = 0;
    size_t n;

    if (*s == '[') {
        end = strchr(s, ']');
        if (!end)
            return -1;
        n = (size_t)(end - s - 1);
        if (end[1] == ':') {
            port = strtoul(end + 2, &pct, 10);
            if (!end[2] || *pct || port == 0 || port > 65535)
                return -1;
        } else if (end[1]) {
            return -1;
        }
        s++;
    } else {
        n = strlen(s);
    }
    if (n == 0 || n >= sizeof(ip))
        return -1;
    memcpy(ip, s, n);
    ip[n] = 0;
    pct = strchr(ip, '%');
    if (pct) {
        *pct++ = 0;
        scope = strtoul(pct, &end, 10);
        if (!*pct || *end)
            return -1;
    }
    if (inet_pton(AF_INET6, ip, &out->sin6_addr) != 1)
        return -1;
    out->sin6_family = AF_INET6;
    out->sin6_port = htons((uint16_t)port);
    out->sin6_scope_id = (uint32_t)scope;
    return 0;
}

/* The address in text (a local copy) into the caller's sa; Windows
 * checks the room first and leaves *len alone on a failed parse. */
static int text_address(const char *text, int af, struct sockaddr *sa,
                        int *len)
{
    struct sockaddr_storage ss;
    int have, need;

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (af != AF_INET && af != AF_INET6)
        return wsc_fail(WSAEINVAL);
    need = wsc_addr_size(af);
    if (wsc_bad_ptr(len) || wsc_copy_in(&have, len, sizeof(have)))
        return wsc_fail(WSAEFAULT);
    if (have < need || wsc_bad_ptr(sa)) {
        wsc_copy_out(len, &need, sizeof(need));
        return wsc_fail(WSAEFAULT);
    }
    memset(&ss, 0, sizeof(ss));
    if ((af == AF_INET ? parse_ipv4(text, (struct sockaddr_in *)&ss)
                       : parse_ipv6(text, (struct sockaddr_in6 *)&ss)) < 0) {
        wsc_copy_out(sa, &ss, (size_t)need); /* (what the parse left) */
        return wsc_fail(WSAEINVAL);
    }
    if (wsc_copy_out(sa, &ss, (size_t)need) ||
        wsc_copy_out(len, &need, sizeof(need)))
        return wsc_fail(WSAEFAULT);
    return wsc_ok(0);
}

int wsc_WSAStringToAddressA(char *str, int af, void *info,
                            struct sockaddr *sa, int *len)
{
    char text[128];
    long n;

    (void)info;
    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (wsc_bad_ptr(str))
        return wsc_fail(WSAEINVAL);
    n = wsc_copy_str(text, str, sizeof(text));
    if (n == -WSAEFAULT)
        return wsc_fail(WSAEFAULT);
    if (n < 0)
        return wsc_fail(WSAEINVAL);
    return text_address(text, af, sa, len);
}

/* A wide string to ASCII; -1 past cap or for a character above 0x7f
 * (an address has none). */
static int narrow(const wchar_t *w, char *out, size_t cap)
{
    size_t i;
    wchar_t c;

    for (i = 0; i < cap; i++) {
        if (wsc_copy_in(&c, w + i, sizeof(c)))
            return -WSAEFAULT;
        if (c > 0x7f)
            return -1;
        out[i] = (char)c;
        if (!c)
            return 0;
    }
    return -1;
}

int wsc_WSAStringToAddressW(wchar_t *str, int af, void *info,
                            struct sockaddr *sa, int *len)
{
    char text[128];
    int r;

    (void)info;
    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    if (wsc_bad_ptr(str))
        return wsc_fail(WSAEINVAL);
    r = narrow(str, text, sizeof(text));
    if (r == -WSAEFAULT)
        return wsc_fail(WSAEFAULT);
    if (r < 0)
        text[0] = 0; /* not an address, as the parse will find */
    return text_address(text, af, sa, len);
}

/* ---- inet_pton/inet_ntop, wide ------------------------------------------ */

int wsc_InetPtonW(int af, const wchar_t *src, void *dst)
{
    char text[INET6_ADDRSTRLEN + 1];
    int r;

    if (wsc_bad_ptr(src) || (r = narrow(src, text, sizeof(text))) == -WSAEFAULT) {
        wsc_fail(WSAEFAULT);
        return -1;
    }
    if (r < 0)
        text[0] = 0; /* not an address, as inet_pton will find */
    /* Unlike inet_pton, "not an address" sets WSAEINVAL (protocol.c
     * test_inet_pton). */
    r = wsc_inet_pton(af, text, dst);
    if (r == 0)
        wsc_fail(WSAEINVAL);
    return r;
}

const wchar_t *wsc_InetNtopW(int af, const void *src, wchar_t *dst,
                             size_t size)
{
    char text[INET6_ADDRSTRLEN];
    wchar_t wide[INET6_ADDRSTRLEN];
    size_t i, n;

    if (!wsc_inet_ntop(af, src, text, size < sizeof(text) ? size
                                                          : sizeof(text)))
        return NULL;
    n = strlen(text) + 1;
    for (i = 0; i < n; i++)
        wide[i] = (unsigned char)text[i];
    if (wsc_bad_ptr(dst) || wsc_copy_out(dst, wide, n * sizeof(wchar_t))) {
        wsc_fail(dst ? WSAEFAULT : WSAEINVAL); /* as inet_ntop */
        return NULL;
    }
    return dst;
}
