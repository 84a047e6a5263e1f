/* The IPv4 interfaces for SIO_GET_INTERFACE_LIST, from getifaddrs.  Linux
 * headers only: <net/if.h>'s IFF_ numbers are not Windows' (ws2ipdef.h
 * has those), so this file stays apart from the Winsock headers. */
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
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
