#!/bin/sh
# From a scratch installed tree (make install DESTDIR=...): a Windows
# program linked with -lws2_32, -lwsock32, -lmswsock and the other DLLs'
# names (-liphlpapi, ...), shared and static, and the same through CMake's
# find_package(wscompat) with target_link_libraries(app ws2_32 iphlpapi)
# and with pkg-config's flags (which, like CMake's target, predefine
# _WIN32), each built and run.
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "$1 $2"; [ "$1" = ok ] || fail=1; }

"${MAKE:-make}" -C "$top_builddir" install DESTDIR="$tmp/root" > "$tmp/install.log" 2>&1 ||
    { tail -20 "$tmp/install.log"; echo "FAIL make install"; exit 1; }
root=$tmp/root$prefix
lib=$tmp/root$libdir
inc=$tmp/root$includedir/wscompat
app=$top_srcdir/packaging/app.c

for name in ws2_32 wsock32 mswsock iphlpapi kernel32 user32 advapi32 winmm; do
    # shellcheck disable=SC2086 # the build's flags are words
    if ${CC:-cc} ${CFLAGS:-} -I"$inc" -o "$tmp/app-$name" "$app" ${LDFLAGS:-} \
            -L"$lib" -l$name -Wl,-rpath,"$lib" -pthread 2> "$tmp/cc.log" &&
       [ "$("$tmp/app-$name")" = ok ]; then
        say ok "-l$name (shared)"
    else
        cat "$tmp/cc.log"; say FAIL "-l$name (shared)"
    fi
done
# pkg-config's flags (the .pc of the tree, its prefix moved to the
# scratch root): what a Windows compiler predefines comes with them.
if command -v pkg-config > /dev/null &&
   flags=$(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config \
           --define-variable=prefix="$root" --cflags --libs wscompat) &&
   # shellcheck disable=SC2086
   ${CC:-cc} ${CFLAGS:-} -DWSC_WANT_WIN32 -o "$tmp/app-pc" "$app" $flags \
       ${LDFLAGS:-} -Wl,-rpath,"$lib" 2> "$tmp/cc.log" &&
   [ "$("$tmp/app-pc")" = ok ]; then
    say ok "pkg-config --cflags --libs wscompat (_WIN32 predefined)"
else
    cat "$tmp/cc.log"; say FAIL "pkg-config --cflags --libs wscompat"
fi

if [ -f "$lib/libwscompat.a" ]; then
    # shellcheck disable=SC2086
    if ${CC:-cc} ${CFLAGS:-} -I"$inc" -o "$tmp/app-static" "$app" ${LDFLAGS:-} \
            -L"$lib" -Wl,-Bstatic -lws2_32 -liphlpapi -Wl,-Bdynamic -pthread 2> "$tmp/cc.log" &&
       [ "$("$tmp/app-static")" = ok ]; then
        say ok "-lws2_32 -liphlpapi (static)"
    else
        cat "$tmp/cc.log"; say FAIL "-lws2_32 -liphlpapi (static)"
    fi
fi

if ! command -v cmake > /dev/null; then
    say FAIL "cmake is not installed (README's first command installs it)"
else
    mkdir -p "$tmp/cm"
    cat > "$tmp/cm/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.13)
project(app C)
find_package(wscompat 0.1 REQUIRED)
add_executable(app $app)
target_link_libraries(app ws2_32 iphlpapi)
CMAKE
    if (cd "$tmp/cm" && cmake -S . -B build -DCMAKE_PREFIX_PATH="$root" \
            -DCMAKE_BUILD_RPATH="$lib" \
            -DCMAKE_C_FLAGS="${CFLAGS:-} -DWSC_WANT_WIN32" \
            -DCMAKE_EXE_LINKER_FLAGS="${LDFLAGS:-}" > "$tmp/cmake.log" 2>&1 &&
        cmake --build build >> "$tmp/cmake.log" 2>&1) &&
       [ "$("$tmp/cm/build/app")" = ok ]; then
        say ok "find_package(wscompat), target_link_libraries(app ws2_32 iphlpapi)"
    else
        tail -30 "$tmp/cmake.log"; say FAIL "find_package(wscompat)"
    fi
fi
exit $fail
