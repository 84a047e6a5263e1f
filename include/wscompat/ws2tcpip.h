/* wscompat: name resolution and address conversion, Windows flavour.
 * getaddrinfo/getnameinfo return Windows codes (EAI_NONAME is
 * WSAHOST_NOT_FOUND, ...) and take Windows AI_ and NI_ flag values. */
#ifndef WSCOMPAT_WS2TCPIP_H
#define WSCOMPAT_WS2TCPIP_H

#include "winsock2.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct addrinfo ADDRINFOA, *PADDRINFOA;
typedef ADDRINFOA ADDRINFO, *LPADDRINFO;

/* The wide and the Ex results, laid out as Windows lays them out (the
 * ANSI ADDRINFOA is the system's struct addrinfo).  wchar_t is Linux's. */
typedef struct addrinfoW {
    int ai_flags;
    int ai_family;
    int ai_socktype;
    int ai_protocol;
    size_t ai_addrlen;
    wchar_t *ai_canonname;
    struct sockaddr *ai_addr;
    struct addrinfoW *ai_next;
} ADDRINFOW, *PADDRINFOW;
/* ADDRINFOEXA and ADDRINFOEXW differ in their name's characters only. */
#define WSC_ADDRINFOEX(tag, char_type)                                  \
    struct tag {                                                        \
        int ai_flags;                                                   \
        int ai_family;                                                  \
        int ai_socktype;                                                \
        int ai_protocol;                                                \
        size_t ai_addrlen;                                              \
        char_type *ai_canonname;                                        \
        struct sockaddr *ai_addr;                                       \
        void *ai_blob;                                                  \
        size_t ai_bloblen;                                              \
        LPGUID ai_provider;                                             \
        struct tag *ai_next;                                            \
    }
typedef WSC_ADDRINFOEX(addrinfoexA, char) ADDRINFOEXA, *PADDRINFOEXA,
    *LPADDRINFOEXA;
typedef WSC_ADDRINFOEX(addrinfoexW, wchar_t) ADDRINFOEXW, *PADDRINFOEXW,
    *LPADDRINFOEXW;
#undef WSC_ADDRINFOEX

#undef EAI_AGAIN
#undef EAI_BADFLAGS
#undef EAI_FAIL
#undef EAI_FAMILY
#undef EAI_MEMORY
#undef EAI_NODATA
#undef EAI_NONAME
#undef EAI_SERVICE
#undef EAI_SOCKTYPE
#define EAI_AGAIN WSATRY_AGAIN
#define EAI_BADFLAGS WSAEINVAL
#define EAI_FAIL WSANO_RECOVERY
#define EAI_FAMILY WSAEAFNOSUPPORT
#define EAI_MEMORY WSA_NOT_ENOUGH_MEMORY
#define EAI_NODATA WSANO_DATA
#define EAI_NONAME WSAHOST_NOT_FOUND
#define EAI_SERVICE WSATYPE_NOT_FOUND
#define EAI_SOCKTYPE WSAESOCKTNOSUPPORT

#undef AI_PASSIVE
#undef AI_CANONNAME
#undef AI_NUMERICHOST
#undef AI_NUMERICSERV
#undef AI_ALL
#undef AI_ADDRCONFIG
#undef AI_V4MAPPED
#define AI_PASSIVE 0x00000001
#define AI_CANONNAME 0x00000002
#define AI_NUMERICHOST 0x00000004
#define AI_NUMERICSERV 0x00000008
#define AI_ALL 0x00000100
#define AI_ADDRCONFIG 0x00000400
#define AI_V4MAPPED 0x00000800
#define AI_DISABLE_IDN_ENCODING 0x00080000

#undef NI_NOFQDN
#undef NI_NUMERICHOST
#undef NI_NAMEREQD
#undef NI_NUMERICSERV
#undef NI_DGRAM
#define NI_NOFQDN 0x01
#define NI_NUMERICHOST 0x02
#define NI_NAMEREQD 0x04
#define NI_NUMERICSERV 0x08
#define NI_DGRAM 0x10

#define INET_ADDRSTRLEN_WIN 22
#define INET6_ADDRSTRLEN_WIN 65

/* Prototypes and redirections, from lib/winsock/api.def. */
#define WSC_API_WS2TCPIP
#include "wsc_api.h"
#undef WSC_API_WS2TCPIP

/* The TCHAR names of the address conversions, as in Microsoft's header. */
#ifdef UNICODE
#define InetPton InetPtonW
#define InetNtop InetNtopW
#else
#define InetPton InetPtonA
#define InetNtop InetNtopA
#endif
/* The TCHAR names of the resolver, as in Microsoft's header (the Ex
 * functions' are in the list, WINSOCK_AW). */
#ifdef UNICODE
typedef ADDRINFOW ADDRINFOT, *PADDRINFOT;
typedef ADDRINFOEXW ADDRINFOEX, *PADDRINFOEX;
#define GetAddrInfo GetAddrInfoW
#define FreeAddrInfo FreeAddrInfoW
#define GetNameInfo GetNameInfoW
#else
typedef ADDRINFOA ADDRINFOT, *PADDRINFOT;
typedef ADDRINFOEXA ADDRINFOEX, *PADDRINFOEX;
#define GetAddrInfo GetAddrInfoA
#define FreeAddrInfo FreeAddrInfoA
#define GetNameInfo GetNameInfoA
#endif

#ifdef __cplusplus
}
#endif

/* As Windows' ws2tcpip.h: the IP-level definitions (IN_PKTINFO, ...). */
#include "ws2ipdef.h"

/* A SOCKADDR_STORAGE's port: at the same place in both families. */
#ifndef SS_PORT
#define SS_PORT(ss) (((SOCKADDR_IN *)(ss))->sin_port)
#endif

/* The ideal send backlog (ISB), as Microsoft's header wraps its two
 * control codes.  The query answers; the change notification is not
 * supported (WSAEOPNOTSUPP): wscompat's ISB does not change. */
static inline int idealsendbacklogquery(SOCKET s, ULONG *pISB)
{
    DWORD bytes;

    return WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_QUERY, NULL, 0, pISB,
                    sizeof(*pISB), &bytes, NULL, NULL);
}
static inline int idealsendbacklognotify(
    SOCKET s, LPWSAOVERLAPPED lpOverlapped,
    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
    DWORD bytes;

    return WSAIoctl(s, SIO_IDEAL_SEND_BACKLOG_CHANGE, NULL, 0, NULL, 0,
                    &bytes, lpOverlapped, lpCompletionRoutine);
}

/* The typed forms of the UDP segmentation and coalescing options, as
 * Microsoft's header defines them. */
static inline INT WSAGetUdpSendMessageSize(SOCKET Socket, PDWORD MsgSize)
{
    int len = sizeof(*MsgSize);

    return getsockopt(Socket, IPPROTO_UDP, UDP_SEND_MSG_SIZE,
                      (char *)MsgSize, &len);
}
static inline INT WSASetUdpSendMessageSize(SOCKET Socket, DWORD MsgSize)
{
    return setsockopt(Socket, IPPROTO_UDP, UDP_SEND_MSG_SIZE,
                      (const char *)&MsgSize, sizeof(MsgSize));
}
static inline INT WSAGetUdpRecvMaxCoalescedSize(SOCKET Socket,
                                                DWORD *MaxCoalescedMsgSize)
{
    int len = sizeof(*MaxCoalescedMsgSize);

    return getsockopt(Socket, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE,
                      (char *)MaxCoalescedMsgSize, &len);
}
static inline INT WSASetUdpRecvMaxCoalescedSize(SOCKET Socket,
                                                DWORD MaxCoalescedMsgSize)
{
    return setsockopt(Socket, IPPROTO_UDP, UDP_RECV_MAX_COALESCED_SIZE,
                      (const char *)&MaxCoalescedMsgSize,
                      sizeof(MaxCoalescedMsgSize));
}

#endif /* WSCOMPAT_WS2TCPIP_H */
