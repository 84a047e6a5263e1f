# Fuzz targets (included by Makefile.am).
# ---- fuzz targets ----------------------------------------------------------
# Each target is one LLVMFuzzerTestOneInput.  make check replays the
# committed corpora (fuzz/corpus/TARGET, reproducers of past findings
# included) with fuzz/standalone.c; make fuzz builds the libFuzzer engines
# with clang in fuzz-build/ and runs each for FUZZ_SECONDS.
FUZZ_TARGETS = opt select addr wsabuf posix
FUZZ_SECONDS = 60
FUZZ_WINSOCK_H = fuzz/fuzz.h fuzz/fuzz_input.h
check_PROGRAMS += fuzz/replay_opt fuzz/replay_select fuzz/replay_addr \
	fuzz/replay_wsabuf fuzz/replay_posix
fuzz_replay_opt_SOURCES = fuzz/fuzz_opt.c fuzz/standalone.c $(FUZZ_WINSOCK_H)
fuzz_replay_opt_LDADD = libwscompat.la
fuzz_replay_select_SOURCES = fuzz/fuzz_select.c fuzz/standalone.c $(FUZZ_WINSOCK_H)
fuzz_replay_select_LDADD = libwscompat.la
fuzz_replay_addr_SOURCES = fuzz/fuzz_addr.c fuzz/standalone.c $(FUZZ_WINSOCK_H)
fuzz_replay_addr_LDADD = libwscompat.la
fuzz_replay_wsabuf_SOURCES = fuzz/fuzz_wsabuf.c fuzz/standalone.c $(FUZZ_WINSOCK_H)
fuzz_replay_wsabuf_LDADD = libwscompat.la
fuzz_replay_posix_SOURCES = fuzz/fuzz_posix.c fuzz/standalone.c fuzz/fuzz_input.h
fuzz_replay_posix_CPPFLAGS = $(POSIX_CPPFLAGS)
fuzz_replay_posix_LDFLAGS = $(WRAP_FLAGS)
fuzz_replay_posix_LDADD = libwscompat-wrap.la
TESTS += fuzz/replay.sh

FUZZ_ENGINES = fuzz/engine_opt fuzz/engine_select fuzz/engine_addr \
	fuzz/engine_wsabuf fuzz/engine_posix
EXTRA_PROGRAMS += $(FUZZ_ENGINES)
FUZZ_LINK_FLAGS = -fsanitize=fuzzer
fuzz_engine_opt_SOURCES = fuzz/fuzz_opt.c $(FUZZ_WINSOCK_H)
fuzz_engine_opt_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_engine_opt_LDADD = libwscompat.la
fuzz_engine_select_SOURCES = fuzz/fuzz_select.c $(FUZZ_WINSOCK_H)
fuzz_engine_select_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_engine_select_LDADD = libwscompat.la
fuzz_engine_addr_SOURCES = fuzz/fuzz_addr.c $(FUZZ_WINSOCK_H)
fuzz_engine_addr_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_engine_addr_LDADD = libwscompat.la
fuzz_engine_wsabuf_SOURCES = fuzz/fuzz_wsabuf.c $(FUZZ_WINSOCK_H)
fuzz_engine_wsabuf_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_engine_wsabuf_LDADD = libwscompat.la
fuzz_engine_posix_SOURCES = fuzz/fuzz_posix.c fuzz/fuzz_input.h
fuzz_engine_posix_CPPFLAGS = $(POSIX_CPPFLAGS)
fuzz_engine_posix_LDFLAGS = $(FUZZ_LINK_FLAGS) $(WRAP_FLAGS)
fuzz_engine_posix_LDADD = libwscompat-wrap.la
FUZZ_CFLAGS = -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1
fuzz-build/Makefile: sanitizer-src
	rm -rf fuzz-build && mkdir fuzz-build && cd fuzz-build && \
	$(SAN_SRC)/configure -q --disable-shared CC=clang \
	  CFLAGS="$(FUZZ_CFLAGS)" LDFLAGS="-fsanitize=address,undefined"
fuzz:
	@if command -v clang >/dev/null; then \
	  $(MAKE) sanitizer-src fuzz-build/Makefile && cd fuzz-build && \
	  $(MAKE) include/wscompat/wsaerrors.h && $(MAKE) $(FUZZ_ENGINES) && \
	  $(SHELL) $(abs_top_srcdir)/fuzz/run.sh $(abs_top_srcdir) \
	    $(FUZZ_SECONDS) $(FUZZ_TARGETS); \
	else \
	  echo "make fuzz: no clang; replaying the corpora instead"; \
	  $(MAKE) check TESTS=fuzz/replay.sh; \
	fi
# Add what the last make fuzz found new to the committed corpora.
fuzz-merge:
	cd fuzz-build && for t in $(FUZZ_TARGETS); do \
	  ./fuzz/engine_$$t -merge=1 $(abs_top_srcdir)/fuzz/corpus/$$t \
	    fuzz-out/$$t/corpus || exit 1; \
	done
.PHONY: fuzz fuzz-merge
EXTRA_DIST += fuzz/run.sh fuzz/replay.sh fuzz/corpus

