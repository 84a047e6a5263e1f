/* os layer, static wrap build: the linker sends every reference to a
 * wrapped name to __wrap_NAME (ours) and __real_NAME to libc's, so the
 * engine reaches libc through the __real_ names. */
#include "bind.h"

const int wsc_posix_mode = 1;

#define INTERPOSE(ret, name, params, args)             \
    extern __typeof__(name) __real_##name;             \
    static ret real_##name params { return __real_##name args; }
#include "interpose.def"
#undef INTERPOSE

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args) .name = libc_##name,
#define INTERPOSE(ret, name, params, args) .name = real_##name,
#include "calls.def"
#include "interpose.def"
#undef INTERPOSE
#undef OS_CALL
};
