/* One ICMP echo (ping), for the IP Helper's IcmpSendEcho family.  Each
 * echo has a socket of its own, so that echoes in flight at once on one
 * handle never take each other's replies: a ping socket (SOCK_DGRAM,
 * IPPROTO_ICMP: the kernel picks the identifier and hands this socket its
 * replies and, through IP_RECVERR, the errors they drew), or where
 * net.ipv4.ping_group_range forbids those, a raw socket, which sees every
 * ICMP message of the host: the identifier and sequence number pick
 * ours. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/icmp6.h>
#include <linux/errqueue.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>
#include "engine.h"
#include "os.h"
#include "wscompat.h" /* wsc_errno_to_wsa */

enum {
    ECHO_REQUEST4 = 8, ECHO_REPLY4 = 0,
    ECHO_REQUEST6 = 128, ECHO_REPLY6 = 129,
    ICMP_HEADER = 8,
    /* <linux/icmp.h>, whose headers clash with glibc's */
    L_SOL_RAW = 255, L_ICMP_FILTER = 1,
};

/* The sequence numbers of this process's echoes. */
static _Atomic unsigned short next_seq;

/* The negated WSA code of a failed call's errno (never 0). */
static int fail_code(int err)
{
    int code;

    if (err == EACCES || err == EPERM)
        return -WSAEACCES;
    code = wsc_errno_to_wsa(err);
    return code ? -code : -WSAENOBUFS;
}

static int family_proto(int family)
{
    return family == AF_INET6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
}

static int is_error_type(int family, int type)
{
    if (family == AF_INET6)
        return type >= 1 && type <= 4;
    return type == 3 || type == 4 || type == 11 || type == 12;
}

/* A raw socket's filter: echo replies and the errors an echo can draw. */
static void filter_raw(int fd, int family)
{
    if (family == AF_INET6) {
        struct icmp6_filter f;

        ICMP6_FILTER_SETBLOCKALL(&f);
        ICMP6_FILTER_SETPASS(ECHO_REPLY6, &f);
        for (int t = 1; t <= 4; t++)
            ICMP6_FILTER_SETPASS(t, &f);
        wsc_os.setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f, sizeof f);
    } else {
        uint32_t blocked = ~((1u << ECHO_REPLY4) | (1u << 3) | (1u << 4) |
                             (1u << 11) | (1u << 12));

        wsc_os.setsockopt(fd, L_SOL_RAW, L_ICMP_FILTER, &blocked,
                          sizeof blocked);
    }
}

int wsc_e_ping_socket(int family, int *raw)
{
    int proto = family_proto(family), fd, err;

    fd = wsc_os.socket(family, SOCK_DGRAM | SOCK_CLOEXEC, proto);
    if (fd >= 0) {
        *raw = 0;
        return fd;
    }
    err = errno;
    fd = wsc_os.socket(family, SOCK_RAW | SOCK_CLOEXEC, proto);
    if (fd < 0)
        return fail_code(err == EACCES || err == EPERM ? errno : err);
    *raw = 1;
    filter_raw(fd, family);
    return fd;
}

int wsc_e_ping_family(int fd)
{
    int v[2] = { -1, -1 };
    socklen_t n = sizeof v[0];

    if (wsc_os.getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v[0], &n) < 0 ||
        wsc_os.getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v[1], &n) < 0 ||
        (v[0] != AF_INET && v[0] != AF_INET6) ||
        v[1] != family_proto(v[0]))
        v[0] = -1;
    wsc_os.close(fd);
    return v[0];
}

static int set_int(int fd, int level, int name, int v)
{
    return wsc_os.setsockopt(fd, level, name, &v, sizeof v);
}

/* The request's options, and what the replies must tell. */
static int prepare(int fd, int raw, const struct wsc_ping *p)
{
    int v6 = p->dest->sa_family == AF_INET6;
    int ip = v6 ? IPPROTO_IPV6 : IPPROTO_IP;

    if (p->source && wsc_os.bind(fd, p->source, p->source_len) < 0)
        return -1;
    if (p->ttl > 0 &&
        set_int(fd, ip, v6 ? IPV6_UNICAST_HOPS : IP_TTL, p->ttl) < 0)
        return -1;
    if (p->tos > 0 &&
        set_int(fd, ip, v6 ? IPV6_TCLASS : IP_TOS, p->tos) < 0)
        return -1;
    set_int(fd, ip, v6 ? IPV6_MTU_DISCOVER : IP_MTU_DISCOVER,
            p->df ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT);
    set_int(fd, ip, v6 ? IPV6_RECVHOPLIMIT : IP_RECVTTL, 1);
    set_int(fd, ip, v6 ? IPV6_RECVTCLASS : IP_RECVTOS, 1);
    if (!raw)
        set_int(fd, ip, v6 ? IPV6_RECVERR : IP_RECVERR, 1);
    return 0;
}

static uint16_t checksum(const unsigned char *b, size_t n)
{
    uint32_t sum = 0;

    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)b[i] << 8 | b[i + 1];
    if (n & 1)
        sum += (uint32_t)b[n - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

struct echo_id {
    int family, raw;
    uint16_t id, seq; /* network order */
};

static int send_request(int fd, const struct wsc_ping *p,
                        const struct echo_id *me)
{
    unsigned char pkt[ICMP_HEADER + 65536];
    uint16_t sum;

    pkt[0] = me->family == AF_INET6 ? ECHO_REQUEST6 : ECHO_REQUEST4;
    pkt[1] = 0;
    memset(pkt + 2, 0, 2);
    memcpy(pkt + 4, &me->id, 2);
    memcpy(pkt + 6, &me->seq, 2);
    if (p->len)
        memcpy(pkt + ICMP_HEADER, p->data, p->len);
    /* The kernel sums ping sockets' and ICMPv6's itself. */
    if (me->raw && me->family == AF_INET) {
        sum = htons(checksum(pkt, ICMP_HEADER + p->len));
        memcpy(pkt + 2, &sum, 2);
    }
    if (wsc_os.sendto(fd, pkt, ICMP_HEADER + p->len, 0, p->dest,
                      p->dest_len) < 0)
        return -1;
    return 0;
}

/* Whether the ICMP header at h (n bytes) is of our echo and of the type
 * (the reply; or the request we sent, which an error quotes).  A ping
 * socket's identifier is the kernel's. */
static int is_ours(const struct echo_id *me, const unsigned char *h,
                   size_t n, int type)
{
    return n >= ICMP_HEADER && h[0] == type && !memcmp(h + 6, &me->seq, 2) &&
           (!me->raw || !memcmp(h + 4, &me->id, 2));
}

static int request_type(const struct echo_id *me)
{
    return me->family == AF_INET6 ? ECHO_REQUEST6 : ECHO_REQUEST4;
}

/* A message header for one buffer, its source and control data. */
static void one_buffer(struct msghdr *m, struct iovec *iov, void *name,
                       socklen_t namelen, void *ctl, size_t ctllen)
{
    memset(m, 0, sizeof *m);
    m->msg_name = name;
    m->msg_namelen = namelen;
    m->msg_iov = iov;
    m->msg_iovlen = 1;
    m->msg_control = ctl;
    m->msg_controllen = ctllen;
}

static void read_cmsgs(struct msghdr *m, struct wsc_ping_answer *a)
{
    for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c)) {
        int v = 0;

        if (c->cmsg_len < CMSG_LEN(1))
            continue;
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL)
            memcpy(&v, CMSG_DATA(c), sizeof v), a->ttl = v;
        else if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TOS)
            a->tos = *(unsigned char *)CMSG_DATA(c);
        else if (c->cmsg_level == IPPROTO_IPV6 &&
                 c->cmsg_type == IPV6_HOPLIMIT)
            memcpy(&v, CMSG_DATA(c), sizeof v), a->ttl = v;
        else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_TCLASS)
            memcpy(&v, CMSG_DATA(c), sizeof v), a->tos = v;
    }
}

static void copy_data(struct wsc_ping_answer *a, const unsigned char *d,
                      size_t n, void *buf, size_t cap)
{
    a->len = n < cap ? n : cap;
    if (a->len)
        memcpy(buf, d, a->len);
}

/* One message from the socket: 1 when it ends the echo (*a filled), 0
 * when it is somebody else's, -1 on failure (errno). */
static int take_answer(int fd, const struct echo_id *me, void *buf,
                       size_t cap, struct wsc_ping_answer *a)
{
    unsigned char pkt[65536 + 128], ctl[256];
    struct iovec iov = { pkt, sizeof pkt };
    struct msghdr m;
    const unsigned char *h = pkt;
    ssize_t n;

    one_buffer(&m, &iov, &a->from, sizeof a->from, ctl, sizeof ctl);
    n = wsc_os.recvmsg(fd, &m, MSG_DONTWAIT);
    if (n < 0)
        return errno == EAGAIN || errno == EINTR ? 0 : -1;
    a->ttl = a->tos = -1;
    a->df = 0;
    if (me->raw && me->family == AF_INET) {
        size_t ihl;

        if (n < 20 || (ihl = (size_t)(pkt[0] & 15) * 4) < 20 ||
            (size_t)n < ihl + ICMP_HEADER)
            return 0;
        a->tos = pkt[1];
        a->df = (pkt[6] & 0x40) != 0;
        a->ttl = pkt[8];
        h += ihl;
        n -= (ssize_t)ihl;
    } else {
        read_cmsgs(&m, a);
    }
    if (n < ICMP_HEADER)
        return 0;
    a->type = h[0];
    a->code = h[1];
    if (h[0] == (me->family == AF_INET6 ? ECHO_REPLY6 : ECHO_REPLY4)) {
        if (!is_ours(me, h, (size_t)n, h[0]))
            return 0;
        a->end = WSC_PING_REPLY;
        copy_data(a, h + ICMP_HEADER, (size_t)n - ICMP_HEADER, buf, cap);
        return 1;
    }
    if (!is_error_type(me->family, h[0]))
        return 0;
    /* An error quotes the IP header of what drew it, then its ICMP
     * header. */
    {
        const unsigned char *q = h + ICMP_HEADER;
        size_t left = (size_t)n - ICMP_HEADER, skip;

        if (me->family == AF_INET6)
            skip = 40;
        else if (left < 20 || (skip = (size_t)(q[0] & 15) * 4) < 20)
            return 0;
        if (left < skip ||
            !is_ours(me, q + skip, left - skip, request_type(me)))
            return 0;
    }
    a->end = WSC_PING_ERROR;
    a->len = 0;
    return 1;
}

/* A ping socket's error, from its error queue: 1 with *a filled, 0 when
 * it is not about our echo, -1 on failure. */
static int take_error(int fd, const struct echo_id *me,
                      struct wsc_ping_answer *a)
{
    unsigned char pkt[ICMP_HEADER + 64], ctl[512];
    struct iovec iov = { pkt, sizeof pkt };
    struct msghdr m;
    struct sockaddr_storage peer;
    ssize_t n;

    one_buffer(&m, &iov, &peer, sizeof peer, ctl, sizeof ctl);
    n = wsc_os.recvmsg(fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT);
    if (n < 0)
        return errno == EAGAIN || errno == EINTR ? 0 : -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        struct sock_extended_err ee;
        const struct sockaddr *off;

        if ((c->cmsg_level != IPPROTO_IP || c->cmsg_type != IP_RECVERR) &&
            (c->cmsg_level != IPPROTO_IPV6 || c->cmsg_type != IPV6_RECVERR))
            continue;
        memcpy(&ee, CMSG_DATA(c), sizeof ee);
        if (ee.ee_origin != SO_EE_ORIGIN_ICMP &&
            ee.ee_origin != SO_EE_ORIGIN_ICMP6)
            continue;
        if (!is_ours(me, pkt, (size_t)n, request_type(me)))
            return 0;
        off = (const struct sockaddr *)(CMSG_DATA(c) + sizeof ee);
        memset(&a->from, 0, sizeof a->from);
        memcpy(&a->from, off, off->sa_family == AF_INET6
                                  ? sizeof(struct sockaddr_in6)
                                  : sizeof(struct sockaddr_in));
        a->type = ee.ee_type;
        a->code = ee.ee_code;
        a->ttl = a->tos = -1;
        a->df = 0;
        a->len = 0;
        a->end = WSC_PING_ERROR;
        return 1;
    }
    return 0;
}

/* Waits for the answer until the deadline: 0 (*a filled), -1 (errno). */
static int await_answer(int fd, const struct echo_id *me, int64_t start,
                        int64_t deadline, void *buf, size_t cap,
                        struct wsc_ping_answer *a)
{
    for (;;) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        int r, left = wsc_ms_left(deadline);

        r = wsc_os.poll(&pfd, 1, left);
        if (r < 0 && errno != EINTR)
            return -1;
        if (r > 0 && (pfd.revents & POLLERR) && !me->raw)
            r = take_error(fd, me, a);
        else if (r > 0)
            r = take_answer(fd, me, buf, cap, a);
        if (r < 0)
            return -1;
        if (r > 0) {
            a->rtt_ms = (unsigned)(wsc_now_ms() - start);
            return 0;
        }
        if (left == 0 && wsc_now_ms() >= deadline) {
            a->end = WSC_PING_TIMEOUT;
            a->rtt_ms = 0;
            a->len = 0;
            return 0;
        }
    }
}

int wsc_e_ping(const struct wsc_ping *p, void *buf, size_t cap,
               struct wsc_ping_answer *a)
{
    struct echo_id me;
    int fd, err = 0;
    int64_t start;
    unsigned short seq = atomic_fetch_add(&next_seq, 1);

    if (p->len > 65500)
        return -WSAEMSGSIZE;
    me.family = p->dest->sa_family;
    fd = wsc_e_ping_socket(me.family, &me.raw);
    if (fd < 0)
        return fd;
    me.id = htons((uint16_t)(getpid() ^ (seq >> 3 << 8)));
    me.seq = htons(seq);
    memset(a, 0, sizeof *a);
    start = wsc_now_ms();
    if (prepare(fd, me.raw, p) < 0 || send_request(fd, p, &me) < 0 ||
        await_answer(fd, &me, start, start + p->timeout_ms, buf, cap, a) < 0)
        err = errno;
    wsc_os.close(fd);
    return err ? fail_code(err) : 0;
}
