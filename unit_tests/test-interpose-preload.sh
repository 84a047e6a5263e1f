#!/bin/sh
# The interposer's lifecycle tests under wscompat-run (LD_PRELOAD).
exec env WSCOMPAT_PRELOAD_LIB="$top_builddir/.libs/libwscompat-preload.so" \
    "$top_builddir/tools/wscompat-run" "$top_builddir/unit_tests/test_interpose"
