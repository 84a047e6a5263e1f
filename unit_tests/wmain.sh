#!/bin/sh
# wmain (a UNICODE _tmain) gets its arguments converted, and wide printf
# reads formats the Microsoft way.  Then the other entries MSVC accepts,
# wmain_app.c built again with FORM, as C and as C++: void (exit status
# 0), and (), (argc, argv), (argc, argv, envp), as `cc app.c` builds them
# (the compilers' own default standards); a GUI program's _tWinMain
# (wWinMain, and WinMain built ANSI); and an ANSI build's void _tmain,
# which is main.
set -u
fail=0
out=$(LC_ALL=C.UTF-8 "$top_builddir/unit_tests/wmain_app" 'héllo' 'two words') || { echo "FAIL: exit $?"; exit 1; }
expected='argc=3
[héllo] len=5
[two words] len=9
narrow|w|n|h|l|w|1099511627776
narrow printf after wide: ok
wprintf too'
if [ "$out" = "$expected" ]; then
    echo "ok wmain"
else
    echo "FAIL wmain; got:"; echo "$out"
    fail=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lib=$top_builddir/.libs
inc="-I$top_builddir/include/wscompat -I$top_srcdir/include/wscompat"
# form FORM STATUS OUTPUT: each built as C and as C++, run with 'a b' and
# WMAIN_ENV=é; FORM n (1n, 2n) is FORM n built as ANSI (-DNARROW).
form() {
    flags=-DFORM=$1
    case $1 in *n) flags="-DFORM=${1%n} -DNARROW" ;; esac
    for lang in c c++; do
        if [ $lang = c ]; then
            comp="${CC:-cc} ${CFLAGS:-}"
        else
            comp="${CXX:-c++} ${CXXFLAGS:-}"
        fi
        exe=$tmp/form$1$lang
        if ! $comp -Wall -Wextra -pedantic -Werror -pthread $flags $inc \
                -x $lang "$top_srcdir/unit_tests/wmain_app.c" -x none \
                ${LDFLAGS:-} -L"$lib" -lwscompat -o "$exe" > "$tmp/log" 2>&1; then
            echo "FAIL form $1 ($lang) does not build:"; head -20 "$tmp/log"
            fail=1
            continue
        fi
        got=$(LC_ALL=C.UTF-8 WMAIN_ENV=é LD_LIBRARY_PATH="$lib" \
              timeout 20 "$exe" a 'b c')
        status=$?
        if [ "$status" = "$2" ] && [ "$got" = "$3" ]; then
            echo "ok form $1 ($lang)"
        else
            echo "FAIL form $1 ($lang): status $status (expected $2), output:"
            echo "$got"
            fail=1
        fi
    done
}
form 1 0 'void entry'
form 2 0 'void entry
argc=3 [b c]'
form 3 0 'void entry
argc=3 [b c] WMAIN_ENV=é'
form 4 7 'argc=3 [b c] WMAIN_ENV=é'
form 5 5 ''
form 6 6 'cmd=[a "b c"] show=10 inst=1 prev=1'
form 6n 6 'cmd=[a "b c"] show=10 inst=1 prev=1'
form 1n 0 'void entry'
form 2n 0 'void entry
argc=3 [b c]'
exit $fail
