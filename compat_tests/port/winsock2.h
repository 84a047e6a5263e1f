/* A port's Winsock header: what Windows code converted to POSIX names
 * typically carries (closesocket -> close, WSAGetLastError() -> errno,
 * WSAECONNRESET -> ECONNRESET).  The compat scenarios compiled with it
 * instead of wscompat's headers are such an already-ported program; run
 * plain they show Linux's behavior, under wscompat-run or linked with
 * wscompat-wrap they should show Windows' again.  Test code only. */
#ifndef CT_PORT_WINSOCK2_H
#define CT_PORT_WINSOCK2_H

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

typedef int SOCKET;
typedef uint32_t DWORD;
typedef int BOOL;
typedef uint16_t WORD;
typedef unsigned char BYTE;
typedef struct pollfd WSAPOLLFD;
typedef struct {
    WORD wVersion, wHighVersion;
    char szDescription[257], szSystemStatus[129];
} WSADATA;

#define INVALID_SOCKET (-1)
#define SOCKET_ERROR (-1)
#define MAKEWORD(lo, hi) ((WORD)(((BYTE)(lo)) | ((WORD)(BYTE)(hi)) << 8))
#define WSAStartup(v, d) ((void)(v), (void)(d), 0)
static inline int WSACleanup(void) { return 0; } /* (a statement too) */
#define WSAGetLastError() (errno)
#define WSASetLastError(e) (errno = (e))
#define closesocket close
#define ioctlsocket ioctl
#define WSAPoll poll
#define SD_RECEIVE SHUT_RD
#define SD_SEND SHUT_WR
#define SD_BOTH SHUT_RDWR
/* Windows ignores select's first argument; the port passes the maximum. */
#define select(n, r, w, x, t) select(FD_SETSIZE, r, w, x, t)

#define WSAEINTR EINTR
#define WSAEBADF EBADF
#define WSAEACCES EACCES
#define WSAEFAULT EFAULT
#define WSAEINVAL EINVAL
#define WSAEMFILE EMFILE
#define WSAEWOULDBLOCK EWOULDBLOCK
#define WSAEINPROGRESS EINPROGRESS
#define WSAEALREADY EALREADY
#define WSAENOTSOCK ENOTSOCK
#define WSAEDESTADDRREQ EDESTADDRREQ
#define WSAEMSGSIZE EMSGSIZE
#define WSAEPROTOTYPE EPROTOTYPE
#define WSAENOPROTOOPT ENOPROTOOPT
#define WSAEPROTONOSUPPORT EPROTONOSUPPORT
#define WSAESOCKTNOSUPPORT ESOCKTNOSUPPORT
#define WSAEOPNOTSUPP EOPNOTSUPP
#define WSAEAFNOSUPPORT EAFNOSUPPORT
#define WSAEADDRINUSE EADDRINUSE
#define WSAEADDRNOTAVAIL EADDRNOTAVAIL
#define WSAENETDOWN ENETDOWN
#define WSAENETUNREACH ENETUNREACH
#define WSAENETRESET ENETRESET
#define WSAECONNABORTED ECONNABORTED
#define WSAECONNRESET ECONNRESET
#define WSAENOBUFS ENOBUFS
#define WSAEISCONN EISCONN
#define WSAENOTCONN ENOTCONN
#define WSAESHUTDOWN ESHUTDOWN
#define WSAETIMEDOUT ETIMEDOUT
#define WSAECONNREFUSED ECONNREFUSED
#define WSAEHOSTUNREACH EHOSTUNREACH
#define WSAEHOSTDOWN EHOSTDOWN
/* No errno is named like these; Windows' numbers keep them distinct. */
#define WSANOTINITIALISED 10093
#define WSAEDISCON 10101
#define WSA_OPERATION_ABORTED 995
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define WSANO_DATA 11004
#define WSATYPE_NOT_FOUND 10109
#define WSASERVICE_NOT_FOUND 10108
#define WSA_NOT_ENOUGH_MEMORY 8

#endif
