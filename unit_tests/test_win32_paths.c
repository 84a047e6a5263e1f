/* Paths in the Win32 baseline, through the public headers: '\\' as a
 * separator in every call that takes a path, CreateDirectory,
 * RemoveDirectory, GetFileAttributes, the current and temporary
 * directories, GetTempFileName, FindFirstFile/FindNextFile/FindClose and
 * GetModuleFileName, with their exact results and last-error codes; and
 * the CRT's <direct.h> (_mkdir, _rmdir, _chdir, _getcwd) and fopen,
 * freopen, _wfopen and fopen_s, with errno. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <windows.h>
#include <direct.h>
#include <errno.h>

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

static void touch(const char *name, const char *text)
{
    FILE *f = fopen(name, "w");

    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
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

START_TEST(directories)
{
    enter_temp();
    ck_assert_int_eq(CreateDirectoryA("a", NULL), TRUE);
    ERR(CreateDirectoryA("a", NULL), FALSE, ERROR_ALREADY_EXISTS);
    ck_assert_int_eq(CreateDirectoryA("a\\b", NULL), TRUE);
    ck_assert_int_eq(CreateDirectoryW(L"a\\b\\w\u00e9", NULL), TRUE);
    ck_assert_int_eq(access("a/b/w\xc3\xa9", F_OK), 0);
    ERR(CreateDirectoryA("none\\b", NULL), FALSE, ERROR_PATH_NOT_FOUND);
    ERR(CreateDirectoryA(NULL, NULL), FALSE, ERROR_INVALID_PARAMETER);
    touch("file", "x");
    ERR(CreateDirectoryA("file", NULL), FALSE, ERROR_ALREADY_EXISTS);
    ERR(RemoveDirectoryA("a"), FALSE, ERROR_DIR_NOT_EMPTY);
    ERR(RemoveDirectoryA("file"), FALSE, ERROR_DIRECTORY);
    ERR(RemoveDirectoryA("none"), FALSE, ERROR_FILE_NOT_FOUND);
    ERR(RemoveDirectoryA("none\\b"), FALSE, ERROR_PATH_NOT_FOUND);
    ck_assert_int_eq(RemoveDirectoryW(L"a\\b\\w\u00e9"), TRUE);
    ck_assert_int_eq(RemoveDirectoryA("a\\b"), TRUE);
    ck_assert_int_eq(RemoveDirectoryA("a"), TRUE);
    ck_assert_int_eq(access("a", F_OK), -1);
    ck_assert_int_eq(unlink("file"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* The CRT's one-argument _mkdir and the rest: 0, or -1 with errno. */
#define CRT_ERR(call, code)                                          \
    do {                                                             \
        errno = 0;                                                   \
        ck_assert_int_eq((call), -1);                                \
        ck_assert_int_eq(errno, (code));                             \
    } while (0)

START_TEST(crt_directories)
{
    char buf[PATH_MAX], *cwd;
    wchar_t wbuf[PATH_MAX];

    enter_temp();
    ck_assert_int_eq(_mkdir("logs"), 0);
    CRT_ERR(_mkdir("logs"), EEXIST);
    ck_assert_int_eq(_mkdir("logs\\today"), 0);
    ck_assert_int_eq(access("logs/today", F_OK), 0);
    ck_assert_int_eq(_wmkdir(L"logs\\w\u00e9"), 0);
    ck_assert_int_eq(access("logs/w\xc3\xa9", F_OK), 0);
    CRT_ERR(_mkdir("none\\b"), ENOENT);
    CRT_ERR(_mkdir(NULL), EINVAL);
    CRT_ERR(_rmdir("logs"), ENOTEMPTY);
    ck_assert_int_eq(_chdir("logs\\today"), 0);
    ck_assert_ptr_eq(_getcwd(buf, sizeof(buf)), buf);
    ck_assert_int_eq(strcmp(buf + strlen(buf) - 11, "/logs/today"), 0);
    cwd = _getcwd(NULL, 0);
    ck_assert_str_eq(cwd, buf);
    free(cwd);
    ck_assert_ptr_null(_getcwd(buf, 3));
    ck_assert_int_eq(errno, ERANGE);
    ck_assert_ptr_eq(_wgetcwd(wbuf, PATH_MAX), wbuf);
    ck_assert_int_eq(wcscmp(wbuf + wcslen(wbuf) - 11, L"/logs/today"), 0);
    ck_assert_int_eq(_chdir(".."), 0);
    ck_assert_int_eq(_getdrive(), 3);
    ck_assert_int_eq(_rmdir("today"), 0);
    ck_assert_int_eq(_wrmdir(L"w\u00e9"), 0);
    ck_assert_int_eq(_chdir(".."), 0);
    ck_assert_int_eq(_rmdir("logs"), 0);
    CRT_ERR(_rmdir("logs"), ENOENT);
    CRT_ERR(_chdir("logs"), ENOENT);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* The C library's fopen and its relatives read '\\' in a path too. */
START_TEST(crt_fopen)
{
    char buf[16] = "";
    FILE *f, *g;

    enter_temp();
    ck_assert_int_eq(_mkdir("d"), 0);
    ck_assert_ptr_nonnull(f = fopen("d\\one.txt", "w"));
    fputs("one", f);
    fclose(f);
    ck_assert_ptr_nonnull(f = fopen("d/one.txt", "r"));
    ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), f));
    ck_assert_str_eq(buf, "one");
    ck_assert_ptr_nonnull(g = freopen("d\\two.txt", "w", f));
    fputs("two", g);
    fclose(g);
    ck_assert_int_eq(access("d/two.txt", F_OK), 0);
    ck_assert_ptr_nonnull(f = _wfopen(L"d\\two.txt", L"r"));
    fclose(f);
    ck_assert_int_eq(fopen_s(&f, "d\\one.txt", "r"), 0);
    fclose(f);
    errno = 0;
    ck_assert_ptr_null(fopen("d\\none.txt", "r"));
    ck_assert_int_eq(errno, ENOENT);
    errno = 0;
    ck_assert_ptr_null(fopen(NULL, "r"));
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(unlink("d/one.txt"), 0);
    ck_assert_int_eq(unlink("d/two.txt"), 0);
    ck_assert_int_eq(_rmdir("d"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(file_attributes)
{
    enter_temp();
    ck_assert_int_eq(mkdir("d", 0777), 0);
    touch("d/f", "x");
    touch("ro", "x");
    ck_assert_int_eq(chmod("ro", 0444), 0);
    ck_assert_uint_eq(GetFileAttributesA("d"), FILE_ATTRIBUTE_DIRECTORY);
    ck_assert_uint_eq(GetFileAttributesA("d\\"), FILE_ATTRIBUTE_DIRECTORY);
    ck_assert_uint_eq(GetFileAttributesA("d\\f"), FILE_ATTRIBUTE_ARCHIVE);
    ck_assert_uint_eq(GetFileAttributesW(L"d\\f"), FILE_ATTRIBUTE_ARCHIVE);
    ck_assert_uint_eq(GetFileAttributesA("ro"), FILE_ATTRIBUTE_READONLY);
    ck_assert_uint_eq(GetFileAttributesA("."), FILE_ATTRIBUTE_DIRECTORY);
    ERR(GetFileAttributesA("d\\none"), INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND);
    ERR(GetFileAttributesA("none\\f"), INVALID_FILE_ATTRIBUTES, ERROR_PATH_NOT_FOUND);
    ERR(GetFileAttributesW(L"none"), INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND);
    ERR(GetFileAttributesA(NULL), INVALID_FILE_ATTRIBUTES, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(unlink("d/f"), 0);
    ck_assert_int_eq(unlink("ro"), 0);
    ck_assert_int_eq(rmdir("d"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(current_directory)
{
    char cwd[256], buf[256];
    wchar_t wbuf[256];
    DWORD len;

    enter_temp();
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
    len = (DWORD)strlen(cwd);
    ck_assert_uint_eq(GetCurrentDirectoryA(0, NULL), len + 1);
    memset(buf, '#', sizeof(buf));
    ck_assert_uint_eq(GetCurrentDirectoryA(len, buf), len + 1);
    ck_assert_int_eq(buf[0], '#'); /* not written */
    ck_assert_uint_eq(GetCurrentDirectoryA(len + 1, buf), len);
    ck_assert_str_eq(buf, cwd);
    ck_assert_uint_eq(GetCurrentDirectoryW(0, NULL), len + 1);
    ck_assert_uint_eq(GetCurrentDirectoryW(256, wbuf), len);
    ck_assert_uint_eq(wcslen(wbuf), len);
    ck_assert_int_eq(wbuf[len - 1], cwd[len - 1]);
    ck_assert_int_eq(mkdir("sub", 0777), 0);
    ck_assert_int_eq(mkdir("sub/in", 0777), 0);
    touch("file", "");
    ck_assert_int_eq(SetCurrentDirectoryA("sub\\in"), TRUE);
    ck_assert_uint_eq(GetCurrentDirectoryA(sizeof(buf), buf), len + 7);
    ck_assert_str_eq(buf + len, "/sub/in");
    ck_assert_int_eq(SetCurrentDirectoryW(L"..\\.."), TRUE);
    ck_assert_uint_eq(GetCurrentDirectoryA(sizeof(buf), buf), len);
    ERR(SetCurrentDirectoryA("none"), FALSE, ERROR_FILE_NOT_FOUND);
    ERR(SetCurrentDirectoryA("none\\x"), FALSE, ERROR_PATH_NOT_FOUND);
    ERR(SetCurrentDirectoryA("file"), FALSE, ERROR_DIRECTORY);
    ERR(SetCurrentDirectoryA(NULL), FALSE, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(rmdir("sub/in"), 0);
    ck_assert_int_eq(rmdir("sub"), 0);
    ck_assert_int_eq(unlink("file"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(temp_path)
{
    char buf[256];
    wchar_t wbuf[256];

    enter_temp();
    unsetenv("TMPDIR");
    ck_assert_uint_eq(GetTempPathA(sizeof(buf), buf), 5);
    ck_assert_str_eq(buf, "/tmp/");
    setenv("TMPDIR", dir, 1);
    ck_assert_uint_eq(GetTempPathA(sizeof(buf), buf), strlen(dir) + 1);
    ck_assert_int_eq(buf[strlen(dir)], '/'); /* the separator added */
    ck_assert_int_eq(strncmp(buf, dir, strlen(dir)), 0);
    ck_assert_uint_eq(GetTempPathA(0, NULL), strlen(dir) + 2);
    memset(buf, '#', sizeof(buf));
    ck_assert_uint_eq(GetTempPathA((DWORD)strlen(dir) + 1, buf), strlen(dir) + 2);
    ck_assert_int_eq(buf[0], '#');
    setenv("TMPDIR", "/var/tmp/", 1);
    ck_assert_uint_eq(GetTempPathW(256, wbuf), 9);
    ck_assert(!wcscmp(wbuf, L"/var/tmp/"));
    ck_assert_uint_eq(GetTempPathW(9, wbuf), 10);
    unsetenv("TMPDIR");
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(temp_file_name)
{
    char name[MAX_PATH], want[MAX_PATH];
    wchar_t wname[MAX_PATH];
    UINT u;

    enter_temp();
    u = GetTempFileNameA(".", "wscompat", 0, name);
    ck_assert_uint_ne(u, 0);
    snprintf(want, sizeof(want), "./wsc%X.tmp", u);
    ck_assert_str_eq(name, want);
    ck_assert_int_eq(access(name, F_OK), 0); /* created */
    ck_assert_uint_ne(GetTempFileNameA(".\\", "wsc", 0, want), 0);
    ck_assert_str_ne(want, name);
    ck_assert_int_eq(unlink(want), 0);
    ck_assert_int_eq(unlink(name), 0);
    ck_assert_uint_eq(GetTempFileNameA(dir, "ab", 0x1234, name), 0x1234);
    snprintf(want, sizeof(want), "%s/ab1234.tmp", dir);
    ck_assert_str_eq(name, want);
    ck_assert_int_eq(access(name, F_OK), -1); /* named only */
    ck_assert_uint_eq(GetTempFileNameW(L".", L"w", 0xbeef, wname), 0xbeef);
    ck_assert(!wcscmp(wname, L"./wBEEF.tmp"));
    ERR(GetTempFileNameA("none", "x", 0, name), 0, ERROR_DIRECTORY);
    ERR(GetTempFileNameA(".", NULL, 0, name), 0, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* The names a search finds, comma-separated. */
static void find_all(const char *pattern, const char *want)
{
    WIN32_FIND_DATAA fd;
    char got[512] = "";
    HANDLE h = FindFirstFileA(pattern, &fd);

    ck_assert_ptr_ne(h, INVALID_HANDLE_VALUE);
    do {
        if (*got)
            strcat(got, ",");
        strcat(got, fd.cFileName);
    } while (FindNextFileA(h, &fd));
    ck_assert_uint_eq(GetLastError(), ERROR_NO_MORE_FILES);
    ERR(FindNextFileA(h, &fd), FALSE, ERROR_NO_MORE_FILES);
    ck_assert_int_eq(FindClose(h), TRUE);
    ck_assert_str_eq(got, want);
}

START_TEST(find_files)
{
    WIN32_FIND_DATAA fd;
    WIN32_FIND_DATAW wfd;
    HANDLE h;

    enter_temp();
    ck_assert_int_eq(mkdir("sub", 0777), 0);
    touch("sub/a.txt", "hello");
    touch("sub/B.TXT", "");
    touch("sub/c.dat", "");
    touch("sub/noext", "");
    ck_assert_int_eq(mkdir("sub/dir", 0777), 0);
    find_all("sub\\*", ".,..,a.txt,B.TXT,c.dat,dir,noext");
    find_all("sub/*.*", ".,..,a.txt,B.TXT,c.dat,dir,noext");
    find_all("sub\\*.txt", "a.txt,B.TXT");
    find_all("sub\\?.dat", "c.dat");
    find_all("sub\\noext.*", "noext");
    find_all("sub\\A.TXT", "a.txt");
    find_all("sub", "sub");
    ck_assert_int_eq(chdir("sub"), 0);
    find_all("*t", "a.txt,B.TXT,c.dat,noext");
    ck_assert_int_eq(chdir(".."), 0);

    h = FindFirstFileA("sub\\a*", &fd);
    ck_assert_ptr_ne(h, INVALID_HANDLE_VALUE);
    ck_assert_str_eq(fd.cFileName, "a.txt");
    ck_assert_uint_eq(fd.dwFileAttributes, FILE_ATTRIBUTE_ARCHIVE);
    ck_assert_uint_eq(fd.nFileSizeLow, 5);
    ck_assert_uint_eq(fd.nFileSizeHigh, 0);
    ck_assert_uint_ne(fd.ftLastWriteTime.dwHighDateTime, 0);
    ck_assert_int_eq(FindClose(h), TRUE);
    ERR(FindClose(h), FALSE, ERROR_INVALID_HANDLE);
    ERR(FindNextFileA(h, &fd), FALSE, ERROR_INVALID_HANDLE);
    ERR(FindClose(INVALID_HANDLE_VALUE), FALSE, ERROR_INVALID_HANDLE);

    h = FindFirstFileW(L"sub\\d*", &wfd);
    ck_assert_ptr_ne(h, INVALID_HANDLE_VALUE);
    ck_assert(!wcscmp(wfd.cFileName, L"dir"));
    ck_assert_uint_eq(wfd.dwFileAttributes, FILE_ATTRIBUTE_DIRECTORY);
    ck_assert_uint_eq(wfd.nFileSizeLow, 0);
    ERR(FindNextFileW(h, &wfd), FALSE, ERROR_NO_MORE_FILES);
    ck_assert_int_eq(FindClose(h), TRUE);

    ERR(FindFirstFileA("sub\\*.none", &fd), INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);
    ERR(FindFirstFileA("none\\*", &fd), INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND);
    ERR(FindFirstFileA("sub\\", &fd), INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);
    ERR(FindFirstFileA(NULL, &fd), INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER);
    ERR(FindFirstFileW(L"none", &wfd), INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);

    ck_assert_int_eq(system("rm -r sub"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(module_file_name)
{
    char self[PATH_MAX], buf[PATH_MAX];
    wchar_t wbuf[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", self, sizeof(self) - 1);
    DWORD len;

    ck_assert_int_gt(k, 1);
    self[k] = '\0';
    len = (DWORD)k;
    ERR(GetModuleFileNameA(NULL, buf, sizeof(buf)), len, ERROR_SUCCESS);
    ck_assert_str_eq(buf, self);
    ERR(GetModuleFileNameA(GetModuleHandleA(NULL), buf, sizeof(buf)), len, ERROR_SUCCESS);
    ERR(GetModuleFileNameA(NULL, buf, len + 1), len, ERROR_SUCCESS);
    ck_assert_str_eq(buf, self);
    /* too small: cut to size - 1 characters and a NUL, the answer size */
    ERR(GetModuleFileNameA(NULL, buf, len), len, ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(strlen(buf), len - 1);
    ck_assert_int_eq(strncmp(buf, self, len - 1), 0);
    ERR(GetModuleFileNameA(NULL, buf, 4), 4, ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(strlen(buf), 3);
    ERR(GetModuleFileNameA(NULL, buf, 0), 0, ERROR_INSUFFICIENT_BUFFER);
    ERR(GetModuleFileNameW(NULL, wbuf, PATH_MAX), len, ERROR_SUCCESS);
    ck_assert_uint_eq(wcslen(wbuf), len);
    ck_assert_int_eq(wbuf[0], '/');
    ERR(GetModuleFileNameW(NULL, wbuf, 2), 2, ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wbuf[0], '/');
    ck_assert_int_eq(wbuf[1], 0);
    ERR(GetModuleFileNameA((HMODULE)(uintptr_t)0x1234, buf, sizeof(buf)), 0,
        ERROR_MOD_NOT_FOUND);
    /* a system DLL: the library its functions are in */
    ck_assert_uint_gt(GetModuleFileNameA(LoadLibraryA("ws2_32.dll"), buf, sizeof(buf)), 1);
    ck_assert_int_eq(buf[0], '/');
    ck_assert_int_eq(access(buf, F_OK), 0);
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
    tcase_add_test(tc, directories);
    tcase_add_test(tc, crt_directories);
    tcase_add_test(tc, crt_fopen);
    tcase_add_test(tc, file_attributes);
    tcase_add_test(tc, current_directory);
    tcase_add_test(tc, temp_path);
    tcase_add_test(tc, temp_file_name);
    tcase_add_test(tc, find_files);
    tcase_add_test(tc, module_file_name);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
