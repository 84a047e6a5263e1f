#!/bin/sh
# Writes wsc_api.h, the prototypes and redirections of the public Winsock
# API and of the Win32 baseline, from lib/winsock/api.def and
# lib/win32/api.def, the one list of each.  winsock2.h, ws2tcpip.h,
# mswsock.h, iphlpapi.h, netioapi.h, icmpapi.h and windows.h include it
# once each, with WSC_API_WINSOCK2, WSC_API_WS2TCPIP, WSC_API_MSWSOCK,
# WSC_API_IPHLPAPI, WSC_API_NETIOAPI, WSC_API_ICMPAPI or WSC_API_WINDOWS
# defined, after the types it names.
#   gen-api.sh lib/winsock/api.def lib/win32/api.def > include/wscompat/wsc_api.h
# With --crt it writes wsc_crt.h instead: the lines of lib/win32/api.def
# tagged with a C library header (/* <stdio.h> */), a section for each
# header, which wscompat's stdio.h, string.h, stdlib.h, time.h and wchar.h
# include after the C library's own.  Each name is declared as itself,
# bound to its wsc_ function by an asm label (as wsc_text.h binds printf),
# not redirected by a macro: a program's own macro of the name, for a
# compiler without it, replaces wscompat's without a warning; one defined
# before the header leaves the name undeclared.  Inside the library the
# wsc_ names alone are declared: its own fopen is the C library's.  The
# names ending in _s are left out when the program sets
# __STDC_WANT_SECURE_LIB__ to 0.
#   gen-api.sh --crt lib/win32/api.def > include/wscompat/wsc_crt.h
set -e
if [ "$1" = --crt ]; then
    w32=$2
    echo '/* Generated from lib/win32/api.def by lib/gen-api.sh --crt; do not'
    echo ' * edit.  What Microsoft'"'"'s C library declares beside the standard'
    echo ' * names: a section for each header, included by wscompat'"'"'s stdio.h,'
    echo ' * string.h, stdlib.h, time.h and wchar.h after the C library'"'"'s own. */'
    echo '#if __GNUC__ >= 3'
    echo '#pragma GCC system_header'
    echo '#endif'
    echo '#include <stdarg.h>'
    echo '#include <stddef.h>'
    echo '#ifndef WSC_API'
    echo '#define WSC_API __attribute__((visibility("default")))'
    echo '#endif'
    echo '#ifndef _ERRCODE_DEFINED'
    echo '#define _ERRCODE_DEFINED'
    echo 'typedef int errno_t;'
    echo '#endif'
    echo '#ifndef _TRUNCATE'
    echo '#define _TRUNCATE ((size_t)-1)'
    echo '#endif'
    echo '#ifndef _RSIZE_T_DEFINED'
    echo '#define _RSIZE_T_DEFINED'
    echo 'typedef size_t rsize_t;'
    echo '#endif'
    for h in stdio string stdlib time wchar; do
        H=$(echo "$h" | tr a-z A-Z)
        echo "#if defined(WSC_CRT_$H) && !defined(WSC_CRT_${H}_DONE_)"
        echo "#define WSC_CRT_${H}_DONE_"
        # WIN32API(ret, name, (params)) /* <h.h> ... */: the plain names,
        # then the secure ones (_s).
        for secure in 0 1; do
            [ $secure = 1 ] &&
                echo '#if !defined(__STDC_WANT_SECURE_LIB__) || __STDC_WANT_SECURE_LIB__'
            echo '#ifdef __cplusplus'
            echo 'extern "C" {'
            echo '#endif'
            grep "^WIN32API(.*/\\* .*<$h\\.h>" "$w32" |
                if [ $secure = 1 ]; then grep '^WIN32API([^,]*, [A-Za-z0-9_]*_s,'
                else grep -v '^WIN32API([^,]*, [A-Za-z0-9_]*_s,' || true; fi |
                sed -n 's/^WIN32API(\([^,]*\), \([A-Za-z0-9_]*\), \(([^)]*)\)).*/WSC_API \1 wsc_\2\3;\
#if !defined(\2) \&\& !defined(WSC_INSIDE_LIB)\
WSC_API \1 \2\3 __asm__("wsc_\2");\
#endif/p' |
                sed 's/\* wsc_/*wsc_/; s/^\(WSC_API [^(]*\)\* \([A-Za-z0-9_]*(\)/\1*\2/'
            echo '#ifdef __cplusplus'
            echo '}'
            echo '#endif'
            [ $secure = 1 ] && echo '#endif'
        done
        echo '#endif'
    done
    exit 0
fi
def=$1
w32=$2
echo '/* Generated from lib/winsock/api.def and lib/win32/api.def by'
echo ' * lib/gen-api.sh; do not edit.  Included by winsock2.h, ws2tcpip.h,'
echo ' * mswsock.h, iphlpapi.h, netioapi.h, icmpapi.h and windows.h, a section'
echo ' * each. */'
echo '#ifndef WSC_INSIDE_LIB'
echo '#include "wsc_ptr32.h"'
echo '#endif'
ptr32="$(dirname "$0")/gen-ptr32.awk"
for h in winsock2 ws2tcpip mswsock iphlpapi netioapi icmpapi; do
    H=$(echo "$h" | tr a-z A-Z)
    echo "#ifdef WSC_API_$H"
    # WINSOCK(header, ret, name, (params), (args), kind)
    sed -n "s/^WINSOCK($h, \\([^,]*\\), \\([A-Za-z0-9_]*\\), \\(([^)]*)\\),.*/WSC_API \\1 wsc_\\2\\3;/p" "$def" |
        sed 's/\* wsc_/*wsc_/'
    sed -n "s/^WINSOCK($h, [^,]*, \\([A-Za-z0-9_]*\\),.*/#define \\1 wsc_\\1/p" "$def"
    sed -n "s/^WINSOCK_ALIAS($h, \\([A-Za-z0-9_]*\\), \\([A-Za-z0-9_]*\\)).*/#define \\1 wsc_\\2/p" "$def"
    sed -n "s/^WINSOCK_AW($h, \\([A-Za-z0-9_]*\\)).*/#ifdef UNICODE\\
#define \\1 wsc_\\1W\\
#else\\
#define \\1 wsc_\\1A\\
#endif/p" "$def"
    echo '#ifndef WSC_INSIDE_LIB'
    awk -v section="$h" -f "$ptr32" "$def"
    echo '#endif'
    echo "#endif"
done
echo "#ifdef WSC_API_WINDOWS"
# WIN32API(ret, name, (params)), those not tagged with a C library header
# (--crt above declares those).
grep -v '^WIN32API(.*/\* <' "$w32" |
    sed -n 's/^WIN32API(\([^,]*\), \([A-Za-z0-9_]*\), \(([^)]*)\)).*/WSC_API \1 wsc_\2\3;/p' |
    sed 's/\* wsc_/*wsc_/'
grep -v '^WIN32API(.*/\* <' "$w32" |
    sed -n 's/^WIN32API([^,]*, \([A-Za-z0-9_]*\),.*/#define \1 wsc_\1/p'
echo "#ifdef UNICODE"
sed -n 's/^WIN32API_TCHAR(\([A-Za-z0-9_]*\)).*/#define \1 \1W/p' "$w32"
echo "#else"
sed -n 's/^WIN32API_TCHAR(\([A-Za-z0-9_]*\)).*/#define \1 \1A/p' "$w32"
echo "#endif"
echo '#ifndef WSC_INSIDE_LIB'
awk -v section=windows -f "$ptr32" "$w32"
echo '#endif'
echo "#endif"
