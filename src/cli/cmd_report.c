/* cmd_report.c — `detente report`: a self-contained HTML report of the store (tension of the
 * most active dyads with their events, roadmap timelines, top events) and a short summary
 * on the terminal. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char report_usage[] =
    "usage: detente report [--db PATH] [--out FILE.html] [--roadmap FILE]... [--dyads N] [--top N]\n"
    "                      [--by week|month] [--from DATE] [--to DATE] [--title TEXT] [-q]\n"
    "Writes a self-contained HTML page (no scripts, nothing fetched; default report.html): the\n"
    "tension index over time for the N most active dyads (default 4) with their events as markers\n"
    "(hover for the sentence and its source), each roadmap's stage timeline and deciding events,\n"
    "and the top events (default 15). Prints a short summary. Default store: " CLI_DEFAULT_DB ".\n";

static bool parse_small(const char *opt, const char *v, int *out)
{
    long long n;
    if (!v || !cli_parse_count(opt, v, &n) || n < 1 || n > 100) {
        cli_error("%s needs a number from 1 to 100", opt);
        return false;
    }
    *out = (int)n;
    return true;
}

int cmd_report(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB, *out = "report.html", *v;
    const char *roadmaps[32];
    dt_report_opts o;
    memset(&o, 0, sizeof(o));
    o.by = DT_BY_MONTH;
    o.roadmaps = roadmaps;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--db", &v)) {
            if (!v)
                return EXIT_USAGE;
            db = v;
        } else if (cli_opt(argc, argv, &i, "--out", &v)) {
            if (!v)
                return EXIT_USAGE;
            out = v;
        } else if (cli_opt(argc, argv, &i, "--roadmap", &v)) {
            if (!v || o.nroadmaps >= sizeof(roadmaps) / sizeof(roadmaps[0])) {
                cli_error("--roadmap needs a file (at most 32)");
                return EXIT_USAGE;
            }
            roadmaps[o.nroadmaps++] = v;
        } else if (cli_opt(argc, argv, &i, "--dyads", &v)) {
            if (!parse_small("--dyads", v, &o.dyads))
                return EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--top", &v)) {
            if (!parse_small("--top", v, &o.top))
                return EXIT_USAGE;
        } else if (cli_opt(argc, argv, &i, "--by", &v)) {
            if (!v || dt_period_parse(v, &o.by) || o.by == DT_BY_DAY) {
                cli_error("bad --by %s (expected week or month)", v ? v : "");
                return EXIT_USAGE;
            }
        } else if (cli_opt(argc, argv, &i, "--from", &v)) {
            if (!v)
                return EXIT_USAGE;
            o.from = v;
        } else if (cli_opt(argc, argv, &i, "--to", &v)) {
            if (!v)
                return EXIT_USAGE;
            o.to = v;
        } else if (cli_opt(argc, argv, &i, "--title", &v)) {
            if (!v)
                return EXIT_USAGE;
            o.title = v;
        } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(report_usage, stdout);
            return EXIT_OKAY;
        } else {
            cli_error(argv[i][0] == '-' ? "unknown option %s" : "unexpected argument %s", argv[i]);
            fputs(report_usage, stderr);
            return EXIT_USAGE;
        }
    }
    dt_store *s = NULL;
    int status = cli_open_store(db, DT_STORE_READONLY, &s);
    if (status)
        return status;
    dt_strbuf html = {0}, summary = {0};
    dt_error err = {0};
    int rc = dt_report(s, &o, &html, &summary, &err);
    dt_store_close(s, NULL);
    if (rc) {
        status = cli_fail(rc, &err);
    } else {
        FILE *f = fopen(out, "wb");
        if (!f || fwrite(html.data, 1, html.len, f) != html.len || fclose(f) != 0) {
            cli_error("%s: cannot write the report", out);
            if (f)
                fclose(f);
            status = EXIT_FAIL;
        } else if (!quiet) {
            fwrite(summary.data, 1, summary.len, stdout);
            printf("Report: %s\n", out);
        }
    }
    free(html.data);
    free(summary.data);
    return status;
}
