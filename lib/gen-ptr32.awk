# Part of lib/gen-api.sh: for each function of api.def with a pointer to
# a 32-bit integer among its parameters (LPDWORD, PULONG, u_long *: the
# unsigned ones; LPLONG, PLONG: the signed), what lets a caller pass a
# pointer to an unsigned long or a long there, which Windows code does
# (both are 32-bit on Windows, 64-bit here).  Such an argument goes
# through a 32-bit copy, written back after the call: in C a macro of the
# function's wsc_ name picks the copy by _Generic (wsc_ptr32.h); in C++ an
# overload takes it.  A DWORD * goes straight through either way.
#   awk -v section=winsock2 -f gen-ptr32.awk lib/winsock/api.def
#   awk -v section=windows -f gen-ptr32.awk lib/win32/api.def
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
# "u" for the unsigned 32-bit pointers, "s" for the signed, "" otherwise.
function kind(type) {
    gsub(/[ \t]+/, " ", type)
    if (type ~ /^(LPDWORD|PDWORD|DWORD \*|PULONG|LPULONG|ULONG \*|u_long \*)$/)
        return "u"
    if (type ~ /^(LPLONG|PLONG|LONG \*)$/)
        return "s"
    return ""
}
function emit(ret, name, params,    n, p, i, t, k, sep, decl, xxdecl, margs, cargs, xxargs, m, pre, post) {
    if (name == "ioctlsocket" || params == "void")
        return
    n = split(params, p, ",")
    for (i = 1; i <= n; i++) {
        p[i] = trim(p[i])
        if (!match(p[i], /[A-Za-z0-9_]+$/))
            return
        nm[i] = substr(p[i], RSTART)
        kd[i] = kind(trim(substr(p[i], 1, RSTART - 1)))
        k = k kd[i]
    }
    if (k == "")
        return
    for (i = 1; i <= n; i++) {
        sep = i > 1 ? ", " : ""
        margs = margs sep "a" i
        if (kd[i] == "") {
            decl = decl sep p[i]
            xxdecl = xxdecl sep p[i]
            xxargs = xxargs sep nm[i]
            cargs = cargs sep nm[i]
            m = m sep "(a" i ")"
        } else {
            decl = decl sep "wsc_" kd[i] "32arg_ " nm[i]
            xxdecl = xxdecl sep "wsc_" kd[i] "32p_ " nm[i]
            xxargs = xxargs sep nm[i] ".a"
            cargs = cargs sep "wsc_" kd[i] "32_at_(&" nm[i] ", &" nm[i] "_)"
            m = m sep "WSC_" toupper(kd[i]) "32ARG_(a" i ")"
            pre = pre "    " (kd[i] == "u" ? "DWORD" : "LONG") " " nm[i] "_;\n"
            post = post "    wsc_" kd[i] "32_back_(&" nm[i] ", &" nm[i] "_);\n"
        }
    }
    print "static inline " ret " wsc_" name "_ptr32_(" decl ")"
    print "{"
    printf "%s", pre
    if (ret == "void") {
        print "    (wsc_" name ")(" cargs ");"
        printf "%s", post
    } else {
        print "    " ret " r_ = (wsc_" name ")(" cargs ");"
        printf "%s", post
        print "    return r_;"
    }
    print "}"
    print "#ifdef __cplusplus"
    print "extern \"C++\" inline " ret " wsc_" name "(" xxdecl ")"
    print "{"
    print "    " (ret == "void" ? "" : "return ") "wsc_" name "_ptr32_(" xxargs ");"
    print "}"
    print "#else"
    print "#define wsc_" name "(" margs ") wsc_" name "_ptr32_(" m ")"
    print "#endif"
}
# "ret, name, (params)...": the rest of a WINSOCK or WIN32API line.
function emit_line(line,    ret, name) {
    ret = trim(substr(line, 1, index(line, ",") - 1)); line = substr(line, index(line, ",") + 1)
    name = trim(substr(line, 1, index(line, ",") - 1)); line = substr(line, index(line, ",") + 1)
    line = trim(line)
    emit(ret, name, substr(line, 2, index(line, ")") - 2))
}
# WINSOCK(header, ret, name, (params), (args), kind)
section != "windows" && $0 ~ "^WINSOCK\\(" section ", " {
    line = $0
    sub("^WINSOCK\\(" section ", ", "", line)
    emit_line(line)
}
# WIN32API(ret, name, (params)), not those of a C library header.
section == "windows" && /^WIN32API\(/ && !/\/\* </ {
    line = $0
    sub(/^WIN32API\(/, "", line)
    emit_line(line)
}
