/* wscompat: <wspiapi.h>, the getaddrinfo shims of old Windows versions:
 * here they are getaddrinfo, freeaddrinfo and getnameinfo. */
#ifndef WSCOMPAT_WSPIAPI_H
#define WSCOMPAT_WSPIAPI_H
#include "ws2tcpip.h"
#define WspiapiGetAddrInfo getaddrinfo
#define WspiapiFreeAddrInfo freeaddrinfo
#define WspiapiGetNameInfo getnameinfo
#define WspiapiLegacyGetAddrInfo getaddrinfo
#define WspiapiLegacyFreeAddrInfo freeaddrinfo
#define WspiapiLegacyGetNameInfo getnameinfo
#endif
