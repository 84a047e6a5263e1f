// The C test as C++ (cstdio, cstring, cstdlib, ctime).
#include "headers_crt.c"
