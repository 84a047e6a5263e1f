/* wscompat: <ws2ipdef.h>, the IPv4 and IPv6 definitions of Winsock.  The
 * address structures and option numbers are winsock2.h's. */
#ifndef WSCOMPAT_WS2IPDEF_H
#define WSCOMPAT_WS2IPDEF_H

#include "winsock2.h"
#include "ws2def.h"

typedef SOCKADDR_IN6 SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH;
typedef union _SOCKADDR_INET {
    SOCKADDR_IN Ipv4;
    SOCKADDR_IN6 Ipv6;
    ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;
typedef struct ip_mreq IP_MREQ, *PIP_MREQ;
typedef struct ipv6_mreq IPV6_MREQ, *PIPV6_MREQ;
/* IP_PKTINFO's control data as Windows lays it out (Linux's struct
 * in_pktinfo has another). */
typedef struct wsc_in_pktinfo {
    IN_ADDR ipi_addr;
    ULONG ipi_ifindex;
} IN_PKTINFO, *PIN_PKTINFO;
#define in_pktinfo wsc_in_pktinfo
typedef struct wsc_in6_pktinfo {
    IN6_ADDR ipi6_addr;
    ULONG ipi6_ifindex;
} IN6_PKTINFO, *PIN6_PKTINFO;
#define in6_pktinfo wsc_in6_pktinfo

/* SIO_GET_INTERFACE_LIST's entries: 76 bytes each, as on Windows. */
struct sockaddr_in6_old {
    SHORT sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
};
typedef union sockaddr_gen {
    struct sockaddr Address;
    struct sockaddr_in AddressIn;
    struct sockaddr_in6_old AddressIn6;
} sockaddr_gen;
typedef struct _INTERFACE_INFO {
    ULONG iiFlags;
    sockaddr_gen iiAddress;
    sockaddr_gen iiBroadcastAddress;
    sockaddr_gen iiNetmask;
} INTERFACE_INFO, *LPINTERFACE_INFO;
/* Windows' numbers (Linux's <net/if.h>, if included first, keeps its). */
#ifndef IFF_UP
#define IFF_UP 0x00000001
#define IFF_BROADCAST 0x00000002
#define IFF_LOOPBACK 0x00000004
#define IFF_POINTTOPOINT 0x00000008
#define IFF_MULTICAST 0x00000010
#endif

#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 22
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 65
#endif

#endif /* WSCOMPAT_WS2IPDEF_H */
