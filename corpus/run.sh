#!/bin/sh
# Build the corpus and run it over loopback, one way:
#
#   corpus/run.sh linux [program ...]   gcc and g++ against wscompat's
#                                       headers and library (make check)
#   corpus/run.sh wine [program ...]    mingw-w64, run under Wine
#
# Default: every program in MANIFEST.  A server runs with a free loopback
# port; once its output says "listening", its partner client runs with
# "localhost" and that port (a partner column "a.c,b.c" runs several
# clients at once against the one server).  All must exit 0 within
# TIMEOUT (60) s.  A server that exits 77 is skipped (its log says
# "SKIP:" and why: the system lacks something it needs).
# Standalone programs run alone.  One pair at a time; the builds are
# made first, JOBS (default: the CPUs) at a time.
#
# linux: the sources are built unchanged, C with $CC and C++ with $CXX,
# with the flags of `pkg-config --cflags wscompat` (WSC_PREDEFINES:
# _WIN32 and the rest) and its include path pointed at the build tree
# (top_srcdir, top_builddir) and libwscompat linked statically;
# CFLAGS/CXXFLAGS/LDFLAGS are the build's (the sanitizer trees pass
# theirs).  Every program must build and pass.
# wine: each MANIFEST line whose mingw column is "yes" or "case" is built
# with x86_64-w64-mingw32-gcc (C) or x86_64-w64-mingw32-g++-posix (C++: the
# posix thread model, for std::thread), -static, -liphlpapi -lmswsock -lws2_32 (what
# their #pragma comment(lib) lines ask MSVC for), and -municode for
# UNICODE programs (wmain).  Environment: WINEPREFIX (default
# /tmp/wineprefix-corpus, created with wineboot -i if missing).
# OUT is the build and log folder (default /tmp/corpus-WAY).
set -u

here=$(cd "$(dirname "$0")" && pwd)
manifest="$here/MANIFEST"
way=${1:-}
case $way in
linux|wine) shift ;;
*) echo "usage: $0 linux|wine [program ...]" >&2; exit 2 ;;
esac
OUT=${OUT:-/tmp/corpus-$way}
TIMEOUT=${TIMEOUT:-60}
mkdir -p "$OUT"

if [ "$way" = wine ]; then
    export WINEPREFIX=${WINEPREFIX:-/tmp/wineprefix-corpus}
    export WINEDEBUG=${WINEDEBUG:--all}
    CC_W=${CC_W:-x86_64-w64-mingw32-gcc}
    CXX_W=${CXX_W:-x86_64-w64-mingw32-g++-posix}
    # Windows' file system ignores case, so real code spells headers
    # <WinSock2.h>, <Windows.h>, <MSWSock.h>; mingw-w64's are all lower
    # case and Linux's file system is not.  Programs whose MANIFEST mingw
    # column says "case" build with a folder of lower-case links (made here
    # from every #include <...> in the corpus) on the include path, as they
    # would on Windows; their sources stay as written.
    MINGW_INC=${MINGW_INC:-/usr/share/mingw-w64/include}
    caseinc="$OUT/caseinc"
    mkdir -p "$caseinc"
    for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$here"/*.c "$here"/*.cpp | sort -u); do
        lower=$(echo "$h" | tr 'A-Z' 'a-z')
        if [ "$h" != "$lower" ] && [ ! -e "$MINGW_INC/$h" ] && [ -e "$MINGW_INC/$lower" ]; then
            ln -sf "$MINGW_INC/$lower" "$caseinc/$h"
        fi
    done
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        echo "creating $WINEPREFIX (wineboot -i, takes a while)"
        wineboot -i >"$OUT/wineboot.log" 2>&1
    fi
    RUNNER=wine
else
    : "${top_srcdir:?set top_srcdir}" "${top_builddir:?set top_builddir}"
    CC=${CC:-cc}
    CXX=${CXX:-c++}
    # (pkg-config's: what a Windows compiler predefines, the headers.)
    WSC_CFLAGS="${WSC_PREDEFINES--D_WIN32 -DWIN32 -D_WIN64} -I$top_srcdir/include/wscompat -I$top_builddir/include/wscompat -pthread"
    WSC_LIBS="$top_builddir/.libs/libwscompat.a -pthread"
    RUNNER=
fi

# A free TCP and UDP port on 127.0.0.1 (the kernel picks it; a small race
# with other programs is accepted).
free_port() {
    python3 - <<'PY'
import socket
while True:
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 0))
    port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port))
    except OSError:
        t.close(); continue
    u.close(); t.close()
    print(port)
    break
PY
}

# field N of a MANIFEST line for FILE
field() {
    awk -v f="$1" -v n="$2" '!/^#/ && $1 == f { print $n; exit }' "$manifest"
}

# linux: the C programs are built and run a second time as C++ (g++ -x
# c++), as Windows code often is.
C_ONLY=""
as_cxx=

exe_of() {
    if [ "$way" = wine ]; then
        echo "$OUT/$(echo "$1" | sed 's/\.[^.]*$//').exe"
    else
        echo "$OUT/$(echo "$1" | sed 's/\.[^.]*$//')$as_cxx"
    fi
}

# The build command of a source, as a Windows build file or a user of
# wscompat would write it.
build_cmd() {
    lang=$(field "$1" 2)
    if [ "$way" = wine ]; then
        b_flags="-static -O1"
        [ "$(field "$1" 6)" = case ] && b_flags="$b_flags -I$caseinc"
        [ "$(field "$1" 3)" = unicode ] && b_flags="$b_flags -municode"
        if [ "$lang" = c++ ]; then
            echo "$CXX_W $b_flags -o $2 $here/$1 -liphlpapi -lmswsock -lws2_32"
        else
            echo "$CC_W $b_flags -o $2 $here/$1 -liphlpapi -lmswsock -lws2_32"
        fi
    elif [ "$lang" = c++ ] || [ -n "$as_cxx" ]; then
        [ "$lang" = c ] && x="-x c++" && y="-x none" || x= y=
        echo "$CXX ${CXXFLAGS:-} $WSC_CFLAGS -o $2 $x $here/$1 $y ${LDFLAGS:-} $WSC_LIBS"
    else
        echo "$CC ${CFLAGS:-} $WSC_CFLAGS -o $2 $here/$1 ${LDFLAGS:-} $WSC_LIBS"
    fi
}

# Every build of the run is made first, JOBS (default: the CPUs) at a
# time; run_one then finds the program built, or its build failed.
build_log() { echo "$OUT/$1$as_cxx.build.log"; }

build() {
    if [ ! -f "$(exe_of "$1").built" ]; then
        echo "BUILD FAIL $1 (see $(build_log "$1"))"
        return 1
    fi
    return 0
}

# Whether this way builds a program: under Wine, only where the MANIFEST's
# mingw column says mingw-w64 can.
builds_here() {
    [ "$way" != wine ] && return 0
    case $(field "$1" 6) in yes|case) return 0 ;; esac
    return 1
}

# One line per build for prebuild: the command, its log, its marker.
build_jobs() {
    for f in "$@"; do
        [ -n "$(field "$f" 4)" ] && builds_here "$f" || continue
        e=$(exe_of "$f")
        echo "$(build_cmd "$f" "$e") >$(build_log "$f") 2>&1 && : >$e.built"
    done
}

prebuild() {
    rm -f "$OUT"/*.built
    # (a subshell: the as_cxx set here stays here)
    {
        # shellcheck disable=SC2086 # one word per program
        build_jobs $list
        if [ "$way" = linux ]; then
            as_cxx=-cxx
            for f in $list; do
                case " $C_ONLY " in *" $f "*) continue ;; esac
                [ "$(field "$f" 2)" = c ] || continue
                # A C server's clients, whatever their language.
                build_jobs "$f" $(field "$f" 5 | tr ',' ' ')
            done | sort -u
        fi
    } | xargs -d '\n' -P "${JOBS:-$(nproc 2>/dev/null || echo 2)}" -I{} sh -c {}
}

wait_listening() {
    i=0
    while [ $i -lt 200 ]; do
        grep -q listening "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

pass=0
fail=0
skip=0
failed=""

run_one() {
    src=$1
    role=$(field "$src" 4)
    partner=$(field "$src" 5)
    if [ -z "$role" ]; then
        echo "UNKNOWN $src (not in MANIFEST)"
        fail=$((fail + 1)); failed="$failed $src"; return
    fi
    if ! builds_here "$src"; then
        echo "SKIP $src (mingw cannot build it: see MANIFEST)"
        skip=$((skip + 1)); return
    fi
    case $role in
    client) return ;;   # run with its server
    standalone)
        build "$src" || { fail=$((fail + 1)); failed="$failed $src"; return; }
        exe=$(exe_of "$src")
        timeout "$TIMEOUT" $RUNNER "$exe" >"$OUT/$src$as_cxx.log" 2>&1
        rc=$?
        if [ $rc -eq 0 ]; then
            echo "PASS $src"; pass=$((pass + 1))
        else
            echo "FAIL $src rc=$rc (see $OUT/$src$as_cxx.log)"
            fail=$((fail + 1)); failed="$failed $src"
        fi
        ;;
    server)
        # partner: one client, or several joined by commas (run at once)
        partners=$(echo "$partner" | tr ',' ' ')
        build "$src" || { fail=$((fail + 1)); failed="$failed $src+$partner"; return; }
        for c in $partners; do
            build "$c" || { fail=$((fail + 1)); failed="$failed $src+$partner"; return; }
        done
        port=$(free_port)
        sexe=$(exe_of "$src")
        : >"$OUT/$src$as_cxx.log"
        timeout "$TIMEOUT" $RUNNER "$sexe" "$port" >"$OUT/$src$as_cxx.log" 2>&1 &
        spid=$!
        if ! wait_listening "$OUT/$src$as_cxx.log" $spid; then
            echo "FAIL $src: never said listening (see $OUT/$src$as_cxx.log)"
            kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null
            fail=$((fail + 1)); failed="$failed $src+$partner"; return
        fi
        cpids=
        for c in $partners; do
            timeout "$TIMEOUT" $RUNNER "$(exe_of "$c")" localhost "$port" >"$OUT/$c$as_cxx.log" 2>&1 &
            cpids="$cpids $!"
        done
        crc=0
        for p in $cpids; do
            wait "$p" || crc=$?
        done
        wait "$spid"
        src_rc=$?
        if [ $src_rc -eq 77 ]; then
            # The server found the system lacks what it needs (its log
            # says SKIP: and why); its client's result does not count.
            echo "SKIP $src + $partner: $(grep -m1 'SKIP:' "$OUT/$src$as_cxx.log")"
            skip=$((skip + 1))
        elif [ $crc -eq 0 ] && [ $src_rc -eq 0 ]; then
            echo "PASS $src + $partner (port $port)"; pass=$((pass + 1))
        else
            echo "FAIL $src rc=$src_rc + $partner rc=$crc (logs in $OUT)"
            for c in $src $partners; do
                tail -n 4 "$OUT/$c$as_cxx.log" | sed "s/^/  $c: /"
            done
            fail=$((fail + 1)); failed="$failed $src+$partner"
        fi
        ;;
    *)
        echo "BAD ROLE $src: $role"; fail=$((fail + 1)) ;;
    esac
}

if [ $# -gt 0 ]; then
    list="$*"
else
    list=$(awk '!/^#/ && NF { print $1 }' "$manifest")
fi
prebuild
for f in $list; do
    run_one "$f"
done
if [ "$way" = linux ]; then
    as_cxx=-cxx
    for f in $list; do
        case " $C_ONLY " in *" $f "*) continue ;; esac
        [ "$(field "$f" 2)" = c ] && [ "$(field "$f" 4)" != client ] &&
            { printf 'as C++: '; run_one "$f"; }
    done
fi
echo "corpus ($way): $pass passed, $fail failed, $skip skipped (mingw cannot build them, or the system lacks what they need)"
[ -n "$failed" ] && echo "failed:$failed"
[ $fail -eq 0 ]
