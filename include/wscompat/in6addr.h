/* wscompat: <in6addr.h>; the address structure is winsock2.h's. */
#include "winsock2.h"
