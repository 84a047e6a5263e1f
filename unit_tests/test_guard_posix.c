/* The POSIX interposer with caller memory that runs into a page the
 * process may not touch, linked with --wrap: where the interposer reads
 * or writes that memory itself (select's sets, poll arrays, msghdr and
 * iovec arrays, option values, the FIONBIO argument, lengths) the call
 * fails -1/EFAULT as the kernel would, never SIGSEGV. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include "guard.h"
#include "proc_self.h"

static int tcp, peer, udp, base_entries;
static struct sockaddr_in udp_addr;

static void fixture(void)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int l = socket(AF_INET, SOCK_STREAM, 0), on = 1;

    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    udp_addr = sa;
    if (bind(l, (struct sockaddr *)&sa, sizeof(sa)) || listen(l, 4) ||
        getsockname(l, (struct sockaddr *)&sa, &len))
        abort();
    tcp = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(tcp, (struct sockaddr *)&sa, sizeof(sa)))
        abort();
    peer = accept(l, NULL, NULL);
    close(l);
    udp = socket(AF_INET, SOCK_DGRAM, 0);
    len = sizeof(udp_addr);
    if (peer < 0 || bind(udp, (struct sockaddr *)&udp_addr, len) ||
        getsockname(udp, (struct sockaddr *)&udp_addr, &len) ||
        ioctl(udp, FIONBIO, &on) ||
        sendto(udp, "dgram", 5, 0, (struct sockaddr *)&udp_addr, len) != 5 ||
        send(peer, "data", 4, 0) != 4)
        abort();
    base_entries = proc_open_fds() - 3;
}

static const char *unharmed(void)
{
    char b[8];

    if (proc_open_fds() != base_entries + 3)
        return failf("%d descriptors, expected %d", proc_open_fds(),
                     base_entries + 3);
    if (send(tcp, "ok", 2, 0) != 2 || recv(peer, b, 2, MSG_PEEK) != 2)
        return failf("the TCP pair no longer works");
    if (close(tcp) || close(peer) || close(udp))
        return failf("close failed");
    if (proc_open_fds() != base_entries)
        return failf("%d descriptors left", proc_open_fds());
    return NULL;
}

static const char *want_efault(const char *call, long r)
{
    if (r != -1)
        return failf("%s returned %ld, expected -1", call, r);
    if (errno != EFAULT)
        return failf("%s: errno %d (%s), expected EFAULT", call, errno,
                     strerror(errno));
    return NULL;
}
#define EFAULTS(call) want_efault(#call, (long)(call))

static const int four = 4;
static const socklen_t len16 = 16, len4 = 4;

static const char *p_connect(size_t k)
{
    int s;
    const char *m;

    fixture();
    s = socket(AF_INET, SOCK_DGRAM, 0);
    m = EFAULTS(connect(s, at_guard(&udp_addr, sizeof(udp_addr), k),
                        sizeof(udp_addr)));
    close(s);
    return m;
}

static const char *p_recvfrom_len(size_t k)
{
    struct sockaddr_in a;
    char b[8];

    fixture();
    return EFAULTS(recvfrom(udp, b, sizeof(b), 0, (struct sockaddr *)&a,
                            at_guard(&len16, sizeof(len16), k)));
}

static const char *p_recvfrom_addr(size_t k)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    char b[8];

    fixture();
    return EFAULTS(recvfrom(udp, b, sizeof(b), 0, at_guard(&a, sizeof(a), k),
                            &len));
}

static char data[8];
static struct iovec iov2[2] = { { data, 4 }, { data + 4, 4 } };

/* A msghdr whose iovec count says three over an array of two. */
static struct msghdr *msg_at_guard(size_t k, int iov_at_guard)
{
    static struct msghdr m;

    memset(&m, 0, sizeof(m));
    m.msg_iov = iov2;
    m.msg_iovlen = 2;
    if (iov_at_guard) {
        m.msg_iov = at_guard(iov2, sizeof(iov2), k);
        m.msg_iovlen = 3;
        return &m;
    }
    return at_guard(&m, sizeof(m), k);
}

static const char *p_recvmsg_msg(size_t k)
{
    fixture();
    return EFAULTS(recvmsg(tcp, msg_at_guard(k, 0), 0));
}

static const char *p_recvmsg_iov(size_t k)
{
    fixture();
    return EFAULTS(recvmsg(tcp, msg_at_guard(k, 1), 0));
}

static const char *p_sendmsg_msg(size_t k)
{
    fixture();
    return EFAULTS(sendmsg(tcp, msg_at_guard(k, 0), 0));
}

static const char *p_sendmsg_iov(size_t k)
{
    fixture();
    return EFAULTS(sendmsg(tcp, msg_at_guard(k, 1), 0));
}

static const char *p_readv(size_t k)
{
    fixture();
    return EFAULTS(readv(tcp, at_guard(iov2, sizeof(iov2), k), 3));
}

static const char *p_writev(size_t k)
{
    fixture();
    return EFAULTS(writev(tcp, at_guard(iov2, sizeof(iov2), k), 3));
}

static struct mmsghdr *mmsg_at_guard(size_t k)
{
    struct mmsghdr v[2];

    memset(v, 0, sizeof(v));
    v[0].msg_hdr.msg_iov = v[1].msg_hdr.msg_iov = iov2;
    v[0].msg_hdr.msg_iovlen = v[1].msg_hdr.msg_iovlen = 1;
    return at_guard(v, sizeof(v), k);
}

static const char *p_recvmmsg(size_t k)
{
    fixture();
    return EFAULTS(recvmmsg(udp, mmsg_at_guard(k), 1, 0, NULL));
}

static const char *p_sendmmsg(size_t k)
{
    fixture();
    if (connect(udp, (struct sockaddr *)&udp_addr, sizeof(udp_addr)))
        return failf("connect failed");
    return EFAULTS(sendmmsg(udp, mmsg_at_guard(k), 1, 0));
}

/* All 1024 descriptors' bits stated, the set cut short within the first
 * word, which the kernel reads whatever the size of its descriptor table
 * (past it, the kernel ignores the bits, and so does the interposer). */
static fd_set *set_at_guard(size_t k)
{
    fd_set s;

    FD_ZERO(&s);
    FD_SET(tcp, &s);
    FD_SET(udp, &s);
    return at_guard(&s, sizeof(s), k);
}

static const char *p_select_read(size_t k)
{
    struct timeval tv = { 0, 0 };

    fixture();
    return EFAULTS(select(FD_SETSIZE, set_at_guard(k), NULL, NULL, &tv));
}

static const char *p_select_write(size_t k)
{
    struct timeval tv = { 0, 0 };

    fixture();
    return EFAULTS(select(FD_SETSIZE, NULL, set_at_guard(k), NULL, &tv));
}

static const char *p_select_timeout(size_t k)
{
    struct timeval tv = { 0, 0 };
    fd_set s;

    fixture();
    FD_ZERO(&s);
    FD_SET(tcp, &s);
    return EFAULTS(select(tcp + 1, &s, NULL, NULL,
                          at_guard(&tv, sizeof(tv), k)));
}

static struct pollfd *fds_at_guard(size_t k)
{
    struct pollfd p[2] = { { tcp, POLLIN, 0 }, { udp, POLLIN, 0 } };

    return at_guard(p, sizeof(p), k);
}

static const char *p_poll(size_t k)
{
    fixture();
    return EFAULTS(poll(fds_at_guard(k), 3, 0));
}

static const char *p_ppoll(size_t k)
{
    struct timespec ts = { 0, 0 };

    fixture();
    return EFAULTS(ppoll(fds_at_guard(k), 3, &ts, NULL));
}

static const char *p_ppoll_timeout(size_t k)
{
    struct pollfd p = { 0, POLLIN, 0 };
    struct timespec ts = { 0, 0 };

    fixture();
    p.fd = tcp;
    return EFAULTS(ppoll(&p, 1, at_guard(&ts, sizeof(ts), k), NULL));
}

static const char *p_ppoll_mask(size_t k)
{
    struct pollfd p = { 0, POLLIN, 0 };
    struct timespec ts = { 0, 0 };
    sigset_t mask;

    fixture();
    p.fd = tcp;
    sigemptyset(&mask);
    return EFAULTS(ppoll(&p, 1, &ts, at_guard(&mask, sizeof(mask), k)));
}

static const char *p_setsockopt_timeout(size_t k)
{
    struct timeval tv = { 1, 0 };

    fixture();
    return EFAULTS(setsockopt(tcp, SOL_SOCKET, SO_RCVTIMEO,
                              at_guard(&tv, sizeof(tv), k), sizeof(tv)));
}

static const char *p_setsockopt_dword(size_t k)
{
    fixture();
    return EFAULTS(setsockopt(tcp, SOL_SOCKET, SO_SNDTIMEO,
                              at_guard(&four, 4, k), 4));
}

static const char *p_setsockopt_oobinline(size_t k)
{
    fixture();
    return EFAULTS(setsockopt(tcp, SOL_SOCKET, SO_OOBINLINE,
                              at_guard(&four, 4, k), 4));
}

static const char *p_getsockopt_error(size_t k)
{
    socklen_t len = 4;

    fixture();
    return EFAULTS(getsockopt(tcp, SOL_SOCKET, SO_ERROR,
                              at_guard(&four, 4, k), &len));
}

static const char *p_getsockopt_error_len(size_t k)
{
    int v;

    fixture();
    return EFAULTS(getsockopt(tcp, SOL_SOCKET, SO_ERROR, &v,
                              at_guard(&len4, sizeof(len4), k)));
}

static const char *p_getsockopt_timeout(size_t k)
{
    socklen_t len = 4;

    fixture();
    return EFAULTS(getsockopt(tcp, SOL_SOCKET, SO_RCVTIMEO,
                              at_guard(&four, 4, k), &len));
}

static const char *p_getsockopt_timeout_len(size_t k)
{
    int v;

    fixture();
    return EFAULTS(getsockopt(tcp, SOL_SOCKET, SO_RCVTIMEO, &v,
                              at_guard(&len4, sizeof(len4), k)));
}

static const char *p_ioctl_fionbio(size_t k)
{
    fixture();
    return EFAULTS(ioctl(tcp, FIONBIO, at_guard(&four, 4, k)));
}

#define P(name, len) { #name, p_##name, len, 0, 0 }
#define PW(name, len) { #name, p_##name, len, 0, 1 }
static const struct probe probes[] = {
    P(connect, sizeof(struct sockaddr_in)),
    PW(recvfrom_len, sizeof(socklen_t)),
    PW(recvfrom_addr, sizeof(struct sockaddr_in)),
    PW(recvmsg_msg, sizeof(struct msghdr)),
    P(recvmsg_iov, 3 * sizeof(struct iovec)),
    P(sendmsg_msg, sizeof(struct msghdr)),
    P(sendmsg_iov, 3 * sizeof(struct iovec)),
    P(readv, 3 * sizeof(struct iovec)),
    P(writev, 3 * sizeof(struct iovec)),
    PW(recvmmsg, sizeof(struct mmsghdr)),
    P(sendmmsg, sizeof(struct mmsghdr)),
    PW(select_read, sizeof(long)),
    PW(select_write, sizeof(long)),
    PW(select_timeout, sizeof(struct timeval)),
    PW(poll, 3 * sizeof(struct pollfd)),
    PW(ppoll, 3 * sizeof(struct pollfd)),
    P(ppoll_timeout, sizeof(struct timespec)),
    P(ppoll_mask, sizeof(sigset_t)),
    P(setsockopt_timeout, sizeof(struct timeval)),
    P(setsockopt_dword, 4),
    P(setsockopt_oobinline, 4),
    PW(getsockopt_error, 4),
    PW(getsockopt_error_len, sizeof(socklen_t)),
    PW(getsockopt_timeout, 4),
    PW(getsockopt_timeout_len, sizeof(socklen_t)),
    P(ioctl_fionbio, sizeof(int)),
};

START_TEST(every_buffer_at_a_guard_page)
{
    struct guard_count c = guard_run("guard (POSIX interposer)", probes,
                                     sizeof(probes) / sizeof(probes[0]),
                                     unharmed);

    ck_assert_int_eq(c.crashes, 0);
    ck_assert_int_eq(c.failures, 0);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("guard_posix");
    TCase *tc = tcase_create("guard_posix");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_buffer_at_a_guard_page);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
