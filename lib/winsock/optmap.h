/* Windows socket options: how each (level, name) is read, written, and
 * which Linux option carries it.  Pure data, unit-tested on its own. */
#ifndef WSC_WS_OPTMAP_H
#define WSC_WS_OPTMAP_H

enum wsc_optkind {
    OPT_BOOL,       /* Windows BOOL, a Linux int option */
    OPT_INT,        /* DWORD/int, a Linux int option */
    OPT_RCVTIMEO,   /* DWORD milliseconds, kept in the entry */
    OPT_SNDTIMEO,
    OPT_LINGER,     /* struct linger of two u_short */
    OPT_DONTLINGER, /* BOOL: !l_onoff */
    OPT_REUSEADDR,
    OPT_EXCLUSIVE,
    OPT_ERROR,      /* WSA code; settable on Windows */
    OPT_TYPE,       /* read-only */
    OPT_ACCEPTCONN, /* read-only */
    OPT_ACCEPTED,   /* accepted and ignored (mswsock context updates) */
    OPT_V6ONLY,     /* BOOL; on an IPv4 socket Windows answers it too */
    OPT_BUF,        /* SO_SNDBUF/SO_RCVBUF (name: 1 for receive): as set */
    OPT_KEPT,       /* kept in the entry only (name: the WSC_KEPT_ slot) */
    OPT_DONTFRAG,   /* IP_DONTFRAGMENT/IPV6_DONTFRAG: kept, and the kernel's
                     * path MTU discovery or IPV6_DONTFRAG follows it */
    OPT_PMTUD,      /* IP(V6)_MTU_DISCOVER: Windows' PMTUD_STATE numbers */
    OPT_MAXRT,      /* TCP_MAXRT (name 1000: seconds) / TCP_MAXRTMS (1):
                     * kept in ms, the kernel's TCP_USER_TIMEOUT follows */
    OPT_MAXMSG,     /* SO_MAX_MSG_SIZE, read-only */
    OPT_CONNTIME,   /* SO_CONNECT_TIME, read-only */
    OPT_OPENTYPE,   /* SO_OPENTYPE: the thread's, no socket needed */
    OPT_GROUPID,    /* SO_GROUP_ID: read-only 0 */
    OPT_HDRINCL,    /* IP_HDRINCL: only raw sockets have it */
    OPT_MREQ,       /* a membership request, set only; size: its bytes */
    OPT_GETONLY,    /* a Linux int option Windows only reads (IP_MTU) */
    OPT_IPOPTIONS,  /* IP_OPTIONS: the header's options, up to size bytes,
                     * as they are (Linux has the same format) */
};

/* Windows' length rules, per option (wine sock.c test_set_getsockopt,
 * test_optsize[]): */
enum {
    OF_SHORT = 0x01, /* set takes 1..3 bytes; get with 1..3 answers 1 byte */
    OF_BYTE = 0x02,  /* a 1-byte value: set reads one byte, get answers 1 */
    OF_BOOLV = 0x04, /* answered as 0 or 1 */
    OF_LEN0 = 0x08,  /* set with optlen 0 succeeds and changes nothing */
    OF_ZFILL = 0x10, /* get with 1..3 bytes: WSAEFAULT, those bytes zeroed */
    OF_SMALL = 0x20, /* the value is a byte: above 255 WSAEINVAL */
    OF_DGRAM = 0x40, /* a datagram socket's only (else WSAENOPROTOOPT) */
    OF_INET4 = 0x80, /* an IPv4 socket's only (else WSAENOPROTOOPT) */
    OF_NOSTREAM = 0x100, /* a datagram or raw socket's: on a stream
                          * WSAEINVAL (test_sockopt_validity) */
};

/* The slots of options kept in the entry (wsc_ksock.kept). */
enum {
    WSC_KEPT_DEBUG, WSC_KEPT_COND_ACCEPT, WSC_KEPT_PAUSE_ACCEPT,
    WSC_KEPT_RANDOMIZE_PORT, WSC_KEPT_PORT_SCALABILITY,
    WSC_KEPT_REUSE_UNICASTPORT, WSC_KEPT_REUSE_MULTICASTPORT,
    WSC_KEPT_GROUP_PRIORITY, WSC_KEPT_DONTFRAG, WSC_KEPT_MAXRT_MS,
    WSC_KEPT_FASTOPEN, WSC_KEPT_TIMESTAMPS, WSC_KEPT_EXPEDITED,
    WSC_KEPT_BSDURGENT, WSC_KEPT_PROTECTION, WSC_KEPT_LINGER_ONOFF,
    WSC_KEPT_NOSYNRETRIES, WSC_KEPT_FAIL_ON_ICMP, WSC_KEPT_DELAY_FIN_ACK,
    WSC_KEPT_UDP_COVERAGE, WSC_KEPT_UDP_COALESCE,
    WSC_KEPT_COUNT
};

struct wsc_optmap {
    int wlevel, wname;  /* Windows numbers */
    int level, name;    /* Linux numbers, where a Linux option carries it */
    enum wsc_optkind kind;
    unsigned flags;     /* OF_ */
    int size;           /* OPT_MREQ: the request's size */
};

/* 1 when Windows knows the level at all (else WSAEINVAL, row 10b). */
int wsc_optmap_level_known(int wlevel);
/* The mapping, or NULL (WSAENOPROTOOPT). */
const struct wsc_optmap *wsc_optmap_find(int wlevel, int wname);

#endif
