/* The IP Helper's connection tables and protocol counters (iphlpapi.h):
 * GetTcpTable, GetUdpTable, GetExtendedTcpTable and GetExtendedUdpTable
 * (IPv4 and IPv6, with the owning process), from Linux's /proc/net/tcp,
 * tcp6, udp and udp6 and the processes' descriptors; GetTcpStatistics,
 * GetUdpStatistics and GetIpStatistics (and their Ex forms) from
 * /proc/net/snmp and snmp6.  A buffer too small (or none) gets the size
 * it needs and ERROR_INSUFFICIENT_BUFFER. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ws.h"
#include "iflist.h"

struct conn {
    unsigned char laddr[16], raddr[16];
    uint32_t lscope, rscope;
    uint16_t lport, rport; /* host order */
    DWORD state;           /* MIB_TCP_STATE; 0 for UDP */
    unsigned long inode;
    DWORD pid;
};

struct conns {
    struct conn *v;
    size_t n, cap;
};

/* Linux's TCP states (include/net/tcp_states.h) as Windows numbers. */
static DWORD mib_state(unsigned linux_state)
{
    static const DWORD map[] = {
        0, MIB_TCP_STATE_ESTAB, MIB_TCP_STATE_SYN_SENT,
        MIB_TCP_STATE_SYN_RCVD, MIB_TCP_STATE_FIN_WAIT1,
        MIB_TCP_STATE_FIN_WAIT2, MIB_TCP_STATE_TIME_WAIT,
        MIB_TCP_STATE_CLOSED, MIB_TCP_STATE_CLOSE_WAIT,
        MIB_TCP_STATE_LAST_ACK, MIB_TCP_STATE_LISTEN,
        MIB_TCP_STATE_CLOSING, MIB_TCP_STATE_SYN_RCVD,
    };

    return linux_state < sizeof map / sizeof map[0] ? map[linux_state]
                                                     : MIB_TCP_STATE_CLOSED;
}

/* "0100007F:1F90": the address as the kernel holds it, words printed in
 * the machine's order, then the port. */
static int parse_endpoint(const char *s, int words, unsigned char *addr,
                          uint16_t *port)
{
    for (int i = 0; i < words; i++) {
        char hex[9];
        uint32_t w;

        memcpy(hex, s + 8 * i, 8);
        hex[8] = 0;
        w = (uint32_t)strtoul(hex, NULL, 16);
        memcpy(addr + 4 * i, &w, 4);
    }
    if (s[8 * words] != ':')
        return -1;
    *port = (uint16_t)strtoul(s + 8 * words + 1, NULL, 16);
    return 0;
}

static int push(struct conns *c, const struct conn *x)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        struct conn *v = realloc(c->v, cap * sizeof *v);

        if (!v)
            return -1;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = *x;
    return 0;
}

/* The rows of one /proc/net file; -1 when out of memory. */
static int read_proc(const char *path, int v6, int tcp, struct conns *c)
{
    char line[512], l[80], r[80];
    FILE *f = fopen(path, "re");
    int words = v6 ? 4 : 1;

    if (!f)
        return 0;
    if (!fgets(line, sizeof line, f)) { /* the header */
        fclose(f);
        return 0;
    }
    while (fgets(line, sizeof line, f)) {
        struct conn x;
        unsigned st;
        unsigned long inode;

        memset(&x, 0, sizeof x);
        if (sscanf(line, " %*u: %79s %79s %x %*s %*s %*s %*s %*s %lu", l, r,
                   &st, &inode) != 4 ||
            parse_endpoint(l, words, x.laddr, &x.lport) ||
            parse_endpoint(r, words, x.raddr, &x.rport))
            continue;
        x.state = tcp ? mib_state(st) : 0;
        x.inode = inode;
        if (push(c, &x) < 0) {
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    return 0;
}

/* ---- the owning processes: which process's descriptors name the socket's
 * inode ("socket:[N]"); 0 when none this process may look at does. */
static int by_inode(const void *a, const void *b)
{
    unsigned long x = ((const struct conn *)a)->inode,
                  y = ((const struct conn *)b)->inode;

    return x < y ? -1 : x > y;
}

static void find_owners(struct conns *c)
{
    DIR *proc = opendir("/proc");
    struct dirent *p;

    if (!proc || !c->n) {
        if (proc)
            closedir(proc);
        return;
    }
    qsort(c->v, c->n, sizeof c->v[0], by_inode);
    while ((p = readdir(proc))) {
        char path[300], link[64];
        DIR *fds;
        struct dirent *d;

        if (!isdigit((unsigned char)p->d_name[0]))
            continue;
        snprintf(path, sizeof path, "/proc/%s/fd", p->d_name);
        if (!(fds = opendir(path)))
            continue;
        while ((d = readdir(fds))) {
            char fd[600];
            struct conn key, *hit;
            ssize_t n;

            snprintf(fd, sizeof fd, "%s/%s", path, d->d_name);
            n = readlink(fd, link, sizeof link - 1);
            if (n <= 8 || strncmp(link, "socket:[", 8))
                continue;
            link[n] = 0;
            key.inode = strtoul(link + 8, NULL, 10);
            hit = bsearch(&key, c->v, c->n, sizeof c->v[0], by_inode);
            /* (The sockets of one inode sit together; mark them all.) */
            for (; hit && hit > c->v && hit[-1].inode == key.inode; hit--)
                ;
            for (; hit && hit < c->v + c->n && hit->inode == key.inode; hit++)
                hit->pid = (DWORD)strtoul(p->d_name, NULL, 10);
        }
        closedir(fds);
    }
    closedir(proc);
}

/* Windows' order: local address, local port, remote address, remote
 * port, each as a number. */
static int in_order(const void *a, const void *b)
{
    const struct conn *x = a, *y = b;
    int d;

    if ((d = memcmp(x->laddr, y->laddr, 16)))
        return d;
    if (x->lport != y->lport)
        return x->lport < y->lport ? -1 : 1;
    if ((d = memcmp(x->raddr, y->raddr, 16)))
        return d;
    return x->rport < y->rport ? -1 : x->rport > y->rport;
}

/* The connections of a kind: TCP or UDP, v4 or v6, filtered. */
enum which { ALL, LISTENERS, CONNECTIONS };

static int gather(struct conns *c, int tcp, int v6, enum which w, int owners,
                  BOOL order)
{
    char path[32];
    size_t k = 0;

    snprintf(path, sizeof path, "/proc/net/%s%s", tcp ? "tcp" : "udp",
             v6 ? "6" : "");
    if (read_proc(path, v6, tcp, c) < 0)
        return -1;
    for (size_t i = 0; i < c->n; i++) {
        int listening = c->v[i].state == MIB_TCP_STATE_LISTEN;

        if (w == ALL || (w == LISTENERS) == listening)
            c->v[k++] = c->v[i];
    }
    c->n = k;
    if (owners)
        find_owners(c);
    if (order)
        qsort(c->v, c->n, sizeof c->v[0], in_order);
    return 0;
}

static DWORD port_of(uint16_t p)
{
    return htons(p);
}

static DWORD addr4(const unsigned char *a)
{
    DWORD d;

    memcpy(&d, a, 4);
    return d;
}

/* One row of the table's class at r. */
static void put_row(void *r, const struct conn *x, int tcp, int v6,
                    int owners)
{
    if (tcp && v6) {
        MIB_TCP6ROW_OWNER_PID *t = r;

        memcpy(t->ucLocalAddr, x->laddr, 16);
        memcpy(t->ucRemoteAddr, x->raddr, 16);
        t->dwLocalPort = port_of(x->lport);
        t->dwRemotePort = port_of(x->rport);
        t->dwState = x->state;
        t->dwOwningPid = x->pid;
    } else if (tcp) {
        MIB_TCPROW_OWNER_PID *t = r;

        t->dwState = x->state;
        t->dwLocalAddr = addr4(x->laddr);
        t->dwLocalPort = port_of(x->lport);
        t->dwRemoteAddr = addr4(x->raddr);
        t->dwRemotePort = x->state == MIB_TCP_STATE_LISTEN ? 0
                                                            : port_of(x->rport);
        if (owners)
            t->dwOwningPid = x->pid;
    } else if (v6) {
        MIB_UDP6ROW_OWNER_PID *u = r;

        memcpy(u->ucLocalAddr, x->laddr, 16);
        u->dwLocalPort = port_of(x->lport);
        u->dwOwningPid = x->pid;
    } else {
        MIB_UDPROW_OWNER_PID *u = r;

        u->dwLocalAddr = addr4(x->laddr);
        u->dwLocalPort = port_of(x->lport);
        if (owners)
            u->dwOwningPid = x->pid;
    }
}

/* A table of rows of row_size after its count, into the caller's buffer. */
static DWORD fill_table(void *table, PDWORD size, int tcp, int v6,
                        enum which w, int owners, BOOL order,
                        size_t row_size)
{
    struct conns c = { NULL, 0, 0 };
    size_t head = offsetof(MIB_TCPTABLE, table), need;
    char *rows;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if (gather(&c, tcp, v6, w, owners, order) < 0) {
        free(c.v);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    need = head + (c.n ? c.n : 1) * row_size;
    if (!table || *size < need) {
        *size = (DWORD)need;
        free(c.v);
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memset(table, 0, need);
    *(DWORD *)table = (DWORD)c.n;
    rows = (char *)table + head;
    for (size_t i = 0; i < c.n; i++)
        put_row(rows + i * row_size, &c.v[i], tcp, v6, owners);
    free(c.v);
    return NO_ERROR;
}

DWORD ws_GetTcpTable(PMIB_TCPTABLE table, PULONG size, BOOL order)
{
    return fill_table(table, size, 1, 0, ALL, 0, order, sizeof(MIB_TCPROW));
}

DWORD ws_GetUdpTable(PMIB_UDPTABLE table, PULONG size, BOOL order)
{
    return fill_table(table, size, 0, 0, ALL, 0, order, sizeof(MIB_UDPROW));
}

DWORD ws_GetExtendedTcpTable(PVOID table, PDWORD size, BOOL order,
                             ULONG family, TCP_TABLE_CLASS cls,
                             ULONG reserved)
{
    static const enum which kinds[] = { LISTENERS, CONNECTIONS, ALL };
    int v6 = family == AF_INET6, owners = cls >= TCP_TABLE_OWNER_PID_LISTENER;
    size_t row;

    (void)reserved;
    if (!size || (family != AF_INET && family != AF_INET6) ||
        cls > TCP_TABLE_OWNER_MODULE_ALL || (v6 && !owners))
        return ERROR_INVALID_PARAMETER;
    if (cls >= TCP_TABLE_OWNER_MODULE_LISTENER)
        return ERROR_NOT_SUPPORTED;
    row = v6       ? sizeof(MIB_TCP6ROW_OWNER_PID)
          : owners ? sizeof(MIB_TCPROW_OWNER_PID)
                   : sizeof(MIB_TCPROW);
    return fill_table(table, size, 1, v6, kinds[cls % 3], owners, order, row);
}

DWORD ws_GetExtendedUdpTable(PVOID table, PDWORD size, BOOL order,
                             ULONG family, UDP_TABLE_CLASS cls,
                             ULONG reserved)
{
    int v6 = family == AF_INET6, owners = cls == UDP_TABLE_OWNER_PID;
    size_t row;

    (void)reserved;
    if (!size || (family != AF_INET && family != AF_INET6) ||
        cls > UDP_TABLE_OWNER_MODULE || (v6 && cls == UDP_TABLE_BASIC))
        return ERROR_INVALID_PARAMETER;
    if (cls == UDP_TABLE_OWNER_MODULE)
        return ERROR_NOT_SUPPORTED;
    row = v6       ? sizeof(MIB_UDP6ROW_OWNER_PID)
          : owners ? sizeof(MIB_UDPROW_OWNER_PID)
                   : sizeof(MIB_UDPROW);
    return fill_table(table, size, 0, v6, ALL, owners, order, row);
}

/* ---- the counters -------------------------------------------------------- */

/* The counters of a /proc/net/snmp group ("Tcp:" line pairs: names,
 * then values), or of snmp6 (group NULL: "Udp6InDatagrams 12" lines),
 * read once for all the fields a call fills. */
#define MAX_COUNTERS 256
struct counters {
    char names[MAX_COUNTERS][48];
    unsigned long long values[MAX_COUNTERS];
    int n;
};

static void add_counter(struct counters *c, const char *name,
                        const char *value)
{
    if (c->n == MAX_COUNTERS || strlen(name) >= sizeof c->names[0])
        return;
    strcpy(c->names[c->n], name);
    /* (MaxConn is -1: dynamic.) */
    c->values[c->n++] = (unsigned long long)strtoll(value, NULL, 10);
}

static void read_counters(struct counters *c, const char *group)
{
    char names[2048], values[2048];
    size_t glen = group ? strlen(group) : 0;
    FILE *f = fopen(group ? "/proc/net/snmp" : "/proc/net/snmp6", "re");

    c->n = 0;
    if (!f)
        return;
    if (!group) {
        while (fgets(names, sizeof names, f)) {
            char *save, *name = strtok_r(names, " \t\n", &save);
            char *value = strtok_r(NULL, " \t\n", &save);

            if (name && value)
                add_counter(c, name, value);
        }
    }
    while (group && fgets(names, sizeof names, f) &&
           fgets(values, sizeof values, f)) {
        char *ns, *vs, *n, *v;

        if (strncmp(names, group, glen) || names[glen] != ':')
            continue;
        n = strtok_r(names + glen + 1, " \n", &ns);
        v = strtok_r(values + glen + 1, " \n", &vs);
        for (; n && v; n = strtok_r(NULL, " \n", &ns),
                       v = strtok_r(NULL, " \n", &vs))
            add_counter(c, n, v);
        break;
    }
    fclose(f);
}

/* A counter's value as Windows' 32-bit field holds it; 0 when absent. */
static DWORD counter(const struct counters *c, const char *name)
{
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->names[i], name))
            return (DWORD)c->values[i];
    return 0;
}

/* The number of rows a table has. */
static DWORD rows_of(int tcp, int v6)
{
    struct conns c = { NULL, 0, 0 };
    DWORD n;

    gather(&c, tcp, v6, ALL, 0, FALSE);
    n = (DWORD)c.n;
    free(c.v);
    return n;
}

ULONG ws_GetTcpStatisticsEx(PMIB_TCPSTATS s, ULONG family)
{
    static const char *const names[] = {
        "RtoAlgorithm", "RtoMin", "RtoMax", "MaxConn", "ActiveOpens",
        "PassiveOpens", "AttemptFails", "EstabResets", "CurrEstab", "InSegs",
        "OutSegs", "RetransSegs", "InErrs", "OutRsts",
    };
    struct counters c;
    DWORD *out;

    if (!s || (family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    /* (Linux counts TCP over both versions once.) */
    read_counters(&c, "Tcp");
    memset(s, 0, sizeof *s);
    out = &s->dwRtoAlgorithm; /* (the counters in order, all DWORDs) */
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        out[i] = counter(&c, names[i]);
    s->dwNumConns = rows_of(1, family == AF_INET6);
    return NO_ERROR;
}

ULONG ws_GetTcpStatistics(PMIB_TCPSTATS s)
{
    return ws_GetTcpStatisticsEx(s, AF_INET);
}

ULONG ws_GetUdpStatisticsEx(PMIB_UDPSTATS s, ULONG family)
{
    int v6 = family == AF_INET6;
    struct counters c;

    if (!s || (family != AF_INET && !v6))
        return ERROR_INVALID_PARAMETER;
    read_counters(&c, v6 ? NULL : "Udp");
    memset(s, 0, sizeof *s);
    s->dwInDatagrams = counter(&c, v6 ? "Udp6InDatagrams" : "InDatagrams");
    s->dwNoPorts = counter(&c, v6 ? "Udp6NoPorts" : "NoPorts");
    s->dwInErrors = counter(&c, v6 ? "Udp6InErrors" : "InErrors");
    s->dwOutDatagrams = counter(&c, v6 ? "Udp6OutDatagrams" : "OutDatagrams");
    s->dwNumAddrs = rows_of(0, v6);
    return NO_ERROR;
}

ULONG ws_GetUdpStatistics(PMIB_UDPSTATS s)
{
    return ws_GetUdpStatisticsEx(s, AF_INET);
}

ULONG ws_GetIpStatisticsEx(PMIB_IPSTATS s, ULONG family)
{
    static const char *const v4[] = {
        "Forwarding", "DefaultTTL", "InReceives", "InHdrErrors",
        "InAddrErrors", "ForwDatagrams", "InUnknownProtos", "InDiscards",
        "InDelivers", "OutRequests", NULL, "OutDiscards", "OutNoRoutes",
        "ReasmTimeout", "ReasmReqds", "ReasmOKs", "ReasmFails", "FragOKs",
        "FragFails", "FragCreates",
    };
    static const char *const v6_names[] = {
        NULL, NULL, "Ip6InReceives", "Ip6InHdrErrors", "Ip6InAddrErrors",
        "Ip6OutForwDatagrams", "Ip6InUnknownProtos", "Ip6InDiscards",
        "Ip6InDelivers", "Ip6OutRequests", NULL, "Ip6OutDiscards",
        "Ip6OutNoRoutes", NULL, "Ip6ReasmReqds", "Ip6ReasmOKs",
        "Ip6ReasmFails", "Ip6FragOKs", "Ip6FragFails", "Ip6FragCreates",
    };
    int v6 = family == AF_INET6;
    struct counters c, ip4;
    struct ws_ifinfo *ifs;
    DWORD *out;
    int n;

    if (!s || (family != AF_INET && !v6))
        return ERROR_INVALID_PARAMETER;
    read_counters(&c, v6 ? NULL : "Ip");
    memset(s, 0, sizeof *s);
    out = &s->dwForwarding; /* (the counters in order, all DWORDs) */
    for (size_t i = 0; i < sizeof v4 / sizeof v4[0]; i++) {
        const char *name = v6 ? v6_names[i] : v4[i];

        if (name)
            out[i] = counter(&c, name);
    }
    if (v6) {
        read_counters(&ip4, "Ip");
        s->dwForwarding = MIB_IP_NOT_FORWARDING;
        s->dwDefaultTTL = counter(&ip4, "DefaultTTL");
    }
    if ((n = ws_interfaces(&ifs)) >= 0) {
        s->dwNumIf = (DWORD)n;
        for (int i = 0; i < n; i++)
            s->dwNumAddr += (DWORD)ifs[i].nv4;
        ws_interfaces_free(ifs, n);
    }
    {
        char line[256];
        FILE *f = fopen("/proc/net/route", "re");

        if (f) {
            while (fgets(line, sizeof line, f))
                s->dwNumRoutes++;
            fclose(f);
            if (s->dwNumRoutes)
                s->dwNumRoutes--; /* (the header) */
        }
    }
    return NO_ERROR;
}

ULONG ws_GetIpStatistics(PMIB_IPSTATS s)
{
    return ws_GetIpStatisticsEx(s, AF_INET);
}
