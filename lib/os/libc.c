/* os layer, source build: the table reaches libc by name.  Each entry is a
 * fixed-argument function, so the variadic libc calls (ioctl, fcntl) fit
 * the same table as the others. */
#include "bind.h"

#define OS_CALL(ret, name, params, args, take, windows, kind) \
    WSC_IF_TAKEN_##take(static ret libc_##name params { return name args; })
#include "calls.def"
#undef OS_CALL

/* libc's function itself where its type is the entry's (no trampoline
 * on the hot path), the fixed-argument one above otherwise. */
struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args, take, windows, kind)           \
    .name = __builtin_choose_expr(                                     \
        __builtin_types_compatible_p(__typeof__(&name), ret (*)params), \
        &name, libc_##name),
#include "calls.def"
#undef OS_CALL
};
