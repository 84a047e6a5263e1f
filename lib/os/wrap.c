/* os layer, static wrap build: the linker sends every reference to a
 * wrapped name to __wrap_NAME (ours) and __real_NAME to libc's, so the
 * engine reaches libc through the __real_ names. */
#include "bind.h"

#define OS_CALL(ret, name, params, args, take, windows, kind)        \
    WSC_IF_TAKEN_##take(extern __typeof__(name) __real_##name;       \
                        static ret libc_##name params                \
                        { return __real_##name args; })
#include "calls.def"
#undef OS_CALL

/* libc's function itself where its type is the entry's (no trampoline
 * on the hot path): __real_NAME for the wrapped names, NAME for the
 * engine's own; the fixed-argument function otherwise. */
#define WSC_OS_FN(ret, name, params, fn)                                  \
    __builtin_choose_expr(                                               \
        __builtin_types_compatible_p(__typeof__(&fn), ret (*)params),    \
        &fn, libc_##name)
struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args, take, windows, kind)             \
    .name = WSC_IF_TAKEN_##take(WSC_OS_FN(ret, name, params, __real_##name)) \
            WSC_IF_OWN_##take(WSC_OS_FN(ret, name, params, name)),
#include "calls.def"
#undef OS_CALL
};
