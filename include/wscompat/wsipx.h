/* wscompat: <wsipx.h>, IPX and SPX addresses.  Windows has had no IPX
 * since Vista: socket(AF_IPX, ...) fails WSAEAFNOSUPPORT there, and here
 * (Linux has none either).  What remains is what code that still names
 * IPX needs to compile. */
#ifndef WSCOMPAT_WSIPX_H
#define WSCOMPAT_WSIPX_H
#include "winsock2.h"

typedef struct sockaddr_ipx {
    short sa_family;
    char sa_netnum[4];
    char sa_nodenum[6];
    unsigned short sa_socket;
} SOCKADDR_IPX, *PSOCKADDR_IPX, *LPSOCKADDR_IPX;

#define NSPROTO_IPX 1000
#define NSPROTO_SPX 1256
#define NSPROTO_SPXII 1257

#endif
