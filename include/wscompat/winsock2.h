/* wscompat: Winsock 2 for Linux.
 *
 * Compile Windows network code unchanged: `#include <winsock2.h>` finds this
 * header through `pkg-config --cflags wscompat`.  The system headers are
 * included first; then every Winsock name that clashes with POSIX is
 * redirected by macro to its wsc_ implementation (recv -> wsc_recv), the way
 * gnulib's replacement headers do, so both worlds can share a translation
 * unit.  Types, constants and error numbers have their Windows values. */
#ifndef WSCOMPAT_WINSOCK2_H
#define WSCOMPAT_WINSOCK2_H

/* The POSIX and BSD names these headers need (u_int, pthread_rwlock_t)
 * even under -std=c99 or -std=c11, which hide them: pkg-config's flags
 * say _DEFAULT_SOURCE; this covers a program whose first header is ours. */
#if !defined(_DEFAULT_SOURCE) && !defined(_GNU_SOURCE)
#define _DEFAULT_SOURCE 1
#endif

/* FD_SETSIZE: 64 unless the program defined its own before this header.
 * glibc's <sys/select.h> defines it too, so keep the program's value aside
 * while the system headers go by.  If a system header already defined it
 * (1024), that value cannot be told from a program's own 1024, and the
 * larger one is kept: a bigger set is harmless, a smaller one would drop
 * sockets the program meant to add. */
#if defined(FD_SETSIZE)
#define WSC_USER_FD_SETSIZE 1
#pragma push_macro("FD_SETSIZE")
#undef FD_SETSIZE
#endif

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <errno.h>
#include <unistd.h> /* declares gethostname: before its macro, not after */

/* Windows' socklen_t is an int (ws2tcpip.h), and Windows code often says
 * so itself (typedef int socklen_t;), which glibc's unsigned one would
 * refuse: from here on the name is Winsock's; the declarations above
 * keep glibc's. */
#ifndef WSC_INSIDE_LIB
typedef int wsc_socklen_t;
#define socklen_t wsc_socklen_t
#endif

#undef FD_SETSIZE
#ifdef WSC_USER_FD_SETSIZE
#pragma pop_macro("FD_SETSIZE")
#undef WSC_USER_FD_SETSIZE
#else
#define FD_SETSIZE 64
#endif

#include "windows.h"
#include "wsaerrors.h"
#include "wscompat.h" /* WSC_API */

#ifdef __cplusplus
/* std::bind must keep working once `bind` is redirected: declare it now,
 * and let std::wsc_bind (what `std::bind` becomes) forward to it. */
#include <functional>
#include <utility>
namespace std {
template <typename... WscArgs>
inline auto wsc_bind(WscArgs &&...wsc_args)
    -> decltype(::std::bind(::std::forward<WscArgs>(wsc_args)...))
{
    return ::std::bind(::std::forward<WscArgs>(wsc_args)...);
}
template <typename WscR, typename... WscArgs>
inline auto wsc_bind(WscArgs &&...wsc_args)
    -> decltype(::std::bind<WscR>(::std::forward<WscArgs>(wsc_args)...))
{
    return ::std::bind<WscR>(::std::forward<WscArgs>(wsc_args)...);
}
} /* namespace std */
extern "C" {
#endif

/* ---- basic types ------------------------------------------------------ */
typedef UINT_PTR SOCKET;
typedef uint32_t wsc_u_long;
#define u_long wsc_u_long
typedef unsigned int GROUP;

#define INVALID_SOCKET ((SOCKET)(~0))
#define SOCKET_ERROR (-1)

#define SD_RECEIVE 0
#define SD_SEND 1
#define SD_BOTH 2

#define SOMAXCONN_HINT(b) (-(b))

/* ---- fd_set: a count and an array of handles, any count ---------------- */
typedef struct wsc_fd_set {
    u_int fd_count;
    SOCKET fd_array[FD_SETSIZE];
} wsc_fd_set;
#define fd_set wsc_fd_set
typedef wsc_fd_set FD_SET, *PFD_SET, *LPFD_SET;


#undef FD_CLR
#undef FD_SET
#undef FD_ISSET
#undef FD_ZERO
#define FD_CLR(fd, set) wsc_fd_clr((SOCKET)(fd), (wsc_fd_set *)(set))
#define FD_SET(fd, set) wsc_fd_add((SOCKET)(fd), (wsc_fd_set *)(set), FD_SETSIZE)
#define FD_ZERO(set) (((wsc_fd_set *)(set))->fd_count = 0)
#define FD_ISSET(fd, set) wsc___WSAFDIsSet((SOCKET)(fd), (wsc_fd_set *)(set))

static inline void wsc_fd_clr(SOCKET fd, wsc_fd_set *set)
{
    u_int i;
    for (i = 0; i < set->fd_count; i++) {
        if (set->fd_array[i] == fd) {
            for (; i + 1 < set->fd_count; i++)
                set->fd_array[i] = set->fd_array[i + 1];
            set->fd_count--;
            return;
        }
    }
}

static inline void wsc_fd_add(SOCKET fd, wsc_fd_set *set, u_int setsize)
{
    u_int i;
    for (i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == fd)
            return;
    if (set->fd_count < setsize)
        set->fd_array[set->fd_count++] = fd;
}

/* ---- WSAStartup ------------------------------------------------------- */
#define WINSOCK_VERSION MAKEWORD(2, 2)
#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128
typedef struct WSAData {
    WORD wVersion;
    WORD wHighVersion;
    unsigned short iMaxSockets;
    unsigned short iMaxUdpDg;
    char *lpVendorInfo;
    char szDescription[WSADESCRIPTION_LEN + 1];
    char szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

/* ---- address types ---------------------------------------------------- */
/* Windows' struct in_addr, a union (S_un.S_addr, S_un.S_un_b.s_b1..4,
 * S_un.S_un_w.s_w1/s_w2, and s_addr as a macro, as Windows has it), with
 * Linux's layout; struct sockaddr_in and struct ip_mreq, which hold one,
 * follow.  inet_ntoa takes it.  The library's own sources keep Linux's
 * (WSC_INSIDE_LIB); addresses pass to the wsc_ functions as pointers. */
#ifndef WSC_INSIDE_LIB
typedef struct in_addr wsc_linux_in_addr_;
struct wsc_in_addr {
    union {
        struct {
            u_char s_b1, s_b2, s_b3, s_b4;
        } S_un_b;
        struct {
            u_short s_w1, s_w2;
        } S_un_w;
        uint32_t S_addr;
    } S_un;
};
struct wsc_sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port;
    struct wsc_in_addr sin_addr;
    unsigned char sin_zero[8];
};
struct wsc_ip_mreq {
    struct wsc_in_addr imr_multiaddr;
    struct wsc_in_addr imr_interface;
};
static inline char *wsc_inet_ntoa_(struct wsc_in_addr a)
{
    wsc_linux_in_addr_ l;
    memcpy(&l, &a, sizeof l);
    return inet_ntoa(l);
}
#define in_addr wsc_in_addr
#define sockaddr_in wsc_sockaddr_in
#define ip_mreq wsc_ip_mreq
#define inet_ntoa wsc_inet_ntoa_
#define s_addr S_un.S_addr
#define s_net S_un.S_un_b.s_b1
#define s_host S_un.S_un_b.s_b2
#define s_lh S_un.S_un_b.s_b3
#define s_impno S_un.S_un_b.s_b4
#define s_imp S_un.S_un_w.s_w2

/* Windows' struct in6_addr: u.Byte[16] and u.Word[8] (s6_addr, s6_bytes,
 * s6_words as macros), Linux's layout; struct sockaddr_in6 and struct
 * ipv6_mreq hold one.  glibc's IN6_IS_ADDR_* read glibc's members, so
 * they are given again on the bytes, and in6addr_any/in6addr_loopback are
 * of this type. */
struct wsc_in6_addr {
    union {
        u_char Byte[16];
        u_short Word[8];
    } u;
};
struct wsc_sockaddr_in6 {
    sa_family_t sin6_family;
    in_port_t sin6_port;
    uint32_t sin6_flowinfo;
    struct wsc_in6_addr sin6_addr;
    uint32_t sin6_scope_id;
};
struct wsc_ipv6_mreq {
    struct wsc_in6_addr ipv6mr_multiaddr;
    unsigned int ipv6mr_interface;
};
static const struct wsc_in6_addr wsc_in6addr_any_ = { { { 0 } } };
static const struct wsc_in6_addr wsc_in6addr_loopback_ = {
    { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } }
};
static inline int wsc_in6_zero_(const u_char *b, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (b[i])
            return 0;
    return 1;
}
#define in6_addr wsc_in6_addr
#define sockaddr_in6 wsc_sockaddr_in6
#define ipv6_mreq wsc_ipv6_mreq
#define in6addr_any wsc_in6addr_any_
#define in6addr_loopback wsc_in6addr_loopback_
#undef s6_addr
#define s6_addr u.Byte
#define s6_bytes u.Byte
#define s6_words u.Word
#define WSC_IN6_B_(a) ((const u_char *)(const void *)(a))
#undef IN6_IS_ADDR_UNSPECIFIED
#define IN6_IS_ADDR_UNSPECIFIED(a) wsc_in6_zero_(WSC_IN6_B_(a), 16)
#undef IN6_IS_ADDR_LOOPBACK
#define IN6_IS_ADDR_LOOPBACK(a) \
    (wsc_in6_zero_(WSC_IN6_B_(a), 15) && WSC_IN6_B_(a)[15] == 1)
#undef IN6_IS_ADDR_MULTICAST
#define IN6_IS_ADDR_MULTICAST(a) (WSC_IN6_B_(a)[0] == 0xff)
#undef IN6_IS_ADDR_LINKLOCAL
#define IN6_IS_ADDR_LINKLOCAL(a) \
    (WSC_IN6_B_(a)[0] == 0xfe && (WSC_IN6_B_(a)[1] & 0xc0) == 0x80)
#undef IN6_IS_ADDR_SITELOCAL
#define IN6_IS_ADDR_SITELOCAL(a) \
    (WSC_IN6_B_(a)[0] == 0xfe && (WSC_IN6_B_(a)[1] & 0xc0) == 0xc0)
#undef IN6_IS_ADDR_V4MAPPED
#define IN6_IS_ADDR_V4MAPPED(a) \
    (wsc_in6_zero_(WSC_IN6_B_(a), 10) && WSC_IN6_B_(a)[10] == 0xff && \
     WSC_IN6_B_(a)[11] == 0xff)
#undef IN6_IS_ADDR_V4COMPAT
#define IN6_IS_ADDR_V4COMPAT(a) \
    (wsc_in6_zero_(WSC_IN6_B_(a), 12) && !wsc_in6_zero_(WSC_IN6_B_(a) + 12, 4) && \
     !(wsc_in6_zero_(WSC_IN6_B_(a) + 12, 3) && WSC_IN6_B_(a)[15] == 1))
#undef IN6_ARE_ADDR_EQUAL
#define IN6_ARE_ADDR_EQUAL(a, b) (memcmp((a), (b), 16) == 0)
#define WSC_IN6_MC_(a, scope) \
    (IN6_IS_ADDR_MULTICAST(a) && (WSC_IN6_B_(a)[1] & 0xf) == (scope))
#undef IN6_IS_ADDR_MC_NODELOCAL
#define IN6_IS_ADDR_MC_NODELOCAL(a) WSC_IN6_MC_(a, 0x1)
#undef IN6_IS_ADDR_MC_LINKLOCAL
#define IN6_IS_ADDR_MC_LINKLOCAL(a) WSC_IN6_MC_(a, 0x2)
#undef IN6_IS_ADDR_MC_SITELOCAL
#define IN6_IS_ADDR_MC_SITELOCAL(a) WSC_IN6_MC_(a, 0x5)
#undef IN6_IS_ADDR_MC_ORGLOCAL
#define IN6_IS_ADDR_MC_ORGLOCAL(a) WSC_IN6_MC_(a, 0x8)
#undef IN6_IS_ADDR_MC_GLOBAL
#define IN6_IS_ADDR_MC_GLOBAL(a) WSC_IN6_MC_(a, 0xe)
#endif
typedef struct sockaddr SOCKADDR, *PSOCKADDR, *LPSOCKADDR;
typedef struct sockaddr_in SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;
typedef struct sockaddr_in6 SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6;
typedef struct sockaddr_storage SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;
typedef struct in_addr IN_ADDR, *PIN_ADDR, *LPIN_ADDR;
typedef struct in6_addr IN6_ADDR, *PIN6_ADDR;
typedef struct hostent HOSTENT, *PHOSTENT, *LPHOSTENT;
typedef struct servent SERVENT, *PSERVENT;
typedef struct protoent PROTOENT, *PPROTOENT;
typedef struct timeval TIMEVAL, *PTIMEVAL;
#ifndef ADDRESS_FAMILY
typedef unsigned short ADDRESS_FAMILY;
#endif

/* Windows' struct linger holds two u_short. */
struct wsc_linger {
    u_short l_onoff;
    u_short l_linger;
};
#define linger wsc_linger
typedef struct wsc_linger LINGER, *PLINGER, *LPLINGER;

/* ---- WSAPoll ---------------------------------------------------------- */
typedef struct wsc_pollfd {
    SOCKET fd;
    SHORT events;
    SHORT revents;
} WSAPOLLFD, *PWSAPOLLFD, *LPWSAPOLLFD;
#define pollfd wsc_pollfd
#undef POLLRDNORM
#undef POLLRDBAND
#undef POLLIN
#undef POLLPRI
#undef POLLWRNORM
#undef POLLOUT
#undef POLLWRBAND
#undef POLLERR
#undef POLLHUP
#undef POLLNVAL
#define POLLRDNORM 0x0100
#define POLLRDBAND 0x0200
#define POLLIN (POLLRDNORM | POLLRDBAND)
#define POLLPRI 0x0400
#define POLLWRNORM 0x0010
#define POLLOUT (POLLWRNORM)
#define POLLWRBAND 0x0020
#define POLLERR 0x0001
#define POLLHUP 0x0002
#define POLLNVAL 0x0004

/* ---- WSABUF and the non-overlapped WSARecv/WSASend ---------------------- */
typedef struct _WSABUF {
    ULONG len;
    CHAR *buf;
} WSABUF, *LPWSABUF;

/* ---- WSAAccept's condition function --------------------------------------
 * TCP carries no QoS and no connect data: lpSQOS and lpGQOS are NULL, the
 * caller and callee data buffers empty. */
typedef ULONG SERVICETYPE;
typedef struct _flowspec {
    ULONG TokenRate;
    ULONG TokenBucketSize;
    ULONG PeakBandwidth;
    ULONG Latency;
    ULONG DelayVariation;
    SERVICETYPE ServiceType;
    ULONG MaxSduSize;
    ULONG MinimumPolicedSize;
} FLOWSPEC, *PFLOWSPEC, *LPFLOWSPEC;
typedef struct _QualityOfService {
    FLOWSPEC SendingFlowspec;
    FLOWSPEC ReceivingFlowspec;
    WSABUF ProviderSpecific;
} QOS, *LPQOS;
#define CF_ACCEPT 0x0000
#define CF_REJECT 0x0001
#define CF_DEFER 0x0002
typedef int(CALLBACK *LPCONDITIONPROC)(LPWSABUF lpCallerId,
                                       LPWSABUF lpCallerData, LPQOS lpSQOS,
                                       LPQOS lpGQOS, LPWSABUF lpCalleeId,
                                       LPWSABUF lpCalleeData, GROUP *g,
                                       DWORD_PTR dwCallbackData);
/* As on Windows, a WSAOVERLAPPED is an OVERLAPPED and a WSAEVENT an event
 * handle. */
#define WSAOVERLAPPED OVERLAPPED
typedef struct _OVERLAPPED *LPWSAOVERLAPPED;
typedef void(CALLBACK *LPWSAOVERLAPPED_COMPLETION_ROUTINE)(
    DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped,
    DWORD dwFlags);
#define WSA_FLAG_OVERLAPPED 0x01
#define WSA_FLAG_MULTIPOINT_C_ROOT 0x02
#define WSA_FLAG_MULTIPOINT_C_LEAF 0x04
#define WSA_FLAG_MULTIPOINT_D_ROOT 0x08
#define WSA_FLAG_MULTIPOINT_D_LEAF 0x10
#define WSA_FLAG_ACCESS_SYSTEM_SECURITY 0x40
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80
#define WSA_FLAG_REGISTERED_IO 0x100
/* WSAJoinLeaf's flags (the multipoint samples name them). */
#define JL_SENDER_ONLY 0x01
#define JL_RECEIVER_ONLY 0x02
#define JL_BOTH 0x04

/* ---- socket options: Windows numbers ---------------------------------- */
#undef SOL_SOCKET
#undef SO_DEBUG
#undef SO_ACCEPTCONN
#undef SO_REUSEADDR
#undef SO_KEEPALIVE
#undef SO_DONTROUTE
#undef SO_BROADCAST
#undef SO_LINGER
#undef SO_OOBINLINE
#undef SO_SNDBUF
#undef SO_RCVBUF
#undef SO_SNDLOWAT
#undef SO_RCVLOWAT
#undef SO_SNDTIMEO
#undef SO_RCVTIMEO
#undef SO_ERROR
#undef SO_TYPE
#define SOL_SOCKET 0xffff
#define SO_DEBUG 0x0001
#define SO_ACCEPTCONN 0x0002
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_DONTROUTE 0x0010
#define SO_BROADCAST 0x0020
#define SO_USELOOPBACK 0x0040
#define SO_LINGER 0x0080
#define SO_OOBINLINE 0x0100
#define SO_DONTLINGER ((int)(~SO_LINGER))
#define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR))
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_SNDLOWAT 0x1003
#define SO_RCVLOWAT 0x1004
#define SO_SNDTIMEO 0x1005
#define SO_RCVTIMEO 0x1006
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008
#define SO_BSP_STATE 0x1009
#define SO_GROUP_ID 0x2001
#define SO_GROUP_PRIORITY 0x2002
#define SO_MAX_MSG_SIZE 0x2003
#define SO_PROTOCOL_INFOA 0x2004
#define SO_PROTOCOL_INFOW 0x2005
#ifdef UNICODE
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOW
#else
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOA
#endif
#define PVD_CONFIG 0x3001
#define SO_CONDITIONAL_ACCEPT 0x3002
#define SO_PAUSE_ACCEPT 0x3003
#define SO_COMPARTMENT_ID 0x3004
#define SO_RANDOMIZE_PORT 0x3005
#define SO_PORT_SCALABILITY 0x3006
#define SO_REUSE_UNICASTPORT 0x3007
#define SO_REUSE_MULTICASTPORT 0x3008

#undef IP_OPTIONS
#undef IP_HDRINCL
#undef IP_TOS
#undef IP_TTL
#undef IP_MULTICAST_IF
#undef IP_MULTICAST_TTL
#undef IP_MULTICAST_LOOP
#undef IP_ADD_MEMBERSHIP
#undef IP_DROP_MEMBERSHIP
#undef IP_PKTINFO
#undef IP_ADD_SOURCE_MEMBERSHIP
#undef IP_DROP_SOURCE_MEMBERSHIP
#undef IP_BLOCK_SOURCE
#undef IP_UNBLOCK_SOURCE
#undef IP_RECVTTL
#undef IP_RECVTOS
#undef IP_UNICAST_IF
#undef IP_MTU_DISCOVER
#undef IP_MTU
#undef IP_RECVERR
#undef IP_PMTUDISC_DO
#undef IP_PMTUDISC_DONT
#undef IP_PMTUDISC_PROBE
#undef IP_TCLASS
#define IP_OPTIONS 1
#define IP_HDRINCL 2
#define IP_TOS 3
#define IP_TTL 4
#define IP_MULTICAST_IF 9
#define IP_MULTICAST_TTL 10
#define IP_MULTICAST_LOOP 11
#define IP_ADD_MEMBERSHIP 12
#define IP_DROP_MEMBERSHIP 13
#define IP_DONTFRAGMENT 14
#define IP_ADD_SOURCE_MEMBERSHIP 15
#define IP_DROP_SOURCE_MEMBERSHIP 16
#define IP_BLOCK_SOURCE 17
#define IP_UNBLOCK_SOURCE 18
#define IP_PKTINFO 19
#define IP_HOPLIMIT 21
#define IP_RECVTTL 21
#define IP_RECEIVE_BROADCAST 22
#define IP_RECVIF 24
#define IP_RECVDSTADDR 25
#define IP_IFLIST 28
#define IP_ADD_IFLIST 29
#define IP_DEL_IFLIST 30
#define IP_UNICAST_IF 31
#define IP_RTHDR 32
#define IP_GET_IFLIST 33
#define IP_RECVRTHDR 38
#define IP_TCLASS 39
#define IP_RECVTCLASS 40
#define IP_RECVTOS 40
#define IP_ORIGINAL_ARRIVAL_IF 47
#define IP_ECN 50
#define IP_PKTINFO_EX 51
#define IP_WFP_REDIRECT_RECORDS 60
#define IP_WFP_REDIRECT_CONTEXT 70
#define IP_MTU_DISCOVER 71
#define IP_MTU 73
#define IP_NRT_INTERFACE 74
#define IP_RECVERR 75
#define IP_USER_MTU 76
#define IP_UNSPECIFIED_TYPE_OF_SERVICE (-1)
#define IP_UNSPECIFIED_USER_MTU ((ULONG)-1)
/* IP_MTU_DISCOVER's values (Windows' PMTUD_STATE, not Linux's numbers). */
#define IP_PMTUDISC_NOT_SET 0
#define IP_PMTUDISC_DO 1
#define IP_PMTUDISC_DONT 2
#define IP_PMTUDISC_PROBE 3
#define IP_PMTUDISC_MAX 4

#undef IPV6_UNICAST_HOPS
#undef IPV6_MULTICAST_IF
#undef IPV6_MULTICAST_HOPS
#undef IPV6_MULTICAST_LOOP
#undef IPV6_ADD_MEMBERSHIP
#undef IPV6_DROP_MEMBERSHIP
#undef IPV6_JOIN_GROUP
#undef IPV6_LEAVE_GROUP
#undef IPV6_V6ONLY
#undef IPV6_PKTINFO
#undef IPV6_HOPLIMIT
#undef IPV6_HOPOPTS
#undef IPV6_CHECKSUM
#undef IPV6_UNICAST_IF
#undef IPV6_RTHDR
#undef IPV6_RECVRTHDR
#undef IPV6_TCLASS
#undef IPV6_RECVTCLASS
#undef IPV6_MTU_DISCOVER
#undef IPV6_MTU
#undef IPV6_RECVERR
#undef IPV6_DONTFRAG
#undef IPV6_HDRINCL
#define IPV6_HOPOPTS 1
#define IPV6_HDRINCL 2
#define IPV6_DONTFRAG 14
#define IPV6_PKTINFO 19
#define IPV6_HOPLIMIT 21
#define IPV6_PROTECTION_LEVEL 23
#define IPV6_RECVIF 24
#define IPV6_RECVDSTADDR 25
#define IPV6_CHECKSUM 26
#define IPV6_IFLIST 28
#define IPV6_ADD_IFLIST 29
#define IPV6_DEL_IFLIST 30
#define IPV6_UNICAST_IF 31
#define IPV6_RTHDR 32
#define IPV6_GET_IFLIST 33
#define IPV6_RECVRTHDR 38
#define IPV6_TCLASS 39
#define IPV6_RECVTCLASS 40
#define IPV6_ECN 50
#define IPV6_PKTINFO_EX 51
#define IPV6_WFP_REDIRECT_RECORDS 60
#define IPV6_WFP_REDIRECT_CONTEXT 70
#define IPV6_MTU_DISCOVER 71
#define IPV6_MTU 72
#define IPV6_NRT_INTERFACE 74
#define IPV6_RECVERR 75
#define IPV6_USER_MTU 76
#define IPV6_UNSPECIFIED_HOP_LIMIT (-1)
#define PROTECTION_LEVEL_UNRESTRICTED 10
#define PROTECTION_LEVEL_EDGERESTRICTED 20
#define PROTECTION_LEVEL_RESTRICTED 30
#define PROTECTION_LEVEL_DEFAULT ((UINT)-1)
#define IPV6_UNICAST_HOPS 4
#define IPV6_MULTICAST_IF 9
#define IPV6_MULTICAST_HOPS 10
#define IPV6_MULTICAST_LOOP 11
#define IPV6_ADD_MEMBERSHIP 12
#define IPV6_DROP_MEMBERSHIP 13
#define IPV6_JOIN_GROUP IPV6_ADD_MEMBERSHIP
#define IPV6_LEAVE_GROUP IPV6_DROP_MEMBERSHIP
#define IPV6_V6ONLY 27

#undef TCP_NODELAY
#undef TCP_KEEPIDLE
#undef TCP_KEEPINTVL
#undef TCP_KEEPCNT
#undef TCP_MAXSEG
#undef TCP_FASTOPEN
#undef TCP_KEEPALIVE
#define TCP_NODELAY 0x0001
#define TCP_EXPEDITED_1122 0x0002
#define TCP_KEEPALIVE 3
#define TCP_KEEPIDLE TCP_KEEPALIVE
#define TCP_MAXSEG 4
#define TCP_MAXRT 5
#define TCP_STDURG 6
#define TCP_NOURG 7
#define TCP_ATMARK 8
#define TCP_NOSYNRETRIES 9
#define TCP_TIMESTAMPS 10
#define TCP_OFFLOAD_PREFERENCE 11
#define TCP_CONGESTION_ALGORITHM 12
#define TCP_DELAY_FIN_ACK 13
#define TCP_MAXRTMS 14
#define TCP_FASTOPEN 15
#define TCP_KEEPCNT 16
#define TCP_KEEPINTVL 17
#define TCP_FAIL_CONNECT_ON_ICMP_ERROR 18
#define TCP_ICMP_ERROR_INFO 19
#define TCP_BSDURGENT 0x7000

#undef UDP_NOCHECKSUM
#undef UDP_SEND_MSG_SIZE
#undef UDP_RECV_MAX_COALESCED_SIZE
#undef UDP_CHECKSUM_COVERAGE
#define UDP_NOCHECKSUM 1
#define UDP_SEND_MSG_SIZE 2
#define UDP_RECV_MAX_COALESCED_SIZE 3
#define UDP_CHECKSUM_COVERAGE 20
#define UDP_COALESCED_INFO 3

/* ---- what Linux's headers have and Windows' do not --------------------
 * (glibc keeps the flags as enum constants too.)  Portable code tests
 * for them (#ifndef MSG_NOSIGNAL, #ifdef SO_REUSEPORT) and must find what
 * it finds on Windows, or it passes a flag or an option Windows refuses
 * (WSAEOPNOTSUPP, WSAENOPROTOOPT). */
#undef SO_REUSEPORT
#undef SO_BINDTODEVICE
#undef SO_PEERCRED
#undef SO_PASSCRED
#undef SO_PRIORITY
#undef SO_MARK
#undef SO_BUSY_POLL
#undef SO_INCOMING_CPU
#undef SO_ZEROCOPY
#undef MSG_NOSIGNAL
#undef MSG_DONTWAIT
#undef MSG_MORE
#undef MSG_CONFIRM
#undef MSG_EOR
#undef MSG_ERRQUEUE
#undef MSG_FASTOPEN
#undef MSG_ZEROCOPY
#undef MSG_CMSG_CLOEXEC

/* ---- send/recv flags -------------------------------------------------- */
#undef MSG_OOB
#undef MSG_PEEK
#undef MSG_DONTROUTE
#undef MSG_WAITALL
#undef MSG_TRUNC
#undef MSG_CTRUNC
#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_WAITALL 0x8
#define MSG_PUSH_IMMEDIATE 0x20
#define MSG_PARTIAL 0x8000
#define MSG_TRUNC 0x0100
#define MSG_CTRUNC 0x0200
#define MSG_MAXIOVLEN 16

/* ---- ioctlsocket: the 32-bit u_long numbers, written out ---------------- */
#undef FIONBIO
#undef FIONREAD
#undef FIOASYNC
#undef SIOCATMARK
#define FIONBIO ((LONG)0x8004667Eu)
#define FIONREAD ((LONG)0x4004667Fu)
#define FIOASYNC ((LONG)0x8004667Du)
#define SIOCATMARK ((LONG)0x40047307u)

/* ---- WSA events and WSAEventSelect ------------------------------------- */
typedef HANDLE WSAEVENT, *LPWSAEVENT;
#define WSA_INVALID_EVENT ((WSAEVENT)NULL)
#define WSA_MAXIMUM_WAIT_EVENTS MAXIMUM_WAIT_OBJECTS
#define WSA_WAIT_FAILED WAIT_FAILED
#define WSA_WAIT_EVENT_0 WAIT_OBJECT_0
#define WSA_WAIT_IO_COMPLETION WAIT_IO_COMPLETION
#define WSA_WAIT_TIMEOUT WAIT_TIMEOUT
#define WSA_INFINITE INFINITE
#define FD_READ_BIT 0
#define FD_READ (1 << FD_READ_BIT)
#define FD_WRITE_BIT 1
#define FD_WRITE (1 << FD_WRITE_BIT)
#define FD_OOB_BIT 2
#define FD_OOB (1 << FD_OOB_BIT)
#define FD_ACCEPT_BIT 3
#define FD_ACCEPT (1 << FD_ACCEPT_BIT)
#define FD_CONNECT_BIT 4
#define FD_CONNECT (1 << FD_CONNECT_BIT)
#define FD_CLOSE_BIT 5
#define FD_CLOSE (1 << FD_CLOSE_BIT)
#define FD_QOS_BIT 6
#define FD_QOS (1 << FD_QOS_BIT)
#define FD_GROUP_QOS_BIT 7
#define FD_GROUP_QOS (1 << FD_GROUP_QOS_BIT)
#define FD_ROUTING_INTERFACE_CHANGE_BIT 8
#define FD_ROUTING_INTERFACE_CHANGE (1 << FD_ROUTING_INTERFACE_CHANGE_BIT)
#define FD_ADDRESS_LIST_CHANGE_BIT 9
#define FD_ADDRESS_LIST_CHANGE (1 << FD_ADDRESS_LIST_CHANGE_BIT)
#define FD_MAX_EVENTS 10
#define FD_ALL_EVENTS ((1 << FD_MAX_EVENTS) - 1)
typedef struct _WSANETWORKEVENTS {
    LONG lNetworkEvents;
    int iErrorCode[FD_MAX_EVENTS];
} WSANETWORKEVENTS, *LPWSANETWORKEVENTS;
#define WSAGETSELECTEVENT(lParam) LOWORD(lParam)
#define WSAGETSELECTERROR(lParam) HIWORD(lParam)
#define WSAMAKESELECTREPLY(event, error) MAKELONG(event, error)
/* The replies of WSAAsyncGetHostByName and its siblings. */
#define WSAGETASYNCBUFLEN(lParam) LOWORD(lParam)
#define WSAGETASYNCERROR(lParam) HIWORD(lParam)
#define WSAMAKEASYNCREPLY(buflen, error) MAKELONG(buflen, error)
#define MAXGETHOSTSTRUCT 1024

/* ---- name spaces (GetAddrInfoEx) -------------------------------------- */
#define NS_ALL 0
#define NS_DNS 12
#define NS_NETBT 13
#define NS_WINS 14
#define NS_NLA 15
/* GetAddrInfoExW's completion routine (an asynchronous lookup's end,
 * run on a thread of the library's, not the caller's). */
typedef void(CALLBACK *LPLOOKUPSERVICE_COMPLETION_ROUTINE)(
    DWORD dwError, DWORD dwBytes, LPWSAOVERLAPPED lpOverlapped);

/* ---- protocol information (WSAEnumProtocols, WSADuplicateSocket) ------ */
#define MAX_PROTOCOL_CHAIN 7
#define BASE_PROTOCOL 1
#define LAYERED_PROTOCOL 0
#define WSAPROTOCOL_LEN 255
typedef struct _WSAPROTOCOLCHAIN {
    int ChainLen;
    DWORD ChainEntries[MAX_PROTOCOL_CHAIN];
} WSAPROTOCOLCHAIN, *LPWSAPROTOCOLCHAIN;
/* The two forms differ only in szProtocol.  WCHAR is wchar_t here (four
 * bytes), so WSAPROTOCOL_INFOW is larger than Windows' 628 bytes: code
 * that passes one between processes passes the struct, not a size. */
#define WSC_PROTOCOL_INFO_FIELDS                                          \
    DWORD dwServiceFlags1;                                                \
    DWORD dwServiceFlags2;                                                \
    DWORD dwServiceFlags3;                                                \
    DWORD dwServiceFlags4;                                                \
    DWORD dwProviderFlags;                                                \
    GUID ProviderId;                                                      \
    DWORD dwCatalogEntryId;                                               \
    WSAPROTOCOLCHAIN ProtocolChain;                                       \
    int iVersion;                                                         \
    int iAddressFamily;                                                   \
    int iMaxSockAddr;                                                     \
    int iMinSockAddr;                                                     \
    int iSocketType;                                                      \
    int iProtocol;                                                        \
    int iProtocolMaxOffset;                                               \
    int iNetworkByteOrder;                                                \
    int iSecurityScheme;                                                  \
    DWORD dwMessageSize;                                                  \
    DWORD dwProviderReserved;
typedef struct _WSAPROTOCOL_INFOA {
    WSC_PROTOCOL_INFO_FIELDS
    CHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOA, *LPWSAPROTOCOL_INFOA;
typedef struct _WSAPROTOCOL_INFOW {
    WSC_PROTOCOL_INFO_FIELDS
    WCHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOW, *LPWSAPROTOCOL_INFOW;
#undef WSC_PROTOCOL_INFO_FIELDS
#ifdef UNICODE
typedef WSAPROTOCOL_INFOW WSAPROTOCOL_INFO;
typedef LPWSAPROTOCOL_INFOW LPWSAPROTOCOL_INFO;
#else
typedef WSAPROTOCOL_INFOA WSAPROTOCOL_INFO;
typedef LPWSAPROTOCOL_INFOA LPWSAPROTOCOL_INFO;
#endif
#define XP1_CONNECTIONLESS 0x00000001
#define XP1_GUARANTEED_DELIVERY 0x00000002
#define XP1_GUARANTEED_ORDER 0x00000004
#define XP1_MESSAGE_ORIENTED 0x00000008
#define XP1_PSEUDO_STREAM 0x00000010
#define XP1_GRACEFUL_CLOSE 0x00000020
#define XP1_EXPEDITED_DATA 0x00000040
#define XP1_CONNECT_DATA 0x00000080
#define XP1_DISCONNECT_DATA 0x00000100
#define XP1_SUPPORT_BROADCAST 0x00000200
#define XP1_SUPPORT_MULTIPOINT 0x00000400
#define XP1_MULTIPOINT_CONTROL_PLANE 0x00000800
#define XP1_MULTIPOINT_DATA_PLANE 0x00001000
#define XP1_QOS_SUPPORTED 0x00002000
#define XP1_INTERRUPT 0x00004000
#define XP1_UNI_SEND 0x00008000
#define XP1_UNI_RECV 0x00010000
#define XP1_IFS_HANDLES 0x00020000
#define XP1_PARTIAL_MESSAGE 0x00040000
#define XP1_SAN_SUPPORT_SDP 0x00080000
#define PFL_MULTIPLE_PROTO_ENTRIES 0x00000001
#define PFL_RECOMMENDED_PROTO_ENTRY 0x00000002
#define PFL_HIDDEN 0x00000004
#define PFL_MATCHES_PROTOCOL_ZERO 0x00000008
#define PFL_NETWORKDIRECT_PROVIDER 0x00000010
#define BIGENDIAN 0x0000
#define LITTLEENDIAN 0x0001
#define SECURITY_PROTOCOL_NONE 0x0000
#define FROM_PROTOCOL_INFO (-1)
/* getsockopt(SOL_SOCKET) of the socket's entry (also defined with the
 * other options; the same numbers). */
#ifndef SO_PROTOCOL_INFOA
#define SO_PROTOCOL_INFOA 0x2004
#endif
#ifndef SO_PROTOCOL_INFOW
#define SO_PROTOCOL_INFOW 0x2005
#endif
#ifndef SO_PROTOCOL_INFO
#ifdef UNICODE
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOW
#else
#define SO_PROTOCOL_INFO SO_PROTOCOL_INFOA
#endif
#endif
/* Winsock 1's blocking hook (WSASetBlockingHook). */
#ifndef WSC_FARPROC_DEFINED
#define WSC_FARPROC_DEFINED
typedef INT_PTR(WINAPI *FARPROC)(void);
#endif

/* The SIO_ numbers and WSAMSG, which the prototypes below name. */
#include "ws2def.h"

/* ---- functions: prototypes and redirections, from lib/winsock/api.def -- */
#define WSC_API_WINSOCK2
#include "wsc_api.h"
#undef WSC_API_WINSOCK2

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ---- ioctlsocket with any of Windows' 32-bit argument types --------------
 * Windows code passes u_long *, unsigned long *, ULONG * and DWORD * alike
 * (all 32-bit there).  u_long, ULONG and DWORD are 32-bit here; an
 * unsigned long * goes through a 32-bit copy: in C by _Generic, in C++ by
 * an overload.  The library's own definition is not renamed. */
#ifndef WSC_INSIDE_LIB
static inline int wsc_ioctlsocket_ul_(SOCKET s, LONG cmd, unsigned long *argp)
{
    u_long v;
    int rc;

    if (!argp)
        return (wsc_ioctlsocket)(s, cmd, (u_long *)0);
    v = (cmd == FIONREAD || cmd == SIOCATMARK) ? 0 : (u_long)*argp;
    rc = (wsc_ioctlsocket)(s, cmd, &v);
    if (rc == 0)
        *argp = v;
    return rc;
}
#ifdef __cplusplus
extern "C++" inline int wsc_ioctlsocket(SOCKET s, LONG cmd, unsigned long *argp)
{
    return wsc_ioctlsocket_ul_(s, cmd, argp);
}
#else
#define wsc_ioctlsocket(s, cmd, argp)                                      \
    (__extension__ _Generic((argp), unsigned long *: wsc_ioctlsocket_ul_,  \
                            default: wsc_ioctlsocket)(s, cmd, argp))
#endif
#endif


/* `#pragma comment(lib, "ws2_32.lib")` is an MSVC pragma; GCC and Clang
 * ignore unknown pragmas unless -Wunknown-pragmas, which -Wall enables. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#endif

#endif /* WSCOMPAT_WINSOCK2_H */
