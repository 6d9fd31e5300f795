/* dict_load.c — how long loading and compiling a dictionary takes, and how much memory
 * the compiled model holds: the median of N loads in one process, timed with a monotonic
 * clock, and the first load apart (the one a run of `detente` makes: its memory is new to
 * the process; run the program twice so that the files are in the file cache).
 *
 *   dict_load [-n N] SPEC...     (SPEC as for --dict: a directory, a .dict file, tabari:...,
 *                                 petrarch:...; default: the Phoenix set in ../shared)
 */
#include "detente.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = 15;
    const char *specs[16];
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-n") == 0 || strcmp(argv[i], "--runs") == 0) && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (n < 16)
            specs[n++] = argv[i];
    }
    if (n == 0)
        specs[n++] = "petrarch:../shared/reference/petrarch2/config/PETR_config.ini";
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: dict_load [-n N] SPEC...\n");
        return 2;
    }
    double *ms = malloc((size_t)runs * sizeof(*ms));
    if (!ms)
        return 1;
    dt_dict_stats st = {0};
    double first = 0;
    for (int r = -1; r < runs; r++) {
        dt_dict *d = NULL;
        dt_error err = {0};
        double t0 = now_ms();
        if (dt_dict_load(&d, specs, n, NULL, NULL, &err)) {
            char msg[1400];
            dt_error_format(&err, msg, sizeof(msg));
            fprintf(stderr, "dict_load: %s\n", msg);
            free(ms);
            return 1;
        }
        double t = now_ms() - t0;
        if (r >= 0)
            ms[r] = t;
        else
            first = t;
        dt_dict_get_stats(d, &st);
        dt_dict_free(d);
    }
    qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
    printf("dictionary load: median %.1f ms (min %.1f, max %.1f, %d loads; the first in the process "
           "%.1f ms); model %.1f MiB; %zu actors, %zu verbs, %zu patterns, %zu bad lines\n",
           ms[runs / 2], ms[0], ms[runs - 1], runs, first, (double)st.bytes / (1024.0 * 1024.0), st.actors,
           st.verbs, st.patterns, st.bad_lines);
    free(ms);
    return 0;
}
