#!/bin/sh
# The ported program (examples/ported_app.c, built with _FORTIFY_SOURCE) three ways:
# plain it shows Linux's behavior; under wscompat-run and linked with
# wscompat-wrap it shows Windows'.  Every run is bounded in time.
set -u
b=$top_builddir
fail=0

windows='close_during_recv=ECONNABORTED
woken_within_100ms=yes
peer_after_close=ECONNRESET
shutdown_rd=0
peer_send=4
peer_after_shutdown_rd=ECONNRESET
read_after_shutdown_rd=ECONNABORTED
shutdown_wr=0
send_after_shutdown_wr=ESHUTDOWN
end=reached'
# Plain Linux: close leaves the recv blocked and sends nothing, SHUT_RD
# lets the data in, and send after SHUT_WR dies of SIGPIPE (status 141).
linux='close_during_recv=still-blocked
peer_after_close=nothing
shutdown_rd=0
peer_send=4
peer_after_shutdown_rd=nothing
read_after_shutdown_rd=4
shutdown_wr=0'

check() {
    name=$1 want=$2 want_status=$3
    shift 3
    got=$(timeout 30 "$@" 2>&1)
    status=$?
    if [ "$got" != "$want" ] || [ $status -ne "$want_status" ]; then
        echo "FAIL $name (status $status, expected $want_status)"
        printf 'expected:\n%s\ngot:\n%s\n' "$want" "$got"
        fail=1
    else
        echo "ok $name"
    fi
}

for app in "$b/unit_tests/ported_app" "$b/unit_tests/ported_app_wrap"; do
    if ! nm "$app" | grep -q '__recv_chk'; then
        echo "FAIL $app does not call __recv_chk: not fortified"
        fail=1
    fi
done
# Plain, the program closes a descriptor another thread is in: a race by
# design, which ThreadSanitizer would report; not run under it.
if [ "${WSC_SANITIZER:-}" != thread ]; then
    check plain "$linux" 141 "$b/unit_tests/ported_app"
fi
check wrap "$windows" 0 "$b/unit_tests/ported_app_wrap"
# The preload library exists only in a build with shared libraries.
if "$b/libtool" --config | grep -q '^build_libtool_libs=yes'; then
    check wscompat-run "$windows" 0 env \
        WSCOMPAT_PRELOAD_LIB="$b/.libs/libwscompat-preload.so" \
        "$b/tools/wscompat-run" "$b/unit_tests/ported_app"
    [ "${WSC_SANITIZER:-}" = thread ] ||
    check wscompat-run-disabled "$linux" 141 env \
        WSCOMPAT_PRELOAD_LIB="$b/.libs/libwscompat-preload.so" \
        "$b/tools/wscompat-run" --disable "$b/unit_tests/ported_app"
    # Binding at start unless told otherwise or already chosen.
    run="env WSCOMPAT_PRELOAD_LIB=$b/.libs/libwscompat-preload.so $b/tools/wscompat-run"
    check bind-now "LD_BIND_NOW=1" 0 env -u LD_BIND_NOW $run \
        sh -c 'echo "LD_BIND_NOW=${LD_BIND_NOW-unset}"'
    check lazy-bind "LD_BIND_NOW=unset" 0 env -u LD_BIND_NOW $run --lazy-bind \
        sh -c 'echo "LD_BIND_NOW=${LD_BIND_NOW-unset}"'
    check bind-kept "LD_BIND_NOW=" 0 env LD_BIND_NOW= $run \
        sh -c 'echo "LD_BIND_NOW=${LD_BIND_NOW-unset}"'
fi
exit $fail
