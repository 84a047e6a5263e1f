/* Windows that are only message targets: window classes, windows (none
 * is drawn; any style is accepted, HWND_MESSAGE too), and the message
 * queue of each thread that makes a window or looks at its queue, with
 * its timers (SetTimer: WM_TIMER when due, after posted messages and
 * WM_QUIT).  A posted message goes to the queue of the thread that made its window;
 * SendMessage calls the window procedure at once on that thread and
 * otherwise waits for that thread to take it in GetMessage, PeekMessage
 * or a wait of its own.  All of the state is under the process-wide lock
 * (handle.c), so MsgWaitForMultipleObjects sees a message and a handle
 * in one look; no window procedure is called with the lock held. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "handle.h"

struct posted {
    MSG m;
    struct posted *next;
};

/* A SendMessage from another thread, until its window's thread runs it. */
struct sent {
    HWND hwnd;
    UINT msg;
    WPARAM wp;
    LPARAM lp;
    LRESULT result;
    int done;
    struct sent *next;
};

/* SetTimer's: WM_TIMER comes when due, and again ms after it is taken. */
struct wtimer {
    HWND hwnd;
    UINT_PTR id;
    UINT ms;
    uint64_t due, noted; /* noted: the due time told to MsgWait */
    TIMERPROC proc;
    struct wtimer *next;
};

struct queue {
    DWORD tid;
    struct posted *head, *tail;
    struct sent *sent;
    struct wtimer *timers;
    UINT_PTR next_timer_id;
    int quit;
    WPARAM quit_code;
    /* A message came since the thread last looked (MsgWait's "new"). */
    DWORD news;
    struct queue *next;
};

struct wclass {
    ATOM atom;
    char *name; /* UTF-8 */
    WNDPROC proc;
    UINT style;
    int cls_extra, wnd_extra;
    HINSTANCE instance;
    int windows;
    struct wclass *next;
};

struct window {
    uint16_t gen;
    struct wclass *cls;
    struct queue *q;
    WNDPROC proc;
    HWND parent;
    DWORD style, exstyle;
    HINSTANCE instance;
    LONG_PTR id, userdata;
    int destroying;
    char extra[]; /* cbWndExtra */
};

#define MAX_WINDOWS 0xffffu
#define FIRST_ATOM 0xC000u

static struct wclass *classes;
static ATOM next_atom = FIRST_ATOM;
static struct queue *queues;
static struct window **wins; /* [slot], slot 1..MAX_WINDOWS */
static uint16_t *gens;       /* the generation each slot is at */
static unsigned nwins;
static __thread struct queue *my_queue;
static pthread_key_t queue_key;
static pthread_once_t queue_once = PTHREAD_ONCE_INIT;

/* ---- handles -------------------------------------------------------------
 * An HWND is (generation << 16) | slot, 32 bits as on Windows, so code
 * that keeps one in a DWORD keeps it whole. */
static HWND hwnd_of(unsigned slot)
{
    return (HWND)(uintptr_t)(((uint32_t)gens[slot] << 16) | slot);
}

/* Under the lock: the window of h, or NULL. */
static struct window *find(HWND h)
{
    uintptr_t v = (uintptr_t)h;
    unsigned slot = (unsigned)(v & 0xffff);

    if (v > 0xffffffffu || slot == 0 || slot >= nwins || !wins[slot] ||
        wins[slot]->gen != (uint16_t)(v >> 16))
        return NULL;
    return wins[slot];
}

/* Under the lock: a free slot (0: none left). */
static unsigned free_slot(void)
{
    unsigned i, n;
    struct window **w;
    uint16_t *g;

    for (i = 1; i < nwins; i++)
        if (!wins[i])
            return i;
    if (nwins > MAX_WINDOWS)
        return 0;
    n = nwins ? nwins * 2 : 16;
    if (n > MAX_WINDOWS + 1)
        n = MAX_WINDOWS + 1;
    if (!(w = realloc(wins, n * sizeof(*w))))
        return 0;
    wins = w;
    if (!(g = realloc(gens, n * sizeof(*g))))
        return 0;
    gens = g;
    memset(wins + nwins, 0, (n - nwins) * sizeof(*w));
    memset(gens + nwins, 0, (n - nwins) * sizeof(*g));
    i = nwins ? nwins : 1;
    nwins = n;
    return i;
}

/* ---- queues -------------------------------------------------------------- */
static void drop_posted(struct queue *q, HWND hwnd, int all)
{
    struct posted **p = &q->head, *m;

    q->tail = NULL;
    while ((m = *p)) {
        if (all || m->m.hwnd == hwnd) {
            *p = m->next;
            free(m);
        } else {
            q->tail = m;
            p = &m->next;
        }
    }
}

static void drop_timers(struct queue *q, HWND hwnd, int all)
{
    struct wtimer **p = &q->timers, *t;

    while ((t = *p)) {
        if (all || t->hwnd == hwnd) {
            *p = t->next;
            free(t);
        } else {
            p = &t->next;
        }
    }
}

static void unlink_window(unsigned slot)
{
    struct window *w = wins[slot];

    w->cls->windows--;
    wins[slot] = NULL;
    gens[slot] = (uint16_t)(gens[slot] + 1) ? (uint16_t)(gens[slot] + 1) : 1;
    free(w);
}

/* The thread ends: its windows and its queue go; a thread waiting in
 * SendMessage for it gets 0.  (CreateThread's threads at their end, the
 * others by the key's destructor.) */
static void queue_exit(void *arg)
{
    struct queue *q = arg, **p;
    struct sent *s;
    unsigned i;

    wsc_w32_lock();
    for (i = 1; i < nwins; i++)
        if (wins[i] && wins[i]->q == q)
            unlink_window(i);
    for (p = &queues; *p; p = &(*p)->next)
        if (*p == q) {
            *p = q->next;
            break;
        }
    for (s = q->sent; s; s = s->next)
        s->done = 1;
    drop_posted(q, NULL, 1);
    drop_timers(q, NULL, 1);
    wsc_w32_changed();
    wsc_w32_unlock();
    free(q);
}

void wsc_w32_queue_exit(void)
{
    struct queue *q = my_queue;

    if (!q)
        return;
    my_queue = NULL;
    pthread_setspecific(queue_key, NULL);
    queue_exit(q);
}

static void queue_key_init(void)
{
    pthread_key_create(&queue_key, queue_exit);
}

/* Under the lock: the calling thread's queue, made on first use (NULL
 * without memory, last error set). */
static struct queue *my_q(void)
{
    struct queue *q;

    if (my_queue)
        return my_queue;
    pthread_once(&queue_once, queue_key_init);
    if (!(q = calloc(1, sizeof(*q)))) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    q->tid = wsc_w32_tid();
    q->next = queues;
    queues = q;
    pthread_setspecific(queue_key, q);
    return my_queue = q;
}

static struct queue *queue_of_tid(DWORD tid)
{
    struct queue *q;

    for (q = queues; q; q = q->next)
        if (q->tid == tid)
            return q;
    return NULL;
}

/* Under the lock: appends a message; FALSE without memory. */
static BOOL post(struct queue *q, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    struct posted *m = calloc(1, sizeof(*m));

    if (!m)
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    m->m.hwnd = hwnd;
    m->m.message = msg;
    m->m.wParam = wp;
    m->m.lParam = lp;
    m->m.time = (DWORD)wsc_w32_now_ms();
    if (q->tail)
        q->tail->next = m;
    else
        q->head = m;
    q->tail = m;
    q->news |= QS_POSTMESSAGE | QS_ALLPOSTMESSAGE;
    wsc_w32_changed();
    return TRUE;
}

/* ---- window procedures ---------------------------------------------------- */
/* The procedure of a window, or NULL (it is gone). */
static WNDPROC proc_of(HWND hwnd)
{
    struct window *w;
    WNDPROC p;

    wsc_w32_lock();
    w = find(hwnd);
    p = w ? w->proc : NULL;
    wsc_w32_unlock();
    return p;
}

/* Under the lock: runs the messages other threads sent to q (the lock
 * released around each procedure); 1 if it ran one. */
static int run_sent(struct queue *q)
{
    struct sent *s = q->sent;
    WNDPROC p;
    struct window *w;

    if (!s)
        return 0;
    q->sent = s->next;
    w = find(s->hwnd);
    p = w ? w->proc : NULL;
    wsc_w32_unlock();
    s->result = p ? p(s->hwnd, s->msg, s->wp, s->lp) : 0;
    wsc_w32_lock();
    s->done = 1;
    wsc_w32_changed();
    return 1;
}

/* SendMessage to a window of another thread: queued for it, and the
 * caller waits, running what is sent to it meanwhile. */
static LRESULT send_across(struct queue *to, HWND hwnd, UINT msg, WPARAM wp,
                           LPARAM lp)
{
    struct sent s = { hwnd, msg, wp, lp, 0, 0, NULL }, **p;
    struct queue *me = my_q();

    for (p = &to->sent; *p; p = &(*p)->next)
        ;
    *p = &s;
    to->news |= QS_SENDMESSAGE;
    wsc_w32_changed();
    while (!s.done)
        if (!(me && run_sent(me)))
            wsc_w32_sleep_until(UINT64_MAX);
    return s.result;
}

static LRESULT send_message(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    struct window *w;
    WNDPROC p;
    LRESULT r;

    wsc_w32_lock();
    if (!(w = find(hwnd))) {
        wsc_w32_unlock();
        wsc_w32_set_error(ERROR_INVALID_WINDOW_HANDLE);
        return 0;
    }
    if (w->q->tid != wsc_w32_tid()) {
        r = send_across(w->q, hwnd, msg, wp, lp);
        wsc_w32_unlock();
        return r;
    }
    p = w->proc;
    wsc_w32_unlock();
    return p(hwnd, msg, wp, lp);
}

LRESULT wsc_SendMessageA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return send_message(hwnd, msg, wp, lp);
}

LRESULT wsc_SendMessageW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return send_message(hwnd, msg, wp, lp);
}

static LRESULT def_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    (void)wp, (void)lp;
    switch (msg) {
    case WM_NCCREATE: return TRUE;
    case WM_CLOSE: wsc_DestroyWindow(hwnd); return 0;
    default: return 0;
    }
}

LRESULT wsc_DefWindowProcA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return def_proc(hwnd, msg, wp, lp);
}

LRESULT wsc_DefWindowProcW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return def_proc(hwnd, msg, wp, lp);
}

LRESULT wsc_CallWindowProcA(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wp,
                            LPARAM lp)
{
    return proc ? proc(hwnd, msg, wp, lp) : 0;
}

LRESULT wsc_CallWindowProcW(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wp,
                            LPARAM lp)
{
    return proc ? proc(hwnd, msg, wp, lp) : 0;
}

/* ---- classes ------------------------------------------------------------ */
/* The system's classes, which every Windows process has without
 * registering them: a WSAAsyncSelect program's hidden window is often a
 * "static", a "button" or a "Message" one (HWND_MESSAGE).  Here each
 * behaves as DefWindowProc (nothing is drawn); the atoms are Windows'.
 * A class the program registers under the same name is found first, as
 * an application's local class is on Windows, and these cannot be
 * unregistered. */
static struct wclass system_classes[] = {
    { 0x0080, (char *)"Button", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x0081, (char *)"Edit", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x0082, (char *)"Static", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x0083, (char *)"ListBox", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x0084, (char *)"ScrollBar", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x0085, (char *)"ComboBox", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0x8002, (char *)"#32770", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0, (char *)"MDIClient", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
    { 0, (char *)"Message", wsc_DefWindowProcA, 0, 0, 0, NULL, 0, NULL },
};

static int class_is(const struct wclass *c, const char *name)
{
    uintptr_t atom = (uintptr_t)name;

    return atom < 0x10000 ? atom && c->atom == atom
                          : strcasecmp(c->name, name) == 0;
}

/* Under the lock: the class the program registered under name (an atom
 * when below 0x10000). */
static struct wclass *class_registered(const char *name)
{
    struct wclass *c;

    for (c = classes; c; c = c->next)
        if (class_is(c, name))
            return c;
    return NULL;
}

/* Under the lock: the class name names, registered or the system's. */
static struct wclass *class_find(const char *name)
{
    struct wclass *c = class_registered(name);
    size_t i;

    for (i = 0; !c && i < sizeof(system_classes) / sizeof(system_classes[0]); i++)
        if (class_is(&system_classes[i], name))
            c = &system_classes[i];
    return c;
}

/* A name as UTF-8 (an atom stays as it is); *bad without memory. */
static const char *name_utf8(LPCWSTR name, int *bad)
{
    *bad = 0;
    if ((uintptr_t)name < 0x10000)
        return (const char *)name;
    return wsc_w32_utf8(name, bad);
}

static void name_free(const char *name)
{
    if ((uintptr_t)name >= 0x10000)
        free((char *)name);
}

static ATOM class_add(const char *name, WNDPROC proc, UINT style,
                      int cls_extra, int wnd_extra, HINSTANCE instance)
{
    struct wclass *c;
    ATOM atom = 0;

    if ((uintptr_t)name < 0x10000 || !*name || cls_extra < 0 ||
        wnd_extra < 0) {
        wsc_w32_set_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    wsc_w32_lock();
    if (class_registered(name))
        wsc_w32_set_error(ERROR_CLASS_ALREADY_EXISTS);
    else if (!(c = calloc(1, sizeof(*c))) || !(c->name = strdup(name))) {
        free(c);
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    } else {
        c->atom = atom = next_atom++;
        c->proc = proc;
        c->style = style;
        c->cls_extra = cls_extra;
        c->wnd_extra = wnd_extra;
        c->instance = instance;
        c->next = classes;
        classes = c;
    }
    wsc_w32_unlock();
    return atom;
}

static ATOM class_add_w(LPCWSTR name, WNDPROC proc, UINT style, int cls_extra,
                        int wnd_extra, HINSTANCE instance)
{
    int bad;
    const char *u = name ? name_utf8(name, &bad) : NULL;
    ATOM a;

    if (name && bad) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    a = class_add(u, proc, style, cls_extra, wnd_extra, instance);
    name_free(u);
    return a;
}

/* ---- what a class draws with: nothing is drawn, so an icon, a cursor
 * or a stock object is a handle that stands for it (a class of a
 * program's own resources too, which its .rc would have made), distinct
 * per kind and number, and deleting one does nothing. */
enum { GDI_ICON = 0x7e000000, GDI_CURSOR = 0x7e100000, GDI_STOCK = 0x7e200000 };

static void *stands_for(unsigned kind, const void *name)
{
    ULONG_PTR id = IS_INTRESOURCE(name) ? (ULONG_PTR)name & 0xFFFF : 0xFFFF;

    return (void *)(ULONG_PTR)(kind | id);
}

#define STANDS_FOR_(fn, type, kind, name_t)                             \
    type wsc_##fn(HINSTANCE instance, name_t name)                       \
    {                                                                    \
        (void)instance;                                                  \
        return (type)stands_for(kind, name);                             \
    }
STANDS_FOR_(LoadIconA, HICON, GDI_ICON, LPCSTR)
STANDS_FOR_(LoadIconW, HICON, GDI_ICON, LPCWSTR)
STANDS_FOR_(LoadCursorA, HCURSOR, GDI_CURSOR, LPCSTR)
STANDS_FOR_(LoadCursorW, HCURSOR, GDI_CURSOR, LPCWSTR)
#undef STANDS_FOR_

HGDIOBJ wsc_GetStockObject(int which)
{
    if (which < WHITE_BRUSH || which > DC_PEN || which == 9)
        return NULL;
    return (HGDIOBJ)(ULONG_PTR)(GDI_STOCK | (unsigned)which);
}

BOOL wsc_DeleteObject(HGDIOBJ obj)
{
    return obj != NULL;
}

BOOL wsc_DestroyIcon(HICON icon)
{
    return icon ? TRUE : wsc_w32_fail(ERROR_INVALID_HANDLE);
}

BOOL wsc_DestroyCursor(HCURSOR cursor)
{
    return cursor ? TRUE : wsc_w32_fail(ERROR_INVALID_HANDLE);
}

ATOM wsc_RegisterClassA(const WNDCLASSA *wc)
{
    if (!wc)
        return (ATOM)wsc_w32_fail(ERROR_NOACCESS);
    return class_add(wc->lpszClassName, wc->lpfnWndProc, wc->style,
                     wc->cbClsExtra, wc->cbWndExtra, wc->hInstance);
}

ATOM wsc_RegisterClassW(const WNDCLASSW *wc)
{
    if (!wc)
        return (ATOM)wsc_w32_fail(ERROR_NOACCESS);
    return class_add_w(wc->lpszClassName, wc->lpfnWndProc, wc->style,
                       wc->cbClsExtra, wc->cbWndExtra, wc->hInstance);
}

/* The Ex forms: the same class, once cbSize is right. */
ATOM wsc_RegisterClassExA(const WNDCLASSEXA *wx)
{
    WNDCLASSA wc;

    if (!wx)
        return (ATOM)wsc_w32_fail(ERROR_NOACCESS);
    if (wx->cbSize != sizeof(*wx))
        return (ATOM)wsc_w32_fail(ERROR_INVALID_PARAMETER);
    wc.style = wx->style;
    wc.lpfnWndProc = wx->lpfnWndProc;
    wc.cbClsExtra = wx->cbClsExtra;
    wc.cbWndExtra = wx->cbWndExtra;
    wc.hInstance = wx->hInstance;
    wc.lpszClassName = wx->lpszClassName;
    return wsc_RegisterClassA(&wc);
}

ATOM wsc_RegisterClassExW(const WNDCLASSEXW *wx)
{
    WNDCLASSW wc;

    if (!wx)
        return (ATOM)wsc_w32_fail(ERROR_NOACCESS);
    if (wx->cbSize != sizeof(*wx))
        return (ATOM)wsc_w32_fail(ERROR_INVALID_PARAMETER);
    wc.style = wx->style;
    wc.lpfnWndProc = wx->lpfnWndProc;
    wc.cbClsExtra = wx->cbClsExtra;
    wc.cbWndExtra = wx->cbWndExtra;
    wc.hInstance = wx->hInstance;
    wc.lpszClassName = wx->lpszClassName;
    return wsc_RegisterClassW(&wc);
}

static BOOL class_remove(const char *name)
{
    struct wclass **p, *c;
    DWORD err = ERROR_CLASS_DOES_NOT_EXIST;

    wsc_w32_lock();
    for (p = &classes; name && (c = *p); p = &c->next) {
        if (!class_is(c, name))
            continue;
        if (c->windows) {
            err = ERROR_CLASS_HAS_WINDOWS;
            break;
        }
        *p = c->next;
        free(c->name);
        free(c);
        err = 0;
        break;
    }
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}

BOOL wsc_UnregisterClassA(LPCSTR name, HINSTANCE instance)
{
    (void)instance;
    return class_remove(name);
}

BOOL wsc_UnregisterClassW(LPCWSTR name, HINSTANCE instance)
{
    int bad = 0;
    const char *u = name ? name_utf8(name, &bad) : NULL;
    BOOL r;

    (void)instance;
    if (bad)
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    r = class_remove(u);
    name_free(u);
    return r;
}

/* ---- windows ------------------------------------------------------------ */
struct create {
    DWORD exstyle, style;
    HWND parent;
    HMENU menu;
    HINSTANCE instance;
};

/* Under the lock: a new window of the class, owned by the calling thread;
 * NULL with the last error set. */
static HWND window_new(const char *cls, const struct create *c)
{
    struct wclass *k = cls ? class_find(cls) : NULL;
    struct queue *q;
    struct window *w;
    unsigned slot;

    if (!k)
        return (HWND)(uintptr_t)wsc_w32_fail(ERROR_CANNOT_FIND_WND_CLASS);
    if (c->parent && c->parent != HWND_MESSAGE && !find(c->parent))
        return (HWND)(uintptr_t)wsc_w32_fail(ERROR_INVALID_WINDOW_HANDLE);
    if (!(q = my_q()))
        return NULL;
    if (!(slot = free_slot()) ||
        !(w = calloc(1, sizeof(*w) + (size_t)k->wnd_extra)))
        return (HWND)(uintptr_t)wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    if (!gens[slot])
        gens[slot] = 1;
    w->gen = gens[slot];
    w->cls = k;
    w->q = q;
    w->proc = k->proc;
    w->parent = c->parent == HWND_MESSAGE ? NULL : c->parent;
    w->style = c->style;
    w->exstyle = c->exstyle;
    w->instance = c->instance;
    w->id = (c->style & WS_CHILD) ? (LONG_PTR)(uintptr_t)c->menu : 0;
    k->windows++;
    wins[slot] = w;
    return hwnd_of(slot);
}

/* Removes a window and what is posted to it. */
static void window_free(HWND hwnd)
{
    struct window *w;

    wsc_w32_lock();
    if ((w = find(hwnd))) {
        drop_posted(w->q, hwnd, 0);
        drop_timers(w->q, hwnd, 0);
        unlink_window((unsigned)((uintptr_t)hwnd & 0xffff));
    }
    wsc_w32_unlock();
}

/* WM_NCCREATE and WM_CREATE, cs their CREATESTRUCT (A or W); a refusal
 * destroys the window. */
static HWND created(HWND hwnd, void *cs)
{
    WNDPROC p = proc_of(hwnd);

    if (!p)
        return NULL;
    if (!p(hwnd, WM_NCCREATE, 0, (LPARAM)cs)) {
        window_free(hwnd);
        return NULL;
    }
    if (p(hwnd, WM_CREATE, 0, (LPARAM)cs) == -1) {
        wsc_DestroyWindow(hwnd);
        return NULL;
    }
    return hwnd;
}

static HWND create(const char *cls, const struct create *c, void *cs)
{
    HWND hwnd;

    wsc_w32_lock();
    hwnd = window_new(cls, c);
    wsc_w32_unlock();
    return hwnd ? created(hwnd, cs) : NULL;
}

HWND wsc_CreateWindowExA(DWORD exstyle, LPCSTR cls, LPCSTR title, DWORD style,
                         int x, int y, int w, int h, HWND parent, HMENU menu,
                         HINSTANCE instance, LPVOID param)
{
    struct create c = { exstyle, style, parent, menu, instance };
    CREATESTRUCTA cs = { param, instance, menu,  parent,       h, w, y,
                         x,     (LONG)style, title, cls, exstyle };

    return create(cls, &c, &cs);
}

HWND wsc_CreateWindowExW(DWORD exstyle, LPCWSTR cls, LPCWSTR title,
                         DWORD style, int x, int y, int w, int h, HWND parent,
                         HMENU menu, HINSTANCE instance, LPVOID param)
{
    struct create c = { exstyle, style, parent, menu, instance };
    CREATESTRUCTW cs = { param, instance, menu,  parent,       h, w, y,
                         x,     (LONG)style, title, cls, exstyle };
    int bad = 0;
    const char *u = cls ? name_utf8(cls, &bad) : NULL;
    HWND hwnd;

    if (bad)
        return (HWND)(uintptr_t)wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    hwnd = create(u, &c, &cs);
    name_free(u);
    return hwnd;
}

HWND wsc_CreateWindowA(LPCSTR cls, LPCSTR title, DWORD style, int x, int y,
                       int w, int h, HWND parent, HMENU menu,
                       HINSTANCE instance, LPVOID param)
{
    return wsc_CreateWindowExA(0, cls, title, style, x, y, w, h, parent, menu,
                               instance, param);
}

HWND wsc_CreateWindowW(LPCWSTR cls, LPCWSTR title, DWORD style, int x, int y,
                       int w, int h, HWND parent, HMENU menu,
                       HINSTANCE instance, LPVOID param)
{
    return wsc_CreateWindowExW(0, cls, title, style, x, y, w, h, parent, menu,
                               instance, param);
}

/* Under the lock: a child of hwnd not yet being destroyed, or NULL. */
static HWND child_of(HWND hwnd)
{
    unsigned i;

    for (i = 1; i < nwins; i++)
        if (wins[i] && wins[i]->parent == hwnd && !wins[i]->destroying)
            return hwnd_of(i);
    return NULL;
}

/* The window gets WM_DESTROY, then its children are destroyed, then it
 * gets WM_NCDESTROY and is gone. */
BOOL wsc_DestroyWindow(HWND hwnd)
{
    struct window *w;
    DWORD err = 0;
    HWND child;

    wsc_w32_lock();
    if (!(w = find(hwnd)) || w->destroying)
        err = ERROR_INVALID_WINDOW_HANDLE;
    else if (w->q->tid != wsc_w32_tid())
        err = ERROR_ACCESS_DENIED;
    else
        w->destroying = 1;
    wsc_w32_unlock();
    if (err)
        return wsc_w32_fail((int)err);
    wsc_SendMessageA(hwnd, WM_DESTROY, 0, 0);
    for (;;) {
        wsc_w32_lock();
        child = child_of(hwnd);
        wsc_w32_unlock();
        if (!child || !wsc_DestroyWindow(child))
            break;
    }
    wsc_SendMessageA(hwnd, WM_NCDESTROY, 0, 0);
    window_free(hwnd);
    return TRUE;
}

BOOL wsc_IsWindow(HWND hwnd)
{
    BOOL r;

    wsc_w32_lock();
    r = find(hwnd) != NULL;
    wsc_w32_unlock();
    return r;
}

/* Nothing is shown: a window was never visible before. */
BOOL wsc_ShowWindow(HWND hwnd, int show)
{
    (void)show;
    if (!wsc_IsWindow(hwnd))
        return wsc_w32_fail(ERROR_INVALID_WINDOW_HANDLE);
    return FALSE;
}

BOOL wsc_UpdateWindow(HWND hwnd)
{
    if (!wsc_IsWindow(hwnd))
        return wsc_w32_fail(ERROR_INVALID_WINDOW_HANDLE);
    return TRUE;
}

DWORD wsc_GetWindowThreadProcessId(HWND hwnd, LPDWORD pid)
{
    struct window *w;
    DWORD tid = 0;

    wsc_w32_lock();
    if ((w = find(hwnd)))
        tid = w->q->tid;
    wsc_w32_unlock();
    if (!tid)
        wsc_w32_set_error(ERROR_INVALID_WINDOW_HANDLE);
    else if (pid)
        *pid = wsc_GetCurrentProcessId();
    return tid;
}

/* ---- window data: GetWindowLongPtr and SetWindowLongPtr ----------------- */
/* Under the lock: where index keeps its value, or NULL. */
static void *field(struct window *w, int index, size_t size)
{
    switch (index) {
    case GWLP_USERDATA: return &w->userdata;
    case GWLP_WNDPROC: return &w->proc;
    case GWLP_ID: return &w->id;
    case GWLP_HINSTANCE: return &w->instance;
    case GWLP_HWNDPARENT: return &w->parent;
    case GWL_STYLE: return &w->style;
    case GWL_EXSTYLE: return &w->exstyle;
    default:
        if (index < 0 || (size_t)index + size > (size_t)w->cls->wnd_extra)
            return NULL;
        return w->extra + index;
    }
}

static size_t field_size(int index, size_t size)
{
    return index == GWL_STYLE || index == GWL_EXSTYLE ? sizeof(DWORD) : size;
}

/* Reads (and with set, writes) a window's value; 0 with the last error
 * set when the window or index is bad. */
static LONG_PTR window_long(HWND hwnd, int index, int set, LONG_PTR value,
                            size_t size)
{
    struct window *w;
    void *f = NULL;
    LONG_PTR old = 0;
    DWORD err = ERROR_INVALID_WINDOW_HANDLE;

    wsc_w32_lock();
    if ((w = find(hwnd)) && !(f = field(w, index, size)))
        err = ERROR_INVALID_INDEX;
    if (f) {
        size = field_size(index, size);
        if (size == sizeof(LONG_PTR))
            memcpy(&old, f, size);
        else {
            LONG v;
            memcpy(&v, f, sizeof(v));
            old = v;
        }
        if (set && size == sizeof(LONG_PTR))
            memcpy(f, &value, size);
        else if (set) {
            LONG v = (LONG)value;
            memcpy(f, &v, sizeof(v));
        }
    }
    wsc_w32_unlock();
    if (!f)
        wsc_w32_set_error(err);
    return old;
}

LONG_PTR wsc_GetWindowLongPtrA(HWND hwnd, int index)
{
    return window_long(hwnd, index, 0, 0, sizeof(LONG_PTR));
}

LONG_PTR wsc_GetWindowLongPtrW(HWND hwnd, int index)
{
    return window_long(hwnd, index, 0, 0, sizeof(LONG_PTR));
}

LONG_PTR wsc_SetWindowLongPtrA(HWND hwnd, int index, LONG_PTR value)
{
    return window_long(hwnd, index, 1, value, sizeof(LONG_PTR));
}

LONG_PTR wsc_SetWindowLongPtrW(HWND hwnd, int index, LONG_PTR value)
{
    return window_long(hwnd, index, 1, value, sizeof(LONG_PTR));
}

/* The 32-bit forms: a pointer-sized index (the procedure, the parent,
 * the instance) is ERROR_INVALID_INDEX where pointers are wider, as on
 * 64-bit Windows. */
static int narrow_ok(int index)
{
    return sizeof(LONG_PTR) == sizeof(LONG) ||
           (index != GWLP_WNDPROC && index != GWLP_HINSTANCE &&
            index != GWLP_HWNDPARENT);
}

static LONG narrow(HWND hwnd, int index, int set, LONG value)
{
    if (!narrow_ok(index)) {
        if (wsc_IsWindow(hwnd))
            return (LONG)wsc_w32_fail(ERROR_INVALID_INDEX);
        return (LONG)wsc_w32_fail(ERROR_INVALID_WINDOW_HANDLE);
    }
    return (LONG)window_long(hwnd, index, set, value, sizeof(LONG));
}

LONG wsc_GetWindowLongA(HWND hwnd, int index)
{
    return narrow(hwnd, index, 0, 0);
}

LONG wsc_GetWindowLongW(HWND hwnd, int index)
{
    return narrow(hwnd, index, 0, 0);
}

LONG wsc_SetWindowLongA(HWND hwnd, int index, LONG value)
{
    return narrow(hwnd, index, 1, value);
}

LONG wsc_SetWindowLongW(HWND hwnd, int index, LONG value)
{
    return narrow(hwnd, index, 1, value);
}

/* ---- posting ------------------------------------------------------------ */
/* A posted message to hwnd (NULL: the calling thread's queue). */
static BOOL post_to(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    struct window *w;
    struct queue *q;
    BOOL r;

    wsc_w32_lock();
    if (!hwnd)
        r = (q = my_q()) ? post(q, NULL, msg, wp, lp) : FALSE;
    else if ((w = find(hwnd)))
        r = post(w->q, hwnd, msg, wp, lp);
    else
        r = wsc_w32_fail(ERROR_INVALID_WINDOW_HANDLE);
    wsc_w32_unlock();
    return r;
}

BOOL wsc_PostMessageA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return post_to(hwnd, msg, wp, lp);
}

BOOL wsc_PostMessageW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return post_to(hwnd, msg, wp, lp);
}

/* A thread that has no queue yet (it never made a window nor looked at
 * its messages) cannot be posted to. */
static BOOL post_thread(DWORD tid, UINT msg, WPARAM wp, LPARAM lp)
{
    struct queue *q;
    BOOL r;

    wsc_w32_lock();
    q = tid == wsc_w32_tid() ? my_q() : queue_of_tid(tid);
    r = q ? post(q, NULL, msg, wp, lp)
          : wsc_w32_fail(ERROR_INVALID_THREAD_ID);
    wsc_w32_unlock();
    return r;
}

BOOL wsc_PostThreadMessageA(DWORD tid, UINT msg, WPARAM wp, LPARAM lp)
{
    return post_thread(tid, msg, wp, lp);
}

BOOL wsc_PostThreadMessageW(DWORD tid, UINT msg, WPARAM wp, LPARAM lp)
{
    return post_thread(tid, msg, wp, lp);
}

/* WM_QUIT comes once the posted messages are taken. */
void wsc_PostQuitMessage(int code)
{
    struct queue *q;

    wsc_w32_lock();
    if ((q = my_q())) {
        q->quit = 1;
        q->quit_code = (WPARAM)code;
        q->news |= QS_POSTMESSAGE | QS_ALLPOSTMESSAGE;
        wsc_w32_changed();
    }
    wsc_w32_unlock();
}

/* ---- timers ------------------------------------------------------------- */
static struct wtimer **timer_slot(struct queue *q, HWND hwnd, UINT_PTR id)
{
    struct wtimer **p;

    for (p = &q->timers; *p; p = &(*p)->next)
        if ((*p)->hwnd == hwnd && (*p)->id == id)
            return p;
    return NULL;
}

/* A thread timer's new id: never 0, never one in use. */
static UINT_PTR new_timer_id(struct queue *q)
{
    do
        q->next_timer_id = q->next_timer_id + 1 ? q->next_timer_id + 1 : 1;
    while (timer_slot(q, NULL, q->next_timer_id));
    return q->next_timer_id;
}

/* Under the lock: sets (or resets) the timer on q; 0 without memory. */
static UINT_PTR timer_set(struct queue *q, HWND hwnd, UINT_PTR id, UINT ms,
                          TIMERPROC proc)
{
    struct wtimer **p, *t;

    if (!hwnd && !(id && timer_slot(q, NULL, id)))
        id = new_timer_id(q);
    if ((p = timer_slot(q, hwnd, id))) {
        t = *p;
    } else if ((t = calloc(1, sizeof(*t)))) {
        t->next = q->timers;
        q->timers = t;
    } else {
        return (UINT_PTR)wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    }
    t->hwnd = hwnd;
    t->id = id;
    t->ms = ms < USER_TIMER_MINIMUM   ? USER_TIMER_MINIMUM
            : ms > USER_TIMER_MAXIMUM ? USER_TIMER_MAXIMUM
                                      : ms;
    t->due = wsc_w32_now_ms() + t->ms;
    t->noted = 0;
    t->proc = proc;
    wsc_w32_changed();
    return hwnd && !id ? 1 : id;
}

/* A window's timer is its thread's; NULL: the caller's thread's. */
UINT_PTR wsc_SetTimer(HWND hwnd, UINT_PTR id, UINT ms, TIMERPROC proc)
{
    struct window *w = NULL;
    struct queue *q;
    UINT_PTR r = 0;

    wsc_w32_lock();
    if (hwnd && !(w = find(hwnd)))
        wsc_w32_set_error(ERROR_INVALID_WINDOW_HANDLE);
    else if ((q = w ? w->q : my_q()))
        r = timer_set(q, hwnd, id, ms, proc);
    wsc_w32_unlock();
    return r;
}

BOOL wsc_KillTimer(HWND hwnd, UINT_PTR id)
{
    struct window *w = NULL;
    struct queue *q = NULL;
    struct wtimer **p = NULL, *t;
    DWORD err = 0;

    wsc_w32_lock();
    if (hwnd && !(w = find(hwnd)))
        err = ERROR_INVALID_WINDOW_HANDLE;
    else if (!(q = w ? w->q : my_q()) || !(p = timer_slot(q, hwnd, id)))
        err = ERROR_INVALID_PARAMETER;
    else {
        t = *p;
        *p = t->next;
        free(t);
    }
    wsc_w32_unlock();
    return err ? wsc_w32_fail((int)err) : TRUE;
}

/* Under the lock: when the next timer is due (UINT64_MAX: none). */
static uint64_t next_due(struct queue *q)
{
    struct wtimer *t;
    uint64_t due = UINT64_MAX;

    for (t = q->timers; t; t = t->next)
        if (t->due < due)
            due = t->due;
    return due;
}

/* ---- taking messages ------------------------------------------------------ */
struct filter {
    HWND hwnd; /* NULL: any; (HWND)-1: thread messages only */
    UINT min, max;
};

static int matches(const MSG *m, const struct filter *f)
{
    if (f->hwnd == (HWND)(LONG_PTR)-1 ? m->hwnd != NULL
                                      : f->hwnd && m->hwnd != f->hwnd)
        return 0;
    return (f->min == 0 && f->max == 0) ||
           (m->message >= f->min && m->message <= f->max);
}

/* Under the lock: the first message that passes f, into *out (removed
 * with PM_REMOVE); WM_QUIT once no posted message passes.  1 if one. */
/* Under the lock: a due timer's WM_TIMER (lParam its procedure); taken,
 * it is due again ms later. */
static int take_timer(struct queue *q, const struct filter *f, UINT flags,
                      MSG *out)
{
    uint64_t now = wsc_w32_now_ms();
    struct wtimer *t;
    MSG m;

    for (t = q->timers; t; t = t->next) {
        if (t->due > now)
            continue;
        memset(&m, 0, sizeof(m));
        m.hwnd = t->hwnd;
        m.message = WM_TIMER;
        m.wParam = t->id;
        m.lParam = (LPARAM)t->proc;
        m.time = (DWORD)now;
        if (!matches(&m, f))
            continue;
        *out = m;
        if (flags & PM_REMOVE)
            t->due = now + t->ms;
        return 1;
    }
    return 0;
}

static int take(struct queue *q, const struct filter *f, UINT flags,
                MSG *out)
{
    struct posted *m, *prev = NULL;

    q->news = 0;
    for (m = q->head; m; prev = m, m = m->next) {
        if (!matches(&m->m, f))
            continue;
        *out = m->m;
        if (flags & PM_REMOVE) {
            *(prev ? &prev->next : &q->head) = m->next;
            if (q->tail == m)
                q->tail = prev;
            free(m);
        }
        return 1;
    }
    if (!q->quit)
        return take_timer(q, f, flags, out);
    memset(out, 0, sizeof(*out));
    out->message = WM_QUIT;
    out->wParam = q->quit_code;
    out->time = (DWORD)wsc_w32_now_ms();
    if (flags & PM_REMOVE)
        q->quit = 0;
    return 1;
}

/* Under the lock: 0 when hwnd can filter (none, -1, or a window). */
static int bad_filter(HWND hwnd)
{
    return hwnd && hwnd != (HWND)(LONG_PTR)-1 && !find(hwnd);
}

/* Under the lock: runs what was sent to q, then takes a message; -1 with
 * the last error set on bad input. */
static int peek(struct queue *q, const struct filter *f, UINT flags, MSG *out)
{
    if (bad_filter(f->hwnd)) {
        wsc_w32_set_error(ERROR_INVALID_WINDOW_HANDLE);
        return -1;
    }
    while (run_sent(q))
        ;
    return take(q, f, flags, out);
}

static BOOL peek_message(LPMSG msg, HWND hwnd, UINT min, UINT max,
                         UINT flags)
{
    struct filter f = { hwnd, min, max };
    struct queue *q;
    MSG m;
    int r = 0;

    if (!msg)
        return wsc_w32_fail(ERROR_NOACCESS);
    wsc_w32_lock();
    if ((q = my_q()) && (r = peek(q, &f, flags, &m)) > 0)
        *msg = m;
    wsc_w32_unlock();
    return r > 0;
}

BOOL wsc_PeekMessageA(LPMSG msg, HWND hwnd, UINT min, UINT max, UINT flags)
{
    return peek_message(msg, hwnd, min, max, flags);
}

BOOL wsc_PeekMessageW(LPMSG msg, HWND hwnd, UINT min, UINT max, UINT flags)
{
    return peek_message(msg, hwnd, min, max, flags);
}

/* 1, 0 for WM_QUIT, -1 on bad input (a bad window handle). */
static BOOL get_message(LPMSG msg, HWND hwnd, UINT min, UINT max)
{
    struct filter f = { hwnd, min, max };
    struct queue *q;
    MSG m;
    int r = -1;

    if (!msg) {
        wsc_w32_set_error(ERROR_NOACCESS);
        return -1;
    }
    wsc_w32_lock();
    if ((q = my_q()))
        while ((r = peek(q, &f, PM_REMOVE, &m)) == 0)
            wsc_w32_wait_until(next_due(q));
    wsc_w32_unlock();
    if (r < 0)
        return -1;
    *msg = m;
    return m.message != WM_QUIT;
}

BOOL wsc_GetMessageA(LPMSG msg, HWND hwnd, UINT min, UINT max)
{
    return get_message(msg, hwnd, min, max);
}

BOOL wsc_GetMessageW(LPMSG msg, HWND hwnd, UINT min, UINT max)
{
    return get_message(msg, hwnd, min, max);
}

/* Until something comes that the thread has not looked at yet. */
BOOL wsc_WaitMessage(void)
{
    struct queue *q;

    wsc_w32_lock();
    if ((q = my_q()))
        while (!q->news && next_due(q) > wsc_w32_now_ms())
            wsc_w32_wait_until(next_due(q));
    wsc_w32_unlock();
    return q != NULL;
}

/* There is no keyboard: nothing to translate. */
BOOL wsc_TranslateMessage(const MSG *msg)
{
    (void)msg;
    return FALSE;
}

static LRESULT dispatch(const MSG *msg)
{
    WNDPROC p;

    if (!msg) {
        wsc_w32_set_error(ERROR_NOACCESS);
        return 0;
    }
    if (msg->message == WM_TIMER && msg->lParam) {
        ((TIMERPROC)msg->lParam)(msg->hwnd, WM_TIMER, msg->wParam,
                                 (DWORD)wsc_w32_now_ms());
        return 0;
    }
    if (!msg->hwnd)
        return 0;
    if (!(p = proc_of(msg->hwnd))) {
        wsc_w32_set_error(ERROR_INVALID_WINDOW_HANDLE);
        return 0;
    }
    return p(msg->hwnd, msg->message, msg->wParam, msg->lParam);
}

LRESULT wsc_DispatchMessageA(const MSG *msg)
{
    return dispatch(msg);
}

LRESULT wsc_DispatchMessageW(const MSG *msg)
{
    return dispatch(msg);
}

/* ---- MsgWaitForMultipleObjects ------------------------------------------- */
struct msgwait {
    struct queue *q;
    DWORD mask, flags;
};

/* Under the lock: when a timer of the waiting thread comes due. */
static uint64_t timer_due(void *arg)
{
    struct msgwait *mw = arg;
    struct wtimer *t;
    uint64_t due = UINT64_MAX;

    if (!(mw->mask & QS_TIMER))
        return UINT64_MAX;
    /* (One already told is not waited for again.) */
    for (t = mw->q->timers; t; t = t->next)
        if (t->noted != t->due && t->due < due)
            due = t->due;
    return due;
}

/* Under the lock: new input of the mask (or, with MWMO_INPUTAVAILABLE,
 * any in the queue); messages sent from other threads run here. */
static int input_ready(void *arg)
{
    struct msgwait *mw = arg;
    struct queue *q = mw->q;
    uint64_t now = wsc_w32_now_ms();
    struct wtimer *t;
    DWORD have;

    if ((mw->mask & QS_SENDMESSAGE) && q->sent)
        return 1;
    /* A timer that came due is new input once. */
    for (t = q->timers; t; t = t->next)
        if (t->due <= now && (t->noted != t->due ||
                              (mw->flags & MWMO_INPUTAVAILABLE))) {
            t->noted = t->due;
            q->news |= QS_TIMER;
        }
    have = q->news;
    if (mw->flags & MWMO_INPUTAVAILABLE)
        have |= (q->head || q->quit) ? QS_POSTMESSAGE | QS_ALLPOSTMESSAGE : 0;
    return (have & mw->mask) != 0;
}

DWORD wsc_MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *handles,
                                      DWORD ms, DWORD wake_mask, DWORD flags)
{
    struct msgwait mw = { NULL, wake_mask, flags };
    struct wsc_w32_extra x = { input_ready, timer_due, &mw };

    wsc_w32_lock();
    mw.q = my_q();
    wsc_w32_unlock();
    if (!mw.q)
        return WAIT_FAILED;
    return wsc_w32_wait_with(count, handles, (flags & MWMO_WAITALL) != 0, ms,
                             (flags & MWMO_ALERTABLE) != 0, &x);
}

DWORD wsc_MsgWaitForMultipleObjects(DWORD count, const HANDLE *handles,
                                    BOOL all, DWORD ms, DWORD wake_mask)
{
    return wsc_MsgWaitForMultipleObjectsEx(count, handles, ms, wake_mask,
                                           all ? MWMO_WAITALL : 0);
}

/* ---- MessageBox: a console's --------------------------------------------
 * No window: "caption: text" goes to stderr as a line, and the answer is
 * the default button's (MB_DEFBUTTONn of the type's buttons, the first
 * when there is no nth), as if the user had pressed Enter.  A type beyond
 * MB_CANCELTRYCONTINUE is ERROR_INVALID_MSGBOX_STYLE (0).  Windows'
 * caption when none is given is "Error". */
static int message_box(const char *text, const char *caption, UINT type)
{
    static const int buttons[7][3] = {
        { IDOK }, { IDOK, IDCANCEL }, { IDABORT, IDRETRY, IDIGNORE },
        { IDYES, IDNO, IDCANCEL }, { IDYES, IDNO }, { IDRETRY, IDCANCEL },
        { IDCANCEL, IDTRYAGAIN, IDCONTINUE },
    };
    UINT kind = type & MB_TYPEMASK, def = (type & MB_DEFMASK) >> 8;

    if (kind > MB_CANCELTRYCONTINUE)
        return wsc_w32_fail(ERROR_INVALID_MSGBOX_STYLE);
    fprintf(stderr, "%s: %s\n", caption ? caption : "Error", text ? text : "");
    fflush(stderr);
    if (def > 2 || !buttons[kind][def])
        def = 0;
    return buttons[kind][def];
}

int wsc_MessageBoxExA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
    (void)hwnd, (void)lang;
    return message_box(text, caption, type);
}

int wsc_MessageBoxExW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
    int bad = 0, bad2 = 0, r;
    char *t = text ? wsc_w32_utf8(text, &bad) : NULL;
    char *c = caption ? wsc_w32_utf8(caption, &bad2) : NULL;

    (void)hwnd, (void)lang;
    r = bad || bad2 ? wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY) : message_box(t, c, type);
    free(t);
    free(c);
    return r;
}

int wsc_MessageBoxA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type)
{
    return wsc_MessageBoxExA(hwnd, text, caption, type, 0);
}

int wsc_MessageBoxW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type)
{
    return wsc_MessageBoxExW(hwnd, text, caption, type, 0);
}
