/* wscompat: <strsafe.h>, Microsoft's bounded string functions, inline.
 * As Microsoft documents them: the destination is always NUL-terminated
 * (when its size is not 0); output that does not fit is cut and
 * STRSAFE_E_INSUFFICIENT_BUFFER returned with the cut result; a size of 0
 * or above STRSAFE_MAX_CCH is STRSAFE_E_INVALID_PARAMETER.  The A
 * functions take char, the W functions wchar_t (Linux's, 32-bit); the
 * names without a suffix follow UNICODE.  The Printf functions read the
 * format the Microsoft way (%s in a W format is a wide string). */
#ifndef WSCOMPAT_STRSAFE_H
#define WSCOMPAT_STRSAFE_H

#include "windows.h"

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)
#ifndef STRSAFEAPI
#define STRSAFEAPI static inline HRESULT
#endif
typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef wchar_t *STRSAFE_LPWSTR;
typedef const wchar_t *STRSAFE_LPCWSTR;
typedef const wchar_t *STRSAFE_LPCUWSTR;
/* Not NUL-terminated (counted) input: Microsoft's samples cast to them. */
typedef const char *STRSAFE_PCNZCH;
typedef const wchar_t *STRSAFE_PCNZWCH;
typedef const wchar_t *STRSAFE_PCUNZWCH;

/* The A functions (char), then the W functions (wchar_t): one body. */
#define WSC_SS_CH char
#define WSC_SS_SFX A
#define WSC_SS_EMPTY ""
#define WSC_SS_VSNPRINTF wsc__vsnprintf
#define WSC_SS_INT int
#define WSC_SS_GETC getc
#define WSC_SS_EOF EOF
#include "wsc_strsafe_body.h"
#undef WSC_SS_CH
#undef WSC_SS_SFX
#undef WSC_SS_EMPTY
#undef WSC_SS_VSNPRINTF
#undef WSC_SS_INT
#undef WSC_SS_GETC
#undef WSC_SS_EOF
#define WSC_SS_CH wchar_t
#define WSC_SS_SFX W
#define WSC_SS_EMPTY L""
#define WSC_SS_VSNPRINTF wsc__vsnwprintf
#define WSC_SS_INT wint_t
#define WSC_SS_GETC getwc
#define WSC_SS_EOF WEOF
#include "wsc_strsafe_body.h"
#undef WSC_SS_CH
#undef WSC_SS_SFX
#undef WSC_SS_EMPTY
#undef WSC_SS_VSNPRINTF
#undef WSC_SS_INT
#undef WSC_SS_GETC
#undef WSC_SS_EOF

/* The names without a suffix, by UNICODE. */
#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCbCopy StringCbCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCbCopyN StringCbCopyNW
#define StringCchCat StringCchCatW
#define StringCbCat StringCbCatW
#define StringCchCatN StringCchCatNW
#define StringCbCatN StringCbCatNW
#define StringCchLength StringCchLengthW
#define StringCbLength StringCbLengthW
#define StringCchVPrintf StringCchVPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCchPrintf StringCchPrintfW
#define StringCbPrintf StringCbPrintfW
#define StringCchGets StringCchGetsW
#define StringCbGets StringCbGetsW
#else
#define StringCchCopy StringCchCopyA
#define StringCbCopy StringCbCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCbCopyN StringCbCopyNA
#define StringCchCat StringCchCatA
#define StringCbCat StringCbCatA
#define StringCchCatN StringCchCatNA
#define StringCbCatN StringCbCatNA
#define StringCchLength StringCchLengthA
#define StringCbLength StringCbLengthA
#define StringCchVPrintf StringCchVPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCchPrintf StringCchPrintfA
#define StringCbPrintf StringCbPrintfA
#define StringCchGets StringCchGetsA
#define StringCbGets StringCbGetsA
#endif

#endif /* WSCOMPAT_STRSAFE_H */
