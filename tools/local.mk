# The tools: wscompat-run and wsaerr (included by Makefile.am).
# wscompat-run: the preload library's path is known at make time.  The
# placeholders are written [@]NAME[@] so that configure, which replaces
# @VERSION@ in this Makefile, leaves the sed expression alone.
bin_SCRIPTS = tools/wscompat-run
tools/wscompat-run: $(top_srcdir)/tools/wscompat-run.in Makefile
	$(MKDIR_P) tools
	sed -e 's|[@]PRELOAD_LIB[@]|$(libdir)/libwscompat-preload.so|g' \
	    -e 's|[@]VERSION[@]|$(VERSION)|g' $(top_srcdir)/tools/wscompat-run.in > $@.tmp
	chmod +x $@.tmp && mv $@.tmp $@
CLEANFILES += tools/wscompat-run
man_MANS = doc/wscompat-run.1 doc/wsaerr.1 doc/wscompat.7

# wsaerr: the table of Windows error numbers, from the command line.
bin_PROGRAMS = tools/wsaerr
tools_wsaerr_SOURCES = tools/wsaerr.c lib/engine/wsa_errors.def
tools_wsaerr_CPPFLAGS = -I$(top_srcdir)/lib/engine
EXTRA_DIST += tools/wscompat-run.in $(man_MANS)

