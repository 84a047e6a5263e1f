/* The Win32 baseline (lib/win32/) through the public headers, as a
 * Windows program calls it: exact results and last-error codes, bad
 * handles, waits with measured bounds, locks, Interlocked, time, files,
 * the console. */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <winsock2.h>

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

static ULONGLONG elapsed_since(ULONGLONG t0)
{
    return GetTickCount64() - t0;
}

/* ---- errors ------------------------------------------------------------ */
START_TEST(last_error_is_wsa_last_error)
{
    WSADATA d;

    SetLastError(ERROR_ACCESS_DENIED);
    ck_assert_int_eq(WSAGetLastError(), 5);
    WSASetLastError(WSAEWOULDBLOCK);
    ck_assert_uint_eq(GetLastError(), 10035);
    ck_assert_int_eq(WSAStartup(MAKEWORD(2, 2), &d), 0);
    ck_assert_int_eq(closesocket((SOCKET)123456), SOCKET_ERROR);
    ck_assert_uint_eq(GetLastError(), WSAENOTSOCK);
    ck_assert_int_eq(WSAGetLastError(), WSAENOTSOCK);
    WSACleanup();
}
END_TEST

static DWORD sys_msg(DWORD id, char *buf, DWORD size)
{
    return FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                          NULL, id, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
                          buf, size, NULL);
}

static void expect_msg(DWORD id, const char *text)
{
    char buf[512], want[512];

    snprintf(want, sizeof(want), "%s\r\n", text);
    ck_assert_uint_eq(sys_msg(id, buf, sizeof(buf)), strlen(want));
    ck_assert_str_eq(buf, want);
}

START_TEST(format_message_system)
{
    char buf[512];

    expect_msg(10054, "An existing connection was forcibly closed by the remote host.");
    expect_msg(10060, "A connection attempt failed because the connected party did not "
                      "properly respond after a period of time, or established connection "
                      "failed because connected host has failed to respond.");
    expect_msg(0, "The operation completed successfully.");
    expect_msg(2, "The system cannot find the file specified.");
    expect_msg(8, "Not enough memory resources are available to process this command.");
    expect_msg(258, "The wait operation timed out.");
    expect_msg(317, "The system cannot find message text for message number 0x%1 "
                    "in the message file for %2.");
    ERR(sys_msg(12345678, buf, sizeof(buf)), 0, ERROR_MR_MID_NOT_FOUND);
    ERR(sys_msg(10054, buf, 10), 0, ERROR_INSUFFICIENT_BUFFER);
    ERR(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 2, MAKELANGID(0x07, 1),
                       buf, sizeof(buf), NULL), 0, ERROR_RESOURCE_LANG_NOT_FOUND);
}
END_TEST

START_TEST(format_message_allocate_and_wide)
{
    LPSTR a = NULL;
    LPWSTR w = NULL;
    DWORD n;

    n = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                       FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 10061, 0, (LPSTR)&a, 0, NULL);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(n, strlen(a));
    ck_assert_ptr_null(LocalFree(a));
    n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                       FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 10054, 0, (LPWSTR)&w, 0, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(wcscmp(w, L"An existing connection was forcibly closed by the remote host.\r\n"), 0);
    ck_assert_uint_eq(n, wcslen(w));
    ck_assert_ptr_null(LocalFree(w));
}
END_TEST

static DWORD format_va(char *buf, DWORD size, const char *fmt, ...)
{
    va_list ap;
    DWORD n;

    va_start(ap, fmt);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, fmt, 0, 0, buf, size, &ap);
    va_end(ap);
    return n;
}

START_TEST(format_message_inserts)
{
    char buf[128];
    wchar_t wbuf[64];
    DWORD_PTR args[] = {(DWORD_PTR)"peer", 42, (DWORD_PTR)0xff};
    DWORD_PTR wargs[] = {(DWORD_PTR)L"w\u00e9de"};

    ck_assert_uint_eq(FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                                     "%1 sent %2!d! bytes (%3!x!)%n%%%0 ignored", 0, 0, buf,
                                     sizeof(buf), (va_list *)args), 26);
    ck_assert_str_eq(buf, "peer sent 42 bytes (ff)\r\n%");
    ck_assert_uint_eq(format_va(buf, sizeof(buf), "%2-%1", "a", "b"), 3);
    ck_assert_str_eq(buf, "b-a");
    ck_assert_uint_eq(FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS,
                                     "x %1 y", 0, 0, buf, sizeof(buf), NULL), 6);
    ck_assert_str_eq(buf, "x %1 y");
    ck_assert_uint_eq(FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                                     L"<%1>", 0, 0, wbuf, 64, (va_list *)wargs), 6);
    ck_assert_int_eq(wcscmp(wbuf, L"<w\u00e9de>"), 0);
    ERR(FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "%1", 0, 0, buf, sizeof(buf), NULL),
        0, ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- memory ------------------------------------------------------------ */
START_TEST(heaps)
{
    HANDLE heap = GetProcessHeap(), priv;
    unsigned char *p;
    int i;

    ck_assert_ptr_nonnull(heap);
    p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 100);
    ck_assert_ptr_nonnull(p);
    for (i = 0; i < 100; i++)
        ck_assert_int_eq(p[i], 0);
    ck_assert_uint_eq(HeapSize(heap, 0, p), 100);
    memset(p, 7, 100);
    p = HeapReAlloc(heap, HEAP_ZERO_MEMORY, p, 300);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p[99], 7);
    ck_assert_int_eq(p[299], 0);
    ck_assert_uint_eq(HeapSize(heap, 0, p), 300);
    ck_assert_ptr_null(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 600));
    ck_assert_ptr_eq(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 50), p);
    ck_assert_int_eq(HeapFree(heap, 0, p), TRUE);
    ck_assert_int_eq(HeapFree(heap, 0, NULL), TRUE);
    ck_assert_uint_eq(HeapSize(heap, 0, NULL), (SIZE_T)-1);
    priv = HeapCreate(0, 0, 0);
    ck_assert_ptr_nonnull(priv);
    for (i = 0; i < 50; i++)
        ck_assert_ptr_nonnull(HeapAlloc(priv, 0, (SIZE_T)i * 10));
    p = HeapAlloc(priv, 0, 10);
    ck_assert_int_eq(HeapFree(priv, 0, p), TRUE);
    ck_assert_int_eq(HeapDestroy(priv), TRUE); /* frees the 50 others */
    ERR(HeapDestroy(NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(HeapFree(NULL, 0, NULL), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(HeapAlloc(NULL, 0, 1));
}
END_TEST

START_TEST(local_and_global)
{
    char *p = LocalAlloc(LPTR, 64), *g;

    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p[63], 0);
    ck_assert_uint_eq(LocalSize(p), 64);
    p = LocalReAlloc(p, 128, LMEM_MOVEABLE | LMEM_ZEROINIT);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p[127], 0);
    ck_assert_ptr_eq(LocalLock(p), p);
    ck_assert_ptr_null(LocalFree(p));
    ck_assert_ptr_null(LocalFree(NULL));
    g = GlobalAlloc(GPTR, 32);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(g[31], 0);
    ck_assert_uint_eq(GlobalSize(g), 32);
    ck_assert_ptr_null(GlobalFree(g));
}
END_TEST

/* ---- handles ----------------------------------------------------------- */
START_TEST(bad_handles)
{
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL), e2, dup;
    HANDLE bad[] = {NULL, INVALID_HANDLE_VALUE, (HANDLE)0x12345678, (HANDLE)(uintptr_t)3,
                    (HANDLE)(uintptr_t)0x7fffffff0ull, e};
    DWORD code;
    size_t i;

    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq((uintptr_t)e % 4, 0);
    ck_assert_uint_gt((uintptr_t)e, 0x7fffffffu); /* never a socket number */
    ck_assert_int_eq(CloseHandle(e), TRUE);
    e2 = CreateEventA(NULL, TRUE, FALSE, NULL); /* likely reuses e's slot */
    ck_assert_ptr_ne(e2, e);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (bad[i] != INVALID_HANDLE_VALUE) /* GetCurrentProcess's pseudo-handle */
            ERR(CloseHandle(bad[i]), FALSE, ERROR_INVALID_HANDLE);
        ERR(SetEvent(bad[i]), FALSE, ERROR_INVALID_HANDLE);
        ERR(WaitForSingleObject(bad[i], 0), WAIT_FAILED, ERROR_INVALID_HANDLE);
        ERR(GetExitCodeThread(bad[i], &code), FALSE, ERROR_INVALID_HANDLE);
        ERR(ReleaseMutex(bad[i]), FALSE, ERROR_INVALID_HANDLE);
        ERR(ReleaseSemaphore(bad[i], 1, NULL), FALSE, ERROR_INVALID_HANDLE);
        ERR(WriteFile(bad[i], "x", 1, &code, NULL), FALSE, ERROR_INVALID_HANDLE);
    }
    ERR(SetEvent(GetProcessHeap()), FALSE, ERROR_INVALID_HANDLE);
    /* a handle of another type */
    ERR(ReleaseMutex(e2), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(DuplicateHandle(GetCurrentProcess(), e2, GetCurrentProcess(), &dup,
                                     0, FALSE, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE),
                     TRUE);
    ERR(SetEvent(e2), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(SetEvent(dup), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(dup, 0), WAIT_OBJECT_0);
    ck_assert_int_eq(CloseHandle(dup), TRUE);
    ck_assert_int_eq(CloseHandle(GetCurrentThread()), TRUE);
}
END_TEST

/* A handle's low two bits are tags Windows ignores (sock.c
 * test_connect_completion_port waits on an hEvent | 1): the tagged value
 * names the same event in waits, SetEvent and ResetEvent; a closed
 * handle, tagged or not, stays invalid. */
START_TEST(tagged_handles)
{
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL), other = CreateEventA(NULL, TRUE, TRUE, NULL);
    HANDLE t1 = (HANDLE)((uintptr_t)e | 1), t3 = (HANDLE)((uintptr_t)e | 3), both[2];

    ck_assert_uint_eq(WaitForSingleObject(t1, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(SetEvent(t1), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(t1, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObjectEx(t3, 0, TRUE), WAIT_OBJECT_0);
    both[0] = t1;
    both[1] = (HANDLE)((uintptr_t)other | 2);
    ck_assert_uint_eq(WaitForMultipleObjects(2, both, TRUE, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WSAWaitForMultipleEvents(1, &t1, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);
    ck_assert_int_eq(ResetEvent(t1), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(WSAWaitForMultipleEvents(1, &t1, FALSE, 0, FALSE), WSA_WAIT_TIMEOUT);
    ck_assert_int_eq(WSASetEvent(t1), TRUE);
    ck_assert_int_eq(WSAResetEvent(t1), TRUE);
    ck_assert_uint_eq(WaitForMultipleObjectsEx(2, both, FALSE, 0, FALSE), WAIT_OBJECT_0 + 1);
    ck_assert_uint_eq(WaitForMultipleObjects(2, both, TRUE, 0), WAIT_TIMEOUT);
    /* the same object twice in a wait for all, tagged or not */
    both[1] = e;
    ERR(WaitForMultipleObjects(2, both, TRUE, 0), WAIT_FAILED, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(CloseHandle(e), TRUE);
    ERR(WaitForSingleObject(t1, 0), WAIT_FAILED, ERROR_INVALID_HANDLE);
    ERR(SetEvent(t1), FALSE, ERROR_INVALID_HANDLE);
    ERR(CloseHandle(t1), FALSE, ERROR_INVALID_HANDLE);
    ck_assert_int_eq(CloseHandle(other), TRUE);
}
END_TEST

/* SignalObjectAndWait: the signal (an event set, a mutex released, a
 * semaphore counted) and then the wait; bad handles and failed releases
 * signal nothing. */
static int apc_runs;
static void WINAPI count_apc(ULONG_PTR arg)
{
    apc_runs += (int)arg;
}

START_TEST(signal_object_and_wait)
{
    HANDLE a = CreateEventA(NULL, FALSE, FALSE, NULL), b = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE m = CreateMutexA(NULL, TRUE, NULL), sem = CreateSemaphoreA(NULL, 0, 1, NULL);
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);

    ck_assert_uint_eq(SignalObjectAndWait(a, b, 0, FALSE), WAIT_TIMEOUT);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
    ck_assert_int_eq(SetEvent(b), TRUE);
    ck_assert_uint_eq(SignalObjectAndWait(a, b, INFINITE, FALSE), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
    /* the mutex released once: no longer owned */
    ck_assert_uint_eq(SignalObjectAndWait(m, b, 0, FALSE), WAIT_OBJECT_0);
    ERR(ReleaseMutex(m), FALSE, ERROR_NOT_OWNER);
    ERR(SignalObjectAndWait(m, b, 0, FALSE), WAIT_FAILED, ERROR_NOT_OWNER);
    ck_assert_uint_eq(SignalObjectAndWait(sem, b, 0, FALSE), WAIT_OBJECT_0);
    ERR(SignalObjectAndWait(sem, b, 0, FALSE), WAIT_FAILED, ERROR_TOO_MANY_POSTS);
    ck_assert_uint_eq(WaitForSingleObject(sem, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(sem, 0), WAIT_TIMEOUT);
    /* bad handles, a port (not signalable): nothing signalled */
    ERR(SignalObjectAndWait(NULL, b, 0, FALSE), WAIT_FAILED, ERROR_INVALID_HANDLE);
    ERR(SignalObjectAndWait(port, b, 0, FALSE), WAIT_FAILED, ERROR_INVALID_HANDLE);
    ERR(SignalObjectAndWait(a, (HANDLE)(uintptr_t)0x12345678, 0, FALSE), WAIT_FAILED,
        ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_TIMEOUT);
    /* alertable: the APC runs after the signal, the wait says so */
    ck_assert_int_eq(ResetEvent(b), TRUE);
    ck_assert_uint_ne(QueueUserAPC(count_apc, GetCurrentThread(), 5), 0);
    ck_assert_uint_eq(SignalObjectAndWait(a, b, 10000, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(apc_runs, 5);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
    ck_assert_uint_ne(QueueUserAPC(count_apc, GetCurrentThread(), 1), 0);
    ck_assert_uint_eq(SignalObjectAndWait(a, b, 0, FALSE), WAIT_TIMEOUT); /* not alertable */
    ck_assert_int_eq(apc_runs, 5);
    ck_assert_uint_eq(SleepEx(0, TRUE), WAIT_IO_COMPLETION);
    ck_assert_int_eq(apc_runs, 6);
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(m);
    CloseHandle(sem);
    CloseHandle(port);
}
END_TEST

/* ---- threads ----------------------------------------------------------- */
static DWORD WINAPI return_42(LPVOID arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    return 42;
}

static DWORD WINAPI exit_7(LPVOID arg)
{
    (void)arg;
    ExitThread(7);
    return 0;
}

static DWORD WINAPI wait_event(LPVOID arg)
{
    return WaitForSingleObject((HANDLE)arg, INFINITE) == WAIT_OBJECT_0 ? 3 : 99;
}

/* Parks itself, as a server's main loop does, once it has said so. */
static DWORD WINAPI suspend_self(LPVOID arg)
{
    SetEvent((HANDLE)arg);
    return SuspendThread(GetCurrentThread()) == 0 ? 4 : 98;
}

static unsigned __attribute__((unused)) endthread_9(void *arg)
{
    (void)arg;
    _endthreadex(9);
    return 0;
}

START_TEST(threads)
{
    DWORD id = 0, seen = 0, code;
    HANDLE t = CreateThread(NULL, 0, return_42, &seen, 0, &id), go;
    unsigned uid;
    uintptr_t bt;

    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(seen, id);
    ck_assert_uint_ne(id, GetCurrentThreadId());
    ck_assert_uint_eq(GetThreadId(t), id);
    ck_assert_int_eq(GetExitCodeThread(t, &code), TRUE);
    ck_assert_uint_eq(code, 42);
    ck_assert_uint_eq(WaitForSingleObject(t, 0), WAIT_OBJECT_0); /* stays signalled */
    ck_assert_int_eq(CloseHandle(t), TRUE);

    t = CreateThread(NULL, 0, exit_7, NULL, 0, NULL);
    ck_assert_uint_eq(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeThread(t, &code), TRUE);
    ck_assert_uint_eq(code, 7);
    CloseHandle(t);

    go = CreateEventA(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 64 * 1024, wait_event, go, CREATE_SUSPENDED, NULL);
    ck_assert_int_eq(GetExitCodeThread(t, &code), TRUE);
    ck_assert_uint_eq(code, STILL_ACTIVE);
    ck_assert_uint_eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(ResumeThread(t), 1);
    ck_assert_uint_eq(ResumeThread(t), 0);
    SetEvent(go);
    ck_assert_uint_eq(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
    GetExitCodeThread(t, &code);
    ck_assert_uint_eq(code, 3);
    CloseHandle(t);
    CloseHandle(go);

    /* SuspendThread: a thread suspends itself until ResumeThread brings the
     * count back to 0; another thread cannot be stopped from outside. */
    go = CreateEventA(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, suspend_self, go, CREATE_SUSPENDED, NULL);
    ck_assert_uint_eq(SuspendThread(t), (DWORD)-1);
    ck_assert_uint_eq(GetLastError(), ERROR_NOT_SUPPORTED);
    ck_assert_uint_eq(ResumeThread(t), 1);
    ck_assert_uint_eq(WaitForSingleObject(go, 5000), WAIT_OBJECT_0);
    {
        DWORD was = 0;
        int tries;

        /* 0 until the thread has suspended itself, then 1. */
        for (tries = 0; tries < 500 && (was = ResumeThread(t)) == 0; tries++)
            Sleep(10);
        ck_assert_uint_eq(was, 1);
    }
    ck_assert_uint_eq(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
    GetExitCodeThread(t, &code);
    ck_assert_uint_eq(code, 4);
    ck_assert_uint_eq(SuspendThread(NULL), (DWORD)-1);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    CloseHandle(t);
    CloseHandle(go);

    bt = _beginthreadex(NULL, 0, endthread_9, NULL, 0, &uid);
    ck_assert_uint_ne(bt, 0);
    ck_assert_uint_eq(WaitForSingleObject((HANDLE)bt, 5000), WAIT_OBJECT_0);
    GetExitCodeThread((HANDLE)bt, &code);
    ck_assert_uint_eq(code, 9);
    ck_assert_uint_eq(GetThreadId((HANDLE)bt), uid);
    CloseHandle((HANDLE)bt);
    ERR(CreateThread(NULL, 0, NULL, NULL, 0, NULL), NULL, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(GetExitCodeThread(GetCurrentThread(), &code), TRUE);
    ck_assert_uint_eq(code, STILL_ACTIVE);
    ck_assert_uint_eq(GetCurrentProcessId(), (DWORD)getpid());
}
END_TEST

/* _beginthread (declared by windows.h, as MSVC code calls it without
 * <process.h>): the routine runs with its argument; the handle closes
 * itself when the thread ends, by returning or by _endthread, whose
 * caller's code after it never runs; no routine is EINVAL and -1. */
static HANDLE bt_done;
static volatile LONG bt_after_end;

static void __cdecl bt_routine(void *arg)
{
    if (arg == (void *)2) {
        SetEvent(bt_done);
        _endthread();
        InterlockedIncrement(&bt_after_end);
    }
    if (arg == (void *)1)
        SetEvent(bt_done);
}

/* The handle of an ended _beginthread thread goes invalid within 5 s. */
static void handle_goes_away(uintptr_t h)
{
    int i;

    for (i = 0; i < 5000 && WaitForSingleObject((HANDLE)h, 0) != WAIT_FAILED; i++)
        Sleep(1);
    ck_assert_uint_eq(WaitForSingleObject((HANDLE)h, 0), WAIT_FAILED);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
}

START_TEST(beginthread_closes_itself)
{
    uintptr_t h;
    int k;

    bt_done = CreateEvent(NULL, FALSE, FALSE, NULL);
    for (k = 1; k <= 2; k++) {
        h = _beginthread(bt_routine, 0, (void *)(intptr_t)k);
        ck_assert_uint_ne(h, (uintptr_t)-1);
        ck_assert_uint_eq(WaitForSingleObject(bt_done, 5000), WAIT_OBJECT_0);
        handle_goes_away(h);
    }
    ck_assert_int_eq(bt_after_end, 0);
    errno = 0;
    ck_assert_uint_eq(_beginthread(NULL, 0, NULL), (uintptr_t)-1);
    ck_assert_int_eq(errno, EINVAL);
    CloseHandle(bt_done);
}
END_TEST

START_TEST(thread_handle_closed_early)
{
    HANDLE go = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, wait_event, go, 0, NULL);

    ck_assert_int_eq(CloseHandle(t), TRUE);
    SetEvent(go);
    CloseHandle(go); /* the thread still holds its wait's reference */
}
END_TEST

START_TEST(sleeps)
{
    ULONGLONG t0 = GetTickCount64();

    Sleep(20);
    ck_assert_uint_ge(elapsed_since(t0), 19);
    ck_assert_uint_eq(SleepEx(1, TRUE), 0);
    ck_assert_int_eq(SwitchToThread(), TRUE);
}
END_TEST

/* ---- events and waits -------------------------------------------------- */
START_TEST(events)
{
    HANDLE m = CreateEventA(NULL, TRUE, TRUE, NULL);
    HANDLE a = CreateEventW(NULL, FALSE, FALSE, NULL);

    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0);
    ck_assert_int_eq(ResetEvent(m), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(SetEvent(a), TRUE);
    ck_assert_int_eq(SetEvent(a), TRUE);
    ck_assert_uint_eq(WaitForSingleObjectEx(a, 0, TRUE), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_TIMEOUT); /* reset by the wait */
    ck_assert_int_eq(PulseEvent(m), TRUE); /* nobody waiting: stays reset */
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT);
    CloseHandle(m);
    CloseHandle(a);
}
END_TEST

/* A zero-timeout wait on one manual-reset event (how a program looks at
 * its sockets' events one by one) takes no lock: it still sees every
 * change, another thread's too, and a closed handle still fails, even
 * when its slot holds another event by then. */
static DWORD WINAPI set_it(LPVOID ev)
{
    return SetEvent((HANDLE)ev) ? 0 : 1;
}

START_TEST(zero_waits_on_events)
{
    HANDLE m = CreateEventW(NULL, TRUE, FALSE, NULL), m2, th;
    HANDLE a = CreateEventW(NULL, FALSE, TRUE, NULL);
    DWORD code = 1;

    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT);
    th = CreateThread(NULL, 0, set_it, m, 0, NULL);
    ck_assert_uint_eq(WaitForSingleObject(th, 5000), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeThread(th, &code), TRUE);
    ck_assert_uint_eq(code, 0);
    CloseHandle(th);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WSAWaitForMultipleEvents(1, &m, TRUE, 0, FALSE),
                      WSA_WAIT_EVENT_0);
    ck_assert_int_eq(ResetEvent(m), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT);
    /* An auto-reset event is taken by the wait that sees it. */
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(a, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(CloseHandle(m), TRUE);
    SetLastError(0);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_FAILED);
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    m2 = CreateEventW(NULL, TRUE, TRUE, NULL);
    ck_assert_ptr_ne(m2, m);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_FAILED);
    ck_assert_uint_eq(WaitForSingleObject(m2, 0), WAIT_OBJECT_0);
    CloseHandle(m2);
    CloseHandle(a);
}
END_TEST

/* Named events, mutexes and semaphores: one namespace in the process,
 * ERROR_ALREADY_EXISTS on a second create, Open* by name, the name gone
 * with the last handle, another kind of object ERROR_INVALID_HANDLE. */
START_TEST(named_objects)
{
    HANDLE e1, e2, e3, m1, m2, s1, s2;
    LONG prev = -1;

    SetLastError(0xdeadu);
    e1 = CreateEventA(NULL, TRUE, FALSE, "wsc-test-event");
    ck_assert_ptr_nonnull(e1);
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    SetLastError(0xdeadu);
    e2 = CreateEventW(NULL, FALSE, TRUE, L"wsc-test-event");
    ck_assert_ptr_nonnull(e2);
    ck_assert_uint_eq(GetLastError(), ERROR_ALREADY_EXISTS);
    ck_assert_ptr_ne(e1, e2);
    /* One object: the second create's arguments are not used. */
    ck_assert_uint_eq(WaitForSingleObject(e2, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(SetEvent(e1), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(e2, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(e2, 0), WAIT_OBJECT_0); /* manual */
    e3 = OpenEventA(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE,
                    "Local\\wsc-test-event");
    ck_assert_ptr_nonnull(e3);
    ck_assert_int_eq(ResetEvent(e3), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(e1, 0), WAIT_TIMEOUT);
    ERR(CreateMutexA(NULL, FALSE, "wsc-test-event"), NULL,
        ERROR_INVALID_HANDLE);
    ERR(OpenSemaphoreA(SYNCHRONIZE, FALSE, "wsc-test-event"), NULL,
        ERROR_INVALID_HANDLE);
    ERR(OpenEventA(SYNCHRONIZE, FALSE, "Global\\wsc-test-event"), NULL,
        ERROR_FILE_NOT_FOUND);
    ERR(OpenEventW(SYNCHRONIZE, FALSE, NULL), NULL, ERROR_INVALID_PARAMETER);
    CloseHandle(e1);
    CloseHandle(e2);
    e1 = OpenEventA(SYNCHRONIZE, FALSE, "wsc-test-event"); /* e3 keeps it */
    ck_assert_ptr_nonnull(e1);
    CloseHandle(e1);
    CloseHandle(e3);
    ERR(OpenEventA(SYNCHRONIZE, FALSE, "wsc-test-event"), NULL,
        ERROR_FILE_NOT_FOUND);
    /* A single-instance check, as programs write it. */
    m1 = CreateMutexA(NULL, TRUE, "wsc-test-instance");
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    m2 = CreateMutexW(NULL, FALSE, L"wsc-test-instance");
    ck_assert_uint_eq(GetLastError(), ERROR_ALREADY_EXISTS);
    ck_assert_uint_eq(WaitForSingleObject(m2, 0), WAIT_OBJECT_0); /* owner */
    ck_assert_int_eq(ReleaseMutex(m2), TRUE);
    ck_assert_int_eq(ReleaseMutex(m1), TRUE);
    CloseHandle(m1);
    CloseHandle(m2);
    s1 = CreateSemaphoreA(NULL, 1, 5, "wsc-test-sem");
    s2 = OpenSemaphoreW(SEMAPHORE_MODIFY_STATE, FALSE, L"wsc-test-sem");
    ck_assert_ptr_nonnull(s2);
    ck_assert_int_eq(ReleaseSemaphore(s2, 2, &prev), TRUE);
    ck_assert_int_eq(prev, 1);
    CloseHandle(s1);
    CloseHandle(s2);
    /* Unnamed objects are never found by an empty name. */
    ERR(OpenMutexA(SYNCHRONIZE, FALSE, ""), NULL, ERROR_FILE_NOT_FOUND);
}
END_TEST

struct herd {
    HANDLE event, done;
    volatile LONG woken;
};

static DWORD WINAPI herd_member(LPVOID arg)
{
    struct herd *h = arg;

    if (WaitForSingleObject(h->event, 10000) != WAIT_OBJECT_0)
        return 1;
    InterlockedIncrement(&h->woken);
    ReleaseSemaphore(h->done, 1, NULL);
    return 0;
}

START_TEST(auto_reset_wakes_one)
{
    struct herd h = {CreateEventA(NULL, FALSE, FALSE, NULL),
                     CreateSemaphoreA(NULL, 0, 10, NULL), 0};
    HANDLE t[4];
    int i;

    for (i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, herd_member, &h, 0, NULL);
    for (i = 1; i <= 4; i++) {
        SetEvent(h.event);
        ck_assert_uint_eq(WaitForSingleObject(h.done, 5000), WAIT_OBJECT_0);
        /* no second waiter gets through on the same SetEvent */
        ck_assert_uint_eq(WaitForSingleObject(h.done, i == 4 ? 0 : 50), WAIT_TIMEOUT);
        ck_assert_int_eq(InterlockedCompareExchange(&h.woken, 0, 0), i);
    }
    ck_assert_uint_eq(WaitForMultipleObjects(4, t, TRUE, 5000), WAIT_OBJECT_0);
    for (i = 0; i < 4; i++)
        CloseHandle(t[i]);
    CloseHandle(h.event);
    CloseHandle(h.done);
}
END_TEST

static DWORD WINAPI set_both(LPVOID arg)
{
    HANDLE *e = arg;

    SetEvent(e[0]);
    SetEvent(e[1]);
    return 0;
}

START_TEST(wait_any_all)
{
    HANDLE e[2] = {CreateEventA(NULL, FALSE, FALSE, NULL), CreateEventA(NULL, FALSE, FALSE, NULL)};
    HANDLE dup[2] = {e[0], e[0]}, t;
    ULONGLONG t0;

    ck_assert_uint_eq(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_TIMEOUT);
    SetEvent(e[1]);
    ck_assert_uint_eq(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_OBJECT_0 + 1);
    SetEvent(e[0]);
    SetEvent(e[1]);
    ck_assert_uint_eq(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_OBJECT_0); /* lowest index */
    ck_assert_uint_eq(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_OBJECT_0 + 1);
    /* wait-all takes all or none: a timed-out wait leaves e[0] set */
    SetEvent(e[0]);
    t0 = GetTickCount64();
    ck_assert_uint_eq(WaitForMultipleObjects(2, e, TRUE, 60), WAIT_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 59);
    ck_assert_uint_lt(elapsed_since(t0), 3000);
    ck_assert_uint_eq(WaitForSingleObject(e[0], 0), WAIT_OBJECT_0);
    t = CreateThread(NULL, 0, set_both, e, 0, NULL);
    ck_assert_uint_eq(WaitForMultipleObjectsEx(2, e, TRUE, 5000, FALSE), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_TIMEOUT); /* both taken */
    ERR(WaitForMultipleObjects(0, e, FALSE, 0), WAIT_FAILED, ERROR_INVALID_PARAMETER);
    ERR(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, e, FALSE, 0), WAIT_FAILED,
        ERROR_INVALID_PARAMETER);
    ERR(WaitForMultipleObjects(2, dup, TRUE, 0), WAIT_FAILED, ERROR_INVALID_PARAMETER);
    WaitForSingleObject(t, 5000);
    CloseHandle(t);
    CloseHandle(e[1]);
    e[1] = INVALID_HANDLE_VALUE;
    ERR(WaitForMultipleObjects(2, e, FALSE, 0), WAIT_FAILED, ERROR_INVALID_HANDLE);
    CloseHandle(e[0]);
}
END_TEST

START_TEST(wait_timeout_bounds)
{
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL);
    ULONGLONG t0 = GetTickCount64();

    ck_assert_uint_eq(WaitForSingleObject(e, 100), WAIT_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 99);
    ck_assert_uint_lt(elapsed_since(t0), 3000);
    t0 = GetTickCount64();
    ck_assert_uint_eq(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    ck_assert_uint_lt(elapsed_since(t0), 1000);
    CloseHandle(e);
}
END_TEST

static DWORD WINAPI take_and_exit(LPVOID arg)
{
    return WaitForSingleObject((HANDLE)arg, 0) == WAIT_OBJECT_0 ? 0 : 1;
}

static DWORD WINAPI release_foreign(LPVOID arg)
{
    SetLastError(0);
    return ReleaseMutex((HANDLE)arg) ? 0 : GetLastError();
}

START_TEST(mutexes)
{
    HANDLE m = CreateMutexA(NULL, TRUE, NULL), t;
    DWORD code;

    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0); /* recursive */
    t = CreateThread(NULL, 0, release_foreign, m, 0, NULL);
    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    ck_assert_uint_eq(code, ERROR_NOT_OWNER);
    CloseHandle(t);
    ck_assert_int_eq(ReleaseMutex(m), TRUE);
    ck_assert_int_eq(ReleaseMutex(m), TRUE);
    ERR(ReleaseMutex(m), FALSE, ERROR_NOT_OWNER);
    /* a thread that exits owning it abandons it */
    t = CreateThread(NULL, 0, take_and_exit, m, 0, NULL);
    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    ck_assert_uint_eq(code, 0);
    CloseHandle(t);
    ck_assert_uint_eq(WaitForSingleObject(m, 5000), WAIT_ABANDONED);
    ck_assert_int_eq(ReleaseMutex(m), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0);
    ck_assert_int_eq(ReleaseMutex(m), TRUE);
    CloseHandle(m);
    m = CreateMutexW(NULL, FALSE, NULL);
    ck_assert_uint_eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0);
    CloseHandle(m);
}
END_TEST

START_TEST(semaphores)
{
    HANDLE s = CreateSemaphoreA(NULL, 1, 2, NULL);
    LONG prev = -1;

    ERR(ReleaseSemaphore(s, 2, &prev), FALSE, ERROR_TOO_MANY_POSTS);
    ck_assert_int_eq(prev, -1);
    ck_assert_int_eq(ReleaseSemaphore(s, 1, &prev), TRUE);
    ck_assert_int_eq(prev, 1);
    ck_assert_uint_eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT);
    ERR(ReleaseSemaphore(s, 0, NULL), FALSE, ERROR_INVALID_PARAMETER);
    CloseHandle(s);
    ERR(CreateSemaphoreA(NULL, 3, 2, NULL), NULL, ERROR_INVALID_PARAMETER);
    ERR(CreateSemaphoreW(NULL, 0, 0, NULL), NULL, ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- locks ------------------------------------------------------------- */
static CRITICAL_SECTION cs;
static LONG cs_count;

static DWORD WINAPI try_cs(LPVOID arg)
{
    BOOL got = TryEnterCriticalSection(&cs);

    (void)arg;
    if (got)
        LeaveCriticalSection(&cs);
    return (DWORD)got;
}

static DWORD try_cs_elsewhere(void)
{
    HANDLE t = CreateThread(NULL, 0, try_cs, NULL, 0, NULL);
    DWORD code = 99;

    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}

static DWORD WINAPI count_under_cs(LPVOID arg)
{
    int i;

    (void)arg;
    for (i = 0; i < 10000; i++) {
        EnterCriticalSection(&cs);
        cs_count++;
        LeaveCriticalSection(&cs);
    }
    return 0;
}

START_TEST(critical_sections)
{
    HANDLE t[4];
    int i;

    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    ck_assert_int_eq(cs.RecursionCount, 2);
    ck_assert_int_eq(TryEnterCriticalSection(&cs), TRUE);
    LeaveCriticalSection(&cs);
    ck_assert_uint_eq(try_cs_elsewhere(), FALSE);
    LeaveCriticalSection(&cs);
    ck_assert_uint_eq(try_cs_elsewhere(), FALSE);
    LeaveCriticalSection(&cs);
    ck_assert_uint_eq(try_cs_elsewhere(), TRUE);
    for (i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, count_under_cs, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    ck_assert_int_eq(cs_count, 40000);
    for (i = 0; i < 4; i++)
        CloseHandle(t[i]);
    DeleteCriticalSection(&cs);
    ck_assert_int_eq(InitializeCriticalSectionAndSpinCount(&cs, 4000), TRUE);
    DeleteCriticalSection(&cs);
}
END_TEST

static SRWLOCK srw = SRWLOCK_INIT;

static DWORD WINAPI try_srw_exclusive(LPVOID arg)
{
    BOOLEAN got = TryAcquireSRWLockExclusive(&srw);

    (void)arg;
    if (got)
        ReleaseSRWLockExclusive(&srw);
    return got;
}

static DWORD WINAPI try_srw_shared(LPVOID arg)
{
    BOOLEAN got = TryAcquireSRWLockShared(&srw);

    (void)arg;
    if (got)
        ReleaseSRWLockShared(&srw);
    return got;
}

static DWORD run_code(LPTHREAD_START_ROUTINE fn, LPVOID arg)
{
    HANDLE t = CreateThread(NULL, 0, fn, arg, 0, NULL);
    DWORD code = 99;

    WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}

START_TEST(srw_locks)
{
    AcquireSRWLockShared(&srw);
    ck_assert_uint_eq(run_code(try_srw_shared, NULL), 1);
    ck_assert_uint_eq(run_code(try_srw_exclusive, NULL), 0);
    ReleaseSRWLockShared(&srw);
    AcquireSRWLockExclusive(&srw);
    ck_assert_uint_eq(run_code(try_srw_shared, NULL), 0);
    ReleaseSRWLockExclusive(&srw);
    ck_assert_uint_eq(run_code(try_srw_exclusive, NULL), 1);
    InitializeSRWLock(&srw);
}
END_TEST

static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
static int cv_ready;

static DWORD WINAPI cv_producer(LPVOID arg)
{
    if (arg) {
        AcquireSRWLockExclusive(&srw);
        cv_ready = 1;
        ReleaseSRWLockExclusive(&srw);
    } else {
        EnterCriticalSection(&cs);
        cv_ready = 1;
        LeaveCriticalSection(&cs);
    }
    WakeAllConditionVariable(&cv);
    return 0;
}

START_TEST(condition_variables)
{
    HANDLE t;
    ULONGLONG t0;

    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    t0 = GetTickCount64();
    ERR(SleepConditionVariableCS(&cv, &cs, 50), FALSE, ERROR_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 49);
    ck_assert_int_eq(cs.RecursionCount, 1);
    t = CreateThread(NULL, 0, cv_producer, NULL, 0, NULL);
    while (!cv_ready)
        ck_assert_int_eq(SleepConditionVariableCS(&cv, &cs, 5000), TRUE);
    LeaveCriticalSection(&cs);
    WaitForSingleObject(t, 5000);
    CloseHandle(t);
    DeleteCriticalSection(&cs);

    cv_ready = 0;
    InitializeConditionVariable(&cv);
    AcquireSRWLockExclusive(&srw);
    ERR(SleepConditionVariableSRW(&cv, &srw, 20, 0), FALSE, ERROR_TIMEOUT);
    t = CreateThread(NULL, 0, cv_producer, &srw, 0, NULL);
    while (!cv_ready)
        ck_assert_int_eq(SleepConditionVariableSRW(&cv, &srw, 5000, 0), TRUE);
    ReleaseSRWLockExclusive(&srw);
    WakeConditionVariable(&cv);
    WaitForSingleObject(t, 5000);
    CloseHandle(t);
}
END_TEST

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static LONG once_calls;
static int once_target;

static BOOL CALLBACK once_fn(PINIT_ONCE o, PVOID param, PVOID *ctx)
{
    (void)o;
    InterlockedIncrement(&once_calls);
    *ctx = &once_target;
    return param == NULL;
}

static DWORD WINAPI run_once(LPVOID arg)
{
    PVOID ctx = NULL;

    (void)arg;
    return InitOnceExecuteOnce(&once, once_fn, NULL, &ctx) && ctx == &once_target;
}

START_TEST(init_once)
{
    HANDLE t[4];
    PVOID ctx;
    DWORD code;
    int i;

    ck_assert_int_eq(InitOnceExecuteOnce(&once, once_fn, (PVOID)1, &ctx), FALSE);
    ck_assert_int_eq(once_calls, 1); /* failed: tried again by the next call */
    for (i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, run_once, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, 5000);
    for (i = 0; i < 4; i++) {
        GetExitCodeThread(t[i], &code);
        ck_assert_uint_eq(code, 1);
        CloseHandle(t[i]);
    }
    ck_assert_int_eq(once_calls, 2);
}
END_TEST

START_TEST(interlocked)
{
    volatile LONG v = 5;
    volatile LONG64 w = (LONG64)1 << 40;
    PVOID volatile p = NULL;
    int x, y;

    ck_assert_int_eq(InterlockedIncrement(&v), 6);
    ck_assert_int_eq(InterlockedDecrement(&v), 5);
    ck_assert_int_eq(InterlockedExchangeAdd(&v, 10), 5);
    ck_assert_int_eq(v, 15);
    ck_assert_int_eq(InterlockedAdd(&v, 1), 16);
    ck_assert_int_eq(InterlockedExchange(&v, 3), 16);
    ck_assert_int_eq(InterlockedCompareExchange(&v, 9, 4), 3); /* no swap */
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(InterlockedCompareExchange(&v, 9, 3), 3);
    ck_assert_int_eq(v, 9);
    ck_assert_int_eq(InterlockedAnd(&v, 1), 9);
    ck_assert_int_eq(InterlockedOr(&v, 6), 1);
    ck_assert_int_eq(InterlockedXor(&v, 7), 7);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(InterlockedDecrement(&v), -1);
    ck_assert(InterlockedIncrement64(&w) == ((LONG64)1 << 40) + 1);
    ck_assert(InterlockedExchangeAdd64(&w, 1) == ((LONG64)1 << 40) + 1);
    ck_assert(InterlockedCompareExchange64(&w, 0, ((LONG64)1 << 40) + 2) == ((LONG64)1 << 40) + 2);
    ck_assert(InterlockedExchange64(&w, 5) == 0);
    ck_assert(InterlockedDecrement64(&w) == 4);
    ck_assert_ptr_null(InterlockedExchangePointer(&p, &x));
    ck_assert_ptr_eq(InterlockedCompareExchangePointer(&p, &y, NULL), &x);
    ck_assert_ptr_eq(InterlockedCompareExchangePointer(&p, &y, &x), &x);
    ck_assert_ptr_eq(p, &y);
    ck_assert_uint_eq(sizeof(LONG), 4);
}
END_TEST

/* ---- time and system --------------------------------------------------- */
START_TEST(time_and_system)
{
    LARGE_INTEGER f, c1, c2;
    FILETIME ft;
    SYSTEMTIME st;
    SYSTEM_INFO si;
    ULONGLONG t, now;
    char name[256];
    DWORD n = sizeof(name);

    ck_assert_int_eq(QueryPerformanceFrequency(&f), TRUE);
    ck_assert(f.QuadPart == 10000000);
    QueryPerformanceCounter(&c1);
    Sleep(2);
    QueryPerformanceCounter(&c2);
    ck_assert(c2.QuadPart - c1.QuadPart >= 20000);
    ck_assert(c2.u.LowPart == c2.LowPart && c2.HighPart == c2.u.HighPart);
    ck_assert_uint_le((DWORD)(GetTickCount64() & 0xffffffffu) - GetTickCount(), 1000);
    GetSystemTimeAsFileTime(&ft);
    t = ((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime);
    now = (ULONGLONG)time(NULL);
    ck_assert_uint_le((t - 116444736000000000ULL) / 10000000u - now + 2, 4);
    GetSystemTime(&st);
    ck_assert_uint_ge(st.wYear, 2024);
    ck_assert_uint_ge(st.wMonth, 1);
    ck_assert_uint_le(st.wMonth, 12);
    GetLocalTime(&st);
    ck_assert_uint_le(st.wDayOfWeek, 6);
    GetSystemInfo(&si);
    ck_assert_uint_eq(si.dwNumberOfProcessors, (DWORD)sysconf(_SC_NPROCESSORS_ONLN));
    ck_assert_uint_eq(si.dwPageSize, (DWORD)sysconf(_SC_PAGESIZE));
    ck_assert_uint_eq(si.dwAllocationGranularity, 65536);
    ck_assert_int_eq(GetComputerNameA(name, &n), TRUE);
    ck_assert_uint_eq(n, strlen(name));
    n = 1;
    ERR(GetComputerNameA(name, &n), FALSE, ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_eq(n, strlen(name) + 1);
}
END_TEST

/* The processor topology as the thread-pool samples read it: the size
 * asked first, then every entry; the cores' masks cover each online
 * processor once, and there is a package and a NUMA node. */
START_TEST(logical_processors)
{
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION *v;
    DWORD len = 0, need, logical = 0, cores = 0, nodes = 0, packages = 0;
    ULONG_PTR seen = 0;
    SYSTEM_INFO si;

    ERR(GetLogicalProcessorInformation(NULL, NULL), FALSE, ERROR_NOACCESS);
    ERR(GetLogicalProcessorInformation(NULL, &len), FALSE,
        ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_gt(len, 0);
    ck_assert_uint_eq(len % sizeof(*v), 0);
    need = len;
    v = malloc(need);
    len = need - 1;
    ERR(GetLogicalProcessorInformation(v, &len), FALSE,
        ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(len, need);
    ck_assert_int_eq(GetLogicalProcessorInformation(v, &len), TRUE);
    ck_assert_uint_eq(len, need);
    for (DWORD i = 0; i < len / sizeof(*v); i++) {
        switch (v[i].Relationship) {
        case RelationProcessorCore:
            cores++;
            ck_assert_uint_eq(seen & v[i].ProcessorMask, 0);
            seen |= v[i].ProcessorMask;
            logical += (DWORD)__builtin_popcountll(v[i].ProcessorMask);
            ck_assert_uint_eq(v[i].ProcessorCore.Flags,
                              __builtin_popcountll(v[i].ProcessorMask) > 1
                                  ? LTP_PC_SMT
                                  : 0);
            break;
        case RelationNumaNode: nodes++; break;
        case RelationProcessorPackage: packages++; break;
        case RelationCache:
            ck_assert_uint_ge(v[i].Cache.Level, 1);
            ck_assert_uint_le(v[i].Cache.Level, 4);
            break;
        default: ck_abort_msg("relationship %d", v[i].Relationship);
        }
    }
    GetSystemInfo(&si);
    if (si.dwNumberOfProcessors <= 64)
        ck_assert_uint_eq(logical, si.dwNumberOfProcessors);
    ck_assert_uint_ge(cores, 1);
    ck_assert_uint_ge(nodes, 1);
    ck_assert_uint_ge(packages, 1);
    free(v);
}
END_TEST

/* ---- text: code pages and the lstr functions ----------------------------
 * CP_ACP/CP_OEMCP/CP_THREAD_ACP are UTF-8; Linux's wchar_t holds a code
 * point, so U+1F600 is one unit (two on Windows). */
#define SENT 0x2323

static void wfill(wchar_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        w[i] = SENT;
}

/* MultiByteToWideChar(CP_UTF8) of n bytes into 16 units: its result and,
 * when want is not NULL, the exact units and the sentinel after them. */
static void mb_is(const char *s, int n, const wchar_t *want, int count)
{
    wchar_t w[16];

    wfill(w, 16);
    ERR(MultiByteToWideChar(CP_UTF8, 0, s, n, w, 16), count, 0xdeadu);
    ck_assert(wmemcmp(w, want, (size_t)count) == 0);
    ck_assert_int_eq(w[count], SENT);
    ERR(MultiByteToWideChar(CP_UTF8, 0, s, n, NULL, 0), count, 0xdeadu);
}

START_TEST(multibyte_to_wide)
{
    static const UINT pages[] = {CP_UTF8, CP_ACP, CP_OEMCP, CP_THREAD_ACP};
    wchar_t w[16];

    mb_is("abc", 3, L"abc", 3);
    mb_is("abc", -1, L"abc", 4); /* the NUL counted and written */
    mb_is("abc", -5, L"abc", 4); /* any negative length */
    mb_is("", -1, L"", 1);
    mb_is("a\0b", 3, (const wchar_t[]){'a', 0, 'b'}, 3);
    mb_is("\xC3\xA9\xE2\x82\xAC", 5, (const wchar_t[]){0xE9, 0x20AC}, 2);
    mb_is("\xF0\x9F\x98\x80", 4, (const wchar_t[]){0x1F600}, 1);
    mb_is("\xF0\x9F\x98\x80", -1, (const wchar_t[]){0x1F600, 0}, 2);
    mb_is("\xEF\xBB\xBF" "a", 4, (const wchar_t[]){0xFEFF, 'a'}, 2); /* a BOM stays */
    mb_is("\xF4\x8F\xBF\xBF", 4, (const wchar_t[]){0x10FFFF}, 1);
    for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
        wfill(w, 16);
        ERR(MultiByteToWideChar(pages[i], 0, "\xC3\xA9", -1, w, 16), 2, 0xdeadu);
        ck_assert(w[0] == 0xE9 && w[1] == 0 && w[2] == SENT);
        /* flags that change nothing in UTF-8 are accepted */
        ERR(MultiByteToWideChar(pages[i], MB_PRECOMPOSED, "ab", 2, w, 16), 2, 0xdeadu);
        ERR(MultiByteToWideChar(pages[i], MB_COMPOSITE | MB_USEGLYPHCHARS, "ab", 2, w, 16),
            2, 0xdeadu);
        ERR(MultiByteToWideChar(pages[i], 0x10, "ab", 2, w, 16), 0, ERROR_INVALID_FLAGS);
    }
    ck_assert_uint_eq(GetACP(), CP_UTF8);
    ck_assert_uint_eq(GetOEMCP(), CP_UTF8);
}
END_TEST

START_TEST(multibyte_to_wide_errors)
{
    wchar_t w[16];

    /* too small: 0, the units that fit written */
    wfill(w, 16);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", -1, w, 3), 0, ERROR_INSUFFICIENT_BUFFER);
    ck_assert(wmemcmp(w, L"abc", 3) == 0 && w[3] == SENT);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", 3, w, 2), 0, ERROR_INSUFFICIENT_BUFFER);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", 3, w, 3), 3, 0xdeadu);
    /* parameters before the code page before the flags */
    ERR(MultiByteToWideChar(CP_UTF8, 0, NULL, 3, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0, NULL, -1, NULL, 0), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", 0, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", 3, NULL, 5), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0, "abc", 3, w, -1), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(12345, 0, "abc", 3, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF7, 0, "abc", 3, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(12345, 0x10, "abc", 3, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0x10, NULL, 3, w, 16), 0, ERROR_INVALID_PARAMETER);
    ERR(MultiByteToWideChar(CP_UTF8, 0x100, "abc", 3, w, 16), 0, ERROR_INVALID_FLAGS);

    /* ill-formed UTF-8: U+FFFD, or ERROR_NO_UNICODE_TRANSLATION */
    mb_is("\xC0\x41\x42", 3, (const wchar_t[]){0xFFFD, 'A', 'B'}, 3);
    ERR(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xC0\x41\x42", 3, w, 16), 0,
        ERROR_NO_UNICODE_TRANSLATION);
    ERR(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xC0\x41\x42", 3, NULL, 0), 0,
        ERROR_NO_UNICODE_TRANSLATION);
    ERR(MultiByteToWideChar(CP_ACP, MB_ERR_INVALID_CHARS, "a\xFF", 2, w, 16), 0,
        ERROR_NO_UNICODE_TRANSLATION);
    ERR(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xC0\x41\x42", 3, w, 2), 0,
        ERROR_INSUFFICIENT_BUFFER); /* the buffer is the first error */
    ERR(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xF0\x9F\x98\x80", 4, w, 16), 1,
        0xdeadu);
    mb_is("\xE2\x82", 2, (const wchar_t[]){0xFFFD}, 1);              /* cut short */
    mb_is("\xE2\x82\x41", 3, (const wchar_t[]){0xFFFD, 'A'}, 2);
    mb_is("\xF0\x9F\x98\x41", 4, (const wchar_t[]){0xFFFD, 'A'}, 2);
    mb_is("\xED\xA0\x80", 3, (const wchar_t[]){0xFFFD, 0xFFFD}, 2);  /* a surrogate */
    mb_is("\xE0\x80\x80", 3, (const wchar_t[]){0xFFFD, 0xFFFD}, 2);  /* overlong */
    mb_is("\xC1\xBF", 2, (const wchar_t[]){0xFFFD, 0xFFFD}, 2);
    mb_is("\xF4\x90\x80\x80", 4, (const wchar_t[]){0xFFFD, 0xFFFD, 0xFFFD}, 3);
    mb_is("\xF8\x88\x80\x80\x80", 5,
          (const wchar_t[]){0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 5);
    mb_is("\x80\x80", 2, (const wchar_t[]){0xFFFD, 0xFFFD}, 2);
    mb_is("\xFF", 1, (const wchar_t[]){0xFFFD}, 1);
    mb_is("a\xC3", -1, (const wchar_t[]){'a', 0xFFFD, 0}, 3); /* the NUL ends it */
}
END_TEST

/* WideCharToMultiByte(CP_UTF8) of n units into 16 bytes. */
static void wc_is(const wchar_t *w, int n, const char *want, int count)
{
    char b[16];

    memset(b, '#', sizeof(b));
    ERR(WideCharToMultiByte(CP_UTF8, 0, w, n, b, 16, NULL, NULL), count, 0xdeadu);
    ck_assert(memcmp(b, want, (size_t)count) == 0);
    ck_assert_int_eq(b[count], '#');
    ERR(WideCharToMultiByte(CP_UTF8, 0, w, n, NULL, 0, NULL, NULL), count, 0xdeadu);
}

START_TEST(wide_to_multibyte)
{
    static const wchar_t pair[] = {'a', 0xD83D, 0xDE00, 'b', 0};
    static const wchar_t lone[] = {'a', 0xD800, 'b', 0};
    char b[16];
    BOOL used = 77;

    wc_is(L"abc", 3, "abc", 3); /* no NUL unless counted */
    wc_is(L"abc", -1, "abc", 4);
    wc_is(L"", -1, "", 1);
    wc_is((const wchar_t[]){'a', 0, 'b'}, 3, "a\0b", 3);
    wc_is((const wchar_t[]){'a', 0x20AC, 0x1F600, 0}, -1, "a\xE2\x82\xAC\xF0\x9F\x98\x80", 9);
    wc_is((const wchar_t[]){0xE9, 0x7FF, 0x800, 0xFFFF, 0x10FFFF}, 5,
          "\xC3\xA9\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF", 14);
    /* UTF-16 surrogate pairs are the characters they stand for */
    wc_is(pair, -1, "a\xF0\x9F\x98\x80" "b", 7);
    /* lone surrogates and values past U+10FFFF are U+FFFD */
    wc_is(lone, -1, "a\xEF\xBF\xBD" "b", 6);
    wc_is((const wchar_t[]){0xDC00, 0xD800, 0}, -1, "\xEF\xBF\xBD\xEF\xBF\xBD", 7);
    wc_is(pair, 2, "a\xEF\xBF\xBD", 4); /* a pair cut by the length */
    wc_is((const wchar_t[]){(wchar_t)0x110000}, 1, "\xEF\xBF\xBD", 3);
    ERR(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, b, 16, NULL, NULL), 0,
        ERROR_NO_UNICODE_TRANSLATION);
    ERR(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, NULL, 0, NULL, NULL), 0,
        ERROR_NO_UNICODE_TRANSLATION);
    ERR(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, pair, -1, b, 16, NULL, NULL), 7,
        0xdeadu);

    /* too small: 0, and a character that does not fit whole is not written */
    memset(b, '#', sizeof(b));
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"\x20AC", 1, b, 2, NULL, NULL), 0,
        ERROR_INSUFFICIENT_BUFFER);
    ck_assert(b[0] == '#' && b[1] == '#');
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"\x20AC", 1, b, 3, NULL, NULL), 3, 0xdeadu);
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"\x20AC", -1, b, 3, NULL, NULL), 0,
        ERROR_INSUFFICIENT_BUFFER);
    memset(b, '#', sizeof(b));
    ERR(WideCharToMultiByte(CP_UTF8, 0, pair, -1, b, 3, NULL, NULL), 0,
        ERROR_INSUFFICIENT_BUFFER);
    ck_assert(b[0] == 'a' && b[1] == '#' && b[2] == '#');

    /* CP_UTF8 takes no default character; the flags are checked after */
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, b, 16, "?", NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, b, 16, NULL, &used), 0,
        ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(used, 77);
    ERR(WideCharToMultiByte(CP_UTF8, 0x1000, L"a", -1, b, 16, "?", NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(CP_UTF8, 0x1000, L"a", -1, b, 16, NULL, NULL), 0,
        ERROR_INVALID_FLAGS);
    ERR(WideCharToMultiByte(CP_UTF8, WC_COMPOSITECHECK | WC_NO_BEST_FIT_CHARS, L"a", -1, b, 16,
                            NULL, NULL), 2, 0xdeadu);
    ERR(WideCharToMultiByte(CP_UTF8, 0, NULL, -1, b, 16, NULL, NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"a", 0, b, 16, NULL, NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, NULL, 5, NULL, NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, b, -1, NULL, NULL), 0,
        ERROR_INVALID_PARAMETER);
    ERR(WideCharToMultiByte(12345, 0, L"a", -1, b, 16, NULL, NULL), 0,
        ERROR_INVALID_PARAMETER);

    /* the ANSI code page (UTF-8) reports and uses the default character */
    memset(b, '#', sizeof(b));
    ERR(WideCharToMultiByte(CP_ACP, 0, L"\xE9", -1, b, 16, NULL, &used), 3, 0xdeadu);
    ck_assert(memcmp(b, "\xC3\xA9", 3) == 0 && used == FALSE);
    ERR(WideCharToMultiByte(CP_ACP, 0, lone, -1, b, 16, NULL, &used), 6, 0xdeadu);
    ck_assert(memcmp(b, "a\xEF\xBF\xBD" "b", 6) == 0 && used == TRUE);
    used = 77;
    ERR(WideCharToMultiByte(CP_ACP, 0, lone, -1, b, 16, "*", &used), 4, 0xdeadu);
    ck_assert(memcmp(b, "a*b", 4) == 0 && used == TRUE);
    ERR(WideCharToMultiByte(CP_OEMCP, 0, lone, -1, NULL, 0, "*", NULL), 4, 0xdeadu);
    ERR(WideCharToMultiByte(CP_THREAD_ACP, WC_ERR_INVALID_CHARS, lone, -1, b, 16, "*", &used),
        0, ERROR_NO_UNICODE_TRANSLATION);
}
END_TEST

START_TEST(code_page_round_trip)
{
    const char *text = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80!";
    wchar_t w[32];
    char back[32];
    int nw, nb;

    nw = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text, -1, NULL, 0);
    ck_assert_int_eq(nw, 11);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text, -1, w, nw), nw);
    nb = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w, -1, NULL, 0, NULL, NULL);
    ck_assert_int_eq(nb, (int)strlen(text) + 1);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, w, -1, back, nb,
                                         NULL, NULL), nb);
    ck_assert_str_eq(back, text);
}
END_TEST

START_TEST(lstr_copy_and_length)
{
    char b[16];
    wchar_t w[16];
    TCHAR t[8];

    ERR(lstrlenA("abc"), 3, 0xdeadu);
    ERR(lstrlenA(""), 0, 0xdeadu);
    ERR(lstrlenA(NULL), 0, ERROR_INVALID_PARAMETER);
    ERR(lstrlenW(L"ab"), 2, 0xdeadu);
    ERR(lstrlenW(NULL), 0, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(lstrlen(TEXT("xyz")), 3);

    ERR(lstrcpyA(b, "abc"), b, 0xdeadu);
    ck_assert_str_eq(b, "abc");
    ERR(lstrcpyA(NULL, "a"), NULL, ERROR_INVALID_PARAMETER);
    ERR(lstrcpyA(b, NULL), NULL, ERROR_INVALID_PARAMETER);
    ERR(lstrcpyW(w, L"xy"), w, 0xdeadu);
    ck_assert(wcscmp(w, L"xy") == 0);
    ERR(lstrcatA(b, "de"), b, 0xdeadu);
    ck_assert_str_eq(b, "abcde");
    ERR(lstrcatA(b, NULL), NULL, ERROR_INVALID_PARAMETER);
    ck_assert_str_eq(b, "abcde");
    ERR(lstrcatA(NULL, "x"), NULL, ERROR_INVALID_PARAMETER);
    ERR(lstrcatW(w, L"z"), w, 0xdeadu);
    ck_assert(wcscmp(w, L"xyz") == 0);

    /* lstrcpyn: at most n - 1 characters and a NUL, no padding */
    memset(b, '#', sizeof(b));
    ERR(lstrcpynA(b, "abcdef", 4), b, 0xdeadu);
    ck_assert(memcmp(b, "abc\0#", 5) == 0);
    memset(b, '#', sizeof(b));
    ERR(lstrcpynA(b, "ab", 8), b, 0xdeadu);
    ck_assert(memcmp(b, "ab\0#", 4) == 0);
    memset(b, '#', sizeof(b));
    ERR(lstrcpynA(b, "abcdef", 1), b, 0xdeadu);
    ck_assert(b[0] == 0 && b[1] == '#');
    memset(b, '#', sizeof(b));
    ERR(lstrcpynA(b, "abcdef", 0), b, 0xdeadu);
    ck_assert(b[0] == '#');
    ERR(lstrcpynA(b, NULL, 8), NULL, ERROR_INVALID_PARAMETER);
    ERR(lstrcpynA(b, NULL, 1), b, 0xdeadu); /* src is not read */
    ck_assert(b[0] == 0);
    ERR(lstrcpynA(b, NULL, 0), b, 0xdeadu);
    ERR(lstrcpynA(NULL, "ab", 8), NULL, ERROR_INVALID_PARAMETER);
    ERR(lstrcpynA(NULL, "ab", 0), NULL, 0xdeadu);
    wmemset(w, SENT, 16);
    ERR(lstrcpynW(w, L"abc", 2), w, 0xdeadu);
    ck_assert(w[0] == 'a' && w[1] == 0 && w[2] == SENT);
    ck_assert(lstrcpyn(t, TEXT("hello"), 3) == t && lstrcmp(t, TEXT("he")) == 0);
}
END_TEST

/* Windows' answers (Wine 8's, which are CompareString's word sort). */
/* ---- user32's console stand-ins and the CRT's _s time functions -------- */
/* MessageBox: "caption: text" on stderr, the default button's answer. */
START_TEST(message_box)
{
    int fds[2];
    int saved = dup(2);
    char out[512];
    ssize_t n;

    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(dup2(fds[1], 2), 2);
    ck_assert_int_eq(MessageBoxA(NULL, "text", "caption", MB_OK), IDOK);
    ck_assert_int_eq(MessageBoxA(NULL, "t", NULL, MB_YESNO | MB_DEFBUTTON2 | MB_ICONQUESTION),
                     IDNO);
    ck_assert_int_eq(MessageBoxA(NULL, "", "c", MB_OKCANCEL | MB_ICONERROR), IDOK);
    ck_assert_int_eq(MessageBoxA(NULL, NULL, "c", MB_YESNOCANCEL | MB_DEFBUTTON3), IDCANCEL);
    ck_assert_int_eq(MessageBoxA(NULL, "x", "c", MB_RETRYCANCEL | MB_DEFBUTTON3), IDRETRY);
    ck_assert_int_eq(MessageBoxA(NULL, "x", "c", MB_CANCELTRYCONTINUE | MB_DEFBUTTON2),
                     IDTRYAGAIN);
    ck_assert_int_eq(MessageBoxA(NULL, "x", "c", MB_ABORTRETRYIGNORE | MB_DEFBUTTON4), IDABORT);
    ck_assert_int_eq(MessageBoxW(NULL, L"wide \u00e9", L"W", MB_OK | MB_TOPMOST), IDOK);
    ck_assert_int_eq(MessageBoxExA(NULL, "ex", "E", MB_YESNO, 0), IDYES);
    ck_assert_int_eq(MessageBox(NULL, TEXT("tchar"), TEXT("T"), MB_OK), IDOK);
    ERR(MessageBoxA(NULL, "bad", "c", 7), 0, ERROR_INVALID_MSGBOX_STYLE);
    ck_assert_int_eq(dup2(saved, 2), 2);
    close(fds[1]);
    n = read(fds[0], out, sizeof(out) - 1);
    ck_assert_int_gt(n, 0);
    out[n] = 0;
    ck_assert_str_eq(out, "caption: text\nError: t\nc: \nc: \nc: x\nc: x\nc: x\n"
                          "W: wide \xc3\xa9\nE: ex\nT: tchar\n");
    close(fds[0]);
    close(saved);
}
END_TEST

static int wvs_a(char *buf, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wvsprintfA(buf, fmt, ap);
    va_end(ap);
    return n;
}

static int wvs_w(wchar_t *buf, const wchar_t *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = wvsprintfW(buf, fmt, ap);
    va_end(ap);
    return n;
}

/* wsprintf: the count stored, at most 1023 characters and the NUL; the W
 * form's %s is wide, its %S narrow. */
START_TEST(wsprintf_family)
{
    char a[1100], big[2001];
    wchar_t w[64];

    ck_assert_int_eq(wsprintfA(a, "%d-%s-%c-%x-%05u-%ls-%S", 42, "ab", 'z', 255, 7, L"w", L"S"),
                     20);
    ck_assert_str_eq(a, "42-ab-z-ff-00007-w-S");
    ck_assert_int_eq(wsprintfW(w, L"%s|%S|%d|%c", L"wide", "narrow", -3, L'c'), 16);
    ck_assert(wcscmp(w, L"wide|narrow|-3|c") == 0);
    ck_assert_int_eq(wvs_a(a, "%s=%lu", "n", (unsigned long)4000000000u), 12);
    ck_assert_str_eq(a, "n=4000000000");
    ck_assert_int_eq(wvs_w(w, L"%hs%ls", "h", L"l"), 2);
    ck_assert(wcscmp(w, L"hl") == 0);
    memset(big, 'x', 2000);
    big[2000] = 0;
    memset(a, 'y', sizeof(a));
    ck_assert_int_eq(wsprintfA(a, "%s", big), 1023);
    ck_assert_uint_eq(strlen(a), 1023);
    ck_assert_int_eq(a[1024], 'y');
}
END_TEST

/* localtime_s, gmtime_s: (struct tm *, const time_t *), 0 or EINVAL. */
/* The multimedia timer: timeGetTime counts GetTickCount's milliseconds;
 * a period of 1 ms to 1 000 000 ms is TIMERR_NOERROR, 0 TIMERR_NOCANDO;
 * timeGetDevCaps wants its structure's exact size. */
START_TEST(multimedia_timer)
{
    TIMECAPS tc;
    DWORD a = GetTickCount(), b = timeGetTime(), c = GetTickCount();

    ck_assert_uint_le(b - a, c - a);
    ck_assert_uint_eq(timeBeginPeriod(1), TIMERR_NOERROR);
    ck_assert_uint_eq(timeEndPeriod(1), TIMERR_NOERROR);
    ck_assert_uint_eq(timeBeginPeriod(0), TIMERR_NOCANDO);
    ck_assert_uint_eq(timeEndPeriod(0), TIMERR_NOCANDO);
    ck_assert_uint_eq(timeGetDevCaps(NULL, sizeof(tc)), TIMERR_NOCANDO);
    ck_assert_uint_eq(timeGetDevCaps(&tc, sizeof(tc) - 1), TIMERR_NOCANDO);
    ck_assert_uint_eq(timeGetDevCaps(&tc, sizeof(tc)), MMSYSERR_NOERROR);
    ck_assert_uint_eq(tc.wPeriodMin, 1);
    ck_assert_uint_eq(tc.wPeriodMax, 1000000);
}
END_TEST

START_TEST(time_s)
{
    struct tm tm, want;
    time_t t = 365 * 86400, bad = -1, last = (time_t)32535215999LL, after = last + 1;

    ck_assert_int_eq(gmtime_s(&tm, &t), 0);
    ck_assert_int_eq(tm.tm_year, 71);
    ck_assert_int_eq(tm.tm_mon, 0);
    ck_assert_int_eq(tm.tm_mday, 1);
    ck_assert_int_eq(tm.tm_wday, 5);
    ck_assert_int_eq(tm.tm_yday, 0);
    ck_assert_int_eq(tm.tm_hour, 0);
    ck_assert_int_eq(gmtime_s(&tm, &last), 0);
    ck_assert_int_eq(tm.tm_year, 1100);
    ck_assert_int_eq(tm.tm_mon, 11);
    ck_assert_int_eq(tm.tm_mday, 31);
    ck_assert_int_eq(tm.tm_sec, 59);
    errno = 0;
    ck_assert_int_eq(gmtime_s(&tm, &after), EINVAL);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(tm.tm_year, -1);
    ck_assert_int_eq(tm.tm_mday, -1);
    ck_assert_int_eq(gmtime_s(&tm, &bad), EINVAL);
    ck_assert_int_eq(tm.tm_hour, -1);
    ck_assert_int_eq(gmtime_s(&tm, NULL), EINVAL);
    ck_assert_int_eq(gmtime_s(NULL, &t), EINVAL);
    t = 1700000000;
    ck_assert_ptr_nonnull(localtime_r(&t, &want));
    ck_assert_int_eq(localtime_s(&tm, &t), 0);
    ck_assert_int_eq(tm.tm_year, want.tm_year);
    ck_assert_int_eq(tm.tm_yday, want.tm_yday);
    ck_assert_int_eq(tm.tm_hour, want.tm_hour);
    ck_assert_int_eq(tm.tm_min, want.tm_min);
    ck_assert_int_eq(tm.tm_isdst, want.tm_isdst);
    ck_assert_int_eq(localtime_s(&tm, &bad), EINVAL);
    ck_assert_int_eq(tm.tm_min, -1);
    ck_assert_int_eq(localtime_s(NULL, &t), EINVAL);
}
END_TEST

/* ctime_s, asctime_s: Microsoft's text, 26 with the NUL; EINVAL for a
 * small buffer (emptied), a NULL or out-of-range input. */
START_TEST(ctime_asctime_s)
{
    char buf[32], small[25];
    struct tm tm;
    time_t t = 315626635; /* 1980-01-02 02:03:55 UTC */

    ck_assert_int_eq(gmtime_s(&tm, &t), 0);
    ck_assert_int_eq(asctime_s(buf, sizeof buf, &tm), 0);
    ck_assert_str_eq(buf, "Wed Jan 02 02:03:55 1980\n");
    strcpy(small, "x");
    ck_assert_int_eq(asctime_s(small, sizeof small, &tm), EINVAL);
    ck_assert_int_eq(small[0], 0);
    ck_assert_int_eq(asctime_s(NULL, 26, &tm), EINVAL);
    strcpy(buf, "x");
    ck_assert_int_eq(asctime_s(buf, 0, &tm), EINVAL);
    ck_assert_str_eq(buf, "x");
    ck_assert_int_eq(asctime_s(buf, sizeof buf, NULL), EINVAL);
    ck_assert_int_eq(buf[0], 0);
    tm.tm_mon = 12;
    ck_assert_int_eq(asctime_s(buf, sizeof buf, &tm), EINVAL);
    tm.tm_mon = 1;
    tm.tm_mday = 29; /* 1980 is a leap year */
    ck_assert_int_eq(asctime_s(buf, sizeof buf, &tm), 0);
    tm.tm_year = 81;
    ck_assert_int_eq(asctime_s(buf, sizeof buf, &tm), EINVAL);
    ck_assert_int_eq(ctime_s(buf, sizeof buf, &t), 0);
    ck_assert_uint_eq(strlen(buf), 25);
    ck_assert_int_eq(buf[24], '\n');
    t = -1;
    errno = 0;
    ck_assert_int_eq(ctime_s(buf, sizeof buf, &t), EINVAL);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(buf[0], 0);
    ck_assert_int_eq(ctime_s(buf, sizeof buf, NULL), EINVAL);
    ck_assert_int_eq(ctime_s(small, sizeof small, &t), EINVAL);
}
END_TEST

/* memcpy_s, memmove_s, strnlen_s, strtok_s, strerror_s, _strlwr_s,
 * _strupr_s, _strrev, the _s number conversions, _dupenv_s. */
START_TEST(secure_strings)
{
    char d[8], big[16], s[] = " a,b;;c ", *ctx = NULL, *tok, *env;
    wchar_t ws[] = L"x y", *wctx = NULL, *wtok;
    size_t n;

    memset(d, 'q', sizeof d);
    ck_assert_int_eq(memcpy_s(d, sizeof d, "abcdefg", 8), 0);
    ck_assert_str_eq(d, "abcdefg");
    ck_assert_int_eq(memcpy_s(d, 4, "abcdefg", 8), ERANGE);
    ck_assert_int_eq(d[0] | d[1] | d[2] | d[3], 0);
    ck_assert_int_eq(d[4], 'e'); /* only size bytes zeroed */
    ck_assert_int_eq(memcpy_s(d, sizeof d, NULL, 1), EINVAL);
    ck_assert_int_eq(d[7], 0);
    ck_assert_int_eq(memcpy_s(NULL, 8, "a", 1), EINVAL);
    ck_assert_int_eq(memcpy_s(NULL, 0, NULL, 0), 0);
    strcpy(d, "abc");
    ck_assert_int_eq(memmove_s(d + 1, 7, d, 4), 0);
    ck_assert_str_eq(d, "aabc");
    ck_assert_int_eq(memmove_s(d, 2, "xyz", 3), ERANGE);
    ck_assert_str_eq(d, "aabc"); /* left as it was */
    ck_assert_int_eq(memmove_s(d, 8, NULL, 3), EINVAL);
    ck_assert_uint_eq(strnlen_s("abcdef", 4), 4);
    ck_assert_uint_eq(strnlen_s("ab", 4), 2);
    ck_assert_uint_eq(strnlen_s(NULL, 4), 0);
    ck_assert_uint_eq(wcsnlen_s(L"abc", 9), 3);
    ck_assert_uint_eq(wcsnlen_s(NULL, 9), 0);

    tok = strtok_s(s, " ,;", &ctx);
    ck_assert_str_eq(tok, "a");
    ck_assert_str_eq(strtok_s(NULL, " ,;", &ctx), "b");
    ck_assert_str_eq(strtok_s(NULL, " ,;", &ctx), "c");
    ck_assert_ptr_null(strtok_s(NULL, " ,;", &ctx));
    errno = 0;
    ctx = NULL;
    ck_assert_ptr_null(strtok_s(NULL, ",", &ctx));
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_ptr_null(strtok_s(s, NULL, &ctx));
    ck_assert_ptr_null(strtok_s(s, ",", NULL));
    wtok = wcstok_s(ws, L" ", &wctx);
    ck_assert(wtok && wcscmp(wtok, L"x") == 0);
    wtok = wcstok_s(NULL, L" ", &wctx);
    ck_assert(wtok && wcscmp(wtok, L"y") == 0);
    ck_assert_ptr_null(wcstok_s(NULL, L" ", &wctx));

    ck_assert_int_eq(strerror_s(d, sizeof d, ENOENT), 0);
    ck_assert_str_eq(d, "No such"); /* cut to the buffer */
    ck_assert_int_eq(strerror_s(NULL, 8, ENOENT), EINVAL);
    ck_assert_int_eq(strerror_s(d, 0, ENOENT), EINVAL);

    strcpy(d, "MiXeD1");
    ck_assert_int_eq(_strlwr_s(d, sizeof d), 0);
    ck_assert_str_eq(d, "mixed1");
    ck_assert_int_eq(_strupr_s(d, sizeof d), 0);
    ck_assert_str_eq(d, "MIXED1");
    ck_assert_int_eq(_strupr_s(d, 3), EINVAL); /* no NUL in 3 */
    ck_assert_int_eq(d[0], 0);
    ck_assert_int_eq(_strlwr_s(NULL, 3), EINVAL);
    strcpy(d, "abcd");
    ck_assert_ptr_eq(_strrev(d), d);
    ck_assert_str_eq(d, "dcba");
    strcpy(d, "abc");
    ck_assert_str_eq(_strrev(d), "cba");
    ck_assert_ptr_null(_strrev(NULL));
    ck_assert_str_eq(_strlwr(d), "cba");

    ck_assert_int_eq(_ltoa_s(-123456, d, sizeof d, 10), 0);
    ck_assert_str_eq(d, "-123456");
    ck_assert_int_eq(_ltoa_s(-1234567, d, sizeof d, 10), ERANGE); /* 9 */
    ck_assert_int_eq(d[0], 0);
    ck_assert_int_eq(_ultoa_s(255, d, sizeof d, 16), 0);
    ck_assert_str_eq(d, "ff");
    ck_assert_int_eq(_ultoa_s(255, d, sizeof d, 1), EINVAL);
    ck_assert_int_eq(d[0], 0);
    ck_assert_int_eq(_i64toa_s(1LL << 40, d, sizeof d, 10), ERANGE);
    ck_assert_int_eq(_i64toa_s(-(1LL << 19), d, sizeof d, 10), 0);
    ck_assert_str_eq(d, "-524288");
    ck_assert_int_eq(_ui64toa_s(7, d, sizeof d, 2), 0);
    ck_assert_str_eq(d, "111");
    ck_assert_int_eq(_itoa_s(-1, d, sizeof d, 10), 0);
    ck_assert_str_eq(d, "-1");
    ck_assert_int_eq(_itoa_s(5, NULL, 8, 10), EINVAL);
    ck_assert_str_eq(_itoa(-1, big, 16), "ffffffff");
    ck_assert_str_eq(_ltoa(-42, big, 10), "-42");

    setenv("WSC_DUPENV", "value", 1);
    n = 99;
    ck_assert_int_eq(_dupenv_s(&env, &n, "WSC_DUPENV"), 0);
    ck_assert_str_eq(env, "value");
    ck_assert_uint_eq(n, 6);
    free(env);
    ck_assert_int_eq(_dupenv_s(&env, NULL, "WSC_DUPENV"), 0);
    free(env);
    env = d;
    ck_assert_int_eq(_dupenv_s(&env, &n, "WSC_DUPENV_UNSET"), 0);
    ck_assert_ptr_null(env);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(_dupenv_s(&env, &n, NULL), EINVAL);
    ck_assert_ptr_null(env);
    ck_assert_int_eq(_dupenv_s(NULL, &n, "WSC_DUPENV"), EINVAL);
}
END_TEST

/* fopen_s, _wfopen_s, freopen_s, gets_s, printf_s, fprintf_s. */
START_TEST(secure_stdio)
{
    char path[] = "/tmp/wsc_crt_XXXXXX", line[8], big[64];
    wchar_t wpath[64];
    FILE *f = (FILE *)1, *g;
    int fd = mkstemp(path);

    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(fopen_s(NULL, path, "r"), EINVAL);
    ck_assert_int_eq(fopen_s(&f, NULL, "r"), EINVAL);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(fopen_s(&f, path, NULL), EINVAL);
    ck_assert_int_eq(fopen_s(&f, path, ""), EINVAL);
    ck_assert_int_eq(fopen_s(&f, "/nonexistent/wsc", "r"), ENOENT);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(fopen_s(&f, path, "wt, ccs=UTF-8"), 0);
    ck_assert_int_eq(fprintf_s(f, "%s %I64d\n%s\n%s\n", "one", 1LL << 33, "abcdefgh", "short"), 30);
    ck_assert_int_eq(fprintf_s(NULL, "x"), -1);
    ck_assert_int_eq(fprintf_s(f, NULL), -1);
    ck_assert_int_eq(printf_s(NULL), -1);
    ck_assert_int_eq(printf_s("%s", ""), 0);
    fclose(f);
    swprintf(wpath, 64, L"%hs", path); /* Microsoft's: %s is wide */
    ck_assert_int_eq(_wfopen_s(&f, wpath, L"rb"), 0);
    ck_assert_ptr_nonnull(fgets(big, sizeof big, f));
    ck_assert_str_eq(big, "one 8589934592\n");
    fclose(f);
    ck_assert_int_eq(_wfopen_s(&f, NULL, L"r"), EINVAL);
    ck_assert_int_eq(freopen_s(&g, path, "r", NULL), EINVAL);
    ck_assert_ptr_null(g);
    ck_assert_int_eq(freopen_s(NULL, path, "r", stdin), EINVAL);
    ck_assert_int_eq(freopen_s(&g, path, "r", stdin), 0);
    ck_assert_ptr_eq(g, stdin);
    /* a line of 8 or more does not fit 8 with the NUL: read, dropped */
    errno = 0;
    ck_assert_ptr_null(gets_s(line, sizeof line));
    ck_assert_int_eq(errno, ERANGE);
    ck_assert_int_eq(line[0], 0);
    ck_assert_ptr_null(gets_s(line, sizeof line));
    ck_assert_ptr_eq(gets_s(line, sizeof line), line);
    ck_assert_str_eq(line, "short");
    strcpy(line, "x");
    ck_assert_ptr_null(gets_s(line, sizeof line)); /* end of file */
    ck_assert_int_eq(line[0], 0);
    ck_assert_ptr_null(gets_s(NULL, 8));
    ck_assert_ptr_null(gets_s(line, 0));
    unlink(path);
}
END_TEST

/* The scanf_s family: a size after each %s, %c and %[ pointer; a string
 * too long for it fails (the buffer emptied), the count so far returned;
 * EOF only when the input ends before the first field. */
START_TEST(scanf_s_family)
{
    char a[4], b[8], c[3], set[8];
    wchar_t w[4];
    int x = -1, y = -1, n = -1;
    unsigned u = 0;
    long long ll = 0;
    double dbl = 0;
    char path[] = "/tmp/wsc_scan_XXXXXX";
    FILE *f;
    int fd;

    ck_assert_int_eq(sscanf_s("12 abc wxyz", "%d %s %s", &x, a, 4u, b, 8u), 3);
    ck_assert_int_eq(x, 12);
    ck_assert_str_eq(a, "abc");
    ck_assert_str_eq(b, "wxyz");
    /* too long: 4 characters do not fit 4 with the NUL */
    strcpy(a, "zz");
    x = -1;
    ck_assert_int_eq(sscanf_s("abcd 5", "%s %d", a, 4u, &x), 0);
    ck_assert_str_eq(a, "");
    ck_assert_int_eq(x, -1);
    ck_assert_int_eq(sscanf_s("7 abcdefgh 9", "%d %s %d", &x, b, 8u, &y), 1);
    ck_assert_int_eq(b[0], 0);
    /* a width that fits cuts the token, and the rest is the next field */
    ck_assert_int_eq(sscanf_s("abcdefgh", "%3s%s", a, 4u, b, 8u), 2);
    ck_assert_str_eq(a, "abc");
    ck_assert_str_eq(b, "defgh");
    /* a width wider than the buffer: too long all the same */
    ck_assert_int_eq(sscanf_s("abcdef", "%10s", a, 4u), 0);
    ck_assert_str_eq(a, "");
    ck_assert_int_eq(sscanf_s("abc", "%s", a, 0u), 0);

    /* %c: a count, no NUL; fewer places than the count fail */
    memset(c, 'q', sizeof c);
    ck_assert_int_eq(sscanf_s("hello", "%3c%n", c, 3u, &n), 1);
    ck_assert(memcmp(c, "hel", 3) == 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(sscanf_s("hello", "%3c", c, 2u), 0);
    ck_assert_int_eq(c[0], 0);
    ck_assert_int_eq(sscanf_s(" x", "%c", c, 1u), 1);
    ck_assert_int_eq(c[0], ' '); /* %c skips no white space */

    /* %[ sets, negated sets, ] first in a set */
    n = -1;
    ck_assert_int_eq(sscanf_s("aab1c", "%[ab]%n", set, 8u, &n), 1);
    ck_assert_str_eq(set, "aab");
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(sscanf_s("key=value;", "%[^=]=%[^;]", a, 4u, set, 8u), 2);
    ck_assert_str_eq(a, "key");
    ck_assert_str_eq(set, "value");
    ck_assert_int_eq(sscanf_s("]]x", "%[]]", a, 4u), 1);
    ck_assert_str_eq(a, "]]");
    ck_assert_int_eq(sscanf_s("aaaa", "%[a]", a, 4u), 0);
    ck_assert_str_eq(a, "");
    ck_assert_int_eq(sscanf_s("x", "%[a]", a, 4u), 0);

    /* mixed, suppressed, literals, %%, Microsoft's sizes, wide strings */
    ck_assert_int_eq(sscanf_s("id:42 skip 3.5 100% 8589934592", "id:%d %*s %lf 100%% %I64d",
                              &x, &dbl, &ll), 3);
    ck_assert_int_eq(x, 42);
    ck_assert(dbl == 3.5);
    ck_assert(ll == 8589934592LL);
    ck_assert_int_eq(sscanf_s("4000000000", "%lu", &u), 1); /* 32 bits */
    ck_assert_uint_eq(u, 4000000000u);
    ck_assert_int_eq(sscanf_s("abc", "%S", w, 4u), 1);
    ck_assert(wcscmp(w, L"abc") == 0);
    ck_assert_int_eq(sscanf_s("abcd", "%ls", w, 4u), 0);
    ck_assert_int_eq(w[0], 0);
    ck_assert_int_eq(sscanf_s("x 5", "%*s %d", &x), 1);
    ck_assert_int_eq(x, 5);
    ck_assert_int_eq(sscanf_s("a7", "a%d", &x), 1);
    ck_assert_int_eq(sscanf_s("b7", "a%d", &x), 0);
    ck_assert_int_eq(sscanf_s("7:", "%d:%d", &x, &y), 1);

    /* EOF: empty input, white space only, before the first field */
    ck_assert_int_eq(sscanf_s("", "%d", &x), EOF);
    ck_assert_int_eq(sscanf_s("   ", " %d", &x), EOF);
    ck_assert_int_eq(sscanf_s("", "%s", a, 4u), EOF);
    ck_assert_int_eq(sscanf_s("", "%c", c, 1u), EOF);
    ck_assert_int_eq(sscanf_s("", "x%d", &x), EOF);
    ck_assert_int_eq(sscanf_s("", "%n", &n), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(sscanf_s("abc", "%d", &x), 0);
    errno = 0;
    ck_assert_int_eq(sscanf_s(NULL, "%d", &x), EOF);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(sscanf_s("1", NULL), EOF);

    /* fscanf_s and scanf_s: the same, from a stream */
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "10 toolongword ok\n20 [x]\n", 25), 25);
    close(fd);
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fscanf_s(f, "%d %s", &x, b, 8u), 1);
    ck_assert_int_eq(x, 10);
    ck_assert_int_eq(b[0], 0);
    ck_assert_int_eq(fscanf_s(f, "%*[^\n] %d [%c]", &y, c, 1u), 2);
    ck_assert_int_eq(y, 20);
    ck_assert_int_eq(c[0], 'x');
    ck_assert_int_eq(fscanf_s(f, "%*c %d", &x), EOF);
    ck_assert_int_eq(fscanf_s(NULL, "%d", &x), EOF);
    fclose(f);
    ck_assert_ptr_nonnull(freopen(path, "r", stdin));
    ck_assert_int_eq(scanf_s("%d%2s", &x, a, 4u), 2);
    ck_assert_int_eq(x, 10);
    ck_assert_str_eq(a, "to");
    unlink(path);
}
END_TEST

/* The Win32 error of an NTSTATUS, by ntdll's and advapi32's names. */
START_TEST(nt_status_errors)
{
    NTSTATUS reset = (NTSTATUS)0xC000020DL, aborted = (NTSTATUS)0xC0000241L;

    ck_assert_uint_eq(RtlNtStatusToDosError(0), 0);
    ck_assert_uint_eq(RtlNtStatusToDosError(reset), ERROR_NETNAME_DELETED);
    ck_assert_uint_eq(LsaNtStatusToWinError(reset), 64);
    ck_assert_uint_eq(LsaNtStatusToWinError((NTSTATUS)0xC000013BL), 64);
    ck_assert_uint_eq(LsaNtStatusToWinError((NTSTATUS)0xC0000120L), 995);
    ck_assert_uint_eq(LsaNtStatusToWinError(aborted), 1236);
    ck_assert_uint_eq(LsaNtStatusToWinError((NTSTATUS)0xC0010005L), 5);
    ck_assert_uint_eq(LsaNtStatusToWinError((NTSTATUS)0xC0FFEE00L), ERROR_MR_MID_NOT_FOUND);
}
END_TEST

/* shlwapi's PathFindFileName and PathFindExtension, as Windows splits. */
START_TEST(path_find)
{
    const char *p = "C:\\dir.d\\file.tar.gz";
    const wchar_t *wp = L"dir/sub/name.txt";

    ck_assert_ptr_eq(PathFindFileNameA(p), p + 9);
    ck_assert_ptr_eq(PathFindExtensionA(p), p + 17);
    ck_assert_str_eq(PathFindFileNameA("a\\b\\"), "b\\");
    ck_assert_str_eq(PathFindFileNameA("C:x"), "x");
    ck_assert_str_eq(PathFindFileNameA("plain"), "plain");
    ck_assert_str_eq(PathFindFileNameA(""), "");
    ck_assert_str_eq(PathFindExtensionA("C:\\a.b\\file"), "");
    ck_assert_str_eq(PathFindExtensionA("file. txt"), "");
    ck_assert_str_eq(PathFindExtensionA("x.c"), ".c");
    ck_assert_ptr_null(PathFindFileNameA(NULL));
    ck_assert_ptr_eq(PathFindFileNameW(wp), wp + 8);
    ck_assert_ptr_eq(PathFindExtensionW(wp), wp + 12);
}
END_TEST

/* CoCreateGuid: random, version 4, variant 1; StringFromGUID2: 39 with
 * the NUL, 0 when it does not fit. */
START_TEST(guids)
{
    static const GUID known = {0x6B29FC40, 0xCA47, 0x1067,
                               {0xB3, 0x1D, 0x00, 0xDD, 0x01, 0x06, 0x62, 0xDA}};
    GUID a, b;
    WCHAR text[64];

    ck_assert_int_eq(CoCreateGuid(&a), S_OK);
    ck_assert_int_eq(CoCreateGuid(&b), S_OK);
    ck_assert(memcmp(&a, &b, sizeof(a)) != 0);
    ck_assert_uint_eq(a.Data3 >> 12, 4);
    ck_assert_uint_eq(a.Data4[0] & 0xC0u, 0x80u);
    ck_assert_int_eq(CoCreateGuid(NULL), E_INVALIDARG);
    ck_assert_int_eq(StringFromGUID2(&known, text, 64), 39);
    ck_assert(wcscmp(text, L"{6B29FC40-CA47-1067-B31D-00DD010662DA}") == 0);
    text[0] = L'x';
    ck_assert_int_eq(StringFromGUID2(&known, text, 38), 0);
    ck_assert_int_eq(text[0], L'x');
    ck_assert_int_eq(StringFromGUID2(&a, text, 39), 39);
    ck_assert_uint_eq(wcslen(text), 38);
}
END_TEST

START_TEST(lstr_compare)
{
    static const struct {
        const char *a, *b;
        int cmp, cmpi;
    } t[] = {
        {"abc", "ABC", -1, 0}, {"ABC", "abc", 1, 0}, {"a", "B", -1, -1},
        {"B", "a", 1, 1}, {"_", "a", -1, -1}, {"1", "a", -1, -1},
        {"a", "ab", -1, -1}, {"~", "a", -1, -1}, {"{", "0", -1, -1},
        {"a-b", "ab", 1, 1}, {"ab", "a-b", -1, -1}, {"co-op", "coop", 1, 1},
        {"A", "a", 1, 0}, {"", "a", -1, -1}, {"Z", "a", 1, 1},
        {"[", "A", -1, -1}, {" ", "!", -1, -1}, {"!", "0", -1, -1},
        {"0", "A", -1, -1}, {"ab", "aB", -1, 0}, {"aB", "Ab", -1, 0},
        {"a'b", "ab", 1, 1}, {"abc", "abc", 0, 0}, {"", "", 0, 0},
        {"abc", "ABD", -1, -1}, {"a-b", "ac", -1, -1}, {"a-bc", "ab-c", 1, 1},
        {"\xC3\xA9", "\xC3\x89", -1, 0}, {"\xCE\xB1", "\xCE\x91", -1, 0},
    };
    wchar_t wa[16], wb[16];

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        ck_assert_msg(lstrcmpA(t[i].a, t[i].b) == t[i].cmp, "lstrcmpA %s %s", t[i].a, t[i].b);
        ck_assert_msg(lstrcmpiA(t[i].a, t[i].b) == t[i].cmpi, "lstrcmpiA %s %s", t[i].a, t[i].b);
        MultiByteToWideChar(CP_UTF8, 0, t[i].a, -1, wa, 16);
        MultiByteToWideChar(CP_UTF8, 0, t[i].b, -1, wb, 16);
        ck_assert_msg(lstrcmpW(wa, wb) == t[i].cmp, "lstrcmpW %s %s", t[i].a, t[i].b);
        ck_assert_msg(lstrcmpiW(wa, wb) == t[i].cmpi, "lstrcmpiW %s %s", t[i].a, t[i].b);
    }
    ERR(lstrcmpA(NULL, "a"), -1, 0xdeadu);
    ERR(lstrcmpA("a", NULL), 1, 0xdeadu);
    ERR(lstrcmpA(NULL, NULL), 0, 0xdeadu);
    ERR(lstrcmpiW(NULL, L"a"), -1, 0xdeadu);
    ERR(lstrcmpiW(L"", NULL), 1, 0xdeadu);
    ck_assert_int_eq(lstrcmpi(TEXT("Hello"), TEXT("hELLO")), 0);
    ck_assert_int_eq(lstrcmp(TEXT("Hello"), TEXT("hello")), 1);
}
END_TEST

/* ---- the version -------------------------------------------------------- */
START_TEST(version)
{
    OSVERSIONINFOA a;
    OSVERSIONINFOEXA xa;
    OSVERSIONINFOW w;
    OSVERSIONINFOEXW xw;
    OSVERSIONINFO t;
    DWORD v = GetVersion();

    ck_assert_uint_eq(v, 0x23F00206u);
    ck_assert(LOBYTE(LOWORD(v)) == 6 && HIBYTE(LOWORD(v)) == 2 && HIWORD(v) == 9200);

    memset(&a, 0x55, sizeof(a));
    a.dwOSVersionInfoSize = sizeof(a);
    ERR(GetVersionExA(&a), TRUE, 0xdeadu);
    ck_assert(a.dwMajorVersion == 6 && a.dwMinorVersion == 2 && a.dwBuildNumber == 9200);
    ck_assert(a.dwPlatformId == VER_PLATFORM_WIN32_NT && a.szCSDVersion[0] == 0);
    memset(&xa, 0x55, sizeof(xa));
    xa.dwOSVersionInfoSize = sizeof(xa);
    ERR(GetVersionExA((LPOSVERSIONINFOA)&xa), TRUE, 0xdeadu);
    ck_assert(xa.dwMajorVersion == 6 && xa.dwMinorVersion == 2 && xa.dwBuildNumber == 9200);
    ck_assert(xa.wServicePackMajor == 0 && xa.wServicePackMinor == 0 && xa.wReserved == 0);
    ck_assert(xa.wSuiteMask == VER_SUITE_SINGLEUSERTS && xa.wProductType == VER_NT_WORKSTATION);
    memset(&w, 0x55, sizeof(w));
    w.dwOSVersionInfoSize = sizeof(w);
    ERR(GetVersionExW(&w), TRUE, 0xdeadu);
    ck_assert(w.dwMajorVersion == 6 && w.dwBuildNumber == 9200 && w.szCSDVersion[0] == 0);
    memset(&xw, 0x55, sizeof(xw));
    xw.dwOSVersionInfoSize = sizeof(xw);
    ERR(GetVersionExW((LPOSVERSIONINFOW)&xw), TRUE, 0xdeadu);
    ck_assert(xw.dwMinorVersion == 2 && xw.wProductType == VER_NT_WORKSTATION);
    t.dwOSVersionInfoSize = sizeof(t);
    ERR(GetVersionEx(&t), TRUE, 0xdeadu);
    ck_assert(t.dwMajorVersion == 6 && t.dwPlatformId == VER_PLATFORM_WIN32_NT);

    /* a wrong size: nothing written */
    memset(&a, 0x55, sizeof(a));
    a.dwOSVersionInfoSize = sizeof(a) - 1;
    ERR(GetVersionExA(&a), FALSE, ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(a.dwMajorVersion, 0x55555555u);
    a.dwOSVersionInfoSize = sizeof(a) + 1;
    ERR(GetVersionExA(&a), FALSE, ERROR_INSUFFICIENT_BUFFER);
    a.dwOSVersionInfoSize = 0;
    ERR(GetVersionExA(&a), FALSE, ERROR_INSUFFICIENT_BUFFER);
    w.dwOSVersionInfoSize = sizeof(a);
    ERR(GetVersionExW(&w), FALSE, ERROR_INSUFFICIENT_BUFFER);
    xa.dwOSVersionInfoSize = sizeof(w);
    ERR(GetVersionExA((LPOSVERSIONINFOA)&xa), FALSE, ERROR_INSUFFICIENT_BUFFER);
    ERR(GetVersionExA(NULL), FALSE, ERROR_NOACCESS);
    ERR(GetVersionExW(NULL), FALSE, ERROR_NOACCESS);
}
END_TEST

/* ---- files and the console --------------------------------------------- */
START_TEST(files)
{
    char dir[] = "/tmp/wsc_w32_XXXXXX", path[64], buf[16];
    wchar_t wpath[64];
    HANDLE f;
    DWORD n, high;
    LARGE_INTEGER size, pos, d;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    ERR(CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL),
        INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);
    f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW,
                    FILE_ATTRIBUTE_NORMAL, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    ck_assert_int_eq(WriteFile(f, "hello", 5, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 5);
    ck_assert_uint_eq(GetFileSize(f, &high), 5);
    ck_assert_uint_eq(high, 0);
    ck_assert_int_eq(GetFileSizeEx(f, &size), TRUE);
    ck_assert(size.QuadPart == 5);
    ck_assert_uint_eq(SetFilePointer(f, 0, NULL, FILE_BEGIN), 0);
    ck_assert_int_eq(ReadFile(f, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(memcmp(buf, "hello", 5), 0);
    ck_assert_int_eq(ReadFile(f, buf, sizeof(buf), &n, NULL), TRUE); /* end of file */
    ck_assert_uint_eq(n, 0);
    ERR(SetFilePointer(f, -10, NULL, FILE_CURRENT), INVALID_SET_FILE_POINTER, ERROR_NEGATIVE_SEEK);
    d.QuadPart = -2;
    ck_assert_int_eq(SetFilePointerEx(f, d, &pos, FILE_END), TRUE);
    ck_assert(pos.QuadPart == 3);
    ck_assert_int_eq(SetEndOfFile(f), TRUE);
    ck_assert_uint_eq(GetFileSize(f, NULL), 3);
    {
        BY_HANDLE_FILE_INFORMATION bhfi;
        WIN32_FIND_DATAA fd;
        struct stat st;
        ULONGLONG wt;

        ck_assert_int_eq(stat(path, &st), 0);
        ck_assert_int_eq(GetFileInformationByHandle(f, &bhfi), TRUE);
        ck_assert_uint_eq(bhfi.dwFileAttributes, FILE_ATTRIBUTE_ARCHIVE);
        ck_assert_uint_eq(bhfi.nFileSizeHigh, 0);
        ck_assert_uint_eq(bhfi.nFileSizeLow, 3);
        ck_assert_uint_eq(bhfi.nNumberOfLinks, 1);
        ck_assert_uint_eq(bhfi.nFileIndexLow, (DWORD)st.st_ino);
        wt = ((ULONGLONG)bhfi.ftLastWriteTime.dwHighDateTime << 32) |
             bhfi.ftLastWriteTime.dwLowDateTime;
        ck_assert_uint_eq(wt, (ULONGLONG)st.st_mtim.tv_sec * 10000000u +
                                  (ULONGLONG)st.st_mtim.tv_nsec / 100u + 116444736000000000ULL);
        ERR(GetFileInformationByHandle(NULL, &bhfi), FALSE, ERROR_INVALID_HANDLE);
        fd.nFileSizeLow = bhfi.nFileSizeLow; /* the sea samples' TransmitFile header */
        ck_assert_uint_eq(sizeof(fd.cFileName), MAX_PATH);
    }
    ck_assert_int_eq(FlushFileBuffers(f), TRUE);
    ERR(ReadFile(f, buf, 1, &n, (LPOVERLAPPED)buf), FALSE, ERROR_INVALID_PARAMETER);
    ERR(WriteFile(f, buf, 1, &n, (LPOVERLAPPED)buf), FALSE, ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(CloseHandle(f), TRUE);
    ERR(ReadFile(f, buf, 1, &n, NULL), FALSE, ERROR_INVALID_HANDLE);
    ERR(CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL),
        INVALID_HANDLE_VALUE, ERROR_FILE_EXISTS);
    f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    ck_assert_uint_eq(GetLastError(), ERROR_ALREADY_EXISTS);
    ck_assert_uint_eq(GetFileSize(f, NULL), 0);
    CloseHandle(f);
    ck_assert_int_eq(DeleteFileA(path), TRUE);
    ERR(DeleteFileA(path), FALSE, ERROR_FILE_NOT_FOUND);
    f = CreateFileA(path, GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, 0, NULL);
    ck_assert_uint_eq(GetLastError(), ERROR_SUCCESS);
    CloseHandle(f);
    ck_assert_int_eq(DeleteFileA(path), TRUE);
    swprintf(wpath, 64, L"%hs/w\u00e9.txt", dir); /* Microsoft: %hs narrow */
    f = CreateFileW(wpath, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ck_assert_ptr_ne(f, INVALID_HANDLE_VALUE);
    CloseHandle(f);
    snprintf(path, sizeof(path), "%s/w\xc3\xa9.txt", dir); /* UTF-8 on disk */
    ck_assert_int_eq(access(path, F_OK), 0);
    ck_assert_int_eq(DeleteFileW(wpath), TRUE);
    ck_assert_int_eq(rmdir(dir), 0);
    ERR(CreateFileA(dir, GENERIC_READ, 0, NULL, 9, 0, NULL), INVALID_HANDLE_VALUE,
        ERROR_INVALID_PARAMETER);
}
END_TEST

/* Mailslots: one message per write and read, Windows' codes. */
START_TEST(mailslots)
{
    char name[64], upper[64], bcast[64], buf[16];
    wchar_t wname[64];
    HANDLE srv, cli, any;
    DWORD n, max, next, count, wait;
    ULONGLONG t0;

    snprintf(name, sizeof(name), "\\\\.\\mailslot\\wsc\\t%d", (int)getpid());
    snprintf(upper, sizeof(upper), "\\\\.\\MAILSLOT\\WSC\\T%d", (int)getpid());
    snprintf(bcast, sizeof(bcast), "\\\\*\\mailslot\\wsc\\t%d", (int)getpid());
    ERR(CreateMailslotA("\\\\.\\pipe\\x", 0, 0, NULL), INVALID_HANDLE_VALUE,
        ERROR_INVALID_NAME);
    ERR(CreateMailslotA(bcast, 0, 0, NULL), INVALID_HANDLE_VALUE,
        ERROR_INVALID_NAME);
    ERR(CreateFileA(name, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                    0, NULL), INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND);
    srv = CreateMailslotA(name, 100, 0, NULL);
    ck_assert_ptr_ne(srv, INVALID_HANDLE_VALUE);
    ERR(CreateMailslotA(upper, 0, 0, NULL), INVALID_HANDLE_VALUE,
        ERROR_ALREADY_EXISTS);
    ck_assert_int_eq(GetMailslotInfo(srv, &max, &next, &count, &wait), TRUE);
    ck_assert_uint_eq(max, 100);
    ck_assert_uint_eq(next, MAILSLOT_NO_MESSAGE);
    ck_assert_uint_eq(count, 0);
    ck_assert_uint_eq(wait, 0);
    ERR(ReadFile(srv, buf, sizeof(buf), &n, NULL), FALSE, ERROR_SEM_TIMEOUT);
    cli = CreateFileA(upper, GENERIC_WRITE, FILE_SHARE_READ, NULL,
                      OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    ck_assert_ptr_ne(cli, INVALID_HANDLE_VALUE);
    ck_assert_int_eq(WriteFile(cli, "one", 3, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(WriteFile(cli, "second", 6, &n, NULL), TRUE);
    ERR(GetMailslotInfo(cli, NULL, &next, NULL, NULL), FALSE,
        ERROR_INVALID_HANDLE);
    ck_assert_int_eq(GetMailslotInfo(srv, NULL, &next, &count, NULL), TRUE);
    ck_assert_uint_eq(next, 3);
    ck_assert_uint_eq(count, 1);
    ERR(ReadFile(srv, buf, 2, &n, NULL), FALSE, ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(ReadFile(srv, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(memcmp(buf, "one", 3), 0);
    ck_assert_int_eq(ReadFile(srv, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(memcmp(buf, "second", 6), 0);
    /* A broadcast reaches this machine's mailslot. */
    any = CreateFileA(bcast, GENERIC_WRITE, FILE_SHARE_READ, NULL,
                      OPEN_EXISTING, 0, NULL);
    ck_assert_ptr_ne(any, INVALID_HANDLE_VALUE);
    ck_assert_int_eq(WriteFile(any, "all", 3, &n, NULL), TRUE);
    ck_assert_int_eq(SetMailslotInfo(srv, 2000), TRUE);
    ck_assert_int_eq(ReadFile(srv, buf, sizeof(buf), &n, NULL), TRUE);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(memcmp(buf, "all", 3), 0);
    ck_assert_int_eq(SetMailslotInfo(srv, 60), TRUE);
    t0 = GetTickCount64();
    ERR(ReadFile(srv, buf, sizeof(buf), &n, NULL), FALSE, ERROR_SEM_TIMEOUT);
    ck_assert_uint_ge(elapsed_since(t0), 50);
    ck_assert_uint_lt(elapsed_since(t0), 2000);
    ck_assert_int_eq(CloseHandle(srv), TRUE);
    CloseHandle(cli);
    CloseHandle(any);
    /* A broadcast nobody serves opens, and its message is lost. */
    any = CreateFileA(bcast, GENERIC_WRITE, FILE_SHARE_READ, NULL,
                      OPEN_EXISTING, 0, NULL);
    ck_assert_ptr_ne(any, INVALID_HANDLE_VALUE);
    ck_assert_int_eq(WriteFile(any, "lost", 4, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 4);
    CloseHandle(any);
    /* The name is free again once its server is closed. */
    swprintf(wname, 64, L"\\\\.\\mailslot\\wsc\\t%d", (int)getpid());
    srv = CreateMailslotW(wname, 0, MAILSLOT_WAIT_FOREVER, NULL);
    ck_assert_ptr_ne(srv, INVALID_HANDLE_VALUE);
    ck_assert_int_eq(GetMailslotInfo(srv, NULL, NULL, NULL, &wait), TRUE);
    ck_assert_uint_eq(wait, MAILSLOT_WAIT_FOREVER);
    CloseHandle(srv);
}
END_TEST

/* Modules: the system's DLLs by any spelling, their functions by name.
 * (void (*)(void) is the function type gcc lets any other be cast to.) */
#define ANY_FN(f) ((void (*)(void))(f))
START_TEST(modules)
{
    HMODULE ws = LoadLibraryA("ws2_32"), k32 = LoadLibraryA("KERNEL32.DLL");

    ck_assert_ptr_nonnull(ws);
    ck_assert_ptr_nonnull(k32);
    ck_assert_ptr_eq(LoadLibraryA("WS2_32.dll"), ws);
    ck_assert_ptr_eq(LoadLibraryW(L"C:\\Windows\\System32\\ws2_32.dll"), ws);
    ck_assert_ptr_eq(GetModuleHandleA("ws2_32.dll"), ws);
    ck_assert_ptr_nonnull(LoadLibraryExA("mswsock.dll", NULL, 0));
    ERR(LoadLibraryA("no-such-library.dll"), NULL, ERROR_MOD_NOT_FOUND);
    ERR(LoadLibraryA(NULL), NULL, ERROR_INVALID_PARAMETER);
    ck_assert(ANY_FN(GetProcAddress(ws, "WSAConnectByList")) ==
              ANY_FN(WSAConnectByList));
    ck_assert(ANY_FN(GetProcAddress(ws, "closesocket")) ==
              ANY_FN(closesocket));
    ck_assert(ANY_FN(GetProcAddress(k32, "GetLastError")) ==
              ANY_FN(GetLastError));
    ck_assert(ANY_FN(GetProcAddress(k32, "CreateEventA")) ==
              ANY_FN(CreateEventA));
    ERR(GetProcAddress(k32, "CreateEvent"), NULL, ERROR_PROC_NOT_FOUND);
    ERR(GetProcAddress(ws, "NoSuchFunction"), NULL, ERROR_PROC_NOT_FOUND);
    ERR(GetProcAddress(ws, (LPCSTR)(uintptr_t)3), NULL, ERROR_PROC_NOT_FOUND);
    ERR(GetProcAddress((HMODULE)(uintptr_t)0x1234, "socket"), NULL,
        ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_nonnull(GetModuleHandleA(NULL));
    ERR(GetProcAddress(GetModuleHandleA(NULL), "socket"), NULL,
        ERROR_PROC_NOT_FOUND);
    ck_assert_int_eq(FreeLibrary(ws), TRUE);
    ERR(FreeLibrary((HMODULE)(uintptr_t)0x1234), FALSE, ERROR_MOD_NOT_FOUND);
}
END_TEST

START_TEST(console_output)
{
    HANDLE out = GetStdHandle(STD_ERROR_HANDLE);
    DWORD n;

    ck_assert_ptr_ne(out, INVALID_HANDLE_VALUE);
    ck_assert_ptr_eq(GetStdHandle(STD_ERROR_HANDLE), out);
    ck_assert_ptr_ne(GetStdHandle(STD_OUTPUT_HANDLE), out);
    ck_assert_int_eq(WriteConsoleA(out, "[console A]\n", 12, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 12);
    ck_assert_int_eq(WriteConsoleW(out, L"[console W \u00e9]\n", 14, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 14);
    ck_assert_int_eq(WriteFile(out, "[WriteFile]\n", 12, &n, NULL), TRUE);
    ck_assert_uint_eq(n, 12);
    ERR(GetStdHandle(5), INVALID_HANDLE_VALUE, ERROR_INVALID_HANDLE);
}
END_TEST

static HANDLE ctrl_seen;
static DWORD ctrl_type = 99, ctrl_tid;

static BOOL WINAPI on_ctrl(DWORD type)
{
    ctrl_type = type;
    ctrl_tid = GetCurrentThreadId();
    SetEvent(ctrl_seen);
    return TRUE;
}

static BOOL WINAPI not_handled(DWORD type)
{
    (void)type;
    return FALSE;
}

static BOOL WINAPI never_added(DWORD type)
{
    (void)type;
    return FALSE;
}

START_TEST(console_ctrl_handler)
{
    ctrl_seen = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_int_eq(SetConsoleCtrlHandler(on_ctrl, TRUE), TRUE);
    ck_assert_int_eq(SetConsoleCtrlHandler(not_handled, TRUE), TRUE); /* asked first */
    ERR(SetConsoleCtrlHandler(never_added, FALSE), FALSE, ERROR_INVALID_PARAMETER);
    raise(SIGINT);
    ck_assert_uint_eq(WaitForSingleObject(ctrl_seen, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(ctrl_type, CTRL_C_EVENT);
    ck_assert_uint_ne(ctrl_tid, GetCurrentThreadId());
    raise(SIGQUIT);
    ck_assert_uint_eq(WaitForSingleObject(ctrl_seen, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(ctrl_type, CTRL_BREAK_EVENT);
    ck_assert_int_eq(SetConsoleCtrlHandler(on_ctrl, FALSE), TRUE);
    ck_assert_int_eq(SetConsoleCtrlHandler(not_handled, FALSE), TRUE);
    CloseHandle(ctrl_seen);
}
END_TEST

/* No handler returns TRUE: the process ends by the signal. */
START_TEST(console_ctrl_unhandled)
{
    ck_assert_int_eq(SetConsoleCtrlHandler(not_handled, TRUE), TRUE);
    raise(SIGINT);
    WaitForSingleObject(CreateEventA(NULL, TRUE, FALSE, NULL), 10000);
}
END_TEST

/* GenerateConsoleCtrlEvent runs the handlers as the signal does: on the
 * dispatcher thread, after it returned TRUE. */
START_TEST(generate_console_ctrl_event)
{
    ctrl_seen = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_int_eq(SetConsoleCtrlHandler(on_ctrl, TRUE), TRUE);
    ctrl_type = 99;
    ERR(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), TRUE, 0xdeadu);
    ck_assert_uint_eq(WaitForSingleObject(ctrl_seen, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(ctrl_type, CTRL_C_EVENT);
    ck_assert_uint_ne(ctrl_tid, GetCurrentThreadId());
    ERR(GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, 0), TRUE, 0xdeadu);
    ck_assert_uint_eq(WaitForSingleObject(ctrl_seen, 5000), WAIT_OBJECT_0);
    ck_assert_uint_eq(ctrl_type, CTRL_BREAK_EVENT);
    ERR(GenerateConsoleCtrlEvent(CTRL_CLOSE_EVENT, 0), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GenerateConsoleCtrlEvent(CTRL_LOGOFF_EVENT, 0), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GenerateConsoleCtrlEvent(7, 0), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 1234), FALSE, ERROR_INVALID_PARAMETER);
    ERR(GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, GetCurrentProcessId()), FALSE,
        ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(WaitForSingleObject(ctrl_seen, 0), WAIT_TIMEOUT); /* none ran */
    ck_assert_int_eq(SetConsoleCtrlHandler(on_ctrl, FALSE), TRUE);
    CloseHandle(ctrl_seen);
}
END_TEST

/* No handler returns TRUE: the process ends as by CTRL+C. */
START_TEST(generate_console_ctrl_unhandled)
{
    ck_assert_int_eq(SetConsoleCtrlHandler(not_handled, TRUE), TRUE);
    ck_assert_int_eq(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), TRUE);
    WaitForSingleObject(CreateEventA(NULL, TRUE, FALSE, NULL), 10000);
}
END_TEST

START_TEST(exit_process)
{
    ExitProcess(3);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("win32");
    TCase *tc = tcase_create("win32");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, last_error_is_wsa_last_error);
    tcase_add_test(tc, format_message_system);
    tcase_add_test(tc, format_message_allocate_and_wide);
    tcase_add_test(tc, format_message_inserts);
    tcase_add_test(tc, heaps);
    tcase_add_test(tc, zero_waits_on_events);
    tcase_add_test(tc, local_and_global);
    tcase_add_test(tc, bad_handles);
    tcase_add_test(tc, tagged_handles);
    tcase_add_test(tc, signal_object_and_wait);
    tcase_add_test(tc, threads);
    tcase_add_test(tc, beginthread_closes_itself);
    tcase_add_test(tc, thread_handle_closed_early);
    tcase_add_test(tc, sleeps);
    tcase_add_test(tc, events);
    tcase_add_test(tc, named_objects);
    tcase_add_test(tc, auto_reset_wakes_one);
    tcase_add_test(tc, wait_any_all);
    tcase_add_test(tc, wait_timeout_bounds);
    tcase_add_test(tc, mutexes);
    tcase_add_test(tc, semaphores);
    tcase_add_test(tc, critical_sections);
    tcase_add_test(tc, srw_locks);
    tcase_add_test(tc, condition_variables);
    tcase_add_test(tc, init_once);
    tcase_add_test(tc, interlocked);
    tcase_add_test(tc, time_and_system);
    tcase_add_test(tc, logical_processors);
    tcase_add_test(tc, multibyte_to_wide);
    tcase_add_test(tc, multibyte_to_wide_errors);
    tcase_add_test(tc, wide_to_multibyte);
    tcase_add_test(tc, code_page_round_trip);
    tcase_add_test(tc, lstr_copy_and_length);
    tcase_add_test(tc, lstr_compare);
    tcase_add_test(tc, message_box);
    tcase_add_test(tc, wsprintf_family);
    tcase_add_test(tc, multimedia_timer);
    tcase_add_test(tc, time_s);
    tcase_add_test(tc, ctime_asctime_s);
    tcase_add_test(tc, secure_strings);
    tcase_add_test(tc, secure_stdio);
    tcase_add_test(tc, scanf_s_family);
    tcase_add_test(tc, nt_status_errors);
    tcase_add_test(tc, path_find);
    tcase_add_test(tc, guids);
    tcase_add_test(tc, version);
    tcase_add_test(tc, files);
    tcase_add_test(tc, mailslots);
    tcase_add_test(tc, modules);
    tcase_add_test(tc, console_output);
    tcase_add_test(tc, console_ctrl_handler);
    tcase_add_test_raise_signal(tc, console_ctrl_unhandled, SIGINT);
    tcase_add_test(tc, generate_console_ctrl_event);
    tcase_add_test_raise_signal(tc, generate_console_ctrl_unhandled, SIGINT);
    tcase_add_exit_test(tc, exit_process, 3);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
