/* The IP Helper's adapters (iphlpapi.h): GetAdaptersAddresses,
 * GetAdaptersInfo, GetIpAddrTable, GetNumberOfInterfaces and
 * GetNetworkParams, laid out in the caller's buffer as Windows lays them
 * out, from iflist.c's view of Linux's interfaces.  Each asks for the
 * size first in the same way: a buffer too small (or none) gets the size
 * it needs and ERROR_BUFFER_OVERFLOW (GetIpAddrTable:
 * ERROR_INSUFFICIENT_BUFFER). */
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include "ws.h"
#include "iflist.h"

#define MAX_DNS 8

/* A layout in the caller's buffer.  The same code counts and fills: while
 * counting (base NULL, or a buffer too small), each piece is written to
 * a scratch block instead, and only the size is kept. */
struct lay {
    char *base;
    size_t used, cap;
};

static void *take(struct lay *l, size_t n)
{
    static __thread union {
        IP_ADAPTER_ADDRESSES a;
        char bytes[1024];
    } scratch;
    size_t at = (l->used + 7) & ~(size_t)7;

    l->used = at + n;
    if (!l->base || l->used > l->cap) {
        memset(&scratch, 0, n);
        return &scratch;
    }
    return memset(l->base + at, 0, n);
}

static int fits(const struct lay *l)
{
    return l->base && l->used <= l->cap;
}

static char *put_str(struct lay *l, const char *s)
{
    return strcpy(take(l, strlen(s) + 1), s);
}

static WCHAR *put_wstr(struct lay *l, const char *s)
{
    size_t n = strlen(s), i;
    WCHAR *w = take(l, (n + 1) * sizeof(WCHAR));

    for (i = 0; i <= n; i++)
        w[i] = (unsigned char)s[i];
    return w;
}

static socklen_t sa_len(const struct sockaddr_storage *ss)
{
    return ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                     : sizeof(struct sockaddr_in);
}

static void put_sockaddr(struct lay *l, SOCKET_ADDRESS *to,
                         const struct sockaddr_storage *ss)
{
    socklen_t len = sa_len(ss);

    to->lpSockaddr = memcpy(take(l, len), ss, len);
    to->iSockaddrLength = (INT)len;
}

static int family_wanted(ULONG family, const struct sockaddr_storage *ss)
{
    return family == AF_UNSPEC || family == ss->ss_family;
}

static int is_link_local(const struct sockaddr_storage *ss)
{
    const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)ss;
    const struct sockaddr_in *s4 = (const struct sockaddr_in *)ss;

    if (ss->ss_family == AF_INET6)
        return s6->sin6_addr.s6_addr[0] == 0xfe &&
               (s6->sin6_addr.s6_addr[1] & 0xc0) == 0x80;
    return (ntohl(s4->sin_addr.s_addr) >> 16) == 0xa9fe; /* 169.254/16 */
}

void ws_addr_origin(const struct ws_ifinfo *w, const struct ws_ifaddr *x,
                    int *prefix, int *suffix)
{
    int wk = w->iftype == IF_TYPE_SOFTWARE_LOOPBACK;

    *prefix = wk ? IpPrefixOriginWellKnown : IpPrefixOriginManual;
    *suffix = wk ? IpSuffixOriginWellKnown
              : is_link_local(&x->addr) ? IpSuffixOriginLinkLayerAddress
                                        : IpSuffixOriginManual;
}

/* ---- GetAdaptersAddresses ------------------------------------------------ */

/* The list entries share their first members (Length, then Flags or
 * Reserved, Next, Address): one function lays out each kind. */
#define PUT_ENTRY(l, type, link, ss)                                        \
    ({                                                                      \
        type *e_ = take((l), sizeof(type));                                 \
        e_->Length = sizeof(type);                                          \
        put_sockaddr((l), &e_->Address, (ss));                              \
        *(link) = e_;                                                       \
        e_;                                                                 \
    })

static void put_unicast(struct lay *l, IP_ADAPTER_ADDRESSES *a,
                        const struct ws_ifinfo *w, ULONG family)
{
    PIP_ADAPTER_UNICAST_ADDRESS *link = &a->FirstUnicastAddress;
    int k, wk = w->iftype == IF_TYPE_SOFTWARE_LOOPBACK;

    for (k = 0; k < w->naddr; k++) {
        const struct ws_ifaddr *x = &w->addr[k];
        IP_ADAPTER_UNICAST_ADDRESS *u;
        int po, so;

        if (!family_wanted(family, &x->addr))
            continue;
        u = PUT_ENTRY(l, IP_ADAPTER_UNICAST_ADDRESS, link, &x->addr);
        u->Flags = wk || is_link_local(&x->addr)
                       ? 0 : IP_ADAPTER_ADDRESS_DNS_ELIGIBLE;
        ws_addr_origin(w, x, &po, &so);
        u->PrefixOrigin = (IP_PREFIX_ORIGIN)po;
        u->SuffixOrigin = (IP_SUFFIX_ORIGIN)so;
        u->DadState = IpDadStatePreferred;
        u->ValidLifetime = u->PreferredLifetime = u->LeaseLifetime = 0xffffffffu;
        u->OnLinkPrefixLength = (UINT8)x->prefix;
        link = &u->Next;
    }
}

/* The network each address is on: the address with its host part zero. */
static void put_prefixes(struct lay *l, IP_ADAPTER_ADDRESSES *a,
                         const struct ws_ifinfo *w, ULONG family)
{
    PIP_ADAPTER_PREFIX *link = &a->FirstPrefix;
    int k;

    for (k = 0; k < w->naddr; k++) {
        struct sockaddr_storage net = w->addr[k].addr;
        unsigned char *b = net.ss_family == AF_INET6
            ? ((struct sockaddr_in6 *)&net)->sin6_addr.s6_addr
            : (unsigned char *)&((struct sockaddr_in *)&net)->sin_addr;
        unsigned bits = w->addr[k].prefix, len = net.ss_family == AF_INET6 ? 16 : 4, i;
        IP_ADAPTER_PREFIX *p;

        if (!family_wanted(family, &net))
            continue;
        for (i = 0; i < len; i++, bits = bits > 8 ? bits - 8 : 0)
            b[i] &= bits >= 8 ? 0xff : (unsigned char)(0xff00 >> bits);
        if (net.ss_family == AF_INET6)
            ((struct sockaddr_in6 *)&net)->sin6_scope_id = 0;
        p = PUT_ENTRY(l, IP_ADAPTER_PREFIX, link, &net);
        p->PrefixLength = w->addr[k].prefix;
        link = &p->Next;
    }
}

static void put_dns(struct lay *l, IP_ADAPTER_ADDRESSES *a, ULONG family,
                    const struct sockaddr_storage *dns, int ndns)
{
    PIP_ADAPTER_DNS_SERVER_ADDRESS *link = &a->FirstDnsServerAddress;
    int k;

    for (k = 0; k < ndns; k++)
        if (family_wanted(family, &dns[k]))
            link = &PUT_ENTRY(l, IP_ADAPTER_DNS_SERVER_ADDRESS, link,
                              &dns[k])->Next;
}

static void put_gateway(struct lay *l, IP_ADAPTER_ADDRESSES *a,
                        const struct ws_ifinfo *w, ULONG family)
{
    struct sockaddr_storage gw;
    struct sockaddr_in *s4 = (struct sockaddr_in *)&gw;

    if (!w->gateway || (family != AF_UNSPEC && family != AF_INET))
        return;
    memset(&gw, 0, sizeof(gw));
    s4->sin_family = AF_INET;
    s4->sin_addr.s_addr = w->gateway;
    PUT_ENTRY(l, IP_ADAPTER_GATEWAY_ADDRESS, &a->FirstGatewayAddress, &gw);
}

static IP_ADAPTER_ADDRESSES *put_adapter(struct lay *l,
                                         const struct ws_ifinfo *w,
                                         ULONG family, ULONG flags,
                                         const struct sockaddr_storage *dns,
                                         int ndns)
{
    IP_ADAPTER_ADDRESSES *a = take(l, sizeof(*a));

    a->Length = sizeof(*a);
    a->IfIndex = w->index;
    a->AdapterName = put_str(l, w->name);
    a->DnsSuffix = put_wstr(l, "");
    a->Description = put_wstr(l, w->name);
    a->FriendlyName = put_wstr(l, w->name);
    memcpy(a->PhysicalAddress, w->hw, w->hwlen);
    a->PhysicalAddressLength = w->hwlen;
    a->Flags = (w->nv4 ? IP_ADAPTER_IPV4_ENABLED : 0) |
               (w->nv6 ? IP_ADAPTER_IPV6_ENABLED : 0);
    a->Mtu = w->mtu;
    a->IfType = w->iftype;
    a->OperStatus = w->running ? IfOperStatusUp : IfOperStatusDown;
    a->Ipv6IfIndex = w->nv6 ? w->index : 0;
    a->ZoneIndices[ScopeLevelInterface] = w->index;
    a->ZoneIndices[ScopeLevelLink] = w->index;
    a->ZoneIndices[ScopeLevelSubnet] = w->index;
    a->ZoneIndices[ScopeLevelAdmin] = a->ZoneIndices[ScopeLevelSite] = 1;
    a->ZoneIndices[ScopeLevelOrganization] = 1;
    a->TransmitLinkSpeed = a->ReceiveLinkSpeed = w->speed;
    a->Luid.Value = ws_luid_value(w);
    a->CompartmentId = 1;
    a->ConnectionType = NET_IF_CONNECTION_DEDICATED;
    a->TunnelType = w->iftype == IF_TYPE_TUNNEL ? TUNNEL_TYPE_OTHER
                                                : TUNNEL_TYPE_NONE;
    if (!(flags & GAA_FLAG_SKIP_UNICAST))
        put_unicast(l, a, w, family);
    if (flags & GAA_FLAG_INCLUDE_PREFIX)
        put_prefixes(l, a, w, family);
    if (!(flags & GAA_FLAG_SKIP_DNS_SERVER) && w->running &&
        w->iftype != IF_TYPE_SOFTWARE_LOOPBACK)
        put_dns(l, a, family, dns, ndns);
    if (flags & GAA_FLAG_INCLUDE_GATEWAYS)
        put_gateway(l, a, w, family);
    return a;
}

ULONG ws_GetAdaptersAddresses(ULONG family, ULONG flags, PVOID reserved,
                              PIP_ADAPTER_ADDRESSES addrs, PULONG size)
{
    struct sockaddr_storage dns[MAX_DNS];
    struct ws_ifinfo *v;
    struct lay l = { (char *)addrs, 0, 0 };
    PIP_ADAPTER_ADDRESSES *link = &addrs, dummy;
    int n, k, ndns;

    (void)reserved;
    if (!size || (family != AF_UNSPEC && family != AF_INET &&
                  family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (n == 0) {
        free(v);
        return ERROR_NO_DATA;
    }
    l.cap = addrs ? *size : 0;
    ndns = ws_dns_servers(dns, MAX_DNS);
    for (k = 0; k < n; k++) {
        if (!fits(&l))
            link = &dummy; /* (counting) */
        *link = put_adapter(&l, &v[k], family, flags, dns, ndns);
        link = &(*link)->Next;
    }
    ws_interfaces_free(v, n);
    if (!fits(&l)) {
        *size = (ULONG)l.used;
        return ERROR_BUFFER_OVERFLOW;
    }
    *link = NULL;
    return NO_ERROR;
}

/* ---- GetAdaptersInfo ---------------------------------------------------- */

static void put_ipv4(IP_ADDRESS_STRING *s, uint32_t a)
{
    struct in_addr x;

    x.s_addr = a;
    inet_ntop(AF_INET, &x, s->String, sizeof(s->String));
}

static UINT mib_type(unsigned iftype)
{
    switch (iftype) {
    case IF_TYPE_ETHERNET_CSMACD: return MIB_IF_TYPE_ETHERNET;
    case IF_TYPE_PPP: return MIB_IF_TYPE_PPP;
    case IF_TYPE_IEEE80211: return IF_TYPE_IEEE80211;
    }
    return MIB_IF_TYPE_OTHER;
}

/* An adapter's IPv4 addresses: the first in the list entry itself, the
 * rest chained after it ("0.0.0.0" when it has none). */
static void put_ipv4_list(struct lay *l, IP_ADAPTER_INFO *ai,
                          const struct ws_ifinfo *w)
{
    IP_ADDR_STRING *s = &ai->IpAddressList;
    int k, first = 1;

    put_ipv4(&s->IpAddress, 0);
    put_ipv4(&s->IpMask, 0);
    for (k = 0; k < w->naddr; k++) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)&w->addr[k].addr;

        if (a->sin_family != AF_INET)
            continue;
        if (!first)
            s = s->Next = take(l, sizeof(*s));
        first = 0;
        put_ipv4(&s->IpAddress, a->sin_addr.s_addr);
        put_ipv4(&s->IpMask, w->addr[k].mask);
        s->Context = w->index;
    }
}

static IP_ADAPTER_INFO *put_info(struct lay *l, const struct ws_ifinfo *w)
{
    IP_ADAPTER_INFO *ai = take(l, sizeof(*ai));

    ai->ComboIndex = w->index;
    snprintf(ai->AdapterName, sizeof(ai->AdapterName), "%s", w->name);
    snprintf(ai->Description, sizeof(ai->Description), "%s", w->name);
    ai->AddressLength = w->hwlen;
    memcpy(ai->Address, w->hw, w->hwlen);
    ai->Index = w->index;
    ai->Type = mib_type(w->iftype);
    put_ipv4_list(l, ai, w);
    put_ipv4(&ai->GatewayList.IpAddress, w->gateway);
    put_ipv4(&ai->GatewayList.IpMask, w->gateway ? 0xffffffffu : 0);
    return ai;
}

DWORD ws_GetAdaptersInfo(PIP_ADAPTER_INFO info, PULONG size)
{
    struct ws_ifinfo *v;
    struct lay l = { (char *)info, 0, 0 };
    PIP_ADAPTER_INFO *link = &info, dummy;
    int n, k, listed = 0;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    l.cap = info ? *size : 0;
    for (k = 0; k < n; k++) {
        if (v[k].iftype == IF_TYPE_SOFTWARE_LOOPBACK)
            continue; /* (Windows leaves its loopback out) */
        if (!fits(&l))
            link = &dummy;
        *link = put_info(&l, &v[k]);
        link = &(*link)->Next;
        listed++;
    }
    ws_interfaces_free(v, n);
    if (!listed)
        return ERROR_NO_DATA;
    if (!fits(&l)) {
        *size = (ULONG)l.used;
        return ERROR_BUFFER_OVERFLOW;
    }
    *link = NULL;
    return NO_ERROR;
}

/* ---- GetIpAddrTable, GetNumberOfInterfaces ------------------------------- */

static int by_address(const void *x, const void *y)
{
    uint32_t a = ntohl(((const MIB_IPADDRROW *)x)->dwAddr);
    uint32_t b = ntohl(((const MIB_IPADDRROW *)y)->dwAddr);

    return (a > b) - (a < b);
}

DWORD ws_GetIpAddrTable(PMIB_IPADDRTABLE table, PULONG size, BOOL order)
{
    struct ws_ifinfo *v;
    ULONG need;
    int n, k, j, rows = 0;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (k = 0; k < n; k++)
        rows += v[k].nv4;
    need = (ULONG)SIZEOF_IP_ADDRTABLE(rows ? rows : 1);
    if (!table || *size < need) {
        ws_interfaces_free(v, n);
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    table->dwNumEntries = 0;
    for (k = 0; k < n; k++) {
        for (j = 0; j < v[k].naddr; j++) {
            const struct sockaddr_in *a = (const struct sockaddr_in *)&v[k].addr[j].addr;
            MIB_IPADDRROW *r = &table->table[table->dwNumEntries];

            if (a->sin_family != AF_INET)
                continue;
            memset(r, 0, sizeof(*r));
            r->dwAddr = a->sin_addr.s_addr;
            r->dwIndex = v[k].index;
            r->dwMask = v[k].addr[j].mask;
            r->dwBCastAddr = 1; /* (Windows' value: the host part all ones) */
            r->dwReasmSize = 65535;
            r->wType = MIB_IPADDR_PRIMARY |
                       (v[k].running ? 0 : MIB_IPADDR_DISCONNECTED);
            table->dwNumEntries++;
        }
    }
    ws_interfaces_free(v, n);
    if (order)
        qsort(table->table, table->dwNumEntries, sizeof(table->table[0]),
              by_address);
    return NO_ERROR;
}

DWORD ws_GetNumberOfInterfaces(PDWORD count)
{
    struct ws_ifinfo *v;
    int n;

    if (!count)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    ws_interfaces_free(v, n);
    *count = (DWORD)n;
    return NO_ERROR;
}

/* ---- GetNetworkParams --------------------------------------------------- */

DWORD ws_GetNetworkParams(PFIXED_INFO info, PULONG size)
{
    struct sockaddr_storage dns[MAX_DNS];
    struct utsname u;
    char *host = u.nodename, *dot;
    struct lay l = { (char *)info, 0, 0 };
    IP_ADDR_STRING *s;
    FIXED_INFO *fi;
    int ndns, k, first = 1;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    l.cap = info ? *size : 0;
    ndns = ws_dns_servers(dns, MAX_DNS);
    fi = take(&l, sizeof(*fi));
    s = &fi->DnsServerList;
    for (k = 0; k < ndns; k++) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)&dns[k];

        if (a->sin_family != AF_INET)
            continue; /* (FIXED_INFO lists IPv4 servers) */
        if (!first)
            s = s->Next = take(&l, sizeof(*s));
        first = 0;
        put_ipv4(&s->IpAddress, a->sin_addr.s_addr);
    }
    if (!fits(&l)) {
        *size = (ULONG)l.used;
        return ERROR_BUFFER_OVERFLOW;
    }
    /* (Not gethostname, Winsock's here, which wants WSAStartup.) */
    if (uname(&u) < 0)
        u.nodename[0] = '\0';
    if ((dot = strchr(host, '.')))
        *dot++ = '\0';
    snprintf(fi->HostName, sizeof(fi->HostName), "%s", host);
    snprintf(fi->DomainName, sizeof(fi->DomainName), "%s", dot ? dot : "");
    fi->CurrentDnsServer = first ? NULL : &fi->DnsServerList;
    fi->NodeType = BROADCAST_NODETYPE;
    return NO_ERROR;
}
