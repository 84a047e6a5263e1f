#!/bin/sh
# make fuzz: run each libFuzzer engine of this tree for a bounded time.
# New inputs go to fuzz-out/TARGET/corpus, findings to fuzz-out/TARGET/;
# the committed corpus in the source tree is read, never written (make
# fuzz-merge adds what is new to it).
# usage: run.sh SRCDIR SECONDS TARGET...
set -u
srcdir=$1 seconds=$2
shift 2
status=0
for t in "$@"; do
    out=fuzz-out/$t
    mkdir -p "$out/corpus" "$srcdir/fuzz/corpus/$t"
    echo "fuzz $t: ${seconds}s"
    if ./fuzz/engine_$t -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/" \
        "$out/corpus" "$srcdir/fuzz/corpus/$t" > "$out/log" 2>&1; then
        grep -E 'stat::number_of_executed_units|cov:.*DONE|DONE' "$out/log" | tail -2
    else
        echo "fuzz $t: FINDING, see $out/log and $out/crash-* (add the"
        echo "reproducer to $srcdir/fuzz/corpus/$t once fixed)"
        tail -30 "$out/log"
        status=1
    fi
done
exit $status
