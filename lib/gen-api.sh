#!/bin/sh
# Writes wsc_api.h, the prototypes and redirections of the public Winsock
# API, from lib/winsock/api.def, the one list of it.  winsock2.h and
# ws2tcpip.h include it once each, with WSC_API_WINSOCK2 or
# WSC_API_WS2TCPIP defined, after the types it names.
#   gen-api.sh lib/winsock/api.def > include/wscompat/wsc_api.h
set -e
def=$1
echo '/* Generated from lib/winsock/api.def by lib/gen-api.sh; do not edit.'
echo ' * Included by winsock2.h and ws2tcpip.h, a section each. */'
for h in winsock2 ws2tcpip; do
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
