#!/bin/sh
# The ported scenarios plain, without wscompat: the control.  The rows
# marked "@control" in port/expected-posix.txt must show Linux's behavior.
if [ "${WSC_SANITIZER:-}" = thread ]; then
    echo "SKIP: the control closes descriptors in use on purpose (a race by design)"
    exit 77
fi
CT_CONTROL=1 exec "$top_builddir/compat_tests/port_check"
