#!/bin/sh
# The link command of a libtool library whose static archive must not
# show its internal names to a program: runs the libtool link, then makes
# the archive one relocatable object (ld -r) in which OBJCOPY-OPTION
# leaves global only what the program may call.
#   localize.sh OBJCOPY-OPTION LIBTOOL-LINK-COMMAND... -o LIB.la ...
# LD, OBJCOPY, AR and RANLIB come from the environment (configure's).
set -ef
keep=$1
shift
"$@"
out=
prev=
for arg; do
    [ "$prev" = -o ] && out=$arg
    prev=$arg
done
old=$(sed -n "s/^old_library='\(.*\)'$/\1/p" "$out")
[ -n "$old" ] || exit 0 # no static archive built
lib=$(dirname "$out")/.libs/$old
obj=$(dirname "$out")/.libs/${old%.a}.o
$LD -r -o "$obj" --whole-archive "$lib"
$OBJCOPY $keep "$obj"
rm -f "$lib"
$AR cr "$lib" "$obj"
$RANLIB "$lib"
rm -f "$obj"
