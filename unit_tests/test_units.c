/* Unit tests of the pure parts: the error table and mapper, the option
 * table, the Windows fd_set, and the header numbers. */
#include <check.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "ws.h"
#include "optmap.h"
#include "testutil.h"

START_TEST(error_table)
{
    ck_assert_str_eq(wsc_strerror_name(10054), "WSAECONNRESET");
    ck_assert_str_eq(wsc_strerror(10054),
                     "An existing connection was forcibly closed by the "
                     "remote host.");
    ck_assert_str_eq(wsc_strerror_name(WSANOTINITIALISED),
                     "WSANOTINITIALISED");
    ck_assert_ptr_null(wsc_strerror(12345));
    ck_assert_int_eq(wsc_wsa_to_errno(WSAECONNABORTED), ECONNABORTED);
    ck_assert_int_eq(wsc_wsa_to_errno(WSAESHUTDOWN), ESHUTDOWN);
    ck_assert_int_eq(wsc_wsa_to_errno(WSANOTINITIALISED), 0);
    ck_assert_int_eq(wsc_errno_to_wsa(ECONNRESET), WSAECONNRESET);
    ck_assert_int_eq(wsc_errno_to_wsa(EAGAIN), WSAEWOULDBLOCK);
    ck_assert_int_eq(wsc_errno_to_wsa(ENOMEM), WSA_NOT_ENOUGH_MEMORY);
    ck_assert_int_eq(WSAEINTR, 10004);
    ck_assert_int_eq(WSAECONNABORTED, 10053);
    ck_assert_int_eq(WSAEDISCON, 10101);
}
END_TEST

START_TEST(errno_mapper)
{
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_CONNECT, EINPROGRESS, 0),
                     WSAEWOULDBLOCK);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_RECV, EINPROGRESS, 0),
                     WSAEINPROGRESS);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_SEND, EPIPE, WSC_F_SHUT_SEND),
                     WSAESHUTDOWN);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_SEND, EPIPE, 0), WSAECONNRESET);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_SEND, EPIPE, WSC_F_ABORTED),
                     WSAECONNABORTED);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_RECV, ENOTCONN, WSC_F_ABORTED),
                     WSAECONNABORTED);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_RECV, EBADF, 0), WSAENOTSOCK);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_RECV, ENOTSOCK, 0), WSAENOTSOCK);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_CONNECT, ECONNREFUSED, 0),
                     WSAECONNREFUSED);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_SOCKET, ENFILE, 0), WSAEMFILE);
    ck_assert_int_eq(-wsc_errno_result(WSC_OP_OTHER, 9999, 0), WSAEINVAL);
}
END_TEST

START_TEST(option_table)
{
    const struct wsc_optmap *m;

    ck_assert(wsc_optmap_level_known(SOL_SOCKET));
    ck_assert(wsc_optmap_level_known(IPPROTO_TCP));
    ck_assert(!wsc_optmap_level_known(0x8000));
    ck_assert(!wsc_optmap_level_known((int)0xffffffff));
    m = wsc_optmap_find(SOL_SOCKET, SO_RCVTIMEO);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->kind, OPT_RCVTIMEO);
    m = wsc_optmap_find(SOL_SOCKET, SO_KEEPALIVE);
    ck_assert_int_eq(m->kind, OPT_BOOL);
    ck_assert_int_eq(m->level, L_SOL_SOCKET);
    ck_assert_int_eq(m->name, L_SO_KEEPALIVE);
    m = wsc_optmap_find(IPPROTO_IP, IP_TTL);
    ck_assert_int_eq(m->name, L_IP_TTL);
    m = wsc_optmap_find(IPPROTO_IPV6, IPV6_V6ONLY);
    ck_assert_int_eq(m->name, L_IPV6_V6ONLY);
    ck_assert_int_eq(wsc_optmap_find(SOL_SOCKET, SO_EXCLUSIVEADDRUSE)->kind,
                     OPT_EXCLUSIVE);
    ck_assert_ptr_null(wsc_optmap_find(SOL_SOCKET, 0x7777));
    /* Every IPPROTO_UDP option is a datagram socket's; the checksum one
     * IPv4's only (Microsoft: not supported for IPv6). */
    m = wsc_optmap_find(IPPROTO_UDP, UDP_NOCHECKSUM);
    ck_assert_int_eq(m->name, L_SO_NO_CHECK);
    ck_assert_uint_eq(m->flags & (OF_DGRAM | OF_INET4), OF_DGRAM | OF_INET4);
    m = wsc_optmap_find(IPPROTO_UDP, UDP_SEND_MSG_SIZE);
    ck_assert_int_eq(m->name, L_UDP_SEGMENT);
    ck_assert_uint_eq(m->flags & (OF_DGRAM | OF_INET4), OF_DGRAM);
    ck_assert_ptr_nonnull(wsc_optmap_find(IPPROTO_UDP,
                                          UDP_RECV_MAX_COALESCED_SIZE));
    ck_assert_ptr_nonnull(wsc_optmap_find(IPPROTO_UDP,
                                          UDP_CHECKSUM_COVERAGE));
}
END_TEST

START_TEST(fd_set_macros)
{
    fd_set s;
    int i;

    FD_ZERO(&s);
    ck_assert_uint_eq(s.fd_count, 0);
    FD_SET(5, &s);
    FD_SET(5, &s);
    FD_SET(7, &s);
    ck_assert_uint_eq(s.fd_count, 2);
    ck_assert(FD_ISSET(7, &s));
    FD_CLR(5, &s);
    ck_assert_uint_eq(s.fd_count, 1);
    ck_assert(!FD_ISSET(5, &s));
    ck_assert_uint_eq(s.fd_array[0], 7);
    for (i = 0; i < FD_SETSIZE + 10; i++)
        FD_SET((SOCKET)(1000 + i), &s);
    ck_assert_uint_eq(s.fd_count, FD_SETSIZE);
    FD_CLR(12345, &s);
    ck_assert_uint_eq(s.fd_count, FD_SETSIZE);
}
END_TEST

START_TEST(header_numbers)
{
    ck_assert_uint_eq((DWORD)FIONBIO, 0x8004667Eu);
    ck_assert_uint_eq((DWORD)FIONREAD, 0x4004667Fu);
    ck_assert_uint_eq((DWORD)SIOCATMARK, 0x40047307u);
    ck_assert_int_eq(sizeof(u_long), 4);
    ck_assert_int_eq(sizeof(DWORD), 4);
    ck_assert_int_eq(sizeof(LONG), 4);
    ck_assert_int_eq(sizeof(struct linger), 4);
    ck_assert_int_eq(sizeof(SOCKET), sizeof(void *));
    ck_assert(INVALID_SOCKET == (SOCKET)~(SOCKET)0);
    ck_assert_int_eq(SOL_SOCKET, 0xffff);
    ck_assert_int_eq(SO_RCVTIMEO, 0x1006);
    ck_assert_int_eq(SO_EXCLUSIVEADDRUSE, ~SO_REUSEADDR);
    ck_assert_int_eq(SO_DONTLINGER, ~SO_LINGER);
    ck_assert_int_eq(SD_RECEIVE, 0);
    ck_assert_int_eq(SD_SEND, 1);
    ck_assert_int_eq(SD_BOTH, 2);
    ck_assert_int_eq(MAKEWORD(2, 2), 0x0202);
    ck_assert_int_eq(POLLRDNORM, 0x100);
    ck_assert_int_eq(EAI_NONAME, WSAHOST_NOT_FOUND);
}
END_TEST

/* A scoped IPv6 address in text, as Windows writes it: the zone by its
 * number in getnameinfo as in WSAAddressToString ("fe80::1%1"), never
 * the interface's name glibc gives a link-local one ("%lo"). */
START_TEST(scope_in_text)
{
    struct sockaddr_in6 a;
    char host[NI_MAXHOST], text[64];
    DWORD len = sizeof(text);

    startup();
    memset(&a, 0, sizeof(a));
    a.sin6_family = AF_INET6;
    a.sin6_addr.s6_addr[0] = 0xfe;
    a.sin6_addr.s6_addr[1] = 0x80;
    a.sin6_addr.s6_addr[15] = 1;
    a.sin6_scope_id = 1;
    ck_assert_int_eq(getnameinfo((struct sockaddr *)&a, sizeof(a), host,
                                 sizeof(host), NULL, 0, NI_NUMERICHOST), 0);
    ck_assert_str_eq(host, "fe80::1%1");
    ck_assert_int_eq(WSAAddressToStringA((struct sockaddr *)&a, sizeof(a),
                                         NULL, text, &len), 0);
    ck_assert_str_eq(text, host);
    WSACleanup();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("units");
    TCase *tc = tcase_create("pure");

    tcase_add_test(tc, error_table);
    tcase_add_test(tc, errno_mapper);
    tcase_add_test(tc, option_table);
    tcase_add_test(tc, fd_set_macros);
    tcase_add_test(tc, header_numbers);
    tcase_add_test(tc, scope_in_text);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
