/* WSA codes: names, Windows' messages, the errno named like each code,
 * all from wsa_errors.def; and the mapping of a failed libc call to the
 * code Windows would have given, which depends on the operation and on
 * the socket's state, not on errno alone. */
#include <errno.h>
#include <stddef.h>
#include "engine.h"
#include "wscompat.h"

struct wsa_error {
    int code;
    int err;
    const char *name;
    const char *msg;
};

static const struct wsa_error table[] = {
#define WSC_ERROR(code, name, err, msg) {code, err, #name, msg},
#include "wsa_errors.def"
#undef WSC_ERROR
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

static const struct wsa_error *find_code(int code)
{
    size_t i;

    for (i = 0; i < NTABLE; i++)
        if (table[i].code == code)
            return &table[i];
    return NULL;
}

const char *wsc_strerror_name(int code)
{
    const struct wsa_error *e = find_code(code);
    return e ? e->name : NULL;
}

const char *wsc_strerror(int code)
{
    const struct wsa_error *e = find_code(code);
    return e ? e->msg : NULL;
}

int wsc_wsa_to_errno(int code)
{
    const struct wsa_error *e = find_code(code);
    return e ? e->err : 0;
}

int wsc_errno_to_wsa(int err)
{
    size_t i;

    if (err == 0)
        return 0;
    if (err == EAGAIN)
        err = EWOULDBLOCK;
    for (i = 0; i < NTABLE; i++)
        if (table[i].err == err && table[i].code >= 10000)
            return table[i].code;
    for (i = 0; i < NTABLE; i++)
        if (table[i].err == err)
            return table[i].code;
    return 0;
}

static int map_errno(enum wsc_op op, int err, uint32_t flags)
{
    switch (err) {
    case EBADF:
    case ENOTSOCK:
        return WSAENOTSOCK;
    case EINPROGRESS:
        return op == WSC_OP_CONNECT ? WSAEWOULDBLOCK : WSAEINPROGRESS;
    case EPIPE:
        if (flags & WSC_F_SHUT_SEND)
            return WSAESHUTDOWN;
        if (flags & WSC_F_ABORTED)
            return WSAECONNABORTED;
        return WSAECONNRESET;
    case ENOTCONN:
        if (flags & WSC_F_ABORTED)
            return WSAECONNABORTED;
        return WSAENOTCONN;
    case EOPNOTSUPP:
        return WSAEOPNOTSUPP;
    case ENOMEM:
        return WSAENOBUFS;
    case ENFILE:
        return WSAEMFILE;
    case EPERM:
        return WSAEACCES;
    case EISDIR:
    case ENOENT:
        return WSAEINVAL;
    case 0:
        return WSAEINVAL;
    default:
        break;
    }
    (void)op;
    {
        int code = wsc_errno_to_wsa(err);
        return code ? code : WSAEINVAL;
    }
}

int wsc_errno_result(enum wsc_op op, int err, uint32_t flags)
{
    return -map_errno(op, err, flags);
}
