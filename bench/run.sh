#!/bin/sh
# make bench: every column of the benchmark in one run, then the table of
# ratios to raw Linux and the plot.  Usage: run.sh SRCDIR BUILDDIR [quick]
#   raw          plain POSIX calls (bench_raw: close wake by shutdown)
#   wscompat     the Winsock source API (bench_wsc)
#   wscompat-run the ported build under the preload library (bench_port)
#   --wrap       the ported build linked with --wrap (bench_port_wrap)
#   Wine         the mingw-w64 build under Wine (bench.exe), if installed
# The method (bench/RESULTS.md): the Linux columns run in rounds (7;
# quick: 1), one run of each column per round, in the opposite order
# every other round, so that a change in the machine's load falls on
# every column alike; report.py takes each column's ratio to raw within
# a round and reports the median ratio and its range.  What measures a
# per-call cost runs pinned to one CPU (taskset), both threads of a
# ping-pong on it; the ping-pong across CPUs, which is bimodal on shared
# machines, is a row of its own.  The fork-per-connection server
# (forkserv) runs in the same rounds.  report.py exits 1 when a target
# is missed by more than the run's own spread, which fails make bench.
set -eu
src=$1 b=$2 mode=${3:-}
out=$b/bench-out
rm -rf "$out" && mkdir -p "$out"
rounds=${BENCH_ROUNDS:-7}
[ "$mode" = quick ] && rounds=1
preload="$b/.libs/libwscompat-preload.so"
pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c 0"
echo "pinned: ${pin:-no (taskset missing)}" > "$out/method"
echo "rounds: $rounds" >> "$out/method"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) CPUs" >> "$out/method"

# run_col NAME PROGRAM...: one pinned run of every test, then one of
# ping-pong across CPUs (renamed), appended to NAME's file.
run_col() {
    name=$1
    shift
    $pin "$@" $mode >> "$out/$name" || { echo "bench: $name failed" >&2; exit 1; }
    "$@" $mode pingpong | sed 's/^tcp_pingpong_64B /tcp_pingpong_64B_xcpu /' \
        >> "$out/$name" || { echo "bench: $name failed" >&2; exit 1; }
}
run_fork() {
    name=$1
    shift
    $pin "$@" $mode >> "$out/$name" || { echo "bench: $name fork failed" >&2; exit 1; }
}
col() {
    case $1 in
    raw) run_col raw "$b/bench/bench_raw"; run_fork raw "$b/bench/forkserv" ;;
    wscompat) run_col wscompat "$b/bench/bench_wsc" ;;
    wscompat-run)
        [ -f "$preload" ] || return 0
        run_col wscompat-run env WSCOMPAT_PRELOAD_LIB="$preload" \
            "$b/tools/wscompat-run" "$b/bench/bench_port"
        run_fork wscompat-run env WSCOMPAT_PRELOAD_LIB="$preload" \
            "$b/tools/wscompat-run" "$b/bench/forkserv" ;;
    wrap) run_col wrap "$b/bench/bench_port_wrap"
          run_fork wrap "$b/bench/forkserv_wrap" ;;
    esac
}

i=0
while [ $i -lt $rounds ]; do
    i=$((i + 1))
    if [ $((i % 2)) -eq 1 ]; then order="raw wscompat wscompat-run wrap"
    else order="wrap wscompat-run wscompat raw"; fi
    echo "bench: round $i of $rounds: $order" >&2
    for c in $order; do
        echo "round $i" >> "$out/$c"
        col "$c"
    done
done
# Wine is far from the targets; one run tells enough, after one to warm
# it up (a cold wineserver starting reads 100 times slower); unpinned, as
# wineserver is a process of its own.
if [ -f "$b/bench/bench.exe" ] && command -v wine >/dev/null 2>&1; then
    echo "bench: Wine (warming up, then one run)" >&2
    export WINEPREFIX=$b/wineprefix WINEDEBUG=-all DISPLAY=
    wine "$b/bench/bench.exe" quick pingpong < /dev/null > /dev/null 2>&1 || :
    echo "round 1" > "$out/wine"
    wine "$b/bench/bench.exe" $mode < /dev/null 2>/dev/null | tr -d '\r' >> "$out/wine"
fi

# The asynchronous servers (issue 16): the IOCP echo server against an
# epoll one and the WSAEventSelect server against a poll one, in rounds
# within one program that prints each pair's median ratio; then the same
# Windows servers built with mingw-w64 under Wine, against which the IOCP
# server should be at least 10 times faster.
if [ -x "$b/bench/async_bench" ]; then
    echo "bench: asynchronous servers" >&2
    "$b/bench/async_bench" $mode > "$out/async" || { echo "bench: async_bench failed" >&2; exit 1; }
    if [ -f "$b/bench/async.exe" ] && command -v wine >/dev/null 2>&1; then
        wine "$b/bench/async.exe" < /dev/null 2>/dev/null | tr -d '\r' > "$out/async_wine" || :
        awk 'FNR == NR && /^iocp_echo/ { w = $3 }
             FNR != NR && /^async_iocp_msgs_per_s/ { x = $2 }
             END { if (w && x) printf "iocp_echo_vs_wine  wscompat %.0f msg/s  Wine %.0f msg/s  ratio %.1f  target >= 10\n", w, x, w / x }' \
            "$out/async" "$out/async_wine" >> "$out/async"
    fi
    cat "$out/async"
fi

# Instruction counts on the fast path: the same loop, raw and each way in.
if command -v valgrind >/dev/null 2>&1; then
    echo "bench: callgrind" >&2
    cg() {
        v=$1
        shift
        env "$@" valgrind --tool=callgrind --toggle-collect=hot_loop \
            --callgrind-out-file="$out/cg.$v" "$b/bench/fastpath_$prog" \
            > /dev/null 2>&1
        sed -n 's/^summary: /callgrind_ir_per_call_'$v' /p' "$out/cg.$v" >> "$out/callgrind"
    }
    prog=raw cg raw
    prog=wsc cg wsc
    prog=wrap cg wrap
    [ -f "$preload" ] && prog=raw cg run LD_PRELOAD="$preload"
fi
status=0
python3 "$src/bench/report.py" "$out" "$mode" || status=$?
if command -v gnuplot >/dev/null 2>&1; then
    gnuplot "$out/plot.gp" && echo "bench: wrote $out/bench.png" >&2
else
    echo "bench: gnuplot not installed, no plot" >&2
fi
exit $status
