#!/bin/sh
# Only the documented API is exported.  libwscompat.so (and .a): wsc_
# names of the public headers only, every function of lib/winsock/api.def and lib/win32/api.def and
# every WSC_API declaration among them; libwscompat-preload.so: exactly
# the TAKEN names of lib/os/calls.def; libwscompat-wrap.a: exactly their __wrap_
# names.  Internal ws_, ip_ and wsc_ names must not be visible to a
# program (a ws_connect of its own would be called instead).
set -u
b=$top_builddir s=$top_srcdir
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() { echo "$1 $2"; [ "$1" = ok ] || fail=1; }

# The defined dynamic symbols of a shared library, the defined extern
# symbols of an archive's objects.
dyn() { nm -D --defined-only "$1" | awk '{ print $NF }' | sort -u; }
ext() { nm -g --defined-only -P "$1" | awk 'NF >= 3 && $2 ~ /^[A-Za-z]$/ { print $1 }' | sort -u; }

# compare NAME GOT ALLOWED [REQUIRED]: GOT within ALLOWED, REQUIRED within GOT.
compare() {
    extra=$(comm -23 "$2" "$3")
    missing=$(comm -13 "$2" "${4:-/dev/null}")
    if [ -z "$extra$missing" ]; then
        say ok "$1: $(wc -l < "$2") symbols"
    else
        say FAIL "$1"
        [ -z "$extra" ] || echo "  not public: $(echo $extra)"
        [ -z "$missing" ] || echo "  missing: $(echo $missing)"
    fi
}

sed -n 's/^WINSOCK([^,]*, [^,]*, *\([A-Za-z0-9_]*\),.*/wsc_\1/p' "$s/lib/winsock/api.def" "$s/lib/win32/api.def" |
    sort -u > "$tmp/api"
sed -n 's/.*\bWSC_API\b.*\b\(wsc_[A-Za-z0-9_]*\) *(.*/\1/p' "$s"/include/wscompat/*.h |
    sort -u | sort -u - "$tmp/api" > "$tmp/required"
grep -oh '\bwsc_[A-Za-z0-9_]*' "$s"/include/wscompat/*.h "$b"/include/wscompat/*.h |
    sort -u > "$tmp/public"
sh "$s/lib/gen-interpose.sh" names "$s/lib/os/calls.def" | sort -u > "$tmp/interposed"
sed 's/^/__wrap_/' "$tmp/interposed" | sort -u > "$tmp/wrapped"

if [ "$(wc -l < "$tmp/api")" -lt 20 ] || [ "$(wc -l < "$tmp/interposed")" -lt 20 ]; then
    say FAIL "the lists could not be read"
fi
if [ -f "$b/.libs/libwscompat.so" ]; then
    dyn "$b/.libs/libwscompat.so" > "$tmp/so"
    compare libwscompat.so "$tmp/so" "$tmp/public" "$tmp/required"
    dyn "$b/.libs/libwscompat-preload.so" > "$tmp/preload"
    compare libwscompat-preload.so "$tmp/preload" "$tmp/interposed" "$tmp/interposed"
fi
if [ -f "$b/.libs/libwscompat.a" ]; then
    ext "$b/.libs/libwscompat.a" > "$tmp/a"
    compare libwscompat.a "$tmp/a" "$tmp/public" "$tmp/required"
fi
ext "$b/.libs/libwscompat-wrap.a" > "$tmp/wrap"
compare libwscompat-wrap.a "$tmp/wrap" "$tmp/wrapped" "$tmp/wrapped"
exit $fail
