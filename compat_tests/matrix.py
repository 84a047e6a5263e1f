#!/usr/bin/env python3
"""Write doc/behavior-matrix.md from the row runners' results.

Usage: matrix.py SRCDIR RESULTSDIR > behavior-matrix.md

RESULTSDIR holds one file per column (source, preload, wrap, plain, wine),
each the "ROW id pass|fail ...|hang" lines of a row runner; a missing file
is a column that was not run.  compat_tests/rows.txt gives every row once
with the Windows expectation and the scenarios that cover it;
win32/wine-deviations.txt the known Wine deviations."""
import os
import sys

COLUMNS = [
    ("source", "wscompat (Winsock API)"),
    ("preload", "wscompat-run"),
    ("wrap", "--wrap"),
    ("wine", "Wine"),
    ("plain", "plain Linux"),
]
RANK = {"pass": 0, "deviation": 1, "hang": 2, "FAIL": 3}


def read_rows(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rid, text, cover = [p.strip() for p in line.split("|", 2)]
        rows.append((rid, text, cover))
    return rows


def read_results(path):
    """{scenario: (status, {key: observed})} from ROW lines."""
    out = {}
    if not os.path.exists(path):
        return None
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.strip().split(" ", 3)
        if len(parts) < 3 or parts[0] != "ROW":
            continue
        sid, status = parts[1], parts[2]
        pairs = {}
        if status == "fail" and len(parts) == 4:
            for item in parts[3].split("|"):
                key, _, val = item.partition("=")
                pairs[key] = val
        out[sid] = (status, pairs)
    return out


def read_deviations(path):
    """{scenario: {key: value or None}}; key "hang" for a hanging row."""
    devs = {}
    if not os.path.exists(path):
        return devs
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, val = line.partition("=")
        sid, key = head.split()[0], head.split()[1]
        devs.setdefault(sid, {})[key] = val.strip() if val else None
    return devs


def read_tags(path):
    """{scenario: {ref: set of keys}} from the "#@ REFS" lines."""
    tags, refs = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("#@"):
            refs = line[2:].split()
            continue
        if not line or line.startswith("#"):
            refs = None
            continue
        parts = line.split()
        if refs and len(parts) >= 3 and parts[2] == "=":
            for ref in refs:
                tags.setdefault(parts[0], {}).setdefault(ref, set()).add(
                    parts[1])
    return tags


def classify(result, devs, keys=None):
    """Cell status of one scenario in one column, judged on all its keys
    or, when keys is given, on those alone."""
    if result is None:
        return None
    status, pairs = result
    known = devs or {}
    # A deviation whose value varies ("*") is one whatever this run saw,
    # so that the matrix does not change from run to run.
    if status == "pass":
        vary = [k for k, v in known.items() if v == "*" and
                (keys is None or k in keys)]
        return "deviation" if vary else "pass"
    if status == "hang":
        return "deviation" if "hang" in known else "hang"
    if keys is not None and "setup" not in pairs:
        pairs = {k: v for k, v in pairs.items() if k in keys}
        if not pairs:
            return "pass"
    if pairs and all(k in known and known[k] in (None, "*", v)
                     for k, v in pairs.items()):
        return "deviation"
    return "FAIL"


def cell(rid, row_cover, col_results, devs, tags):
    if col_results is None:
        return "not run"
    if row_cover.startswith("n/a"):
        return "n/a"
    worst = None
    for sid in row_cover.split():
        keys = tags.get(sid, {}).get(rid)
        st = classify(col_results.get(sid), devs.get(sid), keys)
        if st is None:
            continue
        if worst is None or RANK[st] > RANK[worst]:
            worst = st
    return worst or "n/a"


def main():
    src, resdir = sys.argv[1], sys.argv[2]
    rows = read_rows(os.path.join(src, "compat_tests", "rows.txt"))
    wine_devs = read_deviations(os.path.join(src, "win32",
                                             "wine-deviations.txt"))
    results = {c: read_results(os.path.join(resdir, c)) for c, _ in COLUMNS}
    tags = read_tags(os.path.join(src, "compat_tests", "expected.txt"))
    async_ids = ("EV", "OV", "CP", "MX", "KA", "AS")
    api_ids = ("WA", "NM", "PL", "OP", "PI", "IC")
    asynch = [r for r in rows if r[0][:2] in async_ids]
    api = [r for r in rows if r[0][:2] in api_ids]
    contract = [r for r in rows if r[0][:2].isalpha() and r[0][:2].isupper()
                and not r[0].startswith("D") and r not in asynch
                and r not in api]
    reference = [r for r in rows if r not in contract and r not in asynch
                 and r not in api]
    table = {}
    for rid, text, cover in rows:
        table[rid] = [cell(rid, cover, results[c],
                           wine_devs if c == "wine" else {}, tags)
                      for c, _ in COLUMNS]

    w = sys.stdout.write
    w("# Behavior matrix\n\n")
    w("Generated by `make matrix` from `compat_tests/rows.txt` (every row "
      "of the contract and of the Windows reference, once, with what "
      "Windows does), `compat_tests/expected.txt` (the Windows truth each "
      "scenario is compared with; a reference row is judged by the keys "
      "tagged with it, else by its whole scenario) and one run of the "
      "scenarios per column. "
      "Do not edit; CI regenerates it (`make matrix-check`) and fails if "
      "it differs.\n\n")
    w("Columns: **wscompat** the scenarios written against the Winsock "
      "API, built with wscompat; **wscompat-run** and **--wrap** the same "
      "scenarios compiled as a program ported to POSIX names "
      "(`compat_tests/port/`), under the preload library and linked with "
      "the wrap library; **Wine** the mingw-w64 build of the Winsock "
      "scenarios under Wine (`win32/`); **plain Linux** the ported "
      "program without wscompat, the control.\n\n")
    w("Cells: `pass` = Windows' behavior observed; `FAIL` = something "
      "else observed; `hang` = the scenario did not finish in 10 s; "
      "`deviation` = a known Wine deviation listed, with its reason, in "
      "`win32/wine-deviations.txt`; `n/a` = not covered by that build or "
      "not expressible on Linux (the reason is in the row).\n\n")

    w("## Totals\n\n")
    w("| | " + " | ".join(name for _, name in COLUMNS) + " |\n")
    w("|---|" + "---|" * len(COLUMNS) + "\n")
    for label, subset in (("contract rows", contract),
                          ("reference rows", reference),
                          ("asynchronous rows", asynch),
                          ("synchronous API rows", api)):
        cells = []
        for i in range(len(COLUMNS)):
            vals = [table[r[0]][i] for r in subset]
            run = [v for v in vals if v not in ("n/a", "not run")]
            if not run:
                cells.append("not run" if "not run" in vals else "n/a")
                continue
            npass = sum(v == "pass" for v in run)
            ndev = sum(v == "deviation" for v in run)
            text = "%d/%d pass" % (npass, len(run))
            if ndev:
                text += ", %d deviation" % ndev
            cells.append(text)
        w("| %s | %s |\n" % (label, " | ".join(cells)))
    w("\nRows no scenario covers, and where wscompat cannot follow "
      "Windows, are `n/a` with the reason in the row.\n\n")

    for title, subset in (("Contract rows (DESIGN.md section 3)", contract),
                          ("Reference rows (windows-behavior.md)",
                           reference),
                          ("Asynchronous rows (windows-async.md)", asynch),
                          ("Synchronous API rows (Microsoft's pages, Wine's "
                           "conformance tests)", api)):
        w("## %s\n\n" % title)
        w("| id | Windows | covered by | " +
          " | ".join(name for _, name in COLUMNS) + " |\n")
        w("|---|---|---|" + "---|" * len(COLUMNS) + "\n")
        for rid, text, cover in subset:
            w("| %s | %s | %s | %s |\n" % (rid, text.replace("|", "\\|"),
                                          cover, " | ".join(table[rid])))
        w("\n")

    w("## Where wscompat differs from Windows\n\n")
    lines = []
    for rid, text, cover in rows:
        if cover.startswith("n/a") and ("deviation" in cover or
                                        "limit" in cover):
            lines.append("- %s: %s" % (rid, cover[4:].strip()))
        elif any(table[rid][i] not in ("pass", "n/a", "not run")
                 for i in range(3)):
            lines.append("- %s: %s" % (rid, ", ".join(
                "%s %s" % (COLUMNS[i][1], table[rid][i]) for i in range(3))))
    w("\n".join(lines) + "\n" if lines else "Nowhere in the rows run.\n")
    write_corpus(w, src, resdir)


def read_corpus(path):
    """corpus/run.sh's verdicts: {program: "pass"|"FAIL"|"n/a"}."""
    out = {}
    if not os.path.exists(path):
        return None
    for line in open(path):
        word, _, rest = line.partition(" ")
        if word == "BUILD":  # "BUILD FAIL x": the pair's FAIL line follows
            continue
        prog = rest.split()[0] if rest.split() else ""
        if word == "PASS":
            out[prog] = "pass"
        elif word == "FAIL":
            out[prog.split("+")[0].rstrip(":")] = "FAIL"
        elif word == "SKIP":
            out[prog] = "n/a"
    return out


def write_corpus(w, src, resdir):
    progs = []
    for line in open(os.path.join(src, "corpus", "MANIFEST")):
        f = line.split()
        if f and not line.startswith("#") and f[3] != "client":
            progs.append((f[0], f[4], f[5], " ".join(f[6:])))
    linux = read_corpus(os.path.join(resdir, "corpus-linux"))
    wine = read_corpus(os.path.join(resdir, "corpus-wine"))
    w("\n## Real programs (corpus/MANIFEST)\n\n")
    w("Windows-style programs written as real code is written, built "
      "unchanged and run over loopback, each server with its client: "
      "**wscompat** with gcc or g++ against wscompat's headers and "
      "library, **Wine** built with mingw-w64 (`n/a` where mingw-w64 "
      "cannot build it, the reason in the MANIFEST).\n\n")
    w("| program | with | wscompat | Wine |\n|---|---|---|---|\n")
    for prog, partner, mingw, features in progs:
        cells = []
        for res in (linux, wine):
            cells.append("not run" if res is None else res.get(prog, "FAIL"))
        w("| %s | %s | %s |\n" % (prog, "-" if partner == "-" else partner,
                                  " | ".join(cells)))


if __name__ == "__main__":
    main()
