/* Caller memory.  Every pointer the library reads or writes itself goes
 * through these, which answer -WSAEFAULT where the memory is not mapped
 * for the whole length (or not writable), as Windows does, instead of
 * SIGSEGV.  Buffers only the kernel touches (the data of send and recv)
 * are left to the kernel, which answers EFAULT itself. */
#ifndef WSC_USERMEM_H
#define WSC_USERMEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

int wsc_copy_in_any(void *dst, const void *src, size_t n);
int wsc_copy_out_any(void *dst, const void *src, size_t n);
/* The calling thread's stack (lo > hi until usermem.c looks it up). */
extern __thread uintptr_t wsc_stack_lo, wsc_stack_hi;

/* 1 when [p, p + n) lies between the calling frame and the top of the
 * thread's stack: the caller's own locals, where most counts and
 * lengths live, copied inline (a call and the library's checks cost a
 * datagram's recvfrom more than its address did). */
static inline int wsc_on_caller_stack(const void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p, here = (uintptr_t)__builtin_frame_address(0);

    return here >= wsc_stack_lo && here < wsc_stack_hi && a >= here &&
           a < wsc_stack_hi && n <= wsc_stack_hi - a;
}

/* Copy n bytes of caller memory at src to dst: 0 or -WSAEFAULT. */
static inline int wsc_copy_in(void *dst, const void *src, size_t n)
{
    if (wsc_on_caller_stack(src, n)) {
        memcpy(dst, src, n);
        return 0;
    }
    return wsc_copy_in_any(dst, src, n);
}

/* Copy n bytes from src to caller memory at dst: 0 or -WSAEFAULT. */
static inline int wsc_copy_out(void *dst, const void *src, size_t n)
{
    if (wsc_on_caller_stack(dst, n)) {
        memcpy(dst, src, n);
        return 0;
    }
    return wsc_copy_out_any(dst, src, n);
}
/* 1 when all of [p, p + n) is readable (writable) now.  One byte a page
 * is probed, so n may be of any size; the writable probe writes back
 * the byte it read, as Windows' ProbeForWrite does. */
int wsc_user_readable(const void *p, size_t n);
int wsc_user_writable(void *p, size_t n);
/* Copy the NUL-terminated caller string src into dst[0..cap): its
 * length, -WSAEFAULT, or -WSAENAMETOOLONG without a NUL in cap bytes.
 * Reads no further than the string itself goes. */
long wsc_copy_str(char *dst, const char *src, size_t cap);
/* Copy an address of len bytes (at most sizeof(*ss) of them) into a
 * zeroed *ss: 0 or -WSAEFAULT. */
int wsc_copy_addr(struct sockaddr_storage *ss, const void *sa, size_t len);
/* Fork child: the pid changed. */
void wsc_usermem_atfork_child(void) __attribute__((cold));

#endif
