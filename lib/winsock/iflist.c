/* The interfaces, from getifaddrs, for SIO_GET_INTERFACE_LIST,
 * SIO_ADDRESS_LIST_QUERY and the IP Helper.  Linux headers only:
 * <net/if.h>'s IFF_ numbers are not Windows' (ws2ipdef.h has those), so
 * this file stays apart from the Winsock headers. */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if_arp.h>
#include <netpacket/packet.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "iflist.h"

int ws_ipv4_interfaces(struct ws_iface *out, int max)
{
    struct ifaddrs *all, *i;
    int n = 0;

    if (getifaddrs(&all) < 0)
        return -1;
    for (i = all; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET ||
            !(i->ifa_flags & IFF_UP))
            continue;
        if (n < max) {
            out[n].flags = WS_IFF_UP |
                           (i->ifa_flags & IFF_BROADCAST ? WS_IFF_BROADCAST : 0) |
                           (i->ifa_flags & IFF_LOOPBACK ? WS_IFF_LOOPBACK : 0) |
                           (i->ifa_flags & IFF_POINTOPOINT ? WS_IFF_POINTTOPOINT : 0) |
                           (i->ifa_flags & IFF_MULTICAST ? WS_IFF_MULTICAST : 0);
            out[n].addr = ((struct sockaddr_in *)i->ifa_addr)->sin_addr.s_addr;
            out[n].mask = i->ifa_netmask ? ((struct sockaddr_in *)i->ifa_netmask)->sin_addr.s_addr : 0;
            out[n].bcast = (i->ifa_flags & IFF_BROADCAST) && i->ifa_broadaddr
                               ? ((struct sockaddr_in *)i->ifa_broadaddr)->sin_addr.s_addr
                               : 0;
        }
        n++;
    }
    freeifaddrs(all);
    return n;
}

int ws_interface_addresses(int family, struct sockaddr_storage *out,
                           int max)
{
    struct ifaddrs *all, *i;
    size_t len = family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                    : sizeof(struct sockaddr_in);
    int n = 0;

    if (getifaddrs(&all) < 0)
        return -1;
    for (i = all; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != family ||
            !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK))
            continue;
        if (n < max) {
            memset(&out[n], 0, sizeof(out[n]));
            memcpy(&out[n], i->ifa_addr, len);
        }
        n++;
    }
    freeifaddrs(all);
    return n;
}

/* ---- the IP Helper's view ------------------------------------------------ */

/* Windows' IF_TYPE_ numbers (ipifcons.h). */
enum { IFT_OTHER = 1, IFT_ETHERNET = 6, IFT_PPP = 23, IFT_LOOPBACK = 24,
       IFT_IEEE80211 = 71, IFT_TUNNEL = 131 };

static unsigned windows_iftype(unsigned hatype, unsigned flags)
{
    if (flags & IFF_LOOPBACK)
        return IFT_LOOPBACK;
    switch (hatype) {
    case ARPHRD_ETHER: return IFT_ETHERNET;
    case ARPHRD_PPP: return IFT_PPP;
    case ARPHRD_IEEE80211:
    case ARPHRD_IEEE80211_PRISM:
    case ARPHRD_IEEE80211_RADIOTAP: return IFT_IEEE80211;
    case ARPHRD_TUNNEL:
    case ARPHRD_TUNNEL6:
    case ARPHRD_SIT:
    case ARPHRD_IPGRE:
    case ARPHRD_NONE: return IFT_TUNNEL;
    }
    return IFT_OTHER;
}

/* /sys/class/net/NAME/WHAT as a number; -1 if it cannot be read. */
static long long sys_net_number(const char *name, const char *what)
{
    char path[96], buf[32];
    long long v = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/sys/class/net/%s/%s", name, what);
    if (!(f = fopen(path, "re")))
        return -1;
    if (fgets(buf, sizeof(buf), f))
        v = strtoll(buf, NULL, 10);
    fclose(f);
    return v;
}

/* A counter of /sys/class/net/NAME/WHAT; 0 if Linux keeps none. */
static uint64_t counter(const char *name, const char *what)
{
    long long v = sys_net_number(name, what);

    return v > 0 ? (uint64_t)v : 0;
}

void ws_if_counters(const char *name, struct ws_ifcounters *c)
{
    uint64_t multicast = counter(name, "statistics/multicast");
    uint64_t rx = counter(name, "statistics/rx_packets");

    c->in_octets = counter(name, "statistics/rx_bytes");
    c->in_ucast = rx - (multicast < rx ? multicast : rx);
    c->in_nucast = multicast;
    c->in_discards = counter(name, "statistics/rx_dropped");
    c->in_errors = counter(name, "statistics/rx_errors");
    c->out_octets = counter(name, "statistics/tx_bytes");
    c->out_ucast = counter(name, "statistics/tx_packets");
    c->out_discards = counter(name, "statistics/tx_dropped");
    c->out_errors = counter(name, "statistics/tx_errors");
    c->out_qlen = counter(name, "tx_queue_len");
}

/* A device under the interface: hardware, not one the kernel made. */
static int has_device(const char *name)
{
    char path[96];

    snprintf(path, sizeof(path), "/sys/class/net/%s/device", name);
    return access(path, F_OK) == 0;
}

/* The IPv4 default route's gateway through the interface (network
 * order), from /proc/net/route; 0 if there is none. */
static uint32_t default_gateway(const char *name)
{
    char line[256], iface[WS_IFNAME + 1];
    unsigned dest, gw, flags;
    uint32_t found = 0;
    FILE *f = fopen("/proc/net/route", "re");

    if (!f)
        return 0;
    while (!found && fgets(line, sizeof(line), f))
        if (sscanf(line, "%16s %x %x %x", iface, &dest, &gw, &flags) == 4 &&
            !strcmp(iface, name) && dest == 0 && (flags & RTF_GATEWAY))
            found = gw; /* (the kernel prints it as the u32 it holds) */
    fclose(f);
    return found;
}

static unsigned prefix_of(const struct sockaddr *mask)
{
    const unsigned char *b;
    unsigned n = 0, len, i;

    if (!mask)
        return 0;
    if (mask->sa_family == AF_INET6) {
        b = ((const struct sockaddr_in6 *)mask)->sin6_addr.s6_addr;
        len = 16;
    } else {
        b = (const unsigned char *)&((const struct sockaddr_in *)mask)->sin_addr;
        len = 4;
    }
    for (i = 0; i < len; i++)
        n += (unsigned)__builtin_popcount(b[i]);
    return n;
}

static struct ws_ifinfo *find_or_add(struct ws_ifinfo **v, int *n, int *cap,
                                     const struct ifaddrs *i)
{
    struct ws_ifinfo *w;
    int k;

    for (k = 0; k < *n; k++)
        if (!strcmp((*v)[k].name, i->ifa_name))
            return &(*v)[k];
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 8;
        struct ws_ifinfo *nv = realloc(*v, (size_t)c * sizeof(**v));

        if (!nv)
            return NULL;
        *v = nv;
        *cap = c;
    }
    w = &(*v)[(*n)++];
    memset(w, 0, sizeof(*w));
    snprintf(w->name, sizeof(w->name), "%s", i->ifa_name);
    w->index = if_nametoindex(i->ifa_name);
    w->flags = (i->ifa_flags & IFF_UP ? WS_IFF_UP : 0) |
               (i->ifa_flags & IFF_BROADCAST ? WS_IFF_BROADCAST : 0) |
               (i->ifa_flags & IFF_LOOPBACK ? WS_IFF_LOOPBACK : 0) |
               (i->ifa_flags & IFF_POINTOPOINT ? WS_IFF_POINTTOPOINT : 0) |
               (i->ifa_flags & IFF_MULTICAST ? WS_IFF_MULTICAST : 0);
    w->running = (i->ifa_flags & (IFF_UP | IFF_RUNNING)) ==
                 (IFF_UP | IFF_RUNNING);
    w->iftype = windows_iftype(ARPHRD_VOID, i->ifa_flags);
    return w;
}

static int add_addr(struct ws_ifinfo *w, const struct ifaddrs *i)
{
    struct ws_ifaddr *a, *na;
    int v6 = i->ifa_addr->sa_family == AF_INET6;

    na = realloc(w->addr, (size_t)(w->naddr + 1) * sizeof(*na));
    if (!na)
        return -1;
    w->addr = na;
    a = &na[w->naddr++];
    memset(a, 0, sizeof(*a));
    memcpy(&a->addr, i->ifa_addr, v6 ? sizeof(struct sockaddr_in6)
                                     : sizeof(struct sockaddr_in));
    ((struct sockaddr_in *)&a->addr)->sin_port = 0;
    a->prefix = prefix_of(i->ifa_netmask);
    if (v6) {
        w->nv6++;
        return 0;
    }
    w->nv4++;
    if (i->ifa_netmask)
        a->mask = ((struct sockaddr_in *)i->ifa_netmask)->sin_addr.s_addr;
    if ((i->ifa_flags & IFF_BROADCAST) && i->ifa_broadaddr)
        a->bcast = ((struct sockaddr_in *)i->ifa_broadaddr)->sin_addr.s_addr;
    return 0;
}

/* Loopback ones last, then by index. */
static int by_kind_then_index(const void *x, const void *y)
{
    const struct ws_ifinfo *a = x, *b = y;
    int la = !!(a->flags & WS_IFF_LOOPBACK), lb = !!(b->flags & WS_IFF_LOOPBACK);

    if (la != lb)
        return la - lb;
    return (a->index > b->index) - (a->index < b->index);
}

/* The IPv6 addresses before the IPv4 ones, each in Linux's order. */
static void v6_first(struct ws_ifinfo *w)
{
    struct ws_ifaddr *v;
    int k, n = 0, pass;

    if (w->naddr < 2 || !(v = malloc((size_t)w->naddr * sizeof(*v))))
        return;
    for (pass = 0; pass < 2; pass++)
        for (k = 0; k < w->naddr; k++)
            if ((w->addr[k].addr.ss_family == AF_INET6) == !pass)
                v[n++] = w->addr[k];
    memcpy(w->addr, v, (size_t)n * sizeof(*v));
    free(v);
}

void ws_interfaces_free(struct ws_ifinfo *v, int n)
{
    int k;

    for (k = 0; k < n; k++)
        free(v[k].addr);
    free(v);
}

int ws_interfaces(struct ws_ifinfo **out)
{
    struct ifaddrs *all, *i;
    struct ws_ifinfo *v = NULL, *w;
    int n = 0, cap = 0, k;
    long long x;

    if (getifaddrs(&all) < 0)
        return -1;
    for (i = all; i; i = i->ifa_next) {
        if (!(w = find_or_add(&v, &n, &cap, i)))
            goto fail;
        if (!i->ifa_addr)
            continue;
        if (i->ifa_addr->sa_family == AF_PACKET) {
            const struct sockaddr_ll *ll = (const struct sockaddr_ll *)i->ifa_addr;

            w->iftype = windows_iftype(ll->sll_hatype, i->ifa_flags);
            w->hwlen = ll->sll_halen > WS_IFHW ? WS_IFHW : ll->sll_halen;
            memcpy(w->hw, ll->sll_addr, w->hwlen);
            if (w->iftype == IFT_LOOPBACK)
                w->hwlen = 0; /* (Windows' loopback has none) */
        } else if ((i->ifa_addr->sa_family == AF_INET ||
                    i->ifa_addr->sa_family == AF_INET6) &&
                   add_addr(w, i) < 0) {
            goto fail;
        }
    }
    freeifaddrs(all);
    for (k = 0; k < n; k++) {
        w = &v[k];
        x = sys_net_number(w->name, "mtu");
        w->mtu = x > 0 ? (unsigned)x : 1500;
        x = sys_net_number(w->name, "speed"); /* (Mb/s) */
        w->speed = x > 0 ? (uint64_t)x * 1000000 : 0;
        if (!w->speed && w->iftype == IFT_LOOPBACK)
            w->speed = 1073741824; /* (Windows' figure for its loopback) */
        w->gateway = default_gateway(w->name);
        w->hardware = has_device(w->name);
        v6_first(w);
    }
    qsort(v, (size_t)n, sizeof(*v), by_kind_then_index);
    *out = v;
    return n;
fail:
    freeifaddrs(all);
    ws_interfaces_free(v, n);
    return -1;
}

void ws_wide_name(wchar_t *w, size_t cap, const char *s)
{
    size_t i;

    for (i = 0; s[i] && i + 1 < cap; i++)
        w[i] = (wchar_t)(unsigned char)s[i];
    w[i] = 0;
}

int ws_same_address(const struct sockaddr_storage *a,
                    const struct sockaddr_storage *b)
{
    if (a->ss_family != b->ss_family)
        return 0;
    if (a->ss_family == AF_INET)
        return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
               ((const struct sockaddr_in *)b)->sin_addr.s_addr;
    return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
                   &((const struct sockaddr_in6 *)b)->sin6_addr, 16);
}

int ws_dns_servers(struct sockaddr_storage *out, int max)
{
    char line[256], addr[64];
    int n = 0;
    FILE *f = fopen("/etc/resolv.conf", "re");

    if (!f)
        return 0;
    while (n < max && fgets(line, sizeof(line), f)) {
        struct sockaddr_in *s4 = (struct sockaddr_in *)&out[n];
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&out[n];

        if (sscanf(line, " nameserver %63s", addr) != 1)
            continue;
        memset(&out[n], 0, sizeof(out[n]));
        if (inet_pton(AF_INET, addr, &s4->sin_addr) == 1) {
            s4->sin_family = AF_INET;
            n++;
        } else if (inet_pton(AF_INET6, addr, &s6->sin6_addr) == 1) {
            s6->sin6_family = AF_INET6;
            n++;
        }
    }
    fclose(f);
    return n;
}
