/* BI3: SO_EXCLUSIVEADDRUSE and address overlap, sock.c's tests_exclusive
 * table: two TCP sockets bound in turn to one port, IPv6 ones dual-stack
 * (IPV6_V6ONLY 0), neither listening; the second bind's answer (row 11f). */
#include <stdio.h>
#include <string.h>
#include "harness.h"

enum addr { ANY4, LO4, ANY6, LO6, ANY6MAP, LO6MAP };

struct side {
    enum addr a;
    int excl;
};

static const struct {
    struct side s[2];
} cases[] = {
    { { { ANY4, 1 }, { LO4, 0 } } },    { { { ANY6, 1 }, { LO4, 0 } } },
    { { { ANY4, 0 }, { LO4, 1 } } },    { { { ANY4, 1 }, { LO4, 1 } } },
    { { { LO4, 1 }, { ANY4, 0 } } },    { { { LO4, 0 }, { ANY4, 1 } } },
    { { { LO4, 0 }, { ANY6, 1 } } },    { { { LO6, 0 }, { ANY4, 1 } } },
    { { { LO6, 1 }, { LO4, 1 } } },     { { { LO6MAP, 0 }, { ANY4, 1 } } },
    { { { ANY6, 1 }, { ANY4, 0 } } },   { { { ANY6, 0 }, { ANY4, 1 } } },
    { { { ANY4, 0 }, { ANY4, 1 } } },   { { { ANY4, 0 }, { ANY4, 0 } } },
    { { { ANY6, 0 }, { ANY4, 0 } } },   { { { ANY6MAP, 0 }, { ANY4, 0 } } },
    { { { LO6MAP, 0 }, { LO4, 0 } } },  { { { LO4, 0 }, { LO6MAP, 0 } } },
    { { { LO4, 1 }, { LO4, 0 } } },     { { { LO4, 0 }, { LO4, 1 } } },
};

static int is_v6(enum addr a)
{
    return a >= ANY6;
}

static int addr_of(enum addr a, unsigned short port,
                   struct sockaddr_storage *ss)
{
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

    memset(ss, 0, sizeof(*ss));
    if (!is_v6(a)) {
        s4->sin_family = AF_INET;
        s4->sin_port = htons(port);
        s4->sin_addr.s_addr = htonl(a == LO4 ? INADDR_LOOPBACK : INADDR_ANY);
        return sizeof(*s4);
    }
    s6->sin6_family = AF_INET6;
    s6->sin6_port = htons(port);
    if (a == LO6)
        s6->sin6_addr.s6_addr[15] = 1;
    if (a == ANY6MAP || a == LO6MAP)
        s6->sin6_addr.s6_addr[10] = s6->sin6_addr.s6_addr[11] = 0xff;
    if (a == LO6MAP) {
        s6->sin6_addr.s6_addr[12] = 127;
        s6->sin6_addr.s6_addr[15] = 1;
    }
    return sizeof(*s6);
}

static SOCKET side_socket(const struct side *d)
{
    SOCKET s = socket(is_v6(d->a) ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
    int on = 1, off = 0;

    if (d->excl)
        setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *)&on,
                   sizeof(on));
    if (is_v6(d->a))
        setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&off, sizeof(off));
    return s;
}

void sc_BI3(ct *t)
{
    struct sockaddr_storage ss;
    unsigned short port;
    SOCKET s[2];
    char key[16];
    size_t i;
    int j, len;

    ct_startup(t);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        closesocket(ct_listener(t, &port)); /* a port nobody holds */
        for (j = 0; j < 2; j++)
            s[j] = side_socket(&cases[i].s[j]);
        len = addr_of(cases[i].s[0].a, port, &ss);
        ct_require(t, bind(s[0], (struct sockaddr *)&ss, len) == 0,
                   "first bind");
        len = addr_of(cases[i].s[1].a, port, &ss);
        snprintf(key, sizeof(key), "case%u", (unsigned)i);
        ct_obs_rc(t, key, bind(s[1], (struct sockaddr *)&ss, len));
        closesocket(s[0]);
        closesocket(s[1]);
    }
}
