/* Between iflist.c (Linux headers) and mswsock.c, adapters.c, iftable.c
 * and netioapi.c (Winsock headers). */
#ifndef WSC_IFLIST_H
#define WSC_IFLIST_H
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* Windows' IFF_ numbers. */
enum { WS_IFF_UP = 1, WS_IFF_BROADCAST = 2, WS_IFF_LOOPBACK = 4,
       WS_IFF_POINTTOPOINT = 8, WS_IFF_MULTICAST = 16 };

struct ws_iface {
    uint32_t flags;              /* WS_IFF_ */
    uint32_t addr, bcast, mask;  /* network order */
};

/* The IPv4 interfaces that are up, up to max of them in out; returns how
 * many there are (may exceed max), or -1. */
int ws_ipv4_interfaces(struct ws_iface *out, int max);

/* The addresses of family (AF_INET or AF_INET6) of the interfaces that
 * are up, loopback ones left out, as Windows' SIO_ADDRESS_LIST_QUERY
 * lists them: up to max in out (each struct sockaddr_in or _in6, port
 * 0); returns how many there are, or -1. */
int ws_interface_addresses(int family, struct sockaddr_storage *out,
                           int max);

/* An interface as the IP Helper describes it (adapters.c). */
#define WS_IFNAME 16
#define WS_IFHW 8
struct ws_ifaddr {
    struct sockaddr_storage addr;  /* sockaddr_in or _in6, port 0 */
    unsigned prefix;               /* the on-link prefix length */
    uint32_t mask, bcast;          /* IPv4, network order */
};
struct ws_ifinfo {
    char name[WS_IFNAME + 1];
    unsigned index, mtu, flags; /* flags: WS_IFF_ */
    unsigned iftype;            /* Windows' IF_TYPE_ number */
    int running;                /* operationally up */
    int hardware;               /* has a device (/sys/class/net/NAME/device) */
    unsigned hwlen;
    unsigned char hw[WS_IFHW];
    uint64_t speed;             /* bits per second; 0: not known */
    uint32_t gateway;           /* IPv4 default route's, network order */
    int naddr, nv4, nv6;
    struct ws_ifaddr *addr;
};

/* Every interface, up or not, loopback ones last, each with its IPv6
 * then IPv4 addresses, as Windows lists them: how many, with *out a malloc'ed array for
 * ws_interfaces_free; -1 if Linux would not tell. */
int ws_interfaces(struct ws_ifinfo **out);
void ws_interfaces_free(struct ws_ifinfo *v, int n);

/* The name servers of /etc/resolv.conf, up to max in out; how many. */
int ws_dns_servers(struct sockaddr_storage *out, int max);

/* An interface's counters as the IP Helper names them, from
 * /sys/class/net/NAME/statistics (0 where Linux keeps none). */
struct ws_ifcounters {
    uint64_t in_octets, in_ucast, in_nucast, in_discards, in_errors;
    uint64_t out_octets, out_ucast, out_discards, out_errors, out_qlen;
};
void ws_if_counters(const char *name, struct ws_ifcounters *c);

/* s as a wide string in w, cap characters with the terminating 0. */
void ws_wide_name(wchar_t *w, size_t cap, const char *s);

/* 1 if a and b (sockaddr_in or _in6) are the same address, port and
 * scope aside. */
int ws_same_address(const struct sockaddr_storage *a,
                    const struct sockaddr_storage *b);

/* The interface's LUID (NET_LUID.Value): its index and Windows IF_TYPE
 * (netioapi.c). */
uint64_t ws_luid_value(const struct ws_ifinfo *w);

/* How Windows says the address came to be: its NL_PREFIX_ORIGIN and
 * NL_SUFFIX_ORIGIN (adapters.c). */
void ws_addr_origin(const struct ws_ifinfo *w, const struct ws_ifaddr *x,
                    int *prefix, int *suffix);

#endif
