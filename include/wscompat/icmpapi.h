/* wscompat: <icmpapi.h>, ICMP echo (ping) through the IP Helper:
 * IcmpCreateFile/Icmp6CreateFile, IcmpSendEcho, IcmpSendEcho2(Ex) and
 * Icmp6SendEcho2 (at once, or finished later: an event set or an APC run
 * in the caller's alertable wait), IcmpParseReplies/Icmp6ParseReplies,
 * IcmpCloseHandle.  Linux's ping sockets underneath, or a raw socket
 * where ping sockets are not allowed (net.ipv4.ping_group_range) and the
 * process may open one. */
#ifndef WSCOMPAT_ICMPAPI_H
#define WSCOMPAT_ICMPAPI_H

#include "winsock2.h"
#include "ws2ipdef.h"
#include "ipexport.h"

/* The APC IcmpSendEcho2 takes: PIO_APC_ROUTINE when winternl.h came
 * first, FARPROC otherwise, as Windows' header has it (one pointer
 * either way). */
#ifdef PIO_APC_ROUTINE_DEFINED
typedef PIO_APC_ROUTINE WSC_ICMP_APC;
#else
typedef FARPROC WSC_ICMP_APC;
#endif

#ifdef __cplusplus
extern "C" {
#endif
#define WSC_API_ICMPAPI
#include "wsc_api.h"
#undef WSC_API_ICMPAPI
#ifdef __cplusplus
}
#endif

#endif /* WSCOMPAT_ICMPAPI_H */
