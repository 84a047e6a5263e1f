# The corpus of Windows-style network programs (corpus/MANIFEST, the one
# list of them), written the way real Windows code is written: make check
# builds each unchanged with gcc or g++ against wscompat and runs it over
# loopback; the matrix also builds the same sources with mingw-w64 and runs
# them under Wine (corpus/run.sh wine).  Included by Makefile.am.
TESTS += corpus/check.sh
EXTRA_DIST += corpus/MANIFEST corpus/NEEDS.md corpus/run.sh corpus/check.sh \
	corpus/tsan.supp
# The programs themselves, from the MANIFEST (not the whole folder: an
# in-tree make check leaves its logs there).
dist-hook:
	for f in `awk '!/^#/ && NF { print $$1 }' $(srcdir)/corpus/MANIFEST`; do \
	  cp -p $(srcdir)/corpus/$$f $(distdir)/corpus/ || exit 1; \
	done
