#!/bin/sh
# Writes wsc_api.h, the prototypes and redirections of the public Winsock
# API and of the Win32 baseline, from lib/winsock/api.def and
# lib/win32/api.def, the one list of each.  winsock2.h, ws2tcpip.h,
# mswsock.h and windows.h include it once each, with WSC_API_WINSOCK2,
# WSC_API_WS2TCPIP, WSC_API_MSWSOCK or WSC_API_WINDOWS defined, after the
# types it names.
#   gen-api.sh lib/winsock/api.def lib/win32/api.def > include/wscompat/wsc_api.h
set -e
def=$1
w32=$2
echo '/* Generated from lib/winsock/api.def and lib/win32/api.def by'
echo ' * lib/gen-api.sh; do not edit.  Included by winsock2.h, ws2tcpip.h and'
echo ' * windows.h, a section each. */'
for h in winsock2 ws2tcpip mswsock; do
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
    echo "#endif"
done
echo "#ifdef WSC_API_WINDOWS"
# WIN32API(ret, name, (params))
sed -n 's/^WIN32API(\([^,]*\), \([A-Za-z0-9_]*\), \(([^)]*)\)).*/WSC_API \1 wsc_\2\3;/p' "$w32" |
    sed 's/\* wsc_/*wsc_/'
sed -n 's/^WIN32API([^,]*, \([A-Za-z0-9_]*\),.*/#define \1 wsc_\1/p' "$w32"
echo "#ifdef UNICODE"
sed -n 's/^WIN32API_TCHAR(\([A-Za-z0-9_]*\)).*/#define \1 \1W/p' "$w32"
echo "#else"
sed -n 's/^WIN32API_TCHAR(\([A-Za-z0-9_]*\)).*/#define \1 \1A/p' "$w32"
echo "#endif"
echo "#endif"
