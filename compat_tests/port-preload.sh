#!/bin/sh
# The ported scenarios under wscompat-run (the LD_PRELOAD way in).
# A build without shared libraries (configure --disable-shared, as the
# sanitizer builds do) has no preload library to test.
if "$top_builddir/libtool" --config | grep -q '^build_libtool_libs=no'; then
    echo "SKIP: no shared libraries in this build"; exit 77
fi
exec env WSCOMPAT_PRELOAD_LIB="$top_builddir/.libs/libwscompat-preload.so" \
    "$top_builddir/tools/wscompat-run" "$top_builddir/compat_tests/port_check"
