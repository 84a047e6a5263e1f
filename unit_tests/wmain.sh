#!/bin/sh
# wmain (a UNICODE _tmain) gets its arguments converted, and wide printf
# reads formats the Microsoft way.
set -u
out=$(LC_ALL=C.UTF-8 "$top_builddir/unit_tests/wmain_app" 'héllo' 'two words') || { echo "FAIL: exit $?"; exit 1; }
expected='argc=3
[héllo] len=5
[two words] len=9
narrow|w|n|h|l|w|1099511627776
narrow printf after wide: ok
wprintf too'
if [ "$out" = "$expected" ]; then
    echo "ok wmain"
else
    echo "FAIL wmain; got:"; echo "$out"
    exit 1
fi
