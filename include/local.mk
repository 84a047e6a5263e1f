# Public headers (included by Makefile.am).  Generated, each from its
# list: the WSA error numbers (lib/engine/wsa_errors.def), the Win32 error
# numbers (lib/win32/errors.def), the prototypes and redirections of the
# Winsock API and the Win32 baseline (lib/winsock/api.def,
# lib/win32/api.def), what Microsoft's C library headers declare beside
# the standard names (wsc_crt.h, from lib/win32/api.def's tagged lines), and the header names as Windows code spells them
# (WSC_SPELLINGS below).
API_DEFS = $(top_srcdir)/lib/winsock/api.def $(top_srcdir)/lib/win32/api.def
BUILT_SOURCES = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h \
	include/wscompat/wsc_winerror.h include/wscompat/wsc_crt.h
include/wscompat/wsaerrors.h: $(top_srcdir)/lib/engine/wsa_errors.def $(top_srcdir)/lib/gen-errors.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-errors.sh $(top_srcdir)/lib/engine/wsa_errors.def > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_api.h: $(API_DEFS) $(top_srcdir)/lib/gen-api.sh $(top_srcdir)/lib/gen-ptr32.awk
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-api.sh $(API_DEFS) > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_crt.h: $(top_srcdir)/lib/win32/api.def $(top_srcdir)/lib/gen-api.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/gen-api.sh --crt $(top_srcdir)/lib/win32/api.def > $@.tmp
	mv $@.tmp $@
include/wscompat/wsc_winerror.h: $(top_srcdir)/lib/win32/errors.def $(top_srcdir)/lib/win32/gen-winerror.sh
	$(MKDIR_P) include/wscompat
	$(SHELL) $(top_srcdir)/lib/win32/gen-winerror.sh $(top_srcdir)/lib/win32/errors.def > $@.tmp
	mv $@.tmp $@
CLEANFILES = $(BUILT_SOURCES)
EXTRA_DIST = lib/gen-api.sh lib/gen-ptr32.awk lib/win32/gen-winerror.sh lib/win32/errors.def lib/win32/api.def

wscincludedir = $(includedir)/wscompat
# The C++ library's headers that read _WIN32 (pkg-config's flags define
# it), each read without it: filesystem (in wscinclude_HEADERS) and these.
wscexperimentaldir = $(wscincludedir)/experimental
wscexperimental_HEADERS = include/wscompat/experimental/filesystem \
	include/wscompat/experimental/internet
wscinclude_HEADERS = include/wscompat/winsock2.h include/wscompat/winsock.h \
	include/wscompat/ws2tcpip.h include/wscompat/windows.h \
	include/wscompat/mswsock.h include/wscompat/wscompat.h \
	include/wscompat/wsc_win32.h include/wscompat/wsc_ptr32.h \
	include/wscompat/wsc_msvc.h include/wscompat/wsc_text.h \
	include/wscompat/sal.h \
	include/wscompat/windef.h include/wscompat/winbase.h \
	include/wscompat/minwindef.h include/wscompat/winnt.h \
	include/wscompat/wtypes.h include/wscompat/basetsd.h \
	include/wscompat/winerror.h include/wscompat/tchar.h \
	include/wscompat/strsafe.h include/wscompat/wsc_strsafe_body.h include/wscompat/wsc_crt_cxx.h include/wscompat/wsc_time_widths.h \
	include/wscompat/process.h \
	include/wscompat/mstcpip.h include/wscompat/ws2def.h \
	include/wscompat/ws2ipdef.h include/wscompat/inaddr.h \
	include/wscompat/in6addr.h include/wscompat/iphlpapi.h \
	include/wscompat/netioapi.h \
	include/wscompat/ipexport.h include/wscompat/icmpapi.h \
	include/wscompat/wspiapi.h include/wscompat/pshpack1.h \
	include/wscompat/pshpack2.h include/wscompat/pshpack4.h \
	include/wscompat/pshpack8.h include/wscompat/poppack.h \
	include/wscompat/io.h include/wscompat/wsipx.h \
	include/wscompat/wsnwlink.h include/wscompat/conio.h \
	include/wscompat/direct.h include/wscompat/mmsystem.h include/wscompat/timeapi.h \
	include/wscompat/filesystem \
	include/wscompat/sdkddkver.h include/wscompat/ntstatus.h \
	include/wscompat/winternl.h include/wscompat/ntsecapi.h \
	include/wscompat/shlwapi.h \
	include/wscompat/stdio.h include/wscompat/string.h \
	include/wscompat/stdlib.h include/wscompat/time.h \
	include/wscompat/wchar.h include/wscompat/cstdlib
nodist_wscinclude_HEADERS = include/wscompat/wsaerrors.h include/wscompat/wsc_api.h \
	include/wscompat/wsc_winerror.h include/wscompat/wsc_crt.h

# The header names as Windows code spells them (its file system ignores
# case): the one list.  Each is a one-line header, in the build tree and
# installed, that includes the lower-case header of the same name.
WSC_SPELLINGS = WinSock2.h Winsock2.h WINSOCK2.H WinSock.h Winsock.h \
	WINSOCK.H Ws2tcpip.h WS2tcpip.h WS2TCPIP.H WS2TcpIp.h Windows.h \
	WINDOWS.H MSWSock.h Mswsock.h MSWSOCK.H MSTcpIP.h Mstcpip.h MSTCPIP.H \
	StrSafe.h Strsafe.h STRSAFE.H TChar.h Tchar.h TCHAR.H WinError.h \
	Winerror.h WINERROR.H WS2ipdef.h Ws2ipdef.h WS2IPDEF.H WS2def.h \
	Ws2def.h WS2DEF.H WSPiApi.h Wspiapi.h WSPIAPI.H IPHlpApi.h Iphlpapi.h \
	IcmpAPI.h Icmpapi.h ICMPAPI.H IPExport.h Ipexport.h IPEXPORT.H \
	IPHLPAPI.H IpHlpApi.h Process.h WinDef.h Windef.h WinBase.h Winbase.h \
	MinWinDef.h WinNT.h Winnt.h BaseTsd.h WTypes.h Wtypes.h InAddr.h \
	Inaddr.h In6Addr.h In6addr.h Sal.h SAL.H Conio.h CONIO.H SDKDDKVer.h \
	SdkDdkVer.h NTStatus.h Ntstatus.h Winternl.h WinTernl.h NTSecAPI.h \
	NTSecApi.h Ntsecapi.h Shlwapi.h ShlwApi.h SHLWAPI.H Direct.h MMSystem.h \
	Mmsystem.h TimeAPI.h Timeapi.h
WSC_SPELLING_FILES = $(WSC_SPELLINGS:%=include/wscompat/%)
BUILT_SOURCES += $(WSC_SPELLING_FILES)
nodist_wscinclude_HEADERS += $(WSC_SPELLING_FILES)
$(WSC_SPELLING_FILES): $(top_srcdir)/include/local.mk
	$(AM_V_GEN)$(MKDIR_P) include/wscompat && \
	lower=`echo '$(@F)' | tr A-Z a-z` && \
	printf '/* wscompat: <%s> as Windows code spells it. */\n#include "%s"\n' \
	  '$(@F)' "$$lower" > $@

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = wscompat.pc
