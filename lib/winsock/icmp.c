/* ICMP echo through the IP Helper (icmpapi.h): IcmpCreateFile and
 * Icmp6CreateFile, IcmpSendEcho, IcmpSendEcho2(Ex), Icmp6SendEcho2,
 * IcmpParseReplies, Icmp6ParseReplies, IcmpCloseHandle, and the text of
 * an IP_STATUS (GetIpErrorString).  A handle is a file handle of the
 * Win32 layer owning an ICMP socket of the engine's (CloseHandle closes
 * it too); each echo is one engine call.  An echo given an event or an
 * APC runs on a thread of its own and returns ERROR_IO_PENDING; when it
 * ends, the reply is written, its count kept in the reply's Reserved (for
 * IcmpParseReplies), the event set and the APC queued to the issuing
 * thread. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "ws.h"
#include "winternl.h"
#include "icmpapi.h"
#include "w32async.h"

/* An echo's request, copied so that an asynchronous one outlives the
 * call. */
struct echo {
    struct sockaddr_storage dest, source; /* source: family 0 for any */
    struct wsc_ping ping;
    void *reply;
    HANDLE event;
    WSC_ICMP_APC apc;
    PVOID context;
    struct w32_apc_target *target;
    IO_STATUS_BLOCK iosb;
    unsigned char data[];
};

static HANDLE open_handle(int family)
{
    int raw, fd = wsc_e_ping_socket(family, &raw);
    HANDLE h;

    if (fd < 0) {
        wsc_w32_set_error(fd == -WSAEACCES  ? ERROR_ACCESS_DENIED
                          : fd == -WSAEMFILE ? ERROR_TOO_MANY_OPEN_FILES
                                             : ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    h = wsc_w32_file_adopt(fd);
    return h ? h : INVALID_HANDLE_VALUE;
}

HANDLE wsc_IcmpCreateFile(void)
{
    return open_handle(AF_INET);
}

HANDLE wsc_Icmp6CreateFile(void)
{
    return open_handle(AF_INET6);
}

/* The family of an ICMP handle, or -1 (not one). */
static int handle_family(HANDLE h)
{
    int fd, last = wsc_last_error;

    if (h == INVALID_HANDLE_VALUE || !h)
        return -1;
    fd = wsc_w32_file_dup(h);
    wsc_w32_set_error(last);
    return fd < 0 ? -1 : wsc_e_ping_family(fd);
}

BOOL wsc_IcmpCloseHandle(HANDLE icmp)
{
    if (handle_family(icmp) < 0) {
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return wsc_CloseHandle(icmp);
}

/* The IP_STATUS of an answer. */
static ULONG answer_status(int family, const struct wsc_ping_answer *a)
{
    if (a->end == WSC_PING_TIMEOUT)
        return IP_REQ_TIMED_OUT;
    if (a->end == WSC_PING_REPLY)
        return IP_SUCCESS;
    if (family == AF_INET6) {
        switch (a->type) {
        case 1:
            return a->code == 0 ? IP_DEST_NO_ROUTE
                   : a->code == 1 ? IP_DEST_PROHIBITED
                   : a->code == 2 ? IP_DEST_SCOPE_MISMATCH
                   : a->code == 4 ? IP_DEST_PORT_UNREACHABLE
                                  : IP_DEST_ADDR_UNREACHABLE;
        case 2: return IP_PACKET_TOO_BIG;
        case 3:
            return a->code ? IP_REASSEMBLY_TIME_EXCEEDED
                           : IP_HOP_LIMIT_EXCEEDED;
        default: return IP_PARAMETER_PROBLEM;
        }
    }
    switch (a->type) {
    case 3:
        switch (a->code) {
        case 0: case 6: case 9: case 11: return IP_DEST_NET_UNREACHABLE;
        case 2: return IP_DEST_PROT_UNREACHABLE;
        case 3: return IP_DEST_PORT_UNREACHABLE;
        case 4: return IP_PACKET_TOO_BIG;
        case 5: return IP_BAD_ROUTE;
        default: return IP_DEST_HOST_UNREACHABLE;
        }
    case 4: return IP_SOURCE_QUENCH;
    case 11:
        return a->code ? IP_TTL_EXPIRED_REASSEM : IP_TTL_EXPIRED_TRANSIT;
    default: return IP_PARAM_PROBLEM;
    }
}

/* The IP_STATUS of a request that could not go (a negated WSA code). */
static ULONG send_status(int r)
{
    switch (-r) {
    case WSAEMSGSIZE: return IP_PACKET_TOO_BIG;
    case WSAENOBUFS: return IP_NO_RESOURCES;
    case WSAEADDRNOTAVAIL: return IP_BAD_DESTINATION;
    default: return IP_GENERAL_FAILURE;
    }
}

/* Writes the reply; the number of replies it holds (0: none, status in
 * *status). */
static DWORD write_reply(struct echo *q, int r,
                         const struct wsc_ping_answer *a, ULONG *status)
{
    int v6 = q->dest.ss_family == AF_INET6;
    DWORD count;

    *status = r < 0 ? send_status(r) : answer_status(q->dest.ss_family, a);
    count = r < 0 || a->end == WSC_PING_TIMEOUT ? 0 : 1;
    if (v6) {
        ICMPV6_ECHO_REPLY *rep = q->reply;

        memset(&rep->Address, 0, sizeof rep->Address);
        if (count && a->from.ss_family == AF_INET6) {
            const struct sockaddr_in6 *f = (const void *)&a->from;

            memcpy(rep->Address.sin6_addr, &f->sin6_addr, 16);
            rep->Address.sin6_flowinfo = f->sin6_flowinfo;
            rep->Address.sin6_scope_id = f->sin6_scope_id;
        }
        rep->Status = *status;
        rep->RoundTripTime = count ? a->rtt_ms : 0;
        q->iosb.Information = sizeof *rep + (count ? a->len : 0);
    } else {
        ICMP_ECHO_REPLY *rep = q->reply;

        memset(rep, 0, sizeof *rep);
        if (count && a->from.ss_family == AF_INET)
            rep->Address =
                ((const struct sockaddr_in *)&a->from)->sin_addr.s_addr;
        rep->Status = *status;
        if (count) {
            rep->RoundTripTime = a->rtt_ms;
            rep->DataSize = (USHORT)a->len;
            rep->Options.Ttl = a->ttl < 0 ? 0 : (UCHAR)a->ttl;
            rep->Options.Tos = a->tos < 0 ? 0 : (UCHAR)a->tos;
            rep->Options.Flags = a->df ? IP_FLAG_DF : 0;
        }
        rep->Data = rep + 1;
        q->iosb.Information = sizeof *rep + rep->DataSize;
    }
    return count;
}

/* The reply's header size: the data follows it. */
static size_t reply_header(int family)
{
    return family == AF_INET6 ? sizeof(ICMPV6_ECHO_REPLY)
                              : sizeof(ICMP_ECHO_REPLY);
}

/* Runs the echo and writes its reply: the count of replies, the last
 * error set. */
static DWORD run_echo(struct echo *q)
{
    struct wsc_ping_answer a;
    size_t head = reply_header(q->dest.ss_family);
    ULONG status;
    DWORD count;
    int r;

    r = wsc_e_ping(&q->ping, (char *)q->reply + head, q->ping.len, &a);
    count = write_reply(q, r, &a, &status);
    wsc_w32_set_error(count ? 0 : status);
    return count;
}

static void run_apc(void *arg)
{
    struct echo *q = arg;
    PIO_APC_ROUTINE fn = (PIO_APC_ROUTINE)q->apc;

    fn(q->context, &q->iosb, 0);
    free(q);
}

/* Ends an asynchronous echo.  The event is set last, when nothing of
 * the echo is left to free: a caller that exits once it is set leaks
 * nothing. */
static void *echo_thread(void *arg)
{
    struct echo *q = arg;
    HANDLE event = q->event;
    struct w32_apc_target *t = q->target;
    DWORD count = run_echo(q);

    if (q->dest.ss_family == AF_INET)
        ((ICMP_ECHO_REPLY *)q->reply)->Reserved = (USHORT)count;
    q->iosb.Status = 0;
    if (!t || !wsc_w32_apc_queue(t, run_apc, q))
        free(q);
    if (t)
        wsc_w32_apc_put(t);
    if (event)
        wsc_SetEvent(event);
    return NULL;
}

/* Starts an asynchronous echo: 0 with ERROR_IO_PENDING. */
static DWORD start_echo(struct echo *q)
{
    pthread_attr_t attr;
    pthread_t t;
    int r;

    if (q->apc)
        q->target = wsc_w32_apc_self();
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    r = pthread_create(&t, &attr, echo_thread, q);
    pthread_attr_destroy(&attr);
    if (r) {
        if (q->target)
            wsc_w32_apc_put(q->target);
        free(q);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    wsc_w32_set_error(ERROR_IO_PENDING);
    return 0;
}

static DWORD fail(DWORD code)
{
    wsc_w32_set_error(code);
    return 0;
}

/* Checks a request (Windows' order of checks) and makes its copy; NULL
 * with the last error set. */
static struct echo *new_echo(HANDLE icmp, int family, LPVOID data,
                             WORD size, PIP_OPTION_INFORMATION options,
                             LPVOID reply, DWORD replysize, DWORD timeout)
{
    struct echo *q;

    if (handle_family(icmp) != family || !reply || !replysize ||
        (size && !data)) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (replysize < reply_header(family) + size) {
        wsc_w32_set_error(IP_GENERAL_FAILURE);
        return NULL;
    }
    if (!(q = calloc(1, sizeof *q + size))) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (size)
        memcpy(q->data, data, size);
    q->ping.data = q->data;
    q->ping.len = size;
    q->ping.timeout_ms = timeout;
    if (options) {
        q->ping.ttl = options->Ttl;
        q->ping.tos = options->Tos;
        q->ping.df = (options->Flags & IP_FLAG_DF) != 0;
    }
    q->reply = reply;
    return q;
}

/* Sends q to its destination: at once, or later with an event or APC. */
static DWORD send_echo(struct echo *q, HANDLE event, WSC_ICMP_APC apc,
                       PVOID context)
{
    DWORD count;

    q->ping.dest = (const struct sockaddr *)&q->dest;
    q->ping.dest_len = q->dest.ss_family == AF_INET6
                           ? sizeof(struct sockaddr_in6)
                           : sizeof(struct sockaddr_in);
    if (q->source.ss_family) {
        q->ping.source = (const struct sockaddr *)&q->source;
        q->ping.source_len = q->ping.dest_len;
    }
    q->event = event;
    q->apc = apc;
    q->context = context;
    if (event || apc)
        return start_echo(q);
    count = run_echo(q);
    free(q);
    return count;
}

static void set_in4(struct sockaddr_storage *ss, IPAddr a)
{
    struct sockaddr_in *sin = (struct sockaddr_in *)ss;

    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = a;
}

DWORD wsc_IcmpSendEcho2Ex(HANDLE icmp, HANDLE event, WSC_ICMP_APC apc,
                          PVOID context, IPAddr source, IPAddr dest,
                          LPVOID data, WORD size,
                          PIP_OPTION_INFORMATION options, LPVOID reply,
                          DWORD replysize, DWORD timeout)
{
    struct echo *q = new_echo(icmp, AF_INET, data, size, options, reply,
                              replysize, timeout);

    if (!q)
        return 0;
    if (!dest) {
        free(q);
        return fail(ERROR_INVALID_NETNAME);
    }
    set_in4(&q->dest, dest);
    if (source) {
        set_in4(&q->source, source);
    }
    return send_echo(q, event, apc, context);
}

DWORD wsc_IcmpSendEcho2(HANDLE icmp, HANDLE event, WSC_ICMP_APC apc,
                        PVOID context, IPAddr dest, LPVOID data, WORD size,
                        PIP_OPTION_INFORMATION options, LPVOID reply,
                        DWORD replysize, DWORD timeout)
{
    return wsc_IcmpSendEcho2Ex(icmp, event, apc, context, 0, dest, data,
                               size, options, reply, replysize, timeout);
}

DWORD wsc_IcmpSendEcho(HANDLE icmp, IPAddr dest, LPVOID data, WORD size,
                       PIP_OPTION_INFORMATION options, LPVOID reply,
                       DWORD replysize, DWORD timeout)
{
    return wsc_IcmpSendEcho2Ex(icmp, NULL, NULL, NULL, 0, dest, data, size,
                               options, reply, replysize, timeout);
}

static int in6_is_any(const struct sockaddr_in6 *a)
{
    static const struct in6_addr any;

    return !memcmp(&a->sin6_addr, &any, sizeof any);
}

DWORD wsc_Icmp6SendEcho2(HANDLE icmp, HANDLE event, WSC_ICMP_APC apc,
                         PVOID context, struct sockaddr_in6 *source,
                         struct sockaddr_in6 *dest, LPVOID data, WORD size,
                         PIP_OPTION_INFORMATION options, LPVOID reply,
                         DWORD replysize, DWORD timeout)
{
    struct echo *q;

    if (!dest || dest->sin6_family != AF_INET6 ||
        (source && source->sin6_family != AF_INET6))
        return fail(ERROR_INVALID_PARAMETER);
    if (!(q = new_echo(icmp, AF_INET6, data, size, options, reply,
                       replysize, timeout)))
        return 0;
    if (in6_is_any(dest)) {
        free(q);
        return fail(ERROR_INVALID_NETNAME);
    }
    memcpy(&q->dest, dest, sizeof *dest);
    ((struct sockaddr_in6 *)&q->dest)->sin6_port = 0;
    if (source && !in6_is_any(source)) {
        memcpy(&q->source, source, sizeof *source);
        ((struct sockaddr_in6 *)&q->source)->sin6_port = 0;
    }
    return send_echo(q, event, apc, context);
}

DWORD wsc_IcmpParseReplies(LPVOID reply, DWORD replysize)
{
    ICMP_ECHO_REPLY *r = reply;
    DWORD n;

    if (!r || replysize < sizeof *r)
        return fail(ERROR_INVALID_PARAMETER);
    if (!r->Reserved)
        return fail(r->Status);
    n = r->Reserved;
    r->Reserved = 0;
    return n;
}

DWORD wsc_Icmp6ParseReplies(LPVOID reply, DWORD replysize)
{
    ICMPV6_ECHO_REPLY *r = reply;

    if (!r || replysize < sizeof *r)
        return fail(ERROR_INVALID_PARAMETER);
    if (r->Status == IP_REQ_TIMED_OUT || r->Status == IP_GENERAL_FAILURE)
        return fail(r->Status);
    return 1;
}

/* ---- GetIpErrorString ------------------------------------------------ */
static const struct {
    IP_STATUS code;
    const char *text;
} ip_texts[] = {
    { IP_BUF_TOO_SMALL, "Buffer too small." },
    { IP_DEST_NET_UNREACHABLE, "Destination net unreachable." },
    { IP_DEST_HOST_UNREACHABLE, "Destination host unreachable." },
    { IP_DEST_PROT_UNREACHABLE, "Destination protocol unreachable." },
    { IP_DEST_PORT_UNREACHABLE, "Destination port unreachable." },
    { IP_NO_RESOURCES, "No resources." },
    { IP_BAD_OPTION, "Bad option specified." },
    { IP_HW_ERROR, "Hardware error." },
    { IP_PACKET_TOO_BIG, "Packet needs to be fragmented but DF set." },
    { IP_REQ_TIMED_OUT, "Request timed out." },
    { IP_BAD_REQ, "Bad request." },
    { IP_BAD_ROUTE, "Bad route." },
    { IP_TTL_EXPIRED_TRANSIT, "TTL expired in transit." },
    { IP_TTL_EXPIRED_REASSEM, "TTL expired during reassembly." },
    { IP_PARAM_PROBLEM, "Parameter problem." },
    { IP_SOURCE_QUENCH, "Source quench received." },
    { IP_OPTION_TOO_BIG, "Option too big." },
    { IP_BAD_DESTINATION, "Bad destination." },
    { IP_DEST_UNREACHABLE, "Destination unreachable." },
    { IP_TIME_EXCEEDED, "Time exceeded." },
    { IP_BAD_HEADER, "Bad header." },
    { IP_UNRECOGNIZED_NEXT_HEADER, "Unrecognized next header." },
    { IP_ICMP_ERROR, "ICMP error." },
    { IP_DEST_SCOPE_MISMATCH, "Destination scope mismatch." },
    { IP_GENERAL_FAILURE, "General failure." },
};

/* The text of code into w (n wide characters): its length, 0 when none. */
static size_t ip_text(IP_STATUS code, WCHAR *w, size_t n)
{
    for (size_t i = 0; i < sizeof ip_texts / sizeof ip_texts[0]; i++) {
        if (ip_texts[i].code == code) {
            size_t len = strlen(ip_texts[i].text);

            for (size_t k = 0; k < len && k + 1 < n; k++)
                w[k] = (WCHAR)(unsigned char)ip_texts[i].text[k];
            if (n)
                w[len < n ? len : n - 1] = 0;
            return len;
        }
    }
    return 0;
}

DWORD wsc_GetIpErrorString(IP_STATUS code, PWSTR buf, PDWORD size)
{
    WCHAR text[512];
    size_t len;

    if (!size)
        return ERROR_INVALID_PARAMETER;
    len = ip_text(code, text, sizeof text / sizeof text[0]);
    if (!len)
        len = wsc_FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM |
                                     FORMAT_MESSAGE_IGNORE_INSERTS,
                                 NULL, code, 0, text,
                                 sizeof text / sizeof text[0], NULL);
    if (!len)
        return ERROR_INVALID_PARAMETER;
    if (!buf || *size < len + 1) {
        *size = (DWORD)(len + 1);
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memcpy(buf, text, (len + 1) * sizeof *text);
    *size = (DWORD)len;
    return NO_ERROR;
}
