/* Windows socket options: how each (level, name) is read, written, and
 * which Linux option carries it.  Pure data, unit-tested on its own. */
#ifndef WSC_WS_OPTMAP_H
#define WSC_WS_OPTMAP_H

enum wsc_optkind {
    OPT_BOOL,       /* Windows BOOL, a Linux int option */
    OPT_INT,        /* DWORD/int, a Linux int option, optlen >= 4 */
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
};

struct wsc_optmap {
    int wlevel, wname;  /* Windows numbers */
    int level, name;    /* Linux numbers, where a Linux option carries it */
    enum wsc_optkind kind;
};

/* 1 when Windows knows the level at all (else WSAEINVAL, row 10b). */
int wsc_optmap_level_known(int wlevel);
/* The mapping, or NULL (WSAENOPROTOOPT). */
const struct wsc_optmap *wsc_optmap_find(int wlevel, int wname);

#endif
