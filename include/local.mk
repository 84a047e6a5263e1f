# Public headers (included by Makefile.am).
# ---- the error table: one source, a generated public header --------------
BUILT_SOURCES = include/wscompat/wsaerrors.h
include/wscompat/wsaerrors.h: $(top_srcdir)/lib/engine/wsa_errors.def $(top_srcdir)/lib/gen-errors.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-errors.sh $(top_srcdir)/lib/engine/wsa_errors.def > $@.tmp
	mv $@.tmp $@
CLEANFILES = include/wscompat/wsaerrors.h
EXTRA_DIST =

wscincludedir = $(includedir)/wscompat
wscinclude_HEADERS = include/wscompat/winsock2.h include/wscompat/winsock.h \
	include/wscompat/ws2tcpip.h include/wscompat/windows.h \
	include/wscompat/mswsock.h include/wscompat/wscompat.h
nodist_wscinclude_HEADERS = include/wscompat/wsaerrors.h

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = wscompat.pc

