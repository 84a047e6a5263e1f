/* The IP Helper's adapters (lib/winsock/adapters.c): the codes Windows
 * gives for a missing size, a bad family and a buffer too small, sizes
 * that are exact (a buffer one byte short fails, one of the size given
 * works, and nothing is written past it), the family and GAA_FLAG_
 * filters, and the loopback adapter as Windows describes its own; the
 * TCP and UDP tables (this process's listener, connection and datagram
 * sockets in them, in order, with their owner) and the protocols'
 * counters (a connection made counts); the interface table and its
 * counters, and the best interface to a loopback address. */
#include <check.h>
#include <sched.h>
#include <sys/mman.h>
#include "ws.h"
#include "testutil.h"

/* A buffer of n bytes that ends where an unmapped page begins. */
static void *at_page_end(size_t n, void **map, size_t *maplen)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t pages = (n + (size_t)page - 1) / (size_t)page + 1;
    char *m = mmap(NULL, pages * (size_t)page, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    ck_assert_ptr_ne(m, MAP_FAILED);
    ck_assert_int_eq(mprotect(m + (pages - 1) * (size_t)page, (size_t)page,
                              PROT_NONE), 0);
    *map = m;
    *maplen = pages * (size_t)page;
    return m + (pages - 1) * (size_t)page - ((n + 7) & ~(size_t)7);
}

static PIP_ADAPTER_ADDRESSES addresses(ULONG family, ULONG flags,
                                       void **map, size_t *maplen)
{
    ULONG size = 0, need;
    PIP_ADAPTER_ADDRESSES a;

    ck_assert_uint_eq(GetAdaptersAddresses(family, flags, NULL, NULL, &size),
                      ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_gt(size, sizeof(IP_ADAPTER_ADDRESSES));
    need = size;
    a = at_page_end(size, map, maplen);
    size = need - 1;
    ck_assert_uint_eq(GetAdaptersAddresses(family, flags, NULL, a, &size),
                      ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_eq(size, need);
    ck_assert_uint_eq(GetAdaptersAddresses(family, flags, NULL, a, &size),
                      NO_ERROR);
    ck_assert_uint_eq(size, need);
    return a;
}

static PIP_ADAPTER_ADDRESSES loopback_of(PIP_ADAPTER_ADDRESSES a)
{
    for (; a; a = a->Next)
        if (a->IfType == IF_TYPE_SOFTWARE_LOOPBACK)
            return a;
    return NULL;
}

START_TEST(adapters_addresses_bad_input)
{
    ULONG size = 0;
    unsigned long wide = 0;

    ck_assert_uint_eq(GetAdaptersAddresses(AF_UNSPEC, 0, NULL, NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetAdaptersAddresses(AF_IRDA, 0, NULL, NULL, &size),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetAdaptersAddresses(12345, 0, NULL, NULL, &size),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(size, 0);
    /* (A caller's unsigned long, 64-bit here, takes the size as a ULONG.) */
    ck_assert_uint_eq(wsc_GetAdaptersAddresses(AF_INET, 0, NULL, NULL,
                                               (PULONG)&wide),
                      ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_gt(wide, 0);
}
END_TEST

START_TEST(adapters_addresses_loopback)
{
    void *map;
    size_t maplen;
    PIP_ADAPTER_ADDRESSES a = addresses(AF_UNSPEC, GAA_FLAG_INCLUDE_PREFIX,
                                        &map, &maplen);
    PIP_ADAPTER_ADDRESSES lo = loopback_of(a), p;
    PIP_ADAPTER_UNICAST_ADDRESS u;
    PIP_ADAPTER_PREFIX pre;
    int v4 = 0;

    ck_assert_ptr_nonnull(lo);
    ck_assert_ptr_null(lo->Next); /* the loopback comes last */
    ck_assert_uint_eq(lo->Length, sizeof(IP_ADAPTER_ADDRESSES));
    ck_assert_uint_eq(lo->OperStatus, IfOperStatusUp);
    ck_assert_uint_eq(lo->PhysicalAddressLength, 0);
    ck_assert_uint_gt(lo->IfIndex, 0);
    ck_assert_uint_eq(lo->Luid.Info.IfType, IF_TYPE_SOFTWARE_LOOPBACK);
    ck_assert(lo->Flags & IP_ADAPTER_IPV4_ENABLED);
    ck_assert(lo->FriendlyName && lo->Description && lo->DnsSuffix);
    ck_assert_int_eq(lo->DnsSuffix[0], 0);
    ck_assert_ptr_null(lo->FirstDnsServerAddress);
    for (u = lo->FirstUnicastAddress; u; u = u->Next) {
        struct sockaddr_in *s = (struct sockaddr_in *)u->Address.lpSockaddr;

        ck_assert_uint_eq(u->Length, sizeof(*u));
        if (s->sin_family != AF_INET || s->sin_addr.s_addr != htonl(INADDR_LOOPBACK))
            continue;
        v4++;
        ck_assert_int_eq(u->Address.iSockaddrLength, sizeof(*s));
        ck_assert_uint_eq(s->sin_port, 0);
        ck_assert_uint_eq(u->OnLinkPrefixLength, 8);
        ck_assert_uint_eq(u->DadState, IpDadStatePreferred);
        ck_assert_uint_eq(u->PrefixOrigin, IpPrefixOriginWellKnown);
        ck_assert_uint_eq(u->ValidLifetime, 0xffffffffu);
    }
    ck_assert_int_eq(v4, 1);
    for (pre = lo->FirstPrefix; pre; pre = pre->Next) {
        struct sockaddr_in *s = (struct sockaddr_in *)pre->Address.lpSockaddr;

        if (s->sin_family == AF_INET) {
            ck_assert_uint_eq(s->sin_addr.s_addr, htonl(0x7f000000));
            ck_assert_uint_eq(pre->PrefixLength, 8);
            v4++;
        }
    }
    ck_assert_int_eq(v4, 2);
    /* Every adapter's strings are terminated inside the buffer. */
    for (p = a; p; p = p->Next)
        ck_assert_uint_gt(strlen(p->AdapterName) + 1, 1);
    munmap(map, maplen);
}
END_TEST

/* The family picks the addresses; the GAA_FLAG_SKIP_ flags leave lists
 * out, the GAA_FLAG_INCLUDE_ ones put them in. */
START_TEST(adapters_addresses_filters)
{
    static const ULONG families[] = { AF_INET, AF_INET6 };
    void *map;
    size_t maplen;
    PIP_ADAPTER_ADDRESSES a, p;
    PIP_ADAPTER_UNICAST_ADDRESS u;
    size_t i;

    for (i = 0; i < 2; i++) {
        a = addresses(families[i], GAA_FLAG_INCLUDE_PREFIX, &map, &maplen);
        for (p = a; p; p = p->Next) {
            for (u = p->FirstUnicastAddress; u; u = u->Next)
                ck_assert_uint_eq(u->Address.lpSockaddr->sa_family,
                                  families[i]);
            ck_assert_ptr_null(p->FirstGatewayAddress);
        }
        munmap(map, maplen);
    }
    a = addresses(AF_UNSPEC, GAA_FLAG_SKIP_UNICAST | GAA_FLAG_SKIP_DNS_SERVER,
                  &map, &maplen);
    for (p = a; p; p = p->Next) {
        ck_assert_ptr_null(p->FirstUnicastAddress);
        ck_assert_ptr_null(p->FirstDnsServerAddress);
        ck_assert_ptr_null(p->FirstPrefix);
    }
    munmap(map, maplen);
}
END_TEST

START_TEST(adapters_info_sizes)
{
    ULONG size = 0, need;
    DWORD r = GetAdaptersInfo(NULL, &size);
    PIP_ADAPTER_INFO a, p;
    void *map;
    size_t maplen;

    ck_assert_uint_eq(GetAdaptersInfo(NULL, NULL), ERROR_INVALID_PARAMETER);
    if (r == ERROR_NO_DATA)
        return; /* (nothing but the loopback here) */
    ck_assert_uint_eq(r, ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_ge(size, sizeof(IP_ADAPTER_INFO));
    need = size;
    a = at_page_end(size, &map, &maplen);
    size = need - 1;
    ck_assert_uint_eq(GetAdaptersInfo(a, &size), ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_eq(size, need);
    ck_assert_uint_eq(GetAdaptersInfo(a, &size), NO_ERROR);
    for (p = a; p; p = p->Next) {
        ck_assert_uint_ne(p->Type, MIB_IF_TYPE_LOOPBACK);
        ck_assert_uint_ne(inet_addr(p->IpAddressList.IpAddress.String),
                          htonl(INADDR_LOOPBACK));
        ck_assert_uint_gt(p->Index, 0);
    }
    munmap(map, maplen);
}
END_TEST

START_TEST(ip_addr_table_and_params)
{
    ULONG size = 0;
    DWORD count = 0, i;
    PMIB_IPADDRTABLE t;
    PFIXED_INFO fi;
    int lo = 0;

    ck_assert_uint_eq(GetIpAddrTable(NULL, NULL, FALSE), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIpAddrTable(NULL, &size, FALSE),
                      ERROR_INSUFFICIENT_BUFFER);
    t = malloc(size);
    ck_assert_uint_eq(GetIpAddrTable(t, &size, TRUE), NO_ERROR);
    ck_assert_uint_eq(size, SIZEOF_IP_ADDRTABLE(t->dwNumEntries));
    for (i = 0; i < t->dwNumEntries; i++) {
        if (t->table[i].dwAddr == htonl(INADDR_LOOPBACK)) {
            lo = 1;
            ck_assert_uint_eq(t->table[i].dwMask, htonl(0xff000000));
        }
        if (i)
            ck_assert_uint_le(ntohl(t->table[i - 1].dwAddr),
                              ntohl(t->table[i].dwAddr));
    }
    ck_assert_int_eq(lo, 1);
    free(t);
    ck_assert_uint_eq(GetNumberOfInterfaces(NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetNumberOfInterfaces(&count), NO_ERROR);
    ck_assert_uint_ge(count, 1);
    size = 0;
    ck_assert_uint_eq(GetNetworkParams(NULL, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetNetworkParams(NULL, &size), ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_ge(size, sizeof(FIXED_INFO));
    fi = malloc(size);
    ck_assert_uint_eq(GetNetworkParams(fi, &size), NO_ERROR);
    ck_assert_int_gt(strlen(fi->HostName), 0);
    ck_assert_ptr_null(strchr(fi->HostName, '.'));
    free(fi);
}
END_TEST

/* ---- the connection tables and counters (mibtables.c) ---------------- */

static unsigned short local_port(SOCKET s)
{
    struct sockaddr_storage a;
    int len = sizeof(a);

    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&a, &len), 0);
    return ntohs(((struct sockaddr_in *)&a)->sin_port);
}

/* A table asked for its size first, as the samples do: NULL, one byte
 * short, then the size given, again while the table outgrows it (other
 * processes' connections come and go meanwhile). */
static void *table_of(DWORD (*get)(void *, PDWORD, void *), void *arg)
{
    DWORD size = 0, r = ERROR_INSUFFICIENT_BUFFER;
    void *t = NULL;

    ck_assert_uint_eq(get(NULL, &size, arg), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_ge(size, sizeof(DWORD));
    for (int tries = 0; tries < 20 && r == ERROR_INSUFFICIENT_BUFFER;
         tries++) {
        DWORD need = size + 16 * sizeof(MIB_TCP6ROW_OWNER_PID);

        free(t);
        t = calloc(1, need);
        size = 1;
        ck_assert_uint_eq(get(t, &size, arg), ERROR_INSUFFICIENT_BUFFER);
        ck_assert_uint_gt(size, 1);
        size = need;
        r = get(t, &size, arg);
    }
    ck_assert_uint_eq(r, NO_ERROR);
    return t;
}

static DWORD get_tcp(void *t, PDWORD size, void *arg)
{
    (void)arg;
    return GetTcpTable(t, size, TRUE);
}

static DWORD get_tcp_pid(void *t, PDWORD size, void *arg)
{
    return GetExtendedTcpTable(t, size, FALSE, *(ULONG *)arg,
                               TCP_TABLE_OWNER_PID_ALL, 0);
}

static DWORD get_udp_pid(void *t, PDWORD size, void *arg)
{
    return GetExtendedUdpTable(t, size, TRUE, *(ULONG *)arg,
                               UDP_TABLE_OWNER_PID, 0);
}

START_TEST(tcp_and_udp_tables)
{
    SOCKET l, c, a, u, u6;
    unsigned short lp, cp, ap, up, u6p;
    MIB_TCPTABLE *t;
    MIB_TCPTABLE_OWNER_PID *tp;
    MIB_UDPTABLE_OWNER_PID *up4;
    MIB_UDP6TABLE_OWNER_PID *up6;
    struct sockaddr_in6 any6;
    ULONG af = AF_INET, af6 = AF_INET6;
    int listening = 0, pair_rows = 0, mine = 0, found = 0;
    DWORD i;

    startup();
    l = listener(&lp);
    pair(&c, &a);
    cp = local_port(c);
    ap = local_port(a);
    u = socket(AF_INET, SOCK_DGRAM, 0);
    {
        struct sockaddr_in b;

        memset(&b, 0, sizeof(b));
        b.sin_family = AF_INET;
        b.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ck_assert_int_eq(bind(u, (struct sockaddr *)&b, sizeof(b)), 0);
    }
    up = local_port(u);
    u6 = socket(AF_INET6, SOCK_DGRAM, 0);
    memset(&any6, 0, sizeof(any6));
    any6.sin6_family = AF_INET6;
    any6.sin6_addr.s6_addr[15] = 1;
    ck_assert_int_eq(bind(u6, (struct sockaddr *)&any6, sizeof(any6)), 0);
    u6p = local_port(u6);

    t = table_of(get_tcp, NULL);
    for (i = 0; i < t->dwNumEntries; i++) {
        MIB_TCPROW *r = &t->table[i];

        if (i)  /* in order: local address, then port */
            ck_assert(ntohl(t->table[i - 1].dwLocalAddr) < ntohl(r->dwLocalAddr) ||
                      (t->table[i - 1].dwLocalAddr == r->dwLocalAddr &&
                       ntohs((u_short)t->table[i - 1].dwLocalPort) <=
                           ntohs((u_short)r->dwLocalPort)));
        if (ntohs((u_short)r->dwLocalPort) == lp &&
            ntohl(r->dwLocalAddr) == INADDR_LOOPBACK &&
            r->dwState == MIB_TCP_STATE_LISTEN) {
            listening++;
            ck_assert_uint_eq(r->dwRemoteAddr, 0);
            ck_assert_uint_eq(r->dwRemotePort, 0);
        }
        /* (Exact ends: other tests' connections may share a port.) */
        if (ntohs((u_short)r->dwLocalPort) == cp &&
            ntohs((u_short)r->dwRemotePort) == ap &&
            r->dwState == MIB_TCP_STATE_ESTAB) {
            pair_rows++;
            ck_assert_uint_eq(ntohl(r->dwRemoteAddr), INADDR_LOOPBACK);
        }
    }
    ck_assert_int_eq(listening, 1);
    ck_assert_int_eq(pair_rows, 1);
    free(t);

    tp = table_of(get_tcp_pid, &af);
    for (i = 0; i < tp->dwNumEntries; i++)
        if ((ntohs((u_short)tp->table[i].dwLocalPort) == cp &&
             ntohs((u_short)tp->table[i].dwRemotePort) == ap) ||
            (ntohs((u_short)tp->table[i].dwLocalPort) == ap &&
             ntohs((u_short)tp->table[i].dwRemotePort) == cp)) {
            ck_assert_uint_eq(tp->table[i].dwOwningPid, (DWORD)getpid());
            mine++;
        }
    ck_assert_int_eq(mine, 2); /* both ends are this process's */
    free(tp);

    up4 = table_of(get_udp_pid, &af);
    for (i = 0; i < up4->dwNumEntries; i++)
        if (ntohs((u_short)up4->table[i].dwLocalPort) == up &&
            ntohl(up4->table[i].dwLocalAddr) == INADDR_LOOPBACK) {
            ck_assert_uint_eq(up4->table[i].dwOwningPid, (DWORD)getpid());
            found++;
        }
    free(up4);
    up6 = table_of(get_udp_pid, &af6);
    for (i = 0; i < up6->dwNumEntries; i++)
        if (ntohs((u_short)up6->table[i].dwLocalPort) == u6p &&
            !memcmp(up6->table[i].ucLocalAddr, &any6.sin6_addr, 16)) {
            found++;
        }
    free(up6);
    ck_assert_int_eq(found, 2);
    closesocket(l);
    closesocket(c);
    closesocket(a);
    closesocket(u);
    closesocket(u6);
}
END_TEST

START_TEST(tables_bad_input)
{
    DWORD size = 0;

    ck_assert_uint_eq(GetTcpTable(NULL, NULL, FALSE), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetUdpTable(NULL, NULL, FALSE), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetExtendedTcpTable(NULL, &size, FALSE, AF_UNSPEC,
                                          TCP_TABLE_BASIC_ALL, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetExtendedTcpTable(NULL, &size, FALSE, AF_INET,
                                          (TCP_TABLE_CLASS)42, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetExtendedUdpTable(NULL, &size, FALSE, AF_INET6,
                                          UDP_TABLE_BASIC, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetTcpStatistics(NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetUdpStatisticsEx(NULL, AF_INET), ERROR_INVALID_PARAMETER);
    {
        MIB_IPSTATS ip;

        ck_assert_uint_eq(GetIpStatisticsEx(&ip, AF_UNSPEC),
                          ERROR_INVALID_PARAMETER);
    }
}
END_TEST

/* The counters move as the system's do: a connection made counts. */
START_TEST(protocol_counters)
{
    MIB_TCPSTATS before, after;
    MIB_UDPSTATS udp;
    MIB_IPSTATS ip;
    SOCKET c, a;

    startup();
    ck_assert_uint_eq(GetTcpStatistics(&before), NO_ERROR);
    pair(&c, &a);
    ck_assert_uint_eq(GetTcpStatisticsEx(&after, AF_INET), NO_ERROR);
    ck_assert_uint_ge(after.dwActiveOpens, before.dwActiveOpens + 1);
    ck_assert_uint_ge(after.dwPassiveOpens, before.dwPassiveOpens + 1);
    ck_assert_uint_ge(after.dwCurrEstab, 2);
    ck_assert_uint_ge(after.dwNumConns, 2);
    ck_assert_uint_eq(after.dwMaxConn, MIB_TCP_MAXCONN_DYNAMIC);
    ck_assert_uint_eq(GetUdpStatistics(&udp), NO_ERROR);
    ck_assert_uint_eq(GetIpStatistics(&ip), NO_ERROR);
    ck_assert(ip.dwForwarding == MIB_IP_FORWARDING ||
              ip.dwForwarding == MIB_IP_NOT_FORWARDING);
    ck_assert_uint_gt(ip.dwDefaultTTL, 0);
    ck_assert_uint_gt(ip.dwInReceives, 0);
    ck_assert_uint_ge(ip.dwNumIf, 1);
    ck_assert_uint_ge(ip.dwNumAddr, 1);
    closesocket(c);
    closesocket(a);
}
END_TEST

/* The interface table: every interface GetAdaptersAddresses lists, the
 * loopback's counters moving with traffic sent to it, GetIfEntry by
 * index, GetInterfaceInfo without the loopback. */
START_TEST(interface_table)
{
    MIB_IFTABLE *t;
    MIB_IFROW row, again;
    IP_INTERFACE_INFO *info;
    ULONG size = 0, n;
    DWORD count = 0, lo = 0, i;
    SOCKET c, a;
    char buf[4096];

    ck_assert_uint_eq(GetIfTable(NULL, NULL, FALSE), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIfTable(NULL, &size, TRUE), ERROR_INSUFFICIENT_BUFFER);
    t = malloc(size);
    n = size - 1;
    ck_assert_uint_eq(GetIfTable(t, &n, TRUE), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(n, size);
    ck_assert_uint_eq(GetIfTable(t, &size, TRUE), NO_ERROR);
    ck_assert_uint_eq(GetNumberOfInterfaces(&count), NO_ERROR);
    ck_assert_uint_eq(t->dwNumEntries, count);
    for (i = 0; i < t->dwNumEntries; i++) {
        if (i)
            ck_assert_uint_lt(t->table[i - 1].dwIndex, t->table[i].dwIndex);
        ck_assert_uint_eq(t->table[i].dwDescrLen,
                          strlen((char *)t->table[i].bDescr) + 1);
        if (t->table[i].dwType == IF_TYPE_SOFTWARE_LOOPBACK)
            lo = t->table[i].dwIndex;
    }
    ck_assert_uint_ne(lo, 0);
    free(t);

    memset(&row, 0, sizeof(row));
    row.dwIndex = lo;
    ck_assert_uint_eq(GetIfEntry(&row), NO_ERROR);
    ck_assert(!wcscmp(row.wszName, L"lo"));
    ck_assert_uint_eq(row.dwAdminStatus, MIB_IF_ADMIN_STATUS_UP);
    ck_assert_uint_eq(row.dwOperStatus, IF_OPER_STATUS_OPERATIONAL);
    ck_assert_uint_gt(row.dwMtu, 0);
    startup();
    pair(&c, &a);
    memset(buf, 'x', sizeof(buf));
    ck_assert_int_eq(send(c, buf, sizeof(buf), 0), (int)sizeof(buf));
    ck_assert_int_gt(recv(a, buf, sizeof(buf), MSG_WAITALL), 0);
    again.dwIndex = lo;
    ck_assert_uint_eq(GetIfEntry(&again), NO_ERROR);
    ck_assert_uint_ge(again.dwOutOctets - row.dwOutOctets, sizeof(buf));
    ck_assert_uint_ge(again.dwInOctets - row.dwInOctets, sizeof(buf));
    closesocket(c);
    closesocket(a);
    row.dwIndex = 0x7ffffff0u;
    ck_assert_uint_eq(GetIfEntry(&row), ERROR_INVALID_DATA);
    ck_assert_uint_eq(GetIfEntry(NULL), ERROR_INVALID_PARAMETER);

    /* The way out to a loopback address is the loopback. */
    {
        DWORD best = 0;
        struct sockaddr_in6 six;

        ck_assert_uint_eq(GetBestInterface(htonl(0x7f000005), &best),
                          NO_ERROR);
        ck_assert_uint_eq(best, lo);
        memset(&six, 0, sizeof(six));
        six.sin6_family = AF_INET6;
        six.sin6_addr.s6_addr[15] = 1;
        best = 0;
        ck_assert_uint_eq(GetBestInterfaceEx((struct sockaddr *)&six, &best),
                          NO_ERROR);
        ck_assert_uint_eq(best, lo);
        ck_assert_uint_eq(GetBestInterface(htonl(INADDR_LOOPBACK), NULL),
                          ERROR_INVALID_PARAMETER);
        ck_assert_uint_eq(GetBestInterfaceEx(NULL, &best),
                          ERROR_INVALID_PARAMETER);
    }

    size = 0;
    ck_assert_uint_eq(GetInterfaceInfo(NULL, NULL), ERROR_INVALID_PARAMETER);
    n = GetInterfaceInfo(NULL, &size);
    if (n == ERROR_NO_DATA) /* (a machine with only a loopback) */
        return;
    ck_assert_uint_eq(n, ERROR_INSUFFICIENT_BUFFER);
    info = malloc(size);
    ck_assert_uint_eq(GetInterfaceInfo(info, &size), NO_ERROR);
    ck_assert_int_eq(info->NumAdapters, (LONG)count - 1);
    for (LONG k = 0; k < info->NumAdapters; k++)
        ck_assert_uint_ne(info->Adapter[k].Index, lo);
    free(info);
}
END_TEST

/* The neighbors: as many rows as /proc/net/arp has, each on a known
 * interface; none in a network namespace of its own (ERROR_NO_DATA).
 * GetAdapterIndex by the interface's name, with or without Windows'
 * device prefix. */
START_TEST(neighbors_and_adapter_index)
{
    char line[256];
    ULONG size = 0, idx = 0, lines = 0, r;
    FILE *f = fopen("/proc/net/arp", "r");
    MIB_IPNETTABLE *t;

    ck_assert_ptr_nonnull(f);
    while (fgets(line, sizeof(line), f))
        lines++;
    fclose(f);
    ck_assert_uint_eq(GetIpNetTable(NULL, NULL, FALSE), ERROR_INVALID_PARAMETER);
    r = GetIpNetTable(NULL, &size, TRUE);
    if (lines <= 1) {
        ck_assert_uint_eq(r, ERROR_NO_DATA);
    } else {
        ck_assert_uint_eq(r, ERROR_INSUFFICIENT_BUFFER);
        t = malloc(size + 8 * sizeof(MIB_IPNETROW));
        size += 8 * sizeof(MIB_IPNETROW);
        ck_assert_uint_eq(GetIpNetTable(t, &size, TRUE), NO_ERROR);
        ck_assert_uint_ge(t->dwNumEntries, 1);
        for (DWORD i = 0; i < t->dwNumEntries; i++) {
            MIB_IFROW row;

            row.dwIndex = t->table[i].dwIndex;
            ck_assert_uint_eq(GetIfEntry(&row), NO_ERROR);
            ck_assert(t->table[i].dwType >= MIB_IPNET_TYPE_OTHER &&
                      t->table[i].dwType <= MIB_IPNET_TYPE_STATIC);
        }
        free(t);
    }
    ck_assert_uint_eq(GetAdapterIndex(L"lo", &idx), NO_ERROR);
    ck_assert_uint_eq(idx, if_nametoindex("lo"));
    idx = 0;
    ck_assert_uint_eq(GetAdapterIndex(L"\\DEVICE\\TCPIP_lo", &idx), NO_ERROR);
    ck_assert_uint_eq(idx, if_nametoindex("lo"));
    ck_assert_uint_eq(GetAdapterIndex(L"no-such-if", &idx), ERROR_DEV_NOT_EXIST);
    ck_assert_uint_eq(GetAdapterIndex(NULL, &idx), ERROR_INVALID_PARAMETER);
    if (unshare(CLONE_NEWNET) == 0) {
        size = 0;
        ck_assert_uint_eq(GetIpNetTable(NULL, &size, FALSE), ERROR_NO_DATA);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("iphlpapi");
    TCase *tc = tcase_create("adapters");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, adapters_addresses_bad_input);
    tcase_add_test(tc, adapters_addresses_loopback);
    tcase_add_test(tc, adapters_addresses_filters);
    tcase_add_test(tc, adapters_info_sizes);
    tcase_add_test(tc, ip_addr_table_and_params);
    tcase_add_test(tc, tcp_and_udp_tables);
    tcase_add_test(tc, tables_bad_input);
    tcase_add_test(tc, protocol_counters);
    tcase_add_test(tc, interface_table);
    tcase_add_test(tc, neighbors_and_adapter_index);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
