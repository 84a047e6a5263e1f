/* Paths in the Win32 baseline, through the public headers: '\\' as a
 * separator in every call that takes a path, with the exact results and
 * last-error codes. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <windows.h>

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

static char dir[] = "/tmp/wsc_paths_XXXXXX";

/* A fresh directory to work in, the current one for the test. */
static void enter_temp(void)
{
    memcpy(dir + sizeof(dir) - 7, "XXXXXX", 6);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(chdir(dir), 0);
}

START_TEST(backslash_paths)
{
    char path[128];
    HANDLE f;
    DWORD n;

    enter_temp();
    ck_assert_int_eq(mkdir("sub", 0777), 0);
    /* relative, and absolute with the directory's own backslashes */
    f = CreateFileA("sub\\f.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    ck_assert_int_eq(WriteFile(f, "hi", 2, &n, NULL), TRUE);
    CloseHandle(f);
    ck_assert_int_eq(access("sub/f.txt", F_OK), 0);
    snprintf(path, sizeof(path), "%s\\sub\\f.txt", dir);
    f = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(GetFileSize(f, NULL), 2);
    CloseHandle(f);
    f = CreateFileW(L"sub\\w.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    CloseHandle(f);
    ck_assert_int_eq(access("sub/w.txt", F_OK), 0);
    /* a missing file, a missing directory on the way */
    ERR(CreateFileA("sub\\none.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL),
        INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);
    ERR(CreateFileA("nodir\\f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL),
        INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND);
    ck_assert_int_eq(DeleteFileA("sub\\f.txt"), TRUE);
    ERR(DeleteFileA("sub\\f.txt"), FALSE, ERROR_FILE_NOT_FOUND);
    ERR(DeleteFileA("nodir\\f.txt"), FALSE, ERROR_PATH_NOT_FOUND);
    ck_assert_int_eq(DeleteFileW(L"sub\\w.txt"), TRUE);
    ERR(DeleteFileA(NULL), FALSE, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(rmdir("sub"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("win32_paths");
    TCase *tc = tcase_create("win32_paths");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, backslash_paths);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
