# Public headers (included by Makefile.am).  Three are generated, each from
# its lists: the WSA error numbers (lib/engine/wsa_errors.def), the Win32
# error numbers (lib/win32/errors.def), and the prototypes and
# redirections of the Winsock API and the Win32 baseline
# (lib/winsock/api.def, lib/win32/api.def).
BUILT_SOURCES = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h \
	include/wscompat/wsc_winerror.h
include/wscompat/wsaerrors.h: $(top_srcdir)/lib/engine/wsa_errors.def $(top_srcdir)/lib/gen-errors.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-errors.sh $(top_srcdir)/lib/engine/wsa_errors.def > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_api.h: $(top_srcdir)/lib/winsock/api.def $(top_srcdir)/lib/win32/api.def $(top_srcdir)/lib/gen-api.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-api.sh $(top_srcdir)/lib/winsock/api.def \
	  $(top_srcdir)/lib/win32/api.def > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_winerror.h: $(top_srcdir)/lib/win32/errors.def $(top_srcdir)/lib/win32/gen-winerror.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/win32/gen-winerror.sh $(top_srcdir)/lib/win32/errors.def > $@.tmp
	mv $@.tmp $@
CLEANFILES = $(BUILT_SOURCES)
EXTRA_DIST = lib/gen-api.sh lib/win32/gen-winerror.sh lib/win32/errors.def lib/win32/api.def

wscincludedir = $(includedir)/wscompat
wscinclude_HEADERS = include/wscompat/winsock2.h include/wscompat/winsock.h \
	include/wscompat/ws2tcpip.h include/wscompat/windows.h \
	include/wscompat/mswsock.h include/wscompat/wscompat.h \
	include/wscompat/wsc_win32.h
nodist_wscinclude_HEADERS = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h \
	include/wscompat/wsc_winerror.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = wscompat.pc
