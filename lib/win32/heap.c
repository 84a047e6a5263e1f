/* Heaps, and LocalAlloc/GlobalAlloc on the process heap.  Each block has
 * a header with its requested size (HeapSize, LocalSize) and its heap; a
 * private heap lists its blocks so that HeapDestroy frees them all. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "win32.h"

#define HEAP_MAGIC 0x48656170u

struct blk;
struct heap {
    unsigned magic;
    int listed;
    pthread_mutex_t lock;
    struct blk *head;
};

/* 32 bytes: the data after it keeps malloc's 16-byte alignment. */
struct blk {
    size_t size;
    struct heap *heap;
    struct blk *prev, *next;
};

static struct heap process_heap = {HEAP_MAGIC, 0, PTHREAD_MUTEX_INITIALIZER, NULL};

static struct blk *blk_of(LPCVOID mem)
{
    return (struct blk *)mem - 1;
}

static struct heap *heap_of(HANDLE h)
{
    struct heap *p = h;

    if (!p || h == INVALID_HANDLE_VALUE || p->magic != HEAP_MAGIC)
        return NULL;
    return p;
}

static void link_blk(struct heap *h, struct blk *b)
{
    b->heap = h;
    b->prev = b->next = NULL;
    if (!h->listed)
        return;
    pthread_mutex_lock(&h->lock);
    b->next = h->head;
    if (h->head)
        h->head->prev = b;
    h->head = b;
    pthread_mutex_unlock(&h->lock);
}

static void unlink_blk(struct blk *b)
{
    struct heap *h = b->heap;

    if (!h->listed)
        return;
    pthread_mutex_lock(&h->lock);
    if (b->prev)
        b->prev->next = b->next;
    else
        h->head = b->next;
    if (b->next)
        b->next->prev = b->prev;
    pthread_mutex_unlock(&h->lock);
}

static void *heap_alloc(struct heap *h, size_t n, int zero)
{
    struct blk *b;

    if (n > SIZE_MAX - sizeof(*b))
        return NULL;
    b = zero ? calloc(1, sizeof(*b) + n) : malloc(sizeof(*b) + n);
    if (!b)
        return NULL;
    b->size = n;
    link_blk(h, b);
    return b + 1;
}

static void heap_free(void *mem)
{
    struct blk *b = blk_of(mem);

    unlink_blk(b);
    free(b);
}

static void *heap_realloc(void *mem, size_t n, int zero, int in_place)
{
    struct blk *b = blk_of(mem), *nb;
    struct heap *h = b->heap;
    size_t old = b->size;

    if (in_place || n > SIZE_MAX - sizeof(*b)) {
        if (n > old)
            return NULL;
        b->size = n;
        return mem;
    }
    unlink_blk(b);
    if (!(nb = realloc(b, sizeof(*b) + n))) {
        link_blk(h, b);
        return NULL;
    }
    if (zero && n > old)
        memset((char *)(nb + 1) + old, 0, n - old);
    nb->size = n;
    link_blk(h, nb);
    return nb + 1;
}

void *wsc_w32_alloc(size_t n, int zero)
{
    return heap_alloc(&process_heap, n, zero);
}

HANDLE wsc_GetProcessHeap(void)
{
    return &process_heap;
}

HANDLE wsc_HeapCreate(DWORD flags, SIZE_T initial, SIZE_T maximum)
{
    struct heap *h = calloc(1, sizeof(*h));

    (void)flags, (void)initial, (void)maximum;
    if (!h) {
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    h->magic = HEAP_MAGIC;
    h->listed = 1;
    pthread_mutex_init(&h->lock, NULL);
    return h;
}

BOOL wsc_HeapDestroy(HANDLE heap)
{
    struct heap *h = heap_of(heap);
    struct blk *b, *next;

    if (!h || h == &process_heap)
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    for (b = h->head; b; b = next) {
        next = b->next;
        free(b);
    }
    h->magic = 0;
    pthread_mutex_destroy(&h->lock);
    free(h);
    return TRUE;
}

/* HeapAlloc does not set the last error on failure, as on Windows. */
LPVOID wsc_HeapAlloc(HANDLE heap, DWORD flags, SIZE_T bytes)
{
    struct heap *h = heap_of(heap);

    return h ? heap_alloc(h, bytes, (flags & HEAP_ZERO_MEMORY) != 0) : NULL;
}

LPVOID wsc_HeapReAlloc(HANDLE heap, DWORD flags, LPVOID mem, SIZE_T bytes)
{
    if (!heap_of(heap) || !mem)
        return NULL;
    return heap_realloc(mem, bytes, (flags & HEAP_ZERO_MEMORY) != 0,
                        (flags & HEAP_REALLOC_IN_PLACE_ONLY) != 0);
}

BOOL wsc_HeapFree(HANDLE heap, DWORD flags, LPVOID mem)
{
    (void)flags;
    if (!heap_of(heap))
        return wsc_w32_fail(ERROR_INVALID_HANDLE);
    if (mem)
        heap_free(mem);
    return TRUE;
}

SIZE_T wsc_HeapSize(HANDLE heap, DWORD flags, LPCVOID mem)
{
    (void)flags;
    if (!heap_of(heap) || !mem)
        return (SIZE_T)-1;
    return blk_of(mem)->size;
}

HLOCAL wsc_LocalAlloc(UINT flags, SIZE_T bytes)
{
    void *p = wsc_w32_alloc(bytes, (flags & LMEM_ZEROINIT) != 0);

    if (!p)
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

HLOCAL wsc_LocalReAlloc(HLOCAL mem, SIZE_T bytes, UINT flags)
{
    void *p;

    if (!mem) {
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (!(p = heap_realloc(mem, bytes, (flags & LMEM_ZEROINIT) != 0, 0)))
        wsc_w32_set_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/* NULL on success; Windows returns the handle itself on failure. */
HLOCAL wsc_LocalFree(HLOCAL mem)
{
    if (mem)
        heap_free(mem);
    return NULL;
}

SIZE_T wsc_LocalSize(HLOCAL mem)
{
    return mem ? blk_of(mem)->size : 0;
}

/* Moveable memory is fixed here: locking gives the block itself. */
LPVOID wsc_LocalLock(HLOCAL mem)
{
    if (!mem)
        wsc_w32_set_error(ERROR_INVALID_HANDLE);
    return mem;
}

BOOL wsc_LocalUnlock(HLOCAL mem)
{
    (void)mem;
    wsc_w32_set_error(ERROR_NOT_LOCKED);
    return FALSE;
}

HGLOBAL wsc_GlobalAlloc(UINT flags, SIZE_T bytes)
{
    return wsc_LocalAlloc(flags & GMEM_ZEROINIT ? LMEM_ZEROINIT : 0, bytes);
}

HGLOBAL wsc_GlobalReAlloc(HGLOBAL mem, SIZE_T bytes, UINT flags)
{
    return wsc_LocalReAlloc(mem, bytes, flags & GMEM_ZEROINIT ? LMEM_ZEROINIT : 0);
}

HGLOBAL wsc_GlobalFree(HGLOBAL mem)
{
    return wsc_LocalFree(mem);
}

SIZE_T wsc_GlobalSize(HGLOBAL mem)
{
    return wsc_LocalSize(mem);
}

LPVOID wsc_GlobalLock(HGLOBAL mem)
{
    return wsc_LocalLock(mem);
}

BOOL wsc_GlobalUnlock(HGLOBAL mem)
{
    return wsc_LocalUnlock(mem);
}
