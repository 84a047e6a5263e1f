/* GetLogicalProcessorInformation: the processor cores, packages, caches
 * and NUMA nodes, read from Linux's /sys/devices/system, each a mask of
 * the logical processors (the first 64) that share it, as Windows
 * describes its own; code that sizes a thread pool by physical cores
 * counts the RelationProcessorCore entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "win32.h"

#define SYS_CPU "/sys/devices/system/cpu"
#define MAX_INFO 512

/* A cpu list ("0-3,8") as a mask; 0 when it cannot be read. */
static ULONG_PTR read_cpulist(const char *path)
{
    char buf[1024], *p;
    ULONG_PTR mask = 0;
    FILE *f = fopen(path, "re");

    if (!f)
        return 0;
    p = fgets(buf, sizeof buf, f);
    fclose(f);
    while (p && *p && *p != '\n') {
        char *end;
        unsigned long lo = strtoul(p, &end, 10), hi = lo;

        if (end == p)
            break;
        if (*end == '-')
            hi = strtoul(end + 1, &end, 10);
        for (unsigned long i = lo; i <= hi && i < 8 * sizeof mask; i++)
            mask |= (ULONG_PTR)1 << i;
        p = *end == ',' ? end + 1 : end;
    }
    return mask;
}

static int read_text(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "re");
    int ok;

    if (!f)
        return 0;
    ok = fgets(buf, (int)n, f) != NULL;
    fclose(f);
    buf[strcspn(buf, "\n")] = 0;
    return ok;
}

struct cpuinfo {
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION v[MAX_INFO];
    DWORD n;
};

/* Adds an entry unless one of the same kind and mask is there. */
static SYSTEM_LOGICAL_PROCESSOR_INFORMATION *
add(struct cpuinfo *c, LOGICAL_PROCESSOR_RELATIONSHIP rel, ULONG_PTR mask,
    const CACHE_DESCRIPTOR *cache)
{
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION *e;

    for (DWORD i = 0; i < c->n; i++) {
        e = &c->v[i];
        if (e->Relationship == rel && e->ProcessorMask == mask &&
            (!cache || (e->Cache.Level == cache->Level &&
                        e->Cache.Type == cache->Type)))
            return NULL;
    }
    if (!mask || c->n == MAX_INFO)
        return NULL;
    e = &c->v[c->n++];
    memset(e, 0, sizeof *e);
    e->ProcessorMask = mask;
    e->Relationship = rel;
    if (cache)
        e->Cache = *cache;
    return e;
}

/* An attribute of cache index i of cpu ("level", "size", ...) as text;
 * 0 when it cannot be read. */
static int cache_text(unsigned cpu, int i, const char *attr, char *text,
                      size_t n)
{
    char path[160];

    snprintf(path, sizeof path, SYS_CPU "/cpu%u/cache/index%d/%s", cpu, i,
             attr);
    return read_text(path, text, n);
}

static void add_caches(struct cpuinfo *c, unsigned cpu)
{
    for (int i = 0; i < 8; i++) {
        char path[160], text[64];
        CACHE_DESCRIPTOR d;
        ULONG_PTR mask;
        unsigned long v;

        if (!cache_text(cpu, i, "level", text, sizeof text))
            return;
        memset(&d, 0, sizeof d);
        d.Level = (BYTE)atoi(text);
        text[0] = 0;
        cache_text(cpu, i, "type", text, sizeof text);
        d.Type = !strcmp(text, "Data")          ? CacheData
                 : !strcmp(text, "Instruction") ? CacheInstruction
                                                : CacheUnified;
        if (cache_text(cpu, i, "size", text, sizeof text)) {
            v = strtoul(text, NULL, 10);
            d.Size = (DWORD)(strchr(text, 'M') ? v << 20
                             : strchr(text, 'K') ? v << 10 : v);
        }
        if (cache_text(cpu, i, "coherency_line_size", text, sizeof text))
            d.LineSize = (WORD)atoi(text);
        if (cache_text(cpu, i, "ways_of_associativity", text, sizeof text))
            d.Associativity = (BYTE)atoi(text);
        snprintf(path, sizeof path,
                 SYS_CPU "/cpu%u/cache/index%d/shared_cpu_list", cpu, i);
        mask = read_cpulist(path);
        add(c, RelationCache, mask ? mask : (ULONG_PTR)1 << cpu, &d);
    }
}

static void describe(struct cpuinfo *c)
{
    ULONG_PTR online = read_cpulist(SYS_CPU "/online"), all = 0;
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    if (!online) /* no /sys: one core and package per processor */
        for (long i = 0; i < n && i < (long)(8 * sizeof online); i++)
            online |= (ULONG_PTR)1 << i;
    for (unsigned cpu = 0; cpu < 8 * sizeof online; cpu++) {
        char path[128];
        ULONG_PTR core, package, self = (ULONG_PTR)1 << cpu;
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION *e;

        if (!(online & self))
            continue;
        all |= self;
        snprintf(path, sizeof path, SYS_CPU "/cpu%u/topology/thread_siblings_list",
                 cpu);
        core = read_cpulist(path) & online;
        snprintf(path, sizeof path, SYS_CPU "/cpu%u/topology/core_siblings_list",
                 cpu);
        package = read_cpulist(path) & online;
        if ((e = add(c, RelationProcessorCore, core ? core : self, NULL)))
            e->ProcessorCore.Flags = __builtin_popcountll(e->ProcessorMask) > 1
                                         ? LTP_PC_SMT : 0;
        add_caches(c, cpu);
        add(c, RelationProcessorPackage, package ? package : all, NULL);
    }
    {
        ULONG_PTR node = read_cpulist("/sys/devices/system/node/node0/cpulist");
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION *e =
            add(c, RelationNumaNode, node ? node & all : all, NULL);

        if (e)
            e->NumaNode.NodeNumber = 0;
    }
}

BOOL wsc_GetLogicalProcessorInformation(
    PSYSTEM_LOGICAL_PROCESSOR_INFORMATION buffer, PDWORD length)
{
    struct cpuinfo *c;
    DWORD need;

    if (!length)
        return wsc_w32_fail(ERROR_NOACCESS);
    if (!(c = calloc(1, sizeof *c)))
        return wsc_w32_fail(ERROR_NOT_ENOUGH_MEMORY);
    describe(c);
    need = c->n * (DWORD)sizeof c->v[0];
    if (!buffer || *length < need) {
        *length = need;
        free(c);
        return wsc_w32_fail(ERROR_INSUFFICIENT_BUFFER);
    }
    memcpy(buffer, c->v, need);
    *length = need;
    free(c);
    return TRUE;
}
