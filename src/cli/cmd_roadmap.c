/* cmd_roadmap.c — `detente roadmap FILE`: evaluate a de-escalation roadmap against the
 * events of a store (--db) or of a `detente code` output file (--events). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char roadmap_usage[] =
    "usage: detente roadmap FILE [--db PATH | --events EVENTS.jsonl] [--at YYYY-MM-DD] [--json]\n"
    "Evaluates a roadmap (docs/roadmaps.md): for each stage, met / pending / broken, since\n"
    "when, and the events that decided it, with their sentences and sources. The events are\n"
    "those of the store (" CLI_DEFAULT_DB " unless --db), or of a `detente code` output file\n"
    "(--events). --at evaluates as of a past date.\n";

int cmd_roadmap(int argc, char **argv)
{
    const char *file = NULL, *events = NULL, *db = NULL, *at = NULL, *v;
    int flags = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_opt(argc, argv, &i, "--events", &v)) {
            if (!v)
                return EXIT_USAGE;
            events = v;
        } else if (cli_opt(argc, argv, &i, "--db", &v)) {
            if (!v)
                return EXIT_USAGE;
            db = v;
        } else if (cli_opt(argc, argv, &i, "--at", &v)) {
            if (!v)
                return EXIT_USAGE;
            at = v;
        } else if (strcmp(argv[i], "--json") == 0) {
            flags |= DT_ROADMAP_JSON;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(roadmap_usage, stdout);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option %s", argv[i]);
            fputs(roadmap_usage, stderr);
            return EXIT_USAGE;
        } else if (!file) {
            file = argv[i];
        } else {
            cli_error("one roadmap at a time");
            return EXIT_USAGE;
        }
    }
    if (!file || (events && db)) {
        if (events && db)
            cli_error("--db or --events, not both");
        fputs(roadmap_usage, stderr);
        return EXIT_USAGE;
    }
    int32_t day;
    if (at && dt_date_parse(at, strlen(at), &day)) {
        cli_error("bad --at %s (expected YYYY-MM-DD)", at);
        return EXIT_USAGE;
    }
    dt_error err = {0};
    char msg[1400];
    dt_roadmap *r = NULL;
    if (dt_roadmap_load(&r, file, &err)) {
        dt_error_format(&err, msg, sizeof(msg));
        cli_error("%s", msg);
        return EXIT_FAIL;
    }
    cli_diag diag = {0};
    dt_event_list *l = NULL;
    if (events) {
        if (dt_event_list_load(&l, events, cli_diag_fn, &diag, &err)) {
            dt_error_format(&err, msg, sizeof(msg));
            cli_error("%s", msg);
            dt_roadmap_free(r);
            return EXIT_FAIL;
        }
    } else {
        dt_store *s = NULL;
        int status = cli_open_store(db ? db : CLI_DEFAULT_DB, DT_STORE_READONLY, &s);
        if (status) {
            dt_roadmap_free(r);
            return status;
        }
        int rc = dt_event_list_from_store(&l, s, NULL, &err);
        dt_store_close(s, NULL);
        if (rc) {
            dt_roadmap_free(r);
            return cli_fail(rc, &err);
        }
    }
    size_t n;
    const dt_roadmap_event *ev = dt_event_list_items(l, &n);
    dt_strbuf out = {0};
    int rc = dt_roadmap_evaluate(r, ev, n, at, flags, &out, &err);
    if (rc) {
        dt_error_format(&err, msg, sizeof(msg));
        cli_error("%s", msg);
    } else {
        fwrite(out.data, 1, out.len, stdout);
    }
    free(out.data);
    dt_event_list_free(l);
    dt_roadmap_free(r);
    return rc ? EXIT_FAIL : diag.errors ? EXIT_SKIPPED : EXIT_OKAY;
}
