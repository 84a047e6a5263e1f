/* Shared by the Winsock front-end files.  Linux's numbers are captured
 * here, before the Windows headers give the same names Windows values. */
#ifndef WSC_FRONTEND_H
#define WSC_FRONTEND_H

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include "engine.h"
#include "direct_path.h"
#include "usermem.h"

enum {
    L_SOL_SOCKET = SOL_SOCKET,
    L_SO_DEBUG = SO_DEBUG, L_SO_ACCEPTCONN = SO_ACCEPTCONN,
    L_SO_REUSEADDR = SO_REUSEADDR, L_SO_KEEPALIVE = SO_KEEPALIVE,
    L_SO_DONTROUTE = SO_DONTROUTE, L_SO_BROADCAST = SO_BROADCAST,
    L_SO_OOBINLINE = SO_OOBINLINE, L_SO_SNDBUF = SO_SNDBUF,
    L_SO_RCVBUF = SO_RCVBUF, L_SO_SNDLOWAT = SO_SNDLOWAT,
    L_SO_RCVLOWAT = SO_RCVLOWAT, L_SO_TYPE = SO_TYPE,
    L_IP_TOS = IP_TOS, L_IP_TTL = IP_TTL, L_IP_HDRINCL = IP_HDRINCL,
    L_IP_MULTICAST_TTL = IP_MULTICAST_TTL,
    L_IP_MULTICAST_LOOP = IP_MULTICAST_LOOP,
    L_IPV6_UNICAST_HOPS = IPV6_UNICAST_HOPS,
    L_IPV6_MULTICAST_HOPS = IPV6_MULTICAST_HOPS,
    L_IPV6_MULTICAST_LOOP = IPV6_MULTICAST_LOOP,
    L_IPV6_V6ONLY = IPV6_V6ONLY,
    L_TCP_NODELAY = TCP_NODELAY, L_TCP_KEEPIDLE = TCP_KEEPIDLE,
    L_TCP_KEEPINTVL = TCP_KEEPINTVL, L_TCP_KEEPCNT = TCP_KEEPCNT,
    L_MSG_OOB = MSG_OOB, L_MSG_PEEK = MSG_PEEK,
    L_MSG_DONTROUTE = MSG_DONTROUTE, L_MSG_WAITALL = MSG_WAITALL,
    L_MSG_TRUNC = MSG_TRUNC, L_MSG_CTRUNC = MSG_CTRUNC,
    L_IP_PKTINFO = IP_PKTINFO, L_IPV6_PKTINFO = IPV6_PKTINFO,
    L_IPV6_RECVPKTINFO = IPV6_RECVPKTINFO, L_IPV6_HOPLIMIT = IPV6_HOPLIMIT,
    L_IPV6_RECVHOPLIMIT = IPV6_RECVHOPLIMIT,
    L_IP_MTU_DISCOVER = IP_MTU_DISCOVER, L_IP_PMTUDISC_DO = IP_PMTUDISC_DO,
    L_IP_PMTUDISC_DONT = IP_PMTUDISC_DONT,
    L_IPV6_MTU_DISCOVER = IPV6_MTU_DISCOVER,
    L_IPV6_PMTUDISC_DO = IPV6_PMTUDISC_DO,
    L_IPV6_PMTUDISC_DONT = IPV6_PMTUDISC_DONT,
    L_IP_RECVTOS = IP_RECVTOS, L_IP_RECVTTL = IP_RECVTTL,
    L_IPV6_RECVTCLASS = IPV6_RECVTCLASS, L_IPV6_TCLASS = IPV6_TCLASS,
    L_IP_MULTICAST_IF = IP_MULTICAST_IF,
    L_IPV6_MULTICAST_IF = IPV6_MULTICAST_IF,
    L_TCP_USER_TIMEOUT = TCP_USER_TIMEOUT, L_TCP_MAXSEG = TCP_MAXSEG,
    L_IP_PMTUDISC_WANT = IP_PMTUDISC_WANT,
    L_IP_PMTUDISC_PROBE = IP_PMTUDISC_PROBE,
    L_IPV6_PMTUDISC_WANT = IPV6_PMTUDISC_WANT,
    L_IPV6_PMTUDISC_PROBE = IPV6_PMTUDISC_PROBE,
    L_IPV6_DONTFRAG = IPV6_DONTFRAG, L_IP_MTU = IP_MTU, L_IPV6_MTU = IPV6_MTU,
    L_IP_ADD_MEMBERSHIP = IP_ADD_MEMBERSHIP,
    L_IP_DROP_MEMBERSHIP = IP_DROP_MEMBERSHIP,
    L_IPV6_ADD_MEMBERSHIP = IPV6_ADD_MEMBERSHIP,
    L_IPV6_DROP_MEMBERSHIP = IPV6_DROP_MEMBERSHIP,
    /* <linux/in.h>, <linux/in6.h>: the interface index a socket sends on
     * (IPv4 in network order, as Windows has it). */
    L_IP_UNICAST_IF = 50, L_IPV6_UNICAST_IF = 76,
    /* <netinet/udp.h>: segmentation offload's segment size. */
    L_SOL_UDP = 17, L_UDP_SEGMENT = 103, L_SO_NO_CHECK = SO_NO_CHECK,
    L_POLLIN = POLLIN, L_POLLOUT = POLLOUT, L_POLLPRI = POLLPRI,
    L_POLLERR = POLLERR, L_POLLHUP = POLLHUP, L_POLLNVAL = POLLNVAL,
    L_POLLRDHUP = POLLRDHUP,
    L_AI_PASSIVE = AI_PASSIVE, L_AI_CANONNAME = AI_CANONNAME,
    L_AI_NUMERICHOST = AI_NUMERICHOST, L_AI_NUMERICSERV = AI_NUMERICSERV,
    L_AI_ALL = AI_ALL, L_AI_ADDRCONFIG = AI_ADDRCONFIG,
    L_AI_V4MAPPED = AI_V4MAPPED,
    L_NI_NOFQDN = NI_NOFQDN, L_NI_NUMERICHOST = NI_NUMERICHOST,
    L_NI_NAMEREQD = NI_NAMEREQD, L_NI_NUMERICSERV = NI_NUMERICSERV,
    L_NI_DGRAM = NI_DGRAM,
    L_EAI_AGAIN = EAI_AGAIN, L_EAI_BADFLAGS = EAI_BADFLAGS,
    L_EAI_FAIL = EAI_FAIL, L_EAI_FAMILY = EAI_FAMILY,
    L_EAI_MEMORY = EAI_MEMORY, L_EAI_NONAME = EAI_NONAME,
    L_EAI_NODATA = EAI_NODATA, L_EAI_SERVICE = EAI_SERVICE,
    L_EAI_SOCKTYPE = EAI_SOCKTYPE, L_EAI_SYSTEM = EAI_SYSTEM,
    L_EAI_ADDRFAMILY = EAI_ADDRFAMILY,
};

#include "winsock2.h"
#include "ws2tcpip.h"
#include "iphlpapi.h"
#include "wscompat.h"
#include "lasterror.h" /* the last error is Win32's (lib/win32) */

/* The implementations of the traced Winsock functions (ws_trace.c). */
/* For the kind column of api.def: WSC_IF_TRACED_##kind(x) is x for the
 * traced functions, nothing for the PLAIN ones. */
#define WSC_IF_TRACED_INT(...) __VA_ARGS__
#define WSC_IF_TRACED_SOCKET(...) __VA_ARGS__
#define WSC_IF_TRACED_PTR(...) __VA_ARGS__
#define WSC_IF_TRACED_PTON(...) __VA_ARGS__
#define WSC_IF_TRACED_CODE(...) __VA_ARGS__
#define WSC_IF_TRACED_HOT(...) __VA_ARGS__
#define WSC_IF_TRACED_PLAIN(...)
/* A HOT function's public wsc_NAME is its direct path (io.c), which calls
 * wsc_slow_NAME (trace.c: ws_NAME, traced or not) for everything else. */
#define WSC_IF_HOT_INT(...)
#define WSC_IF_HOT_SOCKET(...)
#define WSC_IF_HOT_PTR(...)
#define WSC_IF_HOT_PTON(...)
#define WSC_IF_HOT_CODE(...)
#define WSC_IF_HOT_HOT(...) __VA_ARGS__
#define WSC_IF_HOT_PLAIN(...)
#define WINSOCK(header, ret, name, params, args, kind) \
    WSC_IF_TRACED_##kind(ret ws_##name params;)     \
    WSC_IF_HOT_##kind(ret wsc_slow_##name params;)
#define WINSOCK_ALIAS(header, alias, name)
#define WINSOCK_AW(header, name)
#include "api.def"
#undef WINSOCK

/* Set the calling thread's last error and return SOCKET_ERROR. */
int wsc_fail(int code);
/* Clear the last error and return value. */
static inline int wsc_ok(int value)
{
    wsc_w32_set_error(0);
    return value;
}
/* 1 between WSAStartup and the final WSACleanup. */
extern _Atomic int wsc_startups __attribute__((visibility("hidden")));
static inline int wsc_started(void)
{
    return atomic_load_explicit(&wsc_startups, memory_order_relaxed) > 0;
}
/* Start a call on a handle: checks WSAStartup, takes a reference; NULL
 * with the last error set when it cannot. */
/* SO_OPENTYPE of the calling thread: not 0, socket() makes sockets
 * without overlapped I/O (as WSASocket without WSA_FLAG_OVERLAPPED). */
extern _Thread_local uint32_t wsc_opentype;
struct wsc_sock *wsc_enter(SOCKET s);
/* End it: drops the reference; r < 0 is a -WSA code -> SOCKET_ERROR. */
int wsc_leave(struct wsc_sock *e, long r);
/* The direct path's entry: the entry of an in-range number (the whole
 * SOCKET, never a truncation of it), or NULL for the general path
 * (wsc_enter) to find out why not.  The caller takes its references with
 * wsc_ref_flags.  No WSAStartup check: before it and after the final
 * WSACleanup no number is open.  Its end: the engine dropped the
 * references. */
static inline struct wsc_sock *wsc_entry_direct(SOCKET s)
{
    return wsc_entry_of(s);
}
static inline int wsc_leave_direct(long r)
{
    if (__builtin_expect(r < 0, 0))
        return wsc_fail((int)-r);
    return wsc_ok((int)r);
}
/* A pointer Windows would reject with WSAEFAULT (NULL or the first 64
 * KiB, which Windows never maps). */
static inline int wsc_bad_ptr(const void *p)
{
    return (uintptr_t)p < 0x10000;
}
/* The resolution behind every getaddrinfo form and WSAConnectByName:
 * node and service in library memory, hints with Linux flags or NULL;
 * 0 with *ai set (freeaddrinfo it), or the Windows code (names.c). */
int wsc_resolve(const char *node, const char *service,
                const struct addrinfo *h, struct addrinfo **ai);
/* Size Windows requires for an address of the socket's family. */
/* GetProcAddress's table to the Win32 layer (procs.c). */
void wsc_procs_install(void);
static inline int wsc_addr_size(int family)
{
    return family == AF_INET6 ? (int)sizeof(struct sockaddr_in6)
                              : (int)sizeof(struct sockaddr_in);
}

#endif
