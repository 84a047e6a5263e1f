#!/bin/sh
# wsaerr: the same error by number, Windows name and errno name; the list;
# an unknown name fails with status 1.
set -u
w=$top_builddir/tools/wsaerr
want='10054 WSAECONNRESET (errno ECONNRESET): An existing connection was forcibly closed by the remote host.'
fail=0
for arg in 10054 WSAECONNRESET wsaeconnreset ECONNRESET; do
    got=$("$w" "$arg")
    [ "$got" = "$want" ] || { echo "FAIL wsaerr $arg: $got"; fail=1; }
done
got=$("$w" 10053 10004)
[ "$got" = '10053 WSAECONNABORTED (errno ECONNABORTED): An established connection was aborted by the software in your host machine.
10004 WSAEINTR (errno EINTR): A blocking operation was interrupted by a call to WSACancelBlockingCall.' ] ||
    { echo "FAIL two at once: $got"; fail=1; }
n=$("$w" --list | wc -l)
m=$(grep -c '^WSC_ERROR' "$top_srcdir/lib/engine/wsa_errors.def")
[ "$n" -eq "$m" ] || { echo "FAIL --list has $n lines, the table $m"; fail=1; }
"$w" NOSUCHERROR 2>/dev/null
[ $? -eq 1 ] || { echo "FAIL an unknown name must exit 1"; fail=1; }
[ $fail -eq 0 ] && echo "ok wsaerr"
exit $fail
