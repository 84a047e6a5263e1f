#!/bin/sh
# make check: replay each fuzz target's committed corpus, reproducers
# included, through the library built without libFuzzer.
set -e
for t in opt select addr wsabuf posix; do
    "$top_builddir/fuzz/replay_$t" "$top_srcdir/fuzz/corpus/$t"
done
