// Windows C++ as it is written, built as C++11 and C++17 with -Wall
// -Wextra -pedantic -Werror, and run: header spellings, min/max with the
// C++ library included after <Windows.h>, (std::min), ioctlsocket into
// each of Windows' 32-bit types, in_addr's S_un, strsafe.h and tchar.h,
// the basetsd.h type names, code page conversion, lstr* and the version,
// and __try/__finally/__leave/__except beside libstdc++'s own __try (its
// templates, instantiated here, use it).
#include <sdkddkver.h> /* no version of its own: Windows 10's, as the SDK's */
#if _WIN32_WINNT != 0x0A00 || NTDDI_VERSION != 0x0A000000 || WINVER != 0x0A00 || \
    _WIN32_IE != 0x0A00 || OSVER(NTDDI_WIN10_RS5) != NTDDI_WIN10
#error sdkddkver.h
#endif
#include <Windows.h>
#include <WinSock2.h>
#include <WS2tcpip.h>
#include <mstcpip.h>
#include <strsafe.h>
#include <tchar.h>
#include <io.h>
#include <Shlwapi.h>
#include <NTSecApi.h>
#include <sys/stat.h>
#include <algorithm>
#include <limits>
#include <string>
#include <vector>
#include <thread>
#include <cstdio>

static int failures;
#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c)) {                                                            \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);           \
            failures++;                                                        \
        }                                                                      \
    } while (0)

// The IOCP samples (EchoSvrIocp and kin): NTSTATUS from Winsock2.h alone,
// their own STATUS_ values, LsaNtStatusToWinError on an OVERLAPPED.
#ifndef STATUS_REMOTE_DISCONNECT
#define STATUS_REMOTE_DISCONNECT ((NTSTATUS)0xC000013CL)
#endif
static ULONG overlapped_error(const OVERLAPPED &ov)
{
    NTSTATUS ex = (NTSTATUS)ov.Internal;
    return ex == STATUS_REMOTE_DISCONNECT ? 64u : LsaNtStatusToWinError(ex);
}

static int __cdecl twice(_In_ int x) { return 2 * x; }

// The raw-socket samples' packed headers and the dual-stack samples'
// address helpers, in C++.
#include <pshpack1.h>
struct PackedHdr { UCHAR b; ULONG l; };
#include <poppack.h>
static_assert(sizeof(PackedHdr) == 5, "pshpack1.h packs");
static void addresses()
{
    SOCKADDR_IN v4 = {};
    SOCKADDR_IN6 v6;
    SOCKADDR_STORAGE ss = {};
    v4.sin_family = AF_INET;
    v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    IN6ADDR_SETV4MAPPED(&v6, &v4.sin_addr, INETADDR_SCOPE_ID((SOCKADDR *)&v4), htons(7));
    CHECK(IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr) && v6.sin6_port == htons(7));
    SS_PORT(&ss) = htons(9);
    CHECK(INETADDR_PORT((SOCKADDR *)&ss) == htons(9) && WINSOCK_VERSION == 0x0202);
    CHECK(SIZEOF_SOCKET_ADDRESS_LIST(1) == FIELD_OFFSET(SOCKET_ADDRESS_LIST, Address) +
                                               sizeof(SOCKET_ADDRESS));
    struct _stat64 st;
    char full[MAX_PATH];
    CHECK(_stat64("/", &st) == 0 && (st.st_mode & _S_IFDIR) && _access("/", 0) == 0);
    CHECK(_fullpath(full, "/x/../y", sizeof full) && std::string(full) == "/y");
}

// The finally block runs after a normal end and after __leave; the except
// block never runs; the code around them goes on.
static int seh_cleanup(bool leave_early, std::vector<std::string> &log)
{
    int steps = 0;

    __try {
        log.push_back("try");
        steps++;
        if (leave_early)
            __leave;
        __try {
            log.insert(log.begin(), std::string(3, 'x'));
            steps++;
        }
        __except (EXCEPTION_EXECUTE_HANDLER) {
            log.push_back("except");
        }
        steps++;
    }
    __finally {
        log.push_back(AbnormalTermination() ? "abnormal" : "finally");
    }
    return steps;
}

int main()
{
    WSADATA wsa;
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0);
    std::vector<int> v{3, 1, 2};
    size_t sz = 4;
    CHECK(min(sz, (size_t)9) == 4 && max(2, 7) == 7 && min(1L, 2) == 1);
    CHECK((std::min)(3, 4) == 3 && (std::max)(sz, (size_t)1) == 4);
    CHECK(std::min(1, 2) == 1 && std::numeric_limits<int>::max() == INT_MAX);
    CHECK(*std::max_element(v.begin(), v.end()) == 3 && twice(2) == 4);
    CHECK(_countof(wsa.szDescription) == WSADESCRIPTION_LEN + 1);
    addresses();

    char a[4];
    CHECK(StringCchCopyA(a, _countof(a), "abcd") == STRSAFE_E_INSUFFICIENT_BUFFER &&
          std::string(a) == "abc");
    TCHAR t[8];
    CHECK(SUCCEEDED(StringCchPrintf(t, _countof(t), _T("%d"), 5)) && _ttoi(t) == 5);

    PDWORD_PTR pdp = nullptr;
    PULONG_PTR pup = nullptr;
    PSIZE_T psz = nullptr;
    PBYTE pb = nullptr;
    LPWORD pw = nullptr;
    PSHORT psh = nullptr;
    PUSHORT pus = nullptr;
    PLONGLONG pll = nullptr;
    PULONGLONG pull = nullptr;
    PDWORD64 pd64 = nullptr;
    UINT64 u64 = 0;
    INT_PTR ip = 0;
    LONG_PTR lp = 0;
    UINT_PTR uip = 0;
    HMODULE mod = nullptr;
    HINSTANCE inst = mod;
    LPCVOID cv = nullptr;
    CHECK(!pdp && !pup && !psz && !pb && !pw && !psh && !pus && !pll && !pull && !pd64);
    CHECK(u64 + ip + lp + uip == 0 && !inst && !cv && sizeof(UINT64) == 8);
    LPCTSTR host = _T("host");
    std::vector<TCHAR> copy(lstrlen(host) + 1);
    CHECK(lstrcpyn(copy.data(), host, (int)copy.size()) == copy.data() &&
          lstrcmpi(copy.data(), _T("HOST")) == 0 && lstrcmp(copy.data(), _T("HOST")) < 0);
    std::wstring wide(MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", -1, nullptr, 0), L'\0');
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", -1, &wide[0], (int)wide.size()) == 3 &&
          wide[1] == 0xE9);
    std::string narrow(WideCharToMultiByte(CP_UTF8, 0, wide.c_str(), -1, nullptr, 0,
                                           nullptr, nullptr), '\0');
    CHECK(narrow.size() == 4 && WideCharToMultiByte(CP_UTF8, 0, wide.c_str(), -1, &narrow[0],
                                                    (int)narrow.size(), nullptr, nullptr) == 4);
    OSVERSIONINFOEX osvi = {};
    osvi.dwOSVersionInfoSize = sizeof osvi;
    CHECK(GetVersionEx(reinterpret_cast<LPOSVERSIONINFO>(&osvi)) && osvi.dwBuildNumber == 9200);
    ADDRINFOW *wres = nullptr;
    CHECK(GetAddrInfoW(L"127.0.0.1", L"443", nullptr, &wres) == 0 && wres &&
          wres->ai_family == AF_INET);
    FreeAddrInfoW(wres);
    PADDRINFOEXA exres = nullptr;
    CHECK(GetAddrInfoExA("127.0.0.1", nullptr, NS_ALL, nullptr, nullptr, &exres,
                         nullptr, nullptr, nullptr, nullptr) == 0 && exres);
    FreeAddrInfoExA(exres);
    wchar_t whost[NI_MAXHOST];
    sockaddr_in la = {};
    la.sin_family = AF_INET;
    la.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(GetNameInfoW((SOCKADDR *)&la, sizeof la, whost, NI_MAXHOST, nullptr, 0,
                       NI_NUMERICHOST) == 0 && std::wstring(whost) == L"127.0.0.1");

    sockaddr_in6 sa6 = {};
    sa6.sin6_addr = in6addr_loopback;
    IN6_ADDR m6;
    CHECK(sa6.sin6_addr.u.Byte[15] == 1 && IN6_IS_ADDR_LOOPBACK(&sa6.sin6_addr) &&
          inet_pton(AF_INET6, "::ffff:1.2.3.4", &m6) == 1 && IN6_IS_ADDR_V4MAPPED(&m6) &&
          m6.u.Word[5] == 0xffff && IN6_IS_ADDR_UNSPECIFIED(&in6addr_any));
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in sa = {};
    sa.sin_family = AF_INET;
    sa.sin_addr.S_un.S_addr = htonl(INADDR_LOOPBACK);
    int len = sizeof sa;
    CHECK(bind(l, (SOCKADDR *)&sa, sizeof sa) == 0 && listen(l, 1) == 0 &&
          getsockname(l, (SOCKADDR *)&sa, &len) == 0);
    CHECK(sa.sin_addr.S_un.S_un_b.s_b1 == 127 && sa.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    CHECK(connect(c, (SOCKADDR *)&sa, sizeof sa) == 0);
    SOCKET s = accept(l, nullptr, nullptr);
    CHECK(send(c, "hello!", 6, 0) == 6);
    DWORD d = 0;
    for (int i = 0; i < 1000 && d != 6; i++)
        ioctlsocket(s, FIONREAD, &d);
    u_long ul = 0;
    unsigned long lng = ~0ul;
    ULONG u = 0;
    CHECK(d == 6);
    CHECK(ioctlsocket(s, FIONREAD, &ul) == 0 && ul == 6);
    CHECK(ioctlsocket(s, FIONREAD, &lng) == 0 && lng == 6);
    CHECK(ioctlsocket(s, FIONREAD, &u) == 0 && u == 6);
    unsigned long nb = 1;
    CHECK(ioctlsocket(s, FIONBIO, &nb) == 0);
    closesocket(s);
    closesocket(c);
    closesocket(l);
    WSACleanup();
    std::printf("%s %d\n", failures ? "FAIL" : "ok", failures);
    {
        std::vector<std::string> a, b;
        CHECK(seh_cleanup(false, a) == 3);
        CHECK(a.size() == 3 && a[0] == "xxx" && a[1] == "try" &&
              a[2] == "finally");
        CHECK(seh_cleanup(true, b) == 1);
        CHECK(b.size() == 2 && b[0] == "try" && b[1] == "finally");
    }
    {
        OVERLAPPED ov = OVERLAPPED();
        TCHAR b[16];
        ov.Internal = 0xC000013Cu;
        CHECK(overlapped_error(ov) == 64);
        ov.Internal = 0xC0000120u;
        CHECK(overlapped_error(ov) == 995);
        CHECK(wsprintfA(b, "%s%d", "n", 5) == 2 && std::string(b) == "n5");
        CHECK(std::string(PathFindFileNameA("/x/y")) == "y");
        GUID guid; // the file-transfer samples' temporary names
        WCHAR sz[128];
        CHECK(CoCreateGuid(&guid) == S_OK && StringFromGUID2(guid, sz, 128) == 39 &&
              sz[0] == L'{' && sz[37] == L'}');
    }
    return failures != 0;
}
