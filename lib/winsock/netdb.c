/* The Winsock 1 database calls beside gethostbyname: gethostbyaddr, the
 * services and protocols.  Each answers in storage of
 * the calling thread, which its next call of the same kind overwrites,
 * as Windows' does, and fails with the code Windows gives. */
#include <string.h>
#include <strings.h>
#include "ws.h"
#include "lookup.h"

/* Windows' own protocol table: it reads no /etc/protocols. */
static const struct {
    int number;
    const char *name, *alias;
} protocols[] = {
    { 0, "ip", "IP" },            { 1, "icmp", "ICMP" },
    { 3, "ggp", "GGP" },          { 6, "tcp", "TCP" },
    { 8, "egp", "EGP" },          { 12, "pup", "PUP" },
    { 17, "udp", "UDP" },         { 20, "hmp", "HMP" },
    { 22, "xns-idp", "XNS-IDP" }, { 27, "rdp", "RDP" },
    { 41, "ipv6", "IPv6" },       { 43, "ipv6-route", "IPv6-Route" },
    { 44, "ipv6-frag", "IPv6-Frag" }, { 50, "esp", "ESP" },
    { 51, "ah", "AH" },           { 58, "ipv6-icmp", "IPv6-ICMP" },
    { 59, "ipv6-nonxt", "IPv6-NoNxt" }, { 60, "ipv6-opts", "IPv6-Opts" },
    { 66, "rvd", "RVD" },
};
#define NPROTOCOLS (sizeof(protocols) / sizeof(protocols[0]))

static __thread struct protoent t_proto;
static __thread char *t_proto_aliases[2];
static __thread struct servent t_serv;
static __thread char t_serv_buf[1024];
static __thread struct hostent t_host;
static __thread char t_host_buf[2048];

static void *fail_null(int code)
{
    wsc_fail(code);
    return NULL;
}

int wsc_take_name(char *dst, const char *src, size_t cap, int too_long)
{
    long n;

    if (wsc_bad_ptr(src))
        return WSAEFAULT;
    n = wsc_copy_str(dst, src, cap);
    return n == -WSAEFAULT ? WSAEFAULT : n < 0 ? too_long : 0;
}

/* A name no entry has: WSANO_DATA when longer than any. */
static int copy_name(char *dst, const char *src, size_t cap)
{
    return wsc_take_name(dst, src, cap, WSANO_DATA);
}

static struct protoent *protocol_at(size_t i)
{
    t_proto_aliases[0] = (char *)protocols[i].alias;
    t_proto_aliases[1] = NULL;
    t_proto.p_name = (char *)protocols[i].name;
    t_proto.p_aliases = t_proto_aliases;
    t_proto.p_proto = protocols[i].number;
    wsc_ok(0);
    return &t_proto;
}

struct protoent *ws_getprotobyname(const char *caller_name)
{
    char name[64];
    size_t i;
    int r;

    if (!wsc_started())
        return fail_null(WSANOTINITIALISED);
    if ((r = copy_name(name, caller_name, sizeof(name))))
        return fail_null(r);
    for (i = 0; i < NPROTOCOLS; i++)
        if (!strcasecmp(name, protocols[i].name))
            return protocol_at(i);
    return fail_null(WSANO_DATA);
}

struct protoent *ws_getprotobynumber(int number)
{
    size_t i;

    if (!wsc_started())
        return fail_null(WSANOTINITIALISED);
    for (i = 0; i < NPROTOCOLS; i++)
        if (protocols[i].number == number)
            return protocol_at(i);
    return fail_null(WSANO_DATA);
}

/* The services are the system's (/etc/services); a missing protocol
 * matches any. */
static struct servent *service(const char *name, int port,
                               const char *caller_proto)
{
    char proto[32];
    struct servent *found = NULL;
    int r;

    if (!wsc_started())
        return fail_null(WSANOTINITIALISED);
    if (caller_proto && (r = copy_name(proto, caller_proto, sizeof(proto))))
        return fail_null(r);
    if (name)
        getservbyname_r(name, caller_proto ? proto : NULL, &t_serv,
                        t_serv_buf, sizeof(t_serv_buf), &found);
    else
        getservbyport_r(port, caller_proto ? proto : NULL, &t_serv,
                        t_serv_buf, sizeof(t_serv_buf), &found);
    if (!found)
        return fail_null(WSANO_DATA);
    wsc_ok(0);
    return found;
}

struct servent *ws_getservbyname(const char *caller_name, const char *proto)
{
    char name[NI_MAXSERV];
    int r;

    if (wsc_started() && (r = copy_name(name, caller_name, sizeof(name))))
        return fail_null(r);
    return service(name, 0, proto);
}

struct servent *ws_getservbyport(int port, const char *proto)
{
    return service(NULL, port, proto);
}

struct hostent *ws_gethostbyaddr(const char *caller_addr, int len, int type)
{
    unsigned char addr[16];
    struct hostent *found = NULL;
    int want = type == AF_INET6 ? 16 : 4, herr = 0;

    if (!wsc_started())
        return fail_null(WSANOTINITIALISED);
    if (type != AF_INET && type != AF_INET6)
        return fail_null(WSAEAFNOSUPPORT);
    if (wsc_bad_ptr(caller_addr) || len < want ||
        wsc_copy_in(addr, caller_addr, (size_t)want))
        return fail_null(WSAEFAULT);
    gethostbyaddr_r(addr, (socklen_t)want, type, &t_host, t_host_buf,
                    sizeof(t_host_buf), &found, &herr);
    if (!found)
        return fail_null(wsc_h_errno_code(herr));
    wsc_ok(0);
    return found;
}
