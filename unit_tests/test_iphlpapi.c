/* The IP Helper's adapters (lib/winsock/adapters.c): the codes Windows
 * gives for a missing size, a bad family and a buffer too small, sizes
 * that are exact (a buffer one byte short fails, one of the size given
 * works, and nothing is written past it), the family and GAA_FLAG_
 * filters, and the loopback adapter as Windows describes its own. */
#include <check.h>
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
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
