/* The IP Helper's newer tables (netioapi.h): GetIfTable2(Ex),
 * GetIfEntry2(Ex), GetUnicastIpAddressTable and GetUnicastIpAddressEntry,
 * FreeMibTable, and the conversions between an interface's LUID, index,
 * name and alias, from iflist.c's view of Linux's interfaces.  A LUID is
 * the one GetAdaptersAddresses gives (the Linux index, the Windows
 * IF_TYPE); the name and the alias are both the Linux name, as
 * AdapterName and FriendlyName are.  A table is one malloc'ed block, for
 * FreeMibTable to free. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "ws.h"
#include "iflist.h"

uint64_t ws_luid_value(const struct ws_ifinfo *w)
{
    NET_LUID l;

    l.Value = 0;
    l.Info.NetLuidIndex = w->index;
    l.Info.IfType = w->iftype;
    return l.Value;
}

/* ---- finding an interface ---------------------------------------------- */

/* Linux's interfaces, and the one asked for (NULL if none). */
struct found {
    struct ws_ifinfo *all;
    int n;
    const struct ws_ifinfo *w;
};

typedef int (*if_match)(const struct ws_ifinfo *w, const void *key);

static int match_luid(const struct ws_ifinfo *w, const void *key)
{
    return ws_luid_value(w) == *(const ULONG64 *)key;
}

static int match_index(const struct ws_ifinfo *w, const void *key)
{
    return w->index == *(const NET_IFINDEX *)key;
}

static int match_name(const struct ws_ifinfo *w, const void *key)
{
    return !strcmp(w->name, key);
}

static int match_wide_name(const struct ws_ifinfo *w, const void *key)
{
    WCHAR name[WS_IFNAME + 1];

    ws_wide_name(name, WS_IFNAME + 1, w->name);
    return !wcscmp(name, key);
}

/* The first interface that matches key in f->w: 0, or -1 when Linux
 * would not tell.  found_free after either. */
static int find(struct found *f, if_match match, const void *key)
{
    f->w = NULL;
    if ((f->n = ws_interfaces(&f->all)) < 0)
        return -1;
    for (int i = 0; i < f->n && !f->w; i++)
        if (match(&f->all[i], key))
            f->w = &f->all[i];
    return 0;
}

/* A row's interface: by its LUID when that is not zero, else by its
 * index. */
static int find_row_if(struct found *f, const NET_LUID *luid,
                       NET_IFINDEX index)
{
    return luid->Value ? find(f, match_luid, &luid->Value)
                       : find(f, match_index, &index);
}

static void found_free(struct found *f)
{
    ws_interfaces_free(f->all, f->n);
}

/* ---- GetIfTable2, GetIfEntry2 ------------------------------------------ */

static void put_media(MIB_IF_ROW2 *r, unsigned iftype)
{
    switch (iftype) {
    case IF_TYPE_SOFTWARE_LOOPBACK:
        r->MediaType = NdisMediumLoopback;
        break;
    case IF_TYPE_ETHERNET_CSMACD:
        r->MediaType = NdisMedium802_3;
        r->PhysicalMediumType = NdisPhysicalMedium802_3;
        break;
    case IF_TYPE_IEEE80211: /* (Windows' Wi-Fi: Ethernet frames) */
        r->MediaType = NdisMedium802_3;
        r->PhysicalMediumType = NdisPhysicalMediumNative802_11;
        break;
    case IF_TYPE_TUNNEL:
        r->MediaType = NdisMediumTunnel;
        break;
    case IF_TYPE_PPP:
        r->MediaType = NdisMediumWan;
        break;
    default:
        r->MediaType = NdisMediumIP;
    }
}

static void put_counters(MIB_IF_ROW2 *r, const char *name)
{
    struct ws_ifcounters c;

    ws_if_counters(name, &c);
    r->InOctets = c.in_octets;
    r->InUcastPkts = c.in_ucast;
    r->InNUcastPkts = c.in_nucast;
    r->InDiscards = c.in_discards;
    r->InErrors = c.in_errors;
    r->OutOctets = c.out_octets;
    r->OutUcastPkts = c.out_ucast;
    r->OutDiscards = c.out_discards;
    r->OutErrors = c.out_errors;
    r->OutQLen = c.out_qlen;
}

static void put_row2(MIB_IF_ROW2 *r, const struct ws_ifinfo *w, int counters)
{
    memset(r, 0, sizeof(*r));
    r->InterfaceLuid.Value = ws_luid_value(w);
    r->InterfaceIndex = w->index;
    ws_wide_name(r->Alias, IF_MAX_STRING_SIZE + 1, w->name);
    ws_wide_name(r->Description, IF_MAX_STRING_SIZE + 1, w->name);
    r->PhysicalAddressLength = w->hwlen;
    memcpy(r->PhysicalAddress, w->hw, w->hwlen);
    memcpy(r->PermanentPhysicalAddress, w->hw, w->hwlen);
    r->Mtu = w->mtu;
    r->Type = w->iftype;
    r->TunnelType = w->iftype == IF_TYPE_TUNNEL ? TUNNEL_TYPE_OTHER
                                                : TUNNEL_TYPE_NONE;
    put_media(r, w->iftype);
    r->AccessType = (w->flags & WS_IFF_LOOPBACK) ? NET_IF_ACCESS_LOOPBACK
                    : (w->flags & WS_IFF_POINTTOPOINT)
                        ? NET_IF_ACCESS_POINT_TO_POINT
                        : NET_IF_ACCESS_BROADCAST;
    r->InterfaceAndOperStatusFlags.HardwareInterface = w->hardware != 0;
    r->InterfaceAndOperStatusFlags.ConnectorPresent = w->hardware != 0;
    r->InterfaceAndOperStatusFlags.NotMediaConnected = !w->running;
    r->OperStatus = w->running ? IfOperStatusUp : IfOperStatusDown;
    r->AdminStatus = (w->flags & WS_IFF_UP) ? NET_IF_ADMIN_STATUS_UP
                                            : NET_IF_ADMIN_STATUS_DOWN;
    r->MediaConnectState = w->running ? MediaConnectStateConnected
                                      : MediaConnectStateDisconnected;
    r->ConnectionType = NET_IF_CONNECTION_DEDICATED;
    r->TransmitLinkSpeed = r->ReceiveLinkSpeed = w->speed;
    if (counters)
        put_counters(r, w->name);
}

static int by_row_index(const void *a, const void *b)
{
    NET_IFINDEX x = ((const MIB_IF_ROW2 *)a)->InterfaceIndex,
                y = ((const MIB_IF_ROW2 *)b)->InterfaceIndex;

    return (x > y) - (x < y);
}

DWORD ws_GetIfTable2Ex(MIB_IF_TABLE_LEVEL level, PMIB_IF_TABLE2 *table)
{
    struct ws_ifinfo *v;
    MIB_IF_TABLE2 *t;
    int n;

    if (!table || (level != MibIfTableNormal && level != MibIfTableRaw &&
                   level != MibIfTableNormalWithoutStatistics))
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    t = malloc(offsetof(MIB_IF_TABLE2, Table) +
               (size_t)(n ? n : 1) * sizeof(MIB_IF_ROW2));
    if (t) {
        t->NumEntries = (ULONG)n;
        for (int i = 0; i < n; i++)
            put_row2(&t->Table[i], &v[i],
                     level != MibIfTableNormalWithoutStatistics);
        qsort(t->Table, (size_t)n, sizeof(MIB_IF_ROW2), by_row_index);
        *table = t;
    }
    ws_interfaces_free(v, n);
    return t ? NO_ERROR : ERROR_NOT_ENOUGH_MEMORY;
}

DWORD ws_GetIfTable2(PMIB_IF_TABLE2 *table)
{
    return ws_GetIfTable2Ex(MibIfTableNormal, table);
}

DWORD ws_GetIfEntry2Ex(MIB_IF_ENTRY_LEVEL level, PMIB_IF_ROW2 row)
{
    struct found f;
    DWORD r = ERROR_FILE_NOT_FOUND;

    if (!row ||
        (level != MibIfEntryNormal &&
         level != MibIfEntryNormalWithoutStatistics) ||
        (!row->InterfaceLuid.Value && !row->InterfaceIndex))
        return ERROR_INVALID_PARAMETER;
    if (find_row_if(&f, &row->InterfaceLuid, row->InterfaceIndex) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (f.w) {
        put_row2(row, f.w, level == MibIfEntryNormal);
        r = NO_ERROR;
    }
    found_free(&f);
    return r;
}

DWORD ws_GetIfEntry2(PMIB_IF_ROW2 row)
{
    return ws_GetIfEntry2Ex(MibIfEntryNormal, row);
}

/* ---- GetUnicastIpAddressTable, GetUnicastIpAddressEntry ---------------- */

static void put_unicast_row(MIB_UNICASTIPADDRESS_ROW *r,
                            const struct ws_ifinfo *w,
                            const struct ws_ifaddr *x)
{
    int v6 = x->addr.ss_family == AF_INET6, po, so;

    memset(r, 0, sizeof(*r));
    memcpy(&r->Address, &x->addr, v6 ? sizeof(r->Address.Ipv6)
                                     : sizeof(r->Address.Ipv4));
    r->InterfaceLuid.Value = ws_luid_value(w);
    r->InterfaceIndex = w->index;
    ws_addr_origin(w, x, &po, &so);
    r->PrefixOrigin = (NL_PREFIX_ORIGIN)po;
    r->SuffixOrigin = (NL_SUFFIX_ORIGIN)so;
    r->ValidLifetime = r->PreferredLifetime = 0xffffffffu; /* (infinite) */
    r->OnLinkPrefixLength = (UINT8)x->prefix;
    r->DadState = IpDadStatePreferred;
    if (v6)
        r->ScopeId.Value = r->Address.Ipv6.sin6_scope_id;
}

/* The rows of family's addresses (AF_UNSPEC: the IPv4 ones, then the
 * IPv6 ones) into t, or only counted when t is NULL: how many. */
static ULONG put_unicast_rows(MIB_UNICASTIPADDRESS_TABLE *t,
                              const struct ws_ifinfo *v, int n,
                              ADDRESS_FAMILY family)
{
    static const ADDRESS_FAMILY order[] = { AF_INET, AF_INET6 };
    ULONG k = 0;

    for (size_t p = 0; p < sizeof(order) / sizeof(order[0]); p++) {
        if (family != AF_UNSPEC && family != order[p])
            continue;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < v[i].naddr; j++) {
                if (v[i].addr[j].addr.ss_family != order[p])
                    continue;
                if (t)
                    put_unicast_row(&t->Table[k], &v[i], &v[i].addr[j]);
                k++;
            }
    }
    return k;
}

DWORD ws_GetUnicastIpAddressTable(ADDRESS_FAMILY family,
                                  PMIB_UNICASTIPADDRESS_TABLE *table)
{
    struct ws_ifinfo *v;
    MIB_UNICASTIPADDRESS_TABLE *t = NULL;
    ULONG rows;
    int n;

    if (!table ||
        (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    if ((n = ws_interfaces(&v)) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if ((rows = put_unicast_rows(NULL, v, n, family)))
        t = malloc(offsetof(MIB_UNICASTIPADDRESS_TABLE, Table) +
                   rows * sizeof(MIB_UNICASTIPADDRESS_ROW));
    if (t) {
        t->NumEntries = put_unicast_rows(t, v, n, family);
        *table = t;
    }
    ws_interfaces_free(v, n);
    if (!rows)
        return ERROR_NOT_FOUND; /* (none of that family) */
    return t ? NO_ERROR : ERROR_NOT_ENOUGH_MEMORY;
}

DWORD ws_GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW row)
{
    struct sockaddr_storage want;
    struct found f;
    DWORD r;

    if (!row || (row->Address.si_family != AF_INET &&
                 row->Address.si_family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    memset(&want, 0, sizeof(want));
    memcpy(&want, &row->Address, sizeof(row->Address));
    if (find_row_if(&f, &row->InterfaceLuid, row->InterfaceIndex) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    r = f.w ? ERROR_NOT_FOUND : ERROR_FILE_NOT_FOUND;
    for (int j = 0; f.w && j < f.w->naddr && r; j++)
        if (ws_same_address(&f.w->addr[j].addr, &want)) {
            put_unicast_row(row, f.w, &f.w->addr[j]);
            r = NO_ERROR;
        }
    found_free(&f);
    return r;
}

void wsc_InitializeUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW row)
{
    if (!row)
        return;
    memset(row, 0, sizeof(*row));
    row->PrefixOrigin = IpPrefixOriginUnchanged;
    row->SuffixOrigin = IpSuffixOriginUnchanged;
    row->ValidLifetime = row->PreferredLifetime = 0xffffffffu;
    row->OnLinkPrefixLength = 0xff; /* (Windows' "illegal value") */
}

void wsc_FreeMibTable(PVOID memory)
{
    free(memory);
}

/* ---- the conversions ---------------------------------------------------- */

/* The LUID of the interface that matches key into *luid: NO_ERROR, or
 * missing when there is none (*luid then left as it is). */
static DWORD luid_of(if_match match, const void *key, PNET_LUID luid,
                     DWORD missing)
{
    struct found f;
    DWORD r = missing;

    if (find(&f, match, key) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (f.w) {
        luid->Value = ws_luid_value(f.w);
        r = NO_ERROR;
    }
    found_free(&f);
    return r;
}

DWORD ws_ConvertInterfaceIndexToLuid(NET_IFINDEX index, PNET_LUID luid)
{
    if (!luid)
        return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    return luid_of(match_index, &index, luid, ERROR_FILE_NOT_FOUND);
}

DWORD ws_ConvertInterfaceLuidToIndex(const NET_LUID *luid, PNET_IFINDEX index)
{
    struct found f;
    DWORD r;

    if (!luid || !index)
        return ERROR_INVALID_PARAMETER;
    if (find(&f, match_luid, &luid->Value) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    *index = f.w ? f.w->index : 0;
    r = f.w ? NO_ERROR : ERROR_FILE_NOT_FOUND;
    found_free(&f);
    return r;
}

/* The name of the interface luid names into out, len characters with
 * the terminating 0, narrow or wide. */
static DWORD luid_to_name(const NET_LUID *luid, void *out, SIZE_T len,
                          int wide)
{
    struct found f;
    DWORD r = ERROR_INVALID_PARAMETER;

    if (find(&f, match_luid, &luid->Value) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (f.w && strlen(f.w->name) >= len) {
        r = ERROR_NOT_ENOUGH_MEMORY;
    } else if (f.w && out) {
        if (wide)
            ws_wide_name(out, len, f.w->name);
        else
            strcpy(out, f.w->name);
        r = NO_ERROR;
    }
    found_free(&f);
    return r;
}

/* (The narrow one finds the length short before it looks at the buffer,
 * as Windows' does.) */
DWORD ws_ConvertInterfaceLuidToNameA(const NET_LUID *luid, PSTR name,
                                     SIZE_T len)
{
    return luid ? luid_to_name(luid, name, len, 0) : ERROR_INVALID_PARAMETER;
}

DWORD ws_ConvertInterfaceLuidToNameW(const NET_LUID *luid, PWSTR name,
                                     SIZE_T len)
{
    return luid && name ? luid_to_name(luid, name, len, 1)
                        : ERROR_INVALID_PARAMETER;
}

/* (An interface's alias is its name, as its FriendlyName is.) */
DWORD ws_ConvertInterfaceLuidToAlias(const NET_LUID *luid, PWSTR alias,
                                     SIZE_T len)
{
    return ws_ConvertInterfaceLuidToNameW(luid, alias, len);
}

DWORD ws_ConvertInterfaceNameToLuidA(const CHAR *name, PNET_LUID luid)
{
    if (!name)
        return ERROR_INVALID_NAME;
    if (!luid)
        return ERROR_INVALID_PARAMETER;
    if (strlen(name) > NDIS_IF_MAX_STRING_SIZE)
        return ERROR_BUFFER_OVERFLOW;
    return luid_of(match_name, name, luid, ERROR_INVALID_NAME);
}

/* The wide forms zero the LUID when they fail. */
static DWORD wide_name_to_luid(const WCHAR *name, PNET_LUID luid,
                               DWORD missing)
{
    luid->Value = 0;
    return name ? luid_of(match_wide_name, name, luid, missing) : missing;
}

DWORD ws_ConvertInterfaceNameToLuidW(const WCHAR *name, PNET_LUID luid)
{
    return luid ? wide_name_to_luid(name, luid, ERROR_INVALID_NAME)
                : ERROR_INVALID_PARAMETER;
}

DWORD ws_ConvertInterfaceAliasToLuid(const WCHAR *alias, PNET_LUID luid)
{
    return luid ? wide_name_to_luid(alias, luid, ERROR_INVALID_PARAMETER)
                : ERROR_INVALID_PARAMETER;
}
