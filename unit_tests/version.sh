#!/bin/sh
# The tools as installed: wscompat-run and wsaerr print "NAME VERSION"
# for -V and --version, their --help names the option, and the man pages
# name it and carry the version.
#   version.sh                 installs the tools into a scratch DESTDIR
#   version.sh BINDIR MANDIR   the tools installed there (make installcheck)
set -u
fail=0
say() { echo "$1 $2"; [ "$1" = ok ] || fail=1; }

if [ $# -eq 2 ]; then
    bin=$1 man=$2
else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    # A make of its own, outside the one running the tests.
    if ! env -u MAKEFLAGS -u MFLAGS ${MAKE:-make} -C "$top_builddir" \
        DESTDIR="$tmp" install-binSCRIPTS install-binPROGRAMS install-man \
        > "$tmp/log" 2>&1; then
        cat "$tmp/log"
        exit 1
    fi
    bin=$tmp$bindir man=$tmp$mandir
fi

for tool in wscompat-run wsaerr; do
    for opt in -V --version; do
        got=$("$bin/$tool" $opt 2>&1)
        if [ "$got" = "$tool $VERSION" ]; then say ok "$tool $opt"
        else say FAIL "$tool $opt prints '$got', not '$tool $VERSION'"; fi
    done
    case $("$bin/$tool" --help) in
    *"-V, --version"*) say ok "$tool --help names --version" ;;
    *) say FAIL "$tool --help does not name -V, --version" ;;
    esac
    page=$man/man1/$tool.1
    if grep -q '^\.BR \\-V ", " \\-\\-version$' "$page"; then
        say ok "$tool.1 names --version"
    else say FAIL "$tool.1 does not name --version"; fi
done
for page in "$man/man1/wscompat-run.1" "$man/man1/wsaerr.1" "$man/man7/wscompat.7"; do
    if grep -q "^\.TH .* \"wscompat $VERSION\"" "$page"; then
        say ok "$(basename "$page") is for $VERSION"
    else say FAIL "$(basename "$page") is not for wscompat $VERSION"; fi
done
exit $fail
