/* Windows code as it is written, compiled with -Wall -Wextra -pedantic
 * -Werror as C99 and C11, ANSI and (-DUNICODE -D_UNICODE) UNICODE, and
 * run: the header spellings, calling conventions, SAL and __declspec,
 * __try/__finally, min/max, _countof, strsafe.h's return codes and
 * truncation, the secure CRT, TCHAR, ioctlsocket(FIONREAD) into each of
 * Windows' 32-bit types, struct in_addr's S_un, the basetsd.h/windef.h
 * type names, code page conversion, the lstr functions and the version
 * as Windows code writes them. */
/* A Visual Studio project's targetver.h: the version it asks for, and
 * what SDKDDKVer.h derives from it. */
#define _WIN32_WINNT 0x0600
#include <SDKDDKVer.h>
#if NTDDI_VERSION != NTDDI_VISTA || WINVER != _WIN32_WINNT_VISTA || \
    _WIN32_IE != 0x0700 || _WIN32_WINNT_WIN7 != 0x0601 || NTDDI_WIN8 != 0x06020000
#error SDKDDKVer.h
#endif
#include <WinSock2.h>
#include <Winsock2.h>
#include <WS2tcpip.h>
#include <Ws2tcpip.h>
#include <Windows.h>
#include <MSWSock.h>
#include <mstcpip.h>
#include <ws2def.h>
#include <ws2ipdef.h>
#include <wspiapi.h>
#include <iphlpapi.h>
#include <IcmpAPI.h>
#include <IPExport.h>
#include <inaddr.h>
#include <in6addr.h>
#include <winerror.h>
#include <windef.h>
#include <winbase.h>
#include <process.h>
#include <sal.h>
#include <tchar.h>
#include <strsafe.h>
#include <io.h>
#include <winternl.h>
#include <NTSecAPI.h>
#include <Shlwapi.h>
#include <direct.h>
#include <Direct.h>
#include <mmsystem.h>
#include <TimeAPI.h>
#include <ntstatus.h>
#include <sys/stat.h>

#pragma comment(lib, "ws2_32.lib")

/* Linux's own socket names are not there, as on Windows: portable code
 * tests for them (#ifndef MSG_NOSIGNAL / #define MSG_NOSIGNAL 0). */
#if defined(MSG_NOSIGNAL) || defined(MSG_DONTWAIT) || defined(MSG_MORE) || \
    defined(SO_REUSEPORT) || defined(SO_BINDTODEVICE) || defined(SO_PEERCRED)
#error a Linux-only socket name is visible
#endif

static int failures;
#define CHECK(c)                                                            \
    do {                                                                    \
        if (!(c)) {                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);             \
            failures++;                                                     \
        }                                                                   \
    } while (0)

typedef int (WSAAPI *LPFN_CLOSESOCKET_)(SOCKET s);
/* The raw-socket samples' headers: packed by pshpack1.h, back by poppack.h. */
#include <pshpack1.h>
typedef struct { UCHAR ver_ihl; USHORT len; ULONG src; } PACKED_HDR_;
#include <poppack.h>
typedef struct { UCHAR ver_ihl; USHORT len; ULONG src; } UNPACKED_HDR_;
typedef char pshpack1_packs[sizeof(PACKED_HDR_) == 7 ? 1 : -1];
typedef char poppack_restores[sizeof(UNPACKED_HDR_) == 8 ? 1 : -1];
static __declspec(thread) int tls_value;
__declspec(noinline) static int FAR PASCAL annotated(_In_ int a,
                                                    _In_reads_(n) const char *p,
                                                    _In_ size_t n,
                                                    _Out_writes_to_(n, 1) char *out,
                                                    _Inout_opt_ int *io)
{
    UNREFERENCED_PARAMETER(io);
    out[0] = n ? p[0] : 0;
    return a;
}
_Check_return_ _Ret_maybenull_ static __forceinline const char *__cdecl pass(
    _In_z_ const char *s)
{
    return s;
}
static unsigned __stdcall thread_proc_(void *arg) { return (unsigned)(uintptr_t)arg; }
static __int64 big = 1;
static _int64 big2 = 2;
static __int32 i32 = 3;
static unsigned __int8 u8 = 4;

static int finally_runs, except_runs;
static int seh(int leave)
{
    int r = 0;
    __try {
        if (leave)
            __leave;
        r = 1;
    }
    __finally {
        finally_runs++;
        CHECK(!AbnormalTermination());
    }
    __try {
        r += 10;
    }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        except_runs++;
    }
    return r;
}

static void text(void)
{
    char a[8];
    wchar_t w[8], w16[16];
    size_t len = 99;
    TCHAR t[16];

    /* StringCch*: always terminated, the cut result and the error. */
    {
        STRSAFE_PCNZWCH nz = (STRSAFE_PCNZWCH)L"wide";
        STRSAFE_PCNZCH nza = (STRSAFE_PCNZCH)"narrow";
        STRSAFE_LPCWSTR lw = nz;
        CHECK(nz[0] == L'w' && nza[0] == 'n' && lw == nz);
    }
    CHECK(StringCchCopyA(a, _countof(a), "1234567") == S_OK && !strcmp(a, "1234567"));
    CHECK(StringCchCopyA(a, _countof(a), "12345678") == STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(!strcmp(a, "1234567"));
    CHECK(StringCchCopyA(a, 0, "x") == STRSAFE_E_INVALID_PARAMETER);
    CHECK(STRSAFE_E_INSUFFICIENT_BUFFER == (HRESULT)0x8007007A);
    CHECK(StringCchCopyA(a, 4, "ab") == S_OK);
    CHECK(StringCchCatA(a, 4, "c") == S_OK && !strcmp(a, "abc"));
    CHECK(StringCchCatA(a, 4, "d") == STRSAFE_E_INSUFFICIENT_BUFFER && !strcmp(a, "abc"));
    CHECK(StringCchCopyNA(a, 8, "abcdef", 2) == S_OK && !strcmp(a, "ab"));
    CHECK(StringCchCatNA(a, 8, "cdefgh", 3) == S_OK && !strcmp(a, "abcde"));
    CHECK(StringCchLengthA("abc", 8, &len) == S_OK && len == 3);
    CHECK(StringCchLengthA("abc", 3, &len) == STRSAFE_E_INVALID_PARAMETER && len == 0);
    CHECK(StringCbLengthA("abc", 8, &len) == S_OK && len == 3);
    CHECK(StringCchPrintfA(a, 8, "%d-%s", 42, "xy") == S_OK && !strcmp(a, "42-xy"));
    CHECK(StringCchPrintfA(a, 8, "%s", "1234567") == S_OK && !strcmp(a, "1234567"));
    CHECK(StringCchPrintfA(a, 8, "%s", "123456789") == STRSAFE_E_INSUFFICIENT_BUFFER &&
          !strcmp(a, "1234567"));
    CHECK(StringCbPrintfA(a, sizeof a, "%I64d", (long long)-5) == S_OK && !strcmp(a, "-5"));
    CHECK(StringCchCopyW(w, 4, L"abcd") == STRSAFE_E_INSUFFICIENT_BUFFER && !wcscmp(w, L"abc"));
    CHECK(StringCchPrintfW(w, 8, L"%s|%S", L"ab", "cd") == S_OK && !wcscmp(w, L"ab|cd"));
    CHECK(StringCchPrintfW(w, 4, L"%s", L"abcd") == STRSAFE_E_INSUFFICIENT_BUFFER &&
          !wcscmp(w, L"abc"));
    CHECK(StringCchLengthW(L"ab", STRSAFE_MAX_CCH, &len) == S_OK && len == 2);

    /* The secure CRT and _snprintf. */
    CHECK(strcpy_s(a, sizeof a, "1234567") == 0 && !strcmp(a, "1234567"));
    CHECK(strcpy_s(a, sizeof a, "12345678") == ERANGE && a[0] == 0);
    CHECK(strcpy_s(a, sizeof a, NULL) == EINVAL && a[0] == 0);
    CHECK(strcpy_s(NULL, 4, "x") == EINVAL);
    CHECK(strcpy_s(a, 4, "ab") == 0 && strcat_s(a, 4, "c") == 0 && !strcmp(a, "abc"));
    CHECK(strcat_s(a, 4, "d") == ERANGE && a[0] == 0);
    CHECK(strncpy_s(a, 4, "abcdef", _TRUNCATE) == STRUNCATE && !strcmp(a, "abc"));
    CHECK(strncpy_s(a, 8, "abcdef", 2) == 0 && !strcmp(a, "ab"));
    CHECK(sprintf_s(a, sizeof a, "%d", 1234567) == 7 && !strcmp(a, "1234567"));
    CHECK(sprintf_s(a, sizeof a, "%d", 12345678) == -1 && a[0] == 0);
    CHECK(_snprintf_s(a, sizeof a, _TRUNCATE, "%s", "123456789") == -1 && !strcmp(a, "1234567"));
    memset(a, 'x', sizeof a);
    CHECK(_snprintf(a, 4, "%s", "abcd") == 4 && memcmp(a, "abcdx", 5) == 0); /* no NUL */
    CHECK(_snprintf(a, 4, "%s", "abcde") == -1 && memcmp(a, "abcdx", 5) == 0);
    CHECK(_snprintf(a, 4, "%s", "ab") == 2 && !strcmp(a, "ab"));
    CHECK(_snprintf(a, sizeof a, "%I64u|%Id", 7ull, (ptrdiff_t)-1) == 4 && !strcmp(a, "7|-1"));
    {
        /* long is Windows' 32 bits: a LONG or DWORD with %ld/%lu/%lx is
         * read whole; %lld is still 64 bits, %ls still wide. */
        char l[48];
        LONG neg = -1;
        DWORD big = 4000000000u, hex = 0xdeadbeefu;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
        CHECK(_snprintf(l, sizeof l, "%ld|%lu|%lx|%lld|%ls", neg, big, hex,
                        (long long)-5000000000ll, L"w") == 36 &&
              !strcmp(l, "-1|4000000000|deadbeef|-5000000000|w"));
        CHECK(sprintf_s(l, sizeof l, "%5ld|%-3lu|", neg, (DWORD)7) == 10 &&
              !strcmp(l, "   -1|7  |"));
#pragma GCC diagnostic pop
    }
    CHECK(!strcmp(_itoa(-255, a, 10), "-255") && !strcmp(_itoa(255, a, 16), "ff"));
    CHECK(_stricmp("AbC", "aBc") == 0 && _strnicmp("ABx", "aby", 2) == 0);
    CHECK(_wcsicmp(L"AbC", L"aBc") == 0);
    CHECK(!strcmp(_strlwr(strcpy(a, "AbC")), "abc"));
    CHECK(_snwprintf(w16, 16, L"%s %c %hs %S %ls %ws", L"a", L'b', "c", "d", L"e", L"f") == 11 &&
          !wcscmp(w16, L"a b c d e f"));
    CHECK(_snwprintf(w16, 8, L"%s", L"123456789") == -1 && !wmemcmp(w16, L"12345678", 8));
    CHECK(_snwprintf(w, 8, L"%s%c%hs", L"ab", L'c', "d") == 4 && !wcscmp(w, L"abcd"));
    CHECK(swprintf(w, 8, L"%s=%d", L"n", 5) == 3 && !wcscmp(w, L"n=5"));

    /* TCHAR, in the build's character set. */
    CHECK(_tcscpy(t, _T("Hello")) == t && _tcslen(t) == 5);
    CHECK(_tcscmp(t, TEXT("Hello")) == 0 && _tcsicmp(t, _T("HELLO")) == 0);
    CHECK(_tcschr(t, _T('l')) == t + 2 && _tcsrchr(t, _T('l')) == t + 3);
    CHECK(_tcsstr(t, _T("llo")) == t + 2 && _ttoi(_T("42")) == 42);
    CHECK(_tcstol(_T("ff"), NULL, 16) == 255 && _totupper(_T('a')) == _T('A'));
    CHECK(_istdigit(_T('7')) && _istspace(_T(' ')));
    CHECK(_stprintf_s(t, _countof(t), _T("%s%d"), _T("x"), 1) == 2 && !_tcscmp(t, _T("x1")));
#ifdef _UNICODE
    CHECK(sizeof(TCHAR) == sizeof(wchar_t) && sizeof(_TCHAR) == sizeof(wchar_t));
#else
    CHECK(sizeof(TCHAR) == 1 && sizeof(_TCHAR) == 1);
#endif
}

/* The type names basetsd.h, windef.h and winnt.h give, code page
 * conversion, lstr* with TCHAR and GetVersionEx. */
typedef char uint64_is_8[sizeof(UINT64) == 8 && sizeof(DWORD64) == 8 ? 1 : -1];
typedef char int_ptr_is_a_pointer[sizeof(INT_PTR) == sizeof(void *) &&
                                  sizeof(LONG_PTR) == sizeof(void *) &&
                                  sizeof(UINT_PTR) == sizeof(void *) ? 1 : -1];
/* SIO_TCP_INFO's and SO_BSP_STATE's structures as the SDK lays them out
 * (the sizes mingw-w64 gives on x86-64). */
typedef char tcp_info_layout[sizeof(TCP_INFO_v0) == 88 &&
                             sizeof(TCP_INFO_v1) == 136 &&
                             offsetof(TCP_INFO_v0, BytesOut) == 48 &&
                             offsetof(TCP_INFO_v0, SynRetrans) == 84 &&
                             offsetof(TCP_INFO_v1, SndLimBytesSnd) == 128
                                 ? 1 : -1];
typedef char csaddr_info_layout[sizeof(CSADDR_INFO) ==
                                        2 * sizeof(SOCKET_ADDRESS) + 8 &&
                                    offsetof(CSADDR_INFO, iSocketType) ==
                                        2 * sizeof(SOCKET_ADDRESS)
                                ? 1 : -1];
static void win32_text(void)
{
    DWORD_PTR dp = 1;
    ULONG_PTR up = 2;
    SIZE_T sz = 3;
    DWORD d = 4;
    BYTE by = 5;
    WORD wd = 6;
    SHORT sh = 7;
    USHORT us = 8;
    LONGLONG ll = 9;
    ULONGLONG ull = 10;
    DWORD64 d64 = 11;
    PDWORD_PTR pdp = &dp;
    PULONG_PTR pup = &up;
    PSIZE_T psz = &sz;
    LPDWORD pd = &d;
    LPBYTE lpb = &by;
    PBYTE pb = &by;
    LPWORD pw = &wd;
    PSHORT psh = &sh;
    PUSHORT pus = &us;
    PLONGLONG pll = &ll;
    PULONGLONG pull = &ull;
    PDWORD64 pd64 = &d64;
    INT_PTR ip = -1;
    LONG_PTR lp = -2;
    UINT_PTR uip = 3;
    HMODULE mod = NULL;
    HINSTANCE inst = mod;
    LPCVOID cv = &d;
    TCHAR t[16];
    LPTSTR lt = t;
    PTSTR pt = t;
    LPCTSTR lct = TEXT("host");
    PCTSTR pct = lct;
    WCHAR wide[16];
    char narrow[16];
    OSVERSIONINFO osvi;
    OSVERSIONINFOEX osvx;
    LPOSVERSIONINFO posvi = &osvi;

    CHECK(*pdp + *pup + *psz + *pd + *lpb + *pb + *pw + *psh + *pus == 41);
    CHECK(*pll + (LONGLONG)*pull + (LONGLONG)*pd64 == 30 && ip + lp + (INT_PTR)uip == 0);
    CHECK(inst == NULL && cv == &d);
    CHECK(MultiByteToWideChar(CP_ACP, 0, "host", -1, wide, _countof(wide)) == 5);
    CHECK(WideCharToMultiByte(CP_ACP, 0, wide, -1, narrow, sizeof narrow, NULL, NULL) == 5);
    CHECK(!strcmp(narrow, "host") && lstrcmpW(wide, L"host") == 0);
    CHECK(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xC0", 1, wide, 16) == 0 &&
          GetLastError() == ERROR_NO_UNICODE_TRANSLATION);
    CHECK(lstrcpy(lt, lct) == t && lstrlen(pt) == 4 && lstrcmp(pt, pct) == 0);
    CHECK(lstrcat(t, TEXT("S")) == t && lstrcmpi(t, TEXT("HOSTs")) == 0);
    CHECK(lstrcpyn(t, TEXT("abcdef"), 3) == t && lstrlen(t) == 2);
    ZeroMemory(&osvi, sizeof osvi);
    osvi.dwOSVersionInfoSize = sizeof osvi;
    CHECK(GetVersionEx(posvi) && osvi.dwMajorVersion == 6 && osvi.dwMinorVersion == 2);
    ZeroMemory(&osvx, sizeof osvx);
    osvx.dwOSVersionInfoSize = sizeof osvx;
    CHECK(GetVersionEx((LPOSVERSIONINFO)&osvx) && osvx.wProductType == VER_NT_WORKSTATION);
    CHECK(LOBYTE(LOWORD(GetVersion())) == 6 && osvx.dwPlatformId == VER_PLATFORM_WIN32_NT);
    CHECK(&GenerateConsoleCtrlEvent != NULL && GetACP() == CP_UTF8);
}

/* ioctlsocket(FIONREAD) into each type Windows code passes, over a pair
 * with 5 bytes queued. */
/* Windows' in6_addr (u.Byte, u.Word, s6_addr), in6addr_loopback and the
 * IN6_IS_ADDR_ tests on it, and a loopback connection over it. */
static void in6(void)
{
    SOCKADDR_IN6 a, b;
    IN6_ADDR m;
    struct ipv6_mreq mr;
    int alen = sizeof a;
    SOCKET l, c;

    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    CHECK(a.sin6_addr.u.Byte[15] == 1 && a.sin6_addr.u.Word[7] == htons(1));
    CHECK(a.sin6_addr.s6_addr[15] == 1 && IN6_IS_ADDR_LOOPBACK(&a.sin6_addr));
    CHECK(!IN6_IS_ADDR_UNSPECIFIED(&a.sin6_addr) && IN6_IS_ADDR_UNSPECIFIED(&in6addr_any));
    CHECK(inet_pton(AF_INET6, "ff02::1", &m) == 1 && IN6_IS_ADDR_MULTICAST(&m) &&
          IN6_IS_ADDR_MC_LINKLOCAL(&m) && !IN6_IS_ADDR_MC_GLOBAL(&m));
    CHECK(inet_pton(AF_INET6, "::ffff:10.0.0.1", &m) == 1 && IN6_IS_ADDR_V4MAPPED(&m) &&
          m.u.Byte[12] == 10);
    CHECK(inet_pton(AF_INET6, "fe80::1", &m) == 1 && IN6_IS_ADDR_LINKLOCAL(&m) &&
          m.u.Word[0] == htons(0xfe80));
    mr.ipv6mr_multiaddr = m;
    mr.ipv6mr_interface = 0;
    CHECK(IN6_ARE_ADDR_EQUAL(&mr.ipv6mr_multiaddr, &m) && sizeof(SOCKADDR_IN6) == 28);
    {
        SCOPE_ID scope = INETADDR_SCOPE_ID((SOCKADDR *)&a), none = SCOPEID_UNSPECIFIED_INIT;
        SOCKADDR_IN v4;
        SOCKADDR_STORAGE ss;
        char text[INET6_ADDRSTRLEN];

        CHECK(sizeof(SCOPE_ID) == 4 && scope.Value == 0 && none.Value == 0);
        scope.Level = ScopeLevelLink;
        scope.Zone = 3;
        CHECK(scope.Value == (0x2u << 28 | 3) && ScopeLevelGlobal == 14);
        a.sin6_scope_id = 5;
        CHECK(INETADDR_SCOPE_ID((SOCKADDR *)&a).Value == 5);
        a.sin6_scope_id = 0;
        IN4ADDR_SETLOOPBACK(&v4);
        CHECK(INETADDR_SCOPE_ID((SOCKADDR *)&v4).Value == 0);
        CHECK(INET_SOCKADDR_LENGTH(AF_INET6) == 28 && INET_SOCKADDR_LENGTH(AF_INET) == 16);
        CHECK(INET_ADDR_LENGTH(AF_INET6) == 16 && INET_ADDR_LENGTH(AF_INET) == 4);
        IN6ADDR_SETV4MAPPED(&b, &v4.sin_addr, INETADDR_SCOPE_ID((SOCKADDR *)&v4), htons(80));
        CHECK(b.sin6_family == AF_INET6 && b.sin6_port == htons(80) &&
              IN6_IS_ADDR_V4MAPPED(&b.sin6_addr));
        CHECK(inet_ntop(AF_INET6, &b.sin6_addr, text, sizeof text) &&
              !strcmp(text, "::ffff:127.0.0.1"));
        memset(&ss, 0, sizeof ss);
        SS_PORT(&ss) = htons(443);
        CHECK(((SOCKADDR_IN *)&ss)->sin_port == htons(443) &&
              ((SOCKADDR_IN6 *)&ss)->sin6_port == htons(443));
    }
    l = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    if (l == INVALID_SOCKET)
        return; /* no IPv6 on this machine */
    if (bind(l, (SOCKADDR *)&a, sizeof a) != 0) {
        closesocket(l);
        return;
    }
    CHECK(listen(l, 1) == 0 && getsockname(l, (SOCKADDR *)&a, &alen) == 0);
    c = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    CHECK(connect(c, (SOCKADDR *)&a, sizeof a) == 0);
    alen = sizeof b;
    CHECK(getpeername(c, (SOCKADDR *)&b, &alen) == 0 && IN6_IS_ADDR_LOOPBACK(&b.sin6_addr) &&
          b.sin6_port == a.sin6_port);
    closesocket(c);
    closesocket(l);
}

static void fionread(void)
{
    SOCKET l, c, s;
    struct sockaddr_in a;
    int alen = sizeof a;
    u_long ul = 77;
    unsigned long lng = ~0ul;
    ULONG u = 77;
    DWORD d = 77;
    u_long nb = 1;
    unsigned long nb2 = 0;

    l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.S_un.S_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(l, (SOCKADDR *)&a, sizeof a) == 0 && listen(l, 1) == 0);
    CHECK(getsockname(l, (SOCKADDR *)&a, &alen) == 0);
    CHECK(a.sin_addr.S_un.S_un_b.s_b1 == 127 && a.sin_addr.S_un.S_un_b.s_b4 == 1);
    CHECK(a.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    CHECK(!strcmp(inet_ntoa(a.sin_addr), "127.0.0.1"));
    c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(connect(c, (SOCKADDR *)&a, sizeof a) == 0);
    s = accept(l, NULL, NULL);
    CHECK(send(c, "hello", 5, 0) == 5);
    CHECK(ioctlsocket(s, FIONBIO, &nb) == 0 && ioctlsocket(s, FIONBIO, &nb2) == 0);
    for (int i = 0; i < 1000; i++) { /* bounded: loopback data is there at once */
        DWORD n = 0;
        if (ioctlsocket(s, FIONREAD, &n) == 0 && n == 5)
            break;
    }
    CHECK(ioctlsocket(s, FIONREAD, &ul) == 0 && ul == 5);
    CHECK(ioctlsocket(s, FIONREAD, &lng) == 0 && lng == 5);
    CHECK(ioctlsocket(s, FIONREAD, &u) == 0 && u == 5);
    CHECK(ioctlsocket(s, FIONREAD, &d) == 0 && d == 5);
    u = 0;
    CHECK(idealsendbacklogquery(s, &u) == 0 && u > 0);
    CHECK(idealsendbacklognotify(s, NULL, NULL) == SOCKET_ERROR &&
          WSAGetLastError() == WSAEOPNOTSUPP);
    closesocket(s);
    closesocket(c);
    closesocket(l);
}

/* The resolver's TCHAR names (GetAddrInfo, ADDRINFOT, GetNameInfo,
 * GetAddrInfoEx, WSAConnectByName) in the build's character set. */
static void names(void)
{
    ADDRINFOT hints, *res = NULL;
    PADDRINFOEX exres = NULL;
    TCHAR host[NI_MAXHOST], serv[NI_MAXSERV];
    SOCKADDR_IN a;
    SOCKET s;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_flags = AI_NUMERICHOST;
    CHECK(GetAddrInfo(TEXT("127.0.0.1"), TEXT("80"), &hints, &res) == 0 && res);
    CHECK(res && res->ai_addrlen == sizeof(SOCKADDR_IN));
    CHECK(res && GetNameInfo(res->ai_addr, (socklen_t)res->ai_addrlen, host,
                             NI_MAXHOST, serv, NI_MAXSERV,
                             NI_NUMERICHOST | NI_NUMERICSERV) == 0);
    CHECK(!_tcscmp(host, _T("127.0.0.1")) && !_tcscmp(serv, _T("80")));
    FreeAddrInfo(res);
    CHECK(GetAddrInfoEx(TEXT("127.0.0.1"), NULL, NS_DNS, NULL, NULL, &exres,
                        NULL, NULL, NULL, NULL) == 0 && exres);
    CHECK(exres && exres->ai_blob == NULL && exres->ai_family == AF_INET);
    FreeAddrInfoEx(exres);
    FreeAddrInfoW(NULL);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(!WSAConnectByName(s, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) &&
          WSAGetLastError() == WSAEINVAL);
    closesocket(s);
    memset(&a, 0, sizeof a);
    CHECK(sizeof(SOCKET_ADDRESS_LIST) > sizeof(SOCKET_ADDRESS) && NS_ALL == 0);
    CHECK(SIZEOF_SOCKET_ADDRESS_LIST(3) ==
          offsetof(SOCKET_ADDRESS_LIST, Address) + 3 * sizeof(SOCKET_ADDRESS));
}

/* <io.h> and <sys/stat.h> under Microsoft's names, and _fullpath (a static
 * file server's). */
static void crt_files(void)
{
    struct _stat64 st;
    char full[_MAX_PATH], *dup;
    int fd;

    CHECK(_access(".", 0) == 0 && _access("/nonexistent-wsc", 0) == -1);
    CHECK(_stat64(".", &st) == 0 && (st.st_mode & _S_IFMT) == _S_IFDIR);
    CHECK(_S_IFDIR == 0x4000 && _S_IFREG == 0x8000 && _S_IREAD == 0x100 && _S_IWRITE == 0x80);
    fd = _open("/dev/null", _O_RDONLY | _O_BINARY);
    CHECK(fd >= 0 && _setmode(fd, _O_BINARY) == _O_BINARY && _lseek(fd, 0, SEEK_SET) == 0);
    CHECK(fd >= 0 && _close(fd) == 0);
    CHECK(_fullpath(full, "/a/./b//c/../d", sizeof full) == full && !strcmp(full, "/a/b/d"));
    CHECK(_fullpath(full, "/..", sizeof full) && !strcmp(full, "/"));
    CHECK(_fullpath(full, "/abc", 4) == NULL && errno == ERANGE);
    dup = _fullpath(NULL, "x", 0);
    CHECK(dup && dup[0] == '/' && !strcmp(dup + strlen(dup) - 2, "/x"));
    free(dup);
}

/* The IOCP samples' NTSTATUS checks, the user32 and CRT names the
 * tested programs use, TCHAR forms included. */
#ifndef STATUS_LOCAL_DISCONNECT
#error ntstatus.h
#endif
#define STATUS_LOCAL_DISCONNECT ((NTSTATUS)0xC000013BL) /* as programs repeat it */
static void nt_and_user32(void)
{
    TCHAR buf[64];
    struct tm tm;
    time_t t = 0;
    OVERLAPPED ov;
    NTSTATUS st = STATUS_CONNECTION_RESET;

    CHECK(NT_SUCCESS(STATUS_SUCCESS) && !NT_SUCCESS(st) && NT_ERROR(st) &&
          NT_WARNING(STATUS_BUFFER_OVERFLOW) && !NT_ERROR(STATUS_BUFFER_OVERFLOW));
    CHECK(STATUS_LOCAL_DISCONNECT == (NTSTATUS)0xC000013BL && STATUS_CANCELLED < 0);
    memset(&ov, 0, sizeof(ov));
    ov.Internal = (ULONG_PTR)(ULONG)STATUS_CANCELLED;
    CHECK(LsaNtStatusToWinError((NTSTATUS)ov.Internal) == ERROR_OPERATION_ABORTED);
    CHECK(RtlNtStatusToDosError(STATUS_REMOTE_DISCONNECT) == ERROR_NETNAME_DELETED);
    CHECK(wsprintf(buf, TEXT("%d:%s"), 7, TEXT("t")) == 3 && !lstrcmp(buf, TEXT("7:t")));
    CHECK(!lstrcmp(PathFindFileName(TEXT("a\\b.c")), TEXT("b.c")) &&
          !lstrcmp(PathFindExtension(TEXT("a\\b.c")), TEXT(".c")));
    CHECK(localtime_s(&tm, &t) == 0 && gmtime_s(&tm, &t) == 0 && tm.tm_year == 70);
    CHECK(MB_OK == 0 && MB_ICONERROR == 0x10 && IDOK == 1 && IDCANCEL == 2 && IDNO == 7);
    CHECK(&MessageBox != NULL && &SignalObjectAndWait != NULL);
}

/* The IP Helper, <direct.h> and the multimedia timer, in every dialect. */
static void helpers(void)
{
    ULONG size = 0;
    TIMECAPS tc;
    char cwd[MAX_PATH];
    PIP_ADAPTER_ADDRESSES aa = NULL;
    IP_ADAPTER_INFO *ai = NULL;

    CHECK(GetAdaptersAddresses(AF_UNSPEC, GAA_FLAG_INCLUDE_PREFIX, NULL, aa,
                               &size) == ERROR_BUFFER_OVERFLOW && size > 0);
    size = 0;
    CHECK(GetAdaptersInfo(ai, NULL) == ERROR_INVALID_PARAMETER);
    CHECK(sizeof(IP_ADDRESS_STRING) == 16 && MAX_ADAPTER_ADDRESS_LENGTH == 8);
    CHECK(timeGetDevCaps(&tc, sizeof(tc)) == TIMERR_NOERROR &&
          timeBeginPeriod(tc.wPeriodMin) == TIMERR_NOERROR &&
          timeEndPeriod(tc.wPeriodMin) == TIMERR_NOERROR);
    CHECK(timeGetTime() - GetTickCount() <= 1000);
    CHECK(_getcwd(cwd, sizeof(cwd)) == cwd && _getdrive() == 3);
}

typedef char in_addr_is_4_bytes[sizeof(IN_ADDR) == 4 ? 1 : -1];
typedef char sockaddr_in_is_16_bytes[sizeof(SOCKADDR_IN) == 16 ? 1 : -1];
typedef char max_path[MAX_PATH == 260 ? 1 : -1];

int main(void)
{
    WSADATA wsa;
    char out[2];
    int arr[7];
    struct tcp_keepalive ka = {1, 1000, 100};

    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);
    CHECK(annotated(3, "x", 1, out, NULL) == 3 && out[0] == 'x');
    CHECK(pass("p")[0] == 'p' && tls_value == 0);
    CHECK(thread_proc_((void *)5) == 5 && big + big2 + i32 + u8 == 10);
    CHECK(seh(0) == 11 && seh(1) == 10 && finally_runs == 2 && except_runs == 0);
    CHECK(min(3, 5) == 3 && max(3, 5) == 5 && _countof(arr) == 7);
    CHECK(tolower('A') == 'a' && isdigit('1') && wcslen(L"ab") == 2 && errno >= 0);
    CHECK(ka.onoff == 1 && SIO_KEEPALIVE_VALS == 0x98000004u);
    CHECK(SIO_GET_EXTENSION_FUNCTION_POINTER == 0xC8000006u);
    CHECK(NO_ERROR == 0 && SUCCEEDED(S_OK) && FAILED(E_INVALIDARG));
    CHECK(WINSOCK_VERSION == MAKEWORD(2, 2) && WINSOCK_VERSION == 0x0202);
    CHECK(WSA_FLAG_MULTIPOINT_C_ROOT == 0x02 && WSA_FLAG_MULTIPOINT_C_LEAF == 0x04 &&
          WSA_FLAG_MULTIPOINT_D_ROOT == 0x08 && WSA_FLAG_MULTIPOINT_D_LEAF == 0x10 &&
          WSA_FLAG_ACCESS_SYSTEM_SECURITY == 0x40 && WSA_FLAG_REGISTERED_IO == 0x100);
    CHECK(JL_SENDER_ONLY == 1 && JL_RECEIVER_ONLY == 2 && JL_BOTH == 4);
    crt_files();
    CHECK(&WspiapiGetAddrInfo != NULL);
    text();
    win32_text();
    names();
    fionread();
    in6();
    nt_and_user32();
    helpers();
    WSACleanup();
    printf("%s %d\n", failures ? "FAIL" : "ok", failures);
    return failures != 0;
}
