# The demo (included by Makefile.am).
# ---- the demo: built against the installed library through pkg-config ---
demo:
	DEMO_OUT=$(abs_top_builddir)/demo-bin $(SHELL) $(top_srcdir)/examples/demo.sh
.PHONY: demo
EXTRA_DIST += examples/echo_server.c examples/echo_client.c examples/demo.sh \
	examples/close_winsock.c examples/close_posix.c examples/ported_app.c

