/* Winsock 1's asynchronous database calls, WSAAsyncGetHostByName and its
 * five siblings: the lookup runs on a thread of its own, writes the
 * structure and all it points to into the caller's buffer, and posts
 * wMsg to hWnd with the task handle and WSAMAKEASYNCREPLY(size, error)
 * (a buffer too small: WSAENOBUFS with the size it needs).
 * WSACancelAsyncRequest stops the message of a task still running.  A
 * task running at a fork never ends in the child. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ws.h"
#include "lookup.h"

enum task_kind { HOST_NAME, HOST_ADDR, SERV_NAME, SERV_PORT, PROTO_NAME,
                 PROTO_NUMBER };

struct task {
    struct task *next;
    uintptr_t id;
    int cancelled;
    enum task_kind kind;
    HWND hwnd;
    UINT msg;
    char *buf;  /* the caller's */
    int buflen;
    char name[NI_MAXHOST], proto[32];
    int has_proto, number, type, addrlen;
    unsigned char addr[16];
};

static pthread_mutex_t tasks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct task *tasks;
static uintptr_t last_id;

/* ---- the structure into the caller's buffer --------------------------- */
/* Bytes laid out at the caller's address base, built in local memory. */
struct packer {
    char *local, *base;
    size_t cap, used;
};

/* Room for n bytes aligned to a; the caller's address of it (NULL past
 * the end, the size still counted) and the local one in *at. */
static char *room(struct packer *p, size_t n, size_t a, char **at)
{
    size_t off = (p->used + a - 1) & ~(a - 1);

    p->used = off + n;
    if (p->used > p->cap) {
        *at = NULL;
        return NULL;
    }
    *at = p->local + off;
    return p->base + off;
}

static char *put_bytes(struct packer *p, const void *src, size_t n)
{
    char *at, *far = room(p, n, 1, &at);

    if (at)
        memcpy(at, src, n);
    return far;
}

static char *put_str(struct packer *p, const char *s)
{
    return put_bytes(p, s, strlen(s) + 1);
}

static size_t count(char **v)
{
    size_t n = 0;

    while (v && v[n])
        n++;
    return n;
}

/* A NULL-ended array of strings (len 0) or of len-byte items. */
static char **put_list(struct packer *p, char **v, size_t len)
{
    size_t i, n = count(v);
    char *at, **local;
    char **far = (char **)room(p, (n + 1) * sizeof(char *), sizeof(char *),
                               &at);

    local = (char **)at;
    for (i = 0; i < n; i++) {
        char *item = len ? put_bytes(p, v[i], len) : put_str(p, v[i]);
        if (local)
            local[i] = item;
    }
    if (local)
        local[n] = NULL;
    return far;
}

static void pack_host(struct packer *p, const struct hostent *h)
{
    char *at;
    struct hostent out;

    room(p, sizeof(out), 8, &at);
    out = *h;
    out.h_aliases = put_list(p, h->h_aliases, 0);
    out.h_addr_list = put_list(p, h->h_addr_list, (size_t)h->h_length);
    out.h_name = put_str(p, h->h_name);
    if (at)
        memcpy(at, &out, sizeof(out));
}

static void pack_serv(struct packer *p, const struct servent *s)
{
    char *at;
    struct servent out;

    room(p, sizeof(out), 8, &at);
    out = *s;
    out.s_aliases = put_list(p, s->s_aliases, 0);
    out.s_name = put_str(p, s->s_name);
    out.s_proto = put_str(p, s->s_proto);
    if (at)
        memcpy(at, &out, sizeof(out));
}

static void pack_proto(struct packer *p, const struct protoent *e)
{
    char *at;
    struct protoent out;

    room(p, sizeof(out), 8, &at);
    out = *e;
    out.p_aliases = put_list(p, e->p_aliases, 0);
    out.p_name = put_str(p, e->p_name);
    if (at)
        memcpy(at, &out, sizeof(out));
}

/* ---- the lookup ------------------------------------------------------- */
/* Looks t up and packs the answer: 0 or the WSA code. */
static int look_up(struct task *t, struct packer *p)
{
    char hbuf[2048];
    struct hostent h, *hp = NULL;
    struct servent *s;
    struct protoent *e;
    int herr = 0, mine;
    const char *proto = t->has_proto ? t->proto : NULL;

    switch (t->kind) {
    case HOST_NAME:
        /* The empty name is this host, as for gethostbyname. */
        mine = !t->name[0];
        gethostbyname_r(wsc_lookup_name(t->name, t->name), &h, hbuf,
                        sizeof(hbuf), &hp, &herr);
        if (!hp && mine)
            gethostbyname_r("localhost", &h, hbuf, sizeof(hbuf), &hp, &herr);
        if (!hp)
            return wsc_h_errno_code(herr);
        pack_host(p, hp);
        return 0;
    case HOST_ADDR:
        gethostbyaddr_r(t->addr, (socklen_t)t->addrlen, t->type, &h, hbuf,
                        sizeof(hbuf), &hp, &herr);
        if (!hp)
            return wsc_h_errno_code(herr);
        pack_host(p, hp);
        return 0;
    case SERV_NAME:
    case SERV_PORT:
        s = t->kind == SERV_NAME ? ws_getservbyname(t->name, proto)
                                 : ws_getservbyport(t->number, proto);
        if (!s)
            return WSANO_DATA;
        pack_serv(p, s);
        return 0;
    default:
        e = t->kind == PROTO_NAME ? ws_getprotobyname(t->name)
                                  : ws_getprotobynumber(t->number);
        if (!e)
            return WSANO_DATA;
        pack_proto(p, e);
        return 0;
    }
}

/* Off the list: 1 if the task was still to be reported. */
static int task_end(struct task *t)
{
    struct task **pp;
    int report;

    pthread_mutex_lock(&tasks_lock);
    for (pp = &tasks; *pp != t; pp = &(*pp)->next)
        ;
    *pp = t->next;
    report = !t->cancelled;
    pthread_mutex_unlock(&tasks_lock);
    return report;
}

static void *task_main(void *arg)
{
    struct task *t = arg;
    struct packer p;
    int err;

    p.cap = t->buflen > 0 ? (size_t)t->buflen : 0;
    p.local = malloc(p.cap ? p.cap : 1);
    p.base = t->buf;
    p.used = 0;
    err = p.local ? look_up(t, &p) : WSAENOBUFS;
    if (!err && p.used > p.cap)
        err = WSAENOBUFS;
    if (!err && wsc_copy_out(t->buf, p.local, p.used))
        err = WSAEFAULT;
    if (task_end(t) && t->hwnd)
        PostMessageA(t->hwnd, t->msg, (WPARAM)t->id,
                     (LPARAM)WSAMAKEASYNCREPLY(p.used > 0xffff ? 0xffff
                                                               : p.used,
                                               err));
    free(p.local);
    free(t);
    return NULL;
}

/* ---- the calls -------------------------------------------------------- */
static HANDLE fail_handle(int code)
{
    wsc_fail(code);
    return NULL;
}

/* A task for hwnd's msg into buf, or NULL with the last error set.
 * Windows starts a task whatever the window, the buffer and its length
 * (protocol.c test_WSAAsyncGetServByPort): a buffer too small for the
 * answer (none, or a length of 0 or less) ends it with WSAENOBUFS, one
 * that cannot be written with WSAEFAULT, in its message; with no window
 * (hwnd NULL) the message goes nowhere. */
static struct task *task_new(HWND hwnd, u_int msg, char *buf, int buflen,
                             enum task_kind kind)
{
    struct task *t;

    if (!wsc_started())
        return fail_handle(WSANOTINITIALISED);
    if (!(t = calloc(1, sizeof(*t))))
        return fail_handle(WSAENOBUFS);
    t->hwnd = hwnd;
    t->msg = msg;
    t->buf = buf;
    t->buflen = buflen;
    t->kind = kind;
    return t;
}

static HANDLE task_start(struct task *t)
{
    pthread_attr_t attr;
    pthread_t th;
    uintptr_t id;
    int err;

    pthread_mutex_lock(&tasks_lock);
    id = t->id = ++last_id;
    t->next = tasks;
    tasks = t;
    pthread_mutex_unlock(&tasks_lock);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    err = pthread_create(&th, &attr, task_main, t);
    pthread_attr_destroy(&attr);
    if (!err) { /* (t may be gone already: the task can end first) */
        wsc_ok(0);
        return (HANDLE)id;
    }
    task_end(t);
    free(t);
    return fail_handle(WSAENOBUFS);
}

/* A caller's name into t->name (or t->proto): 0, or the WSA code. */
static int take_name(char *dst, const char *src, size_t cap)
{
    return wsc_take_name(dst, src, cap, WSAEINVAL);
}

/* A task by name (its kind says) or by number, with the protocol when
 * one is given. */
static HANDLE by_key(HWND hwnd, u_int msg, const char *name, int number,
                     const char *proto, char *buf, int buflen,
                     enum task_kind kind)
{
    struct task *t = task_new(hwnd, msg, buf, buflen, kind);
    int r = 0;

    if (!t)
        return NULL;
    t->number = number;
    if (kind == HOST_NAME || kind == SERV_NAME || kind == PROTO_NAME)
        r = take_name(t->name, name, sizeof(t->name));
    if (!r && proto) {
        t->has_proto = 1;
        r = take_name(t->proto, proto, sizeof(t->proto));
    }
    if (r) {
        free(t);
        return fail_handle(r);
    }
    return task_start(t);
}

HANDLE ws_WSAAsyncGetHostByName(HWND hwnd, u_int msg, const char *name,
                                char *buf, int buflen)
{
    return by_key(hwnd, msg, name, 0, NULL, buf, buflen, HOST_NAME);
}

HANDLE ws_WSAAsyncGetHostByAddr(HWND hwnd, u_int msg, const char *addr,
                                int len, int type, char *buf, int buflen)
{
    struct task *t;
    int want = type == AF_INET6 ? 16 : 4;

    if (wsc_started() && type != AF_INET && type != AF_INET6)
        return fail_handle(WSAEAFNOSUPPORT);
    if (!(t = task_new(hwnd, msg, buf, buflen, HOST_ADDR)))
        return NULL;
    if (wsc_bad_ptr(addr) || len < want ||
        wsc_copy_in(t->addr, addr, (size_t)want)) {
        free(t);
        return fail_handle(WSAEFAULT);
    }
    t->addrlen = want;
    t->type = type;
    return task_start(t);
}

HANDLE ws_WSAAsyncGetServByName(HWND hwnd, u_int msg, const char *name,
                                const char *proto, char *buf, int buflen)
{
    return by_key(hwnd, msg, name, 0, proto, buf, buflen, SERV_NAME);
}

HANDLE ws_WSAAsyncGetServByPort(HWND hwnd, u_int msg, int port,
                                const char *proto, char *buf, int buflen)
{
    return by_key(hwnd, msg, NULL, port, proto, buf, buflen, SERV_PORT);
}

HANDLE ws_WSAAsyncGetProtoByName(HWND hwnd, u_int msg, const char *name,
                                 char *buf, int buflen)
{
    return by_key(hwnd, msg, name, 0, NULL, buf, buflen, PROTO_NAME);
}

HANDLE ws_WSAAsyncGetProtoByNumber(HWND hwnd, u_int msg, int number,
                                   char *buf, int buflen)
{
    return by_key(hwnd, msg, NULL, number, NULL, buf, buflen, PROTO_NUMBER);
}

/* A task still running posts nothing now; one that ended WSAEALREADY. */
int ws_WSACancelAsyncRequest(HANDLE handle)
{
    uintptr_t id = (uintptr_t)handle;
    struct task *t;
    int r = WSAEINVAL;

    if (!wsc_started())
        return wsc_fail(WSANOTINITIALISED);
    pthread_mutex_lock(&tasks_lock);
    for (t = tasks; t; t = t->next)
        if (t->id == id)
            break;
    if (t && !t->cancelled) {
        t->cancelled = 1;
        r = 0;
    } else if (id && id <= last_id) {
        r = WSAEALREADY;
    }
    pthread_mutex_unlock(&tasks_lock);
    return r ? wsc_fail(r) : wsc_ok(0);
}
