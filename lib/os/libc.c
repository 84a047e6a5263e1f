/* os layer, source build: the table reaches libc by name.  Each entry is a
 * fixed-argument function, so the variadic libc calls (ioctl, fcntl) fit
 * the same table as the others. */
#include "bind.h"

const int wsc_posix_mode = 0;

#define INTERPOSE(ret, name, params, args) \
    static ret libc_##name params { return name args; }
#include "interpose.def"
#undef INTERPOSE

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args) .name = libc_##name,
#define INTERPOSE OS_CALL
#include "calls.def"
#include "interpose.def"
#undef INTERPOSE
#undef OS_CALL
};
