# One scenario per contract row: the check runners, the ported build and
# the behavior matrix with its Windows side (included by Makefile.am).
# SCENARIO_FILES and PORT_SCENARIO_FILES, from the scenario lists.
include $(srcdir)/compat_tests/scenarios.mk
$(srcdir)/compat_tests/scenarios.mk: $(srcdir)/compat_tests/scenarios.def \
		$(srcdir)/compat_tests/port_scenarios.def \
		$(srcdir)/compat_tests/gen-scenarios.sh
	$(SHELL) $(srcdir)/compat_tests/gen-scenarios.sh $(srcdir)/compat_tests > $@.tmp
	mv $@.tmp $@
EXTRA_DIST += compat_tests/scenarios.mk compat_tests/gen-scenarios.sh
HARNESS_FILES = compat_tests/harness.h compat_tests/harness_ov.h compat_tests/ct.h compat_tests/ct.c \
	compat_tests/platform.h compat_tests/harness_common.c \
	compat_tests/expect.h compat_tests/expect.c compat_tests/scenarios.def \
	compat_tests/scenario_list.h compat_tests/ev.h compat_tests/as.h \
	compat_tests/optnames.h
# The scenarios and their harness are compiled once for every runner
# that shares their flags: run_check and run_rows take the Winsock API
# build, the four ported runners the POSIX-names build.
check_LIBRARIES = compat_tests/libct.a compat_tests/libct_port.a
compat_tests_libct_a_SOURCES = $(HARNESS_FILES) compat_tests/platform_posix.c \
	$(SCENARIO_FILES)
compat_tests_libct_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/compat_tests
compat_tests_run_check_SOURCES = compat_tests/run_check.c
compat_tests_run_check_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/compat_tests \
	-DCT_EXPECTED_FILE='"$(abs_top_srcdir)/compat_tests/expected.txt"'
compat_tests_run_check_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
compat_tests_run_check_LDADD = compat_tests/libct.a libwscompat.la $(CHECK_LIBS)
EXTRA_DIST += compat_tests/expected.txt

# The same scenarios compiled as a program ported to POSIX names
# (compat_tests/port/winsock2.h), run three ways: under wscompat-run, linked
# with the --wrap library, and plain as the control.
PORT_CPPFLAGS = -I$(top_srcdir)/compat_tests/port -I$(top_srcdir)/compat_tests \
	-DCT_PORT -DCT_EXPECTED_FILE='"$(abs_top_srcdir)/compat_tests/expected.txt"' \
	-DCT_OVERLAY_FILE='"$(abs_top_srcdir)/compat_tests/port/expected-posix.txt"'
PORT_CFLAGS = $(AM_CFLAGS) -Wno-pointer-sign
compat_tests_libct_port_a_SOURCES = $(HARNESS_FILES) \
	compat_tests/port_scenarios.def compat_tests/port/winsock2.h \
	compat_tests/port/ws2tcpip.h compat_tests/platform_posix.c \
	$(PORT_SCENARIO_FILES)
compat_tests_libct_port_a_CPPFLAGS = $(PORT_CPPFLAGS)
compat_tests_libct_port_a_CFLAGS = $(PORT_CFLAGS)
check_PROGRAMS += compat_tests/port_check
TEST_BINARIES += compat_tests/port_check_wrap
compat_tests_port_check_SOURCES = compat_tests/run_check.c
compat_tests_port_check_CPPFLAGS = $(PORT_CPPFLAGS)
compat_tests_port_check_CFLAGS = $(PORT_CFLAGS) $(CHECK_CFLAGS)
compat_tests_port_check_LDADD = compat_tests/libct_port.a $(CHECK_LIBS)
compat_tests_port_check_wrap_SOURCES = compat_tests/run_check.c
compat_tests_port_check_wrap_CPPFLAGS = $(PORT_CPPFLAGS)
compat_tests_port_check_wrap_CFLAGS = $(PORT_CFLAGS) $(CHECK_CFLAGS)
compat_tests_port_check_wrap_LDFLAGS = $(WRAP_FLAGS)
compat_tests_port_check_wrap_LDADD = compat_tests/libct_port.a \
	libwscompat-wrap.la $(CHECK_LIBS)
TESTS += compat_tests/port-preload.sh compat_tests/port-control.sh
EXTRA_DIST += compat_tests/port/expected-posix.txt \
	compat_tests/port-preload.sh compat_tests/port-control.sh


# ---- the behavior matrix: every way in, and Wine -------------------------
# Row runners: one result line per scenario, the same on every platform.
EXTRA_PROGRAMS = compat_tests/run_rows compat_tests/port_rows compat_tests/port_rows_wrap
compat_tests_run_rows_SOURCES = compat_tests/run_rows.c
compat_tests_run_rows_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/compat_tests
compat_tests_run_rows_LDADD = compat_tests/libct.a libwscompat.la
compat_tests_port_rows_SOURCES = compat_tests/run_rows.c
compat_tests_port_rows_CPPFLAGS = $(PORT_CPPFLAGS)
compat_tests_port_rows_CFLAGS = $(PORT_CFLAGS)
compat_tests_port_rows_LDADD = compat_tests/libct_port.a
compat_tests_port_rows_wrap_SOURCES = compat_tests/run_rows.c
compat_tests_port_rows_wrap_CPPFLAGS = $(PORT_CPPFLAGS)
compat_tests_port_rows_wrap_CFLAGS = $(PORT_CFLAGS)
compat_tests_port_rows_wrap_LDFLAGS = $(WRAP_FLAGS)
compat_tests_port_rows_wrap_LDADD = compat_tests/libct_port.a libwscompat-wrap.la
CLEANFILES += $(EXTRA_PROGRAMS)

# The same scenarios for Windows, against the real ws2_32 (mingw-w64).
MINGW_CC = x86_64-w64-mingw32-gcc
WIN32_FILES = compat_tests/run_rows.c compat_tests/ct.c compat_tests/expect.c \
	compat_tests/harness_common.c win32/platform_win32.c $(SCENARIO_FILES)
# The SDK level IC4's TCP_INFO_v1 needs, for every file: the precompiled
# headers are read before any file's own #define.
MINGW_CFLAGS = -O1 -Wall -DNTDDI_VERSION=0x0A000006
win32/ct_pch.h.gch: $(top_srcdir)/win32/ct_pch.h
	$(MKDIR_P) win32
	$(MINGW_CC) $(MINGW_CFLAGS) -x c-header -o $@ $(top_srcdir)/win32/ct_pch.h
win32/run_rows.exe: $(WIN32_FILES) compat_tests/harness.h win32/ct_pch.h.gch
	$(MKDIR_P) win32
	cd $(top_srcdir) && $(MINGW_CC) $(MINGW_CFLAGS) -Winvalid-pch \
	  -I$(abs_top_builddir)/win32 -Iwin32 -include ct_pch.h -Icompat_tests \
	  -o $(abs_top_builddir)/win32/run_rows.exe $(WIN32_FILES) -lws2_32 -static
CLEANFILES += win32/run_rows.exe win32/ct_pch.h.gch

MATRIX_DEPS = all compat_tests/run_rows compat_tests/port_rows \
	compat_tests/port_rows_wrap tools/wscompat-run
# Build the Windows runner only where mingw-w64 is installed.
MATRIX_WIN32 = `command -v $(MINGW_CC) >/dev/null && echo win32/run_rows.exe`
matrix:
	$(MAKE) $(MATRIX_DEPS) $(MATRIX_WIN32)
	$(SHELL) $(top_srcdir)/compat_tests/matrix.sh $(abs_top_srcdir) \
	  $(abs_top_builddir) $(abs_top_srcdir)/doc/behavior-matrix.md
# CI: regenerate and fail if the committed matrix is not what the code does.
matrix-check:
	$(MAKE) $(MATRIX_DEPS) $(MATRIX_WIN32)
	$(SHELL) $(top_srcdir)/compat_tests/matrix.sh $(abs_top_srcdir) \
	  $(abs_top_builddir) $(abs_top_builddir)/behavior-matrix.md
	diff -u $(top_srcdir)/doc/behavior-matrix.md behavior-matrix.md
.PHONY: matrix matrix-check
CLEANFILES += behavior-matrix.md
EXTRA_DIST += compat_tests/rows.txt compat_tests/matrix.sh compat_tests/matrix.py \
	compat_tests/run_rows.c win32/platform_win32.c win32/ct_pch.h win32/wine-deviations.txt \
	win32/README.md doc/behavior-matrix.md


# ---- MX/KA: mswsock extensions and ioctls (windows-async.md sections 4, 7)
HARNESS_FILES += compat_tests/mx.h
# ---- WA: WSAAccept (and MX10)
HARNESS_FILES += compat_tests/wa.h
# The asynchronous GetAddrInfoExW scenarios' helpers (NM7-NM9).
HARNESS_FILES += compat_tests/gaiex.h
