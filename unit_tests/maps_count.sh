#!/bin/sh
# The mappings wscompat-run adds to a process with a socket: the preload
# library's code, its relocated part, its data, and the socket table.
# Each mapping is one more that every fork copies (the fork-per-connection
# benchmark pays for each); a count does not depend on the machine's
# load, so the bound is fixed.  The library is linked without a separate
# code segment, and it allocates nothing at start (no heap).
set -u
b=$top_builddir
BOUND=4
if "$b/libtool" --config | grep -q '^build_libtool_libs=no'; then
    echo "SKIP: no shared libraries in this build"; exit 77
fi
plain=$(timeout 30 "$b/unit_tests/maps_count") || { echo "FAIL: maps_count"; exit 1; }
run=$(timeout 30 "$b/tools/wscompat-run" --lib="$b/.libs/libwscompat-preload.so" \
    "$b/unit_tests/maps_count") || { echo "FAIL: maps_count under wscompat-run"; exit 1; }
echo "mappings: plain $plain, under wscompat-run $run (bound: plain + $BOUND)"
[ "$run" -le $((plain + BOUND)) ] || { echo "FAIL: $((run - plain)) mappings added"; exit 1; }
