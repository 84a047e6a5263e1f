/* The IP Helper's adapters (lib/winsock/adapters.c): the codes Windows
 * gives for a missing size, a bad family and a buffer too small, sizes
 * that are exact (a buffer one byte short fails, one of the size given
 * works, and nothing is written past it), the family and GAA_FLAG_
 * filters, and the loopback adapter as Windows describes its own; the
 * TCP and UDP tables (this process's listener, connection and datagram
 * sockets in them, in order, with their owner) and the protocols'
 * counters (a connection made counts); the interface table and its
 * counters, and the best interface to a loopback address; netioapi.h's
 * tables (GetIfTable2, GetIfEntry2, GetUnicastIpAddressTable and Entry)
 * and LUID conversions, with Windows' codes and the loopback as Windows
 * has its own. */
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

/* ---- netioapi.h: the newer tables and the LUIDs (netioapi.c) ---------- */

/* The loopback as GetAdaptersAddresses gives it: its index and LUID. */
static void loopback_ids(NET_IFINDEX *index, NET_LUID *luid)
{
    void *map;
    size_t maplen;
    PIP_ADAPTER_ADDRESSES lo = loopback_of(addresses(AF_UNSPEC, 0, &map,
                                                     &maplen));

    ck_assert_ptr_nonnull(lo);
    *index = lo->IfIndex;
    *luid = lo->Luid;
    munmap(map, maplen);
}

static const MIB_IF_ROW2 *row2_of(const MIB_IF_TABLE2 *t, NET_IFINDEX index)
{
    for (ULONG i = 0; i < t->NumEntries; i++)
        if (t->Table[i].InterfaceIndex == index)
            return &t->Table[i];
    return NULL;
}

/* Every interface, in index order; the loopback's row as Windows has
 * its own, with the index and the LUID GetAdaptersAddresses gives. */
START_TEST(if_table2_loopback)
{
    MIB_IF_TABLE2 *t = NULL;
    const MIB_IF_ROW2 *r;
    NET_IFINDEX index;
    NET_LUID luid;
    DWORD count;

    loopback_ids(&index, &luid);
    ck_assert_uint_eq(index, if_nametoindex("lo"));
    ck_assert_uint_eq(GetIfTable2(NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIfTable2(&t), NO_ERROR);
    ck_assert_uint_eq(GetNumberOfInterfaces(&count), NO_ERROR);
    ck_assert_uint_eq(t->NumEntries, count);
    for (ULONG i = 1; i < t->NumEntries; i++)
        ck_assert_uint_lt(t->Table[i - 1].InterfaceIndex,
                          t->Table[i].InterfaceIndex);
    ck_assert_ptr_nonnull(r = row2_of(t, index));
    ck_assert_uint_eq(r->Type, IF_TYPE_SOFTWARE_LOOPBACK);
    ck_assert_uint_eq(r->Type, 24);
    ck_assert_uint_eq(r->InterfaceLuid.Value, luid.Value);
    ck_assert_uint_eq(r->InterfaceLuid.Info.NetLuidIndex, index);
    ck_assert_uint_eq(r->InterfaceLuid.Info.IfType, IF_TYPE_SOFTWARE_LOOPBACK);
    ck_assert_uint_eq(r->InterfaceLuid.Info.Reserved, 0);
    ck_assert_uint_eq(r->OperStatus, IfOperStatusUp);
    ck_assert_uint_eq(r->AdminStatus, NET_IF_ADMIN_STATUS_UP);
    ck_assert_uint_eq(r->MediaConnectState, MediaConnectStateConnected);
    ck_assert_uint_eq(r->MediaType, NdisMediumLoopback);
    ck_assert_uint_eq(r->AccessType, NET_IF_ACCESS_LOOPBACK);
    ck_assert_uint_eq(r->InterfaceAndOperStatusFlags.HardwareInterface, 0);
    ck_assert_uint_eq(r->InterfaceAndOperStatusFlags.NotMediaConnected, 0);
    ck_assert_uint_eq(r->PhysicalAddressLength, 0);
    ck_assert_uint_eq(r->TunnelType, TUNNEL_TYPE_NONE);
    ck_assert_uint_eq(r->ConnectionType, NET_IF_CONNECTION_DEDICATED);
    ck_assert_uint_gt(r->Mtu, 0);
    ck_assert_uint_gt(r->TransmitLinkSpeed, 0);
    ck_assert_uint_eq(r->ReceiveLinkSpeed, r->TransmitLinkSpeed);
    ck_assert(!wcscmp(r->Alias, L"lo"));
    ck_assert(!wcscmp(r->Description, L"lo"));
    FreeMibTable(t);
}
END_TEST

/* The levels: the raw table is the normal one, the one without
 * statistics has no counters, any other level is refused and no table
 * given. */
START_TEST(if_table2_levels)
{
    MIB_IF_TABLE2 *t = NULL;

    ck_assert_uint_eq(GetIfTable2Ex((MIB_IF_TABLE_LEVEL)3, &t),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(t);
    ck_assert_uint_eq(GetIfTable2Ex(MibIfTableNormal, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIfTable2Ex(MibIfTableRaw, &t), NO_ERROR);
    ck_assert_uint_ge(t->NumEntries, 1);
    FreeMibTable(t);
    t = NULL;
    ck_assert_uint_eq(GetIfTable2Ex(MibIfTableNormalWithoutStatistics, &t),
                      NO_ERROR);
    ck_assert_uint_ge(t->NumEntries, 1);
    for (ULONG i = 0; i < t->NumEntries; i++) {
        ck_assert_uint_eq(t->Table[i].InOctets, 0);
        ck_assert_uint_eq(t->Table[i].OutOctets, 0);
    }
    FreeMibTable(t);
    FreeMibTable(NULL);
}
END_TEST

/* GetIfEntry2 by the index or by the LUID (which wins over the index):
 * the same row; a row that names no interface, none at all, or none
 * given: Windows' codes. */
START_TEST(if_entry2_lookup)
{
    MIB_IF_ROW2 by_index, by_luid, row;
    NET_IFINDEX index;
    NET_LUID luid;

    loopback_ids(&index, &luid);
    memset(&by_index, 0, sizeof(by_index));
    by_index.InterfaceIndex = index;
    ck_assert_uint_eq(GetIfEntry2Ex(MibIfEntryNormalWithoutStatistics,
                                    &by_index), NO_ERROR);
    memset(&by_luid, 0, sizeof(by_luid));
    by_luid.InterfaceLuid = luid;
    by_luid.InterfaceIndex = 0x7ffffff0u;
    ck_assert_uint_eq(GetIfEntry2Ex(MibIfEntryNormalWithoutStatistics,
                                    &by_luid), NO_ERROR);
    ck_assert_int_eq(memcmp(&by_index, &by_luid, sizeof(by_index)), 0);
    ck_assert_uint_eq(by_luid.InterfaceIndex, index);
    ck_assert_uint_eq(by_index.InterfaceLuid.Value, luid.Value);
    ck_assert_uint_eq(by_index.Type, IF_TYPE_SOFTWARE_LOOPBACK);

    memset(&row, 0, sizeof(row));
    row.InterfaceIndex = index;
    ck_assert_uint_eq(GetIfEntry2(&row), NO_ERROR);
    ck_assert_uint_eq(row.InterfaceLuid.Value, luid.Value);
    ck_assert_uint_eq(row.OperStatus, IfOperStatusUp);
    memset(&row, 0, sizeof(row));
    row.InterfaceIndex = 0x7ffffff0u;
    ck_assert_uint_eq(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
    ck_assert_uint_eq(ERROR_FILE_NOT_FOUND, 2);
    memset(&row, 0, sizeof(row));
    row.InterfaceLuid.Value = ~(ULONG64)0;
    ck_assert_uint_eq(GetIfEntry2(&row), ERROR_FILE_NOT_FOUND);
    memset(&row, 0, sizeof(row));
    ck_assert_uint_eq(GetIfEntry2(&row), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetIfEntry2(NULL), ERROR_INVALID_PARAMETER);
    row.InterfaceIndex = index;
    ck_assert_uint_eq(GetIfEntry2Ex((MIB_IF_ENTRY_LEVEL)1, &row),
                      ERROR_INVALID_PARAMETER);
}
END_TEST

/* The loopback's 64-bit counters move with what is sent over it. */
START_TEST(if_entry2_counters)
{
    MIB_IF_ROW2 before, after;
    SOCKET c, a;
    char buf[4096];

    memset(&before, 0, sizeof(before));
    before.InterfaceIndex = if_nametoindex("lo");
    after = before;
    ck_assert_uint_eq(GetIfEntry2(&before), NO_ERROR);
    startup();
    pair(&c, &a);
    memset(buf, 'x', sizeof(buf));
    ck_assert_int_eq(send(c, buf, sizeof(buf), 0), (int)sizeof(buf));
    ck_assert_int_gt(recv(a, buf, sizeof(buf), MSG_WAITALL), 0);
    ck_assert_uint_eq(GetIfEntry2(&after), NO_ERROR);
    ck_assert_uint_ge(after.InOctets - before.InOctets, sizeof(buf));
    ck_assert_uint_ge(after.OutOctets - before.OutOctets, sizeof(buf));
    ck_assert_uint_ge(after.InUcastPkts - before.InUcastPkts, 1);
    ck_assert_uint_ge(after.OutUcastPkts - before.OutUcastPkts, 1);
    closesocket(c);
    closesocket(a);
}
END_TEST

/* What /proc/net/if_inet6 lists: any IPv6 address, ::1 on lo. */
static void inet6_addresses(int *any, int *lo_one)
{
    char line[256], addr[40], dev[IF_NAMESIZE + 1];
    FILE *f = fopen("/proc/net/if_inet6", "r");

    *any = *lo_one = 0;
    if (!f)
        return;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "%39s %*x %*x %*x %*x %16s", addr, dev) == 2) {
            *any = 1;
            *lo_one |= !strcmp(addr, "00000000000000000000000000000001") &&
                       !strcmp(dev, "lo");
        }
    fclose(f);
}

static const MIB_UNICASTIPADDRESS_ROW *
unicast_of(const MIB_UNICASTIPADDRESS_TABLE *t, const SOCKADDR_INET *a)
{
    for (ULONG i = 0; i < t->NumEntries; i++) {
        const SOCKADDR_INET *b = &t->Table[i].Address;

        if (a->si_family != b->si_family)
            continue;
        if (a->si_family == AF_INET
                ? a->Ipv4.sin_addr.s_addr == b->Ipv4.sin_addr.s_addr
                : !memcmp(&a->Ipv6.sin6_addr, &b->Ipv6.sin6_addr, 16))
            return &t->Table[i];
    }
    return NULL;
}

static void check_loopback_row(const MIB_UNICASTIPADDRESS_ROW *r,
                               unsigned prefix)
{
    NET_IFINDEX index;
    NET_LUID luid;

    loopback_ids(&index, &luid);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->InterfaceIndex, index);
    ck_assert_uint_eq(r->InterfaceLuid.Value, luid.Value);
    ck_assert_uint_eq(r->OnLinkPrefixLength, prefix);
    ck_assert_uint_eq(r->PrefixOrigin, IpPrefixOriginWellKnown);
    ck_assert_uint_eq(r->SuffixOrigin, IpSuffixOriginWellKnown);
    ck_assert_uint_eq(r->DadState, IpDadStatePreferred);
    ck_assert_uint_eq(r->ValidLifetime, 0xffffffffu);
    ck_assert_uint_eq(r->PreferredLifetime, 0xffffffffu);
    ck_assert_uint_eq(r->SkipAsSource, 0);
}

/* 127.0.0.1/8 and ::1/128 on the loopback, each family alone and both
 * in the AF_UNSPEC table (IPv4 first); a bad family or no table
 * pointer: ERROR_INVALID_PARAMETER. */
START_TEST(unicast_table)
{
    MIB_UNICASTIPADDRESS_TABLE *v4 = NULL, *v6 = NULL, *all = NULL;
    SOCKADDR_INET one4, one6;
    ULONG n6 = 0;
    DWORD r6;
    int any6, lo6;

    memset(&one4, 0, sizeof(one4));
    one4.Ipv4.sin_family = AF_INET;
    one4.Ipv4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    memset(&one6, 0, sizeof(one6));
    one6.Ipv6.sin6_family = AF_INET6;
    one6.Ipv6.sin6_addr.s6_addr[15] = 1;
    inet6_addresses(&any6, &lo6);

    ck_assert_uint_eq(GetUnicastIpAddressTable(AF_UNSPEC, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetUnicastIpAddressTable(AF_IRDA, &v4),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(GetUnicastIpAddressTable(12345, &v4),
                      ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(v4);
    ck_assert_uint_eq(GetUnicastIpAddressTable(AF_INET, &v4), NO_ERROR);
    for (ULONG i = 0; i < v4->NumEntries; i++)
        ck_assert_uint_eq(v4->Table[i].Address.si_family, AF_INET);
    check_loopback_row(unicast_of(v4, &one4), 8);
    ck_assert_uint_eq(unicast_of(v4, &one4)->Address.Ipv4.sin_port, 0);

    r6 = GetUnicastIpAddressTable(AF_INET6, &v6);
    if (!any6) {
        ck_assert_uint_eq(r6, ERROR_NOT_FOUND);
    } else {
        ck_assert_uint_eq(r6, NO_ERROR);
        n6 = v6->NumEntries;
        for (ULONG i = 0; i < n6; i++)
            ck_assert_uint_eq(v6->Table[i].Address.si_family, AF_INET6);
        if (lo6)
            check_loopback_row(unicast_of(v6, &one6), 128);
        FreeMibTable(v6);
    }

    ck_assert_uint_eq(GetUnicastIpAddressTable(AF_UNSPEC, &all), NO_ERROR);
    ck_assert_uint_eq(all->NumEntries, v4->NumEntries + n6);
    for (ULONG i = 0; i < all->NumEntries; i++)
        ck_assert_uint_eq(all->Table[i].Address.si_family,
                          i < v4->NumEntries ? AF_INET : AF_INET6);
    check_loopback_row(unicast_of(all, &one4), 8);
    if (lo6)
        check_loopback_row(unicast_of(all, &one6), 128);
    FreeMibTable(v4);
    FreeMibTable(all);
}
END_TEST

/* Every address GetAdaptersAddresses lists, looked up by its adapter's
 * LUID and by its index, as Windows' rows have it (Wine's
 * test_GetUnicastIpAddressEntry). */
START_TEST(unicast_entry_matches_adapters)
{
    void *map;
    size_t maplen;
    PIP_ADAPTER_ADDRESSES a = addresses(AF_UNSPEC, 0, &map, &maplen), p;
    int rows = 0;

    for (p = a; p; p = p->Next)
        for (PIP_ADAPTER_UNICAST_ADDRESS u = p->FirstUnicastAddress; u;
             u = u->Next) {
            MIB_UNICASTIPADDRESS_ROW by_luid, by_index;

            memset(&by_luid, 0, sizeof(by_luid));
            by_luid.InterfaceLuid = p->Luid;
            memcpy(&by_luid.Address, u->Address.lpSockaddr,
                   (size_t)u->Address.iSockaddrLength);
            ck_assert_uint_eq(GetUnicastIpAddressEntry(&by_luid), NO_ERROR);
            memset(&by_index, 0, sizeof(by_index));
            by_index.InterfaceIndex = p->IfIndex;
            memcpy(&by_index.Address, u->Address.lpSockaddr,
                   (size_t)u->Address.iSockaddrLength);
            ck_assert_uint_eq(GetUnicastIpAddressEntry(&by_index), NO_ERROR);
            ck_assert_int_eq(memcmp(&by_luid, &by_index, sizeof(by_luid)), 0);
            ck_assert_uint_eq(by_index.InterfaceLuid.Value, p->Luid.Value);
            ck_assert_uint_eq(by_luid.InterfaceIndex, p->IfIndex);
            ck_assert_uint_eq(by_index.PrefixOrigin, u->PrefixOrigin);
            ck_assert_uint_eq(by_index.SuffixOrigin, u->SuffixOrigin);
            ck_assert_uint_eq(by_index.ValidLifetime, u->ValidLifetime);
            ck_assert_uint_eq(by_index.PreferredLifetime,
                              u->PreferredLifetime);
            ck_assert_uint_eq(by_index.OnLinkPrefixLength,
                              u->OnLinkPrefixLength);
            ck_assert_uint_eq(by_index.DadState, u->DadState);
            ck_assert_uint_eq(by_index.SkipAsSource, 0);
            if (by_index.Address.si_family == AF_INET6)
                ck_assert_uint_eq(by_index.ScopeId.Value,
                                  by_index.Address.Ipv6.sin6_scope_id);
            rows++;
        }
    ck_assert_int_ge(rows, 1);
    munmap(map, maplen);
}
END_TEST

/* Windows' codes for a row without a family, without an interface, on
 * an interface that does not have the address; and the defaults
 * InitializeUnicastIpAddressEntry gives. */
START_TEST(unicast_entry_bad_input)
{
    MIB_UNICASTIPADDRESS_ROW row;
    NET_IFINDEX lo = if_nametoindex("lo");

    ck_assert_uint_eq(GetUnicastIpAddressEntry(NULL), ERROR_INVALID_PARAMETER);
    memset(&row, 0, sizeof(row));
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), ERROR_INVALID_PARAMETER);
    row.InterfaceIndex = lo;
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), ERROR_INVALID_PARAMETER);
    memset(&row, 0, sizeof(row));
    row.Address.Ipv4.sin_family = AF_INET;
    row.Address.Ipv4.sin_addr.s_addr = 0x01020304;
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), ERROR_FILE_NOT_FOUND);
    row.InterfaceIndex = 0x7ffffff0u;
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), ERROR_FILE_NOT_FOUND);
    row.InterfaceIndex = lo;
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), ERROR_NOT_FOUND);
    row.Address.Ipv4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_uint_eq(GetUnicastIpAddressEntry(&row), NO_ERROR);
    check_loopback_row(&row, 8);

    memset(&row, 0x5a, sizeof(row));
    InitializeUnicastIpAddressEntry(&row);
    ck_assert_uint_eq(row.PrefixOrigin, IpPrefixOriginUnchanged);
    ck_assert_uint_eq(row.SuffixOrigin, IpSuffixOriginUnchanged);
    ck_assert_uint_eq(row.ValidLifetime, 0xffffffffu);
    ck_assert_uint_eq(row.PreferredLifetime, 0xffffffffu);
    ck_assert_uint_eq(row.OnLinkPrefixLength, 0xff);
    ck_assert_uint_eq(row.SkipAsSource, 0);
    ck_assert_uint_eq(row.Address.si_family, 0);
    ck_assert_uint_eq(row.InterfaceLuid.Value, 0);
    ck_assert_uint_eq(row.InterfaceIndex, 0);
    ck_assert_uint_eq(row.DadState, IpDadStateInvalid);
}
END_TEST

/* index -> LUID -> index, LUID -> name "lo" -> LUID (narrow and wide),
 * LUID -> alias -> LUID, and the name if_indextoname gives. */
START_TEST(convert_round_trips)
{
    NET_IFINDEX index, back = 0;
    NET_LUID luid, got;
    char name[IF_MAX_STRING_SIZE + 1], ifname[IF_NAMESIZE];
    WCHAR wname[IF_MAX_STRING_SIZE + 1];

    loopback_ids(&index, &luid);
    memset(&got, 0xff, sizeof(got));
    ck_assert_uint_eq(ConvertInterfaceIndexToLuid(index, &got), NO_ERROR);
    ck_assert_uint_eq(got.Value, luid.Value);
    ck_assert_uint_eq(ConvertInterfaceLuidToIndex(&got, &back), NO_ERROR);
    ck_assert_uint_eq(back, index);

    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)),
                      NO_ERROR);
    ck_assert_str_eq(name, "lo");
    ck_assert_ptr_eq(if_indextoname(index, ifname), ifname);
    ck_assert_str_eq(ifname, name);
    got.Value = 0;
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA(name, &got), NO_ERROR);
    ck_assert_uint_eq(got.Value, luid.Value);

    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(&luid, wname,
                                                  IF_MAX_STRING_SIZE + 1),
                      NO_ERROR);
    ck_assert(!wcscmp(wname, L"lo"));
    got.Value = 0;
    ck_assert_uint_eq(ConvertInterfaceNameToLuidW(wname, &got), NO_ERROR);
    ck_assert_uint_eq(got.Value, luid.Value);

    wname[0] = 0;
    ck_assert_uint_eq(ConvertInterfaceLuidToAlias(&luid, wname,
                                                  IF_MAX_STRING_SIZE + 1),
                      NO_ERROR);
    ck_assert(!wcscmp(wname, L"lo"));
    got.Value = 0;
    ck_assert_uint_eq(ConvertInterfaceAliasToLuid(wname, &got), NO_ERROR);
    ck_assert_uint_eq(got.Value, luid.Value);

    /* The name and its 0 just fit. */
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&luid, name, 3), NO_ERROR);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(&luid, wname, 3), NO_ERROR);
}
END_TEST

/* The codes of Wine's test_interface_identifier_conversion(_failure),
 * the ones Windows passes. */
START_TEST(convert_bad_input)
{
    NET_IFINDEX index;
    NET_LUID luid, bogus;
    char name[IF_MAX_STRING_SIZE + 1], longname[IF_MAX_STRING_SIZE + 2];
    WCHAR wname[IF_MAX_STRING_SIZE + 1];

    loopback_ids(&index, &luid);
    ck_assert_uint_eq(ConvertInterfaceIndexToLuid(0, NULL),
                      ERROR_INVALID_PARAMETER);
    memset(&bogus, 0xff, sizeof(bogus));
    ck_assert_uint_eq(ConvertInterfaceIndexToLuid(0, &bogus),
                      ERROR_FILE_NOT_FOUND);
    ck_assert_uint_eq(bogus.Value, 0);
    ck_assert_uint_eq(ConvertInterfaceIndexToLuid(~0u, &bogus),
                      ERROR_FILE_NOT_FOUND);

    bogus.Value = ~(ULONG64)0;
    ck_assert_uint_eq(ConvertInterfaceLuidToIndex(NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToIndex(NULL, &index),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToIndex(&luid, NULL),
                      ERROR_INVALID_PARAMETER);
    index = ~0u;
    ck_assert_uint_eq(ConvertInterfaceLuidToIndex(&bogus, &index),
                      ERROR_FILE_NOT_FOUND);
    ck_assert_uint_eq(index, 0);

    /* A buffer too small: ERROR_NOT_ENOUGH_MEMORY (the narrow one even
     * with none at all); no buffer or no LUID: ERROR_INVALID_PARAMETER. */
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&luid, name, 0),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&luid, name, 2),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&luid, NULL, 0),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(&luid, wname, 0),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(&luid, wname, 2),
                      ERROR_NOT_ENOUGH_MEMORY);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(&luid, NULL, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToAlias(&luid, wname, 2),
                      ERROR_NOT_ENOUGH_MEMORY);
    name[0] = 0;
    wname[0] = 0;
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(NULL, name, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(NULL, wname, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(NULL, NULL, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameW(NULL, NULL, 0),
                      ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(name[0], 0);
    ck_assert_int_eq(wname[0], 0);
    ck_assert_uint_eq(ConvertInterfaceLuidToNameA(&bogus, name, sizeof(name)),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceLuidToAlias(&bogus, wname,
                                                  IF_MAX_STRING_SIZE + 1),
                      ERROR_INVALID_PARAMETER);

    /* The narrow name first, the wide one after the LUID; the wide one
     * zeroes the LUID when it fails, the narrow one leaves it. */
    bogus.Value = 0xdead;
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA(NULL, &bogus),
                      ERROR_INVALID_NAME);
    ck_assert_uint_eq(bogus.Value, 0xdead);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA(NULL, NULL),
                      ERROR_INVALID_NAME);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA("lo", NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA("no-such-if", &bogus),
                      ERROR_INVALID_NAME);
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = 0;
    ck_assert_uint_eq(ConvertInterfaceNameToLuidA(longname, &bogus),
                      ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidW(NULL, &bogus),
                      ERROR_INVALID_NAME);
    ck_assert_uint_eq(bogus.Value, 0);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidW(NULL, NULL),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceNameToLuidW(L"lo", NULL),
                      ERROR_INVALID_PARAMETER);
    bogus.Value = 0xdead;
    ck_assert_uint_eq(ConvertInterfaceNameToLuidW(L"no-such-if", &bogus),
                      ERROR_INVALID_NAME);
    ck_assert_uint_eq(bogus.Value, 0);
    bogus.Value = 0xdead;
    ck_assert_uint_eq(ConvertInterfaceAliasToLuid(L"no-such-if", &bogus),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(bogus.Value, 0);
    ck_assert_uint_eq(ConvertInterfaceAliasToLuid(NULL, &bogus),
                      ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(ConvertInterfaceAliasToLuid(L"lo", NULL),
                      ERROR_INVALID_PARAMETER);
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
    tc = tcase_create("netioapi");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, if_table2_loopback);
    tcase_add_test(tc, if_table2_levels);
    tcase_add_test(tc, if_entry2_lookup);
    tcase_add_test(tc, if_entry2_counters);
    tcase_add_test(tc, unicast_table);
    tcase_add_test(tc, unicast_entry_matches_adapters);
    tcase_add_test(tc, unicast_entry_bad_input);
    tcase_add_test(tc, convert_round_trips);
    tcase_add_test(tc, convert_bad_input);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
