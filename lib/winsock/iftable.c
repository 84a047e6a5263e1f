/* The IP Helper's interface table (iphlpapi.h): GetIfTable, GetIfEntry,
 * GetInterfaceInfo and GetBestInterface(Ex), from iflist.c's view of Linux's interfaces and
 * their counters in /sys/class/net/NAME/statistics.  An interface's name
 * and description are Linux's (eth0), not a GUID and a vendor's text, as
 * GetAdaptersInfo has them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ws.h"
#include "iflist.h"

/* A counter of an interface; 0 when Linux has none. */
static DWORD if_counter(const char *ifname, const char *name)
{
    char path[128], buf[32];
    FILE *f;
    unsigned long long v = 0;

    snprintf(path, sizeof path, "/sys/class/net/%s/%s", ifname, name);
    if ((f = fopen(path, "re"))) {
        if (fgets(buf, sizeof buf, f))
            v = strtoull(buf, NULL, 10);
        fclose(f);
    }
    return (DWORD)v; /* (Windows' counters wrap at 32 bits too) */
}

static void wide_name(WCHAR *w, size_t cap, const char *s)
{
    size_t i;

    for (i = 0; s[i] && i + 1 < cap; i++)
        w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
}

static void fill_row(MIB_IFROW *r, const struct ws_ifinfo *x)
{
    const char *n = x->name;
    DWORD multicast = if_counter(n, "statistics/multicast");
    DWORD rx = if_counter(n, "statistics/rx_packets");

    memset(r, 0, sizeof *r);
    wide_name(r->wszName, MAX_INTERFACE_NAME_LEN, n);
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
    r->dwInOctets = if_counter(n, "statistics/rx_bytes");
    r->dwInUcastPkts = rx - (multicast < rx ? multicast : rx);
    r->dwInNUcastPkts = multicast;
    r->dwInDiscards = if_counter(n, "statistics/rx_dropped");
    r->dwInErrors = if_counter(n, "statistics/rx_errors");
    r->dwOutOctets = if_counter(n, "statistics/tx_bytes");
    r->dwOutUcastPkts = if_counter(n, "statistics/tx_packets");
    r->dwOutDiscards = if_counter(n, "statistics/tx_dropped");
    r->dwOutErrors = if_counter(n, "statistics/tx_errors");
    r->dwOutQLen = if_counter(n, "tx_queue_len");
    r->dwDescrLen = (DWORD)strlen(n) + 1;
    memcpy(r->bDescr, n, r->dwDescrLen);
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
        wide_name(m->Name, MAX_ADAPTER_NAME, v[i].name);
    }
    ws_interfaces_free(v, n);
    return NO_ERROR;
}

/* ---- GetBestInterface: the interface of the address the kernel would
 * send from to the destination. */
static int same_address(const struct sockaddr_storage *a,
                        const struct sockaddr_storage *b)
{
    if (a->ss_family != b->ss_family)
        return 0;
    if (a->ss_family == AF_INET)
        return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
               ((const struct sockaddr_in *)b)->sin_addr.s_addr;
    return !memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
                   &((const struct sockaddr_in6 *)b)->sin6_addr, 16);
}

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
            if (same_address(&v[i].addr[j].addr, &src)) {
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
