/* Replays fuzz inputs without libFuzzer: each file named, or each file of
 * each folder named, once, in name order.  A finding aborts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;

    if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET)) {
        perror(path);
        return -1;
    }
    buf = malloc(n > 0 ? (size_t)n : 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        return -1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf, (size_t)n);
    free(buf);
    return 1;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dot(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

static int run_dir(const char *dir)
{
    struct dirent **names;
    char path[4096];
    int i, n, done = 0;

    n = scandir(dir, &names, skip_dot, by_name);
    if (n < 0) {
        perror(dir);
        return -1;
    }
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
        if (done >= 0)
            done = run_file(path) < 0 ? -1 : done + 1;
        free(names[i]);
    }
    free(names);
    return done;
}

int main(int argc, char **argv)
{
    struct stat st;
    int i, r, total = 0;

    if (argc < 2 || !strcmp(argv[1], "--help")) {
        fprintf(argc < 2 ? stderr : stdout,
                "usage: %s FILE|DIR...\n"
                "Runs the fuzz target once on each input file, and on each "
                "file of each folder;\nexits non-zero if an input cannot be "
                "read, and aborts on a finding.\n", argv[0]);
        return argc < 2 ? 2 : 0;
    }
    for (i = 1; i < argc; i++) {
        if (stat(argv[i], &st)) {
            perror(argv[i]);
            return 1;
        }
        r = S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
        if (r < 0)
            return 1;
        total += r;
    }
    printf("%s: %d inputs, no finding\n", argv[0], total);
    return 0;
}
