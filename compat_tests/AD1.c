/* AD1: an address between its forms: WSAAddressToString (a port only
 * when set; IPv6 scope and brackets; the room needed), WSAStringToAddress
 * (Windows' lenient IPv4 syntax: 1 to 4 parts, octal and hex, a port after
 * ':'; the room; the length it sets), the W forms, and the byte-order
 * functions that take a socket (rows 14a-14d). */
#include <string.h>
#include "harness.h"

static void to_string(ct *t, const char *key, ULONG addr, USHORT port)
{
    struct sockaddr_in a;
    char out[64] = "";
    DWORD len = sizeof(out);
    int rc;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(addr);
    a.sin_port = htons(port);
    rc = WSAAddressToStringA((struct sockaddr *)&a, sizeof(a), NULL, out, &len);
    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "%s len %u", out, (unsigned)len);
}

static void to_string6(ct *t, const char *key, const char *ip, ULONG scope,
                       USHORT port)
{
    struct sockaddr_in6 a;
    char out[96] = "";
    DWORD len = sizeof(out);
    int rc;

    memset(&a, 0, sizeof(a));
    a.sin6_family = AF_INET6;
    inet_pton(AF_INET6, ip, &a.sin6_addr);
    a.sin6_scope_id = scope;
    a.sin6_port = htons(port);
    rc = WSAAddressToStringA((struct sockaddr *)&a, sizeof(a), NULL, out, &len);
    if (rc)
        ct_obs_rc(t, key, rc);
    else
        ct_obs(t, key, "%s len %u", out, (unsigned)len);
}

/* What WSAStringToAddressA makes of text, for IPv4. */
static void from_string(ct *t, const char *key, const char *text)
{
    struct sockaddr_in a;
    char buf[sizeof(a) + 10];
    int len = sizeof(buf), rc;

    memset(buf, 0xab, sizeof(buf));
    rc = WSAStringToAddressA((char *)text, AF_INET, NULL,
                             (struct sockaddr *)buf, &len);
    memcpy(&a, buf, sizeof(a));
    if (rc)
        ct_obs(t, key, "SOCKET_ERROR/%s family %d len %d",
               ct_wsa_name(WSAGetLastError()), a.sin_family, len);
    else
        ct_obs(t, key, "%08lx port %u len %d",
               (unsigned long)ntohl(a.sin_addr.s_addr), ntohs(a.sin_port),
               len);
}

static void from_string6(ct *t, const char *key, const char *text)
{
    struct sockaddr_in6 a;
    char ip[64] = "";
    int len = sizeof(a), rc;

    memset(&a, 0xab, sizeof(a));
    rc = WSAStringToAddressA((char *)text, AF_INET6, NULL,
                             (struct sockaddr *)&a, &len);
    if (rc) {
        ct_obs_rc(t, key, rc);
        return;
    }
    inet_ntop(AF_INET6, &a.sin6_addr, ip, sizeof(ip));
    ct_obs(t, key, "%s port %u scope %lu len %d", ip, ntohs(a.sin6_port),
           (unsigned long)a.sin6_scope_id, len);
}

static void room(ct *t)
{
    struct sockaddr_in a;
    char out[64];
    DWORD len = 0;
    int ilen = 4;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    ct_obs_rc(t, "to_string_no_room",
              WSAAddressToStringA((struct sockaddr *)&a, sizeof(a), NULL, out,
                                  &len));
    ct_obs(t, "to_string_room_needed", "%u", (unsigned)len);
    ct_obs_rc(t, "from_string_no_room",
              WSAStringToAddressA((char *)"1.2.3.4", AF_INET, NULL,
                                  (struct sockaddr *)&a, &ilen));
    /* Windows asks for at least an address's room (the number varies). */
    ct_obs(t, "from_string_room_needed", "%s",
           ilen >= (int)sizeof(a) ? "at least 16" : "less");
}

static void wide(ct *t)
{
    struct sockaddr_in a;
    wchar_t out[32];
    DWORD len = 32;
    int ilen = sizeof(a);
    struct in_addr in;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(0x7f000001);
    a.sin_port = htons(80);
    ct_obs_rc(t, "to_string_w",
              WSAAddressToStringW((struct sockaddr *)&a, sizeof(a), NULL, out,
                                  &len));
    ct_obs(t, "to_string_w_text", "%s len %u",
           wcscmp(out, L"127.0.0.1:80") == 0 ? "127.0.0.1:80" : "other",
           (unsigned)len);
    memset(&a, 0, sizeof(a));
    ct_obs_rc(t, "from_string_w",
              WSAStringToAddressW((wchar_t *)L"10.0.0.1:8080", AF_INET, NULL,
                                  (struct sockaddr *)&a, &ilen));
    ct_obs(t, "from_string_w_addr", "%08lx port %u",
           (unsigned long)ntohl(a.sin_addr.s_addr), ntohs(a.sin_port));
    ct_obs_rc(t, "inet_pton_w", InetPtonW(AF_INET, L"192.168.1.2", &in));
    ct_obs(t, "inet_pton_w_addr", "%08lx", (unsigned long)ntohl(in.s_addr));
    ct_obs_rc(t, "inet_pton_w_bad", InetPtonW(AF_INET, L"1.2.3", &in));
    ct_obs(t, "inet_ntop_w", "%s",
           InetNtopW(AF_INET, &in, out, 32) == out &&
                   wcscmp(out, L"192.168.1.2") == 0
               ? "192.168.1.2" : "other");
}

static void byte_order(ct *t)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    u_long l = 0;
    u_short h = 0;

    ct_obs_rc(t, "htonl", WSAHtonl(s, 0x01020304, &l));
    ct_obs(t, "htonl_value", "%08lx", (unsigned long)l);
    ct_obs_rc(t, "ntohs", WSANtohs(s, htons(0x0102), &h));
    ct_obs(t, "ntohs_value", "%04x", h);
    ct_obs_rc(t, "htonl_null", WSAHtonl(s, 1, NULL));
    ct_obs_rc(t, "htons_null", WSAHtons(s, 1, NULL));
    closesocket(s);
    ct_obs_rc(t, "htonl_closed", WSAHtonl(s, 1, &l));
    ct_obs_rc(t, "ntohl_invalid", WSANtohl(INVALID_SOCKET, 1, &l));
}

void sc_AD1(ct *t)
{
    ct_startup(t);
    to_string(t, "v4_any", 0, 0);
    to_string(t, "v4_broadcast", 0xffffffff, 0);
    to_string(t, "v4_any_port", 0, 65535);
    to_string(t, "v4_port", 0x7f000001, 27015);
    to_string6(t, "v6_loopback", "::1", 0, 0);
    to_string6(t, "v6_port", "20ab::2001", 0, 33274);
    to_string6(t, "v6_scope_port", "20ab::2001", 4660, 33274);
    to_string6(t, "v6_scope", "20ab::2001", 4660, 0);
    from_string(t, "s_empty", "");
    from_string(t, "s_plain", "1.1.1.1");
    from_string(t, "s_port", "127.127.127.127:123");
    from_string(t, "s_port_empty", "127.127.127.127:");
    from_string(t, "s_port_zero", "127.127.127.127:0");
    from_string(t, "s_port_big", "127.127.127.127:65537");
    from_string(t, "s_port_hex", "127.127.127.127:0xAbCd");
    from_string(t, "s_port_octal", "127.127.127.127:010");
    from_string(t, "s_port_bad_octal", "127.127.127.127:08");
    from_string(t, "s_part_big", "255.255.255.256");
    from_string(t, "s_hex_part", "1.1.1.0xaA");
    from_string(t, "s_octal_part", "1.1.1.010");
    from_string(t, "s_one_part", "1");
    from_string(t, "s_two_parts", "1.2");
    from_string(t, "s_three_parts", "1.2.3");
    from_string(t, "s_wide_last", "1.223756");
    from_string(t, "s_last_too_big", "3.4.65536");
    from_string(t, "s_decimal_whole", "203569230:123");
    from_string(t, "s_hex_whole", "0x00010203:10");
    from_string(t, "s_octal_whole", "017700000001");
    from_string(t, "s_leading_space", " 3.4.5.6");
    from_string(t, "s_trailing_space", "3.4.5.6 ");
    from_string(t, "s_empty_part", "1..2");
    from_string(t, "s_ipv6_text", "::1");
    from_string6(t, "s6_loopback", "::1");
    from_string6(t, "s6_brackets_port", "[::1]:65535");
    from_string6(t, "s6_half_bracket", "::1]:65535");
    from_string6(t, "s6_ipv4_text", "1.2.3.4");
    from_string6(t, "s6_trailing_colon", "1:2:3:");
    room(t);
    wide(t);
    byte_order(t);
}
