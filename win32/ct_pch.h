/* The Windows headers every scenario includes (through harness.h),
 * precompiled once for the mingw-w64 build of the runner: parsing them
 * took a second per scenario file.  Forced in first (-include), so each
 * file's own includes find them already read. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
