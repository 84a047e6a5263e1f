/* What the WSAAsyncSelect scenarios (AS*) share: a window that is only a
 * message target, selecting a socket for it, and collecting the messages
 * posted to it within a bound, the way Wine's msg-mode test_events does
 * (no message loop beyond PeekMessage, every wait bounded by
 * MsgWaitForMultipleObjects).  Header-only, Winsock and Win32 calls only. */
#ifndef CT_AS_H
#define CT_AS_H

#include "ev.h"

#define AS_MSG (WM_USER + 7)
#define AS_CLASS "wscompat_compat_as"

static LRESULT CALLBACK as_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return DefWindowProcA(hwnd, msg, wp, lp);
}

/* A message-only window of the calling thread (the class once per
 * process: a second scenario finds it registered). */
static inline HWND as_window(ct *t)
{
    WNDCLASSA wc;
    HWND hwnd;

    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = as_proc;
    wc.lpszClassName = AS_CLASS;
    if (!RegisterClassA(&wc))
        ct_require(t, GetLastError() == ERROR_CLASS_ALREADY_EXISTS,
                   "RegisterClass");
    hwnd = CreateWindowExA(0, AS_CLASS, "", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                           NULL, NULL);
    ct_require(t, hwnd != NULL, "CreateWindowEx");
    return hwnd;
}

static inline void as_select(ct *t, SOCKET s, HWND hwnd, long mask)
{
    ct_require(t, WSAAsyncSelect(s, hwnd, AS_MSG, mask) == 0,
               "WSAAsyncSelect");
}

/* The next AS_MSG message, waiting ms at most; 0 if none came. */
static inline int as_next(HWND hwnd, DWORD ms, MSG *m)
{
    long long deadline = ct_now_ms() + ms, left;

    for (;;) {
        if (PeekMessageA(m, hwnd, AS_MSG, AS_MSG, PM_REMOVE))
            return 1;
        left = deadline - ct_now_ms();
        if (left <= 0)
            return 0;
        MsgWaitForMultipleObjects(0, NULL, FALSE, (DWORD)left,
                                  QS_POSTMESSAGE);
    }
}

/* The events posted for s: a first message within ms, then the rest until
 * none comes for EV_NO ms.  key = the events in bit order, each with its
 * code when not 0 and "*n" when posted n > 1 times ("FD_READ+FD_CLOSE=
 * WSAECONNABORTED"), "0" for none; " other_socket" when a message named
 * another socket. */
static inline void as_check(ct *t, const char *key, HWND hwnd, SOCKET s,
                            DWORD ms)
{
    static const char *name[] = { "FD_READ", "FD_WRITE", "FD_OOB",
                                  "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE" };
    int count[6] = { 0 }, code[6] = { 0 }, other = 0, i;
    char buf[200];
    size_t n = 0;
    MSG m;

    while (as_next(hwnd, ms, &m)) {
        ms = EV_NO;
        other |= m.wParam != (WPARAM)s;
        for (i = 0; i < 6; i++)
            if (WSAGETSELECTEVENT(m.lParam) == (1 << i)) {
                count[i]++;
                code[i] = WSAGETSELECTERROR(m.lParam);
            }
    }
    buf[0] = 0;
    for (i = 0; i < 6; i++) {
        if (!count[i])
            continue;
        n += snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "+" : "", name[i]);
        if (code[i])
            n += snprintf(buf + n, sizeof(buf) - n, "=%s",
                          ct_wsa_name(code[i]));
        if (count[i] > 1)
            n += snprintf(buf + n, sizeof(buf) - n, "*%d", count[i]);
    }
    ct_obs(t, key, "%s%s", n ? buf : "0", other ? " other_socket" : "");
}

/* One message as it is: which socket, and lParam's 32 bits. */
static inline void as_raw(ct *t, const char *key, HWND hwnd, SOCKET s,
                          DWORD ms, MSG *m)
{
    if (!as_next(hwnd, ms, m)) {
        memset(m, 0, sizeof(*m));
        ct_obs(t, key, "none");
        return;
    }
    ct_obs(t, key, "%s lparam 0x%08lx",
           m->wParam == (WPARAM)s ? "socket" : "other_socket",
           (unsigned long)(DWORD)m->lParam);
}

#endif
