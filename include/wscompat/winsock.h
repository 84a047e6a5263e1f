/* wscompat: <winsock.h> is the Winsock 1.1 header; Winsock 2 covers it. */
#include "winsock2.h"
