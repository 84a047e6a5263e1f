/* GetProcAddress's table: every public name of the two lists (api.def
 * here and lib/win32/api.def), for a program that finds a function at
 * run time, as Windows code does with LoadLibrary("ws2_32") and
 * GetProcAddress.  Installed before main (startup.c names it, so that a
 * static link keeps it). */
#include "ws.h"
#include "mswsock.h"
#include "icmpapi.h"
#include "w32async.h"

/* (# and ## on the names themselves: each public name is also a macro
 * naming its wsc_ function.) */
#undef WINSOCK
#undef WINSOCK_ALIAS
#undef WINSOCK_AW
#undef WIN32API
#undef WIN32API_TCHAR
#define WINSOCK(header, ret, name, params, args, kind) \
    { #name, (void (*)(void))wsc_##name },
#define WINSOCK_ALIAS(header, other, name) \
    { #other, (void (*)(void))wsc_##name },
#define WINSOCK_AW(header, name)
#define WIN32API(ret, name, params) { #name, (void (*)(void))wsc_##name },
#define WIN32API_TCHAR(name)
static const struct wsc_w32_proc procs[] = {
#include "api.def"
#include "../win32/api.def"
};

void wsc_procs_install(void)
{
    wsc_w32_set_procs(procs, sizeof(procs) / sizeof(procs[0]));
}

__attribute__((constructor)) static void procs_at_start(void)
{
    wsc_procs_install();
}
