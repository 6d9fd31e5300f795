/* cmd_tension.c — `detente tension`: the tension series of a dyad per day, week or month
 * with bars and a sparkline, alerts on jumps, and the dyads that moved most (--top). */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char tension_usage[] =
    "usage: detente tension --dyad A-B [--by day|week|month] [--from DATE] [--to DATE]\n"
    "                       [--alert [--threshold X]] [OPTIONS]\n"
    "       detente tension --top [N] [--by day|week|month] [--at DATE] [--min-events N] [OPTIONS]\n"
    "Per period: events per quad class, Goldstein sum and mean, and the tension index (0 pure\n"
    "cooperation, 50 balanced or no evidence, 100 pure conflict; docs/tension.md). A-B counts\n"
    "events in both directions, \"A>B\" those of A towards B; sides are actor patterns (USA, PRKGOV,\n"
    "KOR*). --alert shows only the periods whose index rose or fell by at least X points (default\n"
    "15). --top lists the N dyads (default 10) whose index moved most in the period of --at (default:\n"
    "the latest event) among those with at least --min-events events in it (default 3).\n"
    "options: --db PATH  --half-life PERIODS  --prior POINTS  --format table|tsv|csv|jsonl  --ascii\n";

typedef struct tension_args {
    const char *db, *dyad, *from, *to, *at, *fmt_name;
    dt_tension_opts o;
    bool alert, top, ascii, min_events_given;
    double threshold;
    long long top_n, min_events;
} tension_args;

static bool parse_number(const char *opt, const char *v, double lo, double hi, double *out)
{
    char *end;
    double d = v ? strtod(v, &end) : 0;
    if (!v || end == v || *end || !(d >= lo && d <= hi)) {
        cli_error("bad %s \"%s\" (expected a number from %g to %g)", opt, v ? v : "", lo, hi);
        return false;
    }
    *out = d;
    return true;
}

/* ---------------------------------------------------------------- drawing */

static const char *const eighths[] = {"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
                                      "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"};
static const char full_block[] = "\xe2\x96\x88";

/* A horizontal bar of value 0..100 over width columns. */
static void print_bar(double value, int width, bool ascii)
{
    double cells = value / 100.0 * width;
    if (cells < 0)
        cells = 0;
    int full = (int)cells;
    int part = (int)((cells - full) * 8.0);
    for (int i = 0; i < full; i++)
        fputs(ascii ? "#" : full_block, stdout);
    if (!ascii && part > 0 && full < width)
        fputs(eighths[part], stdout);
}

/* One character per period: the index in eight (UTF-8) or ten (ASCII) levels. */
static void print_sparkline(const dt_tension_series *s, bool ascii, int width)
{
    static const char *const blocks[] = {"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
                                         "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"};
    static const char levels[] = " .:-=+*#%@";
    int col = 0;
    fputs("  ", stdout);
    for (size_t i = 0; i < s->n; i++) {
        double v = s->points[i].index / 100.0;
        if (ascii) {
            int k = (int)(v * 10.0);
            putchar(levels[k > 9 ? 9 : k < 0 ? 0 : k]);
        } else {
            int k = (int)(v * 8.0);
            fputs(blocks[k > 7 ? 7 : k < 0 ? 0 : k], stdout);
        }
        if (++col >= width && i + 1 < s->n) {
            fputs("\n  ", stdout);
            col = 0;
        }
    }
    putchar('\n');
}

static const char *by_name(dt_period by)
{
    return by == DT_BY_DAY ? "day" : by == DT_BY_WEEK ? "week" : "month";
}

static void print_series_table(const tension_args *a, const dt_tension_series *s, double half_life)
{
    bool ascii = a->ascii;
    printf("%s by %s: tension index 0 cooperation, 50 balanced, 100 conflict (half-life %g %s%s)\n", a->dyad,
           by_name(a->o.by), half_life, by_name(a->o.by), half_life == 1 ? "" : "s");
    if (!a->alert && s->n > 1)
        print_sparkline(s, ascii, 100);
    printf("%-10s %6s %6s %6s %6s %6s %8s %6s %6s %7s  %s\n", "period", "events", "vcoop", "mcoop", "vconf",
           "mconf", "gold_sum", "mean", "index", "change", a->alert ? "alert" : "");
    for (size_t i = 0; i < s->n; i++) {
        const dt_tension_point *p = &s->points[i];
        if (a->alert && !p->alert)
            continue;
        printf("%-10s %6lld %6lld %6lld %6lld %6lld %8.1f %6.2f %6.1f %+7.1f  ", p->label, (long long)p->events,
               (long long)p->n[1], (long long)p->n[2], (long long)p->n[3], (long long)p->n[4], p->gsum, p->gmean,
               p->index, p->change);
        if (a->alert)
            fputs(p->alert > 0 ? (ascii ? "rise" : "\xe2\x96\xb2 rise") : (ascii ? "fall" : "\xe2\x96\xbc fall"),
                  stdout);
        else
            print_bar(p->index, 30, ascii);
        putchar('\n');
    }
}

static void put_sep(dt_format fmt) { putchar(fmt == DT_FMT_TSV ? '\t' : ','); }

static void print_series_data(const tension_args *a, const dt_tension_series *s, dt_format fmt)
{
    static const char *const cols[] = {"dyad", "period", "start", "end", "events", "verbal_coop",
                                       "material_coop", "verbal_conflict", "material_conflict", "goldstein_sum",
                                       "goldstein_mean", "coop", "conflict", "index", "change", "alert"};
    size_t ncols = sizeof(cols) / sizeof(cols[0]);
    if (fmt != DT_FMT_JSONL) {
        for (size_t i = 0; i < ncols; i++) {
            if (i)
                put_sep(fmt);
            fputs(cols[i], stdout);
        }
        putchar('\n');
    }
    for (size_t i = 0; i < s->n; i++) {
        const dt_tension_point *p = &s->points[i];
        if (a->alert && !p->alert)
            continue;
        char start[11], end[11];
        dt_date_format(p->start, start, sizeof(start));
        dt_date_format(p->end, end, sizeof(end));
        if (fmt == DT_FMT_JSONL) {
            printf("{\"dyad\":\"%s\",\"period\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"events\":%lld,"
                   "\"verbal_coop\":%lld,\"material_coop\":%lld,\"verbal_conflict\":%lld,\"material_conflict\":%lld,"
                   "\"goldstein_sum\":%.1f,\"goldstein_mean\":%.4f,\"coop\":%.1f,\"conflict\":%.1f,"
                   "\"index\":%.4f,\"change\":%.4f,\"alert\":%d}\n",
                   a->dyad, p->label, start, end, (long long)p->events, (long long)p->n[1], (long long)p->n[2],
                   (long long)p->n[3], (long long)p->n[4], p->gsum, p->gmean, p->coop, p->conflict, p->index,
                   p->change, p->alert);
            continue;
        }
        char sep = fmt == DT_FMT_TSV ? '\t' : ',';
        printf("%s%c%s%c%s%c%s%c%lld%c%lld%c%lld%c%lld%c%lld%c%.1f%c%.4f%c%.1f%c%.1f%c%.4f%c%.4f%c%d\n", a->dyad,
               sep, p->label, sep, start, sep, end, sep, (long long)p->events, sep, (long long)p->n[1], sep,
               (long long)p->n[2], sep, (long long)p->n[3], sep, (long long)p->n[4], sep, p->gsum, sep, p->gmean,
               sep, p->coop, sep, p->conflict, sep, p->index, sep, p->change, sep, p->alert);
    }
}

static void print_top(const tension_args *a, const dt_tension_move *m, size_t n, bool table, dt_format fmt)
{
    size_t shown = n < (size_t)a->top_n ? n : (size_t)a->top_n;
    if (table) {
        printf("dyads whose tension moved most in %s (by %s; at least %lld event%s in it)\n",
               n ? m[0].label : "the period", by_name(a->o.by), a->min_events, a->min_events == 1 ? "" : "s");
        printf("%-16s %7s %7s %7s %7s\n", "dyad", "before", "after", "change", "events");
        for (size_t i = 0; i < shown; i++) {
            char dyad[24];
            snprintf(dyad, sizeof(dyad), "%s-%s", m[i].a, m[i].b);
            printf("%-16s %7.1f %7.1f %+7.1f %7lld  %s\n", dyad, m[i].before, m[i].after, m[i].change,
                   (long long)m[i].events,
                   m[i].change > 0 ? (a->ascii ? "up" : "\xe2\x96\xb2") : m[i].change < 0 ? (a->ascii ? "down" : "\xe2\x96\xbc") : "");
        }
        if (!shown)
            puts("(no dyad has enough events in that period)");
        return;
    }
    char sep = fmt == DT_FMT_TSV ? '\t' : ',';
    if (fmt != DT_FMT_JSONL)
        printf("period%cdyad%cbefore%cafter%cchange%cevents\n", sep, sep, sep, sep, sep);
    for (size_t i = 0; i < shown; i++) {
        if (fmt == DT_FMT_JSONL)
            printf("{\"period\":\"%s\",\"dyad\":\"%s-%s\",\"before\":%.4f,\"after\":%.4f,\"change\":%.4f,"
                   "\"events\":%lld}\n",
                   m[i].label, m[i].a, m[i].b, m[i].before, m[i].after, m[i].change, (long long)m[i].events);
        else
            printf("%s%c%s-%s%c%.4f%c%.4f%c%.4f%c%lld\n", m[i].label, sep, m[i].a, m[i].b, sep, m[i].before, sep,
                   m[i].after, sep, m[i].change, sep, (long long)m[i].events);
    }
}

/* ---------------------------------------------------------------- the command */

static int parse_args(int argc, char **argv, tension_args *a)
{
    const char *v;
    for (int i = 1; i < argc; i++) {
        const char **slot = NULL;
        if (cli_opt(argc, argv, &i, "--db", &v))
            slot = &a->db;
        else if (cli_opt(argc, argv, &i, "--dyad", &v))
            slot = &a->dyad;
        else if (cli_opt(argc, argv, &i, "--from", &v))
            slot = &a->from;
        else if (cli_opt(argc, argv, &i, "--to", &v))
            slot = &a->to;
        else if (cli_opt(argc, argv, &i, "--at", &v))
            slot = &a->at;
        else if (cli_opt(argc, argv, &i, "--format", &v))
            slot = &a->fmt_name;
        else if (cli_opt(argc, argv, &i, "--by", &v)) {
            if (!v)
                return EXIT_USAGE;
            if (dt_period_parse(v, &a->o.by)) {
                cli_error("bad --by \"%s\" (expected day, week or month)", v);
                return EXIT_USAGE;
            }
            continue;
        } else if (cli_opt(argc, argv, &i, "--half-life", &v)) {
            if (!parse_number("--half-life", v, 0.01, 1e6, &a->o.half_life))
                return EXIT_USAGE;
            continue;
        } else if (cli_opt(argc, argv, &i, "--prior", &v)) {
            if (!parse_number("--prior", v, 0.01, 1e9, &a->o.prior))
                return EXIT_USAGE;
            continue;
        } else if (cli_opt(argc, argv, &i, "--threshold", &v)) {
            if (!parse_number("--threshold", v, 0.01, 100, &a->threshold))
                return EXIT_USAGE;
            continue;
        } else if (cli_opt(argc, argv, &i, "--min-events", &v)) {
            if (!v || !cli_parse_count("--min-events", v, &a->min_events))
                return EXIT_USAGE;
            a->min_events_given = true;
            continue;
        } else if (strcmp(argv[i], "--top") == 0) {
            a->top = true;
            if (i + 1 < argc && argv[i + 1][0] >= '0' && argv[i + 1][0] <= '9' &&
                !cli_parse_count("--top", argv[++i], &a->top_n))
                return EXIT_USAGE;
            continue;
        } else if (strcmp(argv[i], "--alert") == 0) {
            a->alert = true;
            continue;
        } else if (strcmp(argv[i], "--ascii") == 0) {
            a->ascii = true;
            continue;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(tension_usage, stdout);
            return -1;
        } else {
            cli_error(argv[i][0] == '-' ? "unknown option %s" : "unexpected argument %s", argv[i]);
            fputs(tension_usage, stderr);
            return EXIT_USAGE;
        }
        if (!v)
            return EXIT_USAGE;
        *slot = v;
    }
    if (a->top && (a->from || a->to || a->alert)) {
        cli_error("--from, --to and --alert go with --dyad; --top takes --at DATE");
        return EXIT_USAGE;
    }
    if (!a->top && (a->at || a->min_events_given)) {
        cli_error("--at and --min-events go with --top");
        return EXIT_USAGE;
    }
    if (a->top == (a->dyad != NULL)) {
        cli_error(a->top ? "give --dyad or --top, not both" : "give --dyad A-B (or --top)");
        fputs(tension_usage, stderr);
        return EXIT_USAGE;
    }
    int32_t day[3] = {0, 0, 0};
    const char *dates[] = {a->from, a->to, a->at};
    const char *names[] = {"--from", "--to", "--at"};
    for (int k = 0; k < 3; k++)
        if (dates[k] && dt_date_parse(dates[k], strlen(dates[k]), &day[k])) {
            cli_error("bad %s \"%s\" (expected YYYY-MM-DD)", names[k], dates[k]);
            return EXIT_USAGE;
        }
    if (a->from && a->to && day[0] > day[1]) {
        cli_error("the date range is reversed: --from %s is after --to %s", a->from, a->to);
        return EXIT_USAGE;
    }
    dt_error err = {0};
    if (a->dyad && dt_dyad_check(a->dyad, &err))
        return cli_fail(DT_EINVAL, &err);
    return EXIT_OKAY;
}

int cmd_tension(int argc, char **argv)
{
    tension_args a;
    memset(&a, 0, sizeof(a));
    a.db = CLI_DEFAULT_DB;
    a.fmt_name = "table";
    a.o.by = DT_BY_MONTH;
    a.threshold = 15;
    a.top_n = 10;
    a.min_events = 3;
    int status = parse_args(argc, argv, &a);
    if (status)
        return status < 0 ? EXIT_OKAY : status;
    dt_format fmt = DT_FMT_JSONL;
    bool table = strcmp(a.fmt_name, "table") == 0;
    if (!table && dt_format_parse(a.fmt_name, &fmt)) {
        cli_error("unknown --format %s (expected table, tsv, csv or jsonl)", a.fmt_name);
        return EXIT_USAGE;
    }
    if (!a.ascii && !cli_utf8_locale())
        a.ascii = true;
    dt_store *s = NULL;
    status = cli_open_store(a.db, DT_STORE_READONLY, &s);
    if (status)
        return status;
    dt_error err = {0};
    int rc;
    if (a.top) {
        dt_tension_move *m = NULL;
        size_t n = 0;
        rc = dt_tension_top(s, &a.o, a.at, a.min_events, &m, &n, &err);
        if (rc == 0)
            print_top(&a, m, n, table, fmt);
        free(m);
    } else {
        dt_tension_series ser = {0};
        rc = dt_tension_dyad(s, a.dyad, a.from, a.to, &a.o, &ser, &err);
        if (rc == 0 && ser.n == 0) {
            cli_error("no dated events for the dyad %s", a.dyad);
        } else if (rc == 0) {
            size_t alerts = dt_tension_alerts(&ser, a.threshold);
            static const double half_life[] = {7, 2, 1};
            if (table)
                print_series_table(&a, &ser, a.o.half_life > 0 ? a.o.half_life : half_life[a.o.by]);
            else
                print_series_data(&a, &ser, fmt);
            if (table && a.alert)
                printf("%zu period%s with a change of %g points or more\n", alerts, alerts == 1 ? "" : "s",
                       a.threshold);
        }
        dt_tension_series_free(&ser);
    }
    if (rc)
        status = cli_fail(rc, &err);
    if (fflush(stdout) != 0) {
        cli_error("write error on standard output");
        status = EXIT_FAIL;
    }
    dt_store_close(s, NULL);
    return status;
}
