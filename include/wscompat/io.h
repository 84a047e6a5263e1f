/* wscompat: Windows' <io.h>, the CRT's low-level file calls under their
 * Microsoft names (_access, _open, _lseek, _dup, _isatty, ...), mapped to
 * the POSIX calls of the same meaning.  The _O_ flags are Linux's numbers,
 * since they go to Linux's open(); there is no text mode, so _O_TEXT and
 * _O_BINARY are 0 and _setmode answers _O_BINARY. */
#ifndef WSCOMPAT_IO_H
#define WSCOMPAT_IO_H

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "wsc_text.h" /* _close, _read, _write, _unlink */

#define _access access /* the modes 0, 2, 4, 6 are F_OK, W_OK, R_OK */
#define _open open
#define _creat creat
#define _lseek lseek
#define _lseeki64 lseek
#define _tell(fd) lseek((fd), 0, SEEK_CUR)
#define _telli64(fd) lseek((fd), 0, SEEK_CUR)
#define _dup dup
#define _dup2 dup2
#define _isatty isatty
#define _chmod chmod
#define _umask umask
#define _chsize ftruncate

#ifndef _O_RDONLY
#define _O_RDONLY O_RDONLY
#define _O_WRONLY O_WRONLY
#define _O_RDWR O_RDWR
#define _O_APPEND O_APPEND
#define _O_CREAT O_CREAT
#define _O_TRUNC O_TRUNC
#define _O_EXCL O_EXCL
#define _O_TEXT 0
#define _O_BINARY 0
#define _O_NOINHERIT O_CLOEXEC
#endif
#ifndef O_BINARY
#define O_BINARY 0
#endif
#ifndef O_TEXT
#define O_TEXT 0
#endif
#define _setmode(fd, mode) ((void)(fd), (void)(mode), _O_BINARY)

#endif /* WSCOMPAT_IO_H */
