#!/bin/sh
# Real programs keep working under wscompat-run: socat as an echo server
# and client, python3's http.server with curl fetching a file from it.
# Loopback only; every step bounded in time.  Skips (77) when one of the
# programs is not installed.
set -u
# A build without shared libraries (configure --disable-shared, as the
# sanitizer builds do) has no preload library to test.
if "$top_builddir/libtool" --config | grep -q '^build_libtool_libs=no'; then
    echo "SKIP: no shared libraries in this build"; exit 77
fi
b=$top_builddir
WSCOMPAT_PRELOAD_LIB="$b/.libs/libwscompat-preload.so"
export WSCOMPAT_PRELOAD_LIB
run="$b/tools/wscompat-run"  # it execs the program: same process id
for p in socat curl python3 cmp; do
    command -v $p >/dev/null 2>&1 || { echo "SKIP: $p not installed"; exit 77; }
done
dir=$(mktemp -d)
pids=
cleanup() { [ -n "$pids" ] && kill $pids 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
fail=0

# A free loopback port, from the kernel.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Wait (10 s at most) until something listens on the port.
wait_port() {
    i=0
    while ! socat -u /dev/null TCP:127.0.0.1:$1 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 100 ] && return 1
        sleep 0.1
    done
}

# The preload library must be mapped in the process, or the test proves
# nothing.
preloaded() {
    grep -q libwscompat-preload "/proc/$1/maps" 2>/dev/null
}

# 1. socat: an echo server (PIPE) and a client, both under wscompat-run.
port=$(free_port)
"$run" socat TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr PIPE &
pids="$pids $!"
server=$!
if wait_port $port && preloaded $server; then
    head -c 200000 /dev/urandom > "$dir/in"
    timeout 20 "$run" socat -t 2 - TCP:127.0.0.1:$port \
        < "$dir/in" > "$dir/out"
    if cmp -s "$dir/in" "$dir/out"; then echo "ok socat echo (200000 bytes)"
    else echo "FAIL socat echo: $(wc -c < "$dir/out") bytes came back"; fail=1; fi
else
    echo "FAIL socat server did not start under wscompat-run"; fail=1
fi

# 2. python3 -m http.server, fetched with curl, both under wscompat-run.
port=$(free_port)
mkdir "$dir/www"
head -c 1048576 /dev/urandom > "$dir/www/blob"
(cd "$dir/www" && exec "$run" python3 -m http.server $port --bind 127.0.0.1) \
    > "$dir/http.log" 2>&1 &
pids="$pids $!"
server=$!
if wait_port $port && preloaded $server; then
    for i in 1 2 3; do
        timeout 20 "$run" curl -sS -o "$dir/got" http://127.0.0.1:$port/blob
        if cmp -s "$dir/www/blob" "$dir/got"; then echo "ok curl from http.server, round $i (1 MiB)"
        else echo "FAIL curl from http.server, round $i"; fail=1; fi
    done
else
    echo "FAIL http.server did not start under wscompat-run"; cat "$dir/http.log"; fail=1
fi
exit $fail
