/* Between iflist.c (Linux headers) and mswsock.c (Winsock headers). */
#ifndef WSC_IFLIST_H
#define WSC_IFLIST_H
#include <stdint.h>

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
struct sockaddr_storage;
int ws_interface_addresses(int family, struct sockaddr_storage *out,
                           int max);

#endif
