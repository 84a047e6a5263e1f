# Benchmarks (included by Makefile.am).
# ---- benchmarks: make bench (BENCH_QUICK=1 for a short run) --------------
BENCH_FILES = bench/bench.c bench/bench_os.h
BENCH_PORT_FLAGS = -I$(top_srcdir)/compat_tests/port -DBENCH_PORT
BENCH_CFLAGS = -O2 -Wall -Wno-pointer-sign -Wno-unused-value -pthread
EXTRA_PROGRAMS += bench/bench_raw bench/bench_port bench/bench_port_wrap \
	bench/bench_wsc bench/forkserv bench/forkserv_wrap
bench_forkserv_SOURCES = bench/forkserv.c
bench_forkserv_CPPFLAGS = $(POSIX_CPPFLAGS)
bench_forkserv_CFLAGS = $(BENCH_CFLAGS)
bench_forkserv_wrap_SOURCES = bench/forkserv.c
bench_forkserv_wrap_CPPFLAGS = $(POSIX_CPPFLAGS)
bench_forkserv_wrap_CFLAGS = $(BENCH_CFLAGS)
bench_forkserv_wrap_LDFLAGS = $(WRAP_FLAGS)
bench_forkserv_wrap_LDADD = libwscompat-wrap.la
# The fast path's loop, for an instruction count: make check bounds it
# (unit_tests/fastpath.sh), make bench reports it.
check_PROGRAMS += bench/fastpath_raw bench/fastpath_wsc bench/fastpath_wrap
bench_bench_raw_SOURCES = $(BENCH_FILES)
bench_bench_raw_CPPFLAGS = $(BENCH_PORT_FLAGS) -DBENCH_SHUTDOWN_WAKES
bench_bench_raw_CFLAGS = $(BENCH_CFLAGS)
bench_bench_port_SOURCES = $(BENCH_FILES)
bench_bench_port_CPPFLAGS = $(BENCH_PORT_FLAGS)
bench_bench_port_CFLAGS = $(BENCH_CFLAGS)
bench_bench_port_wrap_SOURCES = $(BENCH_FILES)
bench_bench_port_wrap_CPPFLAGS = $(BENCH_PORT_FLAGS)
bench_bench_port_wrap_CFLAGS = $(BENCH_CFLAGS)
bench_bench_port_wrap_LDFLAGS = $(WRAP_FLAGS)
bench_bench_port_wrap_LDADD = libwscompat-wrap.la
bench_bench_wsc_SOURCES = $(BENCH_FILES)
bench_bench_wsc_CFLAGS = $(BENCH_CFLAGS)
bench_bench_wsc_LDFLAGS = -static
bench_bench_wsc_LDADD = libwscompat.la
bench_fastpath_raw_SOURCES = bench/fastpath.c
bench_fastpath_raw_CPPFLAGS = $(BENCH_PORT_FLAGS)
bench_fastpath_raw_CFLAGS = $(BENCH_CFLAGS) -g
bench_fastpath_wsc_SOURCES = bench/fastpath.c
bench_fastpath_wsc_CFLAGS = $(BENCH_CFLAGS) -g
bench_fastpath_wsc_LDFLAGS = -static
bench_fastpath_wsc_LDADD = libwscompat.la
bench_fastpath_wrap_SOURCES = bench/fastpath.c
bench_fastpath_wrap_CPPFLAGS = $(BENCH_PORT_FLAGS)
bench_fastpath_wrap_CFLAGS = $(BENCH_CFLAGS) -g
bench_fastpath_wrap_LDFLAGS = $(WRAP_FLAGS)
bench_fastpath_wrap_LDADD = libwscompat-wrap.la
bench/bench.exe: bench/bench.c bench/bench_os.h
	$(MKDIR_P) bench
	$(MINGW_CC) -O2 -Wall -o $@ $(top_srcdir)/bench/bench.c -lws2_32 -static
CLEANFILES += bench/bench.exe
BENCH_DEPS = all bench/bench_raw bench/bench_port bench/bench_port_wrap \
	bench/bench_wsc bench/fastpath_raw bench/fastpath_wsc bench/fastpath_wrap \
	bench/forkserv bench/forkserv_wrap bench/async_bench tools/wscompat-run
BENCH_WIN32 = `command -v $(MINGW_CC) >/dev/null && echo bench/bench.exe bench/async.exe`
bench:
	$(MAKE) $(BENCH_DEPS) $(BENCH_WIN32)
	$(SHELL) $(top_srcdir)/bench/run.sh $(abs_top_srcdir) $(abs_top_builddir) \
	  $(if $(BENCH_QUICK),quick)
.PHONY: bench
EXTRA_DIST += bench/run.sh bench/report.py bench/fastpath.c bench/RESULTS.md \
	bench/bench.png


# The asynchronous servers (issue 16): an IOCP echo server against an
# epoll one, a WSAEventSelect server against a poll one, driven by one
# native client in one program (bench/async_bench, ratios per round), and
# the Windows side alone for Wine (bench/async.exe).
EXTRA_PROGRAMS += bench/async_bench
bench_async_bench_SOURCES = bench/async_win.c bench/async_native.c \
	bench/async_bench.h
bench_async_bench_CFLAGS = $(BENCH_CFLAGS)
bench_async_bench_LDFLAGS = -static
bench_async_bench_LDADD = libwscompat.la
bench/async.exe: bench/async_win.c bench/async_bench.h
	$(MKDIR_P) bench
	$(MINGW_CC) -O2 -Wall -DBENCH_WIN_MAIN -I$(top_srcdir)/bench -o $@ \
	  $(top_srcdir)/bench/async_win.c -lws2_32 -lmswsock -static
CLEANFILES += bench/async.exe
