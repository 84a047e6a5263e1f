#!/bin/sh
# The ported scenarios plain, without wscompat: the control.  The rows
# marked "@control" in port/expected-posix.txt must show Linux's behavior.
CT_CONTROL=1 exec "$top_builddir/compat_tests/port_check"
