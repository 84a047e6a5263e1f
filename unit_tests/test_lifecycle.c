/* Descriptor lifecycle under concurrency: fork with a call blocked on
 * another thread, exec (an inherited socket is adopted on first use),
 * WSACleanup while a call is blocked, and the abort fallback that resets
 * a connection without giving up the descriptor number. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "ws.h"
#include "testutil.h"



START_TEST(fork_with_blocked_recv)
{
    struct blocked b;
    SOCKET c, s, c2, s2;
    pid_t pid;
    int status;
    char buf[8];

    startup();
    pair(&c, &s);
    start_recv(&b, c);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        /* No lock left held by a thread the child does not have: new
         * sockets, blocking waits and closes all work. */
        SOCKET x, y;
        pair(&x, &y);
        if (send(x, "child", 5, 0) != 5 || recv(y, buf, sizeof(buf), 0) != 5)
            _exit(1);
        closesocket(x);
        closesocket(y);
        _exit(0);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_int_eq(closesocket(c), 0);
    pthread_join(b.th, NULL);
    ck_assert_int_eq(b.rc, SOCKET_ERROR);
    ck_assert_int_eq(b.err, WSAECONNABORTED);
    /* The parent goes on as before. */
    pair(&c2, &s2);
    ck_assert_int_eq(send(c2, "ok", 2, 0), 2);
    ck_assert_int_eq(recv(s2, buf, sizeof(buf), 0), 2);
    closesocket(c2);
    closesocket(s2);
    closesocket(s);
}
END_TEST

static const char *self_path;

START_TEST(exec_adopts_inherited_socket)
{
    SOCKET c, s;
    char arg[16], buf[16];
    pid_t pid;
    int status;

    startup();
    pair(&c, &s);
    snprintf(arg, sizeof(arg), "%d", (int)c);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        execl(self_path, self_path, "--adopt", arg, (char *)NULL);
        _exit(127);
    }
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), 7);
    ck_assert_int_eq(memcmp(buf, "adopted", 7), 0);
    ck_assert_int_eq(send(s, "back", 4, 0), 4);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    closesocket(c);
    closesocket(s);
}
END_TEST

/* The exec'd child: a socket it never created through the library. */
static int adopt_child(int fd)
{
    WSADATA d;
    char buf[8];
    u_long nb = 0;

    if (WSAStartup(MAKEWORD(2, 2), &d))
        return 2;
    if (send((SOCKET)fd, "adopted", 7, 0) != 7)
        return 3;
    /* Blocking, as the application sees it, though the kernel socket was
     * switched to non-blocking: the recv waits for the reply. */
    if (ioctlsocket((SOCKET)fd, FIONREAD, &nb) != 0)
        return 4;
    if (recv((SOCKET)fd, buf, sizeof(buf), 0) != 4)
        return 5;
    return closesocket((SOCKET)fd) == 0 ? 0 : 6;
}

START_TEST(cleanup_with_blocked_recv)
{
    struct blocked b;
    SOCKET c, s;
    char buf[4];

    startup();
    pair(&c, &s);
    start_recv(&b, c);
    ck_assert_int_eq(WSACleanup(), 0);
    pthread_join(b.th, NULL);
    ck_assert_int_eq(b.rc, SOCKET_ERROR);
    ck_assert_int_eq(b.err, WSAECONNABORTED);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSANOTINITIALISED);
    startup();
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOTSOCK);
    ck_assert_int_eq(wsc_open_count(), 0);
}
END_TEST

/* SD_RECEIVE then data: with connect(AF_UNSPEC) refused, the engine
 * resets through a placeholder socket and keeps the handle. */
static void sd_receive_reset(int fallback)
{
    SOCKET c, s;
    char buf[8];
    int type = 0, len = sizeof(type);
    fd_set r;
    struct timeval tv = { 2, 0 };

    startup();
    wsc_abort_force_fallback = fallback;
    pair(&c, &s);
    ck_assert_int_eq(shutdown(c, SD_RECEIVE), 0);
    ck_assert_int_eq(send(s, "data", 4, 0), 4);
    FD_ZERO(&r);
    FD_SET(s, &r);
    ck_assert_int_eq(select(0, &r, NULL, NULL, &tv), 1);
    ck_assert_int_eq(recv(s, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNRESET);
    ck_assert_int_eq(send(c, "x", 1, 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNABORTED);
    ck_assert_int_eq(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAECONNABORTED);
    /* The handle is still a valid socket. */
    ck_assert_int_eq(getsockopt(c, SOL_SOCKET, SO_TYPE, (char *)&type, &len),
                     0);
    ck_assert_int_eq(type, SOCK_STREAM);
    ck_assert_int_eq(closesocket(c), 0);
    ck_assert_int_eq(closesocket(s), 0);
    ck_assert_int_eq(wsc_open_count(), 0);
    wsc_abort_force_fallback = 0;
}

START_TEST(abort_in_place)
{
    sd_receive_reset(0);
}
END_TEST

START_TEST(abort_fallback)
{
    sd_receive_reset(1);
}
END_TEST

int main(int argc, char **argv)
{
    Suite *su;
    TCase *tc;

    /* The exec'd child first: it must not allocate a suite it never
     * runs (LeakSanitizer fails it for that). */
    if (argc == 3 && !strcmp(argv[1], "--adopt"))
        return adopt_child(atoi(argv[2]));
    su = suite_create("lifecycle");
    tc = tcase_create("lifecycle");
    self_path = "/proc/self/exe";
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, fork_with_blocked_recv);
    tcase_add_test(tc, exec_adopts_inherited_socket);
    tcase_add_test(tc, cleanup_with_blocked_recv);
    tcase_add_test(tc, abort_in_place);
    tcase_add_test(tc, abort_fallback);
    suite_add_tcase(su, tc);
    return run_suite(su);
}
