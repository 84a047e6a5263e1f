#!/bin/sh
# make check: every corpus program built unchanged against wscompat (gcc
# for C, g++ for C++) and run over loopback, servers with their clients.
OUT=$top_builddir/corpus-out exec sh "$top_srcdir/corpus/run.sh" linux
