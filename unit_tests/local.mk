# Unit, bad-input, lifecycle, interposer and stress tests (included by
# Makefile.am).
# ---- tests -----------------------------------------------------------------
TEST_BINARIES = unit_tests/test_units unit_tests/test_badinput unit_tests/test_sweep unit_tests/test_guard unit_tests/test_limits unit_tests/test_lifecycle unit_tests/test_share unit_tests/stress unit_tests/headers_c99 unit_tests/headers_c11 \
	unit_tests/headers_cxx11 unit_tests/headers_cxx17 compat_tests/run_check
TESTS = $(TEST_BINARIES)
check_PROGRAMS = $(TEST_BINARIES)
STRICT = -Wall -Wextra -pedantic -Werror
# The tests that look inside (frontend.h: wsc_open_count, wsc_entry, ...)
# link the library's objects, where the hidden names are in reach.
INSIDE_LIBS = libwscwinsock.la

unit_tests_test_units_SOURCES = unit_tests/test_units.c
unit_tests_test_units_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_units_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_limits_SOURCES = unit_tests/test_limits.c unit_tests/testutil.h
unit_tests_test_limits_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_limits_LDFLAGS = -static -Wl,--wrap=pthread_create
unit_tests_test_limits_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_sweep_SOURCES = unit_tests/test_sweep.c unit_tests/testutil.h
unit_tests_test_sweep_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_sweep_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_guard_SOURCES = unit_tests/test_guard.c unit_tests/guard.h unit_tests/testutil.h
unit_tests_test_guard_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_guard_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
TEST_BINARIES += unit_tests/test_iphlpapi
unit_tests_test_iphlpapi_SOURCES = unit_tests/test_iphlpapi.c unit_tests/testutil.h
unit_tests_test_iphlpapi_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_iphlpapi_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
TEST_BINARIES += unit_tests/test_icmp
unit_tests_test_icmp_SOURCES = unit_tests/test_icmp.c unit_tests/testutil.h
unit_tests_test_icmp_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_icmp_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_badinput_SOURCES = unit_tests/test_badinput.c unit_tests/testutil.h
unit_tests_test_badinput_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_badinput_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_lifecycle_SOURCES = unit_tests/test_lifecycle.c
unit_tests_test_lifecycle_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_lifecycle_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_test_share_SOURCES = unit_tests/test_share.c unit_tests/testutil.h
unit_tests_test_share_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_share_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS)
unit_tests_stress_SOURCES = unit_tests/stress.c
unit_tests_stress_LDADD = $(INSIDE_LIBS)
unit_tests_headers_c99_SOURCES = unit_tests/headers_c.c
unit_tests_headers_c99_CFLAGS = -std=c99 $(STRICT) -pthread
unit_tests_headers_c99_LDADD = libwscompat.la
# Strict ISO C with only what pkg-config's flags add (_DEFAULT_SOURCE),
# not configure's _GNU_SOURCE: a program built with -std=c99.
TEST_BINARIES += unit_tests/headers_c99_strict
unit_tests_headers_c99_strict_SOURCES = unit_tests/headers_c.c
unit_tests_headers_c99_strict_CPPFLAGS = -U_GNU_SOURCE -D_DEFAULT_SOURCE $(AM_CPPFLAGS)
unit_tests_headers_c99_strict_CFLAGS = -std=c99 $(STRICT) -pthread
unit_tests_headers_c99_strict_LDADD = libwscompat.la
unit_tests_headers_c11_SOURCES = unit_tests/headers_c.c
unit_tests_headers_c11_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_headers_c11_LDADD = libwscompat.la
unit_tests_headers_cxx11_SOURCES = unit_tests/headers_cxx.cpp
unit_tests_headers_cxx11_CXXFLAGS = -std=c++11 $(STRICT) -pthread
unit_tests_headers_cxx11_LDADD = libwscompat.la
unit_tests_headers_cxx17_SOURCES = unit_tests/headers_cxx.cpp
unit_tests_headers_cxx17_CXXFLAGS = -std=c++17 $(STRICT) -pthread
unit_tests_headers_cxx17_LDADD = libwscompat.la
# Windows code as written (issue 14): C99, C11, C11 UNICODE, C++11, C++17.
TEST_BINARIES += unit_tests/headers_win_c99 unit_tests/headers_win_c11 \
	unit_tests/headers_win_unicode unit_tests/headers_win_cxx11 \
	unit_tests/headers_win_cxx17
unit_tests_headers_win_c99_SOURCES = unit_tests/headers_win.c
unit_tests_headers_win_c99_CFLAGS = -std=c99 $(STRICT) -pthread
unit_tests_headers_win_c99_LDADD = libwscompat.la
unit_tests_headers_win_c11_SOURCES = unit_tests/headers_win.c
unit_tests_headers_win_c11_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_headers_win_c11_LDADD = libwscompat.la
unit_tests_headers_win_unicode_SOURCES = unit_tests/headers_win.c
unit_tests_headers_win_unicode_CPPFLAGS = $(AM_CPPFLAGS) -DUNICODE -D_UNICODE
unit_tests_headers_win_unicode_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_headers_win_unicode_LDADD = libwscompat.la
unit_tests_headers_win_cxx11_SOURCES = unit_tests/headers_win_cxx.cpp
unit_tests_headers_win_cxx11_CXXFLAGS = -std=c++11 $(STRICT) -pthread
unit_tests_headers_win_cxx11_LDADD = libwscompat.la
unit_tests_headers_win_cxx17_SOURCES = unit_tests/headers_win_cxx.cpp
unit_tests_headers_win_cxx17_CXXFLAGS = -std=c++17 $(STRICT) -pthread
unit_tests_headers_win_cxx17_LDADD = libwscompat.la
# unsigned long * and long * where the API takes LPDWORD, PULONG or
# LPLONG (the same types on Windows): C by _Generic, C++ by overloads.
TEST_BINARIES += unit_tests/ptr32_c11 unit_tests/ptr32_cxx11
unit_tests_ptr32_c11_SOURCES = unit_tests/ptr32.c
unit_tests_ptr32_c11_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_ptr32_c11_LDADD = libwscompat.la
unit_tests_ptr32_cxx11_SOURCES = unit_tests/ptr32_cxx.cpp
unit_tests_ptr32_cxx11_CXXFLAGS = -std=c++11 $(STRICT) -pthread
unit_tests_ptr32_cxx11_LDADD = libwscompat.la
EXTRA_DIST += unit_tests/ptr32.c
# The secure CRT from <stdio.h>, <string.h>, <stdlib.h> and <time.h>
# alone (C) or <cstdio> and company (C++), <winsock2.h> not included
# (ORDER 0), before them (1) or after them (2).
# Narrow and wide output on one stream, C and C++ (unit_tests/stdio_mix.c).
TEST_BINARIES += unit_tests/stdio_mix_c unit_tests/stdio_mix_cxx
unit_tests_stdio_mix_c_SOURCES = unit_tests/stdio_mix.c
unit_tests_stdio_mix_c_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_stdio_mix_c_LDADD = libwscompat.la
unit_tests_stdio_mix_cxx_SOURCES = unit_tests/stdio_mix_cxx.cpp
unit_tests_stdio_mix_cxx_CXXFLAGS = -std=c++17 $(STRICT) -pthread
unit_tests_stdio_mix_cxx_LDADD = libwscompat.la
EXTRA_DIST += unit_tests/stdio_mix.c unit_tests/plain_check.h
TEST_BINARIES += unit_tests/headers_crt_c99 unit_tests/headers_crt_c11_before \
	unit_tests/headers_crt_c11_after unit_tests/headers_crt_cxx11 \
	unit_tests/headers_crt_cxx17_before unit_tests/headers_crt_cxx17_after
unit_tests_headers_crt_c99_SOURCES = unit_tests/headers_crt.c
unit_tests_headers_crt_c99_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=0
unit_tests_headers_crt_c99_CFLAGS = -std=c99 $(STRICT) -pthread
unit_tests_headers_crt_c99_LDADD = libwscompat.la
unit_tests_headers_crt_c11_before_SOURCES = unit_tests/headers_crt.c
unit_tests_headers_crt_c11_before_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=1
unit_tests_headers_crt_c11_before_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_headers_crt_c11_before_LDADD = libwscompat.la
unit_tests_headers_crt_c11_after_SOURCES = unit_tests/headers_crt.c
unit_tests_headers_crt_c11_after_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=2
unit_tests_headers_crt_c11_after_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_headers_crt_c11_after_LDADD = libwscompat.la
unit_tests_headers_crt_cxx11_SOURCES = unit_tests/headers_crt_cxx.cpp
unit_tests_headers_crt_cxx11_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=0
unit_tests_headers_crt_cxx11_CXXFLAGS = -std=c++11 $(STRICT) -pthread
unit_tests_headers_crt_cxx11_LDADD = libwscompat.la
unit_tests_headers_crt_cxx17_before_SOURCES = unit_tests/headers_crt_cxx.cpp
unit_tests_headers_crt_cxx17_before_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=1
unit_tests_headers_crt_cxx17_before_CXXFLAGS = -std=c++17 $(STRICT) -pthread
unit_tests_headers_crt_cxx17_before_LDADD = libwscompat.la
unit_tests_headers_crt_cxx17_after_SOURCES = unit_tests/headers_crt_cxx.cpp
unit_tests_headers_crt_cxx17_after_CPPFLAGS = $(AM_CPPFLAGS) -DORDER=2
unit_tests_headers_crt_cxx17_after_CXXFLAGS = -std=c++17 $(STRICT) -pthread
unit_tests_headers_crt_cxx17_after_LDADD = libwscompat.la
EXTRA_DIST += unit_tests/headers_crt.c
# wmain as the entry (argv converted) and wide printf's Microsoft %s.
check_PROGRAMS += unit_tests/wmain_app
unit_tests_wmain_app_CFLAGS = -std=c11 $(STRICT) -pthread
unit_tests_wmain_app_LDADD = libwscompat.la
TESTS += unit_tests/wmain.sh
EXTRA_DIST += unit_tests/wmain.sh

# A ported program, fortified, plain and linked with --wrap.
FORTIFY = -D_FORTIFY_SOURCE=2 -O2
check_PROGRAMS += unit_tests/ported_app unit_tests/ported_app_wrap
unit_tests_ported_app_SOURCES = examples/ported_app.c
unit_tests_ported_app_CPPFLAGS = $(FORTIFY)
unit_tests_ported_app_CFLAGS = -Wall -pthread
unit_tests_ported_app_wrap_SOURCES = examples/ported_app.c
unit_tests_ported_app_wrap_CPPFLAGS = $(FORTIFY)
unit_tests_ported_app_wrap_CFLAGS = -Wall -pthread
unit_tests_ported_app_wrap_LDFLAGS = $(WRAP_FLAGS)
unit_tests_ported_app_wrap_LDADD = libwscompat-wrap.la
TESTS += unit_tests/ported_app.sh unit_tests/real_programs.sh
EXTRA_DIST += unit_tests/ported_app.sh unit_tests/real_programs.sh

# Instructions per send/recv on the direct path (callgrind), against a
# fixed bound: the source API, wscompat-run and --wrap.
TESTS += unit_tests/fastpath.sh
EXTRA_DIST += unit_tests/fastpath.sh

# The mappings wscompat-run adds (each one more for a fork to copy).
check_PROGRAMS += unit_tests/maps_count
unit_tests_maps_count_CFLAGS = -Wall
TESTS += unit_tests/maps_count.sh
EXTRA_DIST += unit_tests/maps_count.sh

# WSCOMPAT_TRACE, through the source API and the interposer.
check_PROGRAMS += unit_tests/trace_app
unit_tests_trace_app_LDADD = libwscompat.la
TESTS += unit_tests/trace.sh
EXTRA_DIST += unit_tests/trace.sh

# The interposer's descriptor lifecycle, under wscompat-run and wrapped.
check_PROGRAMS += unit_tests/test_interpose
TEST_BINARIES += unit_tests/test_interpose_wrap
unit_tests_test_interpose_SOURCES = unit_tests/test_interpose.c
unit_tests_test_interpose_CPPFLAGS = $(POSIX_CPPFLAGS)
unit_tests_test_interpose_CFLAGS = -Wall -pthread $(CHECK_CFLAGS)
unit_tests_test_interpose_LDADD = $(CHECK_LIBS)
unit_tests_test_interpose_wrap_SOURCES = unit_tests/test_interpose.c
unit_tests_test_interpose_wrap_CPPFLAGS = $(POSIX_CPPFLAGS)
unit_tests_test_interpose_wrap_CFLAGS = -Wall -pthread $(CHECK_CFLAGS)
unit_tests_test_interpose_wrap_LDFLAGS = $(WRAP_FLAGS)
unit_tests_test_interpose_wrap_LDADD = libwscompat-wrap.la $(CHECK_LIBS)
TESTS += unit_tests/test-interpose-preload.sh
# Caller memory at a guard page, through the interposer linked with --wrap.
TEST_BINARIES += unit_tests/test_guard_posix_wrap
unit_tests_test_guard_posix_wrap_SOURCES = unit_tests/test_guard_posix.c unit_tests/guard.h
unit_tests_test_guard_posix_wrap_CPPFLAGS = $(POSIX_CPPFLAGS)
unit_tests_test_guard_posix_wrap_CFLAGS = -Wall -pthread $(CHECK_CFLAGS)
unit_tests_test_guard_posix_wrap_LDFLAGS = $(WRAP_FLAGS)
unit_tests_test_guard_posix_wrap_LDADD = libwscompat-wrap.la $(CHECK_LIBS)

EXTRA_DIST += unit_tests/test-interpose-preload.sh

# Handle lifecycle races, one Winsock source three ways: the source API,
# and as a port under wscompat-run and linked with --wrap.
HANDLES_PORT_CPPFLAGS = -I$(top_srcdir)/compat_tests/port \
	-I$(top_srcdir)/unit_tests -DCT_PORT
TEST_BINARIES += unit_tests/test_handles unit_tests/test_handles_wrap
check_PROGRAMS += unit_tests/test_handles_port
unit_tests_test_handles_SOURCES = unit_tests/test_handles.c unit_tests/testutil.h
unit_tests_test_handles_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_handles_LDADD = libwscompat.la $(CHECK_LIBS)
unit_tests_test_handles_port_SOURCES = unit_tests/test_handles.c
unit_tests_test_handles_port_CPPFLAGS = $(HANDLES_PORT_CPPFLAGS) -DWAY='"wscompat-run"'
unit_tests_test_handles_port_CFLAGS = -Wall -Wno-pointer-sign -pthread $(CHECK_CFLAGS)
unit_tests_test_handles_port_LDADD = $(CHECK_LIBS)
unit_tests_test_handles_wrap_SOURCES = unit_tests/test_handles.c
unit_tests_test_handles_wrap_CPPFLAGS = $(HANDLES_PORT_CPPFLAGS) -DWAY='"--wrap"'
unit_tests_test_handles_wrap_CFLAGS = -Wall -Wno-pointer-sign -pthread $(CHECK_CFLAGS)
unit_tests_test_handles_wrap_LDFLAGS = $(WRAP_FLAGS)
unit_tests_test_handles_wrap_LDADD = libwscompat-wrap.la $(CHECK_LIBS)

# Only the documented API is exported, and a program's own ws_connect,
# ip_close or wsc_ref_adopt does not replace wscompat's.
TESTS += unit_tests/symbols.sh unit_tests/own_names.sh
EXTRA_DIST += unit_tests/symbols.sh unit_tests/own_names.sh
check_PROGRAMS += unit_tests/own_names unit_tests/own_names_port \
	unit_tests/own_names_wrap
unit_tests_own_names_SOURCES = unit_tests/own_names.c
unit_tests_own_names_LDFLAGS = -Wl,--export-dynamic
unit_tests_own_names_LDADD = libwscompat.la
unit_tests_own_names_port_SOURCES = unit_tests/own_names.c
unit_tests_own_names_port_CPPFLAGS = -I$(top_srcdir)/compat_tests/port
unit_tests_own_names_port_LDFLAGS = -Wl,--export-dynamic
unit_tests_own_names_wrap_SOURCES = unit_tests/own_names.c
unit_tests_own_names_wrap_CPPFLAGS = -I$(top_srcdir)/compat_tests/port
unit_tests_own_names_wrap_LDFLAGS = $(WRAP_FLAGS)
unit_tests_own_names_wrap_LDADD = libwscompat-wrap.la

TESTS += unit_tests/wsaerr.sh
EXTRA_DIST += unit_tests/wsaerr.sh
# The tests use the build tree only: the preload library is the one just
# built even for a test that does not say so (one installed by an earlier
# make install is never what runs), and .ci/run removes any installed
# wscompat before it builds.
# The tools' --version and man pages, installed into a scratch DESTDIR by
# make check and where they are by make installcheck (and distcheck).
TESTS += unit_tests/version.sh
EXTRA_DIST += unit_tests/version.sh
installcheck-local:
	VERSION='$(VERSION)' $(SHELL) $(top_srcdir)/unit_tests/version.sh \
	  '$(DESTDIR)$(bindir)' '$(DESTDIR)$(mandir)'
EXTRA_DIST += unit_tests/proc_self.h

# The Win32 baseline (lib/win32/), through the public headers.
TEST_BINARIES += unit_tests/test_win32
unit_tests_test_win32_SOURCES = unit_tests/test_win32.c
unit_tests_test_win32_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_win32_LDADD = libwscompat.la $(CHECK_LIBS)

# Paths (every call taking one reads '\\' as a separator), directories,
# FindFirstFile and GetModuleFileName; the console on a pseudo-terminal
# and redirected.
TEST_BINARIES += unit_tests/test_win32_paths unit_tests/test_win32_console
unit_tests_test_win32_paths_SOURCES = unit_tests/test_win32_paths.c
unit_tests_test_win32_paths_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_win32_paths_LDADD = libwscompat.la $(CHECK_LIBS)
unit_tests_test_win32_console_SOURCES = unit_tests/test_win32_console.c
unit_tests_test_win32_console_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_win32_console_LDADD = libwscompat.la $(CHECK_LIBS)

# The window-message layer (lib/win32/window.c) and WSAAsyncSelect's
# bad input, through the public headers.
TEST_BINARIES += unit_tests/test_win32_window
unit_tests_test_win32_window_SOURCES = unit_tests/test_win32_window.c
unit_tests_test_win32_window_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_win32_window_LDADD = libwscompat.la $(CHECK_LIBS)

# The asynchronous engine under closesocket/CancelIoEx races
# (ASYNC_ITERATIONS, default 10 000).
TEST_BINARIES += unit_tests/test_async
unit_tests_test_async_SOURCES = unit_tests/test_async.c
unit_tests_test_async_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_async_LDADD = libwscompat.la $(CHECK_LIBS)

# The Win32 half of asynchronous I/O (lib/win32/port.c, apc.c,
# overlapped.c), inside the layer (its internal calls) with fake socket
# hooks; `unit_tests/test_w32async bench` measures a port's packet rate.
TEST_BINARIES += unit_tests/test_w32async
unit_tests_test_w32async_SOURCES = unit_tests/test_w32async.c unit_tests/proc_self.h
unit_tests_test_w32async_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_w32async_LDADD = libwscwin32.la $(CHECK_LIBS)

# The asynchronous GetAddrInfoExW against a lookup held pending: the
# program's own getaddrinfo stands in for libc's in the library's objects
# (linked in), so cancels and timeouts meet a lookup surely in flight.
TEST_BINARIES += unit_tests/test_gaiex
unit_tests_test_gaiex_SOURCES = unit_tests/test_gaiex.c unit_tests/testutil.h
unit_tests_test_gaiex_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_gaiex_LDADD = $(INSIDE_LIBS) $(CHECK_LIBS) -ldl

# Processes, mappings and named events between processes: the test starts
# proc_helper, a Windows program, with CreateProcess (both linked
# statically, so that the helper is the program itself, not a wrapper).
TEST_BINARIES += unit_tests/test_win32_process
check_PROGRAMS += unit_tests/proc_helper
unit_tests_test_win32_process_SOURCES = unit_tests/test_win32_process.c
unit_tests_test_win32_process_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
unit_tests_test_win32_process_LDFLAGS = -static
unit_tests_test_win32_process_LDADD = libwscompat.la $(CHECK_LIBS)
unit_tests_proc_helper_SOURCES = unit_tests/proc_helper.c
unit_tests_proc_helper_LDFLAGS = -static
unit_tests_proc_helper_LDADD = libwscompat.la
