/* WSADuplicateSocket across processes (Linux side; the in-process part
 * is row PI3): a child takes the parent's socket with the info the
 * parent made for it and uses it after the parent closed its own
 * handle; a process that is gone is refused with WSAEINVAL. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <check.h>
#include "testutil.h"

/* The child: reads the info, takes the socket, says so (the result of
 * WSASocket, 0 or the error), waits for the go and sends "hi" on it. */
static int child_main(int info_fd, int ack_fd, int go_fd)
{
    WSAPROTOCOL_INFOA info;
    WSADATA d;
    SOCKET s;
    int err = 0;
    char go;

    if (WSAStartup(MAKEWORD(2, 2), &d) != 0)
        return 10;
    if (read(info_fd, &info, sizeof(info)) != (ssize_t)sizeof(info))
        return 11;
    s = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                   &info, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET)
        err = WSAGetLastError();
    if (write(ack_fd, &err, sizeof(err)) != (ssize_t)sizeof(err))
        return 12;
    if (err)
        return 0;
    if (read(go_fd, &go, 1) != 1)
        return 13;
    if (send(s, "hi", 2, 0) != 2)
        return 14;
    return closesocket(s) == 0 ? 0 : 15;
}

/* Forks the child, duplicates c for it (closing c before the child
 * takes it when close_first), and returns the child's WSASocket result;
 * with success, the data the child sent after c was closed is in *got. */
static int run(SOCKET c, SOCKET s, int close_first, char *got)
{
    int info_p[2], ack_p[2], go_p[2], err = -1, status;
    WSAPROTOCOL_INFOA info;
    pid_t pid;

    ck_assert(pipe(info_p) == 0 && pipe(ack_p) == 0 && pipe(go_p) == 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0)
        _exit(child_main(info_p[0], ack_p[1], go_p[0]));
    ck_assert_int_eq(WSADuplicateSocketA(c, (DWORD)pid, &info), 0);
    ck_assert_int_eq(info.iSocketType, SOCK_STREAM);
    if (close_first)
        ck_assert_int_eq(closesocket(c), 0);
    ck_assert(write(info_p[1], &info, sizeof(info)) == (ssize_t)sizeof(info));
    ck_assert(read(ack_p[0], &err, sizeof(err)) == (ssize_t)sizeof(err));
    if (err == 0) {
        /* The child holds the socket: the parent's handle may go. */
        ck_assert_int_eq(closesocket(c), 0);
        ck_assert(write(go_p[1], "g", 1) == 1);
        ck_assert_int_eq(recv(s, got, 2, MSG_WAITALL), 2);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "the child: status %d", status);
    close(info_p[0]); close(info_p[1]); close(ack_p[0]); close(ack_p[1]);
    close(go_p[0]); close(go_p[1]);
    return err;
}

START_TEST(child_takes_parent_socket)
{
    SOCKET c, s;
    char got[3] = "";

    startup();
    pair(&c, &s);
    ck_assert_int_eq(run(c, s, 0, got), 0);
    ck_assert_str_eq(got, "hi");
    closesocket(s);
}
END_TEST

START_TEST(gone_process_is_refused)
{
    WSAPROTOCOL_INFOA info;
    SOCKET c, s;
    pid_t pid;
    int status;

    startup();
    pair(&c, &s);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0)
        _exit(0);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_int_eq(WSADuplicateSocketA(c, (DWORD)pid, &info), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    closesocket(c);
    closesocket(s);
}
END_TEST

static Suite *share_suite(void)
{
    Suite *su = suite_create("share");
    TCase *tc = tcase_create("share");

    tcase_set_timeout(tc, 10);
    tcase_add_test(tc, child_takes_parent_socket);
    tcase_add_test(tc, gone_process_is_refused);
    suite_add_tcase(su, tc);
    return su;
}

int main(void)
{
    SRunner *sr = srunner_create(share_suite());
    int failed;

    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
