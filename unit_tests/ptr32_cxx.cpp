// ptr32.c as C++ (C++98 and C++11): where the API says LPDWORD, PULONG or
// LPLONG, an unsigned long * or a long * must choose wscompat's overload.
#include "ptr32.c"
