/* wscompat: Windows' <conio.h>, console input and output without stdio.
 * On a terminal, input is read a key at a time with no echo (termios on
 * standard input, restored after each call); on another standard input
 * (a pipe, a file) _kbhit says whether a byte can be read now and _getch
 * reads one.  Output goes to standard output, after what stdio holds. */
#ifndef WSCOMPAT_CONIO_H
#define WSCOMPAT_CONIO_H

#ifndef WSC_API
#define WSC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif
WSC_API int wsc__kbhit(void);
WSC_API int wsc__getch(void);
WSC_API int wsc__getche(void);
WSC_API int wsc__ungetch(int c);
WSC_API int wsc__putch(int c);
WSC_API int wsc__cputs(const char *s);
WSC_API int wsc__cprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
#ifdef __cplusplus
}
#endif
#define _kbhit wsc__kbhit
#define _getch wsc__getch
#define _getche wsc__getche
#define _ungetch wsc__ungetch
#define _putch wsc__putch
#define _cputs wsc__cputs
#define _cprintf wsc__cprintf
#define kbhit wsc__kbhit
#define getch wsc__getch
#define getche wsc__getche
#define putch wsc__putch
#define cputs wsc__cputs
#define cprintf wsc__cprintf

#endif
