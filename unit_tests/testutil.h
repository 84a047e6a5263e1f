/* Helpers shared by the unit and stress tests (after frontend.h). */
#ifndef WSC_TESTUTIL_H
#define WSC_TESTUTIL_H

#include "proc_self.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Open descriptors of the process, less the engine's own (proc_self.h). */
static inline int open_fds(void)
{
    return proc_open_fds();
}

static inline void startup(void)
{
    WSADATA d;

    if (WSAStartup(MAKEWORD(2, 2), &d) != 0)
        abort();
}

/* A TCP listener on 127.0.0.1 and its port; aborts on failure. */
static inline SOCKET listener(unsigned short *port)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 8) ||
        getsockname(l, (struct sockaddr *)&a, &len))
        abort();
    *port = ntohs(a.sin_port);
    return l;
}

/* A connected TCP pair on loopback; aborts on failure. */
static inline void pair(SOCKET *c, SOCKET *s)
{
    unsigned short port;
    SOCKET l = listener(&port);
    struct sockaddr_in a;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    *c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(*c, (struct sockaddr *)&a, sizeof(a)))
        abort();
    *s = accept(l, NULL, NULL);
    if (*s == INVALID_SOCKET)
        abort();
    closesocket(l);
}

#ifdef CHECK_H
/* Run a suite made of one test case; the process's exit status. */
static inline int run_suite(Suite *su)
{
    SRunner *sr = srunner_create(su);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
#endif

#if defined(CHECK_H) && defined(WSC_ENGINE_H)
#include <pthread.h>
#include <time.h>

/* A recv blocked on a thread of its own, and what it returned. */
struct blocked {
    SOCKET s;
    int rc, err;
    pthread_t th;
};

static inline void *blocked_recv_main(void *p)
{
    struct blocked *b = (struct blocked *)p;
    char buf[16];

    b->rc = recv(b->s, buf, sizeof(buf), 0);
    b->err = WSAGetLastError();
    return NULL;
}

/* Start a recv on s on another thread; returns once the engine has it
 * waiting (within 5 s, or the test fails). */
static inline void start_recv(struct blocked *b, SOCKET s)
{
    struct wsc_sock *e = wsc_entry((int)s);
    time_t deadline = time(NULL) + 5;

    b->s = s;
    ck_assert_int_eq(pthread_create(&b->th, NULL, blocked_recv_main, b), 0);
    while (wsc_waiter_count(e) == 0)
        ck_assert_msg(time(NULL) < deadline, "recv did not block");
}
#endif

#endif
