#!/bin/sh
# The ported scenarios under wscompat-run (the LD_PRELOAD way in).
exec env WSCOMPAT_PRELOAD_LIB="$top_builddir/.libs/libwscompat-preload.so" \
    "$top_builddir/tools/wscompat-run" "$top_builddir/compat_tests/port_check"
