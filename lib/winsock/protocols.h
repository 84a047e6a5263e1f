/* Protocol information (protocols.c): the entries WSAEnumProtocols
 * lists, and what getsockopt and WSASocket make of them. */
#ifndef WSC_PROTOCOLS_H
#define WSC_PROTOCOLS_H

#include "ws.h"

/* 1 for SO_PROTOCOL_INFOA and SO_PROTOCOL_INFOW (level SOL_SOCKET). */
static inline int ws_is_protocol_info(int optname)
{
    return optname == SO_PROTOCOL_INFOA || optname == SO_PROTOCOL_INFOW;
}
/* getsockopt of one of them: 0 or -WSA code, Windows' sizes. */
long ws_get_protocol_info(struct wsc_sock *e, int optname, char *optval,
                          int *optlen);
/* getsockopt(SO_BSP_STATE): a CSADDR_INFO, the two addresses after it in
 * the caller's buffer; 0 or -WSA code. */
long ws_get_bsp_state(struct wsc_sock *e, char *optval, int *optlen);
/* WSASocket with lpProtocolInfo: the duplicated socket it describes, or
 * a new socket of its entry's triple (arguments FROM_PROTOCOL_INFO or 0
 * taken from it); the SOCKET, or INVALID_SOCKET with the last error. */
SOCKET ws_socket_from_info(int af, int type, int protocol, const void *info,
                           DWORD flags);

#endif
