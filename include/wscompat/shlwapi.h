/* wscompat: <shlwapi.h> (Shlwapi.h), its path functions network code
 * uses: PathFindFileName and PathFindExtension (A, W and TCHAR; declared
 * by windows.h).  The rest of the shell's light API is not provided. */
#ifndef WSCOMPAT_SHLWAPI_H
#define WSCOMPAT_SHLWAPI_H

#include "windows.h"

#endif /* WSCOMPAT_SHLWAPI_H */
