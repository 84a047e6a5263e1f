/* Caller memory.  Every pointer the library reads or writes itself goes
 * through these, which answer -WSAEFAULT where the memory is not mapped
 * for the whole length (or not writable), as Windows does, instead of
 * SIGSEGV.  Buffers only the kernel touches (the data of send and recv)
 * are left to the kernel, which answers EFAULT itself. */
#ifndef WSC_USERMEM_H
#define WSC_USERMEM_H

#include <stddef.h>
#include <sys/socket.h>

/* Copy n bytes of caller memory at src to dst: 0 or -WSAEFAULT. */
int wsc_copy_in(void *dst, const void *src, size_t n);
/* Copy n bytes from src to caller memory at dst: 0 or -WSAEFAULT. */
int wsc_copy_out(void *dst, const void *src, size_t n);
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
