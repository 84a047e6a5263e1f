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

const int wsc_posix_mode = 1;

static pthread_once_t bound = PTHREAD_ONCE_INIT;
static __thread int binding;

#define INTERPOSE(ret, name, params, args)                       \
    static ret missing_##name params                              \
    {                                                             \
        errno = ENOSYS;                                           \
        return (ret)-1;                                           \
    }
#include "interpose.def"
#undef INTERPOSE

static void bind_all(void)
{
    void *p;

    binding = 1;
#define INTERPOSE(ret, name, params, args)                                  \
    p = dlsym(RTLD_NEXT, #name);                                             \
    wsc_os.name = p ? (ret(*) params)p : missing_##name;
#include "interpose.def"
#undef INTERPOSE
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

#define INTERPOSE(ret, name, params, args)                       \
    static ret first_##name params                                \
    {                                                             \
        if (bind_os() < 0)                                        \
            return (ret)-1;                                       \
        return wsc_os.name args;                                  \
    }
#include "interpose.def"
#undef INTERPOSE

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args) .name = libc_##name,
#define INTERPOSE(ret, name, params, args) .name = first_##name,
#include "calls.def"
#include "interpose.def"
#undef INTERPOSE
#undef OS_CALL
};

__attribute__((constructor(101))) static void bind_early(void)
{
    bind_os();
}
