#!/bin/sh
# Writes the public header of WSA error numbers from lib/engine/wsa_errors.def,
# so the numbers are typed once.  Usage: gen-errors.sh wsa_errors.def > out.h
set -e
echo '/* Generated from lib/engine/wsa_errors.def by lib/gen-errors.sh; do not edit. */'
echo '#ifndef WSCOMPAT_WSAERRORS_H'
echo '#define WSCOMPAT_WSAERRORS_H'
sed -n 's/^WSC_ERROR(\([0-9]*\), *\([A-Z_]*\),.*/#undef \2\n#define \2 \1/p' "$1"
echo '#endif'
