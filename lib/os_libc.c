/* os layer, source build: the table reaches libc by name.  Each entry is a
 * fixed-argument function, generated from os_calls.def, so the variadic
 * libc calls (ioctl, fcntl) fit the same table as the others. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "os.h"

#define OS_CALL(ret, name, params, args) \
    static ret libc_##name params { return name args; }
#include "os_calls.def"
#undef OS_CALL

struct wsc_os_table wsc_os = {
#define OS_CALL(ret, name, params, args) .name = libc_##name,
#include "os_calls.def"
#undef OS_CALL
};
