/* The input cursor and the checks every fuzz target shares, Winsock or
 * POSIX.  A target defines LLVMFuzzerTestOneInput.  Built with clang's
 * -fsanitize=fuzzer it is a libFuzzer engine (make fuzz); built with
 * standalone.c it replays a corpus as a regression test (make check). */
#ifndef WSC_FUZZ_INPUT_H
#define WSC_FUZZ_INPUT_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz {
    const uint8_t *p;
    size_t n;
};

static inline uint32_t fz_bits(struct fz *f, int bytes)
{
    uint32_t v = 0;

    while (bytes-- > 0 && f->n > 0) {
        v = v << 8 | *f->p++;
        f->n--;
    }
    return v;
}
#define fz_u8(f) ((uint8_t)fz_bits(f, 1))
#define fz_u16(f) ((uint16_t)fz_bits(f, 2))
#define fz_u32(f) fz_bits(f, 4)

/* One of n choices. */
static inline unsigned fz_pick(struct fz *f, unsigned n)
{
    return fz_u8(f) % n;
}

/* Copy up to len input bytes into buf; the rest is zero. */
static inline void fz_fill(struct fz *f, void *buf, size_t len)
{
    size_t k = len < f->n ? len : f->n;

    memcpy(buf, f->p, k);
    memset((char *)buf + k, 0, len - k);
    f->p += k;
    f->n -= k;
}

static inline void fz_die(const char *what, long got)
{
    fprintf(stderr, "fuzz invariant broken: %s (got %ld)\n", what, got);
    abort();
}
#define FZ_CHECK(cond, got) \
    do { if (!(cond)) fz_die(#cond, (long)(got)); } while (0)

/* Sockets the process holds.  The engine's own eventfd and epoll
 * descriptors are made once, at first need, and are not counted. */
static inline int fz_sockets(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    char path[300], target[64];
    ssize_t len;
    int n = 0;

    FZ_CHECK(d != NULL, 0);
    while ((de = readdir(d))) {
        snprintf(path, sizeof(path), "/proc/self/fd/%s", de->d_name);
        len = readlink(path, target, sizeof(target) - 1);
        if (len > 0) {
            target[len] = 0;
            n += !strncmp(target, "socket:", 7);
        }
    }
    closedir(d);
    return n;
}

/* As many sockets as after the first few inputs, or one leaked.  A
 * socket the SD_RECEIVE watcher still holds is closed by that thread
 * soon after: the count gets two seconds to settle. */
static inline void fz_no_leak(void)
{
    static int baseline, inputs;
    struct timespec ms = { 0, 1000000 };
    int n = fz_sockets(), tries;

    if (++inputs == 3)
        baseline = n;
    for (tries = 0; inputs > 3 && n != baseline && tries < 2000; tries++) {
        nanosleep(&ms, NULL);
        n = fz_sockets();
    }
    if (tries && getenv("FZ_SETTLE_DEBUG"))
        fprintf(stderr, "settled after %d ms\n", tries);
    if (inputs > 3)
        FZ_CHECK(n == baseline, n);
}

#endif
