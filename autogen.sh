#!/bin/sh
# Generates ./configure from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
mkdir -p m4
sh compat_tests/gen-scenarios.sh compat_tests > compat_tests/scenarios.mk
autoreconf --install --force
