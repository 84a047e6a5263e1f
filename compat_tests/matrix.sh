#!/bin/sh
# make matrix: run the scenarios every way that is available and write the
# behavior matrix.  Usage: matrix.sh SRCDIR BUILDDIR OUTPUT
#   source   compat_tests/run_rows            (Winsock API with wscompat)
#   preload  compat_tests/port_rows under wscompat-run
#   wrap     compat_tests/port_rows_wrap      (linked with --wrap)
#   plain    compat_tests/port_rows           (the control, no wscompat)
#   wine     win32/run_rows.exe under Wine    (when Wine is installed)
set -eu
src=$1 b=$2 out=$3
res=$b/matrix
rm -rf "$res" && mkdir -p "$res"
cp "$src/compat_tests/expected.txt" "$res/expected.txt"
overlay=$src/compat_tests/port/expected-posix.txt

# The Windows side (Wine, then the corpus under Wine) runs beside the
# Linux side: each is one process at a time, and Wine's half is the longer.
wine_side() {
    echo "matrix: Wine" >&2
    cp "$b/win32/run_rows.exe" "$res/"
    (cd "$res" && WINEPREFIX=$b/wineprefix WINEDEBUG=-all DISPLAY= \
        wine ./run_rows.exe < /dev/null 2>/dev/null | tr -d '\r' > wine) || true
    if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
        echo "matrix: corpus, Wine" >&2
        OUT=$res/corpus-out-wine WINEPREFIX=$b/wineprefix DISPLAY= \
            sh "$src/corpus/run.sh" wine > "$res/corpus-wine" 2>&1 || true
    fi
    echo "matrix: Wine done" >&2
}
wine_pid=
if [ -f "$b/win32/run_rows.exe" ] && command -v wine >/dev/null 2>&1; then
    wine_side &
    wine_pid=$!
else
    echo "matrix: Wine or mingw-w64 not installed, no Wine column" >&2
fi

echo "matrix: wscompat (Winsock API)" >&2
(cd "$res" && "$b/compat_tests/run_rows" > source)
echo "matrix: wscompat-run" >&2
(cd "$res" && CT_OVERLAY=$overlay WSCOMPAT_PRELOAD_LIB="$b/.libs/libwscompat-preload.so" \
    "$b/tools/wscompat-run" "$b/compat_tests/port_rows" > preload)
echo "matrix: --wrap" >&2
(cd "$res" && CT_OVERLAY=$overlay "$b/compat_tests/port_rows_wrap" > wrap)
echo "matrix: plain Linux" >&2
(cd "$res" && CT_OVERLAY=$overlay "$b/compat_tests/port_rows" > plain)
echo "matrix: corpus, wscompat" >&2
OUT=$res/corpus-out-linux top_srcdir=$src top_builddir=$b \
    sh "$src/corpus/run.sh" linux > "$res/corpus-linux" 2>&1 || true
[ -z "$wine_pid" ] || wait "$wine_pid"
python3 "$src/compat_tests/matrix.py" "$src" "$res" > "$out.tmp"
mv "$out.tmp" "$out"
echo "matrix: wrote $out" >&2
