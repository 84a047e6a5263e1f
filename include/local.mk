# Public headers (included by Makefile.am).  Two are generated, each from
# its one list: the WSA error numbers (lib/engine/wsa_errors.def) and the
# Winsock API's prototypes and redirections (lib/winsock/api.def).
BUILT_SOURCES = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h
include/wscompat/wsaerrors.h: $(top_srcdir)/lib/engine/wsa_errors.def $(top_srcdir)/lib/gen-errors.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-errors.sh $(top_srcdir)/lib/engine/wsa_errors.def > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_api.h: $(top_srcdir)/lib/winsock/api.def $(top_srcdir)/lib/gen-api.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-api.sh $(top_srcdir)/lib/winsock/api.def > $@.tmp
	mv $@.tmp $@
CLEANFILES = $(BUILT_SOURCES)
EXTRA_DIST = lib/gen-api.sh

wscincludedir = $(includedir)/wscompat
wscinclude_HEADERS = include/wscompat/winsock2.h include/wscompat/winsock.h \
	include/wscompat/ws2tcpip.h include/wscompat/windows.h \
	include/wscompat/mswsock.h include/wscompat/wscompat.h
nodist_wscinclude_HEADERS = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = wscompat.pc
