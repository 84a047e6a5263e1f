/* A UNICODE program's entry, as Windows code writes it: _tmain is wmain,
 * argv arrives wide, and _tprintf reads %s as a wide string and %S as a
 * narrow one (Microsoft's rule).  Run by wmain.sh with arguments. */
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <tchar.h>

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
    return argc == 3 ? 0 : 1;
}
