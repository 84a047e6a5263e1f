/* wscompat: <mswsock.h>, the parts that make sense without overlapped I/O.
 * These options are accepted by setsockopt and have nothing to do on Linux
 * (the accepted or connected socket is already a full socket there). */
#ifndef WSCOMPAT_MSWSOCK_H
#define WSCOMPAT_MSWSOCK_H
#include "winsock2.h"
#define SO_UPDATE_ACCEPT_CONTEXT 0x700B
#define SO_UPDATE_CONNECT_CONTEXT 0x7010
#define SO_CONNECT_TIME 0x700C
#endif
