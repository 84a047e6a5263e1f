/* The scenario platform on Windows: the plain peer is Winsock itself,
 * threads are Windows threads, time is the tick count.  Built with
 * mingw-w64 against the real ws2_32; run on Windows or under Wine. */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h" /* winsock2.h, before windows.h */
#include <windows.h>
#include "expect.h"

struct ct_peer {
    SOCKET s;
    long long drained;
    char result[64];
};

static ct_peer *peer_new(ct *t, SOCKET s)
{
    ct_peer *p = calloc(1, sizeof(*p));

    ct_require(t, p != NULL && s != INVALID_SOCKET, "plain peer socket");
    p->s = s;
    return p;
}

/* 1 when s is readable within timeout_ms. */
static int readable(SOCKET s, int timeout_ms)
{
    fd_set r;
    struct timeval tv;

    FD_ZERO(&r);
    FD_SET(s, &r);
    tv.tv_sec = timeout_ms / 1000;
    tv.tv_usec = (timeout_ms % 1000) * 1000;
    return select(0, &r, NULL, NULL, &tv) == 1;
}

ct_peer *ct_peer_listen(ct *t, unsigned short *port)
{
    struct sockaddr_in a = ct_loopback(0);
    int len = sizeof(a);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);

    ct_require(t, s != INVALID_SOCKET &&
                      bind(s, (struct sockaddr *)&a, sizeof(a)) == 0 &&
                      listen(s, 16) == 0 &&
                      getsockname(s, (struct sockaddr *)&a, &len) == 0,
               "plain peer listen");
    *port = ntohs(a.sin_port);
    return peer_new(t, s);
}

ct_peer *ct_peer_accept(ct *t, ct_peer *l, int timeout_ms)
{
    ct_require(t, readable(l->s, timeout_ms), "plain peer accept in time");
    return peer_new(t, accept(l->s, NULL, NULL));
}

ct_peer *ct_peer_connect(ct *t, unsigned short port)
{
    struct sockaddr_in a = ct_loopback(port);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);

    ct_require(t, s != INVALID_SOCKET &&
                      connect(s, (struct sockaddr *)&a, sizeof(a)) == 0,
               "plain peer connect");
    return peer_new(t, s);
}

static const char *word_for(ct_peer *p, int n, int err)
{
    if (n > 0)
        snprintf(p->result, sizeof(p->result), "data:%d", n);
    else if (n == 0)
        snprintf(p->result, sizeof(p->result), "eof");
    else if (err == WSAECONNRESET || err == WSAECONNABORTED)
        snprintf(p->result, sizeof(p->result), "reset");
    else if (err == WSAEWOULDBLOCK)
        snprintf(p->result, sizeof(p->result), "timeout");
    else
        snprintf(p->result, sizeof(p->result), "error:%d", err);
    return p->result;
}

const char *ct_peer_recv(ct_peer *p, int timeout_ms)
{
    static char buf[65536];
    int n;

    if (!readable(p->s, timeout_ms))
        return word_for(p, -1, WSAEWOULDBLOCK);
    n = recv(p->s, buf, sizeof(buf), 0);
    return word_for(p, n, WSAGetLastError());
}

const char *ct_peer_drain(ct_peer *p, int timeout_ms)
{
    static char buf[1 << 16];
    long long total = 0, deadline = ct_now_ms() + timeout_ms;
    int n, err = WSAEWOULDBLOCK;

    for (;;) {
        long long left = deadline - ct_now_ms();
        if (left <= 0 || !readable(p->s, (int)left)) {
            n = -1, err = WSAEWOULDBLOCK;
            break;
        }
        n = recv(p->s, buf, sizeof(buf), 0);
        if (n > 0) {
            total += n;
            continue;
        }
        err = WSAGetLastError();
        break;
    }
    p->drained = total;
    return word_for(p, n, err);
}

long long ct_peer_drained(ct_peer *p)
{
    return p->drained;
}

void ct_peer_abort(ct_peer *p)
{
    struct linger lg = { 1, 0 };

    setsockopt(p->s, SOL_SOCKET, SO_LINGER, (const char *)&lg, sizeof(lg));
    ct_peer_close(p);
}

const char *ct_peer_send(ct_peer *p, const char *data, int len)
{
    int n = send(p->s, data, len, 0);

    if (n >= 0) {
        snprintf(p->result, sizeof(p->result), "sent:%d", n);
        return p->result;
    }
    return word_for(p, -1, WSAGetLastError());
}

void ct_peer_close(ct_peer *p)
{
    if (p) {
        closesocket(p->s);
        free(p);
    }
}

/* ---- threads ---------------------------------------------------------- */

struct ct_thread {
    HANDLE h;
    void (*fn)(void *);
    void *arg;
};

static DWORD WINAPI thread_main(LPVOID p)
{
    ct_thread *th = p;

    th->fn(th->arg);
    return 0;
}

ct_thread *ct_thread_start(ct *t, void (*fn)(void *), void *arg)
{
    ct_thread *th = calloc(1, sizeof(*th));

    ct_require(t, th != NULL, "thread memory");
    th->fn = fn;
    th->arg = arg;
    th->h = CreateThread(NULL, 0, thread_main, th, 0, NULL);
    ct_require(t, th->h != NULL, "CreateThread");
    return th;
}

int ct_thread_join(ct_thread *th, int timeout_ms)
{
    if (WaitForSingleObject(th->h, (DWORD)timeout_ms) != WAIT_OBJECT_0)
        return -1; /* left running: the scenario's process ends soon */
    CloseHandle(th->h);
    free(th);
    return 0;
}

/* Windows shows no "asleep in a call" state a test can read cheaply:
 * give the thread a bounded moment to get there, and fail if it has
 * already returned instead. */
int ct_thread_blocked(ct_thread *th, int timeout_ms)
{
    DWORD ms = timeout_ms < 200 ? (DWORD)timeout_ms : 200;

    return WaitForSingleObject(th->h, ms) == WAIT_TIMEOUT ? 0 : -1;
}

long long ct_now_ms(void)
{
    return (long long)GetTickCount64();
}

int ct_wait_reset(unsigned long long sock, int timeout_ms)
{
    (void)sock;
    /* The reference side: a tenth of the bound, as the RST crosses
     * loopback at once on Windows and under Wine alike. */
    Sleep((DWORD)(timeout_ms / 10));
    return 0;
}

int ct_open_handles(void)
{
    DWORD n = 0;

    if (!GetProcessHandleCount(GetCurrentProcess(), &n))
        return -1;
    return (int)n;
}

/* ---- isolation -------------------------------------------------------- */

void ct_run_isolated(const char *argv0, const char *id, void (*fn)(ct *),
                     int timeout_ms, char *line, size_t len)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    STARTUPINFOA si;
    HANDLE rd, wr;
    char cmd[MAX_PATH + 64], self[MAX_PATH];
    DWORD got = 0, n, code = 0;

    (void)argv0;
    (void)fn;
    snprintf(line, len, "ROW %s fail setup=cannot start", id);
    if (!GetModuleFileNameA(NULL, self, sizeof(self)) ||
        !CreatePipe(&rd, &wr, &sa, 0))
        return;
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    snprintf(cmd, sizeof(cmd), "\"%s\" --one %s", self, id);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        CloseHandle(rd);
        CloseHandle(wr);
        return;
    }
    CloseHandle(wr);
    if (WaitForSingleObject(pi.hProcess, (DWORD)timeout_ms) != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, 1);
        snprintf(line, len, "ROW %s hang", id);
    } else {
        while (got < len - 1 &&
               ReadFile(rd, line + got, (DWORD)(len - 1 - got), &n, NULL) && n)
            got += n;
        if (got) {
            line[got] = 0;
            line[strcspn(line, "\r\n")] = 0;
        } else {
            GetExitCodeProcess(pi.hProcess, &code);
            snprintf(line, len, "ROW %s fail exit=%lu", id, (unsigned long)code);
        }
    }
    CloseHandle(rd);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

/* ---- calls Wine 8.0's ws2_32 does not export ---------------------------
 * Imported directly they would keep the whole runner from loading under
 * Wine.  The scenarios call them through their import pointers, which are
 * defined here instead of by the import library: each finds the real
 * function at run time, and where there is none fails with
 * ERROR_PROC_NOT_FOUND (a Wine deviation, win32/wine-deviations.txt). */
typedef int(WSAAPI *gai_exa_fn)(PCSTR, PCSTR, DWORD, LPGUID,
                                const ADDRINFOEXA *, PADDRINFOEXA *,
                                struct timeval *, LPOVERLAPPED,
                                LPLOOKUPSERVICE_COMPLETION_ROUTINE, LPHANDLE);
typedef BOOL(PASCAL *by_list_fn)(SOCKET, PSOCKET_ADDRESS_LIST, LPDWORD,
                                 LPSOCKADDR, LPDWORD, LPSOCKADDR,
                                 const PTIMEVAL, LPWSAOVERLAPPED);

static FARPROC ws2_proc(const char *name)
{
    return GetProcAddress(GetModuleHandleA("ws2_32.dll"), name);
}

static int WSAAPI late_GetAddrInfoExA(PCSTR n, PCSTR s, DWORD ns, LPGUID id,
                                      const ADDRINFOEXA *h, PADDRINFOEXA *r,
                                      struct timeval *tv, LPOVERLAPPED ov,
                                      LPLOOKUPSERVICE_COMPLETION_ROUTINE cr,
                                      LPHANDLE hd)
{
    gai_exa_fn f = (gai_exa_fn)(void (*)(void))ws2_proc("GetAddrInfoExA");

    if (!f) {
        WSASetLastError(ERROR_PROC_NOT_FOUND);
        return ERROR_PROC_NOT_FOUND;
    }
    return f(n, s, ns, id, h, r, tv, ov, cr, hd);
}

static BOOL PASCAL late_WSAConnectByList(SOCKET s, PSOCKET_ADDRESS_LIST l,
                                         LPDWORD ll, LPSOCKADDR la,
                                         LPDWORD rl, LPSOCKADDR ra,
                                         const PTIMEVAL tv, LPWSAOVERLAPPED r)
{
    by_list_fn f = (by_list_fn)(void (*)(void))ws2_proc("WSAConnectByList");

    if (!f) {
        WSASetLastError(ERROR_PROC_NOT_FOUND);
        return FALSE;
    }
    return f(s, l, ll, la, rl, ra, tv, r);
}

void *__imp_GetAddrInfoExA = (void *)late_GetAddrInfoExA;
void *__imp_WSAConnectByList = (void *)late_WSAConnectByList;
