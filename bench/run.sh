#!/bin/sh
# make bench: every column of the benchmark in one run, then the table of
# ratios to raw Linux and the plot.  Usage: run.sh SRCDIR BUILDDIR [quick]
#   raw          plain POSIX calls (bench_raw: close wake by shutdown)
#   wscompat     the Winsock source API (bench_wsc)
#   wscompat-run the ported build under the preload library (bench_port)
#   --wrap       the ported build linked with --wrap (bench_port_wrap)
#   Wine         the mingw-w64 build under Wine (bench.exe), if installed
# Each Linux column runs 5 times (quick: once), interleaved, and the best
# value counts, as the least disturbed by the other tenants of a shared
# machine; every loop in the program also stops after a few seconds.
set -eu
src=$1 b=$2 mode=${3:-}
out=$b/bench-out
rm -rf "$out" && mkdir -p "$out"
repeat=5
[ "$mode" = quick ] && repeat=1
preload="$b/.libs/libwscompat-preload.so"

run_once() {
    name=$1
    shift
    "$@" $mode >> "$out/$name" || { echo "bench: $name failed" >&2; exit 1; }
}

# Round after round, one run of each Linux column per round, so that a
# change in the machine's load falls on every column alike.
i=0
while [ $i -lt $repeat ]; do
    i=$((i + 1))
    echo "bench: round $i of $repeat: raw, wscompat, wscompat-run, --wrap" >&2
    run_once raw "$b/bench/bench_raw"
    run_once wscompat "$b/bench/bench_wsc"
    if [ -f "$preload" ]; then
        run_once wscompat-run env WSCOMPAT_PRELOAD_LIB="$preload" \
            "$b/tools/wscompat-run" "$b/bench/bench_port"
    fi
    run_once wrap "$b/bench/bench_port_wrap"
done
# Wine is far from the targets; one run tells enough.
if [ -f "$b/bench/bench.exe" ] && command -v wine >/dev/null 2>&1; then
    echo "bench: Wine" >&2
    WINEPREFIX=$b/wineprefix WINEDEBUG=-all DISPLAY= \
        wine "$b/bench/bench.exe" $mode < /dev/null 2>/dev/null | tr -d '\r' > "$out/wine"
fi

# Instruction counts on the fast path: the same loop, raw and wscompat.
if command -v valgrind >/dev/null 2>&1; then
    echo "bench: callgrind" >&2
    for v in raw wsc; do
        valgrind --tool=callgrind \
            --toggle-collect=hot_loop --callgrind-out-file="$out/cg.$v" \
            "$b/bench/fastpath_$v" > /dev/null 2>&1
        sed -n 's/^summary: /callgrind_ir_per_call_'$v' /p' "$out/cg.$v" >> "$out/callgrind"
    done
fi
python3 "$src/bench/report.py" "$out" "$mode"
if command -v gnuplot >/dev/null 2>&1; then
    gnuplot "$out/plot.gp" && echo "bench: wrote $out/bench.png" >&2
else
    echo "bench: gnuplot not installed, no plot" >&2
fi
