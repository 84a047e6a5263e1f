/* A UNICODE program's entry, as Windows code writes it: _tmain is wmain,
 * argv arrives wide, and _tprintf reads %s as a wide string and %S as a
 * narrow one (Microsoft's rule).  Run by wmain.sh with arguments.
 *
 * Built by wmain.sh again, as C and as C++, with FORM naming one of the
 * other entries MSVC accepts: a void entry (exit status 0) and the
 * (), (argc, argv) and (argc, argv, envp) forms, and a GUI program's
 * _tWinMain; with NARROW, the _tmain ones as an ANSI build's. */
#ifndef NARROW /* -DNARROW: an ANSI build, whose _tmain is main */
#define UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <tchar.h>

/* Leaves a nonzero value where an int result would be: a void entry's
 * exit status comes from the main wscompat writes, not from here. */
static int noise(void)
{
    return _tprintf(_T("%s\n"), _T("void entry"));
}

#ifndef FORM
int __cdecl _tmain(int argc, _TCHAR *argv[])
{
    int i;
    _tprintf(_T("argc=%d\n"), argc);
    for (i = 1; i < argc; i++)
        _tprintf(_T("[%s] len=%d\n"), argv[i], (int)_tcslen(argv[i]));
    _tprintf(_T("%S|%c|%C|%hs|%ls|%ws|%I64d\n"), "narrow", L'w', 'n', "h", L"l",
             L"w", (long long)1 << 40);
    printf("narrow printf after wide: ok\n");
    wprintf(L"%s\n", L"wprintf too");
    (void)noise;
    return argc == 3 ? 0 : 1;
}
#elif FORM == 1 /* the Visual Studio wizard's */
void _tmain()
{
    noise();
}
#elif FORM == 2
void __cdecl _tmain(int argc, _TCHAR *argv[])
{
    noise();
    _tprintf(_T("argc=%d [%s]\n"), argc, argv[argc - 1]);
}
#elif FORM == 3
void wmain(int argc, wchar_t **argv, wchar_t **envp)
{
    int i;
    noise();
    for (i = 0; envp[i]; i++)
        if (!wcsncmp(envp[i], L"WMAIN_ENV=", 10))
            _tprintf(_T("argc=%d [%s] %s\n"), argc, argv[argc - 1], envp[i]);
}
#elif FORM == 4
int wmain(int argc, const wchar_t *const argv[], wchar_t **envp)
{
    int i;
    for (i = 0; envp[i]; i++)
        if (!wcsncmp(envp[i], L"WMAIN_ENV=", 10))
            _tprintf(_T("argc=%d [%s] %s\n"), argc, argv[argc - 1], envp[i]);
    (void)noise;
    return 7;
}
#elif FORM == 5
int wmain(void)
{
    (void)noise;
    return 5;
}
#elif FORM == 6 /* a GUI program's: the command line after the name */
int APIENTRY _tWinMain(_In_ HINSTANCE inst, _In_opt_ HINSTANCE prev,
                       _In_ LPTSTR cmd, _In_ int show)
{
    (void)noise;
    _tprintf(_T("cmd=[%s] show=%d inst=%d prev=%d\n"), cmd, show,
             inst != NULL && inst == GetModuleHandle(NULL), prev == NULL);
    return 6;
}
#endif
