/* wscompat: Windows' <direct.h>, the CRT's directory calls under their
 * Microsoft names: _mkdir (one argument), _rmdir, _chdir, _getcwd,
 * _getdrive and the wide forms.  A path may use '\' as Windows code
 * writes it ("logs\\today"); results and errno are the CRT's (0, or -1
 * with EEXIST, ENOENT, ...). */
#ifndef WSCOMPAT_DIRECT_H
#define WSCOMPAT_DIRECT_H

#include <stddef.h>
#include <wchar.h>

#ifndef WSC_API
#define WSC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif
WSC_API int wsc__mkdir(const char *path);
WSC_API int wsc__rmdir(const char *path);
WSC_API int wsc__chdir(const char *path);
WSC_API char *wsc__getcwd(char *buf, int size);
WSC_API int wsc__wmkdir(const wchar_t *path);
WSC_API int wsc__wrmdir(const wchar_t *path);
WSC_API int wsc__wchdir(const wchar_t *path);
WSC_API wchar_t *wsc__wgetcwd(wchar_t *buf, int size);
WSC_API int wsc__getdrive(void);
WSC_API int wsc__chdrive(int drive);
#ifdef __cplusplus
}
#endif
#define _mkdir wsc__mkdir
#define _rmdir wsc__rmdir
#define _chdir wsc__chdir
#define _getcwd wsc__getcwd
#define _wmkdir wsc__wmkdir
#define _wrmdir wsc__wrmdir
#define _wchdir wsc__wchdir
#define _wgetcwd wsc__wgetcwd
#define _getdrive wsc__getdrive
#define _chdrive wsc__chdrive

#endif /* WSCOMPAT_DIRECT_H */
