/* The window-message layer (lib/win32/window.c) through the public
 * headers: class registration and its errors, window procedures called
 * by CreateWindow, SendMessage, DispatchMessage and DestroyWindow, the
 * queue's order, WM_QUIT, bad window handles, posting and sending across
 * threads, MsgWaitForMultipleObjects, timers, WSAAsyncSelect's bad
 * input, and the system's classes ("static", "button", "Message")
 * that WSAAsyncSelect programs make their hidden windows of.
 * Every wait is bounded; no sleeps. */
#include <check.h>
#include <stdio.h>
#include <winsock2.h>

#define ERR(call, result, code)                                      \
    do {                                                             \
        SetLastError(0xdeadu);                                       \
        ck_assert_uint_eq((uintptr_t)(call), (uintptr_t)(result));   \
        ck_assert_uint_eq(GetLastError(), (code));                   \
    } while (0)

#define BAD_HWND ((HWND)(uintptr_t)0x7ffe0001u)

/* What the procedures saw: each message, and the thread it ran on. */
static UINT seen[64];
static int nseen;
static DWORD proc_tid;
static LRESULT create_result;

static LRESULT CALLBACK logging_proc(HWND hwnd, UINT msg, WPARAM wp,
                                     LPARAM lp)
{
    if (nseen < 64)
        seen[nseen++] = msg;
    proc_tid = GetCurrentThreadId();
    if (msg == WM_CREATE) {
        CREATESTRUCTA *cs = (CREATESTRUCTA *)lp;
        SetWindowLongPtrA(hwnd, GWLP_USERDATA, (LONG_PTR)cs->lpCreateParams);
        return create_result;
    }
    if (msg == WM_USER + 1)
        return (LRESULT)(wp * 10 + (WPARAM)lp);
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static HWND window(const char *cls)
{
    WNDCLASSA wc;
    HWND hwnd;

    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = logging_proc;
    wc.lpszClassName = cls;
    if (!RegisterClassA(&wc))
        ck_assert_uint_eq(GetLastError(), ERROR_CLASS_ALREADY_EXISTS);
    hwnd = CreateWindowExA(0, cls, "t", WS_OVERLAPPEDWINDOW, CW_USEDEFAULT,
                           CW_USEDEFAULT, CW_USEDEFAULT, CW_USEDEFAULT, NULL,
                           NULL, NULL, NULL);
    ck_assert_ptr_nonnull(hwnd);
    return hwnd;
}

START_TEST(class_registration)
{
    WNDCLASSA wc;
    WNDCLASSEXA wx;
    WNDCLASSW ww;
    ATOM a;
    HWND h;

    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = logging_proc;
    wc.lpszClassName = "Accept Window";
    a = RegisterClassA(&wc);
    ck_assert_uint_ge(a, 0xC000);
    wc.lpszClassName = "ACCEPT window";
    ERR(RegisterClassA(&wc), 0, ERROR_CLASS_ALREADY_EXISTS);
    wc.lpszClassName = NULL;
    ERR(RegisterClassA(&wc), 0, ERROR_INVALID_PARAMETER);
    memset(&wx, 0, sizeof(wx));
    wx.cbSize = sizeof(wx) - 1;
    wx.lpfnWndProc = logging_proc;
    wx.lpszClassName = "ex";
    ERR(RegisterClassExA(&wx), 0, ERROR_INVALID_PARAMETER);
    wx.cbSize = sizeof(wx);
    ck_assert_uint_ne(RegisterClassExA(&wx), 0);
    ERR(CreateWindowA("no such class", "", 0, 0, 0, 0, 0, NULL, NULL, NULL,
                      NULL),
        NULL, ERROR_CANNOT_FIND_WND_CLASS);
    h = CreateWindowExA(0, (LPCSTR)(uintptr_t)a, "", 0, 0, 0, 0, 0,
                        HWND_MESSAGE, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ERR(UnregisterClassA("accept window", NULL), FALSE,
        ERROR_CLASS_HAS_WINDOWS);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ck_assert_int_eq(UnregisterClassA("accept window", NULL), TRUE);
    ERR(UnregisterClassA("accept window", NULL), FALSE,
        ERROR_CLASS_DOES_NOT_EXIST);
    memset(&ww, 0, sizeof(ww));
    ww.lpfnWndProc = logging_proc;
    ww.lpszClassName = L"wide class";
    ck_assert_uint_ne(RegisterClassW(&ww), 0);
    h = CreateWindowExW(0, L"WIDE CLASS", L"", 0, 0, 0, 0, 0, NULL, NULL,
                        NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
}
END_TEST

/* A class as the samples register one: the system's icon and cursor, a
 * stock brush or a system color.  They stand for the system's objects:
 * present, distinct, and a stock object out of range is NULL. */
START_TEST(class_drawing_objects)
{
    WNDCLASSEXW wx;
    HWND h;

    memset(&wx, 0, sizeof(wx));
    wx.cbSize = sizeof(wx);
    wx.style = CS_HREDRAW | CS_VREDRAW;
    wx.lpfnWndProc = logging_proc;
    wx.hIcon = LoadIconW(NULL, MAKEINTRESOURCEW(32512));
    wx.hIconSm = LoadIconA(NULL, IDI_WINLOGO);
    wx.hCursor = LoadCursorA(NULL, IDC_ARROW);
    wx.hbrBackground = (HBRUSH)GetStockObject(WHITE_BRUSH);
    wx.lpszClassName = L"drawn class";
    ck_assert_ptr_nonnull(wx.hIcon);
    ck_assert_ptr_nonnull(wx.hIconSm);
    ck_assert_ptr_nonnull(wx.hCursor);
    ck_assert_ptr_nonnull(wx.hbrBackground);
    ck_assert_ptr_ne(wx.hIcon, wx.hIconSm);
    ck_assert_ptr_ne((void *)wx.hIcon, (void *)wx.hCursor);
    ck_assert_ptr_eq(LoadIconA(NULL, IDI_APPLICATION), wx.hIcon);
    ck_assert_ptr_ne(GetStockObject(BLACK_BRUSH), wx.hbrBackground);
    ck_assert_ptr_null(GetStockObject(9));
    ck_assert_ptr_null(GetStockObject(-1));
    ck_assert_ptr_null(GetStockObject(DC_PEN + 1));
    ck_assert_uint_ne(RegisterClassExW(&wx), 0);
    h = CreateWindowExW(0, L"drawn class", L"", WS_OVERLAPPEDWINDOW,
                        CW_USEDEFAULT, 0, CW_USEDEFAULT, 0, NULL, NULL, NULL,
                        NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    wx.hbrBackground = (HBRUSH)(COLOR_WINDOW + 1);
    wx.lpszClassName = L"colored class";
    ck_assert_uint_ne(RegisterClassExW(&wx), 0);
    ck_assert_int_eq(DeleteObject(GetStockObject(WHITE_BRUSH)), TRUE);
    ck_assert_int_eq(DestroyIcon(wx.hIcon), TRUE);
    ERR(DestroyCursor(NULL), FALSE, ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(bad_window_handles)
{
    HWND h = window("c");
    MSG m;

    ERR(PostMessageA(BAD_HWND, WM_USER, 0, 0), FALSE,
        ERROR_INVALID_WINDOW_HANDLE);
    ERR(SendMessageA(BAD_HWND, WM_USER, 0, 0), 0, ERROR_INVALID_WINDOW_HANDLE);
    ERR(DestroyWindow(BAD_HWND), FALSE, ERROR_INVALID_WINDOW_HANDLE);
    ERR(GetMessageA(&m, BAD_HWND, 0, 0), -1, ERROR_INVALID_WINDOW_HANDLE);
    ERR(PeekMessageA(&m, BAD_HWND, 0, 0, PM_REMOVE), FALSE,
        ERROR_INVALID_WINDOW_HANDLE);
    ERR(GetWindowLongPtrA(BAD_HWND, GWLP_USERDATA), 0,
        ERROR_INVALID_WINDOW_HANDLE);
    ERR(GetWindowLongPtrA(h, 12345), 0, ERROR_INVALID_INDEX);
    ERR(GetWindowLongA(h, GWLP_WNDPROC), 0, ERROR_INVALID_INDEX);
    ERR(PostThreadMessageA(0xfffffff0u, WM_USER, 0, 0), FALSE,
        ERROR_INVALID_THREAD_ID);
    m.hwnd = BAD_HWND;
    m.message = WM_USER;
    ERR(DispatchMessageA(&m), 0, ERROR_INVALID_WINDOW_HANDLE);
    ck_assert_int_eq(IsWindow(BAD_HWND), FALSE);
    ck_assert_int_eq(IsWindow(NULL), FALSE);
    ck_assert_int_eq(IsWindow(h), TRUE);
    ck_assert_uint_le((uintptr_t)h, 0xffffffffu);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    /* The old handle stays dead when its slot is used again. */
    ck_assert_int_eq(IsWindow(h), FALSE);
    ck_assert_ptr_ne(window("c"), h);
    ERR(PostMessageA(h, WM_USER, 0, 0), FALSE, ERROR_INVALID_WINDOW_HANDLE);
}
END_TEST

START_TEST(window_procedure_calls)
{
    WNDCLASSA wc;
    HWND h;
    MSG m;
    int param;

    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = logging_proc;
    wc.lpszClassName = "log";
    ck_assert_uint_ne(RegisterClassA(&wc), 0);
    h = CreateWindowExA(0, "log", "", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL,
                        &param);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(nseen, 2);
    ck_assert_uint_eq(seen[0], WM_NCCREATE);
    ck_assert_uint_eq(seen[1], WM_CREATE);
    ck_assert_ptr_eq((void *)GetWindowLongPtrA(h, GWLP_USERDATA), &param);
    ck_assert_int_eq(SetWindowLongPtrA(h, GWLP_USERDATA, 42),
                     (LONG_PTR)&param);
    ck_assert_int_eq(GetWindowLongPtrA(h, GWLP_USERDATA), 42);
    ck_assert_ptr_eq((void *)GetWindowLongPtrA(h, GWLP_WNDPROC),
                     (void *)logging_proc);
    /* SendMessage on the window's own thread: the procedure, at once. */
    ck_assert_int_eq(SendMessageA(h, WM_USER + 1, 4, 2), 42);
    ck_assert_uint_eq(seen[nseen - 1], WM_USER + 1);
    ck_assert_int_eq(DefWindowProcA(h, WM_USER, 1, 2), 0);
    ck_assert_int_eq(DefWindowProcA(h, WM_NCCREATE, 0, 0), TRUE);
    ck_assert_int_eq(PostMessageA(h, WM_USER + 1, 3, 1), TRUE);
    ck_assert_int_eq(PeekMessageA(&m, h, 0, 0, PM_REMOVE), TRUE);
    ck_assert_int_eq(TranslateMessage(&m), FALSE);
    ck_assert_int_eq(DispatchMessageA(&m), 31);
    nseen = 0;
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ck_assert_int_eq(nseen, 2);
    ck_assert_uint_eq(seen[0], WM_DESTROY);
    ck_assert_uint_eq(seen[1], WM_NCDESTROY);
    /* WM_CREATE answering -1: no window, and it was destroyed. */
    create_result = -1;
    nseen = 0;
    ERR(CreateWindowExA(0, "log", "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL),
        NULL, 0xdeadu);
    ck_assert_int_eq(nseen, 4);
    ck_assert_uint_eq(seen[2], WM_DESTROY);
}
END_TEST

START_TEST(queue_order_and_filters)
{
    HWND h = window("q");
    MSG m;
    int i;

    for (i = 0; i < 5; i++)
        ck_assert_int_eq(PostMessageA(h, WM_USER + i, (WPARAM)i, 0), TRUE);
    ck_assert_int_eq(PostThreadMessageA(GetCurrentThreadId(), WM_APP, 9, 0),
                     TRUE);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_NOREMOVE), TRUE);
    ck_assert_uint_eq(m.message, WM_USER);
    ck_assert_ptr_eq(m.hwnd, h);
    /* A range takes the first message in it, leaving the others. */
    ck_assert_int_eq(PeekMessageA(&m, NULL, WM_USER + 3, WM_USER + 3,
                                  PM_REMOVE), TRUE);
    ck_assert_uint_eq(m.wParam, 3);
    /* (HWND)-1: thread messages only. */
    ck_assert_int_eq(PeekMessageA(&m, (HWND)(LONG_PTR)-1, 0, 0, PM_REMOVE),
                     TRUE);
    ck_assert_uint_eq(m.message, WM_APP);
    ck_assert_ptr_null(m.hwnd);
    ck_assert_int_eq(DispatchMessageA(&m), 0);
    for (i = 0; i < 5; i++) {
        if (i == 3)
            continue;
        ck_assert_int_eq(GetMessageA(&m, h, 0, 0), 1);
        ck_assert_uint_eq(m.message, WM_USER + (UINT)i);
        ck_assert_uint_eq(m.wParam, (WPARAM)i);
    }
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), FALSE);
    /* Destroying a window drops what was posted to it. */
    ck_assert_int_eq(PostMessageA(h, WM_USER, 0, 0), TRUE);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), FALSE);
}
END_TEST

START_TEST(wm_quit)
{
    HWND h = window("quit");
    MSG m;

    ck_assert_int_eq(PostMessageA(h, WM_USER, 1, 0), TRUE);
    PostQuitMessage(7);
    ck_assert_int_eq(PostMessageA(h, WM_USER, 2, 0), TRUE);
    /* The quit comes after the messages posted before and after it. */
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
    ck_assert_uint_eq(m.wParam, 1);
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
    ck_assert_uint_eq(m.wParam, 2);
    ck_assert_int_eq(GetMessageA(&m, NULL, WM_USER, WM_USER), 0);
    ck_assert_uint_eq(m.message, WM_QUIT);
    ck_assert_uint_eq(m.wParam, 7);
    ck_assert_ptr_null(m.hwnd);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), FALSE);
    /* A posted WM_QUIT ends GetMessage too. */
    ck_assert_int_eq(PostMessageA(h, WM_QUIT, 3, 0), TRUE);
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 0);
    ck_assert_uint_eq(m.wParam, 3);
    /* A window procedure's PostQuitMessage on WM_DESTROY, as samples do. */
    ck_assert_int_eq(DestroyWindow(h), TRUE);
}
END_TEST

/* ---- across threads --------------------------------------------------- */
struct cross {
    HWND hwnd;
    HANDLE ready;
    DWORD tid;
    LRESULT sent;
    DWORD destroy_err;
    BOOL destroyed;
};

static DWORD WINAPI poster(LPVOID arg)
{
    struct cross *x = arg;
    int i;

    for (i = 0; i < 200; i++)
        PostMessageA(x->hwnd, WM_USER, (WPARAM)i, 0);
    x->destroyed = DestroyWindow(x->hwnd);
    x->destroy_err = GetLastError();
    x->sent = SendMessageA(x->hwnd, WM_USER + 1, 5, 3);
    PostMessageA(x->hwnd, WM_USER + 2, 0, 0);
    return 0;
}

START_TEST(posting_and_sending_across_threads)
{
    struct cross x = { 0 };
    HANDLE th;
    MSG m;
    int next = 0;

    x.hwnd = window("cross");
    th = CreateThread(NULL, 0, poster, &x, 0, NULL);
    ck_assert_ptr_nonnull(th);
    for (;;) {
        ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
        if (m.message == WM_USER + 2)
            break;
        ck_assert_uint_eq(m.message, WM_USER);
        ck_assert_uint_eq(m.wParam, (WPARAM)next++);
    }
    ck_assert_int_eq(next, 200);
    ck_assert_uint_eq(WaitForSingleObject(th, 5000), WAIT_OBJECT_0);
    /* The sent message ran here, inside GetMessage, and its result went
     * back. */
    ck_assert_int_eq(x.sent, 53);
    ck_assert_uint_eq(proc_tid, GetCurrentThreadId());
    ck_assert_int_eq(x.destroyed, FALSE);
    ck_assert_uint_eq(x.destroy_err, ERROR_ACCESS_DENIED);
    CloseHandle(th);
}
END_TEST

static DWORD WINAPI queue_owner(LPVOID arg)
{
    struct cross *x = arg;
    MSG m;

    PeekMessageA(&m, NULL, 0, 0, PM_NOREMOVE); /* makes the queue */
    SetEvent(x->ready);
    if (GetMessageA(&m, NULL, 0, 0) != 1 || m.message != WM_APP + 1)
        return 1;
    return (DWORD)m.wParam;
}

START_TEST(post_thread_message)
{
    struct cross x = { 0 };
    HANDLE th;
    DWORD tid, code = 0;

    x.ready = CreateEventA(NULL, TRUE, FALSE, NULL);
    th = CreateThread(NULL, 0, queue_owner, &x, 0, &tid);
    ck_assert_uint_eq(WaitForSingleObject(x.ready, 5000), WAIT_OBJECT_0);
    ck_assert_int_eq(PostThreadMessageA(tid, WM_APP + 1, 77, 0), TRUE);
    ck_assert_uint_eq(WaitForSingleObject(th, 5000), WAIT_OBJECT_0);
    ck_assert_int_eq(GetExitCodeThread(th, &code), TRUE);
    ck_assert_uint_eq(code, 77);
    /* Its queue went with it. */
    ERR(PostThreadMessageA(tid, WM_APP, 0, 0), FALSE, ERROR_INVALID_THREAD_ID);
    CloseHandle(th);
    CloseHandle(x.ready);
}
END_TEST

static DWORD WINAPI late_poster(LPVOID arg)
{
    struct cross *x = arg;

    WaitForSingleObject(x->ready, 5000);
    PostMessageA(x->hwnd, WM_USER, 0, 0);
    return 0;
}

START_TEST(msg_wait)
{
    struct cross x = { 0 };
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL), th;
    ULONGLONG t0;
    MSG m;

    x.hwnd = window("wait");
    t0 = GetTickCount64();
    ck_assert_uint_eq(MsgWaitForMultipleObjects(1, &ev, FALSE, 50, QS_ALLINPUT),
                      WAIT_TIMEOUT);
    ck_assert_uint_ge(GetTickCount64() - t0, 45);
    ck_assert_int_eq(PostMessageA(x.hwnd, WM_USER, 0, 0), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(1, &ev, FALSE, 5000,
                                                QS_ALLINPUT),
                      WAIT_OBJECT_0 + 1);
    /* Looked at, not taken: no longer new, though still there. */
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_NOREMOVE), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 0,
                                                QS_ALLINPUT),
                      WAIT_TIMEOUT);
    ck_assert_uint_eq(MsgWaitForMultipleObjectsEx(0, NULL, 0, QS_ALLINPUT,
                                                  MWMO_INPUTAVAILABLE),
                      WAIT_OBJECT_0);
    /* A mask without posted messages does not see them. */
    ck_assert_int_eq(PostMessageA(x.hwnd, WM_USER, 0, 0), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 0, QS_KEY),
                      WAIT_TIMEOUT);
    ck_assert_int_eq(SetEvent(ev), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(1, &ev, FALSE, 0,
                                                QS_ALLINPUT),
                      WAIT_OBJECT_0);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(1, &ev, TRUE, 0, QS_ALLINPUT),
                      WAIT_OBJECT_0);
    ResetEvent(ev);
    while (PeekMessageA(&m, NULL, 0, 0, PM_REMOVE))
        ;
    /* Another thread's post ends a wait already under way. */
    x.ready = CreateEventA(NULL, TRUE, TRUE, NULL);
    th = CreateThread(NULL, 0, late_poster, &x, 0, NULL);
    t0 = GetTickCount64();
    ck_assert_uint_eq(MsgWaitForMultipleObjects(1, &ev, FALSE, 5000,
                                                QS_POSTMESSAGE),
                      WAIT_OBJECT_0 + 1);
    ck_assert_uint_lt(GetTickCount64() - t0, 4000);
    ERR(MsgWaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, &ev, FALSE, 0,
                                  QS_ALLINPUT),
        WAIT_FAILED, ERROR_INVALID_PARAMETER);
    WaitForSingleObject(th, 5000);
    CloseHandle(th);
    CloseHandle(x.ready);
    CloseHandle(ev);
}
END_TEST

static int timer_calls;
static UINT_PTR timer_seen;

static VOID CALLBACK on_timer(HWND hwnd, UINT msg, UINT_PTR id, DWORD time)
{
    timer_calls++;
    timer_seen = id;
}

START_TEST(timers)
{
    HWND h = window("timer");
    ULONGLONG t0;
    UINT_PTR id;
    MSG m;

    ck_assert_uint_eq(SetTimer(h, 7, 30, NULL), 7);
    t0 = GetTickCount64();
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
    ck_assert_uint_ge(GetTickCount64() - t0, 25);
    ck_assert_uint_lt(GetTickCount64() - t0, 3000);
    ck_assert_uint_eq(m.message, WM_TIMER);
    ck_assert_ptr_eq(m.hwnd, h);
    ck_assert_uint_eq(m.wParam, 7);
    nseen = 0;
    ck_assert_int_eq(DispatchMessageA(&m), 0);
    ck_assert_int_eq(nseen, 1);
    ck_assert_uint_eq(seen[0], WM_TIMER);
    /* A posted message comes before a due timer; MsgWait sees the timer
     * come due. */
    ck_assert_int_eq(PostMessageA(h, WM_USER, 0, 0), TRUE);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_NOREMOVE), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 3000, QS_TIMER),
                      WAIT_OBJECT_0);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), TRUE);
    ck_assert_uint_eq(m.message, WM_USER);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), TRUE);
    ck_assert_uint_eq(m.message, WM_TIMER);
    ck_assert_int_eq(KillTimer(h, 7), TRUE);
    ERR(KillTimer(h, 7), FALSE, ERROR_INVALID_PARAMETER);
    ERR(SetTimer(BAD_HWND, 1, 10, NULL), 0, ERROR_INVALID_WINDOW_HANDLE);
    /* A thread timer: a fresh id; DispatchMessage calls its procedure. */
    id = SetTimer(NULL, 0, 10, on_timer);
    ck_assert_uint_ne(id, 0);
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
    ck_assert_uint_eq(m.message, WM_TIMER);
    ck_assert_ptr_null(m.hwnd);
    ck_assert_uint_eq(m.wParam, id);
    ck_assert_int_eq(DispatchMessageA(&m), 0);
    ck_assert_int_eq(timer_calls, 1);
    ck_assert_uint_eq(timer_seen, id);
    ck_assert_int_eq(KillTimer(NULL, id), TRUE);
    /* A window's timers go with it. */
    ck_assert_uint_eq(SetTimer(h, 8, 10, NULL), 8);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 60,
                                                QS_ALLINPUT),
                      WAIT_TIMEOUT);
    ck_assert_int_eq(PeekMessageA(&m, NULL, 0, 0, PM_REMOVE), FALSE);
}
END_TEST

START_TEST(async_select_bad_input)
{
    WSADATA d;
    HWND h = window("as");
    SOCKET s;

    ck_assert_int_eq(WSAStartup(MAKEWORD(2, 2), &d), 0);
    s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ck_assert_int_eq(WSAAsyncSelect(s, BAD_HWND, WM_USER, FD_READ),
                     SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    ck_assert_int_eq(WSAAsyncSelect(s, h, WM_USER, 1 << 12), SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAEINVAL);
    ck_assert_int_eq(WSAAsyncSelect(INVALID_SOCKET, h, WM_USER, FD_READ),
                     SOCKET_ERROR);
    ck_assert_int_eq(WSAGetLastError(), WSAENOTSOCK);
    ck_assert_int_eq(WSAAsyncSelect(s, h, WM_USER, FD_READ), 0);
    ck_assert_int_eq(WSAAsyncSelect(s, NULL, 0, 0), 0);
    closesocket(s);
    WSACleanup();
}
END_TEST

/* ---- the system's classes ------------------------------------------------ */
static MSG sub_seen;
static int sub_calls;

static LRESULT CALLBACK subclass_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_USER + 5) {
        sub_calls++;
        sub_seen.hwnd = hwnd;
        sub_seen.message = msg;
        sub_seen.wParam = wp;
        sub_seen.lParam = lp;
        return 77;
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static void tcp_pair(SOCKET *c, SOCKET *s)
{
    struct sockaddr_in a;
    int len = sizeof(a);
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(l, (struct sockaddr *)&a, sizeof(a)), 0);
    ck_assert_int_eq(listen(l, 1), 0);
    ck_assert_int_eq(getsockname(l, (struct sockaddr *)&a, &len), 0);
    *c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ck_assert_int_eq(connect(*c, (struct sockaddr *)&a, sizeof(a)), 0);
    *s = accept(l, NULL, NULL);
    ck_assert_uint_ne(*s, INVALID_SOCKET);
    closesocket(l);
}

/* Predefined classes exist without RegisterClass, by any case of their
 * names, A and W, by atom; they answer as DefWindowProc. */
START_TEST(system_classes)
{
    static const char *const names[] = { "button", "BUTTON", "Static", "STATIC", "static",
                                         "Edit", "ListBox", "ComboBox", "ScrollBar",
                                         "MDIClient", "Message", "#32770" };
    HWND h;
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        h = CreateWindowA(names[i], "x", WS_POPUP, CW_USEDEFAULT, 0, CW_USEDEFAULT, 0, NULL,
                          NULL, GetModuleHandle(NULL), NULL);
        ck_assert_msg(h != NULL, "%s: %lu", names[i], (unsigned long)GetLastError());
        ck_assert_int_eq(SendMessageA(h, WM_USER, 1, 2), 0);
        ck_assert_int_eq(DestroyWindow(h), TRUE);
        h = CreateWindowExA(0, names[i], NULL, 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
        ck_assert_msg(h != NULL, "%s, HWND_MESSAGE: %lu", names[i],
                      (unsigned long)GetLastError());
        ck_assert_int_eq(DestroyWindow(h), TRUE);
    }
    h = CreateWindowExW(0, L"sTaTiC", L"", WS_POPUP, 0, 0, 0, 0, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    h = CreateWindowW(L"Message", NULL, 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    h = CreateWindowA((LPCSTR)(uintptr_t)0x0082, "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h); /* "Static"'s atom */
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ERR(CreateWindowA("Buttons", "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL), NULL,
        ERROR_CANNOT_FIND_WND_CLASS);
    ERR(CreateWindowA((LPCSTR)(uintptr_t)0x0086, "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL),
        NULL, ERROR_CANNOT_FIND_WND_CLASS);
    /* not unregistered: ERROR_CLASS_DOES_NOT_EXIST, as for a class of
     * another module */
    ERR(UnregisterClassA("Static", NULL), FALSE, ERROR_CLASS_DOES_NOT_EXIST);
}
END_TEST

/* A class the program registers under a system class's name is found
 * first, and the system's is back once it is unregistered. */
START_TEST(system_class_shadowed)
{
    WNDCLASSA wc;
    HWND h;

    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = logging_proc;
    wc.lpszClassName = "Button";
    ck_assert_uint_ge(RegisterClassA(&wc), 0xC000);
    ERR(RegisterClassA(&wc), 0, ERROR_CLASS_ALREADY_EXISTS);
    nseen = 0;
    h = CreateWindowA("BUTTON", "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(nseen, 2);
    ck_assert_uint_eq(seen[0], WM_NCCREATE);
    ck_assert_uint_eq(SendMessageA(h, WM_USER + 1, 4, 2), 42);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    ck_assert_int_eq(UnregisterClassA("button", NULL), TRUE);
    h = CreateWindowA("BUTTON", "", 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(h);
    ck_assert_uint_eq(SendMessageA(h, WM_USER + 1, 4, 2), 0);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
}
END_TEST

/* The WSAAsyncSelect idiom: a hidden "static" window gets the socket's
 * messages, taken by GetMessage, and a subclassed procedure
 * (SetWindowLongPtr GWLP_WNDPROC) is what DispatchMessage calls. */
START_TEST(async_select_to_system_class)
{
    WSADATA d;
    SOCKET c, s;
    HWND h;
    MSG m;
    LONG_PTR old;

    ck_assert_int_eq(WSAStartup(MAKEWORD(2, 2), &d), 0);
    tcp_pair(&c, &s);
    h = CreateWindowExA(0, "static", NULL, WS_POPUP, 0, 0, 0, 0, NULL, NULL, 0, NULL);
    ck_assert_ptr_nonnull(h);
    old = SetWindowLongPtrA(h, GWLP_WNDPROC, (LONG_PTR)subclass_proc);
    ck_assert(old != 0);
    ck_assert(GetWindowLongPtrA(h, GWLP_WNDPROC) == (LONG_PTR)subclass_proc);
    ck_assert_int_eq(WSAAsyncSelect(s, h, WM_USER + 5, FD_READ | FD_CLOSE), 0);
    ck_assert_int_eq(send(c, "x", 1, 0), 1);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 10000, QS_ALLINPUT),
                      WAIT_OBJECT_0);
    ck_assert_int_eq(GetMessageA(&m, NULL, 0, 0), 1);
    ck_assert_ptr_eq(m.hwnd, h);
    ck_assert_uint_eq(m.message, WM_USER + 5);
    ck_assert_uint_eq(m.wParam, s);
    ck_assert_uint_eq(WSAGETSELECTEVENT(m.lParam), FD_READ);
    ck_assert_uint_eq(WSAGETSELECTERROR(m.lParam), 0);
    ck_assert_int_eq(DispatchMessageA(&m), 77);
    ck_assert_int_eq(sub_calls, 1);
    ck_assert_ptr_eq(sub_seen.hwnd, h);
    ck_assert_uint_eq(sub_seen.wParam, s);
    ck_assert_uint_eq(sub_seen.lParam, FD_READ);
    /* back to the class's procedure: DefWindowProc's 0 */
    ck_assert(SetWindowLongPtrA(h, GWLP_WNDPROC, old) == (LONG_PTR)subclass_proc);
    ck_assert_int_eq(closesocket(c), 0);
    ck_assert_uint_eq(MsgWaitForMultipleObjects(0, NULL, FALSE, 10000, QS_ALLINPUT),
                      WAIT_OBJECT_0);
    ck_assert_int_eq(PeekMessageA(&m, h, WM_USER + 5, WM_USER + 5, PM_REMOVE), TRUE);
    ck_assert_uint_eq(WSAGETSELECTEVENT(m.lParam), FD_CLOSE);
    ck_assert_int_eq(DispatchMessageA(&m), 0);
    ck_assert_int_eq(sub_calls, 1);
    ck_assert_int_eq(DestroyWindow(h), TRUE);
    closesocket(s);
    WSACleanup();
}
END_TEST

int main(void)
{
    Suite *su = suite_create("win32_window");
    TCase *tc = tcase_create("window");
    SRunner *sr;
    int failed;

    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, class_registration);
    tcase_add_test(tc, class_drawing_objects);
    tcase_add_test(tc, bad_window_handles);
    tcase_add_test(tc, window_procedure_calls);
    tcase_add_test(tc, queue_order_and_filters);
    tcase_add_test(tc, wm_quit);
    tcase_add_test(tc, posting_and_sending_across_threads);
    tcase_add_test(tc, post_thread_message);
    tcase_add_test(tc, msg_wait);
    tcase_add_test(tc, timers);
    tcase_add_test(tc, async_select_bad_input);
    tcase_add_test(tc, system_classes);
    tcase_add_test(tc, system_class_shadowed);
    tcase_add_test(tc, async_select_to_system_class);
    suite_add_tcase(su, tc);
    sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
