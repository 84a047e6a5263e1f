/* The local addresses, as Windows programs find them: the IP Helper
 * samples' loops (GetAdaptersAddresses with a 15 KB first guess and
 * MAX_TRIES, GetAdaptersInfo asked for its size first, GetNetworkParams,
 * GetIpAddrTable), then each IPv4 unicast address put to use: a UDP
 * socket bound to it sends itself a datagram.  Exits 0 when every check
 * holds, 1 otherwise.  Usage: adapters */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "iphlpapi.lib")
#pragma comment(lib, "ws2_32.lib")

#define WORKING_BUFFER_SIZE 15000
#define MAX_TRIES 3
#define MALLOC(x) HeapAlloc(GetProcessHeap(), 0, (x))
#define FREE(x) HeapFree(GetProcessHeap(), 0, (x))

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

/* A datagram from the address to itself. */
static int talks(const struct sockaddr_in *addr)
{
    struct sockaddr_in a = *addr;
    int len = sizeof(a), ok = 0;
    char buf[8];
    DWORD timeout = 5000;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);

    if (s == INVALID_SOCKET)
        return 0;
    a.sin_port = 0;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout,
               sizeof(timeout));
    if (bind(s, (SOCKADDR *)&a, sizeof(a)) == 0 &&
        getsockname(s, (SOCKADDR *)&a, &len) == 0 &&
        sendto(s, "ping", 4, 0, (SOCKADDR *)&a, sizeof(a)) == 4 &&
        recv(s, buf, sizeof(buf), 0) == 4 && memcmp(buf, "ping", 4) == 0)
        ok = 1;
    closesocket(s);
    return ok;
}

static int adapters_addresses(void)
{
    PIP_ADAPTER_ADDRESSES pAddresses = NULL, pCurrAddresses;
    PIP_ADAPTER_UNICAST_ADDRESS pUnicast;
    ULONG outBufLen = WORKING_BUFFER_SIZE, flags = GAA_FLAG_INCLUDE_PREFIX;
    DWORD dwRetVal;
    ULONG Iterations = 0;
    unsigned i;
    int loopback = 0, v4 = 0, talked = 0;
    char text[INET6_ADDRSTRLEN];

    do {
        pAddresses = (IP_ADAPTER_ADDRESSES *)MALLOC(outBufLen);
        if (pAddresses == NULL) {
            printf("Memory allocation failed for IP_ADAPTER_ADDRESSES struct\n");
            return 0;
        }
        dwRetVal = GetAdaptersAddresses(AF_UNSPEC, flags, NULL, pAddresses,
                                        &outBufLen);
        if (dwRetVal == ERROR_BUFFER_OVERFLOW) {
            FREE(pAddresses);
            pAddresses = NULL;
        } else {
            break;
        }
        Iterations++;
    } while ((dwRetVal == ERROR_BUFFER_OVERFLOW) && (Iterations < MAX_TRIES));

    if (dwRetVal != NO_ERROR) {
        printf("Call to GetAdaptersAddresses failed with error: %lu\n",
               (unsigned long)dwRetVal);
        return 0;
    }
    for (pCurrAddresses = pAddresses; pCurrAddresses;
         pCurrAddresses = pCurrAddresses->Next) {
        printf("\tLength of the IP_ADAPTER_ADDRESS struct: %ld\n",
               (long)pCurrAddresses->Length);
        printf("\tIfIndex (IPv4 interface): %u\n", (unsigned)pCurrAddresses->IfIndex);
        printf("\tAdapter name: %s\n", pCurrAddresses->AdapterName);
        printf("\tFriendly name: %ls\n", pCurrAddresses->FriendlyName);
        printf("\tDescription: %ls\n", pCurrAddresses->Description);
        check(pCurrAddresses->Length >= sizeof(IP_ADAPTER_ADDRESSES_XP),
              "adapter Length");
        check(pCurrAddresses->FriendlyName != NULL &&
              pCurrAddresses->Description != NULL &&
              pCurrAddresses->DnsSuffix != NULL, "adapter strings");
        if (pCurrAddresses->PhysicalAddressLength != 0) {
            printf("\tPhysical address: ");
            for (i = 0; i < pCurrAddresses->PhysicalAddressLength; i++)
                printf(i == pCurrAddresses->PhysicalAddressLength - 1
                           ? "%.2X\n" : "%.2X-",
                       (int)pCurrAddresses->PhysicalAddress[i]);
        }
        printf("\tFlags: %ld\n", (long)pCurrAddresses->Flags);
        printf("\tMtu: %lu\n", (unsigned long)pCurrAddresses->Mtu);
        printf("\tIfType: %ld\n", (long)pCurrAddresses->IfType);
        printf("\tOperStatus: %ld\n", (long)pCurrAddresses->OperStatus);
        for (pUnicast = pCurrAddresses->FirstUnicastAddress; pUnicast;
             pUnicast = pUnicast->Next) {
            SOCKADDR *sa = pUnicast->Address.lpSockaddr;

            check(pUnicast->Length >= sizeof(IP_ADAPTER_UNICAST_ADDRESS_XP),
                  "unicast Length");
            check(sa->sa_family == AF_INET || sa->sa_family == AF_INET6,
                  "unicast family");
            check(pUnicast->Address.iSockaddrLength ==
                      (sa->sa_family == AF_INET ? (int)sizeof(SOCKADDR_IN)
                                                : (int)sizeof(SOCKADDR_IN6)),
                  "unicast address length");
            if (sa->sa_family == AF_INET) {
                SOCKADDR_IN *sin = (SOCKADDR_IN *)sa;

                inet_ntop(AF_INET, &sin->sin_addr, text, sizeof(text));
                check(pUnicast->OnLinkPrefixLength <= 32, "IPv4 prefix length");
                v4++;
                if (sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
                    pCurrAddresses->IfType == IF_TYPE_SOFTWARE_LOOPBACK)
                    loopback = 1;
                if (pCurrAddresses->OperStatus == IfOperStatusUp) {
                    int ok = talks(sin);

                    check(ok, "a datagram from an adapter's address");
                    talked += ok;
                }
            } else {
                SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)sa;

                inet_ntop(AF_INET6, &sin6->sin6_addr, text, sizeof(text));
                check(pUnicast->OnLinkPrefixLength <= 128, "IPv6 prefix length");
            }
            printf("\tUnicast address: %s/%u\n", text,
                   (unsigned)pUnicast->OnLinkPrefixLength);
        }
        printf("\n");
    }
    FREE(pAddresses);
    check(loopback, "the loopback adapter has 127.0.0.1");
    check(v4 > 0 && talked > 0, "IPv4 addresses that work");
    return 1;
}

/* Only IPv4 addresses when asked for AF_INET; a buffer too small gets
 * the size; no size pointer: ERROR_INVALID_PARAMETER. */
static void adapters_addresses_rules(void)
{
    ULONG size = 0, size2;
    PIP_ADAPTER_ADDRESSES a, p;
    PIP_ADAPTER_UNICAST_ADDRESS u;

    check(GetAdaptersAddresses(AF_INET, 0, NULL, NULL, &size) ==
              ERROR_BUFFER_OVERFLOW && size > 0, "size first");
    size2 = size - 1;
    a = (PIP_ADAPTER_ADDRESSES)MALLOC(size);
    check(GetAdaptersAddresses(AF_INET, 0, NULL, a, &size2) ==
              ERROR_BUFFER_OVERFLOW && size2 == size, "one byte short");
    check(GetAdaptersAddresses(AF_INET, 0, NULL, a, &size) == NO_ERROR,
          "AF_INET");
    for (p = a; p; p = p->Next)
        for (u = p->FirstUnicastAddress; u; u = u->Next)
            check(u->Address.lpSockaddr->sa_family == AF_INET,
                  "AF_INET lists IPv4 only");
    FREE(a);
    check(GetAdaptersAddresses(AF_INET, 0, NULL, NULL, NULL) ==
              ERROR_INVALID_PARAMETER, "no size pointer");
}

static void adapters_info(void)
{
    PIP_ADAPTER_INFO pAdapterInfo, pAdapter;
    ULONG ulOutBufLen = sizeof(IP_ADAPTER_INFO);
    DWORD dwRetVal;
    PIP_ADDR_STRING ip;

    pAdapterInfo = (IP_ADAPTER_INFO *)MALLOC(sizeof(IP_ADAPTER_INFO));
    /* Make an initial call to GetAdaptersInfo to get the necessary size
     * into the ulOutBufLen variable */
    if (GetAdaptersInfo(pAdapterInfo, &ulOutBufLen) == ERROR_BUFFER_OVERFLOW) {
        FREE(pAdapterInfo);
        pAdapterInfo = (IP_ADAPTER_INFO *)MALLOC(ulOutBufLen);
    }
    dwRetVal = GetAdaptersInfo(pAdapterInfo, &ulOutBufLen);
    if (dwRetVal == ERROR_NO_DATA) {
        printf("GetAdaptersInfo: no adapters but the loopback\n");
    } else if (dwRetVal != NO_ERROR) {
        printf("GetAdaptersInfo failed with error: %lu\n", (unsigned long)dwRetVal);
        check(0, "GetAdaptersInfo");
    } else {
        for (pAdapter = pAdapterInfo; pAdapter; pAdapter = pAdapter->Next) {
            printf("\tComboIndex: \t%lu\n", (unsigned long)pAdapter->ComboIndex);
            printf("\tAdapter Name: \t%s\n", pAdapter->AdapterName);
            printf("\tAdapter Desc: \t%s\n", pAdapter->Description);
            printf("\tIndex: \t%lu\n", (unsigned long)pAdapter->Index);
            printf("\tType: \t%u\n", pAdapter->Type);
            check(pAdapter->Type != MIB_IF_TYPE_LOOPBACK,
                  "GetAdaptersInfo leaves the loopback out");
            for (ip = &pAdapter->IpAddressList; ip; ip = ip->Next) {
                printf("\tIP Address: \t%s\n", ip->IpAddress.String);
                printf("\tIP Mask: \t%s\n", ip->IpMask.String);
                check(inet_addr(ip->IpAddress.String) != INADDR_NONE ||
                          !strcmp(ip->IpAddress.String, "255.255.255.255"),
                      "an address in dotted form");
                check(strcmp(ip->IpAddress.String, "127.0.0.1") != 0,
                      "no 127.0.0.1 in GetAdaptersInfo");
            }
            printf("\tGateway: \t%s\n", pAdapter->GatewayList.IpAddress.String);
            printf("\n");
        }
    }
    FREE(pAdapterInfo);
    check(GetAdaptersInfo(NULL, NULL) == ERROR_INVALID_PARAMETER,
          "GetAdaptersInfo without a size pointer");
}

static void network_params(void)
{
    FIXED_INFO *pFixedInfo;
    ULONG ulOutBufLen = sizeof(FIXED_INFO);
    IP_ADDR_STRING *pIPAddr;
    char host[256];

    pFixedInfo = (FIXED_INFO *)MALLOC(sizeof(FIXED_INFO));
    if (GetNetworkParams(pFixedInfo, &ulOutBufLen) == ERROR_BUFFER_OVERFLOW) {
        FREE(pFixedInfo);
        pFixedInfo = (FIXED_INFO *)MALLOC(ulOutBufLen);
    }
    if (GetNetworkParams(pFixedInfo, &ulOutBufLen) != NO_ERROR) {
        check(0, "GetNetworkParams");
        FREE(pFixedInfo);
        return;
    }
    printf("Host Name: %s\n", pFixedInfo->HostName);
    printf("Domain Name: %s\n", pFixedInfo->DomainName);
    for (pIPAddr = &pFixedInfo->DnsServerList; pIPAddr; pIPAddr = pIPAddr->Next)
        printf("DNS Server: %s\n", pIPAddr->IpAddress.String);
    check(gethostname(host, sizeof(host)) == 0 &&
              _strnicmp(host, pFixedInfo->HostName,
                        strlen(pFixedInfo->HostName)) == 0 &&
              pFixedInfo->HostName[0] != '\0',
          "the host name");
    FREE(pFixedInfo);
}

static void ip_addr_table(void)
{
    PMIB_IPADDRTABLE pIPAddrTable;
    DWORD dwSize = 0, i, count = 0;
    IN_ADDR IPAddr;
    int loopback = 0;

    pIPAddrTable = (MIB_IPADDRTABLE *)MALLOC(sizeof(MIB_IPADDRTABLE));
    if (GetIpAddrTable(pIPAddrTable, &dwSize, 0) == ERROR_INSUFFICIENT_BUFFER) {
        FREE(pIPAddrTable);
        pIPAddrTable = (MIB_IPADDRTABLE *)MALLOC(dwSize);
    }
    if (GetIpAddrTable(pIPAddrTable, &dwSize, TRUE) != NO_ERROR) {
        check(0, "GetIpAddrTable");
        FREE(pIPAddrTable);
        return;
    }
    printf("\tNum Entries: %ld\n", (long)pIPAddrTable->dwNumEntries);
    for (i = 0; i < pIPAddrTable->dwNumEntries; i++) {
        IPAddr.S_un.S_addr = (u_long)pIPAddrTable->table[i].dwAddr;
        printf("\tIP Address[%lu]:     \t%s\n", (unsigned long)i, inet_ntoa(IPAddr));
        if (pIPAddrTable->table[i].dwAddr == htonl(INADDR_LOOPBACK))
            loopback = 1;
        if (i > 0)
            check(ntohl(pIPAddrTable->table[i - 1].dwAddr) <=
                      ntohl(pIPAddrTable->table[i].dwAddr),
                  "GetIpAddrTable sorted");
    }
    check(loopback, "GetIpAddrTable lists 127.0.0.1");
    check(GetNumberOfInterfaces(&count) == NO_ERROR && count >= 1,
          "GetNumberOfInterfaces");
    FREE(pIPAddrTable);
}

int main(void)
{
    WSADATA wsaData;

    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0) {
        printf("WSAStartup failed\n");
        return 1;
    }
    if (adapters_addresses()) {
        adapters_addresses_rules();
        adapters_info();
        network_params();
        ip_addr_table();
    } else {
        failures++;
    }
    WSACleanup();
    printf(failures ? "adapters: %d checks failed\n" : "adapters: ok\n",
           failures);
    return failures ? 1 : 0;
}
