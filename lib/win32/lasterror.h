/* The thread's last error: one value for GetLastError and WSAGetLastError,
 * as on Windows.  initial-exec: a store without a call into the dynamic
 * loader on every socket call (the library is linked, not dlopen'ed). */
#ifndef WSC_LASTERROR_H
#define WSC_LASTERROR_H

extern __thread int wsc_last_error __attribute__((tls_model("initial-exec")));

static inline void wsc_w32_set_error(int code)
{
    wsc_last_error = code;
}

#endif
