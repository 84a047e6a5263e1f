# The libraries: one engine, three ways in (included by Makefile.am).
#
# One folder per layer, each compiled with its own include path and those
# of the layers below it, so that an include against the arrows fails:
#   lib/os         the only code that names libc's socket calls
#   lib/win32      the Win32 baseline: last error, messages, heaps, the
#                  handle table, threads, waits, locks, time, files,
#                  completion ports, APCs, overlapped results
#   lib/engine     socket table, blocking driver, close/shutdown, errors
#   lib/winsock    the Winsock source API (libwscompat)
#   lib/interpose  the POSIX interposer (preload module and --wrap archive)
#   lib/win32      the Win32 functions of windows.h (in libwscompat)
PUBLIC_INC = -I$(top_builddir)/include/wscompat -I$(top_srcdir)/include/wscompat
OS_INC = -I$(top_srcdir)/lib/os
ENGINE_INC = -I$(top_srcdir)/lib/engine $(OS_INC)
WIN32_INC = -I$(top_srcdir)/lib/win32
WINSOCK_INC = -I$(top_srcdir)/lib/winsock $(ENGINE_INC) $(WIN32_INC)
INTERPOSE_INC = -I$(top_srcdir)/lib/interpose $(ENGINE_INC)

# Only the documented API is exported: the library code is compiled with
# hidden visibility, and the public headers declare the API WSC_API.  The
# static archives are each made one object in which nothing else stays
# global (lib/localize.sh): the internal ws_, ip_ and wsc_ names of the
# engine and the front ends cannot meet a program's own.
# Thread-local variables are initial-exec: an offset from the thread
# pointer, not a call to __tls_get_addr on every use (and, in a forked
# child, a page of the dynamic loader's code to fault in).  The libraries
# are linked or preloaded, not dlopen'ed (the thread's last error was
# initial-exec already, which puts a library's whole TLS block in the
# static one).
LIB_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden -DWSC_INSIDE_LIB \
	-ftls-model=initial-exec
LOCALIZE = LD='$(LD)' OBJCOPY='$(OBJCOPY)' AR='$(AR)' RANLIB='$(RANLIB)' \
	$(SHELL) $(top_srcdir)/lib/localize.sh
LOCALIZE_LINK = $(LIBTOOL) $(AM_V_lt) --tag=CC $(AM_LIBTOOLFLAGS) \
	$(LIBTOOLFLAGS) --mode=link $(CCLD)
EXTRA_DIST += lib/localize.sh lib/gen-errors.sh lib/gen-interpose.sh

# The os layer, bound three ways: to libc by name, through dlsym, and to
# the linker's __real_ names.
noinst_LTLIBRARIES = libwscos_libc.la libwscos_preload.la libwscos_wrap.la
OS_HDRS = lib/os/os.h lib/os/bind.h lib/os/calls.def
libwscos_libc_la_SOURCES = lib/os/libc.c $(OS_HDRS)
libwscos_libc_la_CPPFLAGS = $(OS_INC)
libwscos_libc_la_CFLAGS = $(LIB_CFLAGS) -fPIC -U_FORTIFY_SOURCE
libwscos_preload_la_SOURCES = lib/os/preload.c $(OS_HDRS)
libwscos_preload_la_CPPFLAGS = $(OS_INC)
libwscos_preload_la_CFLAGS = $(LIB_CFLAGS) -fPIC -U_FORTIFY_SOURCE
libwscos_wrap_la_SOURCES = lib/os/wrap.c $(OS_HDRS)
libwscos_wrap_la_CPPFLAGS = $(OS_INC)
libwscos_wrap_la_CFLAGS = $(LIB_CFLAGS) -fPIC -U_FORTIFY_SOURCE

# The engine once, linked into each way in.
noinst_LTLIBRARIES += libwscengine.la
libwscengine_la_SOURCES = lib/engine/engine.h lib/engine/direct_path.h \
	lib/engine/wsa_errors.def \
	lib/engine/table.c lib/engine/wait.c lib/engine/errors.c \
	lib/engine/io.c lib/engine/conn.c lib/engine/close.c lib/engine/poll.c \
	lib/engine/ping.c \
	lib/engine/opt.c lib/engine/fork.c lib/engine/trace.h \
	lib/engine/trace.c lib/engine/usermem.h lib/engine/usermem.c \
	lib/engine/async.h lib/engine/async.c lib/engine/netevents.c \
	lib/engine/share.c
libwscengine_la_CPPFLAGS = $(PUBLIC_INC) $(ENGINE_INC)
libwscengine_la_CFLAGS = $(LIB_CFLAGS) -fPIC -U_FORTIFY_SOURCE

# The Win32 baseline, below the engine (the asynchronous engine puts its
# events and completion ports on its handles and waits): libc and
# pthreads only.
noinst_LTLIBRARIES += libwscwin32.la
libwscwin32_la_SOURCES = lib/win32/win32.h lib/win32/lasterror.h \
	lib/win32/handle.h lib/win32/api.def lib/win32/errors.def \
	lib/win32/error.c lib/win32/message.c lib/win32/heap.c \
	lib/win32/handle.c lib/win32/wait.c lib/win32/thread.c \
	lib/win32/sync.c lib/win32/time.c lib/win32/cpus.c lib/win32/console.c \
	lib/win32/file.c lib/win32/dir.c lib/win32/mailslot.c lib/win32/module.c lib/win32/wide.c lib/win32/text.c \
	lib/win32/stdio.c \
	lib/win32/w32async.h lib/win32/port.c lib/win32/apc.c \
	lib/win32/overlapped.c \
	lib/win32/window.c lib/win32/process.c lib/win32/shared.c \
	lib/win32/mapping.c lib/win32/conio.c
libwscwin32_la_CPPFLAGS = $(PUBLIC_INC) $(WIN32_INC)
libwscwin32_la_CFLAGS = $(LIB_CFLAGS) -fPIC

# The Winsock source API: the front end with the engine, as a convenience
# library (the unit tests that look inside link it), and as libwscompat.
noinst_LTLIBRARIES += libwscwinsock.la
libwscwinsock_la_SOURCES = lib/winsock/ws.h lib/winsock/optmap.h \
	lib/winsock/startup.c lib/winsock/socket.c lib/winsock/io.c \
	lib/winsock/select.c lib/winsock/optmap.c lib/winsock/opt.c \
	lib/winsock/names.c lib/winsock/lookup.h lib/winsock/gaiex.c \
	lib/winsock/netdb.c lib/winsock/procs.c lib/winsock/asyncdb.c \
	lib/winsock/convert.c lib/winsock/api.def \
	lib/winsock/trace.c lib/winsock/overlapped.h lib/winsock/overlapped.c \
	lib/winsock/events.c lib/winsock/mswsock.c lib/winsock/iflist.h \
	lib/winsock/iflist.c lib/winsock/msg.c lib/winsock/protocols.h \
	lib/winsock/protocols.c lib/winsock/adapters.c lib/winsock/icmp.c \
	lib/winsock/mibtables.c lib/winsock/iftable.c lib/winsock/netioapi.c
libwscwinsock_la_CPPFLAGS = $(PUBLIC_INC) $(WINSOCK_INC)
libwscwinsock_la_CFLAGS = $(LIB_CFLAGS)
libwscwinsock_la_LIBADD = libwscengine.la libwscos_libc.la libwscwin32.la
lib_LTLIBRARIES = libwscompat.la
libwscompat_la_SOURCES =
libwscompat_la_LIBADD = libwscwinsock.la
libwscompat_la_LDFLAGS = -version-info 0:0:0 -pthread
libwscompat_la_LINK = $(LOCALIZE) --localize-hidden $(LOCALIZE_LINK) \
	$(AM_CFLAGS) $(CFLAGS) $(libwscompat_la_LDFLAGS) $(LDFLAGS) -o $@

# The POSIX interposer, as LD_PRELOAD module and as static --wrap library.
INTERPOSER_SOURCES = lib/interpose/interpose.h lib/interpose/init.c \
	lib/interpose/socket.c lib/interpose/io.c lib/interpose/poll.c \
	lib/interpose/fd.c lib/interpose/trace.c
lib_LTLIBRARIES += libwscompat-preload.la libwscompat-wrap.la
libwscompat_preload_la_SOURCES = $(INTERPOSER_SOURCES)
libwscompat_preload_la_CPPFLAGS = $(PUBLIC_INC) $(INTERPOSE_INC)
libwscompat_preload_la_CFLAGS = $(LIB_CFLAGS) -U_FORTIFY_SOURCE
libwscompat_preload_la_LIBADD = libwscengine.la libwscos_preload.la -ldl
libwscompat_preload_la_LDFLAGS = -module -avoid-version -pthread -Wl,-z,now -Wl,-z,relro \
	-Wl,-z,noseparate-code \
	-Wl,--version-script=$(builddir)/lib/preload.map
EXTRA_libwscompat_preload_la_DEPENDENCIES = lib/preload.map
libwscompat_wrap_la_SOURCES = $(INTERPOSER_SOURCES)
libwscompat_wrap_la_CPPFLAGS = $(PUBLIC_INC) $(INTERPOSE_INC) -DWSC_WRAP
libwscompat_wrap_la_CFLAGS = $(LIB_CFLAGS) -fPIC -U_FORTIFY_SOURCE
libwscompat_wrap_la_LIBADD = libwscengine.la libwscos_wrap.la
libwscompat_wrap_la_LDFLAGS = -static
# Global in the --wrap archive: the __wrap_ names only.
libwscompat_wrap_la_LINK = $(LOCALIZE) \
	'--wildcard --keep-global-symbol=__wrap_*' $(LOCALIZE_LINK) \
	$(libwscompat_wrap_la_CFLAGS) $(CFLAGS) $(libwscompat_wrap_la_LDFLAGS) \
	$(LDFLAGS) -o $@

GEN_INTERPOSE = $(SHELL) $(top_srcdir)/lib/gen-interpose.sh
lib/preload.map: $(top_srcdir)/lib/os/calls.def $(top_srcdir)/lib/gen-interpose.sh
	$(MKDIR_P) lib
	$(GEN_INTERPOSE) export $(top_srcdir)/lib/os/calls.def > $@
CLEANFILES += lib/preload.map
pkgconfig_DATA += wscompat-wrap.pc
CONFIG_STATUS_DEPENDENCIES = $(top_srcdir)/lib/os/calls.def
