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

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args, take, windows, kind) .name = libc_##name,
#include "calls.def"
#undef OS_CALL
};
