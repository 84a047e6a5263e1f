/* wscompat: <winnt.h> is part of <windows.h> here. */
#include "windows.h"
