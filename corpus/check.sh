#!/bin/sh
# make check: every corpus program built unchanged against wscompat (gcc
# for C, g++ for C++) and run over loopback, servers with their clients.
# Under ThreadSanitizer the corpus's own volatile counters are suppressed
# (corpus/tsan.supp): races in wscompat are still reported.
TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS }suppressions=$top_srcdir/corpus/tsan.supp"
export TSAN_OPTIONS
OUT=$top_builddir/corpus-out exec sh "$top_srcdir/corpus/run.sh" linux
