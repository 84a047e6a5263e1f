#!/bin/sh
# Writes include/wscompat/wsc_winerror.h, the Win32 error numbers, from
# lib/win32/errors.def, so the numbers are typed once.
#   gen-winerror.sh lib/win32/errors.def > wsc_winerror.h
set -e
cat <<'HEAD'
/* Generated from lib/win32/errors.def by lib/win32/gen-winerror.sh; do not
 * edit.  winerror.h includes it. */
#ifndef WSCOMPAT_WSC_WINERROR_H
#define WSCOMPAT_WSC_WINERROR_H
#include <stdint.h>
#ifndef NO_ERROR
#define NO_ERROR 0L
#endif
typedef int32_t HRESULT;
#define S_OK ((HRESULT)0)
#define S_FALSE ((HRESULT)1)
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define E_FAIL ((HRESULT)0x80004005u)
#define E_OUTOFMEMORY ((HRESULT)0x8007000Eu)
#define E_INVALIDARG ((HRESULT)0x80070057u)
#define HRESULT_FROM_WIN32(x) ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) \
    : ((HRESULT)(((x) & 0x0000FFFF) | (7 << 16) | 0x80000000u)))
HEAD
sed -n 's/^WIN32_ERROR(\([0-9]*\), *\([A-Z_0-9]*\),.*/#undef \2\n#define \2 \1L/p' "$1"
echo '#endif'
