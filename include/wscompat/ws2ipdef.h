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
#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 22
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 65
#endif

#endif /* WSCOMPAT_WS2IPDEF_H */
