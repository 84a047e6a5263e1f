#!/bin/sh
# The ported scenarios plain, without wscompat: the control.  The rows
# marked "@control" in port/expected-posix.txt must show Linux's behavior.
# Where Linux hangs, a scenario waits out its own deadline (2 to 6 s), so
# the scenarios run at once, one process each, rather than one by one.
if [ "${WSC_SANITIZER:-}" = thread ]; then
    echo "SKIP: the control closes descriptors in use on purpose (a race by design)"
    exit 77
fi
ids=$(sed -n 's/^SCENARIO(\([A-Za-z0-9_]*\)).*/\1/p' "$top_srcdir/compat_tests/port_scenarios.def")
[ -n "$ids" ] || { echo "no scenarios in port_scenarios.def"; exit 99; }
out=$top_builddir/compat_tests/port-control.out
rm -rf "$out" && mkdir -p "$out"
for id in $ids; do
    CT_CONTROL=1 CK_RUN_CASE=$id "$top_builddir/compat_tests/port_check" \
        > "$out/$id.log" 2>&1 &
    echo "$! $id" >> "$out/pids"
done
fail=0
while read -r pid id; do
    if wait "$pid" && grep -q '^100%: Checks: 1,' "$out/$id.log"; then
        echo "PASS $id"
    else
        echo "FAIL $id:"; sed 's/^/  /' "$out/$id.log"
        fail=1
    fi
done < "$out/pids"
exit $fail
