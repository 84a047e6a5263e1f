#!/bin/sh
# The interposer's tests as ported programs under wscompat-run
# (LD_PRELOAD): the descriptor lifecycle and the handle races, or the
# programs named as arguments.  A build without shared libraries
# (configure --disable-shared, as the sanitizer builds do) has no preload
# library to test.
if "$top_builddir/libtool" --config | grep -q '^build_libtool_libs=no'; then
    echo "SKIP: no shared libraries in this build"; exit 77
fi
[ $# -gt 0 ] || set -- test_interpose test_handles_port
for prog in "$@"; do
    env WSCOMPAT_PRELOAD_LIB="$top_builddir/.libs/libwscompat-preload.so" \
        "$top_builddir/tools/wscompat-run" "$top_builddir/unit_tests/$prog" ||
        exit 1
done
