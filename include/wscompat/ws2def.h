/* wscompat: <ws2def.h>, Winsock's definitions shared with the kernel side:
 * the WSAIoctl code layout and the SIO_ numbers, SOCKET_ADDRESS and
 * CSADDR_INFO, WSAMSG.  The sockaddr types are winsock2.h's. */
#ifndef WSCOMPAT_WS2DEF_H
#define WSCOMPAT_WS2DEF_H

#include "winsock2.h"

#undef IOCPARM_MASK
#undef IOC_VOID
#undef IOC_OUT
#undef IOC_IN
#undef IOC_INOUT
#define IOCPARM_MASK 0x7f
#define IOC_VOID 0x20000000
#define IOC_OUT 0x40000000
#define IOC_IN 0x80000000
#define IOC_INOUT (IOC_IN | IOC_OUT)
#define IOC_UNIX 0x00000000
#define IOC_WS2 0x08000000
#define IOC_PROTOCOL 0x10000000
#define IOC_VENDOR 0x18000000
#define _WSAIO(x, y) (IOC_VOID | (x) | (y))
#define _WSAIOR(x, y) (IOC_OUT | (x) | (y))
#define _WSAIOW(x, y) (IOC_IN | (x) | (y))
#define _WSAIORW(x, y) (IOC_INOUT | (x) | (y))

#define SIO_ASSOCIATE_HANDLE _WSAIOW(IOC_WS2, 1)
#define SIO_ENABLE_CIRCULAR_QUEUEING _WSAIO(IOC_WS2, 2)
#define SIO_FIND_ROUTE _WSAIOR(IOC_WS2, 3)
#define SIO_FLUSH _WSAIO(IOC_WS2, 4)
#define SIO_GET_BROADCAST_ADDRESS _WSAIOR(IOC_WS2, 5)
#define SIO_GET_EXTENSION_FUNCTION_POINTER _WSAIORW(IOC_WS2, 6)
#define SIO_GET_QOS _WSAIORW(IOC_WS2, 7)
#define SIO_GET_GROUP_QOS _WSAIORW(IOC_WS2, 8)
#define SIO_MULTIPOINT_LOOPBACK _WSAIOW(IOC_WS2, 9)
#define SIO_MULTICAST_SCOPE _WSAIOW(IOC_WS2, 10)
#define SIO_SET_QOS _WSAIOW(IOC_WS2, 11)
#define SIO_SET_GROUP_QOS _WSAIOW(IOC_WS2, 12)
#define SIO_TRANSLATE_HANDLE _WSAIORW(IOC_WS2, 13)
#define SIO_ROUTING_INTERFACE_QUERY _WSAIORW(IOC_WS2, 20)
#define SIO_ROUTING_INTERFACE_CHANGE _WSAIOW(IOC_WS2, 21)
#define SIO_ADDRESS_LIST_QUERY _WSAIOR(IOC_WS2, 22)
#define SIO_ADDRESS_LIST_CHANGE _WSAIO(IOC_WS2, 23)
#define SIO_QUERY_TARGET_PNP_HANDLE _WSAIOR(IOC_WS2, 24)
#define SIO_ADDRESS_LIST_SORT _WSAIORW(IOC_WS2, 25)
#define SIO_GET_INTERFACE_LIST 0x4004747F

/* An address and its length, and a list of them (WSAConnectByList). */
typedef struct _SOCKET_ADDRESS {
    LPSOCKADDR lpSockaddr;
    INT iSockaddrLength;
} SOCKET_ADDRESS, *PSOCKET_ADDRESS, *LPSOCKET_ADDRESS;
typedef struct _SOCKET_ADDRESS_LIST {
    INT iAddressCount;
    SOCKET_ADDRESS Address[1];
} SOCKET_ADDRESS_LIST, *PSOCKET_ADDRESS_LIST, *LPSOCKET_ADDRESS_LIST;
#define SIZEOF_SOCKET_ADDRESS_LIST(AddressCount)                            \
    (FIELD_OFFSET(SOCKET_ADDRESS_LIST, Address) +                           \
     (AddressCount) * sizeof(SOCKET_ADDRESS))
/* An IPv6 zone and its level (SOCKADDR_IN6's scope, as mstcpip.h's
 * INETADDR_SCOPE_ID and IN6ADDR_SETV4MAPPED take it). */
typedef enum {
    ScopeLevelInterface = 1,
    ScopeLevelLink = 2,
    ScopeLevelSubnet = 3,
    ScopeLevelAdmin = 4,
    ScopeLevelSite = 5,
    ScopeLevelOrganization = 8,
    ScopeLevelGlobal = 14,
    ScopeLevelCount = 16
} SCOPE_LEVEL;
__extension__ typedef struct _SCOPE_ID {
    union {
        struct {
            ULONG Zone : 28;
            ULONG Level : 4;
        };
        ULONG Value;
    };
} SCOPE_ID, *PSCOPE_ID;
#define SCOPEID_UNSPECIFIED_INIT { 0 }
/* A socket's two ends, type and protocol (getsockopt SO_BSP_STATE; the
 * name-service functions' answers).  nspapi.h has it too, under the same
 * guard. */
#ifndef __CSADDR_DEFINED__
#define __CSADDR_DEFINED__
typedef struct _CSADDR_INFO {
    SOCKET_ADDRESS LocalAddr;
    SOCKET_ADDRESS RemoteAddr;
    INT iSocketType;
    INT iProtocol;
} CSADDR_INFO, *PCSADDR_INFO, *LPCSADDR_INFO;
#endif

/* WSARecvMsg and WSASendMsg: the message, and its control data framed as
 * Linux frames it (a size_t length, level and type, 8-byte alignment),
 * with Windows' levels, types and contents. */
typedef struct _WSAMSG {
    LPSOCKADDR name;
    INT namelen;
    LPWSABUF lpBuffers;
    ULONG dwBufferCount;
    WSABUF Control;
    ULONG dwFlags;
} WSAMSG, *PWSAMSG, *LPWSAMSG;
typedef struct _WSACMSGHDR {
    SIZE_T cmsg_len;
    INT cmsg_level;
    INT cmsg_type;
} WSACMSGHDR, *PWSACMSGHDR, *LPWSACMSGHDR;
#define WSA_CMSGHDR_ALIGN(n) (((n) + 7) & ~(SIZE_T)7)
#define WSA_CMSGDATA_ALIGN(n) (((n) + 7) & ~(SIZE_T)7)
#define WSA_CMSG_FIRSTHDR(msg) \
    ((msg)->Control.len >= sizeof(WSACMSGHDR) ? (LPWSACMSGHDR)(msg)->Control.buf \
                                              : (LPWSACMSGHDR)NULL)
#define WSA_CMSG_NXTHDR(msg, cmsg) \
    (!(cmsg) ? WSA_CMSG_FIRSTHDR(msg) \
     : (((char *)(cmsg) + WSA_CMSGHDR_ALIGN((cmsg)->cmsg_len) + \
         sizeof(WSACMSGHDR) > (char *)(msg)->Control.buf + (msg)->Control.len) \
            ? (LPWSACMSGHDR)NULL \
            : (LPWSACMSGHDR)((char *)(cmsg) + WSA_CMSGHDR_ALIGN((cmsg)->cmsg_len))))
#define WSA_CMSG_DATA(cmsg) \
    ((unsigned char *)(cmsg) + WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR)))
#define WSA_CMSG_SPACE(n) \
    (WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR) + WSA_CMSGHDR_ALIGN(n)))
#define WSA_CMSG_LEN(n) (WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR)) + (n))
#undef CMSG_FIRSTHDR
#undef CMSG_NXTHDR
#undef CMSG_DATA
#undef CMSG_SPACE
#undef CMSG_LEN
#define CMSG_FIRSTHDR WSA_CMSG_FIRSTHDR
#define CMSG_NXTHDR WSA_CMSG_NXTHDR
#define CMSG_DATA WSA_CMSG_DATA
#define CMSG_SPACE WSA_CMSG_SPACE
#define CMSG_LEN WSA_CMSG_LEN
#define MSG_BCAST 0x0400
#define MSG_MCAST 0x0800
#define SIO_BASE_HANDLE _WSAIOR(IOC_WS2, 34)
#define SIO_IDEAL_SEND_BACKLOG_QUERY 0x4004747B
#define SIO_IDEAL_SEND_BACKLOG_CHANGE 0x2000747A


#endif /* WSCOMPAT_WS2DEF_H */
