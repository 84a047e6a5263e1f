#!/bin/sh
# Builds the Windows echo server and client through pkg-config, exactly as
# a user would, and runs them against each other on loopback.
set -e
cd "$(dirname "$0")"
out=${DEMO_OUT:-./demo-bin}
mkdir -p "$out"
for p in echo_server echo_client close_winsock; do
    cc -Wall -o "$out/$p" "$p.c" $(pkg-config --cflags --libs wscompat)
done
cc -Wall -pthread -o "$out/close_posix" close_posix.c
port=$((20000 + $$ % 20000))
"$out/echo_server" "$port" > "$out/server.log" 2>&1 &
server=$!
# The server prints its first line once it listens.
i=0
until grep -q listening "$out/server.log" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 500 ] || { echo "server did not start"; exit 1; }
    sleep 0.01
done
timeout 10 "$out/echo_client" "$port"
wait $server
cat "$out/server.log"

echo
echo "closesocket while another thread is blocked in recv, side by side:"
"$out/close_winsock"
"$out/close_posix"

echo
echo "A program ported to POSIX names (examples/ported_app.c), three ways:"
cc -Wall -O2 -D_FORTIFY_SOURCE=2 -pthread -o "$out/ported_app" ported_app.c
cc -Wall -O2 -D_FORTIFY_SOURCE=2 -pthread -o "$out/ported_app_wrap" \
    ported_app.c $(pkg-config --libs wscompat-wrap)
echo "-- plain Linux (the last send dies of SIGPIPE):"
timeout 20 "$out/ported_app" || echo "(exit status $?)"
echo "-- under wscompat-run:"
timeout 20 wscompat-run "$out/ported_app"
echo "-- linked with \$(pkg-config --libs wscompat-wrap):"
timeout 20 "$out/ported_app_wrap"

echo
echo "WSCOMPAT_TRACE=1: every socket call with its Windows name and code:"
WSCOMPAT_TRACE=1 timeout 10 "$out/close_winsock" 2>&1 >/dev/null | head -8
echo "-- and through wscompat-run --trace (the first lines):"
timeout 20 wscompat-run --trace "$out/ported_app" 2>&1 >/dev/null | head -6
echo
echo "wsaerr, the table of Windows error codes:"
wsaerr 10053
wsaerr ECONNRESET
