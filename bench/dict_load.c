/* dict_load.c — benchmark: how long loading and compiling dictionaries takes (the full
 * Phoenix set by default), timed inside the program with a monotonic clock.
 *   build/bench/dict_load [-n RUNS] SPEC...   (default: petrarch:../shared/.../PETR_config.ini) */
#include "detente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int runs = 10;
    const char *specs[16];
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            long v = strtol(argv[++i], NULL, 10);
            runs = v > 0 && v <= 1000 ? (int)v : 1;
        }
        else if (n < 16)
            specs[n++] = argv[i];
    }
    if (n == 0)
        specs[n++] = "petrarch:../shared/reference/petrarch2/config/PETR_config.ini";
    if (runs > 1000)
        runs = 1000;
    double t[1000];
    dt_dict_stats st = {0};
    for (int r = 0; r < runs; r++) {
        dt_dict *d = NULL;
        dt_error err;
        double t0 = now();
        int rc = dt_dict_load(&d, specs, n, NULL, NULL, &err);
        t[r] = now() - t0;
        if (rc) {
            char msg[1400];
            dt_error_format(&err, msg, sizeof(msg));
            fprintf(stderr, "dict_load: %s\n", msg);
            return 1;
        }
        dt_dict_get_stats(d, &st);
        dt_dict_free(d);
    }
    qsort(t, (size_t)runs, sizeof(t[0]), cmp);
    printf("dict_load: %zu actor phrases, %zu agents, %zu verbs (%zu forms), %zu patterns, %zu issues, "
           "%zu discards, %zu bad lines, %.1f MiB\n",
           st.actor_phrases, st.agents, st.verbs, st.verb_forms, st.patterns, st.issues, st.discards,
           st.bad_lines, (double)st.bytes / (1024.0 * 1024.0));
    printf("dict_load: %d runs: min %.3f s, median %.3f s, max %.3f s\n", runs, t[0], t[runs / 2], t[runs - 1]);
    return 0;
}
