/* Option names newer than the mingw-w64 headers the Windows runner is
 * built with (Windows' values, from the SDK's ws2def.h, ws2ipdef.h and
 * mstcpip.h).  wscompat's own headers define them all. */
#ifndef CT_OPTNAMES_H
#define CT_OPTNAMES_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>

#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE 3
#endif
#ifndef TCP_MAXRT
#define TCP_MAXRT 5
#endif
#ifndef TCP_FASTOPEN
#define TCP_FASTOPEN 15
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT 16
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL 17
#endif
#ifndef SO_RANDOMIZE_PORT
#define SO_RANDOMIZE_PORT 0x3005
#endif
#ifndef SO_PORT_SCALABILITY
#define SO_PORT_SCALABILITY 0x3006
#endif
#ifndef SO_BSP_STATE
#define SO_BSP_STATE 0x1009
#endif

#endif
