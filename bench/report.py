#!/usr/bin/env python3
"""The benchmark table: ratios to raw Linux, the targets, and the data and
script for the plot.  Usage: report.py OUTDIR [quick]"""
import os
import sys

COLUMNS = [("raw", "raw Linux"), ("wscompat", "wscompat"),
           ("wscompat-run", "wscompat-run"), ("wrap", "--wrap"),
           ("wine", "Wine")]
COUNTS = (10, 1000, 10000)
# metric, description, higher is better
METRICS = [
    ("tcp_pingpong_64B", "TCP ping-pong, 64 B (ns/round trip)", False),
    ("tcp_bulk_64KiB", "TCP bulk, 64 KiB writes (MiB/s)", True),
    ("tcp_churn", "connect/accept/close (ns/connection)", False),
    ("udp_request_response_64B", "UDP request/response, 64 B (ns)", False),
] + [("select_%d" % n, "select, %d sockets, 1 active (ns/call)" % n, False)
     for n in COUNTS] + [
    ("wsapoll_%d" % n, "WSAPoll, %d sockets, 1 active (ns/call)" % n, False)
    for n in COUNTS] + [
    ("close_wake_median", "closesocket wakes recv: median (ns)", False),
    ("close_wake_p99", "closesocket wakes recv: p99 (ns)", False),
    ("close_wake_max", "closesocket wakes recv: max (ns)", False),
]


def read(path):
    """{metric: best value} over the repeated runs in one column's file."""
    vals = {}
    if not os.path.exists(path):
        return None
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            try:
                vals.setdefault(parts[0], []).append(float(parts[1]))
            except ValueError:
                pass
    best = {}
    for metric, higher in [(m, h) for m, _, h in METRICS] + [
            ("epoll_%d" % n, False) for n in COUNTS]:
        if metric in vals:
            best[metric] = max(vals[metric]) if higher else min(vals[metric])
    return best


def floor_of(metric, raw):
    """The raw value a metric is compared with: select and WSAPoll against
    raw poll over the same set; the close wake-up against shutdown."""
    if metric.startswith("select_"):
        return raw.get("wsapoll_" + metric.split("_")[1])
    return raw.get(metric)


def ratio(metric, value, base, higher):
    if value is None or not base:
        return None
    return base / value if higher else value / base


def main():
    out = sys.argv[1]
    quick = len(sys.argv) > 2 and sys.argv[2] == "quick"
    cols = {c: read(os.path.join(out, c)) for c, _ in COLUMNS}
    raw = cols["raw"] or {}
    shown = [(c, n) for c, n in COLUMNS if cols[c] is not None]
    lines = []
    w = lines.append
    w("| test | " + " | ".join(n for _, n in shown) + " |")
    w("|---|" + "---|" * len(shown))
    ratios = {}
    for metric, desc, higher in METRICS:
        cells = []
        for c, _ in shown:
            v = cols[c].get(metric)
            if c == "raw":
                base = floor_of(metric, raw)
                cells.append("%.0f" % base if base else "-")
                continue
            r = ratio(metric, v, floor_of(metric, raw), higher)
            ratios[(c, metric)] = r
            cells.append("-" if v is None else
                         "%.0f (%.2fx)" % (v, r) if r else "%.0f" % v)
        w("| %s | %s |" % (desc, " | ".join(cells)))
    for n in COUNTS:
        e = raw.get("epoll_%d" % n)
        if e:
            w("| epoll_wait, %d sockets registered, 1 active (ns/call) | %.0f |"
              % (n, e) + " - |" * (len(shown) - 1))
    cg = {}
    cgpath = os.path.join(out, "callgrind")
    if os.path.exists(cgpath):
        for line in open(cgpath):
            k, v = line.split()
            cg[k] = float(v) / 20000
    w("")
    if cg:
        w("Instructions per send/recv on the fast path (callgrind, user "
          "space only, the syscall excluded): raw %.0f, wscompat %.0f."
          % (cg.get("callgrind_ir_per_call_raw", 0),
             cg.get("callgrind_ir_per_call_wsc", 0)))
        w("")
    w("Ratios are to raw Linux; lower is better except MiB/s.  select and "
      "WSAPoll are compared with raw poll over the same set; the raw "
      "close wake-up is shutdown(SHUT_RDWR), since close does not wake a "
      "blocked recv on Linux.")
    w("")
    w("Targets:")

    def target(desc, cols_, metrics, limit, flip=False):
        for c in cols_:
            for m in metrics:
                r = ratios.get((c, m))
                if r is None:
                    continue
                ok = (r >= limit) if flip else (r <= limit)
                w("- %s, %s: %.2fx (target %s%.2fx) %s" % (
                    dict(COLUMNS)[c], m, r, ">= " if flip else "<= ", limit,
                    "ok" if ok else "MISSED"))

    target("", ["wscompat", "wrap"], ["tcp_pingpong_64B", "tcp_bulk_64KiB"],
           1.03)
    target("", ["wscompat-run"], ["tcp_pingpong_64B", "tcp_bulk_64KiB"], 1.05)
    target("", ["wscompat"], ["select_10000"], 1.2)
    p99 = (cols["wscompat"] or {}).get("close_wake_p99")
    if p99 is not None:
        w("- wscompat, close wake-up p99: %.0f us (target < 1000 us) %s"
          % (p99 / 1000, "ok" if p99 < 1e6 else "MISSED"))
    if cols["wine"] and cols["wscompat"]:
        for m in ("tcp_pingpong_64B", "udp_request_response_64B"):
            a, b = cols["wscompat"].get(m), cols["wine"].get(m)
            if a and b:
                w("- Wine / wscompat, %s: %.1fx (target >= 5x) %s"
                  % (m, b / a, "ok" if b / a >= 5 else "MISSED"))
    if quick:
        w("")
        w("(BENCH_QUICK=1: short runs, one each; the numbers only show "
          "that every column works.)")
    text = "\n".join(lines) + "\n"
    open(os.path.join(out, "table.md"), "w").write(text)
    sys.stdout.write(text)

    # The plot: ping-pong per column, and readiness cost against N.
    with open(os.path.join(out, "pingpong.dat"), "w") as f:
        for i, (c, n) in enumerate(shown):
            v = cols[c].get("tcp_pingpong_64B")
            if v:
                f.write('%d "%s" %.0f\n' % (i, n, v / 1000))
    with open(os.path.join(out, "select.dat"), "w") as f:
        for n in COUNTS:
            row = [raw.get("wsapoll_%d" % n), raw.get("epoll_%d" % n)]
            for c in ("wscompat", "wine"):
                d = cols.get(c) or {}
                row += [d.get("select_%d" % n), d.get("wsapoll_%d" % n)]
            f.write("%d %s\n" % (n, " ".join(
                "%.0f" % (v / 1000) if v else "NaN" for v in row)))
    with open(os.path.join(out, "plot.gp"), "w") as f:
        f.write("""set terminal pngcairo size 1200,500 noenhanced
set output '%(o)s/bench.png'
set multiplot layout 1,2
set title 'TCP ping-pong, 64 B (us per round trip)'
set style fill solid 0.6
set boxwidth 0.6
set yrange [0:*]
set xtics rotate by -20
plot '%(o)s/pingpong.dat' using 1:3:xtic(2) with boxes notitle
set title 'one active socket among N (us per call)'
set logscale xy
set xlabel 'sockets'
set xtics norotate
set key left top
plot '%(o)s/select.dat' using 1:2 with linespoints title 'raw poll', \\
     '' using 1:3 with linespoints title 'raw epoll', \\
     '' using 1:4 with linespoints title 'wscompat select', \\
     '' using 1:5 with linespoints title 'wscompat WSAPoll', \\
     '' using 1:6 with linespoints title 'Wine select', \\
     '' using 1:7 with linespoints title 'Wine WSAPoll'
unset multiplot
""" % {"o": out})


if __name__ == "__main__":
    main()
