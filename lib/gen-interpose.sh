#!/bin/sh
# Derive from lib/os/calls.def, the one list of libc calls, the ones the
# interposer takes over (TAKEN and HOT):
#   gen-interpose.sh names  DEF   one name per line
#   gen-interpose.sh wrap   DEF   the -Wl,--wrap= flags, on one line
#   gen-interpose.sh export DEF   a linker version script exporting them
set -e
mode=$1 def=$2
names=$(sed -n '/, \(TAKEN\|HOT\), [A-Za-z0-9_]*, [A-Z_]*)$/s/^OS_CALL([^,]*, *\([A-Za-z0-9_]*\),.*/\1/p' "$def")
case $mode in
names) printf '%s\n' $names ;;
wrap) printf -- '-Wl,--wrap=%s ' $names | sed 's/ $//'; echo ;;
export)
    echo '{ global:'
    printf '  %s;\n' $names
    echo '  local: *; };' ;;
*) echo "usage: $0 names|wrap|export FILE" >&2; exit 2 ;;
esac
