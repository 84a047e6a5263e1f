# The corpus of Windows-style network programs (corpus/MANIFEST, the one
# list of them), written the way real Windows code is written: make check
# builds each unchanged with gcc or g++ against wscompat and runs it over
# loopback; the matrix also builds the same sources with mingw-w64 and runs
# them under Wine (corpus/run.sh wine).  Included by Makefile.am.
TESTS += corpus/check.sh
EXTRA_DIST += corpus
