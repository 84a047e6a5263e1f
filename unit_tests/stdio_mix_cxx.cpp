// The C test as C++: <iostream> and <cwchar> after <winsock2.h>.
#include "stdio_mix.c"
