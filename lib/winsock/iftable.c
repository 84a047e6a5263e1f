/* The IP Helper's interface table (iphlpapi.h): GetIfTable, GetIfEntry,
 * GetInterfaceInfo, GetBestInterface(Ex), GetAdapterIndex and the
 * neighbors (GetIpNetTable, /proc/net/arp), from iflist.c's view of Linux's interfaces and
 * their counters in /sys/class/net/NAME/statistics.  An interface's name
 * and description are Linux's (eth0), not a GUID and a vendor's text, as
 * GetAdaptersInfo has them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <arpa/inet.h>
#include "ws.h"
#include "iflist.h"

static void fill_row(MIB_IFROW *r, const struct ws_ifinfo *x)
{
    struct ws_ifcounters c;

    ws_if_counters(x->name, &c);
    memset(r, 0, sizeof *r);
    ws_wide_name(r->wszName, MAX_INTERFACE_NAME_LEN, x->name);
    r->dwIndex = x->index;
    r->dwType = x->iftype;
    r->dwMtu = x->mtu;
    r->dwSpeed = x->speed > 0xFFFFFFFFu ? 0xFFFFFFFFu : (DWORD)x->speed;
    r->dwPhysAddrLen = x->hwlen;
    memcpy(r->bPhysAddr, x->hw, x->hwlen < MAXLEN_PHYSADDR ? x->hwlen
                                                           : MAXLEN_PHYSADDR);
    r->dwAdminStatus = (x->flags & WS_IFF_UP) ? MIB_IF_ADMIN_STATUS_UP
                                              : MIB_IF_ADMIN_STATUS_DOWN;
    r->dwOperStatus = x->running ? IF_OPER_STATUS_OPERATIONAL
                                 : IF_OPER_STATUS_NON_OPERATIONAL;
    /* (Windows' counters wrap at 32 bits too.) */
    r->dwInOctets = (DWORD)c.in_octets;
    r->dwInUcastPkts = (DWORD)c.in_ucast;
    r->dwInNUcastPkts = (DWORD)c.in_nucast;
    r->dwInDiscards = (DWORD)c.in_discards;
    r->dwInErrors = (DWORD)c.in_errors;
    r->dwOutOctets = (DWORD)c.out_octets;
    r->dwOutUcastPkts = (DWORD)c.out_ucast;
    r->dwOutDiscards = (DWORD)c.out_discards;
    r->dwOutErrors = (DWORD)c.out_errors;
    r->dwOutQLen = (DWORD)c.out_qlen;
    r->dwDescrLen = (DWORD)strlen(x->name) + 1;
    memcpy(r->bDescr, x->name, r->dwDescrLen);
}

static int by_index(const void *a, const void *b)
{
    DWORD x = ((const MIB_IFROW *)a)->dwIndex,
          y = ((const MIB_IFROW *)b)->dwIndex;

    return x < y ? -1 : x > y;
}

DWORD ws_GetIfTable(PMIB_IFTABLE table, PULONG size, BOOL order)
{
    struct ws_ifinfo *v;
    ULONG need;
    int n;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    need = (ULONG)(offsetof(MIB_IFTABLE, table) +
                   (size_t)(n ? n : 1) * sizeof(MIB_IFROW));
    if (!table || *size < need) {
        ws_interfaces_free(v, n);
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    table->dwNumEntries = (DWORD)n;
    for (int i = 0; i < n; i++)
        fill_row(&table->table[i], &v[i]);
    ws_interfaces_free(v, n);
    if (order)
        qsort(table->table, (size_t)n, sizeof(MIB_IFROW), by_index);
    return NO_ERROR;
}

DWORD ws_GetIfEntry(PMIB_IFROW row)
{
    struct ws_ifinfo *v;
    DWORD r = ERROR_INVALID_DATA;
    int n;

    if (!row)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (int i = 0; i < n; i++)
        if (v[i].index == row->dwIndex) {
            fill_row(row, &v[i]);
            r = NO_ERROR;
            break;
        }
    ws_interfaces_free(v, n);
    return r;
}

/* The adapters but the loopback, as Windows lists them. */
DWORD ws_GetInterfaceInfo(PIP_INTERFACE_INFO info, PULONG size)
{
    struct ws_ifinfo *v;
    ULONG need;
    int n, k = 0;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (int i = 0; i < n; i++)
        k += !(v[i].flags & WS_IFF_LOOPBACK);
    need = (ULONG)(offsetof(IP_INTERFACE_INFO, Adapter) +
                   (size_t)(k ? k : 1) * sizeof(IP_ADAPTER_INDEX_MAP));
    if (!k) {
        ws_interfaces_free(v, n);
        return ERROR_NO_DATA;
    }
    if (!info || *size < need) {
        ws_interfaces_free(v, n);
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    info->NumAdapters = 0;
    for (int i = 0; i < n; i++) {
        IP_ADAPTER_INDEX_MAP *m;

        if (v[i].flags & WS_IFF_LOOPBACK)
            continue;
        m = &info->Adapter[info->NumAdapters++];
        m->Index = v[i].index;
        ws_wide_name(m->Name, MAX_ADAPTER_NAME, v[i].name);
    }
    ws_interfaces_free(v, n);
    return NO_ERROR;
}

/* ---- GetBestInterface: the interface of the address the kernel would
 * send from to the destination. */
DWORD ws_GetBestInterfaceEx(struct sockaddr *dest, PDWORD index)
{
    struct sockaddr_storage d, src;
    struct ws_ifinfo *v;
    socklen_t len, srclen = sizeof(src);
    DWORD r = ERROR_NETWORK_UNREACHABLE;
    int n;

    if (!dest || !index || wsc_copy_in(&d, dest, sizeof(struct sockaddr)))
        return ERROR_INVALID_PARAMETER;
    len = d.ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                  : sizeof(struct sockaddr_in);
    if ((d.ss_family != AF_INET && d.ss_family != AF_INET6) ||
        wsc_copy_in(&d, dest, len))
        return ERROR_INVALID_PARAMETER;
    if (wsc_e_route_source((struct sockaddr *)&d, len,
                           (struct sockaddr *)&src, &srclen) < 0)
        return ERROR_NETWORK_UNREACHABLE;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (int i = 0; i < n && r; i++)
        for (int j = 0; j < v[i].naddr && r; j++)
            if (ws_same_address(&v[i].addr[j].addr, &src)) {
                *index = v[i].index;
                r = NO_ERROR;
            }
    ws_interfaces_free(v, n);
    return r;
}

DWORD ws_GetBestInterface(IPAddr dest, PDWORD index)
{
    struct sockaddr_in d;

    memset(&d, 0, sizeof d);
    d.sin_family = AF_INET;
    d.sin_addr.s_addr = dest;
    return ws_GetBestInterfaceEx((struct sockaddr *)&d, index);
}

/* ---- GetIpNetTable: the IPv4 neighbors of /proc/net/arp ---------------- */
static int by_index_addr(const void *a, const void *b)
{
    const MIB_IPNETROW *x = a, *y = b;

    if (x->dwIndex != y->dwIndex)
        return x->dwIndex < y->dwIndex ? -1 : 1;
    if (x->dwAddr == y->dwAddr)
        return 0;
    return ntohl(x->dwAddr) < ntohl(y->dwAddr) ? -1 : 1;
}

/* One line of /proc/net/arp as a row; 0 when it is not one. */
static int arp_row(const char *line, MIB_IPNETROW *r)
{
    char ip[64], hw[64], dev[IF_NAMESIZE + 1];
    unsigned type, flags, b[MAXLEN_PHYSADDR];
    struct in_addr a;
    int n;

    if (sscanf(line, "%63s 0x%x 0x%x %63s %*s %16s", ip, &type, &flags, hw,
               dev) != 5 ||
        inet_pton(AF_INET, ip, &a) != 1)
        return 0;
    memset(r, 0, sizeof *r);
    r->dwAddr = a.s_addr;
    r->dwIndex = if_nametoindex(dev);
    n = sscanf(hw, "%x:%x:%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3],
               &b[4], &b[5], &b[6], &b[7]);
    for (int i = 0; i < n && i < MAXLEN_PHYSADDR; i++)
        r->bPhysAddr[i] = (UCHAR)b[i];
    r->dwPhysAddrLen = n > 0 ? (DWORD)n : 0;
    /* ATF_PERM, ATF_COM (<net/if_arp.h>) */
    r->dwType = (flags & 0x04)   ? MIB_IPNET_TYPE_STATIC
                : (flags & 0x02) ? MIB_IPNET_TYPE_DYNAMIC
                                 : MIB_IPNET_TYPE_INVALID;
    return 1;
}

ULONG ws_GetIpNetTable(PMIB_IPNETTABLE table, PULONG size, BOOL order)
{
    MIB_IPNETROW *rows = NULL, r;
    size_t n = 0, cap = 0;
    char line[256];
    ULONG need, ret = NO_ERROR;
    FILE *f;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    if ((f = fopen("/proc/net/arp", "re"))) {
        if (fgets(line, sizeof line, f)) /* the header */
            while (fgets(line, sizeof line, f)) {
                if (!arp_row(line, &r))
                    continue;
                if (n == cap) {
                    MIB_IPNETROW *v;

                    cap = cap ? 2 * cap : 16;
                    v = realloc(rows, cap * sizeof *v);
                    if (!v) {
                        ret = ERROR_NOT_ENOUGH_MEMORY;
                        break;
                    }
                    rows = v;
                }
                rows[n++] = r;
            }
        fclose(f);
    }
    if (ret == NO_ERROR && !n)
        ret = ERROR_NO_DATA;
    need = (ULONG)(offsetof(MIB_IPNETTABLE, table) + (n ? n : 1) * sizeof r);
    if (ret == NO_ERROR && (!table || *size < need)) {
        *size = need;
        ret = ERROR_INSUFFICIENT_BUFFER;
    }
    if (ret == NO_ERROR) {
        if (order)
            qsort(rows, n, sizeof *rows, by_index_addr);
        table->dwNumEntries = (DWORD)n;
        memcpy(table->table, rows, n * sizeof *rows);
    }
    free(rows);
    return ret;
}

/* ---- GetAdapterIndex: an adapter's index by its name (Windows gives
 * "\DEVICE\TCPIP_{GUID}"; here the interface's name, with or without
 * that prefix). */
DWORD ws_GetAdapterIndex(LPWSTR name, PULONG index)
{
    static const WCHAR prefix[] = L"\\DEVICE\\TCPIP_";
    char n[IF_NAMESIZE + 1];
    size_t k = 0, skip = 0;
    unsigned i;

    if (!name || !index)
        return ERROR_INVALID_PARAMETER;
    while (prefix[skip] &&
           (WCHAR)towupper((wint_t)name[skip]) == prefix[skip])
        skip++;
    if (prefix[skip])
        skip = 0;
    for (; name[skip + k] && k < IF_NAMESIZE; k++) {
        if (name[skip + k] > 0x7f)
            return ERROR_DEV_NOT_EXIST;
        n[k] = (char)name[skip + k];
    }
    n[k] = 0;
    if (name[skip + k] || !(i = if_nametoindex(n)))
        return ERROR_DEV_NOT_EXIST;
    *index = i;
    return NO_ERROR;
}
