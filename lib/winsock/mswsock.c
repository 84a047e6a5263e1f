/* The mswsock extensions (AcceptEx, GetAcceptExSockaddrs, ConnectEx,
 * DisconnectEx) and WSAIoctl, which hands out their pointers. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ws.h"
#include "mswsock.h"
#include "mstcpip.h"
#include "overlapped.h"
#include "ws2ipdef.h"
#include "iflist.h"

/* A BOOL-returning extension's end: TRUE, or FALSE with the last error
 * (ERROR_IO_PENDING for an operation under way). */
static BOOL ext_leave(struct wsc_sock *e, long r)
{
    wsc_leave(e, r);
    return r < 0 ? FALSE : TRUE;
}

/* ---- AcceptEx ------------------------------------------------------------ */

/* Each address as GetAcceptExSockaddrs reads it: its length, then the
 * address, in a region of the size the caller gave. */
static int put_addr(char *region, DWORD size, const void *sa, socklen_t len)
{
    int n = (int)len;

    if (size == 0)
        return 0;
    if (size < sizeof(int) + len)
        return -WSAEFAULT;
    if (wsc_copy_out(region, &n, sizeof(n)) ||
        wsc_copy_out(region + sizeof(int), sa, len))
        return -WSAEFAULT;
    return 0;
}

static void accept_finish(struct ws_op *op)
{
    struct wsc_sock *acc;
    struct sockaddr_storage local;
    socklen_t len = sizeof(local);
    char *p = op->abuf + op->rxlen;
    int r;

    if (!op->aop.accepted || (op->aop.res < 0 && op->aop.res != -WSAEMSGSIZE))
        return;
    acc = wsc_ref(op->aop.acceptor_fd);
    if (!acc || wsc_e_getname(acc, 0, (struct sockaddr *)&local, &len) < 0)
        len = 0;
    if (acc)
        wsc_release(acc);
    r = put_addr(p, op->llen, &local, len);
    if (r == 0)
        r = put_addr(p + op->llen, op->rlen, &op->aop.addr, op->aop.addrlen);
    if (r < 0)
        op->aop.res = r;
}

static long accept_ex(struct wsc_sock *l, struct wsc_sock *a, PVOID buf,
                      DWORD rxlen, DWORD llen, DWORD rlen, LPDWORD received,
                      LPOVERLAPPED ov)
{
    struct ws_op *op;
    int r;

    if (!(wsc_flags(l) & WSC_F_LISTENING))
        return -WSAEINVAL;
    if ((r = wsc_async_acceptor_ok(a)) < 0)
        return r;
    if (wsc_bad_ptr(buf) || rlen == 0)
        return -WSAEFAULT;
    if (!(op = ws_op_new(ov, NULL)))
        return -WSAENOBUFS;
    op->aop.kind = WSC_AOP_ACCEPT;
    /* Windows' AcceptEx pends even with a connection waiting (a deferred
     * one too, row MX10) and completes through the OVERLAPPED. */
    op->aop.always_pend = 1;
    op->aop.acceptor_fd = a->fd;
    op->aop.acceptor_gen = atomic_load(&a->gen);
    op->aop.first_data = rxlen;
    op->aop.niov = 1;
    op->aop.iov[0].iov_base = buf;
    op->aop.iov[0].iov_len = rxlen;
    op->abuf = buf;
    op->rxlen = rxlen;
    op->llen = llen;
    op->rlen = rlen;
    op->finish = accept_finish;
    return ws_op_submit(l, op, received);
}

BOOL wsc_AcceptEx(SOCKET listener, SOCKET acceptor, PVOID buf, DWORD rxlen,
                  DWORD llen, DWORD rlen, LPDWORD received, LPOVERLAPPED ov)
{
    struct wsc_sock *l, *a;
    long r;

    /* Marked pending before either socket is looked at (wine's
     * test_AcceptEx: a listener of INVALID_SOCKET leaves STATUS_PENDING). */
    if (!wsc_bad_ptr(ov))
        ov->Internal = STATUS_PENDING;
    if (!(l = wsc_enter(listener)))
        return FALSE;
    if (!(a = wsc_enter(acceptor)))
        return ext_leave(l, -WSAENOTSOCK);
    wsc_async_call_begin(l);
    if (wsc_bad_ptr(ov))
        r = -ERROR_INVALID_PARAMETER;
    else
        r = accept_ex(l, a, buf, rxlen, llen, rlen, received, ov);
    wsc_async_call_end(l);
    wsc_release(a);
    return ext_leave(l, r);
}

void wsc_GetAcceptExSockaddrs(PVOID buf, DWORD rxlen, DWORD llen, DWORD rlen,
                              struct sockaddr **local, LPINT locallen,
                              struct sockaddr **remote, LPINT remotelen)
{
    char *p = (char *)buf + rxlen;
    int n = 0;

    if (!buf)
        return;
    if (llen >= sizeof(int))
        memcpy(&n, p, sizeof(n));
    if (local)
        *local = llen >= sizeof(int) ? (struct sockaddr *)(p + sizeof(int))
                                     : NULL;
    if (locallen)
        *locallen = n;
    p += llen;
    n = 0;
    if (rlen >= sizeof(int))
        memcpy(&n, p, sizeof(n));
    if (remote)
        *remote = rlen >= sizeof(int) ? (struct sockaddr *)(p + sizeof(int))
                                      : NULL;
    if (remotelen)
        *remotelen = n;
}

/* ---- ConnectEx, DisconnectEx -------------------------------------------- */

static long connect_ex(struct wsc_sock *e, const struct sockaddr *name,
                       int namelen, PVOID sendbuf, DWORD sendlen,
                       LPDWORD sent, LPOVERLAPPED ov)
{
    uint32_t f = wsc_flags(e);
    struct ws_op *op;

    if (wsc_bad_ptr(ov))
        return -ERROR_INVALID_PARAMETER;
    /* Windows marks the OVERLAPPED pending before it looks at the call
     * (wine's test_connect: a refused ConnectEx leaves STATUS_PENDING). */
    ov->Internal = STATUS_PENDING;
    /* Connected, by a ConnectEx that completed too: WSAEISCONN (wine's
     * test_connect); one still under way is WSAEINVAL below. */
    if (wsc_e_has_peer(e))
        return -WSAEISCONN;
    /* A ConnectEx that has completed counts as pending until
     * SO_UPDATE_CONNECT_CONTEXT (row MX18), however fast loopback is. */
    if (e->type != SOCK_STREAM ||
        (f & (WSC_F_LISTENING | WSC_F_CONNECTING | WSC_F_ACONNECT |
              WSC_F_ACCEPTING | WSC_F_CONNECTEX)))
        return -WSAEINVAL;
    if (!wsc_e_known_bound(e))
        return -WSAEINVAL;
    if (wsc_bad_ptr(name) || namelen < wsc_addr_size(e->family))
        return -WSAEFAULT;
    if (sendlen && wsc_bad_ptr(sendbuf))
        return -WSAEFAULT;
    if (!(op = ws_op_new(ov, NULL)))
        return -WSAENOBUFS;
    if (wsc_copy_addr(&op->aop.addr, name, (size_t)namelen)) {
        ws_op_free(op);
        return -WSAEFAULT;
    }
    op->aop.addrlen = (socklen_t)namelen;
    op->aop.kind = WSC_AOP_CONNECT;
    op->aop.always_pend = 1;
    op->aop.niov = 1;
    op->aop.iov[0].iov_base = sendbuf;
    op->aop.iov[0].iov_len = sendlen;
    return ws_op_submit(e, op, sent);
}

static BOOL PASCAL ConnectEx_impl(SOCKET s, const struct sockaddr *name,
                                  int namelen, PVOID sendbuf, DWORD sendlen,
                                  LPDWORD sent, LPOVERLAPPED ov)
{
    struct wsc_sock *e = wsc_enter(s);

    long r;

    if (!e)
        return FALSE;
    wsc_async_call_begin(e);
    r = connect_ex(e, name, namelen, sendbuf, sendlen, sent, ov);
    wsc_async_call_end(e);
    return ext_leave(e, r);
}

static BOOL PASCAL DisconnectEx_impl(SOCKET s, LPOVERLAPPED ov, DWORD flags,
                                     DWORD reserved)
{
    struct wsc_sock *e = wsc_enter(s);
    struct ws_op *op;
    long r;

    if (!e)
        return FALSE;
    if (reserved || (flags & ~(DWORD)TF_REUSE_SOCKET))
        return ext_leave(e, -WSAEINVAL);
    if (!wsc_e_has_peer(e))
        return ext_leave(e, -WSAENOTCONN);
    r = wsc_e_shutdown(e, SHUT_WR);
    if (r == 0 && (flags & TF_REUSE_SOCKET))
        r = wsc_async_renew(e);
    if (r < 0 || wsc_bad_ptr(ov))
        return ext_leave(e, r);
    if (!(op = ws_op_new(ov, NULL)))
        return ext_leave(e, -WSAENOBUFS);
    ov->Internal = STATUS_PENDING;
    return ext_leave(e, ws_op_complete_now(e, op, 0, NULL, 1));
}

/* ---- TransmitFile ------------------------------------------------------------ */

/* The end of TransmitFile and TransmitPackets: the disconnect or reuse
 * asked for (TP_ flags are TF_ flags), then the call's result; with an
 * OVERLAPPED the completion of a call that went pending. */
static BOOL transmit_end(struct wsc_sock *e, long r, DWORD flags,
                         LPOVERLAPPED ov)
{
    struct ws_op *op;

    if (r >= 0 && (flags & (TF_DISCONNECT | TF_REUSE_SOCKET)))
        wsc_e_shutdown(e, SHUT_WR);
    if (r >= 0 && (flags & TF_REUSE_SOCKET) && wsc_async_renew(e) < 0)
        r = -WSAENOBUFS;
    if (!ov || r < 0)
        return ext_leave(e, r < 0 ? r : 0);
    if (!(op = ws_op_new(ov, NULL)))
        return ext_leave(e, -WSAENOBUFS);
    ov->Internal = STATUS_PENDING;
    return ext_leave(e, ws_op_complete_now(e, op, r, NULL, 1));
}

/* Head, file, tail, sent whole before the call returns (the overlapped
 * form then reports its completion). */
static long transmit(struct wsc_sock *e, HANDLE file, DWORD bytes,
                     LPOVERLAPPED ov, LPTRANSMIT_FILE_BUFFERS tb)
{
    TRANSMIT_FILE_BUFFERS t = { 0 };
    long total = 0, r = 0;
    int64_t offset = -1;
    int fd;

    if (tb && (wsc_bad_ptr(tb) || wsc_copy_in(&t, tb, sizeof(t))))
        return -WSAEFAULT;
    if ((t.HeadLength && wsc_bad_ptr(t.Head)) ||
        (t.TailLength && wsc_bad_ptr(t.Tail)))
        return -WSAEFAULT;
    if (ov)
        offset = (int64_t)ov->Offset | (int64_t)ov->OffsetHigh << 32;
    if (t.HeadLength && (r = wsc_e_send_all(e, t.Head, t.HeadLength)) < 0)
        return r;
    total += r;
    if (file) {
        if ((fd = wsc_w32_file_dup(file)) < 0)
            return -WSAEINVAL;
        r = wsc_e_transmit(e, fd, offset, bytes);
        close(fd);
        if (r < 0)
            return r;
        total += r;
    }
    if (t.TailLength && (r = wsc_e_send_all(e, t.Tail, t.TailLength)) < 0)
        return r;
    return total + (t.TailLength ? r : 0);
}

BOOL wsc_TransmitFile(SOCKET s, HANDLE file, DWORD bytes, DWORD per_send,
                      LPOVERLAPPED ov, LPTRANSMIT_FILE_BUFFERS tb, DWORD flags)
{
    struct wsc_sock *e = wsc_enter(s);
    long r;

    (void)per_send;
    if (!e)
        return FALSE;
    if (e->type != SOCK_STREAM ||
        !wsc_e_has_peer(e))
        return ext_leave(e, -WSAENOTCONN);
    if (ov && wsc_bad_ptr(ov))
        return ext_leave(e, -WSAEFAULT);
    r = transmit(e, file, bytes, ov, tb);
    return transmit_end(e, r, flags, ov);
}

/* TransmitPackets: each element, memory or a file's part, sent whole in
 * order before the call returns. */
static long transmit_element(struct wsc_sock *e, const TRANSMIT_PACKETS_ELEMENT *el)
{
    long r;
    int fd;

    if (el->dwElFlags & TP_ELEMENT_MEMORY) {
        if (el->cLength && wsc_bad_ptr(el->pBuffer))
            return -WSAEFAULT;
        return el->cLength ? wsc_e_send_all(e, el->pBuffer, el->cLength) : 0;
    }
    if (el->dwElFlags & TP_ELEMENT_FILE) {
        if ((fd = wsc_w32_file_dup(el->hFile)) < 0)
            return -WSAEINVAL;
        r = wsc_e_transmit(e, fd, el->nFileOffset.QuadPart, el->cLength);
        close(fd);
        return r;
    }
    return 0;
}

static BOOL PASCAL TransmitPackets_impl(SOCKET s,
                                        LPTRANSMIT_PACKETS_ELEMENT els,
                                        DWORD count, DWORD per_send,
                                        LPOVERLAPPED ov, DWORD flags)
{
    struct wsc_sock *e = wsc_enter(s);
    TRANSMIT_PACKETS_ELEMENT el;
    long r = 0, total = 0;
    DWORD i;

    (void)per_send;
    if (!e)
        return FALSE;
    if (e->type == SOCK_STREAM &&
        !wsc_e_has_peer(e))
        return ext_leave(e, -WSAENOTCONN);
    if ((count && wsc_bad_ptr(els)) || (ov && wsc_bad_ptr(ov)))
        return ext_leave(e, -WSAEFAULT);
    for (i = 0; i < count && r >= 0; i++) {
        if (wsc_copy_in(&el, els + i, sizeof(el)))
            r = -WSAEFAULT;
        else if ((r = transmit_element(e, &el)) >= 0)
            total += r;
    }
    return transmit_end(e, r < 0 ? r : total, flags, ov);
}

/* ---- WSAIoctl ------------------------------------------------------------- */

static const struct {
    GUID id;
    void *fn;
} extensions[] = {
    { WSAID_ACCEPTEX, (void *)wsc_AcceptEx },
    { WSAID_GETACCEPTEXSOCKADDRS, (void *)wsc_GetAcceptExSockaddrs },
    { WSAID_CONNECTEX, (void *)ConnectEx_impl },
    { WSAID_DISCONNECTEX, (void *)DisconnectEx_impl },
    { WSAID_WSASENDMSG, (void *)wsc_WSASendMsg },
    { WSAID_WSARECVMSG, (void *)ws_recvmsg_ext },
    { WSAID_TRANSMITPACKETS, (void *)TransmitPackets_impl },
    { WSAID_TRANSMITFILE, (void *)wsc_TransmitFile },
};

static long get_extension(const void *in, DWORD inlen, void *out,
                          DWORD outlen, DWORD *size)
{
    GUID g;
    size_t i;

    if (inlen < sizeof(GUID) || wsc_bad_ptr(in) ||
        wsc_copy_in(&g, in, sizeof(g)))
        return -WSAEFAULT;
    for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
        if (memcmp(&g, &extensions[i].id, sizeof(g)))
            continue;
        if (outlen < sizeof(void *) || wsc_bad_ptr(out))
            return -WSAEFAULT;
        *size = sizeof(void *);
        return wsc_copy_out(out, &extensions[i].fn, sizeof(void *));
    }
    return -WSAEINVAL;
}

static long keepalive_vals(struct wsc_sock *e, const void *in, DWORD inlen,
                           DWORD *size)
{
    struct tcp_keepalive k;
    long r;

    /* (No input at all says 0 bytes, wine's test_keepalive_vals; a short
     * one leaves the count as it was, its test_WSAIoctl.) */
    if (inlen < sizeof(k) || wsc_bad_ptr(in) || wsc_copy_in(&k, in, sizeof(k))) {
        if (!inlen || !in)
            *size = 0;
        return -WSAEFAULT;
    }
    r = wsc_e_setopt_int(e, L_SOL_SOCKET, L_SO_KEEPALIVE, k.onoff != 0);
    if (r == 0 && k.onoff && e->type == SOCK_STREAM) {
        /* Milliseconds on Windows, whole seconds on Linux (at least 1). */
        int idle = k.keepalivetime ? (int)((k.keepalivetime + 999) / 1000) : 1;
        int intvl = k.keepaliveinterval
                        ? (int)((k.keepaliveinterval + 999) / 1000) : 1;

        r = wsc_e_setopt_int(e, IPPROTO_TCP, L_TCP_KEEPIDLE, idle);
        if (r == 0)
            r = wsc_e_setopt_int(e, IPPROTO_TCP, L_TCP_KEEPINTVL, intvl);
    }
    return r;
}

/* SIO_GET_INTERFACE_LIST: every entry, or -WSAEFAULT without room. */
static long interface_list(void *out, DWORD outlen, DWORD *size)
{
    struct ws_iface f[64];
    INTERFACE_INFO ii;
    struct sockaddr_in *a;
    int n = ws_ipv4_interfaces(f, 64), i;

    *size = 0; /* a failure too (wine's test_get_interface_list) */
    if (n < 0)
        return -WSAENOBUFS;
    if (n > 64)
        n = 64;
    if (wsc_bad_ptr(out) || outlen < (DWORD)n * sizeof(ii))
        return -WSAEFAULT;
    for (i = 0; i < n; i++) {
        memset(&ii, 0, sizeof(ii));
        ii.iiFlags = f[i].flags;
        a = &ii.iiAddress.AddressIn;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = f[i].addr;
        a = &ii.iiBroadcastAddress.AddressIn;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = f[i].bcast;
        a = &ii.iiNetmask.AddressIn;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = f[i].mask;
        if (wsc_copy_out((char *)out + (size_t)i * sizeof(ii), &ii, sizeof(ii)))
            return -WSAEFAULT;
    }
    *size = (DWORD)n * sizeof(ii);
    return 0;
}

/* SIO_ADDRESS_LIST_QUERY: a SOCKET_ADDRESS_LIST of the socket's family,
 * the addresses after the array; without room -WSAEFAULT, *size the
 * room needed. */
static long address_list(struct wsc_sock *e, void *out, DWORD outlen,
                         DWORD *size)
{
    struct sockaddr_storage a[32];
    char buf[offsetof(SOCKET_ADDRESS_LIST, Address) +
             32 * (sizeof(SOCKET_ADDRESS) + sizeof(struct sockaddr_in6))];
    SOCKET_ADDRESS_LIST *list = (SOCKET_ADDRESS_LIST *)(void *)buf;
    int n = ws_interface_addresses(e->family, a, 32), i;
    int len = wsc_addr_size(e->family);
    size_t head, need;
    char *addrs;

    /* Room for less than the count: WSAEINVAL and 0 bytes (wine's
     * test_address_list_query); none at all, or no more than the count,
     * WSAEFAULT with the size needed. */
    if (outlen > 0 && outlen < offsetof(SOCKET_ADDRESS_LIST, Address)) {
        *size = 0;
        return -WSAEINVAL;
    }
    if (n < 0)
        return -WSAENOBUFS;
    if (n > 32)
        n = 32;
    head = offsetof(SOCKET_ADDRESS_LIST, Address) +
           (size_t)n * sizeof(SOCKET_ADDRESS);
    need = head + (size_t)n * (size_t)len;
    *size = (DWORD)need;
    if (outlen < need || wsc_bad_ptr(out))
        return -WSAEFAULT;
    memset(buf, 0, sizeof(buf));
    list->iAddressCount = n;
    addrs = (char *)out + head;
    for (i = 0; i < n; i++) {
        list->Address[i].lpSockaddr = (LPSOCKADDR)(void *)(addrs + i * len);
        list->Address[i].iSockaddrLength = len;
        memcpy(buf + head + (size_t)i * (size_t)len, &a[i], (size_t)len);
    }
    return wsc_copy_out(out, buf, need);
}

/* SIO_ROUTING_INTERFACE_QUERY: the local address that reaches the given
 * one, port 0. */
static long routing_interface(struct wsc_sock *e, const void *in,
                              DWORD inlen, void *out, DWORD outlen,
                              DWORD *size)
{
    struct sockaddr_storage dst, src;
    socklen_t slen = sizeof(src);
    int len = wsc_addr_size(e->family);
    long r;

    /* wine's test_sioRoutingInterfaceQuery: no address or a short one
     * WSAEINVAL (no input at all WSAEFAULT, row IC2), family 0
     * WSAEAFNOSUPPORT, the wildcard WSAEINVAL; too little room WSAEFAULT
     * with the size needed, no room at all WSAEFAULT alone. */
    if (!in && inlen == 0)
        return -WSAEFAULT;
    if (!in || inlen < (DWORD)len)
        return -WSAEINVAL;
    memset(&dst, 0, sizeof(dst));
    if (wsc_bad_ptr(in) || wsc_copy_in(&dst, in, (size_t)len))
        return -WSAEFAULT;
    if (dst.ss_family == AF_UNSPEC)
        return -WSAEAFNOSUPPORT;
    if (dst.ss_family != e->family)
        return -WSAEINVAL;
    if (dst.ss_family == AF_INET &&
        ((struct sockaddr_in *)&dst)->sin_addr.s_addr == 0)
        return -WSAEINVAL;
    if (wsc_bad_ptr(out))
        return -WSAEFAULT;
    if (outlen < (DWORD)len) {
        *size = (DWORD)len;
        return -WSAEFAULT;
    }
    r = wsc_e_route_source((struct sockaddr *)&dst, (socklen_t)len,
                           (struct sockaddr *)&src, &slen);
    if (r < 0)
        return r;
    ((struct sockaddr_in *)&src)->sin_port = 0; /* sin6_port alike */
    *size = (DWORD)len;
    return wsc_copy_out(out, &src, (size_t)len);
}

/* SIO_TCP_INFO: a DWORD version in (0 or 1), TCP_INFO_v0 or TCP_INFO_v1
 * out, whose first part is v0.  Microsoft's page: no input or an input
 * of another size WSAEMSGSIZE; an unknown version, a socket that is not
 * TCP or too little room WSAEINVAL (and 0 bytes returned). */
_Static_assert(offsetof(TCP_INFO_v1, SndLimTransRwin) == sizeof(TCP_INFO_v0),
               "TCP_INFO_v1 begins with TCP_INFO_v0");

static long tcp_info(struct wsc_sock *e, const void *in, DWORD inlen,
                     void *out, DWORD outlen, DWORD *size)
{
    struct wsc_tcp_stats st;
    TCP_INFO_v1 v;
    DWORD version = 0;
    size_t need;
    long r;

    if (!in || inlen != sizeof(version))
        return -WSAEMSGSIZE;
    if (wsc_bad_ptr(in) || wsc_copy_in(&version, in, sizeof(version)))
        return -WSAEFAULT;
    *size = 0; /* the WSAEINVALs below */
    if (version > 1 || e->type != SOCK_STREAM)
        return -WSAEINVAL;
    need = version ? sizeof(TCP_INFO_v1) : sizeof(TCP_INFO_v0);
    if (outlen < need)
        return -WSAEINVAL;
    if (wsc_bad_ptr(out))
        return -WSAEFAULT;
    if ((r = wsc_e_tcp_stats(e, &st)) < 0)
        return r;
    memset(&v, 0, sizeof(v));
    v.State = (TCPSTATE)st.state;
    v.Mss = st.mss;
    v.ConnectionTimeMs = st.connection_ms;
    v.TimestampsEnabled = (BOOLEAN)st.timestamps;
    v.RttUs = st.rtt_us;
    v.MinRttUs = st.min_rtt_us;
    v.BytesInFlight = st.in_flight;
    v.Cwnd = st.cwnd;
    v.SndWnd = st.snd_wnd;
    v.RcvWnd = st.rcv_wnd;
    v.RcvBuf = st.rcv_buf;
    v.BytesOut = st.bytes_out;
    v.BytesIn = st.bytes_in;
    v.BytesReordered = st.bytes_reordered;
    v.BytesRetrans = st.bytes_retrans;
    v.FastRetrans = st.fast_retrans;
    v.DupAcksIn = st.dup_acks_in;
    v.TimeoutEpisodes = st.timeout_episodes;
    v.SynRetrans = (UCHAR)(st.syn_retrans > 255 ? 255 : st.syn_retrans);
    v.SndLimTimeRwin = st.lim_time_rwnd;
    v.SndLimTimeCwnd = st.lim_time_cwnd;
    v.SndLimTimeSnd = st.lim_time_snd;
    *size = (DWORD)need;
    return wsc_copy_out(out, &v, need);
}

static long put_ulong(void *out, DWORD outlen, u_long v, DWORD *size)
{
    if (outlen < sizeof(v) || wsc_bad_ptr(out))
        return -WSAEFAULT;
    *size = sizeof(v);
    return wsc_copy_out(out, &v, sizeof(v));
}

/* SIO_ADDRESS_LIST_SORT: the caller's SOCKET_ADDRESS_LIST in the order
 * Windows' RFC 3484 sort would give.  The order is left as it is (a
 * permutation Windows might also choose when it has no preference);
 * the list is checked and, if out is another buffer, copied there. */
static long address_list_sort(const void *in, DWORD inlen, void *out,
                              DWORD outlen, DWORD *size)
{
    const size_t head = offsetof(SOCKET_ADDRESS_LIST, Address);
    SOCKET_ADDRESS_LIST l;
    size_t need;
    char *buf;
    long r;

    if (!in || inlen < head || wsc_bad_ptr(in) ||
        wsc_copy_in(&l, in, head))
        return -WSAEFAULT;
    if (l.iAddressCount < 0 ||
        (size_t)l.iAddressCount > (inlen - head) / sizeof(SOCKET_ADDRESS))
        return -WSAEINVAL;
    need = head + (size_t)l.iAddressCount * sizeof(SOCKET_ADDRESS);
    if (!out || outlen < need || wsc_bad_ptr(out))
        return -WSAEFAULT;
    *size = (DWORD)need;
    if (out == in)
        return 0;
    if (!(buf = malloc(need)))
        return -WSAENOBUFS;
    r = wsc_copy_in(buf, in, need) ? -WSAEFAULT : wsc_copy_out(out, buf, need);
    free(buf);
    return r;
}

/* *size of a failure that leaves the caller's *lpcbBytesReturned as it
 * was (wine's tests: FIONREAD, an unknown extension,
 * SIO_ROUTING_INTERFACE_QUERY); a code that reports a size on failure
 * sets it (SIO_KEEPALIVE_VALS without any input: 0). */
#define SIZE_UNTOUCHED 0xffffffffu

/* A control code done at once: its result, *size the bytes written;
 * -WSAEOPNOTSUPP for the ones not known. */
static long ioctl_now(struct wsc_sock *e, SOCKET s, DWORD code,
                      const void *in, DWORD inlen, void *out, DWORD outlen,
                      DWORD *size)
{
    u_long v;

    *size = SIZE_UNTOUCHED;
    switch (code) {
    case SIO_GET_EXTENSION_FUNCTION_POINTER:
        return get_extension(in, inlen, out, outlen, size);
    case (DWORD)FIONBIO:
        if (inlen < sizeof(v) || wsc_bad_ptr(in) ||
            wsc_copy_in(&v, in, sizeof(v)))
            return -WSAEFAULT;
        return wsc_e_set_nonblock(e, v != 0);
    case (DWORD)FIONREAD:
        return put_ulong(out, outlen, (u_long)wsc_e_bytes_readable(e), size);
    case (DWORD)SIOCATMARK:
        return put_ulong(out, outlen, (u_long)wsc_e_at_mark(e), size);
    case SIO_KEEPALIVE_VALS:
        return keepalive_vals(e, in, inlen, size);
    case SIO_LOOPBACK_FAST_PATH:
        if (inlen < sizeof(int) || wsc_bad_ptr(in))
            return -WSAEFAULT;
        return e->type == SOCK_STREAM ? 0 : -WSAEOPNOTSUPP;
    case SIO_BASE_HANDLE:
        if (outlen < sizeof(SOCKET) || wsc_bad_ptr(out))
            return -WSAEFAULT;
        *size = sizeof(SOCKET);
        return wsc_copy_out(out, &s, sizeof(s));
    case SIO_GET_INTERFACE_LIST:
        return interface_list(out, outlen, size);
    case SIO_ADDRESS_LIST_QUERY:
        return address_list(e, out, outlen, size);
    case SIO_ROUTING_INTERFACE_QUERY:
        return routing_interface(e, in, inlen, out, outlen, size);
    case SIO_ADDRESS_LIST_SORT:
        return address_list_sort(in, inlen, out, outlen, size);
    case SIO_TCP_INFO:
        return tcp_info(e, in, inlen, out, outlen, size);
    case SIO_ENABLE_CIRCULAR_QUEUEING:
        /* A datagram socket's (wine's test_circular_queueing): Linux
         * drops the newest datagram of a full queue, Windows with this
         * the oldest; taken, and the kernel's order kept. */
        return e->type == SOCK_STREAM ? -WSAEOPNOTSUPP : 0;
    case SIO_UDP_CONNRESET:
        if (inlen < sizeof(BOOL) || wsc_bad_ptr(in) ||
            wsc_copy_in(&v, in, sizeof(BOOL)))
            return -WSAEFAULT;
        if (e->type != SOCK_DGRAM)
            return -WSAEINVAL;
        wsc_e_set_udp_connreset(e, v != 0);
        return 0;
    case SIO_IDEAL_SEND_BACKLOG_QUERY:
        if (e->type != SOCK_STREAM)
            return -WSAEOPNOTSUPP;
        if (!wsc_e_has_peer(e))
            return -WSAENOTCONN;
        return put_ulong(out, outlen, 0x10000, size);
    }
    *size = 0; /* an unknown code says 0 bytes (row KA10) */
    return -WSAEOPNOTSUPP;
}

/* Codes that with an OVERLAPPED report completion as a pending call
 * would, though they are done at once (rows CP19, CP20). */
static int pends(DWORD code)
{
    return code == SIO_GET_INTERFACE_LIST;
}

static long backlog_change_wait(struct wsc_sock *e, LPWSAOVERLAPPED ov,
                                LPWSAOVERLAPPED_COMPLETION_ROUTINE cr,
                                LPDWORD returned)
{
    struct ws_op *op;

    if (wsc_bad_ptr(ov))
        return -WSAEFAULT;
    if (!(op = ws_op_new(ov, cr)))
        return -WSAENOBUFS;
    op->aop.kind = WSC_AOP_NOTIFY;
    return ws_op_submit(e, op, returned);
}

int ws_WSAIoctl(SOCKET s, DWORD code, LPVOID in, DWORD inlen, LPVOID out,
                DWORD outlen, LPDWORD returned, LPWSAOVERLAPPED ov,
                LPWSAOVERLAPPED_COMPLETION_ROUTINE cr)
{
    struct wsc_sock *e = wsc_enter(s);
    struct ws_op *op;
    DWORD size = 0;
    int wrote = 0;
    long r;

    if (!e)
        return SOCKET_ERROR;
    if (wsc_bad_ptr(returned))
        return wsc_leave(e, -WSAEFAULT);
    /* The ideal send backlog here never changes: with an OVERLAPPED the
     * notification waits for a cancel or the close; a non-blocking
     * socket without one would block, WSAEWOULDBLOCK. */
    if (code == SIO_IDEAL_SEND_BACKLOG_CHANGE && ov &&
        e->type == SOCK_STREAM && wsc_e_has_peer(e))
        return wsc_leave(e, backlog_change_wait(e, ov, cr, returned));
    if (code == SIO_IDEAL_SEND_BACKLOG_CHANGE && !ov &&
        e->type == SOCK_STREAM && (wsc_flags(e) & WSC_F_NONBLOCK))
        r = -WSAEWOULDBLOCK;
    /* The socket itself is what SIO_BASE_HANDLE gives, but not through an
     * OVERLAPPED: that is an unsupported request (row CP19). */
    else
        r = ov && code == SIO_BASE_HANDLE
                ? -WSAEOPNOTSUPP
                : ioctl_now(e, s, code, in, inlen, out, outlen, &size);
    if (size == SIZE_UNTOUCHED)
        size = 0;
    else if (r < 0)
        wrote = 1; /* a size the failure reports */
    if (!ov || (r < 0 && r != -WSAEOPNOTSUPP && !pends(code))) {
        /* Without an OVERLAPPED, or failed at once: nothing queued, and
         * a failure's size only where it has one. */
        if ((r >= 0 || wrote) &&
            wsc_copy_out(returned, &size, sizeof(size)))
            r = -WSAEFAULT;
        return wsc_leave(e, r);
    }
    if (wsc_bad_ptr(ov))
        return wsc_leave(e, -WSAEFAULT);
    if (!(op = ws_op_new(ov, cr)))
        return wsc_leave(e, -WSAENOBUFS);
    ov->Internal = STATUS_PENDING;
    if (r >= 0 && !pends(code)) {
        /* Done: 0 returned, a packet of 0 bytes (row CP18). */
        wsc_copy_out(returned, &size, sizeof(size));
        return wsc_leave(e, ws_op_complete_now(e, op, 0, NULL, 0));
    }
    /* An unknown code pends, then fails; a code that pends carries its
     * size or its failure in the packet. */
    return wsc_leave(e, ws_op_complete_now(e, op, r < 0 ? r : (long)size,
                                           NULL, 1));
}
