# The names Windows build files link with, and a CMake package (included
# by Makefile.am).
#
# -lws2_32, -lmswsock, -lwsock32, and the other DLLs whose functions
# wscompat has (-liphlpapi, -lkernel32, -luser32, -ladvapi32, -lwinmm):
# GNU ld scripts that mean -lwscompat, for shared and static links alike.
WINDOWS_LIB_NAMES = ws2_32 mswsock wsock32 iphlpapi kernel32 user32 advapi32 winmm
WINDOWS_LIBS = $(WINDOWS_LIB_NAMES:%=packaging/lib%.so) \
	$(WINDOWS_LIB_NAMES:%=packaging/lib%.a)
$(WINDOWS_LIBS):
	$(MKDIR_P) packaging
	echo '/* GNU ld script: a Windows name of libwscompat. */' > $@.tmp
	echo 'INPUT(-lwscompat)' >> $@.tmp
	mv $@.tmp $@
windowslibdir = $(libdir)
windowslib_DATA = $(WINDOWS_LIBS)

# find_package(wscompat): the imported target wscompat::wscompat and the
# Windows library names as targets.  The paths are relative to the
# installed file (cmakedir is libdir/cmake/wscompat).
cmakedir = $(libdir)/cmake/wscompat
cmake_DATA = packaging/wscompatConfig.cmake packaging/wscompatConfigVersion.cmake
CMAKE_SUBST = libsub=`echo '$(libdir)' | sed 's|^$(prefix)/||'`; \
	incsub=`echo '$(includedir)' | sed 's|^$(prefix)/||'`; \
	case "$$libsub$$incsub" in \
	/*) inc='$(includedir)' ;; \
	*) inc=../../`echo "$$libsub" | sed 's|[^/][^/]*|..|g'`/$$incsub ;; \
	esac; \
	sed -e 's|[@]LIBDIR_FROM_CMAKEDIR[@]|../..|g' \
	    -e "s|[@]INCLUDEDIR_FROM_CMAKEDIR[@]|$$inc|g" \
	    -e 's|[@]VERSION[@]|$(VERSION)|g' \
	    -e 's|[@]WSC_DEFINES[@]|'`echo $(WSC_PREDEFINES) | sed 's/-D//g; s/ /;/g'`'|g' \
	    -e 's|[@]VERSION_MAJOR[@]|'`echo $(VERSION) | cut -d. -f1`'|g'
packaging/wscompatConfig.cmake: $(top_srcdir)/packaging/wscompatConfig.cmake.in Makefile
	$(MKDIR_P) packaging
	$(CMAKE_SUBST) $(top_srcdir)/packaging/wscompatConfig.cmake.in > $@.tmp
	mv $@.tmp $@
packaging/wscompatConfigVersion.cmake: $(top_srcdir)/packaging/wscompatConfigVersion.cmake.in Makefile
	$(MKDIR_P) packaging
	$(CMAKE_SUBST) $(top_srcdir)/packaging/wscompatConfigVersion.cmake.in > $@.tmp
	mv $@.tmp $@
CLEANFILES += $(WINDOWS_LIBS) $(cmake_DATA)
EXTRA_DIST += packaging/wscompatConfig.cmake.in \
	packaging/wscompatConfigVersion.cmake.in

# Both, from an installed tree: a program linked with -lws2_32 (shared and
# static) and one built by CMake with target_link_libraries(app ws2_32).
TESTS += packaging/installed.sh
EXTRA_DIST += packaging/installed.sh packaging/app.c
