/* os layer, LD_PRELOAD build: libc's own functions are found with
 * dlsym(RTLD_NEXT), once, on the first call of any of them (or by the
 * constructor, whichever comes first).  Until then each entry points at a
 * stub that binds the table and forwards.  dlsym may itself call one of
 * the interposed functions; on the binding thread those calls fail with
 * ENOSYS instead of recursing. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include "bind.h"

static pthread_once_t bound = PTHREAD_ONCE_INIT;
static __thread int binding;

#define OS_CALL(ret, name, params, args, take, windows, kind)    \
    WSC_IF_TAKEN_##take(static ret missing_##name params          \
                        {                                         \
                            errno = ENOSYS;                       \
                            return (ret)-1;                       \
                        })
#include "calls.def"
#undef OS_CALL

static void bind_all(void)
{
    void *p;

    binding = 1;
#define OS_CALL(ret, name, params, args, take, windows, kind)          \
    WSC_IF_TAKEN_##take(p = dlsym(RTLD_NEXT, #name);                    \
                        wsc_os.name = p ? (ret(*) params)p : missing_##name;)
#include "calls.def"
#undef OS_CALL
    binding = 0;
}

/* 0 once the table is bound; -1 on the binding thread, inside dlsym. */
static int bind_os(void)
{
    if (binding) {
        errno = ENOSYS;
        return -1;
    }
    pthread_once(&bound, bind_all);
    return 0;
}

/* Until the table is bound, the taken calls' entries bind it first. */
#define OS_CALL(ret, name, params, args, take, windows, kind)    \
    WSC_IF_TAKEN_##take(static ret libc_##name params             \
                        {                                         \
                            if (bind_os() < 0)                    \
                                return (ret)-1;                   \
                            return wsc_os.name args;              \
                        })
#include "calls.def"
#undef OS_CALL

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args, take, windows, kind) .name = libc_##name,
#include "calls.def"
#undef OS_CALL
};

__attribute__((constructor(101))) static void bind_early(void)
{
    bind_os();
}
