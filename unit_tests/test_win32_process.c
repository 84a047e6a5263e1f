/* Processes, file mappings and named events between processes, and
 * conio, through the public headers: CreateProcess of proc_helper (built
 * beside this test), the child's exit code and argv as it sees them, a
 * mapping and events shared with it, exact last-error codes.  Every wait
 * is bounded; nothing sleeps to synchronise. */
#include <check.h>
#include <conio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <windows.h>

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

#define BOUND 10000 /* ms: every wait for a child */

static char helper[4096];

/* proc_helper, in this test's directory. */
static void find_helper(void)
{
    ssize_t n = readlink("/proc/self/exe", helper, sizeof(helper) - 32);
    char *slash;

    if (n <= 0)
        abort(); /* (outside a test: no ck_assert) */
    helper[n] = '\0';
    slash = strrchr(helper, '/');
    strcpy(slash + 1, "proc_helper");
}

/* A unique name for this process's objects. */
static const char *name_of(const char *what)
{
    static char buf[128];

    snprintf(buf, sizeof(buf), "wsc-test-%s-%ld", what, (long)getpid());
    return buf;
}

/* Starts proc_helper with the arguments; the child's information. */
static PROCESS_INFORMATION start(const char *args, HANDLE out)
{
    char cmd[8192];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;

    snprintf(cmd, sizeof(cmd), "%s %s", helper, args);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (out) {
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        si.hStdOutput = out;
        si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    }
    memset(&pi, 0, sizeof(pi));
    ck_assert_msg(CreateProcessA(NULL, cmd, NULL, NULL, out != NULL,
                                 CREATE_NEW_CONSOLE, NULL, NULL, &si, &pi),
                  "CreateProcess: %lu", (unsigned long)GetLastError());
    ck_assert_ptr_nonnull(pi.hProcess);
    ck_assert_ptr_nonnull(pi.hThread);
    ck_assert_uint_gt(pi.dwProcessId, 0);
    return pi;
}

/* Waits for the child's end and returns its exit code; closes both. */
static DWORD finish(PROCESS_INFORMATION pi)
{
    DWORD code = 0xdead, tcode = 0xdead;

    ck_assert_uint_eq(WaitForSingleObject(pi.hProcess, BOUND), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(pi.hThread, BOUND), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeProcess(pi.hProcess, &code), TRUE);
    ck_assert_int_eq(GetExitCodeThread(pi.hThread, &tcode), TRUE);
    ck_assert_uint_eq(code, tcode);
    ck_assert_int_eq(CloseHandle(pi.hThread), TRUE);
    ck_assert_int_eq(CloseHandle(pi.hProcess), TRUE);
    return code;
}

/* ---- processes --------------------------------------------------------- */
START_TEST(exit_code_after_wait)
{
    HANDLE go;
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    char args[256];

    go = CreateEventA(NULL, FALSE, FALSE, name_of("go"));
    ck_assert_ptr_nonnull(go);
    snprintf(args, sizeof(args), "wait %s 42", name_of("go"));
    pi = start(args, NULL);
    /* The child waits for go: still running. */
    ck_assert_uint_eq(WaitForSingleObject(pi.hProcess, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(GetExitCodeProcess(pi.hProcess, &code), TRUE);
    ck_assert_uint_eq(code, STILL_ACTIVE);
    ck_assert_uint_eq(GetProcessId(pi.hProcess), pi.dwProcessId);
    ck_assert_int_eq(SetEvent(go), TRUE);
    ck_assert_uint_eq(finish(pi), 42);
    /* The child took the auto-reset event's signal. */
    ck_assert_uint_eq(WaitForSingleObject(go, 0), WAIT_TIMEOUT);
    ERR(CloseHandle(pi.hProcess), FALSE, ERROR_INVALID_HANDLE);
    ERR(GetExitCodeProcess(pi.hProcess, &code), FALSE, ERROR_INVALID_HANDLE);
    CloseHandle(go);
}
END_TEST

START_TEST(wait_for_several_children)
{
    PROCESS_INFORMATION a = start("exit 1", NULL), b = start("exit 2", NULL);
    HANDLE both[2] = {a.hProcess, b.hProcess};

    ck_assert_uint_eq(WaitForMultipleObjects(2, both, TRUE, BOUND), WAIT_OBJECT_0);
    ck_assert_uint_eq(finish(a), 1);
    ck_assert_uint_eq(finish(b), 2);
}
END_TEST

START_TEST(terminate_gives_the_code)
{
    PROCESS_INFORMATION pi = start("block", NULL);
    HANDLE again;
    DWORD code = 0;

    again = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_INFORMATION, FALSE, pi.dwProcessId);
    ck_assert_ptr_nonnull(again);
    ck_assert_int_eq(TerminateProcess(pi.hProcess, 77), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(again, BOUND), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeProcess(again, &code), TRUE);
    ck_assert_uint_eq(code, 77);
    ERR(TerminateProcess(pi.hProcess, 1), FALSE, ERROR_ACCESS_DENIED);
    ck_assert_int_eq(CloseHandle(again), TRUE);
    ck_assert_uint_eq(finish(pi), 77);
    ERR(OpenProcess(SYNCHRONIZE, FALSE, 0), NULL, ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(wide_create_process)
{
    wchar_t cmd[4200];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;

    swprintf(cmd, 4200, L"%hs exit 5", helper); /* %hs: narrow, as Microsoft reads it */
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    ck_assert_int_eq(CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
                     TRUE);
    ck_assert_uint_eq(finish(pi), 5);
    ck_assert_ptr_nonnull(wcsstr(GetCommandLineW(), L"test_win32_process"));
}
END_TEST

START_TEST(missing_program)
{
    STARTUPINFOA si = {0};
    PROCESS_INFORMATION pi;
    char cmd[] = "wsc-no-such-program-here a b";

    si.cb = sizeof(si);
    ERR(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
        FALSE, ERROR_FILE_NOT_FOUND);
    ERR(CreateProcessA("/nonexistent/dir/prog.exe", cmd, NULL, NULL, FALSE, 0,
                       NULL, NULL, &si, &pi),
        FALSE, ERROR_FILE_NOT_FOUND);
}
END_TEST

/* The child's argv by Windows' rules, and its GetCommandLine: its argv
 * quoted back. */
START_TEST(command_line_round_trip)
{
    char path[256], got[4096], want[8192];
    HANDLE out;
    DWORD n = 0;

    snprintf(path, sizeof(path), "/tmp/%s.txt", name_of("argv"));
    out = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL,
                      CREATE_ALWAYS, 0, NULL);
    ck_assert_ptr_ne(out, INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(finish(start("argv plain \"two words\" a\\\\b \"c\\\\\" "
                                   "d\\\"e \"f\"\"g \"\" end", out)), 0);
    ck_assert_uint_eq(SetFilePointer(out, 0, NULL, FILE_BEGIN), 0);
    ck_assert_int_eq(ReadFile(out, got, sizeof(got) - 1, &n, NULL), TRUE);
    got[n] = '\0';
    snprintf(want, sizeof(want),
             "<plain>\n<two words>\n<a\\\\b>\n<c\\>\n<d\"e>\n<f\"g>\n<>\n<end>\n"
             "%s argv plain \"two words\" a\\\\b c\\ \"d\\\"e\" \"f\\\"g\" \"\" end\n",
             helper);
    ck_assert_str_eq(got, want);
    CloseHandle(out);
    DeleteFileA(path);
}
END_TEST

/* ---- file mappings ------------------------------------------------------- */
START_TEST(mapping_shared_with_child)
{
    const char *name = name_of("map");
    HANDLE m, m2;
    unsigned char *v, *v2;
    char args[256], copy[128];
    int i;

    SetLastError(0xdeadu);
    m = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    v = MapViewOfFile(m, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
    ck_assert_ptr_nonnull(v);
    for (i = 0; i < 256; i++)
        v[i] = (unsigned char)i;
    /* A second create of the name opens the same memory. */
    m2 = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 8192, name);
    ck_assert_uint_eq(GetLastError(), ERROR_ALREADY_EXISTS);
    v2 = MapViewOfFile(m2, FILE_MAP_READ, 0, 0, 0);
    ck_assert_int_eq(memcmp(v, v2, 256), 0);
    snprintf(args, sizeof(args), "map %s", name);
    ck_assert_uint_eq(finish(start(args, NULL)), 0);
    for (i = 0; i < 256; i++)
        ck_assert_uint_eq(v2[256 + i], 255 - i);
    /* The view keeps the object, and its name, after its handles. */
    strcpy(copy, name);
    ck_assert_int_eq(CloseHandle(m), TRUE);
    ck_assert_int_eq(CloseHandle(m2), TRUE);
    ck_assert_int_eq(UnmapViewOfFile(v), TRUE);
    m = OpenFileMappingA(FILE_MAP_READ, FALSE, copy);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(UnmapViewOfFile(v2), TRUE);
    ck_assert_int_eq(CloseHandle(m), TRUE);
    ERR(OpenFileMappingA(FILE_MAP_READ, FALSE, copy), NULL, ERROR_FILE_NOT_FOUND);
}
END_TEST

START_TEST(mapping_errors)
{
    const char *name = name_of("maperr");
    HANDLE m, ro, e;
    void *v;
    char local;

    ERR(OpenFileMappingA(FILE_MAP_READ, FALSE, "wsc-no-such-mapping"), NULL,
        ERROR_FILE_NOT_FOUND);
    ERR(OpenFileMappingA(FILE_MAP_READ, FALSE, NULL), NULL, ERROR_INVALID_PARAMETER);
    ERR(CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0, NULL),
        NULL, ERROR_INVALID_PARAMETER);
    ERR(CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, 0x1234, 0, 4096, NULL),
        NULL, ERROR_INVALID_PARAMETER);
    ERR(MapViewOfFile((HANDLE)(uintptr_t)0x12345670, FILE_MAP_READ, 0, 0, 0), NULL,
        ERROR_INVALID_HANDLE);
    m = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 131072, name);
    ck_assert_ptr_nonnull(m);
    ERR(MapViewOfFile(m, FILE_MAP_READ, 0, 4096, 0), NULL, ERROR_MAPPED_ALIGNMENT);
    ERR(MapViewOfFile(m, FILE_MAP_READ, 0, 0, 131073), NULL, ERROR_ACCESS_DENIED);
    v = MapViewOfFile(m, FILE_MAP_WRITE, 0, 65536, 0); /* the second half */
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(FlushViewOfFile(v, 0), TRUE);
    ERR(UnmapViewOfFile(&local), FALSE, ERROR_INVALID_ADDRESS);
    ck_assert_int_eq(UnmapViewOfFile(v), TRUE);
    ERR(UnmapViewOfFile(v), FALSE, ERROR_INVALID_ADDRESS);
    /* A handle opened for reading maps no writable view. */
    ro = OpenFileMappingA(FILE_MAP_READ, FALSE, name);
    ck_assert_ptr_nonnull(ro);
    ERR(MapViewOfFile(ro, FILE_MAP_WRITE, 0, 0, 0), NULL, ERROR_ACCESS_DENIED);
    /* One namespace: an event cannot take the mapping's name. */
    ERR(CreateEventA(NULL, TRUE, FALSE, name), NULL, ERROR_INVALID_HANDLE);
    e = CreateEventA(NULL, TRUE, FALSE, name_of("evname"));
    ERR(CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096,
                           name_of("evname")),
        NULL, ERROR_INVALID_HANDLE);
    CloseHandle(e);
    CloseHandle(ro);
    CloseHandle(m);
}
END_TEST

START_TEST(mapping_of_a_file)
{
    char path[256], back[4] = "";
    HANDLE f, m, empty;
    char *v;
    DWORD n = 0;

    snprintf(path, sizeof(path), "/tmp/%s.bin", name_of("file"));
    f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    ERR(CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 0, NULL), NULL, ERROR_FILE_INVALID);
    ck_assert_int_eq(WriteFile(f, "abc", 3, &n, NULL), TRUE);
    m = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 0, NULL);
    ck_assert_ptr_nonnull(m);
    v = MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(memcmp(v, "abc", 3), 0);
    v[0] = 'X';
    ck_assert_int_eq(FlushViewOfFile(v, 3), TRUE);
    ck_assert_uint_eq(SetFilePointer(f, 0, NULL, FILE_BEGIN), 0);
    ck_assert_int_eq(ReadFile(f, back, 3, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(memcmp(back, "Xbc", 3), 0);
    ck_assert_int_eq(UnmapViewOfFile(v), TRUE);
    ck_assert_int_eq(CloseHandle(m), TRUE);
    /* A larger writable mapping grows the file. */
    m = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 8192, NULL);
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(GetFileSize(f, NULL), 8192);
    CloseHandle(m);
    empty = INVALID_HANDLE_VALUE;
    ERR(CreateFileMappingA(GetProcessHeap(), NULL, PAGE_READONLY, 0, 1, NULL), NULL,
        ERROR_INVALID_HANDLE);
    (void)empty;
    CloseHandle(f);
    DeleteFileA(path);
}
END_TEST

/* ---- named events across processes --------------------------------------- */
START_TEST(child_sets_parent_event)
{
    HANDLE done = CreateEventA(NULL, TRUE, FALSE, name_of("done"));
    char args[256];
    PROCESS_INFORMATION pi;

    ck_assert_ptr_nonnull(done);
    snprintf(args, sizeof(args), "set %s", name_of("done"));
    pi = start(args, NULL);
    /* Asleep before the child sets it: another process's SetEvent wakes us. */
    ck_assert_uint_eq(WaitForSingleObject(done, BOUND), WAIT_OBJECT_0);
    ck_assert_uint_eq(finish(pi), 0);
    /* A handle opened with SYNCHRONIZE only cannot set it. */
    ck_assert_int_eq(ResetEvent(done), TRUE);
    snprintf(args, sizeof(args), "setsync %s", name_of("done"));
    ck_assert_uint_eq(finish(start(args, NULL)), ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(WaitForSingleObject(done, 0), WAIT_TIMEOUT);
    CloseHandle(done);
    /* Gone with the last handle. */
    ERR(OpenEventA(SYNCHRONIZE, FALSE, name_of("done")), NULL, ERROR_FILE_NOT_FOUND);
}
END_TEST

START_TEST(child_releases_parent_semaphore)
{
    HANDLE sem = CreateSemaphoreA(NULL, 0, 5, name_of("sem")), ro;
    char args[256];
    PROCESS_INFORMATION pi;
    LONG prev = -1;

    ck_assert_ptr_nonnull(sem);
    snprintf(args, sizeof(args), "release %s", name_of("sem"));
    pi = start(args, NULL);
    ck_assert_uint_eq(WaitForSingleObject(sem, BOUND), WAIT_OBJECT_0);
    ck_assert_uint_eq(finish(pi), 0); /* the count it saw before */
    ck_assert_uint_eq(WaitForSingleObject(sem, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(sem, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(ReleaseSemaphore(sem, 5, &prev), TRUE);
    ck_assert_int_eq(prev, 0);
    ERR(ReleaseSemaphore(sem, 1, NULL), FALSE, ERROR_TOO_MANY_POSTS);
    ro = OpenSemaphoreA(SYNCHRONIZE, FALSE, name_of("sem"));
    ck_assert_ptr_nonnull(ro);
    ERR(ReleaseSemaphore(ro, 1, NULL), FALSE, ERROR_ACCESS_DENIED);
    CloseHandle(ro);
    CloseHandle(sem);
}
END_TEST

/* ---- conio on pipes ------------------------------------------------------ */
START_TEST(conio_on_a_pipe)
{
    int in[2], out[2], saved0 = dup(0), saved1 = dup(1);
    char got[16] = "";

    ck_assert(pipe(in) == 0 && pipe(out) == 0);
    ck_assert(dup2(in[0], 0) == 0 && dup2(out[1], 1) == 1);
    ck_assert_int_eq(_kbhit(), 0);
    ck_assert(write(in[1], "ab", 2) == 2);
    ck_assert_int_eq(_kbhit(), 1);
    ck_assert_int_eq(_getch(), 'a');
    ck_assert_int_eq(_ungetch('z'), 'z');
    ck_assert_int_eq(_kbhit(), 1);
    ck_assert_int_eq(_getch(), 'z');
    ck_assert_int_eq(_getche(), 'b'); /* echoed */
    ck_assert_int_eq(_cputs("hi"), 0);
    ck_assert_int_eq(_cprintf("%d-%s", 5, "x"), 3);
    ck_assert_int_eq(_putch('!'), '!');
    close(in[1]);
    ck_assert_int_eq(_getch(), EOF);
    ck_assert(read(out[0], got, sizeof(got) - 1) == 7);
    ck_assert_str_eq(got, "bhi5-x!");
    dup2(saved0, 0);
    dup2(saved1, 1);
    close(in[0]), close(out[0]), close(out[1]), close(saved0), close(saved1);
}
END_TEST

/* system's PAUSE (prompt, a key from standard input, 0; at the input's
 * end it goes on) and CLS (a form feed off a terminal); anything else is
 * the shell's, with its wait status. */
START_TEST(system_console_commands)
{
    int in[2], out[2], saved0 = dup(0), saved1 = dup(1);
    char got[128] = "";
    ssize_t n, len = 0;

    ck_assert(pipe(in) == 0 && pipe(out) == 0);
    ck_assert(dup2(in[0], 0) == 0 && dup2(out[1], 1) == 1);
    ck_assert(write(in[1], "kq", 2) == 2);
    ck_assert_int_eq(system("pause"), 0);
    ck_assert_int_eq(_getch(), 'q'); /* (PAUSE took one key) */
    ck_assert_int_eq(system(" @CLS "), 0);
    close(in[1]);
    ck_assert_int_eq(system("Pause"), 0);
    ck_assert_int_eq(system("exit 3"), 3 << 8);
    fflush(stdout);
    dup2(saved1, 1);
    close(out[1]);
    while ((n = read(out[0], got + len, sizeof(got) - 1 - (size_t)len)) > 0)
        len += n;
    ck_assert_str_eq(got, "Press any key to continue . . . \n\f"
                          "Press any key to continue . . . \n");
    dup2(saved0, 0);
    close(in[0]), close(out[0]), close(saved0), close(saved1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("win32_process");
    TCase *tc = tcase_create("process");
    SRunner *sr;
    int failed;

    find_helper();
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, exit_code_after_wait);
    tcase_add_test(tc, wait_for_several_children);
    tcase_add_test(tc, terminate_gives_the_code);
    tcase_add_test(tc, wide_create_process);
    tcase_add_test(tc, missing_program);
    tcase_add_test(tc, command_line_round_trip);
    tcase_add_test(tc, mapping_shared_with_child);
    tcase_add_test(tc, mapping_errors);
    tcase_add_test(tc, mapping_of_a_file);
    tcase_add_test(tc, child_sets_parent_event);
    tcase_add_test(tc, child_releases_parent_semaphore);
    tcase_add_test(tc, conio_on_a_pipe);
    tcase_add_test(tc, system_console_commands);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
