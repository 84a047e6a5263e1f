/* wscompat: <mstcpip.h>, Microsoft's TCP/IP extensions: the keep-alive
 * structure, the vendor SIO_ numbers, SIO_TCP_INFO's structures, and the
 * address helpers, which work on the SOCKADDR types. */
#ifndef WSCOMPAT_MSTCPIP_H
#define WSCOMPAT_MSTCPIP_H

#include "winsock2.h"
#include "ws2def.h"
#include "ws2ipdef.h"

struct tcp_keepalive {
    ULONG onoff;
    ULONG keepalivetime;
    ULONG keepaliveinterval;
};

#define SIO_RCVALL _WSAIOW(IOC_VENDOR, 1)
#define SIO_RCVALL_MCAST _WSAIOW(IOC_VENDOR, 2)
#define SIO_RCVALL_IGMPMCAST _WSAIOW(IOC_VENDOR, 3)
#define SIO_KEEPALIVE_VALS _WSAIOW(IOC_VENDOR, 4)
#define SIO_ABSORB_RTRALERT _WSAIOW(IOC_VENDOR, 5)
#define SIO_UCAST_IF _WSAIOW(IOC_VENDOR, 6)
#define SIO_LIMIT_BROADCASTS _WSAIOW(IOC_VENDOR, 7)
#define SIO_INDEX_BIND _WSAIOW(IOC_VENDOR, 8)
#define SIO_INDEX_MCASTIF _WSAIOW(IOC_VENDOR, 9)
#define SIO_INDEX_ADD_MCAST _WSAIOW(IOC_VENDOR, 10)
#ifndef SIO_UDP_CONNRESET
#define SIO_UDP_CONNRESET _WSAIOW(IOC_VENDOR, 12)
#endif
#ifndef SIO_UDP_NETRESET
#define SIO_UDP_NETRESET _WSAIOW(IOC_VENDOR, 15)
#endif
#define SIO_INDEX_DEL_MCAST _WSAIOW(IOC_VENDOR, 11)
#define SIO_RCVALL_MCAST_IF _WSAIOW(IOC_VENDOR, 13)
#define SIO_RCVALL_IF _WSAIOW(IOC_VENDOR, 14)
#define SIO_LOOPBACK_FAST_PATH _WSAIOW(IOC_VENDOR, 16)
#define SIO_TCP_INITIAL_RTO _WSAIOW(IOC_VENDOR, 17)
#define SIO_ACQUIRE_PORT_RESERVATION _WSAIOW(IOC_VENDOR, 100)
#define SIO_RELEASE_PORT_RESERVATION _WSAIOW(IOC_VENDOR, 101)
#define SIO_ASSOCIATE_PORT_RESERVATION _WSAIOW(IOC_VENDOR, 102)
#define SIO_SET_SECURITY _WSAIOW(IOC_VENDOR, 200)
#define SIO_QUERY_SECURITY _WSAIORW(IOC_VENDOR, 201)
#define SIO_SET_PEER_TARGET_NAME _WSAIOW(IOC_VENDOR, 202)
#define SIO_DELETE_PEER_TARGET_NAME _WSAIOW(IOC_VENDOR, 203)
#define SIO_QUERY_WFP_CONNECTION_REDIRECT_RECORDS _WSAIOW(IOC_VENDOR, 220)
#define SIO_QUERY_WFP_CONNECTION_REDIRECT_CONTEXT _WSAIOW(IOC_VENDOR, 221)
#define SIO_SET_WFP_CONNECTION_REDIRECT_RECORDS _WSAIOW(IOC_VENDOR, 222)
#define SIO_SOCKET_USAGE_NOTIFICATION _WSAIOW(IOC_VENDOR, 204)

/* SIO_TCP_INFO (WSAIoctl): a DWORD version in, 0 or 1; out the
 * connection's statistics as TCP_INFO_v0, or TCP_INFO_v1 (v0's fields,
 * then the sender's limits).  The state is a TCPSTATE. */
#define SIO_TCP_INFO _WSAIORW(IOC_VENDOR, 39)

typedef enum _TCPSTATE {
    TCPSTATE_CLOSED,
    TCPSTATE_LISTEN,
    TCPSTATE_SYN_SENT,
    TCPSTATE_SYN_RCVD,
    TCPSTATE_ESTABLISHED,
    TCPSTATE_FIN_WAIT_1,
    TCPSTATE_FIN_WAIT_2,
    TCPSTATE_CLOSE_WAIT,
    TCPSTATE_CLOSING,
    TCPSTATE_LAST_ACK,
    TCPSTATE_TIME_WAIT,
    TCPSTATE_MAX
} TCPSTATE;

/* TCP_INFO_v0's fields, with which TCP_INFO_v1 begins. */
#define WSC_TCP_INFO_V0_FIELDS \
    TCPSTATE State;            \
    ULONG Mss;                 \
    ULONG64 ConnectionTimeMs;  \
    BOOLEAN TimestampsEnabled; \
    ULONG RttUs;               \
    ULONG MinRttUs;            \
    ULONG BytesInFlight;       \
    ULONG Cwnd;                \
    ULONG SndWnd;              \
    ULONG RcvWnd;              \
    ULONG RcvBuf;              \
    ULONG64 BytesOut;          \
    ULONG64 BytesIn;           \
    ULONG BytesReordered;      \
    ULONG BytesRetrans;        \
    ULONG FastRetrans;         \
    ULONG DupAcksIn;           \
    ULONG TimeoutEpisodes;     \
    UCHAR SynRetrans;

typedef struct _TCP_INFO_v0 {
    WSC_TCP_INFO_V0_FIELDS
} TCP_INFO_v0, *PTCP_INFO_v0;

typedef struct _TCP_INFO_v1 {
    WSC_TCP_INFO_V0_FIELDS
    ULONG SndLimTransRwin;
    ULONG SndLimTimeRwin;
    ULONG64 SndLimBytesRwin;
    ULONG SndLimTransCwnd;
    ULONG SndLimTimeCwnd;
    ULONG64 SndLimBytesCwnd;
    ULONG SndLimTransSnd;
    ULONG SndLimTimeSnd;
    ULONG64 SndLimBytesSnd;
} TCP_INFO_v1, *PTCP_INFO_v1;

typedef enum {
    RCVALL_OFF = 0,
    RCVALL_ON = 1,
    RCVALL_SOCKETLEVELONLY = 2,
    RCVALL_IPLEVEL = 3
} RCVALL_VALUE, *PRCVALL_VALUE;

/* ---- address helpers ---------------------------------------------------- */
static inline BOOL IN4_ADDR_EQUAL(const IN_ADDR *a, const IN_ADDR *b)
{
    return memcmp(a, b, 4) == 0;
}
static inline BOOL IN4_IS_ADDR_UNSPECIFIED(const IN_ADDR *a)
{
    static const unsigned char zero[4] = {0};
    return memcmp(a, zero, 4) == 0;
}
static inline BOOL IN4_IS_ADDR_LOOPBACK(const IN_ADDR *a)
{
    return *(const unsigned char *)a == 127;
}
static inline BOOL IN6_ADDR_EQUAL(const IN6_ADDR *a, const IN6_ADDR *b)
{
    return memcmp(a, b, 16) == 0;
}
static inline BOOL IN6_IS_ADDR_ANY_(const IN6_ADDR *a)
{
    static const unsigned char zero[16] = {0};
    return memcmp(a, zero, 16) == 0;
}
static inline BOOL IN6_IS_ADDR_LOOPBACK_(const IN6_ADDR *a)
{
    static const unsigned char one[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                          0, 0, 0, 0, 0, 0, 0, 1};
    return memcmp(a, one, 16) == 0;
}
static inline BOOL IN4ADDR_ISANY(const SOCKADDR_IN *a)
{
    return IN4_IS_ADDR_UNSPECIFIED(&a->sin_addr);
}
static inline BOOL IN4ADDR_ISLOOPBACK(const SOCKADDR_IN *a)
{
    return IN4_IS_ADDR_LOOPBACK(&a->sin_addr);
}
static inline BOOL IN6ADDR_ISANY(const SOCKADDR_IN6 *a)
{
    return IN6_IS_ADDR_ANY_(&a->sin6_addr);
}
static inline BOOL IN6ADDR_ISLOOPBACK(const SOCKADDR_IN6 *a)
{
    return IN6_IS_ADDR_LOOPBACK_(&a->sin6_addr);
}
static inline void IN4ADDR_SETANY(SOCKADDR_IN *a)
{
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
}
static inline void IN4ADDR_SETLOOPBACK(SOCKADDR_IN *a)
{
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}
static inline void IN6ADDR_SETANY(SOCKADDR_IN6 *a)
{
    memset(a, 0, sizeof *a);
    a->sin6_family = AF_INET6;
}
static inline void IN6ADDR_SETLOOPBACK(SOCKADDR_IN6 *a)
{
    memset(a, 0, sizeof *a);
    a->sin6_family = AF_INET6;
    ((unsigned char *)&a->sin6_addr)[15] = 1;
}
static inline BOOL INETADDR_ISANY(const SOCKADDR *a)
{
    return a->sa_family == AF_INET6 ? IN6ADDR_ISANY((const SOCKADDR_IN6 *)(const void *)a)
                                    : IN4ADDR_ISANY((const SOCKADDR_IN *)(const void *)a);
}
static inline BOOL INETADDR_ISLOOPBACK(const SOCKADDR *a)
{
    return a->sa_family == AF_INET6 ? IN6ADDR_ISLOOPBACK((const SOCKADDR_IN6 *)(const void *)a)
                                    : IN4ADDR_ISLOOPBACK((const SOCKADDR_IN *)(const void *)a);
}
/* The address's and the socket address's sizes for a family (what a
 * dual-stack server passes to bind). */
static inline ULONG INET_ADDR_LENGTH(ADDRESS_FAMILY af)
{
    return af == AF_INET6 ? (ULONG)sizeof(IN6_ADDR) : (ULONG)sizeof(IN_ADDR);
}
static inline ULONG INET_SOCKADDR_LENGTH(ADDRESS_FAMILY af)
{
    return af == AF_INET6 ? (ULONG)sizeof(SOCKADDR_IN6)
                          : (ULONG)sizeof(SOCKADDR_IN);
}
static inline void INETADDR_SETANY(SOCKADDR *a)
{
    if (a->sa_family == AF_INET6)
        IN6ADDR_SETANY((SOCKADDR_IN6 *)(void *)a);
    else
        IN4ADDR_SETANY((SOCKADDR_IN *)(void *)a);
}
static inline void INETADDR_SETLOOPBACK(SOCKADDR *a)
{
    if (a->sa_family == AF_INET6)
        IN6ADDR_SETLOOPBACK((SOCKADDR_IN6 *)(void *)a);
    else
        IN4ADDR_SETLOOPBACK((SOCKADDR_IN *)(void *)a);
}
/* The port, in network order: at the same place in both families. */
static inline USHORT INETADDR_PORT(const SOCKADDR *a)
{
    return ((const SOCKADDR_IN *)(const void *)a)->sin_port;
}
static inline const UCHAR *INETADDR_ADDRESS(const SOCKADDR *a)
{
    return a->sa_family == AF_INET6
               ? (const UCHAR *)&((const SOCKADDR_IN6 *)(const void *)a)->sin6_addr
               : (const UCHAR *)&((const SOCKADDR_IN *)(const void *)a)->sin_addr;
}
/* An address's scope: IPv6's is its sin6_scope_id (on Windows the same
 * ULONG, read as a SCOPE_ID); IPv4 addresses have the unspecified one. */
static inline SCOPE_ID INETADDR_SCOPE_ID(const SOCKADDR *a)
{
    SCOPE_ID id;

    id.Value = a->sa_family == AF_INET6
                   ? ((const SOCKADDR_IN6 *)(const void *)a)->sin6_scope_id
                   : 0;
    return id;
}
/* ::ffff:a4, the IPv4-mapped IPv6 address a dual-stack socket uses. */
static inline void IN6_SET_ADDR_V4MAPPED(IN6_ADDR *a6, const IN_ADDR *a4)
{
    memset(a6, 0, sizeof *a6);
    ((UCHAR *)a6)[10] = 0xff;
    ((UCHAR *)a6)[11] = 0xff;
    memcpy((UCHAR *)a6 + 12, a4, 4);
}
static inline void IN6ADDR_SETV4MAPPED(SOCKADDR_IN6 *a6, const IN_ADDR *a4,
                                       SCOPE_ID scope, USHORT port)
{
    memset(a6, 0, sizeof *a6);
    a6->sin6_family = AF_INET6;
    a6->sin6_port = port;
    IN6_SET_ADDR_V4MAPPED(&a6->sin6_addr, a4);
    a6->sin6_scope_id = scope.Value;
}
static inline BOOL INET_IS_ADDR_LOOPBACK(ADDRESS_FAMILY af, const void *a)
{
    return af == AF_INET6 ? IN6_IS_ADDR_LOOPBACK_((const IN6_ADDR *)a)
                          : IN4_IS_ADDR_LOOPBACK((const IN_ADDR *)a);
}
#ifndef SS_PORT
#define SS_PORT(ss) (((SOCKADDR_IN *)(ss))->sin_port)
#endif

#endif /* WSCOMPAT_MSTCPIP_H */
