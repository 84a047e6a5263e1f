#!/bin/sh
# WSCOMPAT_TRACE: the lines for the source API (trace_app), for a ported
# program under wscompat-run and linked with --wrap (ported_app), to
# standard error and to a file; none when it is off or for non-sockets;
# the source API's alone when its program runs under wscompat-run.
set -u
b=$top_builddir
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { echo "$1 $2"; [ "$1" = ok ] || fail=1; }

# Without the pid.tid prefix, addresses as ADDR.
normal() {
    sed -n 's/^wscompat [0-9]*\.[0-9]*: //p' "$1" | sed 's/0x[0-9a-f]*/ADDR/g'
}

# The lines trace_app must give, for the handle it printed.
want_for() {
    s=$(sed -n 's/^socket=//p' "$1")
    cat <<WANT
WSAStartup(514, ADDR) = 0
socket(2, 1, 0) = $s
recv($s, ADDR, 4, 0) = -1 WSAENOTCONN
setsockopt($s, 65535, 30583, ADDR, 4) = -1 WSAENOPROTOOPT
closesocket($s) = 0
closesocket($s) = -1 WSAENOTSOCK
getaddrinfo(ADDR, ADDR, NULL, ADDR) = 0
WSACleanup() = 0
WANT
}

# 1. The source API, to standard error.
WSCOMPAT_TRACE=1 timeout 30 "$b/unit_tests/trace_app" > "$tmp/out" 2> "$tmp/err"
want_for "$tmp/out" > "$tmp/want"
normal "$tmp/err" > "$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then say ok "source API to stderr"
else say FAIL "source API to stderr"; diff "$tmp/want" "$tmp/got"; fi

# 2. To a file, appended, and nothing on standard error.
echo "earlier line" > "$tmp/file"
WSCOMPAT_TRACE=$tmp/file timeout 30 "$b/unit_tests/trace_app" > "$tmp/out" 2> "$tmp/err"
want_for "$tmp/out" > "$tmp/want"
normal "$tmp/file" > "$tmp/got"
if cmp -s "$tmp/want" "$tmp/got" && [ ! -s "$tmp/err" ] &&
   [ "$(head -1 "$tmp/file")" = "earlier line" ]; then say ok "source API to a file"
else say FAIL "source API to a file"; diff "$tmp/want" "$tmp/got"; cat "$tmp/err"; fi

# 3. Off: unset, empty or 0.
for v in unset "" 0; do
    if [ "$v" = unset ]; then
        env -u WSCOMPAT_TRACE timeout 30 "$b/unit_tests/trace_app" > /dev/null 2> "$tmp/err"
    else
        WSCOMPAT_TRACE=$v timeout 30 "$b/unit_tests/trace_app" > /dev/null 2> "$tmp/err"
    fi
    if [ -s "$tmp/err" ]; then say FAIL "off ($v)"; cat "$tmp/err"; else say ok "off ($v)"; fi
done

# 4. A file that cannot be opened: one message, the program runs on.
WSCOMPAT_TRACE=$tmp/no/such/dir timeout 30 "$b/unit_tests/trace_app" > "$tmp/out" 2> "$tmp/err"
if [ $? -eq 0 ] && grep -q "cannot open" "$tmp/err" && [ "$(wc -l < "$tmp/err")" -eq 1 ]
then say ok "unopenable file"; else say FAIL "unopenable file"; cat "$tmp/err"; fi

# 5. The interposer: Windows names, errno with its WSA code, sockets only.
check_ported() {
    name=$1
    shift
    WSCOMPAT_TRACE=$tmp/$name.trace timeout 30 "$@" > "$tmp/out" 2>&1
    normal "$tmp/$name.trace" > "$tmp/got"
    for want in \
        'socket(2, 1, 0) = ' \
        'closesocket \[close\]([0-9]*) = 0$' \
        'recv \[__recv_chk\]([0-9]*, ADDR, 64, 64, 0) = -1 ECONNABORTED (WSAECONNABORTED)$' \
        'recv \[__read_chk\]([0-9]*, ADDR, 64, 64) = -1 ECONNABORTED (WSAECONNABORTED)$' \
        '^send([0-9]*, ADDR, 1, 0) = -1 ESHUTDOWN (WSAESHUTDOWN)$' \
        'WSAPoll \[[_a-z]*poll[_a-z]*\](ADDR, 1, 2000[, 0-9]*) = 1$'; do
        if ! grep -q "$want" "$tmp/got"; then
            say FAIL "$name: no line like $want"; cat "$tmp/got"; return
        fi
    done
    # stdout is a pipe: its writes are not socket calls.
    if grep -q '(1,' "$tmp/got"; then say FAIL "$name: traced a non-socket"
    else say ok "$name"; fi
}
if grep -q '^build_libtool_libs=yes' "$b/libtool"; then
    check_ported wscompat-run "$b/tools/wscompat-run" \
        --lib="$b/.libs/libwscompat-preload.so" "$b/unit_tests/ported_app"
fi
check_ported wrap "$b/unit_tests/ported_app_wrap"

# 6. A program linked with the source API's shared library, under
# wscompat-run: the interposer stays off, and only the program's own
# calls are traced (each socket call once).
if grep -q '^build_libtool_libs=yes' "$b/libtool"; then
    WSCOMPAT_TRACE=1 timeout 30 "$b/tools/wscompat-run" \
        --lib="$b/.libs/libwscompat-preload.so" "$b/unit_tests/trace_app" \
        > "$tmp/out" 2> "$tmp/err"
    want_for "$tmp/out" > "$tmp/want"
    normal "$tmp/err" > "$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then say ok "source API under wscompat-run"
    else say FAIL "source API under wscompat-run"; diff "$tmp/want" "$tmp/got"; fi
fi

exit $fail
