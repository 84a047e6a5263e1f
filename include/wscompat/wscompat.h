/* wscompat's own extras, beside the Winsock API. */
#ifndef WSCOMPAT_WSCOMPAT_H
#define WSCOMPAT_WSCOMPAT_H

/* The library is built with hidden visibility: what it exports is the
 * functions these headers declare WSC_API, and nothing else. */
#ifndef WSC_API
#define WSC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Windows' name for a WSA code ("WSAECONNRESET"), or NULL if unknown. */
WSC_API const char *wsc_strerror_name(int wsa_code);
/* Windows' English message for a WSA code, or NULL if unknown. */
WSC_API const char *wsc_strerror(int wsa_code);
/* The errno named like the WSA code (WSAECONNRESET -> ECONNRESET), or 0. */
WSC_API int wsc_wsa_to_errno(int wsa_code);
/* The WSA code named like an errno (ECONNRESET -> WSAECONNRESET), or 0. */
WSC_API int wsc_errno_to_wsa(int err);

/* The library's version, "MAJOR.MINOR.PATCH". */
WSC_API const char *wsc_version(void);

#ifdef __cplusplus
}
#endif

#endif
