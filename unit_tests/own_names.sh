#!/bin/sh
# own_names: a program's functions named like wscompat's internals do not
# replace them, through the source API, under wscompat-run and with --wrap.
set -u
b=$top_builddir
fail=0
want='connect=0
send_after_shutdown=WSAESHUTDOWN
closesocket=0
own_called_by_wscompat=0
own_called_by_program=10'

check() {
    name=$1
    shift
    got=$(timeout 30 "$@" 2>&1)
    status=$?
    if [ "$got" = "$want" ] && [ $status -eq 0 ]; then
        echo "ok $name"
    else
        echo "FAIL $name (status $status):"
        echo "$got"
        fail=1
    fi
}

check "source API" "$b/unit_tests/own_names"
if grep -q '^build_libtool_libs=yes' "$b/libtool"; then
    check wscompat-run "$b/tools/wscompat-run" \
        --lib="$b/.libs/libwscompat-preload.so" "$b/unit_tests/own_names_port"
fi
check wrap "$b/unit_tests/own_names_wrap"
exit $fail
